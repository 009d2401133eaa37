/**
 * The visit and contact log (dziennik wizyt / protokół, domain.md §4.10–4.12, §4.15): visits,
 * failed visits, phone and institution contacts, official notes and monitoring contacts.
 * Validated in the main process (future date, end before start, place, reasons; visit-gap
 * warning). Entries lock `entryLockDays` after they were recorded: edits and deletions are then
 * refused and corrections are dated addenda with their author. Monthly report data per case.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Entry } from '../../shared/ipc/contract';
import {
  CASE_STATES,
  ENTRY_KINDS,
  checkEntryEdit,
  entryLock,
  entryMinutes,
  finding,
  monthlyReport,
  validateEntry,
  type EntryKind,
  type Finding,
} from '../../shared/rules/index';
import type { EntryFields } from '../../shared/workSchemas';
import type { Actor } from '../core';
import type { SqliteHandle } from '../open';
import { getCaseRow, type CaseRow } from './cases';
import { audit, nowIso, todayOf, type ServiceCtx } from './context';
import { familyLabel } from './registry';
import { addendaOf, auditRefusal, getWorkSettings, insertAddendum, refuse, refuseIfBlocked, requireCaseEdit, requireCaseWrite, warsawDateOf, tx } from './workCommon';

interface Row {
  id: string;
  caseId: string;
  familyId: string;
  kind: EntryKind;
  onDate: string;
  startTime: string | null;
  endTime: string | null;
  minutes: number;
  kmTenths: number;
  body: string;
  authorId: string | null;
  authorName: string | null;
  recordedOn: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const SELECT = `SELECT id, case_id AS caseId, family_id AS familyId, kind, on_date AS onDate, start_time AS startTime, end_time AS endTime,
  minutes, km_tenths AS kmTenths, body, author_id AS authorId, author_name AS authorName, recorded_on AS recordedOn,
  created_at AS createdAt, updated_at AS updatedAt, version FROM case_entries`;

type Body = Omit<EntryFields, 'on' | 'start' | 'end' | 'km'>;

const WORK_STATES = ['PRZYDZIELONY', 'PIERWSZY_KONTAKT', 'ZGODA', 'KONTAKT_I_ZGODA', 'OCENA_WSTEPNA', 'PLAN_PRACY', 'REALIZACJA', 'KATALOG_WSPARCIA', 'KOORDYNACJA', 'ZAWIESZENIE'];
const ALLOWED_STATES: Record<EntryKind, string[]> = {
  visit: WORK_STATES,
  'failed-visit': WORK_STATES,
  phone: WORK_STATES,
  institution: WORK_STATES,
  note: [...WORK_STATES, 'MONITORING'],
  monitoring: ['MONITORING'],
};

function toOut(ctx: ServiceCtx, r: Row, addenda?: Map<string, Entry['addenda']>): Entry {
  const lock = entryLock({ recordedOn: r.recordedOn, today: todayOf(ctx), lockDays: getWorkSettings(ctx.sqlite).entryLockDays });
  const body = JSON.parse(r.body) as Body;
  return {
    ...body,
    id: r.id,
    caseId: r.caseId,
    familyId: r.familyId,
    kind: r.kind,
    on: r.onDate,
    start: r.startTime,
    end: r.endTime,
    km: r.kmTenths ? r.kmTenths / 10 : null,
    minutes: r.minutes,
    authorId: r.authorId,
    authorName: r.authorName,
    recordedOn: r.recordedOn,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    locked: lock.locked,
    lockedOn: lock.lockedOn,
    addenda: (addenda ?? addendaOf(ctx.sqlite, 'entry', [r.id])).get(r.id) ?? [],
  };
}

function getRow(sqlite: SqliteHandle, id: string): Row {
  const r = sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Nie znaleziono wpisu.');
  return r;
}

export function listEntries(ctx: ServiceCtx, actor: Actor, q: { caseId: string; kind?: EntryKind; from?: string; to?: string }): Entry[] {
  requireCaseEdit(ctx, actor, q.caseId, 'entries.list');
  const where = ['case_id = @caseId'];
  if (q.kind) where.push('kind = @kind');
  if (q.from) where.push('on_date >= @from');
  if (q.to) where.push('on_date <= @to');
  const rows = ctx.sqlite.prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY on_date DESC, start_time DESC, created_at DESC`).all(q) as Row[];
  const addenda = addendaOf(ctx.sqlite, 'entry', rows.map((r) => r.id));
  audit(ctx, actor, 'entries.list', { type: 'case', id: q.caseId }, { count: rows.length });
  return rows.map((r) => toOut(ctx, r, addenda));
}

export function getEntry(ctx: ServiceCtx, actor: Actor, id: string): Entry {
  const r = getRow(ctx.sqlite, id);
  requireCaseEdit(ctx, actor, r.caseId, 'entry.open');
  audit(ctx, actor, 'entry.open', { type: 'entry', id });
  return toOut(ctx, r);
}

function previousVisitOn(sqlite: SqliteHandle, caseId: string, before: string, exceptId?: string): string | null {
  const r = sqlite
    .prepare(`SELECT max(on_date) AS d FROM case_entries WHERE case_id = ? AND kind = 'visit' AND on_date < ? AND id <> ?`)
    .get(caseId, before, exceptId ?? '') as { d: string | null };
  return r.d;
}

function entryFindings(ctx: ServiceCtx, c: CaseRow, kind: EntryKind, e: EntryFields, exceptId?: string): Finding[] {
  const out: Finding[] = [];
  if (!ALLOWED_STATES[kind].includes(c.state)) out.push(finding('ENTRY_WRONG_STATE', { state: CASE_STATES[c.state].label, kind: ENTRY_KINDS[kind].label }));
  const settings = getWorkSettings(ctx.sqlite);
  out.push(
    ...validateEntry(
      {
        kind,
        on: e.on,
        start: e.start,
        end: e.end,
        place: e.place,
        participants: e.participants,
        failedReason: e.failedReason,
        text: kind === 'visit' ? e.text || e.doneSinceLast || 'x' : e.text,
        childSafetyConcern: e.childSafetyConcern,
        nextAppointmentOn: e.nextAppointmentOn,
        km: e.km,
      },
      {
        today: todayOf(ctx),
        assignedOn: c.assignedOn,
        previousVisitOn: kind === 'visit' ? previousVisitOn(ctx.sqlite, c.id, e.on, exceptId) : null,
        maxDaysBetweenVisits: settings.maxDaysBetweenVisits,
      },
    ),
  );
  return out;
}

const fieldOf = (code: string) =>
  ({
    VISIT_DATE_IN_FUTURE: 'on',
    DATE_MISSING: 'on',
    VISIT_END_BEFORE_START: 'end',
    VISIT_TIME_MISSING: 'start',
    VISIT_PLACE_MISSING: 'place',
    VISIT_FAILED_REASON_MISSING: 'failedReason',
    ENTRY_TEXT_MISSING: 'text',
    VISIT_KM_OUT_OF_RANGE: 'km',
  })[code] ?? null;

function bodyOf(e: EntryFields & { caseId?: string; kind?: string; id?: string; version?: number }): Body {
  const { on: _o, start: _s, end: _e, km: _k, caseId: _c, kind: _kd, id: _i, version: _v, ...body } = e;
  return body;
}

/** The family's signatory of a visit card (visits only). A member chosen from the registry must
 *  be an adult of the case's family, and the name kept is the registry's; a typed name is kept
 *  as typed. Nothing is kept when nobody is named and no refusal was recorded. */
