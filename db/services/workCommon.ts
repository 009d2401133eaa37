/**
 * Shared pieces of the work services (issue 4): who may read or edit a case's work documents,
 * refusals from rule findings, the Warsaw date of a timestamp, addenda, work settings.
 */
import { warsawDate } from '../../shared/dates';
import { randomUUID } from 'node:crypto';
import { AppError, type ErrorCode } from '../../shared/errors';
import type { Finding } from '../../shared/rules/index';
import type { WorkSettings } from '../../shared/workSchemas';
import type { Actor } from '../core';
import type { SqliteHandle } from '../open';
import { getWorkSettings, type WorkSettingsRow } from '../repos/work';
import { getCaseRow, type CaseRow } from './cases';
import { audit, nowIso, type ServiceCtx } from './context';
import { activeShareOf } from './access';
import { refuseIfAnonymised, requireFamilyVisible } from './registry';

export { getWorkSettings };

/** Read access: anyone who may see the family (assistant: own families; PS: area; head: all). */
export function requireCaseRead(ctx: ServiceCtx, actor: Actor, caseId: string, what = 'case.open_forbidden'): CaseRow {
  const r = getCaseRow(ctx.sqlite, caseId);
  if (!r) throw new AppError('NOT_FOUND', 'Nie znaleziono sprawy.');
  requireFamilyVisible(ctx, actor, r.familyId, what);
  return r;
}

/**
 * Edit access: the head, or the assistant assigned to this case, or an assistant substituting
 * for them through an active share (zastępstwo: the diary and work documents, but not closing
 * the case). Refusals are audited.
 */
export function requireCaseEdit(ctx: ServiceCtx, actor: Actor, caseId: string, what: string): CaseRow {
  const r = requireCaseRead(ctx, actor, caseId, `${what}_forbidden`);
  if (actor.user.role === 'admin') return r;
  if (actor.user.role === 'assistant' && r.assistantId === actor.user.id) return r;
  if (actor.user.role === 'assistant' && what !== 'case.close' && activeShareOf(ctx, actor.user.id, r.familyId)) return r;
  audit(ctx, actor, `${what}_forbidden`, { type: 'case', id: caseId }, { role: actor.user.role });
  throw new AppError(
    'FORBIDDEN',
    actor.user.role === 'social_worker'
      ? 'Pracownik socjalny może przeglądać oceny i plan pracy rodzin ze swojego rejonu, ale nie może ich zmieniać.'
      : 'Dokumentację sprawy prowadzi przydzielony asystent albo kierownik.',
  );
}

/** `requireCaseEdit` for a change: also refused once a retention run anonymised the family. */
export function requireCaseWrite(ctx: ServiceCtx, actor: Actor, caseId: string, what: string): CaseRow {
  const r = requireCaseEdit(ctx, actor, caseId, what);
  refuseIfAnonymised(ctx.sqlite, r.familyId);
  return r;
}

/** RULE_BLOCKED (or the given code) with the findings; the first blocker is the message. */
export function refuse(findings: Finding[], code: ErrorCode = 'RULE_BLOCKED', fieldOf: (code: string) => string | null = () => null): AppError {
  const blockers = findings.filter((f) => f.severity === 'blocker');
  const fields: Record<string, string> = {};
  for (const f of blockers) {
    const k = fieldOf(f.code);
    if (k && !fields[k]) fields[k] = f.message;
  }
  return new AppError(code, blockers[0]?.message ?? 'Odmowa.', { findings, ...(Object.keys(fields).length ? { fields } : {}) });
}

export function blocks(findings: ReadonlyArray<Finding>): boolean {
  return findings.some((f) => f.severity === 'blocker');
}

/** Audit rows of refusals raised inside a transaction: written by `tx` after the rollback. */
const pendingAudit = new WeakMap<AppError, { action: string; entity: { type: string; id: string }; details: Record<string, unknown> }>();

/** Audits a refusal now, or (inside a transaction) after its rollback, then throws it. */
export function auditRefusal(ctx: ServiceCtx, actor: Actor, err: AppError, action: string, entity: { type: string; id: string }, details: Record<string, unknown> = {}): never {
  if (ctx.sqlite.inTransaction) pendingAudit.set(err, { action, entity, details });
  else audit(ctx, actor, action, entity, details);
  throw err;
}

/** Refuse on blockers, auditing the refusal (codes only, no personal data). */
export function refuseIfBlocked(ctx: ServiceCtx, actor: Actor, action: string, entity: { type: string; id: string }, findings: Finding[], fieldOf?: (code: string) => string | null): void {
  if (!blocks(findings)) return;
  auditRefusal(ctx, actor, refuse(findings, 'RULE_BLOCKED', fieldOf), `${action}_refused`, entity, {
    codes: findings.filter((f) => f.severity === 'blocker').map((f) => f.code),
  });
}

