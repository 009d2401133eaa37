/**
 * The headless application core: database, keys, accounts, sessions, audit. It runs in plain
 * Node; the Electron main process, the CLI tools and the test bridge all drive it through the
 * same dispatcher (db/dispatcher.ts).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { eq } from 'drizzle-orm';
import { AppError } from '../shared/errors';
import type { Account, SessionUser } from '../shared/ipc/contract';
import type { OfficeProfile } from '../shared/schemas';
import type { Role } from '../shared/roles';
import {
  constantTimeEqual,
  DEFAULT_SCRYPT,
  formatRecoveryKey,
  newDataKey,
  newRecoveryKey,
  newSealKeyPair,
  normaliseRecoveryKey,
  seal,
  unseal,
  type ScryptParams,
} from './crypto';
import {
  assessCurrent,
  createBackup,
  needsConfirmation,
  prepareRestore,
  recoverInterruptedRestore,
  swapIn,
  verifyBackup,
  type BackupProgress,
  type BackupSecret,
  type TargetFs,
} from './backup/index';
import { changesSince } from './backup/snapshot';
import { appendLineDurable } from './fsutil';
import { Keystore } from './keystore';
import { acquireDataDirLock, type DataDirLock } from './lockfile';
import { DB_FILE, openDatabase, type Db, type SqliteHandle } from './open';
import { listAudit, writeAudit, type AuditFilter } from './repos/audit';
import { countActiveAdmins, getUser, getUserByLogin, listUsers, toAccount, type UserRow } from './repos/users';
import { appMeta, office, users } from './schema';
import type { SettingsStore } from './settings';
import type { ChainAnchor } from './audit/chain';
import { DEFAULT_THROTTLE, LoginThrottle, type ThrottlePolicy } from './throttle';

/** How many audit-chain anchors a workstation keeps. */
const AUDIT_ANCHORS_KEPT = 20;

export interface CoreOptions {
  dataDir: string;
  settings: SettingsStore;
  kdf?: ScryptParams;
  throttle?: ThrottlePolicy;
  /** Milliseconds since the epoch; injectable for tests of idle lock and throttling. */
  now?: () => number;
  migrationsFolder?: string;
  nativeBinding?: string;
  /** Written into backups (the Electron shell passes app.getVersion()). */
  appVersion?: string;
}

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

const PENDING_EVENTS = 'pending-events.log';
const SEAL_PRIVATE_KEY = 'seal_private_key';
const RECOVERY_THROTTLE_KEY = 'recovery-key';
const BACKUP_ROLES_KEY = 'backup_roles';
const DEFAULT_BACKUP_KEEP = 10;
const DEFAULT_BACKUP_REMINDER_DAYS = 7;

export class AsystaCore {
  readonly dataDir: string;
  private readonly settings: SettingsStore;
  private readonly kdf: ScryptParams;
  private readonly now: () => number;
  private readonly migrationsFolder?: string;
  private readonly nativeBinding?: string;
  private readonly appVersion: string;
  private readonly throttle: LoginThrottle;
  private keystoreCache: Keystore | null = null;
  private open: OpenState | null = null;
  private opening: Promise<void> | null = null;
  readonly sessions = new Map<string, Session>();

  constructor(opts: CoreOptions) {
    this.dataDir = opts.dataDir;
    mkdirSync(this.dataDir, { recursive: true });
    // A restore interrupted by a crash is finished or undone before anything reads the folder.
    recoverInterruptedRestore(this.dataDir);
    this.settings = opts.settings;
    this.kdf = opts.kdf ?? DEFAULT_SCRYPT;
    this.now = opts.now ?? Date.now;
    this.migrationsFolder = opts.migrationsFolder;
    this.nativeBinding = opts.nativeBinding;
    this.appVersion = opts.appVersion ?? process.env.npm_package_version ?? '0.0.0-dev';
    this.throttle = new LoginThrottle(this.dataDir, opts.throttle ?? DEFAULT_THROTTLE);
  }

  // ---- installation state --------------------------------------------------------------------

  get dbPath(): string {
    return join(this.dataDir, DB_FILE);
  }

  isSetUp(): boolean {
    return Keystore.exists(this.dataDir) && existsSync(this.dbPath);
  }

  private keystore(): Keystore {
    if (!this.keystoreCache) this.keystoreCache = Keystore.load(this.dataDir, this.kdf);
    return this.keystoreCache;
  }

  private nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  get idleMinutes(): number {
    return this.settings.get('idleMinutes');
  }

  /** The open database (for services in this package). Throws when no one has unlocked it. */
  requireDb(): { db: Db; sqlite: SqliteHandle } {
    if (!this.open) throw new AppError('NOT_AUTHENTICATED');
    return { db: this.open.db, sqlite: this.open.sqlite };
  }

  get isOpen(): boolean {
    return this.open !== null;
  }

  /** The core's clock (milliseconds since the epoch; injectable in tests), for services. */
  clock(): number {
    return this.now();
  }

