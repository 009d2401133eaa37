/**
 * Consistency of the case file (issue 13 item 4): the documents must agree with the record and
 * with each other. Small pure rules, each usable on its own where a document is saved (the main
 * process refuses blockers), and `checkCaseRecord`, which runs all of them over a whole case
 * (shown before printing; run over the demo in the tests). Every finding names the document it
 * concerns, so a preview can show the findings of the document being printed.
 *
 *  - no plan created or changed after the closure (art. 15 ust. 1 pkt 1 and 16);
 *  - a periodic or final assessment assesses each goal of the plan in force on its date
 *    (art. 15 ust. 1 pkt 15 with ust. 3); a periodic one names the next assessment date, at most
 *    six months later; its period runs from the previous assessment and is not longer than six
 *    months without a reason;
 *  - the final assessment carries recommendations with the monitoring plan (pkt 16), and a
 *    closure "osiągnięcie celów" needs a justification when the final assessment says otherwise;
 *  - the request for an assistant carries the social worker's analysis (art. 11 ust. 2); a court
 *    order or a consent is a fact of a document only from its date;
 *  - a child in foster care: the koordynator rodzinnej pieczy zastępczej is named (pkt 2).
 */
import type { Finding, IsoDate } from './types';
import { ASSESSMENT_AREAS, isRating, type AssessmentAreaEntry } from './assessment';
import { addMonthsClamped } from './calendar';
import { finding } from './findings';
import { ageOn, isIsoDate } from './isoDate';
import { CLOSURE_REASONS } from './labels';

// ---- Shapes ------------------------------------------------------------------------------------

export interface RecordGoal {
  id: string;
  title: string;
}

export interface RecordPlanVersion {
  versionNo: number;
  drawnUpOn: IsoDate;
  goals: ReadonlyArray<RecordGoal>;
}

export type GoalStatus = 'achieved' | 'partly' | 'not-achieved';

export interface RecordGoalAttainment {
  goalId?: string | null;
  goal: string;
  status: GoalStatus;
}

export type AssessmentKind = 'initial' | 'periodic' | 'final';

export interface RecordAssessment {
  id?: string;
  kind: AssessmentKind;
  assessedOn: IsoDate;
  periodFrom?: IsoDate | null;
  periodTo?: IsoDate | null;
  areas?: Readonly<Record<string, AssessmentAreaEntry | Record<string, unknown>>>;
  goalAttainment?: ReadonlyArray<RecordGoalAttainment>;
  nextAssessmentOn?: IsoDate | null;
  recommendationNote?: string | null;
  monitoringPlan?: string | null;
  /** Recipients on the distribution list; null when unknown (not checked). */
  recipients?: number | null;
}

const KIND_PL: Readonly<Record<AssessmentKind, string>> = { initial: 'wstępna', periodic: 'okresowa', final: 'końcowa' };
const blank = (s: string | null | undefined) => !s || s.trim() === '';
const norm = (s: string) => s.trim().toLocaleLowerCase('pl').replace(/\s+/g, ' ');

// ---- Plan in force ----------------------------------------------------------------------------

/** The version of the plan in force on `on`: the highest version drawn up on or before that day. */
export function planInForce<P extends RecordPlanVersion>(plans: ReadonlyArray<P>, on: IsoDate): P | null {
  let best: P | null = null;
  for (const p of plans) if (p.drawnUpOn <= on && (!best || p.versionNo > best.versionNo)) best = p;
  return best;
}

/** A plan may be created or revised only while the work goes on: never dated after the closure
 *  (nor saved once the case is closed — the service refuses that by the case's state). */
export function checkPlanAgainstClosure(input: { versionNo: number; drawnUpOn: IsoDate; closedOn?: IsoDate | null }): Finding[] {
  if (input.closedOn && input.drawnUpOn > input.closedOn) {
    return [finding('WORK_PLAN_AFTER_CLOSURE', { version: input.versionNo, date: input.drawnUpOn, closedOn: input.closedOn })];
  }
  return [];
}

