/**
 * The audit log: insert and read only. There is deliberately no update or delete here.
 * Every row is linked into the hash chain of db/audit/chain.ts as it is written.
 */
import { and, asc, count, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AuditEntry } from '../../shared/ipc/contract';
import { auditHash, nextLink } from '../audit/chain';
import type { Db, DbOrTx, SqliteHandle } from '../open';
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

/**
 * Appends one entry, chained: the id is the next one (last id or the AUTOINCREMENT counter + 1)
 * and prev_hash/hash are computed before the single INSERT, all inside one transaction (a
 * savepoint when the caller already holds a transaction). SQLite has one writer and this is
 * synchronous, so no other write can come between reading the head and inserting; a crash
 * leaves either the whole chained row or nothing. Returns the new id.
 */
export function writeAudit(db: DbOrTx, e: AuditWrite): number {
  return db.transaction((tx) => {
    const { id, prevHash } = nextLink(tx);
    const row = {
      id,
      at: e.at,
      userId: e.userId,
      userLogin: e.userLogin,
      action: e.action,
      entityType: e.entityType ?? null,
      entityId: e.entityId ?? null,
      details: e.details ? JSON.stringify(e.details) : null,
    };
    tx.insert(auditLog)
      .values({ ...row, prevHash, hash: auditHash(prevHash, row) })
      .run();
    return id;
  });
}

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  userId?: string | undefined;
  action?: string | undefined;
  /** Entries about this family: the family itself and every record of its cases. */
  familyId?: string | undefined;
  /** Entries whose entity id (or details.caseId / details.familyId) is exactly this. */
  entityId?: string | undefined;
  page: number;
  pageSize: number;
}

/** Every id of a record belonging to the family (the family, its members, cases and their records). */
export function familyEntityIds(sqlite: SqliteHandle, familyId: string): { ids: string[]; caseIds: string[] } {
  const col = (q: string) => (sqlite.prepare(q).pluck().all(familyId) as string[]);
  const caseIds = col('SELECT id FROM cases WHERE family_id = ?');
  const ids = new Set<string>([familyId, ...caseIds]);
  const tables = ['family_members', 'assessments', 'work_plans', 'case_entries', 'court_requests', 'catalogue_items', 'authorisations', 'supporting_families', 'family_shares'];
  for (const t of tables) {
    if (!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t)) continue;
    for (const id of col(`SELECT id FROM ${t} WHERE family_id = ?`)) ids.add(id);
  }
  for (const id of col('SELECT a.id FROM entry_addenda a JOIN cases c ON c.id = a.case_id WHERE c.family_id = ?')) ids.add(id);
  return { ids: [...ids], caseIds };
}

function entityCond(ids: string[], caseIds: string[], familyId: string | null): SQL {
  const parts: SQL[] = [inArray(auditLog.entityId, ids)];
  if (caseIds.length) parts.push(sql`json_extract(${auditLog.details}, '$.caseId') IN (${sql.join(caseIds.map((c) => sql`${c}`), sql`, `)})`);
  if (familyId) parts.push(sql`json_extract(${auditLog.details}, '$.familyId') = ${familyId}`);
  return or(...parts)!;
}

function whereOf(sqlite: SqliteHandle | null, f: Omit<AuditFilter, 'page' | 'pageSize'>): SQL | undefined {
  const conds: SQL[] = [];
  if (f.from) conds.push(gte(auditLog.at, f.from));
  if (f.to) conds.push(lte(auditLog.at, f.to.length === 10 ? `${f.to}T23:59:59.999Z` : f.to));
  if (f.userId) conds.push(eq(auditLog.userId, f.userId));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.familyId && sqlite) {
    const { ids, caseIds } = familyEntityIds(sqlite, f.familyId);
    conds.push(entityCond(ids, caseIds, f.familyId));
  }
  if (f.entityId) conds.push(entityCond([f.entityId], [f.entityId], f.entityId));
  return conds.length ? and(...conds) : undefined;
}

function toEntry(r: typeof auditLog.$inferSelect): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    userId: r.userId,
    userLogin: r.userLogin,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
  };
}

export function listAudit(db: Db, f: AuditFilter, sqlite: SqliteHandle | null = null): { items: AuditEntry[]; total: number } {
  const where = whereOf(sqlite, f);
  const total = db.select({ c: count() }).from(auditLog).where(where).get()?.c ?? 0;
  const rows = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .all();
  return { total, items: rows.map(toEntry) };
}

/** Entries matching the filter in chronological order, at most `limit` (for a printout). */
export function auditRowsForPrint(db: Db, sqlite: SqliteHandle, f: Omit<AuditFilter, 'page' | 'pageSize'>, limit: number): { items: AuditEntry[]; total: number } {
  const where = whereOf(sqlite, f);
  const total = db.select({ c: count() }).from(auditLog).where(where).get()?.c ?? 0;
  const rows = db.select().from(auditLog).where(where).orderBy(asc(auditLog.id)).limit(limit).all();
  return { total, items: rows.map(toEntry) };
}
