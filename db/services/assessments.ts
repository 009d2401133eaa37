/**
 * Assessments of the family situation (issue 4; domain.md §4.8, §4.13, §4.14, §5.3): initial,
 * periodic and final, validated with validateAssessment in the main process; the previous rating
 * per area; the distribution list of periodic and final assessments (T49); the trend of every
 * area across the case's assessments. Saving the initial assessment moves the case from ZGODA to
 * OCENA_WSTEPNA. Assessments lock like entries; later corrections are addenda.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Assessment } from '../../shared/ipc/contract';
import {
  assessmentDistribution,
  assessmentPeriodOf,
  assessmentTrend,
  CASE_STATES,
  checkAssessmentRecord,
  compareAssessments,
  CONSENT_RECORDED_STATES,
  entryLock,
  finding,
  validateAssessment,
  latestNextAssessmentOn,
  planInForce,
  type AssessmentAreaEntry,
  type AssessmentDraft,
  type Finding,
} from '../../shared/rules/index';
import type { AssessmentCreateInput, AssessmentFields } from '../../shared/workSchemas';
import type { Actor } from '../core';
import type { SqliteHandle } from '../open';
import { planVersionsOf } from '../repos/work';
import { caseDetail, getCaseRow, transition, type CaseRow } from './cases';
import { audit, nowIso, todayOf, type ServiceCtx } from './context';
import { addendaOf, familyChildren, getWorkSettings, json, refuseIfBlocked, requireCaseWrite, requireCaseRead, warsawDateOf, tx } from './workCommon';

interface Row {
  id: string;
  caseId: string;
  familyId: string;
  kind: 'initial' | 'periodic' | 'final';
  assessedOn: string;
  periodFrom: string | null;
  periodTo: string | null;
  areas: string;
  body: string;
  recommendation: string | null;
  distribution: string | null;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const SELECT = `SELECT a.id, a.case_id AS caseId, a.family_id AS familyId, a.kind, a.assessed_on AS assessedOn, a.period_from AS periodFrom,
  a.period_to AS periodTo, a.areas, a.body, a.recommendation, a.distribution, a.author_id AS authorId, u.full_name AS authorName,
  a.created_at AS createdAt, a.updated_at AS updatedAt, a.version FROM assessments a LEFT JOIN users u ON u.id = a.author_id`;

type Body = Omit<AssessmentFields, 'assessedOn' | 'periodFrom' | 'periodTo' | 'areas'>;

function rowsOfCase(sqlite: SqliteHandle, caseId: string): Row[] {
  return sqlite.prepare(`${SELECT} WHERE a.case_id = ? ORDER BY a.assessed_on, a.created_at`).all(caseId) as Row[];
}

function toOut(ctx: ServiceCtx, r: Row, all: Row[]): Assessment {
  const lockDays = getWorkSettings(ctx.sqlite).entryLockDays;
  const lock = entryLock({ recordedOn: warsawDateOf(r.createdAt), today: todayOf(ctx), lockDays });
  const idx = all.findIndex((x) => x.id === r.id);
  const prev = idx > 0 ? all[idx - 1]! : null;
  const areas = JSON.parse(r.areas) as Record<string, AssessmentAreaEntry>;
  const body = JSON.parse(r.body) as Body;
  const prevAreas = prev ? (JSON.parse(prev.areas) as Record<string, AssessmentAreaEntry>) : null;
  return {
    ...body,
    id: r.id,
    caseId: r.caseId,
    familyId: r.familyId,
    kind: r.kind,
    assessedOn: r.assessedOn,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    areas,
    distribution: json(r.distribution, null),
    authorId: r.authorId,
    authorName: r.authorName,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    locked: lock.locked,
    lockedOn: lock.lockedOn,
    addenda: addendaOf(ctx.sqlite, 'assessment', [r.id]).get(r.id) ?? [],
    previous: prev && prevAreas ? { id: prev.id, assessedOn: prev.assessedOn, kind: prev.kind, areas: prevAreas } : null,
    comparison:
      prev && prevAreas
        ? compareAssessments({ kind: prev.kind, assessedOn: prev.assessedOn, areas: prevAreas }, { kind: r.kind, assessedOn: r.assessedOn, areas })
        : null,
  };
}

export function listAssessments(ctx: ServiceCtx, actor: Actor, caseId: string) {
  requireCaseRead(ctx, actor, caseId);
  const lockDays = getWorkSettings(ctx.sqlite).entryLockDays;
  const today = todayOf(ctx);
  return rowsOfCase(ctx.sqlite, caseId)
    .reverse()
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      assessedOn: r.assessedOn,
      recommendation: r.recommendation,
      authorName: r.authorName,
      locked: entryLock({ recordedOn: warsawDateOf(r.createdAt), today, lockDays }).locked,
    }));
}

export function getAssessment(ctx: ServiceCtx, actor: Actor, id: string): Assessment {
  const r = ctx.sqlite.prepare(`${SELECT} WHERE a.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Nie znaleziono oceny.');
  requireCaseRead(ctx, actor, r.caseId);
  audit(ctx, actor, 'assessment.open', { type: 'assessment', id });
  return toOut(ctx, r, rowsOfCase(ctx.sqlite, r.caseId));
}

/** The distribution list of a periodic or final assessment (T49). */
function distributionFor(ctx: ServiceCtx, c: CaseRow) {
  const office = ctx.sqlite.prepare('SELECT name, address, postal_code AS postalCode, place, head_name AS headName FROM office WHERE id = 1').get() as
    | { name: string; address: string; postalCode: string; place: string; headName: string }
    | undefined;
  const ps = c.referredBy
    ? (ctx.sqlite.prepare("SELECT full_name AS name FROM users WHERE id = ? AND role = 'social_worker'").get(c.referredBy) as { name: string } | undefined)
    : undefined;
  return assessmentDistribution({
    head: {
      name: office ? `${office.headName}, kierownik ${office.name}` : 'Kierownik ośrodka',
      address: office ? `${office.address}, ${office.postalCode} ${office.place}` : '',
    },
    socialWorker: ps ?? null,
    children: familyChildren(ctx.sqlite, c.familyId),
  });
}

