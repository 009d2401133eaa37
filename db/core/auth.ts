/**
 * Setting up an installation and proving who one is: setup, login, the session lock, password
 * changes, the recovery key, and the log-ins of command-line tools. Failed attempts are throttled
 * per login (and for the recovery key) and audited — sealed into the pending-events file while
 * the database is closed.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { SessionUser } from '../../shared/ipc/contract';
import type { OfficeProfile } from '../../shared/schemas';
import { recordAudit } from '../audit/writer';
import { formatRecoveryKey, newDataKey, newRecoveryKey, newSealKeyPair, normaliseRecoveryKey } from '../crypto';
import { Keystore } from '../keystore';
import { acquireDataDirLock } from '../lockfile';
import { DB_FILE, openDatabase, type Db, type SqliteHandle } from '../open';
import { getUser, getUserByLogin, type UserRow } from '../repos/users';
import { appMeta, office, users } from '../schema';
import { PENDING_EVENTS, SEAL_PRIVATE_KEY, throttled, type Actor, type CoreKernel } from './kernel';
import type { Sessions } from './sessions';
import { RECOVERY_THROTTLE_KEY } from '../throttle';

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

export function sessionUser(r: UserRow): SessionUser {
  return { id: r.id, login: r.login, fullName: r.fullName, role: r.role };
}

export class Auth {
  constructor(
    private readonly k: CoreKernel,
    private readonly sessions: Sessions,
  ) {}

  // ---- setup -----------------------------------------------------------------------------------

  async setup(input: {
    office: OfficeProfile;
    admin: { fullName: string; login: string; password: string };
  }): Promise<{ recoveryKey: string }> {
    const k = this.k;
    if (k.isSetUp()) throw new AppError('ALREADY_SET_UP');
    const lock = acquireDataDirLock(k.dataDir, { nativeBinding: k.nativeBinding });
    try {
      // A crash during an earlier setup may have left a database without a key file. It cannot be
      // read without its key file, but it is never deleted: it is moved aside, so that a key file
      // restored from a backup can still open it.
      const stamp = k.nowIso().replace(/[:.]/g, '-');
      for (const f of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`]) {
        const p = join(k.dataDir, f);
        if (existsSync(p)) renameSync(p, join(k.dataDir, `${f}.bez-kluczy-${stamp}`));
      }
      for (const f of [PENDING_EVENTS, 'auth-state.json']) rmSync(join(k.dataDir, f), { force: true });
      const dataKey = newDataKey();
      const recoveryKey = newRecoveryKey();
      const sealPair = newSealKeyPair();
      const adminId = randomUUID();
      const ks = Keystore.create(k.dataDir, sealPair.publicKeyPem, k.kdf);
      const [adminSlot, recoverySlot] = await Promise.all([
        ks.prepareUserSlot(adminId, input.admin.login, input.admin.password, dataKey),
        ks.prepareRecoverySlot(normaliseRecoveryKey(recoveryKey), dataKey),
      ]);
      const { sqlite, db } = openDatabase(k.dbPath, dataKey, {
        migrationsFolder: k.migrationsFolder,
        nativeBinding: k.nativeBinding,
      });
      try {
        const at = k.nowIso();
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
          const admin = { userId: adminId, userLogin: input.admin.login };
          recordAudit(tx, at, admin, 'setup.initialize', { type: 'office', id: '1' }, { officeName: input.office.name });
        });
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        sqlite.close();
        dataKey.fill(0);
      }
      // The key file is written last: until it exists the installation counts as not set up.
      ks.initialise([adminSlot, recoverySlot]);
      k.setKeystore(ks);
      k.settings.set('officeName', input.office.name);
      return { recoveryKey };
    } finally {
      lock.release();
    }
  }

  /** The administrator proves the recovery key was written down by typing it back. */
  async confirmRecoveryKey(recoveryKey: string): Promise<void> {
    if (!this.k.isSetUp()) throw new AppError('NOT_SET_UP');
    const key = await this.unlockWithRecoveryKey(recoveryKey);
    this.k.keystore().markRecoveryConfirmed(this.k.nowIso());
    await this.k.withDataKey(key, () => this.k.audit({ userId: null, userLogin: null }, 'recovery.confirmed'));
  }

  private async unlockWithRecoveryKey(recoveryKey: string): Promise<Buffer> {
    const { throttle } = this.k;
    const now = this.k.now();
    const wait = throttle.waitSeconds(RECOVERY_THROTTLE_KEY, now);
    if (wait > 0) throw throttled(wait);
    const key = await this.k.keystore().unlockWithRecoveryKey(normaliseRecoveryKey(recoveryKey));
    if (!key) {
      throttle.recordFailure(RECOVERY_THROTTLE_KEY, now);
      this.k.recordEvent('auth.recovery_failed', {});
      throw new AppError('WRONG_RECOVERY_KEY');
    }
    throttle.recordSuccess(RECOVERY_THROTTLE_KEY);
    return key;
  }

  // ---- authentication --------------------------------------------------------------------------

  async login(sessionId: string, login: string, password: string): Promise<SessionUser> {
    const k = this.k;
    if (!k.isSetUp()) throw new AppError('NOT_SET_UP');
    const s = this.sessions.get(sessionId);
    const ks = k.keystore();
    const tag = ks.loginTag(login);
    const now = k.now();
    const wait = k.throttle.waitSeconds(tag, now);
    if (wait > 0) {
      k.recordEvent('auth.login_throttled', { login, waitSeconds: wait });
      throw throttled(wait);
    }
    const unlocked = await ks.unlockWithPassword(login, password);
    if (!unlocked) {
      k.throttle.recordFailure(tag, now);
      k.recordEvent('auth.login_failed', { login, failures: k.throttle.failures(tag) });
      const next = k.throttle.waitSeconds(tag, k.now());
      if (next > 0) throw throttled(next);
      throw new AppError('WRONG_CREDENTIALS');
    }
    await k.ensureOpen(unlocked.dataKey);
    const row = getUser(k.requireDb().db, unlocked.userId);
    if (!row || !row.active) {
      k.audit({ userId: row?.id ?? null, userLogin: login }, 'auth.login_refused_inactive');
      k.closeIfUnused();
      throw new AppError('ACCOUNT_DISABLED');
    }
    k.throttle.recordSuccess(tag);
    const user = sessionUser(row);
    s.user = user;
    s.locked = false;
    s.lastActivity = k.now();
    k.audit({ user }, 'auth.login');
    return user;
  }

  async unlock(sessionId: string, password: string): Promise<SessionUser> {
    const k = this.k;
    const s = this.sessions.get(sessionId);
    if (!s.user) throw new AppError('NOT_AUTHENTICATED');
    const ks = k.keystore();
    const tag = ks.loginTag(s.user.login);
    const now = k.now();
    const wait = k.throttle.waitSeconds(tag, now);
    if (wait > 0) throw throttled(wait);
    const key = await ks.verifyUserPassword(s.user.id, password);
    if (!key) {
      k.throttle.recordFailure(tag, now);
      k.audit({ user: s.user }, 'session.unlock_failed');
      const next = k.throttle.waitSeconds(tag, k.now());
      if (next > 0) throw throttled(next);
      throw new AppError('WRONG_PASSWORD');
    }
    key.fill(0);
    const row = getUser(k.requireDb().db, s.user.id);
    if (!row?.active) {
      this.sessions.end(sessionId);
      throw new AppError('ACCOUNT_DISABLED');
    }
    k.throttle.recordSuccess(tag);
    s.locked = false;
    s.lastActivity = k.now();
    k.audit({ user: s.user }, 'session.unlock');
    return s.user;
  }

  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const k = this.k;
    const ks = k.keystore();
    const key = await ks.verifyUserPassword(actor.user.id, currentPassword);
    if (!key) {
      k.audit(actor, 'auth.password_change_failed');
      throw new AppError('WRONG_PASSWORD', 'Obecne hasło jest nieprawidłowe.', {
        fields: { currentPassword: 'Obecne hasło jest nieprawidłowe.' },
      });
    }
    try {
      const slot = await ks.prepareUserSlot(actor.user.id, actor.user.login, newPassword, key);
      const { db } = k.requireDb();
      db.transaction((tx) => {
        tx.update(users).set({ updatedAt: k.nowIso() }).where(eq(users.id, actor.user.id)).run();
        k.audit(actor, 'auth.password_changed', { type: 'user', id: actor.user.id }, null, tx);
        ks.commitUserSlot(slot);
      });
    } finally {
      key.fill(0);
    }
  }

  /** The recovery key opens the data and lets an administrator account get a new password. */
  async recover(sessionId: string, recoveryKey: string, login: string, newPassword: string): Promise<SessionUser> {
    const k = this.k;
    if (!k.isSetUp()) throw new AppError('NOT_SET_UP');
    const s = this.sessions.get(sessionId);
    const key = await this.unlockWithRecoveryKey(recoveryKey);
    const keyCopy = Buffer.from(key);
    try {
      await k.ensureOpen(key);
      const { db } = k.requireDb();
      const row = getUserByLogin(db, login);
      if (!row || row.role !== 'admin') {
        k.audit({ userId: null, userLogin: login }, 'auth.recovery_refused_not_admin');
        k.closeIfUnused();
        throw new AppError('FORBIDDEN', 'Kluczem odzyskiwania można nadać nowe hasło tylko kontu kierownika (administratora).', {
          fields: { login: 'Podaj login konta kierownika (administratora).' },
        });
      }
      const ks = k.keystore();
      const slot = await ks.prepareUserSlot(row.id, row.login, newPassword, keyCopy);
      const at = k.nowIso();
      db.transaction((tx) => {
        tx.update(users).set({ active: true, updatedAt: at, version: row.version + 1 }).where(eq(users.id, row.id)).run();
        const who = { userId: row.id, userLogin: row.login };
        recordAudit(tx, at, who, 'auth.recovered_with_recovery_key', { type: 'user', id: row.id });
        ks.commitUserSlot(slot);
      });
      const user = sessionUser({ ...row, active: true });
      s.user = user;
      s.locked = false;
      s.lastActivity = k.now();
      k.audit({ user }, 'auth.login', null, { via: 'recovery-key' });
      return user;
    } finally {
      keyCopy.fill(0);
    }
  }

  async regenerateRecoveryKey(actor: Actor, password: string): Promise<string> {
    const k = this.k;
    const ks = k.keystore();
    const key = await ks.verifyUserPassword(actor.user.id, password);
    if (!key) throw new AppError('WRONG_PASSWORD', undefined, { fields: { password: 'Nieprawidłowe hasło.' } });
    try {
      const recoveryKey = newRecoveryKey();
      const slot = await ks.prepareRecoverySlot(normaliseRecoveryKey(recoveryKey), key);
      const { db } = k.requireDb();
      db.transaction((tx) => {
        k.audit(actor, 'recovery.regenerated', null, null, tx);
        ks.commitRecoverySlot(slot);
        ks.clearRecoveryConfirmed();
      });
      return formatRecoveryKey(recoveryKey);
    } finally {
      key.fill(0);
    }
  }

  // ---- tools -----------------------------------------------------------------------------------

  /**
   * For command-line tools (demo seed, bench): log in as an account and hand back the database.
   * The login is audited like any other.
   */
  async openForTool(login: string, password: string): Promise<{ actor: Actor; db: Db; sqlite: SqliteHandle }> {
    const sessionId = this.sessions.create();
    const user = await this.login(sessionId, login, password);
    return { actor: { user, sessionId }, ...this.k.requireDb() };
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
    if (!this.k.isSetUp()) throw new AppError('NOT_SET_UP');
    const key = await this.unlockWithRecoveryKey(recoveryKey);
    await this.k.ensureOpen(key);
    const sessionId = this.sessions.create();
    const s = this.sessions.get(sessionId);
    const user: SessionUser = { ...RECOVERY_KEY_ACTOR };
    s.user = user;
    s.lastActivity = this.k.now();
    const actor = { user, sessionId };
    this.k.audit(actor, 'auth.tool_login', null, { via: 'recovery-key' });
    return { actor, ...this.k.requireDb() };
  }
}