  private async ensureOpen(dataKey: Buffer): Promise<void> {
    while (this.opening) await this.opening;
    if (this.open) {
      if (!constantTimeEqual(this.open.dataKey, dataKey)) {
        throw new AppError('INTERNAL', 'Klucz danych nie zgadza się z otwartą bazą.');
      }
      dataKey.fill(0);
      return;
    }
    this.opening = (async () => {
      const lock = acquireDataDirLock(this.dataDir);
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

  /** Shut down: end every session and close the database. */
  shutdown(): void {
    this.sessions.clear();
    this.closeDatabase();
  }

  // ---- audit -----------------------------------------------------------------------------------

  audit(
    actor: { userId: string | null; userLogin: string | null },
    action: string,
    entity?: { type: string; id: string } | null,
    details?: Record<string, unknown>,
  ): void {
    const { db } = this.requireDb();
    writeAudit(db, {
      at: this.nowIso(),
      userId: actor.userId,
      userLogin: actor.userLogin,
      action,
      entityType: entity?.type ?? null,
      entityId: entity?.id ?? null,
      details: details ?? null,
    });
  }

  private auditAs(actor: Actor, action: string, entity?: { type: string; id: string } | null, details?: Record<string, unknown>) {
    this.audit({ userId: actor.user.id, userLogin: actor.user.login }, action, entity, details);
  }

  /**
   * An event that happens while the database is closed (a failed login) is sealed with the
   * installation's public key and appended to a file; only the database holds the private key, so
   * the file reveals nothing. The events move into the audit log at the next open.
   */
  private recordEvent(action: string, details: Record<string, unknown>): void {
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
        writeAudit(tx, {
          at: ev.at,
          userId: null,
          userLogin: (ev.details.login as string) ?? null,
          action: ev.action,
          details: { ...ev.details, recordedWhileClosed: true },
        });
      }
    });
    rmSync(path, { force: true });
  }

  // ---- sessions --------------------------------------------------------------------------------

  createSession(): string {
    const id = randomUUID();
    this.sessions.set(id, { id, user: null, locked: false, lastActivity: this.now() });
    return id;
  }

  session(id: string): Session {
    const s = this.sessions.get(id);
    if (!s) throw new AppError('NOT_AUTHENTICATED');
    return s;
  }

  /**
   * Idle lock, enforced here whatever the UI does: a session idle longer than the configured time
   * is locked before the call is considered.
   */
  checkIdle(s: Session): void {
    if (!s.user || s.locked) return;
    if (this.now() - s.lastActivity > this.idleMinutes * 60_000) {
      s.locked = true;
      this.auditAs({ user: s.user, sessionId: s.id }, 'session.autolock');
    }
  }

  touch(s: Session): void {
    s.lastActivity = this.now();
  }

  private loggedInSessions(): number {
    return [...this.sessions.values()].filter((s) => s.user).length;
  }

  /** End a session (window closed). With `keepId` the transport keeps an anonymous session. */
  endSession(id: string, opts: { keepId?: boolean } = {}): void {
    const s = this.sessions.get(id);
    if (s?.user && this.open) this.auditAs({ user: s.user, sessionId: id }, 'auth.logout');
    if (opts.keepId) this.sessions.set(id, { id, user: null, locked: false, lastActivity: this.now() });
    else this.sessions.delete(id);
    if (this.loggedInSessions() === 0) this.closeDatabase();
  }

  status(sessionId: string) {
    const s = this.sessions.get(sessionId);
    if (s) this.checkIdle(s);
    const setUp = this.isSetUp();
    let officeName: string | null = setUp ? (this.settings.get('officeName') ?? null) : null;
    if (this.open) {
      const current = this.open.db.select({ n: office.name }).from(office).get()?.n ?? null;
      if (current && current !== officeName) this.settings.set('officeName', current);
      officeName = current;
    }
    return {
      setupDone: setUp,
      officeName,
      user: s?.user ?? null,
      locked: s?.locked ?? false,
      idleMinutes: this.idleMinutes,
      recoveryKeyConfirmed: setUp ? this.keystore().recoveryConfirmedAt !== null : false,
    };
  }

  // ---- setup -----------------------------------------------------------------------------------