export function prepareAssessment(ctx: ServiceCtx, actor: Actor, caseId: string, kind: 'initial' | 'periodic' | 'final') {
  const c = requireCaseRead(ctx, actor, caseId);
  const rows = rowsOfCase(ctx.sqlite, caseId);
  const last = rows[rows.length - 1];
  const today = todayOf(ctx);
  const findings = stateFindings(c, kind, rows, today, null);
  const plans = planVersionsOf(ctx.sqlite, caseId);
  const plan = planInForce(plans, today);
  const period = assessmentPeriodOf({ kind, assessedOn: today, previousAssessedOn: last?.assessedOn ?? null, assignedOn: c.assignedOn });
  return {
    previous: last ? { id: last.id, assessedOn: last.assessedOn, kind: last.kind, areas: JSON.parse(last.areas) as Record<string, AssessmentAreaEntry> } : null,
    distribution: kind === 'initial' ? null : distributionFor(ctx, c),
    findings,
    // What the form needs to run the same consistency rules live (shared/rules/records.ts).
    record: {
      plans,
      planInForce: plan ? { versionNo: plan.versionNo, drawnUpOn: plan.drawnUpOn, goals: [...plan.goals] } : null,
      previousAssessedOn: last?.assessedOn ?? null,
      assignedOn: c.assignedOn,
      closedOn: c.closedOn,
      periodFrom: period?.from ?? null,
      nextAssessmentLatest: kind === 'periodic' ? latestNextAssessmentOn(today) : null,
    },
  };
}

/** The consistency rules of one assessment against the case file (goals of the plan in force,
 *  next date, period, final assessment's recommendations; shared/rules/records.ts). */
function recordFindings(sqlite: SqliteHandle, c: CaseRow, kind: 'initial' | 'periodic' | 'final', input: AssessmentFields, rows: Row[], selfId?: string): Finding[] {
  const before = rows.filter((r) => r.id !== selfId && r.assessedOn <= input.assessedOn);
  return checkAssessmentRecord({
    assessment: {
      kind,
      assessedOn: input.assessedOn,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      goalAttainment: input.goalAttainment,
      nextAssessmentOn: input.nextAssessmentOn,
      recommendationNote: input.recommendationNote,
      monitoringPlan: input.monitoringPlan,
    },
    plans: planVersionsOf(sqlite, c.id),
    previousAssessedOn: before[before.length - 1]?.assessedOn ?? null,
    assignedOn: c.assignedOn,
    closedOn: c.closedOn,
  });
}

function stateFindings(c: CaseRow, kind: 'initial' | 'periodic' | 'final', rows: Row[], today: string, assessedOn: string | null, selfId?: string): Finding[] {
  const out: Finding[] = [];
  const kindPl = { initial: 'wstępna', periodic: 'okresowa', final: 'końcowa' }[kind];
  if (!CONSENT_RECORDED_STATES.includes(c.state)) out.push(finding('ASSESSMENT_WRONG_STATE', { state: CASE_STATES[c.state].label, kind: kindPl }));
  const others = rows.filter((r) => r.id !== selfId);
  const initial = others.find((r) => r.kind === 'initial');
  const final = others.find((r) => r.kind === 'final');
  if (kind === 'initial' && initial) out.push(finding('ASSESSMENT_INITIAL_EXISTS', { date: initial.assessedOn }));
  if (kind === 'periodic' && !initial && c.track === 'general') out.push(finding('ASSESSMENT_INITIAL_MISSING'));
  if (kind === 'final' && final) out.push(finding('ASSESSMENT_FINAL_EXISTS', { date: final.assessedOn }));
  if (assessedOn && assessedOn > today) out.push(finding('ASSESSMENT_DATE_IN_FUTURE', { date: assessedOn, asOf: today }));
  return out;
}