/** Art. 15 ust. 1 pkt 2: with a child in foster care the plan is made with the KRPZ, who must be
 *  named (in the child's placement, where the registry keeps it). */
export function checkFosterCareCoordinator(children: ReadonlyArray<{ name: string; placement: 'home' | 'foster-care'; krpzName?: string | null }>): Finding[] {
  return children.filter((c) => c.placement === 'foster-care' && blank(c.krpzName)).map((c) => finding('WORK_PLAN_KRPZ_NOT_NAMED', { child: c.name }));
}

// ---- Assessments ------------------------------------------------------------------------------

/** The period an assessment covers: as typed, else from the previous assessment (a periodic one)
 *  or from the assignment (a final one sums up the whole work), to the assessment's day. */
export function assessmentPeriodOf(input: {
  kind: AssessmentKind;
  assessedOn: IsoDate;
  periodFrom?: IsoDate | null;
  periodTo?: IsoDate | null;
  previousAssessedOn?: IsoDate | null;
  assignedOn?: IsoDate | null;
}): { from: IsoDate | null; to: IsoDate } | null {
  if (input.kind === 'initial') return null;
  const typedFrom = isIsoDate(input.periodFrom) ? input.periodFrom : null;
  const from = typedFrom ?? (input.kind === 'periodic' ? (input.previousAssessedOn ?? input.assignedOn ?? null) : (input.assignedOn ?? null));
  const to = isIsoDate(input.periodTo) ? input.periodTo : input.assessedOn;
  return { from, to };
}

/** The latest next-assessment date a periodic assessment may name (art. 15 ust. 1 pkt 15). */
export function latestNextAssessmentOn(assessedOn: IsoDate): IsoDate {
  return addMonthsClamped(assessedOn, 6);
}

/** Goals of the plan that the assessment does not assess (matched by goal id, else by title). */
export function unassessedGoals(goals: ReadonlyArray<RecordGoal>, attainment: ReadonlyArray<RecordGoalAttainment>): RecordGoal[] {
  const ids = new Set(attainment.map((g) => g.goalId).filter((x): x is string => !!x));
  const titles = new Set(attainment.map((g) => norm(g.goal)));
  return goals.filter((g) => !ids.has(g.id) && !titles.has(norm(g.title)));
}

/**
 * A periodic or final assessment against the record: the goals of the plan in force on its day,
 * the next assessment date (periodic), the period it covers, the final assessment's
 * recommendations and monitoring plan, its distribution list, and no periodic assessment after
 * the closure. The initial assessment has no plan yet: nothing here.
 */
