/**
 * The state every part of the core shares: the data folder and its options, the clock, the key
 * file, the open database with its data key, and the sessions. Opening and closing the database,
 * and writing audit entries with the core's clock, happen here; the parts in this folder
 * (sessions, auth, accounts, office, backup) build on it.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { SessionUser } from '../../shared/ipc/contract';
import { recordAudit, type AuditCaller, type AuditEntity } from '../audit/writer';
import { recoverInterruptedRestore, type BackupProgress } from '../backup/index';
import { constantTimeEqual, DEFAULT_SCRYPT, seal, unseal, type ScryptParams } from '../crypto';
import { appendLineDurable } from '../fsutil';
import { Keystore } from '../keystore';
import { acquireDataDirLock, type DataDirLock } from '../lockfile';
import { DB_FILE, openDatabase, type Db, type DbOrTx, type SqliteHandle } from '../open';
import { ensurePrivateDir, makeFilesPrivate } from '../private';
import type { CoreResources } from '../resources';
import { appMeta } from '../schema';
import type { SettingsStore } from '../settings';
import { DEFAULT_THROTTLE, LoginThrottle, type ThrottlePolicy } from '../throttle';

export interface CoreOptions {
  dataDir: string;
  settings: SettingsStore;
  kdf?: ScryptParams;
  throttle?: ThrottlePolicy;
  /** Milliseconds since the epoch; injectable for tests of idle lock and throttling. */
  now?: () => number;
  /** Run-time files (migrations, print fonts) from the host: never found relative to the code. */
  resources: CoreResources;
  nativeBinding?: string;
  /** Written into backups (the Electron shell passes app.getVersion()). */
  appVersion?: string;
  /** Told about long work while it runs (the core host relays it to the shell). */
  onEvent?: (e: CoreEvent) => void;
}

/** What the core tells its host while long work runs. Carries no personal data. */
export type CoreEvent =
  | { kind: 'backup:progress'; sessionId: string; progress: BackupProgress }
  | { kind: 'backup:finished'; sessionId: string };

export interface Session {
  id: string;
  user: SessionUser | null;
  locked: boolean;
  lastActivity: number;
}

/** The caller of a service method (for audit and authorisation). */
export interface Actor {
  user: SessionUser;
  sessionId: string;
}

interface OpenState {
  sqlite: SqliteHandle;
  db: Db;
  dataKey: Buffer;
  lock: DataDirLock;
}

/** Events recorded while the database is closed, sealed (see `recordEvent`). */
export const PENDING_EVENTS = 'pending-events.log';
/** app_meta key of the private half of the installation's sealing key pair. */
export const SEAL_PRIVATE_KEY = 'seal_private_key';

export class CoreKernel {
  readonly dataDir: string;
  readonly settings: SettingsStore;
  readonly kdf: ScryptParams;
  readonly now: () => number;
  readonly resources: CoreResources;
  readonly migrationsFolder: string;
  readonly nativeBinding?: string;
  readonly appVersion: string;
  readonly throttle: LoginThrottle;
  readonly emit: (e: CoreEvent) => void;
  readonly sessions = new Map<string, Session>();
  private keystoreCache: Keystore | null = null;
  private open: OpenState | null = null;
  private opening: Promise<void> | null = null;

  constructor(opts: CoreOptions) {
    this.dataDir = opts.dataDir;
    // Private to this account (POSIX 0700/0600; on Windows the profile's ACL, see db/private.ts).
    ensurePrivateDir(this.dataDir);
    makeFilesPrivate(['keys.json', 'auth-state.json', PENDING_EVENTS, '.asysta.lock'].map((f) => join(this.dataDir, f)));
    // A restore interrupted by a crash is finished or undone before anything reads the folder.
    recoverInterruptedRestore(this.dataDir, { nativeBinding: opts.nativeBinding });
    this.settings = opts.settings;
    this.kdf = opts.kdf ?? DEFAULT_SCRYPT;
    this.now = opts.now ?? Date.now;
    this.resources = opts.resources;
    this.migrationsFolder = opts.resources.migrationsFolder;
    this.nativeBinding = opts.nativeBinding;
    this.appVersion = opts.appVersion ?? process.env.npm_package_version ?? '0.0.0-dev';
    this.throttle = new LoginThrottle(this.dataDir, opts.throttle ?? DEFAULT_THROTTLE);
    const onEvent = opts.onEvent;
    this.emit = (e) => {
      try {
        onEvent?.(e);
      } catch {
        /* a listener's failure never stops the work it is told about */
      }
    };
  }

  // ---- installation state ------------------------------------------------------------------

  get dbPath(): string {
    return join(this.dataDir, DB_FILE);
  }

  isSetUp(): boolean {
    return Keystore.exists(this.dataDir) && existsSync(this.dbPath);
  }

  keystore(): Keystore {
    if (!this.keystoreCache) this.keystoreCache = Keystore.load(this.dataDir, this.kdf);
    return this.keystoreCache;
  }