function contentFindings(kind: 'initial' | 'periodic' | 'final', input: AssessmentFields): Finding[] {
  const draft: AssessmentDraft = { kind, assessedOn: input.assessedOn, areas: input.areas as AssessmentDraft['areas'] };
  const out = validateAssessment(draft);
  if (input.periodFrom && input.periodTo && input.periodFrom > input.periodTo) {
    out.push(finding('ASSESSMENT_PERIOD_INVALID', { from: input.periodFrom, to: input.periodTo }));
  }
  return out;
}

const FIELD_OF: Readonly<Record<string, string>> = {
  ASSESSMENT_DATE_IN_FUTURE: 'assessedOn',
  ASSESSMENT_PERIOD_INVALID: 'periodFrom',
  ASSESSMENT_PERIOD_BEFORE_PREVIOUS: 'periodFrom',
  ASSESSMENT_PERIOD_BEFORE_ASSIGNMENT: 'periodFrom',
  ASSESSMENT_PERIOD_ENDS_AFTER_ASSESSMENT: 'periodTo',
  ASSESSMENT_AFTER_CLOSURE: 'assessedOn',
  ASSESSMENT_GOAL_NOT_ASSESSED: 'goalAttainment',
  ASSESSMENT_NEXT_DATE_MISSING: 'nextAssessmentOn',
  ASSESSMENT_NEXT_DATE_TOO_LATE: 'nextAssessmentOn',
  ASSESSMENT_NEXT_DATE_NOT_AFTER: 'nextAssessmentOn',
  FINAL_ASSESSMENT_MONITORING_PLAN_MISSING: 'monitoringPlan',
  FINAL_ASSESSMENT_RECOMMENDATION_NOTE_MISSING: 'recommendationNote',
};
const fieldOf = (code: string) =>
  FIELD_OF[code] ?? (code.startsWith('ASSESSMENT_') && code !== 'ASSESSMENT_WRONG_STATE' && !code.startsWith('ASSESSMENT_DISTRIBUTION') ? 'areas' : null);

function splitBody(input: AssessmentFields): { body: Body; recommendation: string } {
  const { assessedOn: _a, periodFrom: _f, periodTo: _t, areas: _r, ...body } = input as AssessmentFields & { caseId?: string; kind?: string; id?: string; version?: number };
  const { caseId: _c, kind: _k, id: _i, version: _v, ...clean } = body as Body & { caseId?: string; kind?: string; id?: string; version?: number };
  return { body: clean, recommendation: input.recommendation };
}

export function createAssessment(ctx: ServiceCtx, actor: Actor, input: AssessmentCreateInput) {
  const { sqlite } = ctx;
  const c0 = requireCaseWrite(ctx, actor, input.caseId, 'assessment.create');
  const today = todayOf(ctx);
  const id = randomUUID();
  let findings: Finding[] = [];
  let caseOut: ReturnType<typeof caseDetail> | null = null;
  tx(ctx, actor, () => {
    const c = getCaseRow(sqlite, input.caseId)!;
    const rows = rowsOfCase(sqlite, c.id);
    findings = [...stateFindings(c, input.kind, rows, today, input.assessedOn), ...contentFindings(input.kind, input), ...recordFindings(sqlite, c, input.kind, input, rows)];
    const distribution = input.kind === 'initial' ? null : distributionFor(ctx, c);
    if (distribution) findings.push(...distribution.findings);
    refuseIfBlocked(ctx, actor, 'assessment.create', { type: 'case', id: c0.id }, findings, fieldOf);
    const { body, recommendation } = splitBody(input);
    const at = nowIso(ctx);
    sqlite
      .prepare(
        `INSERT INTO assessments (id, case_id, family_id, kind, assessed_on, period_from, period_to, areas, body, recommendation, distribution,
                                  author_id, created_at, updated_at, version)
         VALUES (@id, @caseId, @familyId, @kind, @assessedOn, @periodFrom, @periodTo, @areas, @body, @recommendation, @distribution, @author, @at, @at, 1)`,
      )
      .run({
        id,
        caseId: c.id,
        familyId: c.familyId,
        kind: input.kind,
        assessedOn: input.assessedOn,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        areas: JSON.stringify(input.areas),
        body: JSON.stringify(body),
        recommendation,
        distribution: distribution ? JSON.stringify(distribution) : null,
        author: actor.user.id,
        at,
      });
    audit(ctx, actor, 'assessment.create', { type: 'assessment', id }, { caseId: c.id, kind: input.kind, assessedOn: input.assessedOn });
    // The initial assessment moves the case on (ZGODA -> OCENA_WSTEPNA), in the same transaction.
    if (input.kind === 'initial' && c.state === 'ZGODA') {
      caseOut = transition(ctx, actor, { caseId: c.id, version: c.version, payload: { action: 'startInitialAssessment', on: input.assessedOn } }).case;
    }
  });
  const r = sqlite.prepare(`${SELECT} WHERE a.id = ?`).get(id) as Row;
  return { assessment: toOut(ctx, r, rowsOfCase(sqlite, r.caseId)), findings, case: caseOut };
}

