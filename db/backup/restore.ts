/**
 * Restoring a backup into a data folder:
 *   verify the whole file -> decrypt into a staging folder inside the data folder -> open it,
 *   integrity_check, migrate an older schema forward, audit -> swap it in atomically, keeping
 *   the previous files aside.
 *
 * The swap is driven by a small journal (`restore-journal.json`, written atomically):
 *   state "swapping": the previous files are being moved into `before-restore-<ts>/` and the
 *                     staged ones into place. A crash here is rolled BACK at the next start:
 *                     every previous file that was moved aside goes back, anything new goes.
 *   state "swapped":  the restored files are in place and opened once. A crash here is rolled
 *                     FORWARD at the next start: only the staging leftovers are removed.
 * `recoverInterruptedRestore(dataDir)` runs from the AsystaCore constructor.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { acquireDataDirLock, type DataDirLock, type LockOptions } from '../lockfile';
import { writeFileAtomic } from '../fsutil';
import { KEYSTORE_FILE } from '../keystore';
import { DB_FILE, openDatabase, schemaVersion, type SqliteHandle } from '../open';
import { recordAudit } from '../audit/writer';
import type { BackupCounts } from './format';
import { crashPoint, localDiskError, syncDirSync } from './io';
import {
  backupInfo,
  checkExtracted,
  extractBackup,
  knownSchemaVersion,
  readBackupHeader,
  unlockBackup,
  type BackupInfo,
  type BackupProgress,
  type BackupSecret,
  type SecretGuard,
} from './read';
import { changesSince, integrityOk, readCounts } from './snapshot';

export const RESTORE_JOURNAL = 'restore-journal.json';
const STAGING_PREFIX = '.asysta-restore-';
const WORK_PREFIX = '.asysta-work-';
/** Files of an installation that a restore replaces (the rest — lock, settings — stays). */
const LIVE_FILES = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, KEYSTORE_FILE, 'pending-events.log', 'auth-state.json'];
const STAGED_FILES = [DB_FILE, KEYSTORE_FILE];

interface Journal {
  format: 1;
  state: 'swapping' | 'swapped';
  staging: string;
  aside: string;
  /** Live files that existed before the swap (the only ones that may be moved back). */
  hadOld: string[];
}

export interface PreparedRestore {
  stagingDir: string;
  dataKey: Buffer;
  info: BackupInfo;
  migratedFrom: number;
  schemaVersion: number;
}

/**
 * Verify the whole file and stage it: decrypt into `<dataDir>/.asysta-restore-*`, open with
 * migrations (older schema forward; newer refused), integrity_check, add the audit entry.
 * Nothing in the live installation is touched. The caller disposes of the staging folder.
 */
export async function prepareRestore(o: {
  file: string;
  secret: BackupSecret;
  dataDir: string;
  restoredBy: string | null;
  restoredByUserId: string | null;
  now: Date;
  /** CoreResources.migrationsFolder: what this app version knows (older backups migrate forward). */
  migrationsFolder: string;
  nativeBinding?: string;
  signal?: AbortSignal;
  onProgress?: (p: BackupProgress) => void;
  /** Throttles wrong secrets (the core passes its login throttle). */
  guard?: SecretGuard;
}): Promise<PreparedRestore> {
  const parsed = await readBackupHeader(o.file);
  const stagingDir = join(o.dataDir, `${STAGING_PREFIX}${Date.now().toString(36)}-${process.pid}`);
  try {
    mkdirSync(o.dataDir, { recursive: true });
    rmSync(stagingDir, { recursive: true, force: true });
    mkdirSync(stagingDir, { mode: 0o700 });
  } catch (e) {
    throw localDiskError(e, o.dataDir, 'restore');
  }
  let dataKey: Buffer | null = null;
  try {
    dataKey = await unlockBackup(parsed.header, o.secret, stagingDir, o.guard);
    if (parsed.header.schemaVersion > knownSchemaVersion(o.migrationsFolder)) throw new AppError('BACKUP_FROM_FUTURE');
    const x = await extractBackup(o.file, dataKey, parsed, stagingDir, { ...o, phase: 'restore', purpose: 'restore' });
    checkExtracted(x, dataKey, o.nativeBinding);
    const info = backupInfo(o.file, x, o.migrationsFolder);
    crashPoint('restore:extracted');

    let opened;
    try {
      opened = openDatabase(x.dbPath, dataKey, { migrationsFolder: o.migrationsFolder, nativeBinding: o.nativeBinding });
    } catch (e) {
      if (e instanceof AppError && e.code === 'DB_FROM_FUTURE') throw new AppError('BACKUP_FROM_FUTURE');
      throw e;
    }
    let version: number;
    try {
      if (!integrityOk(opened.sqlite)) throw new AppError('BACKUP_CORRUPT');
      version = schemaVersion(opened.sqlite);
      recordAudit(opened.db, o.now.toISOString(), { userId: o.restoredByUserId, userLogin: o.restoredBy }, 'backup.restored', null, {
        file: info.name,
        bytes: info.bytes,
        backupCreatedAt: info.createdAt,
        schemaVersionInBackup: info.schemaVersion,
        schemaVersionNow: version,
      });
      opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      opened.sqlite.close();
    }
    for (const f of [`${DB_FILE}-wal`, `${DB_FILE}-shm`]) rmSync(join(stagingDir, f), { force: true });
    syncDirSync(stagingDir);
    return { stagingDir, dataKey, info, migratedFrom: info.schemaVersion, schemaVersion: version };
  } catch (e) {
    dataKey?.fill(0);
    rmSync(stagingDir, { recursive: true, force: true });
    // Staging, migrating and checking write to the data folder's disk.
    throw localDiskError(e, o.dataDir, 'restore');
  }
}

