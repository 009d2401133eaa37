/**
 * The work plan (plan pracy, art. 15 ust. 1 pkt 1–2, ust. 3) with versions: every save is a new
 * version (the first one, or a revision); earlier versions stay readable with a diff of what
 * changed. Saving is refused with validateWorkPlan's blockers; saving over a newer version than
 * the one edited is STALE_EDIT. The first plan moves the case from OCENA_WSTEPNA to PLAN_PRACY.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { PlanVersion } from '../../shared/ipc/contract';
import {
  CASE_STATES,
  checkFosterCareCoordinator,
  finding,
  planDiff,
  planStatusFindings,
  suggestGoalAreas,
  validateWorkPlan,
  type Finding,
  type PlanContent,
} from '../../shared/rules/index';
import type { PlanSaveInput } from '../../shared/workSchemas';
import type { Actor } from '../core';
import type { SqliteHandle } from '../open';
import { latestAreas } from './assessments';
import { caseDetail, getCaseRow, transition } from './cases';
import { audit, nowIso, todayOf, type ServiceCtx } from './context';
import { familyChildren, refuseIfBlocked, requireCaseWrite, requireCaseRead, tx } from './workCommon';

interface Row {
  id: string;
  caseId: string;
  familyId: string;
  versionNo: number;
  drawnUpOn: string;
  content: string;
  changeNote: string;
  diff: string | null;
  authorName: string | null;
  createdAt: string;
}

type Stored = Omit<PlanVersion, 'id' | 'caseId' | 'familyId' | 'versionNo' | 'drawnUpOn' | 'changeNote' | 'diff' | 'authorName' | 'createdAt' | 'isCurrent'>;

const SELECT = `SELECT p.id, p.case_id AS caseId, p.family_id AS familyId, p.version_no AS versionNo, p.drawn_up_on AS drawnUpOn, p.content,
  p.change_note AS changeNote, p.diff, u.full_name AS authorName, p.created_at AS createdAt FROM work_plans p LEFT JOIN users u ON u.id = p.author_id`;

const PLAN_STATES = ['OCENA_WSTEPNA', 'PLAN_PRACY', 'REALIZACJA', 'ZAWIESZENIE'];

function toOut(r: Row, currentNo: number): PlanVersion {
  const c = JSON.parse(r.content) as Stored;
  return {
    ...c,
    id: r.id,
    caseId: r.caseId,
    familyId: r.familyId,
    versionNo: r.versionNo,
    drawnUpOn: r.drawnUpOn,
    changeNote: r.changeNote,
    diff: r.diff ? (JSON.parse(r.diff) as PlanVersion['diff']) : [],
    authorName: r.authorName,
    createdAt: r.createdAt,
    isCurrent: r.versionNo === currentNo,
  };
}

function versionsOf(sqlite: SqliteHandle, caseId: string): Row[] {
  return sqlite.prepare(`${SELECT} WHERE p.case_id = ? ORDER BY p.version_no DESC`).all(caseId) as Row[];
}

const fosterCare = (sqlite: SqliteHandle, familyId: string) => familyChildren(sqlite, familyId).some((c) => c.placement === 'foster-care');

/** The koordynatorzy rodzinnej pieczy zastępczej of the children in foster care, from their
 *  placements (the registry); a snapshot is kept with each plan version for its printed copy. */
function fosterCareCoordinators(sqlite: SqliteHandle, familyId: string) {
  const kids = familyChildren(sqlite, familyId).filter((c) => c.placement === 'foster-care');
  return {
    findings: checkFosterCareCoordinator(kids.map((c) => ({ name: c.name, placement: c.placement, krpzName: c.krpz?.name ?? null }))),
    krpz: kids.filter((c) => c.krpz?.name?.trim()).map((c) => ({ child: c.name, name: c.krpz!.name!.trim(), address: c.krpz?.address?.trim() ?? '' })),
  };
}

export function currentPlan(ctx: ServiceCtx, actor: Actor, caseId: string) {
  const c = requireCaseRead(ctx, actor, caseId);
  const rows = versionsOf(ctx.sqlite, caseId);
  const areas = latestAreas(ctx.sqlite, caseId);
  return {
    plan: rows[0] ? toOut(rows[0], rows[0].versionNo) : null,
    suggestedAreas: areas ? suggestGoalAreas(areas) : [],
    childInFosterCare: fosterCare(ctx.sqlite, c.familyId),
    fosterCareCoordinators: fosterCareCoordinators(ctx.sqlite, c.familyId),
  };
}

export function planVersions(ctx: ServiceCtx, actor: Actor, caseId: string): PlanVersion[] {
  requireCaseRead(ctx, actor, caseId);
  const rows = versionsOf(ctx.sqlite, caseId);
  audit(ctx, actor, 'plan.versions', { type: 'case', id: caseId });
  return rows.map((r) => toOut(r, rows[0]!.versionNo));
}

const shortId = () => randomUUID().slice(0, 8);

function contentOf(input: PlanSaveInput, childInFosterCare: boolean, krpz: Stored['krpz']): Stored & { drawnUpOn: string } {
  return {
    drawnUpOn: input.drawnUpOn,
    mainGoal: input.mainGoal,
    goals: input.goals.map((g) => ({
      id: g.id || shortId(),
      title: g.title,
      areaCode: g.areaCode ?? null,
      actions: g.actions.map((a) => ({ ...a, id: a.id || shortId() })),
    })),
    childInFosterCare,
    coordinatedWithFosterCareCoordinator: input.coordinatedWithFosterCareCoordinator,
    krpzCoordination: input.krpzCoordination,
    krpz,
    consultedWithSocialWorker: input.consultedWithSocialWorker,
    consultation: input.consultation,
    risks: input.risks,
    reviewOn: input.reviewOn,
  };
}