  async setup(input: {
    office: OfficeProfile;
    admin: { fullName: string; login: string; password: string };
  }): Promise<{ recoveryKey: string }> {
    if (this.isSetUp()) throw new AppError('ALREADY_SET_UP');
    const lock = acquireDataDirLock(this.dataDir);
    try {
      // A crash during an earlier setup may have left a database without a key file. It cannot be
      // read without its key file, but it is never deleted: it is moved aside, so that a key file
      // restored from a backup can still open it.
      const stamp = this.nowIso().replace(/[:.]/g, '-');
      for (const f of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`]) {
        const p = join(this.dataDir, f);
        if (existsSync(p)) renameSync(p, join(this.dataDir, `${f}.bez-kluczy-${stamp}`));
      }
      for (const f of [PENDING_EVENTS, 'auth-state.json']) rmSync(join(this.dataDir, f), { force: true });
      const dataKey = newDataKey();
      const recoveryKey = newRecoveryKey();
      const sealPair = newSealKeyPair();
      const adminId = randomUUID();
      const ks = Keystore.create(this.dataDir, sealPair.publicKeyPem, this.kdf);
      const [adminSlot, recoverySlot] = await Promise.all([
        ks.prepareUserSlot(adminId, input.admin.login, input.admin.password, dataKey),
        ks.prepareRecoverySlot(normaliseRecoveryKey(recoveryKey), dataKey),
      ]);
      const { sqlite, db } = openDatabase(this.dbPath, dataKey, {
        migrationsFolder: this.migrationsFolder,
        nativeBinding: this.nativeBinding,
      });
      try {
        const at = this.nowIso();
        db.transaction((tx) => {
          tx.insert(appMeta).values({ key: SEAL_PRIVATE_KEY, value: sealPair.privateKeyPem }).run();
          tx.insert(office).values({ id: 1, ...input.office, version: 1, updatedAt: at }).run();
          tx.insert(users)
            .values({
              id: adminId,
              login: input.admin.login,
              fullName: input.admin.fullName,
              role: 'admin',
              active: true,
              createdAt: at,
              updatedAt: at,
            })
            .run();
          writeAudit(tx, {
            at,
            userId: adminId,
            userLogin: input.admin.login,
            action: 'setup.initialize',
            entityType: 'office',
            entityId: '1',
            details: { officeName: input.office.name },
          });
        });
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        sqlite.close();
        dataKey.fill(0);
      }
      // The key file is written last: until it exists the installation counts as not set up.
      ks.initialise([adminSlot, recoverySlot]);
      this.keystoreCache = ks;
      this.settings.set('officeName', input.office.name);
      return { recoveryKey };
    } finally {
      lock.release();
    }
  }

  /** The administrator proves the recovery key was written down by typing it back. */
  async confirmRecoveryKey(recoveryKey: string): Promise<void> {
    if (!this.isSetUp()) throw new AppError('NOT_SET_UP');
    const key = await this.unlockWithRecoveryKey(recoveryKey);
    this.keystore().markRecoveryConfirmed(this.nowIso());
    await this.withDataKey(key, () => this.audit({ userId: null, userLogin: null }, 'recovery.confirmed'));
  }

  /** Run `fn` with the database open, closing it again if nobody else had it open. */
  private async withDataKey(dataKey: Buffer, fn: () => void): Promise<void> {
    const wasOpen = this.isOpen;
    await this.ensureOpen(dataKey);
    try {
      fn();
    } finally {
      if (!wasOpen && this.loggedInSessions() === 0) this.closeDatabase();
    }
  }

  private async unlockWithRecoveryKey(recoveryKey: string): Promise<Buffer> {
    const now = this.now();
    const wait = this.throttle.waitSeconds(RECOVERY_THROTTLE_KEY, now);
    if (wait > 0) throw throttled(wait);
    const key = await this.keystore().unlockWithRecoveryKey(normaliseRecoveryKey(recoveryKey));
    if (!key) {
      this.throttle.recordFailure(RECOVERY_THROTTLE_KEY, now);
      this.recordEvent('auth.recovery_failed', {});
      throw new AppError('WRONG_RECOVERY_KEY');
    }
    this.throttle.recordSuccess(RECOVERY_THROTTLE_KEY);
    return key;
  }

  // ---- authentication --------------------------------------------------------------------------

  async login(sessionId: string, login: string, password: string): Promise<SessionUser> {
    if (!this.isSetUp()) throw new AppError('NOT_SET_UP');
    const s = this.session(sessionId);
    const ks = this.keystore();
    const tag = ks.loginTag(login);
    const now = this.now();
    const wait = this.throttle.waitSeconds(tag, now);
    if (wait > 0) {
      this.recordEvent('auth.login_throttled', { login, waitSeconds: wait });
      throw throttled(wait);
    }
    const unlocked = await ks.unlockWithPassword(login, password);
    if (!unlocked) {
      this.throttle.recordFailure(tag, now);
      this.recordEvent('auth.login_failed', { login, failures: this.throttle.failures(tag) });
      const next = this.throttle.waitSeconds(tag, this.now());
      if (next > 0) throw throttled(next);
      throw new AppError('WRONG_CREDENTIALS');
    }
    await this.ensureOpen(unlocked.dataKey);
    const row = getUser(this.requireDb().db, unlocked.userId);
    if (!row || !row.active) {
      this.audit({ userId: row?.id ?? null, userLogin: login }, 'auth.login_refused_inactive');
      if (this.loggedInSessions() === 0) this.closeDatabase();
      throw new AppError('ACCOUNT_DISABLED');
    }
    this.throttle.recordSuccess(tag);
    const user = sessionUser(row);
    s.user = user;
    s.locked = false;
    s.lastActivity = this.now();
    this.auditAs({ user, sessionId }, 'auth.login');
    return user;
  }

  lock(sessionId: string, reason: 'manual' | 'idle' = 'manual'): void {
    const s = this.session(sessionId);
    if (s.user && !s.locked) {
      s.locked = true;
      this.auditAs({ user: s.user, sessionId }, reason === 'idle' ? 'session.autolock' : 'session.lock');
    }
  }

  async unlock(sessionId: string, password: string): Promise<SessionUser> {
    const s = this.session(sessionId);
    if (!s.user) throw new AppError('NOT_AUTHENTICATED');
    const ks = this.keystore();
    const tag = ks.loginTag(s.user.login);
    const now = this.now();
    const wait = this.throttle.waitSeconds(tag, now);
    if (wait > 0) throw throttled(wait);
    const key = await ks.verifyUserPassword(s.user.id, password);
    if (!key) {
      this.throttle.recordFailure(tag, now);
      this.auditAs({ user: s.user, sessionId }, 'session.unlock_failed');
      const next = this.throttle.waitSeconds(tag, this.now());
      if (next > 0) throw throttled(next);
      throw new AppError('WRONG_PASSWORD');
    }
    key.fill(0);
    const row = getUser(this.requireDb().db, s.user.id);
    if (!row?.active) {
      this.endSession(sessionId);
      throw new AppError('ACCOUNT_DISABLED');
    }
    this.throttle.recordSuccess(tag);
    s.locked = false;
    s.lastActivity = this.now();
    this.auditAs({ user: s.user, sessionId }, 'session.unlock');
    return s.user;
  }

  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const ks = this.keystore();
    const key = await ks.verifyUserPassword(actor.user.id, currentPassword);
    if (!key) {
      this.auditAs(actor, 'auth.password_change_failed');
      throw new AppError('WRONG_PASSWORD', 'Obecne hasło jest nieprawidłowe.', {
        fields: { currentPassword: 'Obecne hasło jest nieprawidłowe.' },
      });
    }
    try {
      const slot = await ks.prepareUserSlot(actor.user.id, actor.user.login, newPassword, key);
      const { db } = this.requireDb();
      db.transaction((tx) => {
        tx.update(users).set({ updatedAt: this.nowIso() }).where(eq(users.id, actor.user.id)).run();
        writeAudit(tx, this.auditRow(actor, 'auth.password_changed', { type: 'user', id: actor.user.id }));
        ks.commitUserSlot(slot);
      });
    } finally {
      key.fill(0);
    }
  }

  /** The recovery key opens the data and lets an administrator account get a new password. */
  async recover(sessionId: string, recoveryKey: string, login: string, newPassword: string): Promise<SessionUser> {
    if (!this.isSetUp()) throw new AppError('NOT_SET_UP');
    const s = this.session(sessionId);
    const key = await this.unlockWithRecoveryKey(recoveryKey);
    const keyCopy = Buffer.from(key);
    try {
      await this.ensureOpen(key);
      const { db } = this.requireDb();
      const row = getUserByLogin(db, login);
      if (!row || row.role !== 'admin') {
        this.audit({ userId: null, userLogin: login }, 'auth.recovery_refused_not_admin');
        if (this.loggedInSessions() === 0) this.closeDatabase();
        throw new AppError('FORBIDDEN', 'Kluczem odzyskiwania można nadać nowe hasło tylko kontu kierownika (administratora).', {
          fields: { login: 'Podaj login konta kierownika (administratora).' },
        });
      }
      const ks = this.keystore();
      const slot = await ks.prepareUserSlot(row.id, row.login, newPassword, keyCopy);
      const at = this.nowIso();
      db.transaction((tx) => {
        tx.update(users).set({ active: true, updatedAt: at, version: row.version + 1 }).where(eq(users.id, row.id)).run();
        writeAudit(tx, {
          at,
          userId: row.id,
          userLogin: row.login,
          action: 'auth.recovered_with_recovery_key',
          entityType: 'user',
          entityId: row.id,
        });
        ks.commitUserSlot(slot);
      });
      const user = sessionUser({ ...row, active: true });
      s.user = user;
      s.locked = false;
      s.lastActivity = this.now();
      this.auditAs({ user, sessionId }, 'auth.login', null, { via: 'recovery-key' });
      return user;
    } finally {
      keyCopy.fill(0);
    }
  }

  async regenerateRecoveryKey(actor: Actor, password: string): Promise<string> {
    const ks = this.keystore();
    const key = await ks.verifyUserPassword(actor.user.id, password);
    if (!key) throw new AppError('WRONG_PASSWORD', undefined, { fields: { password: 'Nieprawidłowe hasło.' } });
    try {
      const recoveryKey = newRecoveryKey();
      const slot = await ks.prepareRecoverySlot(normaliseRecoveryKey(recoveryKey), key);
      const { db } = this.requireDb();
      db.transaction((tx) => {
        writeAudit(tx, this.auditRow(actor, 'recovery.regenerated'));
        ks.commitRecoverySlot(slot);
        ks.clearRecoveryConfirmed();
      });
      return formatRecoveryKey(recoveryKey);
    } finally {
      key.fill(0);
    }
  }

  private auditRow(actor: Actor, action: string, entity?: { type: string; id: string }, details?: Record<string, unknown>) {
    return {
      at: this.nowIso(),
      userId: actor.user.id,
      userLogin: actor.user.login,
      action,
      entityType: entity?.type ?? null,
      entityId: entity?.id ?? null,
      details: details ?? null,
    };
  }

  // ---- accounts --------------------------------------------------------------------------------

  listAccounts(): Account[] {
    return listUsers(this.requireDb().db).map(toAccount);
  }

  async createAccount(
    actor: Actor,
    input: { fullName: string; login: string; role: Role; password: string; personalLimit?: number | null },
  ): Promise<Account> {
    const { db } = this.requireDb();
    if (getUserByLogin(db, input.login)) {
      throw new AppError('LOGIN_TAKEN', undefined, { fields: { login: 'Login: ten login jest już zajęty.' } });
    }
    const id = randomUUID();
    const ks = this.keystore();
    const key = Buffer.from(this.open!.dataKey);
    try {
      const slot = await ks.prepareUserSlot(id, input.login, input.password, key);
      const at = this.nowIso();
      db.transaction((tx) => {
        if (getUserByLogin(tx, input.login)) {
          throw new AppError('LOGIN_TAKEN', undefined, { fields: { login: 'Login: ten login jest już zajęty.' } });
        }
        tx.insert(users)
          .values({
            id,
            login: input.login,
            fullName: input.fullName,
            role: input.role,
            active: true,
            personalLimit: input.personalLimit ?? null,
            createdAt: at,
            updatedAt: at,
          })
          .run();
        writeAudit(tx, this.auditRow(actor, 'user.create', { type: 'user', id }, {
          login: input.login,
          fullName: input.fullName,
          role: input.role,
        }));
        ks.commitUserSlot(slot);
      });
    } finally {
      key.fill(0);
    }
    return toAccount(getUser(db, id)!);
  }

  private loadForEdit(id: string, version: number): UserRow {
    const row = getUser(this.requireDb().db, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.version !== version) throw new AppError('STALE_EDIT');
    return row;
  }

  updateAccount(
    actor: Actor,
    input: { id: string; version: number; fullName: string; role: Role; personalLimit?: number | null },
  ): Account {
    const { db } = this.requireDb();
    const row = this.loadForEdit(input.id, input.version);
    if (row.role === 'admin' && input.role !== 'admin' && row.active && countActiveAdmins(db, row.id) === 0) {
      throw new AppError('LAST_ADMIN');
    }
    const at = this.nowIso();
    db.transaction((tx) => {
      const res = tx
        .update(users)
        .set({
          fullName: input.fullName,
          role: input.role,
          personalLimit: input.personalLimit ?? null,
          updatedAt: at,
          version: row.version + 1,
        })
        .where(eq(users.id, row.id))
        .run();
      if (res.changes !== 1) throw new AppError('STALE_EDIT');
      writeAudit(tx, this.auditRow(actor, 'user.update', { type: 'user', id: row.id }, {
        before: { fullName: row.fullName, role: row.role, personalLimit: row.personalLimit },
        after: { fullName: input.fullName, role: input.role, personalLimit: input.personalLimit ?? null },
      }));
    });
    this.refreshSessionsOf(row.id);
    return toAccount(getUser(db, row.id)!);
  }

  async setAccountActive(
    actor: Actor,
    input: { id: string; version: number; active: boolean; newPassword?: string },
  ): Promise<Account> {
    const { db } = this.requireDb();
    const row = this.loadForEdit(input.id, input.version);
    const ks = this.keystore();
    if (!input.active) {
      if (row.role === 'admin' && countActiveAdmins(db, row.id) === 0) throw new AppError('LAST_ADMIN');
      db.transaction((tx) => {
        tx.update(users).set({ active: false, updatedAt: this.nowIso(), version: row.version + 1 }).where(eq(users.id, row.id)).run();
        writeAudit(tx, this.auditRow(actor, 'user.deactivate', { type: 'user', id: row.id }, { login: row.login }));
        // Without its wrapped key the account's password no longer opens anything.
        ks.removeUserSlot(row.id);
      });
      for (const s of this.sessions.values()) if (s.user?.id === row.id) { s.user = null; s.locked = false; }
    } else {
      if (!input.newPassword) {
        throw new AppError('VALIDATION', 'Aktywując konto, nadaj mu nowe hasło.', {
          fields: { newPassword: 'Hasło: nadaj nowe hasło aktywowanemu kontu.' },
        });
      }
      const key = Buffer.from(this.open!.dataKey);
      try {
        const slot = await ks.prepareUserSlot(row.id, row.login, input.newPassword, key);
        db.transaction((tx) => {
          tx.update(users).set({ active: true, updatedAt: this.nowIso(), version: row.version + 1 }).where(eq(users.id, row.id)).run();
          writeAudit(tx, this.auditRow(actor, 'user.activate', { type: 'user', id: row.id }, { login: row.login }));
          ks.commitUserSlot(slot);
        });
      } finally {
        key.fill(0);
      }
    }
    return toAccount(getUser(db, row.id)!);
  }

  async resetPassword(actor: Actor, id: string, newPassword: string): Promise<void> {
    const { db } = this.requireDb();
    const row = getUser(db, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (!row.active) {
      throw new AppError('ACCOUNT_DISABLED', 'Konto jest nieaktywne: aktywuj je, nadając nowe hasło.');
    }
    const ks = this.keystore();
    const key = Buffer.from(this.open!.dataKey);
    try {
      const slot = await ks.prepareUserSlot(row.id, row.login, newPassword, key);
      db.transaction((tx) => {
        tx.update(users).set({ updatedAt: this.nowIso(), version: row.version + 1 }).where(eq(users.id, row.id)).run();
        writeAudit(tx, this.auditRow(actor, 'user.password_reset', { type: 'user', id: row.id }, { login: row.login }));
        ks.commitUserSlot(slot);
      });
    } finally {
      key.fill(0);
    }
    this.throttle.recordSuccess(ks.loginTag(row.login));
  }

  private refreshSessionsOf(userId: string): void {
    const row = getUser(this.requireDb().db, userId);
    for (const s of this.sessions.values()) {
      if (s.user?.id === userId) s.user = row && row.active ? sessionUser(row) : null;
    }
  }

  // ---- office and settings ---------------------------------------------------------------------

  getOffice() {
    const row = this.requireDb().db.select().from(office).get();
    if (!row) throw new AppError('NOT_SET_UP');
    const { id: _id, updatedAt: _u, ...rest } = row;
    return rest;
  }

  updateOffice(actor: Actor, input: OfficeProfile & { version: number }) {
    const { db } = this.requireDb();
    const before = db.select().from(office).get();
    if (!before) throw new AppError('NOT_SET_UP');
    if (before.version !== input.version) throw new AppError('STALE_EDIT');
    const { version, ...profile } = input;
    db.transaction((tx) => {
      tx.update(office).set({ ...profile, version: version + 1, updatedAt: this.nowIso() }).where(eq(office.id, 1)).run();
      writeAudit(tx, this.auditRow(actor, 'office.update', { type: 'office', id: '1' }, { after: profile }));
    });
    return this.getOffice();
  }

  updateWorkstationSettings(actor: Actor, input: { idleMinutes: number }) {
    const before = this.idleMinutes;
    this.settings.set('idleMinutes', input.idleMinutes);
    this.auditAs(actor, 'settings.update', null, { idleMinutes: { before, after: input.idleMinutes } });
    return { idleMinutes: this.idleMinutes };
  }

  /** Audit-chain heads recorded on this workstation (see WorkstationSettings.auditAnchors). */
  auditAnchors(): ChainAnchor[] {
    const list = this.settings.get('auditAnchors');
    return Array.isArray(list) ? list.filter((a) => Number.isInteger(a?.id) && typeof a?.hash === 'string').map(({ id, hash }) => ({ id, hash })) : [];
  }

  /** Remember a verified head of the audit chain (the newest 20 are kept). */
  recordAuditAnchor(head: { id: number; hash: string | null } | null | undefined): void {
    if (!head?.hash) return;
    const list = (this.settings.get('auditAnchors') ?? []).filter((a) => a.id !== head.id);
    list.push({ id: head.id, hash: head.hash, at: new Date(this.now()).toISOString() });
    this.settings.set('auditAnchors', list.slice(-AUDIT_ANCHORS_KEPT));
  }

  listAudit(f: AuditFilter) {
    const { db, sqlite } = this.requireDb();
    return listAudit(db, f, sqlite);
  }

  // ---- backup and restore ----------------------------------------------------------------------
  // A backup made through the core is recorded per session while it runs: `backupProgress` reads
  // its phase and bytes (the `backup:progress` channel, polled by the UI while `backup:create` is
  // awaited) and `cancelBackup` aborts it (`backup:cancel`). The Node API and the CLI may also pass
  // their own `signal` and `onProgress`. Verify and restore run to completion through IPC.

  /** The backup each session is making: its last progress and the handle to cancel it. */
  private readonly runningBackups = new Map<string, { ctl: AbortController; progress: BackupProgress }>();

  /** Progress of the backup this session is making (`running: false` when there is none). */
  backupProgress(sessionId: string): { running: boolean; phase: BackupProgress['phase'] | null; doneBytes: number; totalBytes: number } {
    const r = this.runningBackups.get(sessionId);
    if (!r) return { running: false, phase: null, doneBytes: 0, totalBytes: 0 };
    return { running: true, ...r.progress };
  }

  /**
   * Cancel the backup the caller's session is making. The running `createBackup` then fails with
   * BACKUP_CANCELLED after removing its partial (or unverified) file. Audited when there was one.
   */
  cancelBackup(actor: Actor): { cancelled: boolean } {
    const r = this.runningBackups.get(actor.sessionId);
    if (!r || r.ctl.signal.aborted) return { cancelled: false };
    r.ctl.abort();
    if (this.open) this.auditAs(actor, 'backup.cancel', null, { ...r.progress });
    return { cancelled: true };
  }

  private backupSetting<K extends 'backupKeepCount' | 'backupReminderDays'>(key: K, fallback: number): number {
    const v = this.settings.get(key);
    return typeof v === 'number' && Number.isFinite(v) && v >= 1 ? Math.floor(v) : fallback;
  }

  /** Roles allowed to make backups besides the administrator (office-wide, in the database). */
  backupRoles(): Role[] {
    const row = this.requireDb().db.select().from(appMeta).where(eq(appMeta.key, BACKUP_ROLES_KEY)).get();
    const roles = new Set<Role>(['admin']);
    try {
      for (const r of JSON.parse(row?.value ?? '[]') as Role[]) if (r === 'assistant' || r === 'social_worker') roles.add(r);
    } catch {
      /* a damaged value means administrators only */
    }
    return [...roles];
  }

  canCreateBackup(user: SessionUser): boolean {
    return user.role === 'admin' || this.backupRoles().includes(user.role);
  }

  backupSettings() {
    return {
      keepCount: this.backupSetting('backupKeepCount', DEFAULT_BACKUP_KEEP),
      reminderDays: this.backupSetting('backupReminderDays', DEFAULT_BACKUP_REMINDER_DAYS),
      roles: this.backupRoles(),
    };
  }

  updateBackupSettings(actor: Actor, input: { keepCount: number; reminderDays: number; roles: Role[] }) {
    const before = this.backupSettings();
    const roles = [...new Set(input.roles.filter((r) => r !== 'admin'))];
    this.settings.set('backupKeepCount', input.keepCount);
    this.settings.set('backupReminderDays', input.reminderDays);
    const { db } = this.requireDb();
    db.transaction((tx) => {
      tx.insert(appMeta)
        .values({ key: BACKUP_ROLES_KEY, value: JSON.stringify(roles) })
        .onConflictDoUpdate({ target: appMeta.key, set: { value: JSON.stringify(roles) } })
        .run();
      writeAudit(tx, this.auditRow(actor, 'backup.settings_update', undefined, { before, after: { ...input, roles } }));
    });
    return this.backupSettings();
  }

  /** For the home-screen reminder and the reminder on quit. */
  backupStatus(user: SessionUser | null) {
    const last = this.settings.get('lastVerifiedBackupAt') ?? null;
    const { reminderDays, keepCount } = this.backupSettings();
    const lastChangeAt = this.open ? changesSince(this.open.sqlite, null).lastChangeAt : null;
    return {
      lastVerifiedBackupAt: last,
      lastBackupFolder: this.settings.get('lastBackupFolder') ?? null,
      reminderDays,
      keepCount,
      reminderDue: last === null || this.now() - Date.parse(last) > reminderDays * 86_400_000,
      lastChangeAt,
      changesSinceLastBackup: lastChangeAt !== null && (last === null || lastChangeAt > last),
      canCreate: user ? this.canCreateBackup(user) : false,
    };
  }

  /** Make a backup of the open database into a folder (or an explicit file path). */
  async createBackup(
    actor: Actor,
    opts: {
      folder?: string;
      file?: string;
      onProgress?: (p: BackupProgress) => void;
      signal?: AbortSignal;
      fs?: TargetFs;
      chunkBytes?: number;
      afterChunk?: (index: number) => void | Promise<void>;
    },
  ) {
    const { sqlite } = this.requireDb();
    if (!this.canCreateBackup(actor.user)) throw new AppError('FORBIDDEN');
    const out = opts.file ? { file: opts.file } : opts.folder ? { folder: opts.folder } : null;
    if (!out) throw new AppError('VALIDATION', 'Wskaż folder na kopię zapasową.');
    if (this.runningBackups.has(actor.sessionId)) {
      throw new AppError('VALIDATION', 'Kopia zapasowa jest już tworzona. Poczekaj na jej zakończenie albo ją anuluj.');
    }
    // Cancelled by `cancelBackup` (this session) or by the caller's own signal (the CLI's Ctrl+C).
    const ctl = new AbortController();
    const forwardAbort = () => ctl.abort();
    if (opts.signal?.aborted) ctl.abort();
    else opts.signal?.addEventListener('abort', forwardAbort, { once: true });
    const running = { ctl, progress: { phase: 'snapshot', doneBytes: 0, totalBytes: 0 } as BackupProgress };
    this.runningBackups.set(actor.sessionId, running);
    const dataKey = Buffer.from(this.open!.dataKey);
    try {
      const r = await createBackup({
        sqlite,
        dataKey,
        keystore: this.keystore().snapshot(),
        out,
        workBase: this.dataDir,
        createdBy: actor.user.login,
        appVersion: this.appVersion,
        now: new Date(this.now()),
        keepCount: this.backupSetting('backupKeepCount', DEFAULT_BACKUP_KEEP),
        nativeBinding: this.nativeBinding,
        ...opts,
        signal: ctl.signal,
        onProgress: (p) => {
          running.progress = { ...p };
          opts.onProgress?.(p);
        },
      });
      this.settings.set('lastVerifiedBackupAt', r.createdAt);
      this.settings.set('lastBackupFolder', r.folder);
      // The audit chain's head at backup time becomes an anchor on this workstation.
      this.recordAuditAnchor(sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null } | undefined);
      this.auditAs(actor, 'backup.created', null, {
        file: r.name,
        folder: r.folder,
        bytes: r.bytes,
        families: r.counts.families,
        pruned: r.pruned,
      });
      return r;
    } catch (e) {
      if (this.open) {
        this.auditAs(actor, 'backup.failed', null, { code: e instanceof AppError ? e.code : 'INTERNAL' });
      }
      throw e;
    } finally {
      dataKey.fill(0);
      this.runningBackups.delete(actor.sessionId);
      opts.signal?.removeEventListener('abort', forwardAbort);
    }
  }

  /** Check a backup file without restoring it. */
  async verifyBackupFile(
    actor: Actor | null,
    input: { file: string; secret: BackupSecret; onProgress?: (p: BackupProgress) => void; signal?: AbortSignal },
  ) {
    const details = { file: basename(input.file) };
    try {
      const info = await verifyBackup(input.file, input.secret, {
        workBase: this.dataDir,
        migrationsFolder: this.migrationsFolder,
        nativeBinding: this.nativeBinding,
        onProgress: input.onProgress,
        signal: input.signal,
      });
      if (this.open && actor) this.auditAs(actor, 'backup.verified', null, { ...details, bytes: info.bytes, createdAt: info.createdAt });
      return info;
    } catch (e) {
      if (this.open && actor) this.auditAs(actor, 'backup.verify_failed', null, { ...details, code: e instanceof AppError ? e.code : 'INTERNAL' });
      throw e;
    }
  }

  /**
   * Restore a backup into this data folder. Verifies the whole file and stages it first; when the
   * current installation holds changes newer than the backup (or data this backup's key cannot
   * read), returns what would be lost unless `confirm` is set. On success every session is
   * logged out: users log in with the passwords they had at backup time.
   */
  async restoreBackup(
    actor: Actor | null,
    input: { file: string; secret: BackupSecret; confirm?: boolean; onProgress?: (p: BackupProgress) => void; signal?: AbortSignal },
  ) {
    const via = 'recoveryKey' in input.secret ? 'recovery-key' : 'password';
    const prepared = await prepareRestore({
      file: input.file,
      secret: input.secret,
      dataDir: this.dataDir,
      restoredBy: actor?.user.login ?? ('login' in input.secret ? input.secret.login : null),
      restoredByUserId: actor?.user.id ?? null,
      now: new Date(this.now()),
      migrationsFolder: this.migrationsFolder,
      nativeBinding: this.nativeBinding,
      onProgress: input.onProgress,
      signal: input.signal,
    });
    try {
      let lock: DataDirLock | null = null;
      let current;
      if (this.open) {
        current = assessCurrent(this.dataDir, prepared.info.createdAt, { sqlite: this.open.sqlite });
      } else {
        lock = acquireDataDirLock(this.dataDir);
        current = assessCurrent(this.dataDir, prepared.info.createdAt, { dataKey: prepared.dataKey, nativeBinding: this.nativeBinding });
      }
      try {
        if (needsConfirmation(current) && !input.confirm) {
          if (this.open && actor) this.auditAs(actor, 'backup.restore_previewed', null, { file: prepared.info.name });
          return { status: 'needsConfirmation' as const, backup: prepared.info, current };
        }
        if (this.open && actor) {
          this.auditAs(actor, 'backup.restore', null, { file: prepared.info.name, bytes: prepared.info.bytes, via, backupCreatedAt: prepared.info.createdAt });
        }
        if (this.open) {
          this.closeDatabase();
          lock = acquireDataDirLock(this.dataDir);
        }
        for (const s of this.sessions.values()) {
          s.user = null;
          s.locked = false;
        }
        const stamp = new Date(this.now()).toISOString().replace(/[:.]/g, '-');
        const previousDataKeptIn = swapIn(this.dataDir, prepared, { nativeBinding: this.nativeBinding, stamp });
        this.keystoreCache = null;
        return {
          status: 'restored' as const,
          backup: prepared.info,
          schemaVersion: prepared.schemaVersion,
          previousDataKeptIn,
        };
      } finally {
        lock?.release();
      }
    } finally {
      prepared.dataKey.fill(0);
      rmSync(prepared.stagingDir, { recursive: true, force: true });
    }
  }

  // ---- tools -----------------------------------------------------------------------------------

  /**
   * For command-line tools (demo seed, bench): log in as an account and hand back the database.
   * The login is audited like any other.
   */
  async openForTool(login: string, password: string): Promise<{ actor: Actor; db: Db; sqlite: SqliteHandle }> {
    const sessionId = this.createSession();
    const user = await this.login(sessionId, login, password);
    return { actor: { user, sessionId }, ...this.requireDb() };
  }

  /**
   * For command-line tools (`npm run backup -- --recovery-key`): open the database with the
   * recovery key. No account logs in; the tool acts as the synthetic identity RECOVERY_KEY_ACTOR
   * (administrator rights, id `recovery-key`, login `klucz-odzyskiwania`), which exists only in
   * this process's session and in the audit log (`auth.tool_login`, `via: 'recovery-key'`) and in
   * the `createdBy` of backups it makes; it is not an account and cannot log in to the app. A wrong
   * key is throttled and audited like a failed recovery attempt.
   */
  async openForToolWithRecoveryKey(recoveryKey: string): Promise<{ actor: Actor; db: Db; sqlite: SqliteHandle }> {
    if (!this.isSetUp()) throw new AppError('NOT_SET_UP');
    const key = await this.unlockWithRecoveryKey(recoveryKey);
    await this.ensureOpen(key);
    const sessionId = this.createSession();
    const s = this.session(sessionId);
    const user: SessionUser = { ...RECOVERY_KEY_ACTOR };
    s.user = user;
    s.lastActivity = this.now();
    const actor = { user, sessionId };
    this.auditAs(actor, 'auth.tool_login', null, { via: 'recovery-key' });
    return { actor, ...this.requireDb() };
  }
}

/**
 * Who a command-line tool opened with the recovery key acts as (openForToolWithRecoveryKey): not
 * an account, only an identity for authorisation and the audit log.
 */
export const RECOVERY_KEY_ACTOR: SessionUser = Object.freeze({
  id: 'recovery-key',
  login: 'klucz-odzyskiwania',
  fullName: 'Klucz odzyskiwania',
  role: 'admin',
});

function sessionUser(r: UserRow): SessionUser {
  return { id: r.id, login: r.login, fullName: r.fullName, role: r.role };
}

function throttled(seconds: number): AppError {
  const human = seconds >= 120 ? `${Math.ceil(seconds / 60)} min` : `${seconds} s`;
  return new AppError('THROTTLED', `Zbyt wiele nieudanych prób. Spróbuj ponownie za ${human}.`, {
    retryAfterSeconds: seconds,
  });
}
