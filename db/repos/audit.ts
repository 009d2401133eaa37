/** The audit log: insert and read only. There is deliberately no update or delete here. */
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { AuditEntry } from '../../shared/ipc/contract';
import type { Db, DbOrTx } from '../open';
import { auditLog } from '../schema';

export interface AuditWrite {
  at: string;
  userId: string | null;
  userLogin: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  details?: Record<string, unknown> | null;
}

export function writeAudit(db: DbOrTx, e: AuditWrite): void {
  db.insert(auditLog)
    .values({
      at: e.at,
      userId: e.userId,
      userLogin: e.userLogin,
      action: e.action,
      entityType: e.entityType ?? null,
      entityId: e.entityId ?? null,
      details: e.details ? JSON.stringify(e.details) : null,
    })
    .run();
}

export interface AuditFilter {
  from?: string;
  to?: string;
  userId?: string;
  action?: string;
  page: number;
  pageSize: number;
}

export function listAudit(db: Db, f: AuditFilter): { items: AuditEntry[]; total: number } {
  const conds: SQL[] = [];
  if (f.from) conds.push(gte(auditLog.at, f.from));
  if (f.to) conds.push(lte(auditLog.at, f.to.length === 10 ? `${f.to}T23:59:59.999Z` : f.to));
  if (f.userId) conds.push(eq(auditLog.userId, f.userId));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  const where = conds.length ? and(...conds) : undefined;
  const total = db.select({ c: count() }).from(auditLog).where(where).get()?.c ?? 0;
  const rows = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .all();
  return {
    total,
    items: rows.map((r) => ({
      ...r,
      details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
    })),
  };
}
