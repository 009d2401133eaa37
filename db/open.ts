/**
 * Opening the encrypted database: key -> SQLCipher -> probe -> pragmas -> migrations -> drizzle.
 * Electron-free; the caller passes paths (and, under Electron in development, the native binding).
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/errors';
import { chainLegacyRows } from './audit/chain';
import { DATA_KEY_BYTES } from './crypto';
import { prepareDatabaseFile } from './private';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
export type SqliteHandle = Database.Database;
/** A database or an open transaction on it (repositories accept both). */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export const DB_FILE = 'asysta.db';

interface OpenCommon {
  /** Path to a better_sqlite3.node built for the running runtime (Electron development). */
  nativeBinding?: string | undefined;
  readonly?: boolean;
}

/**
 * Either the migrations folder (CoreResources.migrationsFolder, from the host) or an explicit
 * `skipMigrations` (read-only checks of a snapshot, tests that build an older schema).
 */
export type OpenOptions = OpenCommon & ({ migrationsFolder: string; skipMigrations?: false } | { skipMigrations: true; migrationsFolder?: undefined });

export interface OpenedDb {
  sqlite: SqliteHandle;
  db: Db;
}

export function journalEntries(migrationsFolder: string): Array<{ tag: string; when: number }> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ tag: string; when: number }>;
  };
  return journal.entries;
}

/** Apply SQLCipher settings and the raw 256-bit key to a fresh connection. */
export function applyKey(sqlite: SqliteHandle, dataKey: Buffer): void {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error('data key must be 32 bytes');
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma('legacy=4');
  sqlite.pragma(`key="x'${dataKey.toString('hex')}'"`);
}

export function openDatabase(path: string, dataKey: Buffer, opts: OpenOptions): OpenedDb {
  // A new database (and its -wal and -shm) is private to this account from the first byte.
  if (!opts.readonly) prepareDatabaseFile(path);
  const sqlite = new Database(path, {
    nativeBinding: opts.nativeBinding,
    readonly: opts.readonly ?? false,
  });
  try {
    applyKey(sqlite, dataKey);
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'SQLITE_NOTADB') throw new AppError('WRONG_PASSWORD', 'Klucz nie pasuje do tej bazy danych.');
      if (code === 'SQLITE_CORRUPT') throw new AppError('DB_CORRUPT');
      throw e;
    }
    if (!opts.readonly) {
      sqlite.pragma('journal_mode = WAL');
      // FULL: in WAL mode a committed transaction survives power loss (NORMAL may lose the tail).
      sqlite.pragma('synchronous = FULL');
    }
    sqlite.pragma('foreign_keys = ON');
    // Sorting and temp tables stay in memory, so no plaintext temp file is ever written.
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('busy_timeout = 5000');
    const db = drizzle(sqlite, { schema });
    if (!opts.skipMigrations && !opts.readonly) {
      runMigrations(sqlite, db, opts.migrationsFolder);
      // Audit entries written before the hash chain (migration 0005) are chained once, in id
      // order, in one transaction (db/audit/chain.ts).
      if (hasAuditChain(sqlite)) chainLegacyRows(db);
    }
    return { sqlite, db };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

/**
 * Applies pending migrations in one transaction (drizzle's migrator wraps them in BEGIN/COMMIT),
 * after refusing a database written by a newer app version.
 */
export function runMigrations(sqlite: SqliteHandle, db: Db, migrationsFolder: string): void {
  const entries = journalEntries(migrationsFolder);
  const newestKnown = Math.max(0, ...entries.map((e) => e.when));
  const hasTable = migrationsTableExists(sqlite);
  if (hasTable) {
    const row = sqlite.prepare('SELECT max(created_at) AS m FROM __drizzle_migrations').get() as { m: number | null };
    if (row.m !== null && Number(row.m) > newestKnown) throw new AppError('DB_FROM_FUTURE');
  }
  migrate(db, { migrationsFolder });
  // Foreign keys are enforced on every write (foreign_keys = ON); only a migration (which may
  // rebuild tables with the checks off) can leave a dangling reference. So the whole-database
  // check — a scan of every table, ~0.3 s at 20,000 families — runs once per schema version:
  // the header's user_version records the version last found consistent. Opening an up-to-date
  // database costs the same at any size, and a failed check is repeated at every open.
  const version = schemaVersion(sqlite);
  if (sqlite.pragma('user_version', { simple: true }) === version) return;
  const fk = sqlite.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) throw new AppError('DB_CORRUPT', 'Migracja naruszyła spójność danych (klucze obce).');
  sqlite.pragma(`user_version = ${version}`);
}

function migrationsTableExists(sqlite: SqliteHandle): boolean {
  return !!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get();
}

/** Whether the audit log has the hash-chain columns (a custom migrations folder may predate them). */
function hasAuditChain(sqlite: SqliteHandle): boolean {
  const cols = sqlite.prepare(`SELECT name FROM pragma_table_info('audit_log')`).pluck().all() as string[];
  return cols.includes('hash') && cols.includes('prev_hash');
}

/** Number of migrations recorded as applied (the schema version). */
export function schemaVersion(sqlite: SqliteHandle): number {
  const row = sqlite.prepare('SELECT count(*) AS c FROM __drizzle_migrations').get() as { c: number };
  return row.c;
}