function signatoryOf(sqlite: SqliteHandle, familyId: string, kind: EntryKind, s: EntryFields['familySignatory']): Body['familySignatory'] {
  if (kind !== 'visit' || !s) return null;
  if (s.memberId) {
    const m = sqlite
      .prepare('SELECT first_name AS firstName, last_name AS lastName FROM family_members WHERE id = ? AND family_id = ? AND is_child = 0')
      .get(s.memberId, familyId) as { firstName: string; lastName: string } | undefined;
    if (!m) {
      const message = 'Podpisujący w imieniu rodziny: wybierz dorosłego członka tej rodziny.';
      throw new AppError('VALIDATION', message, { fields: { 'familySignatory.memberId': message } });
    }
    return { ...s, name: `${m.firstName} ${m.lastName}`.trim() };
  }
  if (!s.name && !s.refused) return null;
  return s;
}

export function createEntry(ctx: ServiceCtx, actor: Actor, input: EntryFields & { caseId: string; kind: EntryKind }) {
  const { sqlite } = ctx;
  requireCaseWrite(ctx, actor, input.caseId, 'entry.create');
  const id = randomUUID();
  let findings: Finding[] = [];
  tx(ctx, actor, () => {
    const c = getCaseRow(sqlite, input.caseId)!;
    findings = entryFindings(ctx, c, input.kind, input);
    refuseIfBlocked(ctx, actor, 'entry.create', { type: 'case', id: c.id }, findings, fieldOf);
    const at = nowIso(ctx);
    sqlite
      .prepare(
        `INSERT INTO case_entries (id, case_id, family_id, kind, on_date, start_time, end_time, minutes, km_tenths, body, author_id, author_name,
                                   recorded_on, created_at, updated_at, version)
         VALUES (@id, @caseId, @familyId, @kind, @on, @start, @end, @minutes, @km, @body, @author, @authorName, @recordedOn, @at, @at, 1)`,
      )
      .run({
        id,
        caseId: c.id,
        familyId: c.familyId,
        kind: input.kind,
        on: input.on,
        start: input.start,
        end: input.end,
        minutes: entryMinutes(input),
        km: Math.round((input.km ?? 0) * 10),
        body: JSON.stringify({ ...bodyOf(input), familySignatory: signatoryOf(sqlite, c.familyId, input.kind, input.familySignatory) }),
        author: actor.user.id,
        authorName: actor.user.fullName,
        recordedOn: todayOf(ctx),
        at,
      });
    sqlite.prepare('UPDATE families SET updated_at = ? WHERE id = ?').run(at, c.familyId);
    audit(ctx, actor, 'entry.create', { type: 'entry', id }, { caseId: c.id, kind: input.kind, on: input.on });
  });
  return { entry: toOut(ctx, getRow(sqlite, id)), findings, case: null };
}