export interface CurrentData {
  setUp: boolean;
  /** False when the current data cannot be read with the backup's key (another installation). */
  readable: boolean;
  lastChangeAt: string | null;
  /** Changes recorded in the current data after the backup was made (lost by restoring). */
  changesAfterBackup: number;
  counts: BackupCounts | null;
}

export function isInstallation(dataDir: string): boolean {
  return existsSync(join(dataDir, KEYSTORE_FILE)) && existsSync(join(dataDir, DB_FILE));
}

/** What the current installation holds, compared with a backup made at `backupCreatedAt`. */
export function assessCurrent(
  dataDir: string,
  backupCreatedAt: string,
  via: { sqlite: SqliteHandle } | { dataKey: Buffer; nativeBinding?: string },
): CurrentData {
  if (!isInstallation(dataDir)) return { setUp: false, readable: true, lastChangeAt: null, changesAfterBackup: 0, counts: null };
  const read = (sqlite: SqliteHandle): CurrentData => {
    const c = changesSince(sqlite, backupCreatedAt);
    return { setUp: true, readable: true, lastChangeAt: c.lastChangeAt, changesAfterBackup: c.changesAfter, counts: readCounts(sqlite) };
  };
  if ('sqlite' in via) return read(via.sqlite);
  let opened;
  try {
    opened = openDatabase(join(dataDir, DB_FILE), via.dataKey, { skipMigrations: true, nativeBinding: via.nativeBinding });
  } catch {
    return { setUp: true, readable: false, lastChangeAt: null, changesAfterBackup: 0, counts: null };
  }
  try {
    return read(opened.sqlite);
  } finally {
    opened.sqlite.close();
  }
}

export function needsConfirmation(c: CurrentData): boolean {
  return c.setUp && (!c.readable || c.changesAfterBackup > 0);
}

function writeJournal(dataDir: string, j: Journal): void {
  writeFileAtomic(join(dataDir, RESTORE_JOURNAL), JSON.stringify(j, null, 2));
}

/**
 * Swap the staged files in. The caller holds the data-folder lock and has closed the database.
 * Returns the folder holding the previous files (null on a fresh installation).
 */