export function checkAssessmentRecord(input: {
  assessment: RecordAssessment;
  plans: ReadonlyArray<RecordPlanVersion>;
  /** The assessment before this one in the case (any kind), if any. */
  previousAssessedOn?: IsoDate | null;
  assignedOn?: IsoDate | null;
  closedOn?: IsoDate | null;
}): Finding[] {
  const a = input.assessment;
  if (a.kind === 'initial' || !isIsoDate(a.assessedOn)) return [];
  const out: Finding[] = [];
  const kind = KIND_PL[a.kind];
  const date = a.assessedOn;
  const plan = planInForce(input.plans, date);
  if (plan) {
    for (const g of unassessedGoals(plan.goals, a.goalAttainment ?? [])) {
      out.push(finding('ASSESSMENT_GOAL_NOT_ASSESSED', { kind, date, goal: g.title.trim() || '(bez nazwy)', version: plan.versionNo, planOn: plan.drawnUpOn }));
    }
  }
  if (a.kind === 'periodic') {
    const latest = latestNextAssessmentOn(date);
    const next = a.nextAssessmentOn;
    if (!isIsoDate(next)) out.push(finding('ASSESSMENT_NEXT_DATE_MISSING', { date, latest }));
    else if (next <= date) out.push(finding('ASSESSMENT_NEXT_DATE_NOT_AFTER', { next, date }));
    else if (next > latest) out.push(finding('ASSESSMENT_NEXT_DATE_TOO_LATE', { next, date, latest }));
    if (input.closedOn && date > input.closedOn) out.push(finding('ASSESSMENT_AFTER_CLOSURE', { date, closedOn: input.closedOn }));
  }
  const period = assessmentPeriodOf({ ...a, previousAssessedOn: input.previousAssessedOn ?? null, assignedOn: input.assignedOn ?? null });
  if (period) {
    const { from, to } = period;
    if (to > date) out.push(finding('ASSESSMENT_PERIOD_ENDS_AFTER_ASSESSMENT', { to, date }));
    if (from && from <= to) {
      if (input.assignedOn && from < input.assignedOn) out.push(finding('ASSESSMENT_PERIOD_BEFORE_ASSIGNMENT', { from, assignedOn: input.assignedOn }));
      if (a.kind === 'periodic') {
        if (input.previousAssessedOn && from < input.previousAssessedOn) {
          out.push(finding('ASSESSMENT_PERIOD_BEFORE_PREVIOUS', { from, previousOn: input.previousAssessedOn }));
        } else if (to > addMonthsClamped(from, 6)) {
          out.push(finding('ASSESSMENT_PERIOD_TOO_LONG', { months: monthsBetween(from, to), from, to }));
        }
      }
    }
  }
  if (a.kind === 'final') {
    if (blank(a.monitoringPlan)) out.push(finding('FINAL_ASSESSMENT_MONITORING_PLAN_MISSING'));
    if (blank(a.recommendationNote)) out.push(finding('FINAL_ASSESSMENT_RECOMMENDATION_NOTE_MISSING'));
  }
  if (a.recipients === 0) out.push(finding('ASSESSMENT_DISTRIBUTION_EMPTY', { kind, date }));
  return out;
}