function editGuard(ctx: ServiceCtx, actor: Actor, r: Row, action: string): void {
  const f = checkEntryEdit({
    entryOn: r.onDate,
    recordedOn: r.recordedOn,
    today: todayOf(ctx),
    lockDays: getWorkSettings(ctx.sqlite).entryLockDays,
    authorId: r.authorId,
    actor: { id: actor.user.id, role: actor.user.role },
  });
  if (f.some((x) => x.code === 'ENTRY_NOT_AUTHOR')) auditRefusal(ctx, actor, refuse(f, 'FORBIDDEN'), `${action}_forbidden`, { type: 'entry', id: r.id });
  refuseIfBlocked(ctx, actor, action, { type: 'entry', id: r.id }, f);
}

export function updateEntry(ctx: ServiceCtx, actor: Actor, input: EntryFields & { id: string; version: number }) {
  const { sqlite } = ctx;
  const r0 = getRow(sqlite, input.id);
  requireCaseWrite(ctx, actor, r0.caseId, 'entry.update');
  let findings: Finding[] = [];
  tx(ctx, actor, () => {
    const r = getRow(sqlite, input.id);
    editGuard(ctx, actor, r, 'entry.update');
    if (r.version !== input.version) throw new AppError('STALE_EDIT');
    const c = getCaseRow(sqlite, r.caseId)!;
    findings = entryFindings(ctx, c, r.kind, input, r.id).filter((f) => f.code !== 'ENTRY_WRONG_STATE');
    refuseIfBlocked(ctx, actor, 'entry.update', { type: 'entry', id: r.id }, findings, fieldOf);
    const res = sqlite
      .prepare(
        `UPDATE case_entries SET on_date = @on, start_time = @start, end_time = @end, minutes = @minutes, km_tenths = @km, body = @body,
                updated_at = @at, version = version + 1 WHERE id = @id AND version = @version`,
      )
      .run({
        id: r.id,
        version: input.version,
        on: input.on,
        start: input.start,
        end: input.end,
        minutes: entryMinutes(input),
        km: Math.round((input.km ?? 0) * 10),
        body: JSON.stringify({ ...bodyOf(input), familySignatory: signatoryOf(sqlite, r.familyId, r.kind, input.familySignatory) }),
        at: nowIso(ctx),
      });
    if (res.changes !== 1) throw new AppError('STALE_EDIT');
    audit(ctx, actor, 'entry.update', { type: 'entry', id: r.id }, { caseId: r.caseId, kind: r.kind });
  });
  return { entry: toOut(ctx, getRow(sqlite, input.id)), findings, case: null };
}