  /** Use this key file from now on (after setup), or reload it at next use (null, after a restore). */
  setKeystore(ks: Keystore | null): void {
    this.keystoreCache = ks;
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  get idleMinutes(): number {
    return this.settings.get('idleMinutes');
  }

  // ---- the open database -------------------------------------------------------------------

  /** The open database. Throws when no one has unlocked it. */
  requireDb(): { db: Db; sqlite: SqliteHandle } {
    if (!this.open) throw new AppError('NOT_AUTHENTICATED');
    return { db: this.open.db, sqlite: this.open.sqlite };
  }

  get isOpen(): boolean {
    return this.open !== null;
  }

  /** A copy of the open database's data key; the caller wipes it after use. */
  dataKeyCopy(): Buffer {
    if (!this.open) throw new AppError('NOT_AUTHENTICATED');
    return Buffer.from(this.open.dataKey);
  }

  /** Open the database with this data key (or check that it is the key of the open one). */
  async ensureOpen(dataKey: Buffer): Promise<void> {
    while (this.opening) await this.opening;
    if (this.open) {
      if (!constantTimeEqual(this.open.dataKey, dataKey)) {
        throw new AppError('INTERNAL', 'Klucz danych nie zgadza się z otwartą bazą.');
      }
      dataKey.fill(0);
      return;
    }
    this.opening = (async () => {
      const lock = acquireDataDirLock(this.dataDir, { nativeBinding: this.nativeBinding });
      try {
        const { sqlite, db } = openDatabase(this.dbPath, dataKey, {
          migrationsFolder: this.migrationsFolder,
          nativeBinding: this.nativeBinding,
        });
        this.open = { sqlite, db, dataKey, lock };
        this.drainPendingEvents();
      } catch (e) {
        lock.release();
        throw e;
      }
    })();
    try {
      await this.opening;
    } finally {
      this.opening = null;
    }
  }

  /** Close the database and wipe the key from memory. */
  closeDatabase(): void {
    if (!this.open) return;
    const o = this.open;
    this.open = null;
    try {
      o.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      /* best effort */
    }
    o.sqlite.close();
    o.dataKey.fill(0);
    o.lock.release();
  }

  loggedInSessions(): number {
    return [...this.sessions.values()].filter((s) => s.user).length;
  }

  /** Close the database when no session is logged in any more. */
  closeIfUnused(): void {
    if (this.loggedInSessions() === 0) this.closeDatabase();
  }

  /** Run `fn` with the database open, closing it again if nobody else had it open. */
  async withDataKey(dataKey: Buffer, fn: () => void): Promise<void> {
    const wasOpen = this.isOpen;
    await this.ensureOpen(dataKey);
    try {
      fn();
    } finally {
      if (!wasOpen) this.closeIfUnused();
    }
  }

  // ---- audit ---------------------------------------------------------------------------------

  /** One audit entry at the core's clock, in `tx` when given (else on its own). */
  audit(
    caller: AuditCaller,
    action: string,
    entity?: AuditEntity | null,
    details?: Record<string, unknown> | null,
    tx?: DbOrTx,
  ): void {
    recordAudit(tx ?? this.requireDb().db, this.nowIso(), caller, action, entity, details);
  }

  /**
   * An event that happens while the database is closed (a failed login) is sealed with the
   * installation's public key and appended to a file; only the database holds the private key, so
   * the file reveals nothing. The events move into the audit log at the next open.
   */
  recordEvent(action: string, details: Record<string, unknown>): void {
    if (this.open) {
      this.audit({ userId: null, userLogin: (details.login as string) ?? null }, action, null, details);
      return;
    }
    const line = seal(JSON.stringify({ at: this.nowIso(), action, details }), this.keystore().sealPublicKey);
    appendLineDurable(join(this.dataDir, PENDING_EVENTS), line);
  }

  private drainPendingEvents(): void {
    const path = join(this.dataDir, PENDING_EVENTS);
    if (!existsSync(path) || !this.open) return;
    const { db } = this.open;
    const priv = db.select().from(appMeta).where(eq(appMeta.key, SEAL_PRIVATE_KEY)).get()?.value;
    if (!priv) return;
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    db.transaction((tx) => {
      for (const line of lines) {
        const plain = unseal(line, priv);
        if (!plain) continue;
        const ev = JSON.parse(plain) as { at: string; action: string; details: Record<string, unknown> };
        const who = { userId: null, userLogin: (ev.details.login as string) ?? null };
        recordAudit(tx, ev.at, who, ev.action, null, { ...ev.details, recordedWhileClosed: true });
      }
    });
    rmSync(path, { force: true });
  }
}

export function throttled(seconds: number): AppError {
  const human = seconds >= 120 ? `${Math.ceil(seconds / 60)} min` : `${seconds} s`;
  return new AppError('THROTTLED', `Zbyt wiele nieudanych prób. Spróbuj ponownie za ${human}.`, {
    retryAfterSeconds: seconds,
  });
}
