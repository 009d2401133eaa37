/**
 * The data folder is private to the account that runs Asysta: on POSIX the folder is 0700 and
 * every file in it 0600 — the database, its -wal and -shm, keys.json, auth-state.json, the
 * pending-events file, the lock. SQLite creates a new database with 0644 (less the umask) and
 * gives its -wal and -shm the database file's mode, so the database file is created empty with
 * 0600 before SQLite opens it (SQLite treats an empty file as a new database), and an existing
 * installation's files are tightened at open.
 *
 * Windows has no POSIX modes (chmod only toggles read-only): there the data folder lives in the
 * user's profile (%APPDATA%\Asysta\dane), whose inherited ACL already grants access only to that
 * user, SYSTEM and the Administrators group; these functions do nothing on Windows.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

const POSIX = process.platform !== 'win32';

/** Creates the folder (and parents) if needed and makes the folder itself 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!POSIX) return;
  try {
    if ((statSync(dir).mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
  } catch {
    /* not ours to change (a folder owned by someone else): the files inside are still 0600 */
  }
}

/** Makes existing files 0600 (missing ones are skipped). */
export function makeFilesPrivate(paths: string[]): void {
  if (!POSIX) return;
  for (const p of paths) {
    try {
      if (existsSync(p) && (statSync(p).mode & 0o777) !== 0o600) chmodSync(p, 0o600);
    } catch {
      /* best effort: the file may have gone meanwhile */
    }
  }
}

/**
 * Before SQLite opens `dbPath` for writing: a new database file is created empty with 0600;
 * an existing one, and its -wal and -shm, are made 0600.
 */
export function prepareDatabaseFile(dbPath: string): void {
  if (!existsSync(dbPath)) {
    try {
      closeSync(openSync(dbPath, 'wx', 0o600));
    } catch {
      /* created meanwhile, or the folder is missing: SQLite reports that */
    }
  }
  makeFilesPrivate([dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`]);
}