/** A write transaction; a refusal inside it rolls everything back and is then audited. */
export function tx<T>(ctx: ServiceCtx, actor: Actor, fn: () => T): T {
  try {
    return ctx.sqlite.transaction(fn)();
  } catch (e) {
    const p = e instanceof AppError ? pendingAudit.get(e) : undefined;
    if (p && !ctx.sqlite.inTransaction) {
      pendingAudit.delete(e as AppError);
      audit(ctx, actor, p.action, p.entity, p.details);
    }
    throw e;
  }
}

/** Europe/Warsaw calendar date of an ISO timestamp. */
export function warsawDateOf(iso: string): string {
  return warsawDate(iso) ?? iso;
}

export function json<T>(s: string | null | undefined, fallback: T): T {
  if (!s) return fallback;
  return JSON.parse(s) as T;
}

export interface AddendumOut {
  id: string;
  text: string;
  authorName: string;
  createdAt: string;
}

export function addendaOf(sqlite: SqliteHandle, targetType: 'entry' | 'assessment', ids: string[]): Map<string, AddendumOut[]> {
  const out = new Map<string, AddendumOut[]>();
  if (ids.length === 0) return out;
  const rows = sqlite
    .prepare(
      `SELECT id, target_id AS targetId, text, author_name AS authorName, created_at AS createdAt FROM entry_addenda
        WHERE target_type = ? AND target_id IN (${ids.map(() => '?').join(',')}) ORDER BY created_at, id`,
    )
    .all(targetType, ...ids) as Array<AddendumOut & { targetId: string }>;
  for (const { targetId, ...a } of rows) {
    const list = out.get(targetId) ?? [];
    list.push(a);
    out.set(targetId, list);
  }
  return out;
}

export function insertAddendum(ctx: ServiceCtx, actor: Actor, t: { targetType: 'entry' | 'assessment'; targetId: string; caseId: string; text: string }): AddendumOut {
  const a = { id: randomUUID(), text: t.text, authorName: actor.user.fullName, createdAt: nowIso(ctx) };
  ctx.sqlite
    .prepare(
      `INSERT INTO entry_addenda (id, target_type, target_id, case_id, text, author_id, author_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(a.id, t.targetType, t.targetId, t.caseId, t.text, actor.user.id, a.authorName, a.createdAt);
  return a;
}

export function updateWorkSettings(ctx: ServiceCtx, actor: Actor, input: WorkSettings & { version: number }): WorkSettingsRow {
  const before = getWorkSettings(ctx.sqlite);
  if (before.version !== input.version) throw new AppError('STALE_EDIT');
  const { version: _v, ...after } = input;
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        `INSERT INTO work_settings (id, entry_lock_days, monitoring_months, max_days_between_visits, visit_gap_reminder_days, first_assessment_from, version, updated_at)
         VALUES (1, @entryLockDays, @monitoringMonths, @maxDaysBetweenVisits, @visitGapReminderDays, @firstAssessmentFrom, @version, @at)
         ON CONFLICT(id) DO UPDATE SET entry_lock_days = excluded.entry_lock_days, monitoring_months = excluded.monitoring_months,
           max_days_between_visits = excluded.max_days_between_visits, visit_gap_reminder_days = excluded.visit_gap_reminder_days,
           first_assessment_from = excluded.first_assessment_from, version = excluded.version, updated_at = excluded.updated_at`,
      )
      .run({ ...after, version: before.version + 1, at: nowIso(ctx) });
    const { version: _bv, ...b } = before;
    audit(ctx, actor, 'office.work_settings_update', { type: 'office', id: '1' }, { before: b, after });
  })();
  return getWorkSettings(ctx.sqlite);
}

/** Children of the family with their placement (for foster-care checks and the distribution list). */
export function familyChildren(sqlite: SqliteHandle, familyId: string): Array<{
  id: string;
  name: string;
  birthDate: string | null;
  placement: 'home' | 'foster-care';
  krpz: { name?: string; address?: string } | null;
}> {
  return (
    sqlite
      .prepare(`SELECT id, first_name || ' ' || last_name AS name, birth_date AS birthDate, placement FROM family_members WHERE family_id = ? AND is_child = 1 ORDER BY sort_order`)
      .all(familyId) as Array<{ id: string; name: string; birthDate: string | null; placement: string | null }>
  ).map((c) => {
    const p = json<{ kind?: 'home' | 'foster-care'; krpz?: { name?: string; address?: string } | null } | null>(c.placement, null);
    return { id: c.id, name: c.name, birthDate: c.birthDate, placement: p?.kind ?? 'home', krpz: p?.krpz ?? null };
  });
}
