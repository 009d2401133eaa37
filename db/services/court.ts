/**
 * Court requests for an opinion on the family (art. 15 ust. 1 pkt 17; domain.md §4.16, T50):
 * court, department, sygnatura, request and delivery dates, term -> due date (days from delivery,
 * moved past weekends and holidays; or a fixed date set by the court), tracked to submission.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { dayTermDeadline, finding, type Finding } from '../../shared/rules/index';
import type { z } from 'zod';
import type { courtRequestFieldsSchema } from '../../shared/workSchemas';
import type { Actor } from '../core';
import { audit, nowIso, todayOf, type ServiceCtx } from './context';
import { refuseIfBlocked, requireCaseWrite, requireCaseRead } from './workCommon';

type Fields = z.output<typeof courtRequestFieldsSchema>;

interface Row extends Fields {
  id: string;
  caseId: string;
  familyId: string;
  dueOn: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const SELECT = `SELECT id, case_id AS caseId, family_id AS familyId, court, department, case_ref AS caseRef, requested_on AS requestedOn,
  delivered_on AS deliveredOn, term_days AS termDays, fixed_due_on AS fixedDueOn, due_on AS dueOn, submitted_on AS submittedOn, scope, note,
  created_at AS createdAt, updated_at AS updatedAt, version FROM court_requests`;

/** Fixed date wins; otherwise termDays from delivery (or, until delivered, from the letter's date). */
export function courtDueOn(f: Pick<Fields, 'requestedOn' | 'deliveredOn' | 'termDays' | 'fixedDueOn'>): string | null {
  if (f.fixedDueOn) return f.fixedDueOn;
  if (f.termDays) return dayTermDeadline(f.deliveredOn ?? f.requestedOn, f.termDays);
  return null;
}

function out(r: Row, today: string) {
  const status = r.submittedOn ? 'submitted' : r.dueOn && r.dueOn < today ? 'overdue' : !r.deliveredOn && !r.fixedDueOn ? 'awaiting-delivery' : 'open';
  return { ...r, status: status as 'submitted' | 'overdue' | 'awaiting-delivery' | 'open' };
}

function check(f: Fields, today: string): Finding[] {
  const o: Finding[] = [];
  const future = (field: string, d: string | null) => {
    if (d && d > today) o.push(finding('COURT_REQUEST_DATE_IN_FUTURE', { field, date: d, asOf: today }));
  };
  future('Data pisma sądu', f.requestedOn);
  future('Data doręczenia', f.deliveredOn);
  future('Data przekazania opinii', f.submittedOn);
  if (f.deliveredOn && f.deliveredOn < f.requestedOn) o.push(finding('COURT_REQUEST_DELIVERY_BEFORE_REQUEST', { deliveredOn: f.deliveredOn, requestedOn: f.requestedOn }));
  if (!f.termDays && !f.fixedDueOn) o.push(finding('COURT_REQUEST_TERM_MISSING'));
  const due = courtDueOn(f);
  if (due) o.push(finding('COURT_REQUEST_DUE', { dueOn: due }));
  return o;
}

/** The form field of a refusal: a future date is reported at the first field that has one. */
const fieldOf = (f: Fields, today: string) => {
  const future = (['requestedOn', 'deliveredOn', 'submittedOn'] as const).find((k) => f[k] && f[k]! > today) ?? 'requestedOn';
  return (code: string) => (code === 'COURT_REQUEST_DELIVERY_BEFORE_REQUEST' ? 'deliveredOn' : code === 'COURT_REQUEST_DATE_IN_FUTURE' ? future : null);
};

export function listCourtRequests(ctx: ServiceCtx, actor: Actor, caseId: string) {
  requireCaseRead(ctx, actor, caseId);
  const today = todayOf(ctx);
  return (ctx.sqlite.prepare(`${SELECT} WHERE case_id = ? ORDER BY requested_on DESC`).all(caseId) as Row[]).map((r) => out(r, today));
}

export function createCourtRequest(ctx: ServiceCtx, actor: Actor, input: Fields & { caseId: string }) {
  const c = requireCaseWrite(ctx, actor, input.caseId, 'court.create');
  const today = todayOf(ctx);
  const findings = check(input, today);
  refuseIfBlocked(ctx, actor, 'court.create', { type: 'case', id: c.id }, findings, fieldOf(input, today));
  const id = randomUUID();
  const at = nowIso(ctx);
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        `INSERT INTO court_requests (id, case_id, family_id, court, department, case_ref, requested_on, delivered_on, term_days, fixed_due_on, due_on,
                                     submitted_on, scope, note, created_at, updated_at, version)
         VALUES (@id, @caseId, @familyId, @court, @department, @caseRef, @requestedOn, @deliveredOn, @termDays, @fixedDueOn, @dueOn, @submittedOn,
                 @scope, @note, @at, @at, 1)`,
      )
      .run({ ...input, id, caseId: c.id, familyId: c.familyId, dueOn: courtDueOn(input), at });
    audit(ctx, actor, 'court.create', { type: 'court_request', id }, { caseId: c.id });
  })();
  return { request: out(ctx.sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as Row, today), findings };
}

export function updateCourtRequest(ctx: ServiceCtx, actor: Actor, input: Fields & { id: string; version: number }) {
  const r = ctx.sqlite.prepare(`${SELECT} WHERE id = ?`).get(input.id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND');
  requireCaseWrite(ctx, actor, r.caseId, 'court.update');
  const today = todayOf(ctx);
  const findings = check(input, today);
  refuseIfBlocked(ctx, actor, 'court.update', { type: 'court_request', id: r.id }, findings, fieldOf(input, today));
  ctx.sqlite.transaction(() => {
    const res = ctx.sqlite
      .prepare(
        `UPDATE court_requests SET court = @court, department = @department, case_ref = @caseRef, requested_on = @requestedOn, delivered_on = @deliveredOn,
                term_days = @termDays, fixed_due_on = @fixedDueOn, due_on = @dueOn, submitted_on = @submittedOn, scope = @scope, note = @note,
                updated_at = @at, version = version + 1 WHERE id = @id AND version = @version`,
      )
      .run({ ...input, dueOn: courtDueOn(input), at: nowIso(ctx) });
    if (res.changes !== 1) throw new AppError('STALE_EDIT');
    audit(ctx, actor, 'court.update', { type: 'court_request', id: r.id }, { caseId: r.caseId, submittedOn: input.submittedOn });
  })();
  return { request: out(ctx.sqlite.prepare(`${SELECT} WHERE id = ?`).get(input.id) as Row, today), findings };
}
