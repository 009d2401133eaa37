/**
 * One writer per data folder. Electron's single-instance lock covers two app windows; this lock
 * also stops a CLI tool, the web preview or a second core in the same process from opening a
 * folder that is in use.
 *
 * The lock is an operating-system file lock, so it dies with the process: `.asysta.lock` is a
 * tiny, empty SQLite file held with `locking_mode=EXCLUSIVE` (SQLite takes byte-range locks:
 * fcntl on Linux, LockFileEx on Windows; the OS drops them when the process ends, however it
 * ends). A PID written in a file is not enough: after a Windows shutdown that killed the app
 * (no `will-quit`), the PID may belong to another program at the next start and the folder
 * would look locked for good. The file itself is never deleted (deleting a lock file another
 * process may be opening at that moment would let two processes think they hold it); it holds
 * no data.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/errors';
import { prepareDatabaseFile } from './private';

export const LOCK_FILE = '.asysta.lock';

export interface DataDirLock {
  release(): void;
}

export interface LockOptions {
  /** better_sqlite3.node built for the running runtime (Electron development). */
  nativeBinding?: string | undefined;
}

const BUSY = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);
/** A lock file written by an older Asysta (a PID as text) or damaged: not a lock anyone holds. */
const NOT_A_LOCK = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

function tryLock(path: string, opts: LockOptions): Database.Database {
  // Private like the rest of the data folder (created empty with 0600; see db/private.ts).
  prepareDatabaseFile(path);
  const db = new Database(path, { timeout: 0, nativeBinding: opts.nativeBinding });
  try {
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    // In EXCLUSIVE locking mode the lock taken by BEGIN EXCLUSIVE is kept after COMMIT, until
    // the connection closes (release) or the process ends.
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function acquireDataDirLock(dataDir: string, opts: LockOptions = {}): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    let db: Database.Database;
    try {
      db = tryLock(path, opts);
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (BUSY.has(code)) throw new AppError('DB_LOCKED_BY_OTHER');
      if (NOT_A_LOCK.has(code) && attempt === 0) {
        rmSync(path, { force: true });
        continue;
      }
      throw e;
    }
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        db.close();
      },
    };
  }
  throw new AppError('DB_LOCKED_BY_OTHER');
}
