/**
 * File-system access for backups: the target (USB stick) behind a small interface so tests can
 * pull the stick mid-write or fill it up, the mapping of OS errors to typed Polish errors, and
 * the crash hooks used by the SIGKILL tests.
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, win32 } from 'node:path';
import { AppError } from '../../shared/errors';

export interface WritableTarget {
  write(buf: Buffer): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** What the backup writer needs from the target's file system. */
export interface TargetFs {
  openForWrite(path: string): Promise<WritableTarget>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  syncDir(dir: string): Promise<void>;
}

export const nodeTargetFs: TargetFs = {
  async openForWrite(path) {
    // 'wx': never overwrite an existing file (a backup of the same minute, or a stale partial).
    const fh = await open(path, 'wx', 0o600);
    return {
      async write(buf) {
        let off = 0;
        while (off < buf.length) off += (await fh.write(buf, off, buf.length - off)).bytesWritten;
      },
      sync: () => fh.sync(),
      close: () => fh.close(),
    };
  },
  rename: (from, to) => rename(from, to),
  rm: (path) => rm(path, { force: true }),
  readdir: (dir) => readdir(dir),
  syncDir: async (dir) => syncDirSync(dir),
};

export function syncDirSync(dir: string): void {
  // Directories cannot be opened for fsync on Windows; FAT/exFAT sticks ignore it too.
  if (process.platform === 'win32') return;
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    /* some file systems (vfat, fuse) refuse fsync on a directory */
  } finally {
    closeSync(fd);
  }
}

const REMOVED = new Set(['ENOENT', 'ENODEV', 'EIO', 'ENXIO', 'ENOTDIR', 'ESTALE', 'ENOMEDIUM', 'EBADF']);
const FULL = new Set(['ENOSPC', 'EDQUOT']);
const NOT_WRITABLE = new Set(['EPERM', 'EACCES', 'EROFS']);

/** True for "no space left" from the OS (ENOSPC, EDQUOT) or from SQLite (SQLITE_FULL). */
export function isDiskFull(e: unknown): boolean {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && (FULL.has(code) || code === 'SQLITE_FULL');
}

/** How the disk holding `dir` is named to the user: its drive on Windows ("C:"), else the folder. */
export function diskLabel(dir: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    const root = win32.parse(dir).root.replace(/[\\/]+$/, '');
    return root ? `dysku ${root}` : `dysku z folderem ${dir}`;
  }
  return `dysku z folderem ${dir}`;
}

const FULL_ON_DATA_DISK = {
  backup: 'na kopię roboczą bazy danych. Zwolnij miejsce na tym dysku (nośnik docelowy kopii nie jest pełny) i spróbuj ponownie. Kopia NIE została wykonana; dane w programie są nienaruszone.',
  restore: 'na rozpakowanie kopii. Zwolnij miejsce na tym dysku i spróbuj ponownie. Nic nie zostało przywrócone; obecne dane są nienaruszone.',
  verify: 'na sprawdzenie kopii. Zwolnij miejsce na tym dysku i spróbuj ponownie. Sama kopia nie została zmieniona.',
} as const;

/**
 * A "disk full" while working on the local disk (the data folder, where snapshots and restores
 * are staged) as DISK_FULL naming that disk, not the USB stick; any other error unchanged.
 */
export function localDiskError(e: unknown, dir: string, purpose: keyof typeof FULL_ON_DATA_DISK): unknown {
  if (e instanceof AppError || !isDiskFull(e)) return e;
  // Name the folder the user knows (the data folder), not our work folders inside it.
  let shown = dir;
  while (basename(shown).startsWith('.asysta-') && dirname(shown) !== shown) shown = dirname(shown);
  return new AppError('DISK_FULL', `Na ${diskLabel(shown)} zabrakło miejsca ${FULL_ON_DATA_DISK[purpose]}`);
}

export type LocalPurpose = keyof typeof FULL_ON_DATA_DISK;

/** An OS error on the backup target (or the file being read back) as a typed error. */
export function targetError(e: unknown): unknown {
  if (e instanceof AppError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (!code) return e;
  if (REMOVED.has(code)) return new AppError('TARGET_REMOVED');
  if (FULL.has(code)) return new AppError('DISK_FULL');
  if (code === 'EFBIG') {
    return new AppError('DISK_FULL', 'Plik kopii jest większy, niż pozwala system plików nośnika (FAT32: 4 GB). Użyj nośnika sformatowanego jako exFAT lub NTFS.');
  }
  if (NOT_WRITABLE.has(code)) return new AppError('TARGET_NOT_WRITABLE');
  if (code === 'EBUSY') {
    return new AppError('TARGET_NOT_WRITABLE', 'Plik kopii jest zablokowany przez inny program (np. antywirus). Spróbuj ponownie za chwilę. Kopia NIE została wykonana.');
  }
  if (code === 'EXDEV') return new AppError('TARGET_NOT_WRITABLE', 'Nie można przenieść pliku między nośnikami. Wybierz folder bezpośrednio na nośniku docelowym.');
  return e;
}

/** Errors when reading a backup file the user picked. */
export function sourceError(e: unknown): unknown {
  if (e instanceof AppError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new AppError('NOT_FOUND', 'Nie znaleziono pliku kopii zapasowej (sprawdź, czy nośnik jest podłączony).');
  if (code === 'EISDIR') return new AppError('VALIDATION', 'Wskaż plik kopii zapasowej, a nie folder.');
  if (code && REMOVED.has(code)) return new AppError('TARGET_REMOVED', 'Nie można odczytać pliku kopii: nośnik odłączono lub jest uszkodzony.');
  if (code && NOT_WRITABLE.has(code)) return new AppError('FORBIDDEN', 'Brak uprawnień do odczytu pliku kopii zapasowej.');
  return e;
}

/**
 * Test hook: `ASYSTA_CRASH_AT=<point>` kills the process with SIGKILL at that step, so the tests
 * can check that the next start finds the old or the new state, complete. No effect otherwise.
 */
export function crashPoint(name: string): void {
  if (process.env.ASYSTA_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('BACKUP_CANCELLED');
}