export function deleteEntry(ctx: ServiceCtx, actor: Actor, input: { id: string; version: number }) {
  const { sqlite } = ctx;
  const r0 = getRow(sqlite, input.id);
  requireCaseWrite(ctx, actor, r0.caseId, 'entry.delete');
  tx(ctx, actor, () => {
    const r = getRow(sqlite, input.id);
    editGuard(ctx, actor, r, 'entry.delete');
    if (r.version !== input.version) throw new AppError('STALE_EDIT');
    sqlite.prepare('DELETE FROM entry_addenda WHERE target_type = ? AND target_id = ?').run('entry', r.id);
    sqlite.prepare('DELETE FROM case_entries WHERE id = ? AND version = ?').run(r.id, input.version);
    audit(ctx, actor, 'entry.delete', { type: 'entry', id: r.id }, { caseId: r.caseId, kind: r.kind, on: r.onDate });
  });
  return { ok: true as const };
}

/** A dated correction with its author: the only way to change what a locked entry says. */
export function addAddendum(ctx: ServiceCtx, actor: Actor, input: { targetType: 'entry' | 'assessment'; targetId: string; text: string }) {
  const { sqlite } = ctx;
  const target =
    input.targetType === 'entry'
      ? (sqlite.prepare('SELECT case_id AS caseId FROM case_entries WHERE id = ?').get(input.targetId) as { caseId: string } | undefined)
      : (sqlite.prepare('SELECT case_id AS caseId FROM assessments WHERE id = ?').get(input.targetId) as { caseId: string } | undefined);
  if (!target) throw new AppError('NOT_FOUND', 'Nie znaleziono wpisu.');
  requireCaseWrite(ctx, actor, target.caseId, 'addendum.create');
  if (!input.text.trim()) throw refuse([finding('ADDENDUM_TEXT_MISSING')], 'RULE_BLOCKED', () => 'text');
  let out!: ReturnType<typeof insertAddendum>;
  tx(ctx, actor, () => {
    out = insertAddendum(ctx, actor, { targetType: input.targetType, targetId: input.targetId, caseId: target.caseId, text: input.text.trim() });
    audit(ctx, actor, 'addendum.create', { type: input.targetType, id: input.targetId }, { caseId: target.caseId, addendumId: out.id });
  });
  return out;
}

/** Monthly report data (domain.md §4.12) from the month's entries. */
export function monthlyReportOf(ctx: ServiceCtx, actor: Actor, input: { caseId: string; month: string }) {
  const c = requireCaseEdit(ctx, actor, input.caseId, 'report.monthly');
  const rows = ctx.sqlite.prepare(`${SELECT} WHERE case_id = ? AND substr(on_date, 1, 7) = ?`).all(c.id, input.month) as Row[];
  const report = monthlyReport(
    rows.map((r) => {
      const b = JSON.parse(r.body) as Body;
      return {
        id: r.id,
        kind: r.kind,
        on: r.onDate,
        start: r.startTime,
        end: r.endTime,
        km: r.kmTenths / 10,
        goalIds: b.goalIds ?? [],
        summary: (b.text || b.doneSinceLast || b.contactWith || '').slice(0, 300),
      };
    }),
    input.month,
  );
  const plan = ctx.sqlite.prepare('SELECT content FROM work_plans WHERE case_id = ? ORDER BY version_no DESC LIMIT 1').get(c.id) as { content: string } | undefined;
  const titles = new Map<string, string>((plan ? (JSON.parse(plan.content) as { goals: Array<{ id: string; title: string }> }).goals : []).map((g) => [g.id, g.title]));
  audit(ctx, actor, 'report.monthly', { type: 'case', id: c.id }, { month: input.month });
  return {
    ...report,
    caseId: c.id,
    caseNumber: c.caseNumber,
    familyLabel: familyLabel(ctx.sqlite, c.familyId),
    assistantName: c.assistantName,
    goals: report.goals.map((g) => ({ ...g, title: titles.get(g.goalId) ?? '(cel spoza aktualnego planu)' })),
    entries: report.entries.map((e) => ({ id: e.id, kind: e.kind, on: e.on, start: e.start ?? null, end: e.end ?? null, km: e.km ?? null, summary: e.summary ?? '' })),
  };
}

export { warsawDateOf };
