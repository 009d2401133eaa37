import { and, eq, ne, count } from 'drizzle-orm';
import type { Account } from '../../shared/ipc/contract';
import type { Role } from '../../shared/roles';
import type { Db, DbOrTx } from '../open';
import { users } from '../schema';

export type UserRow = typeof users.$inferSelect;

export function toAccount(r: UserRow): Account {
  return {
    id: r.id,
    login: r.login,
    fullName: r.fullName,
    role: r.role,
    active: r.active,
    personalLimit: r.personalLimit ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

export function getUser(db: DbOrTx, id: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function getUserByLogin(db: DbOrTx, login: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.login, login)).get();
}

export function listUsers(db: Db): UserRow[] {
  return db.select().from(users).orderBy(users.fullName).all();
}

export function countActiveAdmins(db: Db, exceptId?: string): number {
  const cond = exceptId
    ? and(eq(users.role, 'admin' as Role), eq(users.active, true), ne(users.id, exceptId))
    : and(eq(users.role, 'admin' as Role), eq(users.active, true));
  return db.select({ c: count() }).from(users).where(cond).get()?.c ?? 0;
}
