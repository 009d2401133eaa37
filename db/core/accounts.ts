/**
 * User accounts: each account's password wraps the data key in the key file, so creating,
 * activating or resetting an account writes a key slot in the same step as its row and audit
 * entry; deactivating removes the slot. The last active administrator cannot be demoted or
 * deactivated.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { Account } from '../../shared/ipc/contract';
import type { Role } from '../../shared/roles';
import { countActiveAdmins, getUser, getUserByLogin, listUsers, toAccount, type UserRow } from '../repos/users';
import { users } from '../schema';
import { sessionUser } from './auth';
import type { Actor, CoreKernel } from './kernel';

const loginTaken = () => new AppError('LOGIN_TAKEN', undefined, { fields: { login: 'Login: ten login jest już zajęty.' } });

export class Accounts {
  constructor(private readonly k: CoreKernel) {}

  list(): Account[] {
    return listUsers(this.k.requireDb().db).map(toAccount);
  }

  async create(
    actor: Actor,
    input: { fullName: string; login: string; role: Role; password: string; personalLimit?: number | null },
  ): Promise<Account> {
    const k = this.k;
    const { db } = k.requireDb();
    if (getUserByLogin(db, input.login)) throw loginTaken();
    const id = randomUUID();
    const ks = k.keystore();
    const key = k.dataKeyCopy();
    try {
      const slot = await ks.prepareUserSlot(id, input.login, input.password, key);
      const at = k.nowIso();
      db.transaction((tx) => {
        if (getUserByLogin(tx, input.login)) throw loginTaken();
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
        const details = { login: input.login, fullName: input.fullName, role: input.role };
        k.audit(actor, 'user.create', { type: 'user', id }, details, tx);
        ks.commitUserSlot(slot);
      });
    } finally {
      key.fill(0);
    }
    return toAccount(getUser(db, id)!);
  }

  private loadForEdit(id: string, version: number): UserRow {
    const row = getUser(this.k.requireDb().db, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.version !== version) throw new AppError('STALE_EDIT');
    return row;
  }

  update(actor: Actor, input: { id: string; version: number; fullName: string; role: Role; personalLimit?: number | null }): Account {
    const k = this.k;
    const { db } = k.requireDb();
    const row = this.loadForEdit(input.id, input.version);
    if (row.role === 'admin' && input.role !== 'admin' && row.active && countActiveAdmins(db, row.id) === 0) {
      throw new AppError('LAST_ADMIN');
    }
    const at = k.nowIso();
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
      k.audit(actor, 'user.update', { type: 'user', id: row.id }, {
        before: { fullName: row.fullName, role: row.role, personalLimit: row.personalLimit },
        after: { fullName: input.fullName, role: input.role, personalLimit: input.personalLimit ?? null },
      }, tx);
    });
    this.refreshSessionsOf(row.id);
    return toAccount(getUser(db, row.id)!);
  }

  async setActive(actor: Actor, input: { id: string; version: number; active: boolean; newPassword?: string }): Promise<Account> {
    const k = this.k;
    const { db } = k.requireDb();
    const row = this.loadForEdit(input.id, input.version);
    const ks = k.keystore();
    if (!input.active) {
      if (row.role === 'admin' && countActiveAdmins(db, row.id) === 0) throw new AppError('LAST_ADMIN');
      db.transaction((tx) => {
        tx.update(users).set({ active: false, updatedAt: k.nowIso(), version: row.version + 1 }).where(eq(users.id, row.id)).run();
        k.audit(actor, 'user.deactivate', { type: 'user', id: row.id }, { login: row.login }, tx);
        // Without its wrapped key the account's password no longer opens anything.
        ks.removeUserSlot(row.id);
      });
      for (const s of k.sessions.values()) {
        if (s.user?.id === row.id) {
          s.user = null;
          s.locked = false;
        }
      }
    } else {
      if (!input.newPassword) {
        throw new AppError('VALIDATION', 'Aktywując konto, nadaj mu nowe hasło.', {
          fields: { newPassword: 'Hasło: nadaj nowe hasło aktywowanemu kontu.' },
        });
      }
      const key = k.dataKeyCopy();
      try {
        const slot = await ks.prepareUserSlot(row.id, row.login, input.newPassword, key);
        db.transaction((tx) => {
          tx.update(users).set({ active: true, updatedAt: k.nowIso(), version: row.version + 1 }).where(eq(users.id, row.id)).run();
          k.audit(actor, 'user.activate', { type: 'user', id: row.id }, { login: row.login }, tx);
          ks.commitUserSlot(slot);
        });
      } finally {
        key.fill(0);
      }
    }
    return toAccount(getUser(db, row.id)!);
  }

  async resetPassword(actor: Actor, id: string, newPassword: string): Promise<void> {
    const k = this.k;
    const { db } = k.requireDb();
    const row = getUser(db, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (!row.active) {
      throw new AppError('ACCOUNT_DISABLED', 'Konto jest nieaktywne: aktywuj je, nadając nowe hasło.');
    }
    const ks = k.keystore();
    const key = k.dataKeyCopy();
    try {
      const slot = await ks.prepareUserSlot(row.id, row.login, newPassword, key);
      db.transaction((tx) => {
        tx.update(users).set({ updatedAt: k.nowIso(), version: row.version + 1 }).where(eq(users.id, row.id)).run();
        k.audit(actor, 'user.password_reset', { type: 'user', id: row.id }, { login: row.login }, tx);
        ks.commitUserSlot(slot);
      });
    } finally {
      key.fill(0);
    }
    k.throttle.recordSuccess(ks.loginTag(row.login));
  }

  /** Sessions of an edited account see its new name and role at once (or end when it is gone). */
  private refreshSessionsOf(userId: string): void {
    const row = getUser(this.k.requireDb().db, userId);
    for (const s of this.k.sessions.values()) {
      if (s.user?.id === userId) s.user = row && row.active ? sessionUser(row) : null;
    }
  }
}
