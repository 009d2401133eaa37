/**
 * The consistent snapshot of the live database, and facts read from a database (counts, office
 * name) for the manifest and the checks after reading a backup back.
 */
import { closeSync, copyFileSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { SqliteHandle } from '../open';
import type { BackupCounts } from './format';

export const SNAPSHOT_FILE = 'asysta.db';
const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * A consistent copy of the live encrypted database, still encrypted with the same key.
 *
 * Fast path: checkpoint the WAL into the main file (TRUNCATE) and copy that file. better-sqlite3
 * is synchronous and this process is the only writer (data-folder lock), so no write can happen
 * between the checkpoint and the end of the copy: the copy is exactly the committed state. If the
 * checkpoint could not move every frame (a reader still holds an old snapshot), fall back to
 * `VACUUM INTO`, which reads one consistent transaction including the WAL (slower: it rebuilds and
 * re-encrypts every page). With SQLite3 MultipleCiphers both keep the cipher — asserted below,
 * never assumed (the online backup API refuses an encrypted source, and other builds can
 * silently write plaintext).
 */
export function takeSnapshot(sqlite: SqliteHandle, workDir: string): string {
  const path = join(workDir, SNAPSHOT_FILE);
  const [cp] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  if (cp && cp.busy === 0 && cp.log === cp.checkpointed && sqlite.name && existsSync(sqlite.name)) {
    copyFileSync(sqlite.name, path);
  } else {
    sqlite.prepare('VACUUM INTO ?').run(path);
  }
  assertNotPlaintext(path);
  return path;
}

export function assertNotPlaintext(path: string): void {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    if (head.equals(SQLITE_PLAIN_HEADER)) {
      throw new AppError('INTERNAL', 'Kopia bazy danych nie jest zaszyfrowana — tworzenie kopii przerwano.');
    }
  } finally {
    closeSync(fd);
  }
}

function hasTable(sqlite: SqliteHandle, name: string): boolean {
  return !!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name);
}

function countIf(sqlite: SqliteHandle, table: string): number | null {
  if (!hasTable(sqlite, table)) return null;
  return (sqlite.prepare(`SELECT count(*) AS c FROM "${table}"`).get() as { c: number }).c;
}

export function readCounts(sqlite: SqliteHandle): BackupCounts {
  return {
    families: countIf(sqlite, 'families'),
    cases: countIf(sqlite, 'cases'),
    users: countIf(sqlite, 'users'),
    auditEntries: countIf(sqlite, 'audit_log'),
  };
}

export function readOfficeName(sqlite: SqliteHandle): string {
  if (!hasTable(sqlite, 'office')) return '';
  return (sqlite.prepare('SELECT name FROM office WHERE id = 1').get() as { name?: string } | undefined)?.name ?? '';
}

export function readSchemaVersion(sqlite: SqliteHandle): number {
  if (!hasTable(sqlite, '__drizzle_migrations')) return 0;
  return (sqlite.prepare('SELECT count(*) AS c FROM __drizzle_migrations').get() as { c: number }).c;
}

export function integrityOk(sqlite: SqliteHandle): boolean {
  const rows = sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>;
  return rows.length === 1 && rows[0]!.integrity_check === 'ok';
}

/**
 * Audit actions that are not changes to the data (logins, locks, reading a file, backups): they
 * do not make a backup out of date.
 */
export const CHANGE_FILTER_SQL = `action NOT LIKE 'auth.%' AND action NOT LIKE 'session.%' AND action NOT LIKE 'backup.%'
  AND action NOT LIKE 'access.%' AND action NOT IN ('family.open', 'family.open_forbidden', 'family.duplicate_check', 'recovery.confirmed')`;

/** Newest change recorded in the audit log (ISO time) and how many changes came after `since`. */
export function changesSince(sqlite: SqliteHandle, since: string | null): { lastChangeAt: string | null; changesAfter: number } {
  if (!hasTable(sqlite, 'audit_log')) return { lastChangeAt: null, changesAfter: 0 };
  const last = (sqlite.prepare(`SELECT max(at) AS m FROM audit_log WHERE ${CHANGE_FILTER_SQL}`).get() as { m: string | null }).m;
  const after = since
    ? (sqlite.prepare(`SELECT count(*) AS c FROM audit_log WHERE at > ? AND ${CHANGE_FILTER_SQL}`).get(since) as { c: number }).c
    : 0;
  return { lastChangeAt: last, changesAfter: after };
}