function asPlanContent(s: Stored & { drawnUpOn: string }): PlanContent {
  return {
    drawnUpOn: s.drawnUpOn,
    mainGoal: s.mainGoal,
    goals: s.goals.map((g) => ({ ...g, actions: g.actions.map((a) => ({ ...a })) })),
    childInFosterCare: s.childInFosterCare,
    coordinatedWithFosterCareCoordinator: s.coordinatedWithFosterCareCoordinator,
    consultedWithSocialWorker: s.consultedWithSocialWorker,
    reviewOn: s.reviewOn,
  };
}

const fieldOf = (code: string) => (code === 'WORK_PLAN_DATE_IN_FUTURE' || code === 'WORK_PLAN_REVISION_BEFORE_PREVIOUS' ? 'drawnUpOn' : code.startsWith('WORK_PLAN_') ? 'goals' : null);

export function savePlan(ctx: ServiceCtx, actor: Actor, input: PlanSaveInput) {
  const { sqlite } = ctx;
  requireCaseWrite(ctx, actor, input.caseId, 'plan.save');
  const today = todayOf(ctx);
  const id = randomUUID();
  let findings: Finding[] = [];
  let caseOut: ReturnType<typeof caseDetail> | null = null;
  tx(ctx, actor, () => {
    const c = getCaseRow(sqlite, input.caseId)!;
    const rows = versionsOf(sqlite, c.id);
    const current = rows[0];
    // A revision over a newer version than the one edited: someone else saved meanwhile.
    if ((current?.versionNo ?? null) !== input.basedOnVersion) throw new AppError('STALE_EDIT', 'Plan pracy zmieniono w międzyczasie (zapisano nowszą wersję). Odśwież plan i wprowadź zmiany ponownie.');
    const pre: Finding[] = [];
    const hasInitial = !!sqlite.prepare("SELECT 1 FROM assessments WHERE case_id = ? AND kind = 'initial'").get(c.id);
    if (c.track !== 'general' || !PLAN_STATES.includes(c.state)) {
      pre.push(c.state === 'ZGODA' && !hasInitial ? finding('WORK_PLAN_NEEDS_INITIAL_ASSESSMENT') : finding('WORK_PLAN_WRONG_STATE', { state: CASE_STATES[c.state].label }));
    }
    if (input.drawnUpOn > today) pre.push(finding('WORK_PLAN_DATE_IN_FUTURE', { date: input.drawnUpOn, asOf: today }));
    if (current && input.drawnUpOn < current.drawnUpOn) pre.push(finding('WORK_PLAN_REVISION_BEFORE_PREVIOUS', { date: input.drawnUpOn, previous: current.drawnUpOn }));
    const coordinators = fosterCareCoordinators(sqlite, c.familyId);
    const content = contentOf(input, fosterCare(sqlite, c.familyId), coordinators.krpz);
    const plan = asPlanContent(content);
    findings = [
      ...pre,
      ...coordinators.findings,
      ...validateWorkPlan({
        drawnUpOn: plan.drawnUpOn,
        goals: plan.goals.map((g) => ({
          title: g.title,
          actions: g.actions.map((a) => ({
            description: a.description,
            responsible: a.responsible,
            ...(a.dueDate ? { dueDate: a.dueDate } : {}),
            ...(a.expectedEffect ? { expectedEffect: a.expectedEffect } : {}),
          })),
        })),
        childInFosterCare: plan.childInFosterCare,
        coordinatedWithFosterCareCoordinator: plan.coordinatedWithFosterCareCoordinator,
        consultedWithSocialWorker: plan.consultedWithSocialWorker,
      }),
      ...planStatusFindings(plan),
      ...(current && !input.changeNote.trim() ? [finding('WORK_PLAN_REVISION_NOTE_MISSING')] : []),
    ];
    refuseIfBlocked(ctx, actor, 'plan.save', { type: 'case', id: c.id }, findings, fieldOf);
    const diff = current ? planDiff(asPlanContent({ ...(JSON.parse(current.content) as Stored), drawnUpOn: current.drawnUpOn }), plan) : [];
    const versionNo = (current?.versionNo ?? 0) + 1;
    const { drawnUpOn, ...stored } = content;
    sqlite
      .prepare(
        `INSERT INTO work_plans (id, case_id, family_id, version_no, drawn_up_on, content, change_note, diff, author_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, c.id, c.familyId, versionNo, drawnUpOn, JSON.stringify(stored), input.changeNote, JSON.stringify(diff), actor.user.id, nowIso(ctx));
    audit(ctx, actor, current ? 'plan.revise' : 'plan.create', { type: 'work_plan', id }, {
      caseId: c.id,
      versionNo,
      goals: plan.goals.length,
      actions: plan.goals.reduce((n, g) => n + g.actions.length, 0),
      changes: diff.length,
    });
    if (c.state === 'OCENA_WSTEPNA') {
      caseOut = transition(ctx, actor, { caseId: c.id, version: c.version, payload: { action: 'adoptPlan', on: input.drawnUpOn } }).case;
    }
  });
  const rows = versionsOf(sqlite, input.caseId);
  return { plan: toOut(rows[0]!, rows[0]!.versionNo), findings, case: caseOut };
}
