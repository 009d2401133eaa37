/**
 * One writer per data folder. Electron's single-instance lock covers two app windows; this file
 * lock also stops a CLI tool or the web preview from opening a folder the app has open.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/errors';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, '.asysta.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      if (Number.isFinite(pid) && pid !== process.pid && processAlive(pid)) {
        throw new AppError('DB_LOCKED_BY_OTHER');
      }
      // Stale lock from a crashed process (or our own from an unclean reopen): take it over.
      rmSync(path, { force: true });
    }
  }
  throw new AppError('DB_LOCKED_BY_OTHER');
}
