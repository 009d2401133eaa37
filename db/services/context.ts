/**
 * What a registry/case service needs from the core: the open database, the clock and the
 * caller. Services write their audit rows with `audit` (the one writer, db/audit/writer.ts)
 * inside their own transactions, so a
 * refused or failed change leaves neither data nor a misleading audit entry behind.
 */
import { warsawDate } from '../../shared/dates';
import type { AsystaCore, Actor } from '../core';
import type { Db, SqliteHandle } from '../open';
import { recordAudit } from '../audit/writer';

export interface ServiceCtx {
  db: Db;
  sqlite: SqliteHandle;
  /** Milliseconds since the epoch. */
  now: () => number;
}

export function serviceCtx(core: AsystaCore): ServiceCtx {
  const { db, sqlite } = core.requireDb();
  return { db, sqlite, now: () => core.clock() };
}

/** Today's date in Europe/Warsaw ('YYYY-MM-DD'). */
export function todayOf(ctx: ServiceCtx): string {
  return warsawDate(ctx.now())!;
}

export function nowIso(ctx: ServiceCtx): string {
  return new Date(ctx.now()).toISOString();
}

export function audit(
  ctx: ServiceCtx,
  actor: Actor,
  action: string,
  entity: { type: string; id: string } | null,
  details?: Record<string, unknown>,
): void {
  recordAudit(ctx.db, nowIso(ctx), actor, action, entity, details);
}

/** Parse a JSON column (null when empty). */
export function json<T>(s: string | null | undefined): T | null {
  if (!s) return null;
  return JSON.parse(s) as T;
}