/** Whole months from `from` to `to`, with one decimal ("9,5"). */
function monthsBetween(from: IsoDate, to: IsoDate): string {
  let whole = 0;
  while (addMonthsClamped(from, whole + 1) <= to) whole += 1;
  const start = addMonthsClamped(from, whole);
  const end = addMonthsClamped(from, whole + 1);
  const frac = (dayNo(to) - dayNo(start)) / Math.max(1, dayNo(end) - dayNo(start));
  return (Math.round((whole + frac) * 10) / 10).toFixed(1).replace('.', ',').replace(/,0$/, '');
}
const dayNo = (d: IsoDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

// ---- Closure against the final assessment ------------------------------------------------------

/** Closure reasons that state the plan's goals were achieved. */
export const GOALS_ACHIEVED_REASONS: ReadonlyArray<string> = ['CEL'];

/**
 * What in the final assessment speaks against "the goals were achieved": goals of the plan in
 * force not assessed, goals not achieved, areas rated −2 or −3. Polish phrases, empty when none.
 */
export function evidenceAgainstGoalsAchieved(final: RecordAssessment, plans: ReadonlyArray<RecordPlanVersion>): string[] {
  const out: string[] = [];
  const plan = planInForce(plans, final.assessedOn);
  const attainment = final.goalAttainment ?? [];
  const missing = plan ? unassessedGoals(plan.goals, attainment) : [];
  if (missing.length) out.push(`nieocenione cele planu: ${missing.map((g) => `„${g.title.trim()}”`).join(', ')}`);
  const notAchieved = attainment.filter((g) => g.status === 'not-achieved');
  if (notAchieved.length) out.push(`cele nieosiągnięte: ${notAchieved.map((g) => `„${g.goal.trim()}”`).join(', ')}`);
  const low = ASSESSMENT_AREAS.filter((ar) => {
    const e = final.areas?.[ar.code] as { rating?: unknown } | undefined;
    return e && isRating(e.rating) && e.rating <= -2;
  }).map((ar) => {
    const r = (final.areas![ar.code] as { rating: number }).rating;
    return `${ar.label} (${String(r).replace('-', '−')})`;
  });
  if (low.length) out.push(`obszary z oceną −2 lub −3: ${low.join(', ')}`);
  return out;
}

/** The closure reason against the final assessment: "osiągnięcie celów" with evidence against it
 *  is refused unless justified (then a warning that quotes the justification). */
export function checkClosureAgainstFinalAssessment(input: {
  reason: string;
  final: RecordAssessment | null;
  plans: ReadonlyArray<RecordPlanVersion>;
  justification?: string | null;
}): Finding[] {
  if (!input.final || !GOALS_ACHIEVED_REASONS.includes(input.reason)) return [];
  const evidence = evidenceAgainstGoalsAchieved(input.final, input.plans);
  if (evidence.length === 0) return [];
  const reason = (CLOSURE_REASONS.find((r) => r.code === input.reason)?.label ?? input.reason).toLocaleLowerCase('pl');
  const p = { reason, date: input.final.assessedOn, evidence: evidence.join('; ') };
  return blank(input.justification)
    ? [finding('CLOSURE_REASON_CONTRADICTS_FINAL_ASSESSMENT', p)]
    : [finding('CLOSURE_REASON_JUSTIFIED', { ...p, justification: input.justification!.trim() })];
}

// ---- Request for an assistant and dated facts --------------------------------------------------

/** Art. 11 ust. 2–3: the request carries the social worker's analysis of the family's situation. */
export function checkRequestAnalysis(analysis: string | null | undefined): Finding[] {
  return blank(analysis) ? [finding('REQUEST_ANALYSIS_MISSING')] : [];
}

/** A dated legal fact (court order, consent, decision) exists on `on` only from its own date. */
export function factInForce(factDate: IsoDate | null | undefined, on: IsoDate | null | undefined): boolean {
  return isIsoDate(factDate) && isIsoDate(on) && factDate <= on;
}

// ---- Registry plausibility ---------------------------------------------------------------------

export interface RecordMember {
  firstName: string;
  lastName: string;
  birthDate?: IsoDate | null;
  isChild: boolean;
  relation?: string | null;
  placement?: { kind: 'home' | 'foster-care'; krpzName?: string | null } | null;
}

/** Relations (as typed in the registry, relative to the family) that make an adult a parent of
 *  the children, and that make a member one of those children. Data: extend as needed. */
export const PARENT_RELATIONS: ReadonlyArray<string> = ['matka', 'ojciec', 'rodzic', 'matka dzieci', 'ojciec dzieci'];
export const CHILD_RELATIONS: ReadonlyArray<string> = ['córka', 'syn', 'dziecko', 'pasierb', 'pasierbica'];
/** Below this age at a child's birth a parent's record is suspect (issue 13: "under 14"). */
export const MIN_PARENT_AGE = 14;

const FEMALE_PARENT = new Set(['matka', 'matka dzieci']);
const yearsPl = (n: number) => {
  const form = new Intl.PluralRules('pl').select(n);
  return `${n} ${n === 1 ? 'rok' : form === 'few' ? 'lata' : 'lat'}`;
};

/**
 * Plausible ages and names: a parent (by relation) younger than MIN_PARENT_AGE at a child's birth,
 * or born after the child, and two children with the same first and last name (warnings).
 */
export function memberPlausibilityFindings(members: ReadonlyArray<RecordMember>): Finding[] {
  const out: Finding[] = [];
  const name = (m: RecordMember) => `${m.firstName} ${m.lastName}`.trim();
  const parents = members.filter((m) => !m.isChild && isIsoDate(m.birthDate) && PARENT_RELATIONS.includes(norm(m.relation ?? '')));
  const children = members.filter((m) => m.isChild && isIsoDate(m.birthDate) && (blank(m.relation) || CHILD_RELATIONS.includes(norm(m.relation ?? ''))));
  for (const p of parents) {
    const female = FEMALE_PARENT.has(norm(p.relation ?? ''));
    for (const c of children) {
      const pb = p.birthDate as IsoDate;
      const cb = c.birthDate as IsoDate;
      const base = { parent: name(p), relation: norm(p.relation ?? ''), child: name(c), childBirth: cb };
      if (pb >= cb) out.push(finding('MEMBER_PARENT_BORN_AFTER_CHILD', { ...base, parentBirth: pb, younger: female ? 'młodsza' : 'młodszy' }));
      else {
        const age = ageOn(pb, cb);
        if (age < MIN_PARENT_AGE) out.push(finding('MEMBER_PARENT_TOO_YOUNG', { ...base, had: female ? 'miała' : 'miał', age: yearsPl(age) }));
      }
    }
  }
  const seen = new Set<string>();
  for (const c of members.filter((m) => m.isChild)) {
    const key = norm(name(c));
    if (!key) continue;
    if (seen.has(key)) out.push(finding('FAMILY_CHILDREN_SAME_NAME', { name: name(c) }));
    seen.add(key);
  }
  return out;
}

// ---- The whole case file -------------------------------------------------------------------------

export interface CaseRecord {
  track: 'general' | 'za-zyciem';
  assignedOn: IsoDate | null;
  closedOn: IsoDate | null;
  closureReason: string | null;
  /** Why the closure reason stands despite the final assessment (closure form). */
  closureJustification?: string | null;
  /** The social worker's request (general track, once submitted). */
  request: { requestOn: IsoDate | null; analysis: string | null } | null;
  members: ReadonlyArray<RecordMember>;
  plans: ReadonlyArray<RecordPlanVersion>;
  /** In any order (sorted here by date). */
  assessments: ReadonlyArray<RecordAssessment>;
}

/** A finding of the case file, with the document it concerns (a print kind, or 'registry'). */
export type RecordFinding = Finding & { document: string; ref: string | null };

/** Every consistency rule over one case file. */
export function checkCaseRecord(r: CaseRecord): RecordFinding[] {
  const out: RecordFinding[] = [];
  const tag = (document: string, ref: string | null, fs: Finding[]) => fs.forEach((f) => out.push({ ...f, document, ref }));
  tag('registry', null, memberPlausibilityFindings(r.members));
  if (r.request) tag('assistant-request', null, checkRequestAnalysis(r.request.analysis));
  for (const p of r.plans) tag('work-plan', String(p.versionNo), checkPlanAgainstClosure({ ...p, closedOn: r.closedOn }));
  if (r.track === 'general' && r.plans.length > 0) {
    const last = [...r.plans].sort((a, b) => b.versionNo - a.versionNo)[0]!;
    tag(
      'work-plan',
      String(last.versionNo),
      checkFosterCareCoordinator(
        r.members.filter((m) => m.isChild).map((m) => ({ name: `${m.firstName} ${m.lastName}`.trim(), placement: m.placement?.kind ?? 'home', krpzName: m.placement?.krpzName ?? null })),
      ),
    );
  }
  const sorted = [...r.assessments].sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0));
  sorted.forEach((a, i) => {
    tag(
      `assessment-${a.kind}`,
      a.id ?? null,
      checkAssessmentRecord({ assessment: a, plans: r.plans, previousAssessedOn: i > 0 ? sorted[i - 1]!.assessedOn : null, assignedOn: r.assignedOn, closedOn: r.closedOn }),
    );
  });
  const final = sorted.filter((a) => a.kind === 'final').pop() ?? null;
  if (r.closedOn && r.closureReason) {
    tag(final ? 'assessment-final' : 'monitoring', final?.id ?? null, checkClosureAgainstFinalAssessment({ reason: r.closureReason, final, plans: r.plans, justification: r.closureJustification ?? null }));
  }
  return out;
}
