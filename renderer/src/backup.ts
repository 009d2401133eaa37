/**
 * Renderer helpers for backups (issue 6): the backup status hook shared by the navigation, the
 * home-screen reminder and the backup page, the optional native pickers of the Electron shell,
 * and Polish formatting of sizes and counts.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { call } from './api';
import { plural } from './format';

export type BackupStatus = ChannelOutput<'backup:status'>;
export type BackupInfo = ChannelOutput<'backup:verify'>;
export type BackupCounts = BackupInfo['counts'];

/** The extension of backup files (db/backup/format.ts). */
export const BACKUP_EXTENSION = '.asysta-backup';

/**
 * The backup status of this installation for the logged-in user; null while loading or when the
 * call failed (the callers then simply show nothing).
 */
export function useBackupStatus(): { status: BackupStatus | null; reload: () => Promise<void> } {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const reload = useCallback(async () => {
    try {
      setStatus(await call('backup:status', {}));
    } catch {
      setStatus(null);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { status, reload };
}

/** The Electron shell's native pickers, or null in the browser preview (type a path instead). */
export function nativeShell(): NonNullable<Window['asystaShell']> | null {
  const shell = (window as Partial<Window>).asystaShell;
  return shell && typeof shell.chooseFolder === 'function' && typeof shell.chooseFile === 'function' ? shell : null;
}

/** "12,4 MB" */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = i === 0 || v >= 100 ? 0 : 1;
  return `${v.toLocaleString('pl-PL', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${units[i]}`;
}

/** "30 rodzin", "1 sprawa", … ("—" when the backup does not know the count). */
export function countLabel(n: number | null, one: string, few: string, many: string): string {
  return n === null ? '—' : `${n.toLocaleString('pl-PL')} ${plural(n, one, few, many)}`;
}

export function familiesLabel(n: number | null): string {
  return countLabel(n, 'rodzina', 'rodziny', 'rodzin');
}

export function casesLabel(n: number | null): string {
  return countLabel(n, 'sprawa', 'sprawy', 'spraw');
}

export function usersLabel(n: number | null): string {
  return countLabel(n, 'konto', 'konta', 'kont');
}