export function swapIn(dataDir: string, prepared: PreparedRestore, opts: { nativeBinding?: string; stamp: string }): string | null {
  const asideName = `before-restore-${opts.stamp}`;
  const aside = join(dataDir, asideName);
  const hadOld = LIVE_FILES.filter((f) => existsSync(join(dataDir, f)));
  const staging = prepared.stagingDir.slice(dataDir.length + 1);
  try {
    writeJournal(dataDir, { format: 1, state: 'swapping', staging, aside: asideName, hadOld });
  } catch (e) {
    throw localDiskError(e, dataDir, 'restore');
  }
  crashPoint('restore:journal');
  try {
    mkdirSync(aside, { recursive: true, mode: 0o700 });
    for (const f of hadOld) {
      renameSync(join(dataDir, f), join(aside, f));
      crashPoint('restore:moving-aside');
    }
    syncDirSync(aside);
    syncDirSync(dataDir);
    crashPoint('restore:aside');
    for (const f of STAGED_FILES) renameSync(join(prepared.stagingDir, f), join(dataDir, f));
    syncDirSync(dataDir);
    crashPoint('restore:moved-in');
    // The restored database must open before the swap counts as done.
    const o = openDatabase(join(dataDir, DB_FILE), prepared.dataKey, { skipMigrations: true, nativeBinding: opts.nativeBinding });
    try {
      if (!(o.sqlite.pragma('quick_check') as Array<{ quick_check: string }>).every((r) => r.quick_check === 'ok')) {
        throw new AppError('BACKUP_CORRUPT');
      }
    } finally {
      o.sqlite.close();
    }
    crashPoint('restore:opened');
  } catch (e) {
    rollBack(dataDir, { format: 1, state: 'swapping', staging, aside: asideName, hadOld });
    // Rolled back: a full disk here (the journal, the restored database's -wal) is named.
    throw localDiskError(e, dataDir, 'restore');
  }
  writeJournal(dataDir, { format: 1, state: 'swapped', staging, aside: asideName, hadOld });
  crashPoint('restore:swapped');
  finish(dataDir, staging, asideName, hadOld.length === 0);
  return hadOld.length ? aside : null;
}

function rollBack(dataDir: string, j: Journal): void {
  const aside = join(dataDir, j.aside);
  for (const f of LIVE_FILES) {
    const live = join(dataDir, f);
    if (j.hadOld.includes(f)) {
      // Moved aside already -> bring it back (over the restored copy); otherwise it never moved.
      if (existsSync(join(aside, f))) renameSync(join(aside, f), live);
    } else {
      rmSync(live, { force: true });
    }
  }
  syncDirSync(dataDir);
  rmSync(aside, { recursive: true, force: true });
  rmSync(join(dataDir, j.staging), { recursive: true, force: true });
  rmSync(join(dataDir, RESTORE_JOURNAL), { force: true });
}

function finish(dataDir: string, staging: string, aside: string, asideEmpty: boolean): void {
  rmSync(join(dataDir, staging), { recursive: true, force: true });
  if (asideEmpty) rmSync(join(dataDir, aside), { recursive: true, force: true });
  rmSync(join(dataDir, RESTORE_JOURNAL), { force: true });
  syncDirSync(dataDir);
}

/**
 * At start: finish or undo a restore that a crash interrupted, and remove leftover work and
 * staging folders (they hold only encrypted copies), holding the folder's lock. Skipped while
 * another process, or another core in this one, holds it (it may be in the middle of its own
 * backup or restore).
 */
export function recoverInterruptedRestore(dataDir: string, opts: LockOptions = {}): 'none' | 'rolled-back' | 'completed' {
  if (!existsSync(dataDir)) return 'none';
  let lock: DataDirLock;
  try {
    lock = acquireDataDirLock(dataDir, opts);
  } catch (e) {
    if (e instanceof AppError && e.code === 'DB_LOCKED_BY_OTHER') return 'none';
    throw e;
  }
  try {
    return recoverLocked(dataDir);
  } finally {
    lock.release();
  }
}

function recoverLocked(dataDir: string): 'none' | 'rolled-back' | 'completed' {
  let outcome: 'none' | 'rolled-back' | 'completed' = 'none';
  const jp = join(dataDir, RESTORE_JOURNAL);
  if (existsSync(jp)) {
    let j: Journal | null = null;
    try {
      j = JSON.parse(readFileSync(jp, 'utf8')) as Journal;
    } catch {
      j = null;
    }
    if (!j || j.format !== 1 || typeof j.staging !== 'string' || typeof j.aside !== 'string' || !Array.isArray(j.hadOld)) {
      // writeFileAtomic never leaves a half-written journal; a damaged one is left for support.
      return 'none';
    }
    if (j.state === 'swapped') {
      finish(dataDir, j.staging, j.aside, j.hadOld.length === 0);
      outcome = 'completed';
    } else {
      rollBack(dataDir, j);
      outcome = 'rolled-back';
    }
  }
  for (const name of readdirSync(dataDir)) {
    if (name.startsWith(STAGING_PREFIX) || name.startsWith(WORK_PREFIX)) {
      rmSync(join(dataDir, name), { recursive: true, force: true });
    }
  }
  return outcome;
}