export function updateAssessment(ctx: ServiceCtx, actor: Actor, input: AssessmentFields & { id: string; version: number }) {
  const { sqlite } = ctx;
  const r0 = sqlite.prepare(`${SELECT} WHERE a.id = ?`).get(input.id) as Row | undefined;
  if (!r0) throw new AppError('NOT_FOUND', 'Nie znaleziono oceny.');
  requireCaseWrite(ctx, actor, r0.caseId, 'assessment.update');
  const today = todayOf(ctx);
  let findings: Finding[] = [];
  tx(ctx, actor, () => {
    const r = sqlite.prepare(`${SELECT} WHERE a.id = ?`).get(input.id) as Row;
    const c = getCaseRow(sqlite, r.caseId)!;
    const lockDays = getWorkSettings(sqlite).entryLockDays;
    const lock = entryLock({ recordedOn: warsawDateOf(r.createdAt), today, lockDays });
    const pre: Finding[] = [];
    if (lock.locked) pre.push(finding('ASSESSMENT_NOT_EDITABLE', { date: r.assessedOn, lockedOn: lock.lockedOn }));
    if (actor.user.role !== 'admin' && r.authorId !== actor.user.id) pre.push(finding('ENTRY_NOT_AUTHOR'));
    refuseIfBlocked(ctx, actor, 'assessment.update', { type: 'assessment', id: r.id }, pre);
    if (r.version !== input.version) throw new AppError('STALE_EDIT');
    const rows = rowsOfCase(sqlite, c.id);
    findings = [
      ...stateFindings({ ...c, state: CONSENT_RECORDED_STATES[0]! }, r.kind, rows, today, input.assessedOn, r.id),
      ...contentFindings(r.kind, input),
      ...recordFindings(sqlite, c, r.kind, input, rows, r.id),
    ];
    refuseIfBlocked(ctx, actor, 'assessment.update', { type: 'assessment', id: r.id }, findings, fieldOf);
    const { body, recommendation } = splitBody(input);
    const res = sqlite
      .prepare(
        `UPDATE assessments SET assessed_on = @assessedOn, period_from = @periodFrom, period_to = @periodTo, areas = @areas, body = @body,
                recommendation = @recommendation, updated_at = @at, version = version + 1 WHERE id = @id AND version = @version`,
      )
      .run({
        id: r.id,
        version: input.version,
        assessedOn: input.assessedOn,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        areas: JSON.stringify(input.areas),
        body: JSON.stringify(body),
        recommendation,
        at: nowIso(ctx),
      });
    if (res.changes !== 1) throw new AppError('STALE_EDIT');
    audit(ctx, actor, 'assessment.update', { type: 'assessment', id: r.id }, { caseId: c.id, kind: r.kind });
  });
  const r = sqlite.prepare(`${SELECT} WHERE a.id = ?`).get(input.id) as Row;
  return { assessment: toOut(ctx, r, rowsOfCase(sqlite, r.caseId)), findings, case: null };
}

/** Every area across all the case's assessments (oldest first): chart data. */
export function trendOfCase(ctx: ServiceCtx, actor: Actor, caseId: string) {
  requireCaseRead(ctx, actor, caseId);
  const rows = ctx.sqlite
    .prepare('SELECT id, kind, assessed_on AS assessedOn, areas FROM assessments WHERE case_id = ? ORDER BY assessed_on, created_at')
    .all(caseId) as Array<{ id: string; kind: 'initial' | 'periodic' | 'final'; assessedOn: string; areas: string }>;
  return assessmentTrend(rows.map((r) => ({ id: r.id, kind: r.kind, assessedOn: r.assessedOn, areas: JSON.parse(r.areas) as Record<string, AssessmentAreaEntry> })));
}

/** Latest assessment areas of a case (goal suggestions). */
export function latestAreas(sqlite: SqliteHandle, caseId: string): Record<string, AssessmentAreaEntry> | null {
  const r = sqlite.prepare('SELECT areas FROM assessments WHERE case_id = ? ORDER BY assessed_on DESC, created_at DESC LIMIT 1').get(caseId) as { areas: string } | undefined;
  return r ? (JSON.parse(r.areas) as Record<string, AssessmentAreaEntry>) : null;
}
