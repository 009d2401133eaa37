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
export type BackupProgressState = ChannelOutput<'backup:progress'>;
export type BackupPhase = NonNullable<BackupProgressState['phase']>;
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

/** What the progress bar says in each step of making a backup. */
export const BACKUP_PHASE_LABELS: Record<BackupPhase, string> = {
  snapshot: 'Przygotowywanie danych do kopii',
  write: 'Zapisywanie kopii',
  verify: 'Sprawdzanie kopii',
  prune: 'Usuwanie starszych kopii',
};

/** The share of the whole job (percent) at which each step starts and ends. */
const PHASE_SPAN: Record<BackupPhase, [number, number]> = {
  snapshot: [0, 5],
  write: [5, 50],
  verify: [50, 98],
  prune: [98, 100],
};

/** Overall progress of making a backup, 0–100 (writing and reading back weigh the most). */
export function backupPercent(p: BackupProgressState | null): number {
  if (!p?.running || !p.phase) return 0;
  const [from, to] = PHASE_SPAN[p.phase];
  const share = p.totalBytes > 0 ? Math.min(1, p.doneBytes / p.totalBytes) : 0;
  return Math.round(from + (to - from) * share);
}

/**
 * Polls `backup:progress` (every `intervalMs`) while `run` is not null — the number of the backup
 * this screen started; returns the latest progress of that run, or null before the first answer.
 * Errors are ignored: the awaited `backup:create` call reports the outcome.
 */
export function useBackupProgress(run: number | null, intervalMs = 300): BackupProgressState | null {
  const [state, setState] = useState<{ run: number; progress: BackupProgressState } | null>(null);
  useEffect(() => {
    if (run === null) return;
    let stopped = false;
    let timer: number | undefined;
    const tick = async () => {
      try {
        const progress = await call('backup:progress', {});
        if (!stopped && progress.running) setState({ run, progress });
      } catch {
        /* the create call reports failures */
      }
      if (!stopped) timer = window.setTimeout(() => void tick(), intervalMs);
    };
    void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [run, intervalMs]);
  return state && state.run === run ? state.progress : null;
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
