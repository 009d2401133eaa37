/**
 * The annual report to the rada gminy (family-assistance section) and the head's management
 * dashboard (domain.md §6.2–6.3): caseload per assistant against the limit, families per state,
 * closures by reason, average duration of the work, visits per family per month, and the change
 * of assessment ratings between the first and the last assessment per area. All aggregated and
 * anonymous (counts only); pure functions over plain rows.
 */
import { ASSESSMENT_AREAS } from '../rules/assessment';
import { countedFamilies, CASELOAD_STATUTORY_LIMIT } from '../rules/caseload';
import { CLOSURE_REASONS } from '../rules/labels';
import { CASE_STATES, caseloadPhaseOf, EARLY_CLOSURE_REASONS, isCaseState, type CaseState } from '../rules/lifecycle';
import { daysBetween } from '../rules/isoDate';
import type { IsoDate } from '../rules/types';
import { workSpans, type HalfYearFigures } from './compute';
import type { ReportConventions } from './conventions';
import type { ReportCase } from './facts';
import { inside, overlaps, type ReportPeriod } from './period';

export interface StaffRow {
  id: string;
  fullName: string;
  role: string;
  active: boolean;
  personalLimit: number | null;
}

export interface VisitRow {
  caseId: string;
  familyId: string;
  on: IsoDate;
}

export interface AssessmentRow {
  caseId: string;
  assessedOn: IsoDate;
  /** Area code -> rating (−3…+2), null when not assessed. */
  ratings: Readonly<Record<string, number | null>>;
}

export interface CaseloadRow {
  assistantId: string;
  fullName: string;
  count: number;
  limit: number;
  /** Families in monitoring (not counted unless the office counts them). */
  monitoring: number;
  /** Families with work on the period's last day (figure 2.5, each on the row of its case's
   *  assistant in that figure's list): the caseload as of the period, not as of today. */
  atPeriodEnd: number;
}

export interface AreaChange {
  area: string;
  label: string;
  /** Cases rated in the area at the first and the last assessment. */
  cases: number;
  /** Mean (last − first), one decimal; null when no case. */
  meanChange: number | null;
  improved: number;
  same: number;
  worse: number;
}

export interface MonthVisits {
  month: string;
  visits: number;
  families: number;
  perFamily: number | null;
}

export interface AnnualReport {
  period: ReportPeriod;
  caseload: CaseloadRow[];
  familiesByState: Array<{ state: string; label: string; families: number }>;
  closuresByReason: Array<{ code: string; label: string; cases: number }>;
  /** Mean duration (months, one decimal) of the work with cases ended in the period. */
  averageDurationMonths: number | null;
  endedCases: number;
  visits: { total: number; familyMonths: number; perFamilyMonth: number | null; byMonth: MonthVisits[] };
  assessmentChange: AreaChange[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Current caseload of every active assistant against min(15, personal limit) (domain.md §3.4). */
export function caseloadRows(cases: ReadonlyArray<Pick<ReportCase, 'familyId' | 'state' | 'assistantId'>>, staff: ReadonlyArray<StaffRow>, countMonitoring: boolean): CaseloadRow[] {
  const byA = new Map<string, Array<{ familyId: string; phase: ReturnType<typeof caseloadPhaseOf> }>>();
  for (const c of cases) {
    if (!c.assistantId || !isCaseState(c.state)) continue;
    const l = byA.get(c.assistantId) ?? [];
    l.push({ familyId: c.familyId, phase: caseloadPhaseOf(c.state) });
    byA.set(c.assistantId, l);
  }
  return staff
    .filter((s) => s.role === 'assistant' && s.active)
    .map((s) => {
      const cs = byA.get(s.id) ?? [];
      return {
        assistantId: s.id,
        fullName: s.fullName,
        count: countedFamilies(cs, countMonitoring).size,
        limit: Math.min(CASELOAD_STATUTORY_LIMIT, s.personalLimit ?? CASELOAD_STATUTORY_LIMIT),
        monitoring: new Set(cs.filter((c) => c.phase === 'monitoring').map((c) => c.familyId)).size,
        atPeriodEnd: 0,
      };
    });
}

/**
 * The caseload on the period's last day per assistant, from figure 2.5 (families_at_period_end):
 * each family counted there is given to the assistant of the case its drill-down row opens, so the
 * rows add up to the figure and an inspector finds every family in that list under the assistant's
 * name (art. 15 ust. 4 is about families at the same time). An assistant no longer active who had
 * families on that day keeps a row.
 */
export function withCaseloadAtPeriodEnd(
  rows: ReadonlyArray<CaseloadRow>,
  half: HalfYearFigures,
  cases: ReadonlyArray<ReportCase>,
  staff: ReadonlyArray<StaffRow>,
): CaseloadRow[] {
  const assistantOf = new Map(cases.map((c) => [c.caseId, c.assistantId]));
  const items = half.figures.find((f) => f.id === 'families_at_period_end')?.items ?? [];
  const atEnd = new Map<string, number>();
  for (const i of items) {
    const a = assistantOf.get(i.caseId) ?? '';
    atEnd.set(a, (atEnd.get(a) ?? 0) + 1);
  }
  const out = rows.map((r) => ({ ...r, atPeriodEnd: atEnd.get(r.assistantId) ?? 0 }));
  const staffById = new Map(staff.map((s) => [s.id, s]));
  for (const [id, n] of atEnd) {
    if (out.some((r) => r.assistantId === id)) continue;
    const s = staffById.get(id);
    out.push({
      assistantId: id,
      fullName: s ? s.fullName : 'bez asystenta',
      count: 0,
      limit: Math.min(CASELOAD_STATUTORY_LIMIT, s?.personalLimit ?? CASELOAD_STATUTORY_LIMIT),
      monitoring: 0,
      atPeriodEnd: n,
    });
  }
  return out;
}

function monthsOf(p: { from: IsoDate; to: IsoDate }): Array<{ month: string; from: IsoDate; to: IsoDate }> {
  const out: Array<{ month: string; from: IsoDate; to: IsoDate }> = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (`${month}-01` > p.to) break;
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    out.push({ month, from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Visits per family per month: visits in the month / families supported in that month. */
export function visitsPerFamily(cases: ReadonlyArray<ReportCase>, visits: ReadonlyArray<VisitRow>, p: ReportPeriod, conv: ReportConventions): AnnualReport['visits'] {
  const spans = workSpans(cases, conv);
  const byMonth: MonthVisits[] = [];
  let total = 0;
  let familyMonths = 0;
  const visitMonths = new Map<string, number>();
  for (const v of visits) {
    if (!inside(v.on, p)) continue;
    const k = v.on.slice(0, 7);
    visitMonths.set(k, (visitMonths.get(k) ?? 0) + 1);
  }
  for (const mo of monthsOf(p)) {
    const fams = new Set(spans.filter((s) => overlaps(s.start, s.end, mo)).map((s) => s.c.familyId));
    const n = visitMonths.get(mo.month) ?? 0;
    total += n;
    familyMonths += fams.size;
    byMonth.push({ month: mo.month, visits: n, families: fams.size, perFamily: fams.size ? round1(n / fams.size) : null });
  }
  return { total, familyMonths, perFamilyMonth: familyMonths ? round1(total / familyMonths) : null, byMonth };
}

/** Change of ratings between the first and the last assessment (both on or before the period's
 *  end, the last one inside the period), per area, over cases rated in that area both times. */
export function assessmentChange(assessments: ReadonlyArray<AssessmentRow>, p: ReportPeriod): AreaChange[] {
  const byCase = new Map<string, AssessmentRow[]>();
  for (const a of assessments) {
    if (a.assessedOn > p.to) continue;
    const l = byCase.get(a.caseId) ?? [];
    l.push(a);
    byCase.set(a.caseId, l);
  }
  const pairs: Array<[AssessmentRow, AssessmentRow]> = [];
  for (const l of byCase.values()) {
    if (l.length < 2) continue;
    l.sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0));
    const last = l[l.length - 1]!;
    if (!inside(last.assessedOn, p)) continue;
    pairs.push([l[0]!, last]);
  }
  return ASSESSMENT_AREAS.map((area) => {
    let n = 0;
    let sum = 0;
    let improved = 0;
    let same = 0;
    let worse = 0;
    for (const [first, last] of pairs) {
      const a = first.ratings[area.code];
      const b = last.ratings[area.code];
      if (typeof a !== 'number' || typeof b !== 'number') continue;
      n += 1;
      sum += b - a;
      if (b > a) improved += 1;
      else if (b < a) worse += 1;
      else same += 1;
    }
    return { area: area.code, label: area.label, cases: n, meanChange: n ? round1(sum / n) : null, improved, same, worse };
  });
}

const REASON_LABELS: Record<string, string> = {
  ...Object.fromEntries(CLOSURE_REASONS.map((r) => [r.code, r.label])),
  ...EARLY_CLOSURE_REASONS,
};

export function closureReasonLabel(code: string | null): string {
  if (!code) return 'bez wskazanej przyczyny';
  return REASON_LABELS[code] ?? code;
}

/** Cases closed in the period (closure date inside it) by closure reason code ('' = none given):
 *  every closure, also one before any work began. Counted in cases, not families. */
export function closuresInPeriod(cases: ReadonlyArray<ReportCase>, p: ReportPeriod): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of cases) {
    if (!inside(c.closedOn, p)) continue;
    const k = c.closureReason ?? '';
    out.set(k, [...(out.get(k) ?? []), c.caseId]);
  }
  for (const ids of out.values()) ids.sort();
  return out;
}

const CLOSURE_FIGURE = /^closures-([A-Z0-9_]+|none)$/;

/** The drill-down id of the annual report's "closures by reason" bar (no colon: it names a file). */
export function closureFigureId(code: string): string {
  return `closures-${code || 'none'}`;
}

/** The closure reason of a drill-down id made by closureFigureId ('' = none), else null. */
export function closureOfFigureId(id: string): string | null {
  const m = CLOSURE_FIGURE.exec(id);
  return m ? (m[1] === 'none' ? '' : m[1]!) : null;
}

/** The annual report's "as of today" input: families per state (a family with two cases in one
 *  state counts once there) and the cases that may weigh on an assistant's caseload today. */
export interface AnnualToday {
  familiesPerState: ReadonlyMap<string, number>;
  /** Cases with an assistant in a state that is not closed; others never count (caseloadRows). */
  caseloadCases: ReadonlyArray<Pick<ReportCase, 'familyId' | 'state' | 'assistantId'>>;
}

/** Today's state counted from every case. */
export function annualToday(cases: ReadonlyArray<Pick<ReportCase, 'familyId' | 'state' | 'assistantId'>>): AnnualToday {
  const perState = new Map<string, Set<string>>();
  for (const c of cases) {
    const s = perState.get(c.state) ?? new Set<string>();
    s.add(c.familyId);
    perState.set(c.state, s);
  }
  return { familiesPerState: new Map([...perState].map(([k, v]) => [k, v.size])), caseloadCases: cases };
}

export function computeAnnual(input: {
  period: ReportPeriod;
  conventions: ReportConventions;
  cases: ReadonlyArray<ReportCase>;
  staff: ReadonlyArray<StaffRow>;
  visits: ReadonlyArray<VisitRow>;
  assessments: ReadonlyArray<AssessmentRow>;
  countMonitoring: boolean;
  /** Today's state of the office, for the tables "as of today" (families per state, current
   *  caseload), when `cases` holds only the cases of the period (db/services/reports.ts reads
   *  those). Absent: counted from `cases`, which must then be every case. */
  today?: AnnualToday;
}): AnnualReport {
  const { period: p, conventions: conv, cases } = input;
  const today = input.today ?? annualToday(cases);
  const familiesByState = (Object.keys(CASE_STATES) as CaseState[])
    .filter((s) => today.familiesPerState.has(s))
    .map((s) => ({ state: s, label: CASE_STATES[s].label, families: today.familiesPerState.get(s)! }));

  // Closures in the period by reason (every closure, also before any work).
  const reasons = closuresInPeriod(cases, p);
  const order = [...CLOSURE_REASONS.map((r) => r.code as string), ...Object.keys(EARLY_CLOSURE_REASONS)];
  const closuresByReason = [...reasons.entries()]
    .sort((a, b) => (order.indexOf(a[0]) + 1 || 99) - (order.indexOf(b[0]) + 1 || 99))
    .map(([code, ids]) => ({ code, label: closureReasonLabel(code || null), cases: ids.length }));

  // Average duration of the work with the cases whose work ended in the period.
  const ended = workSpans(cases, conv).filter((s) => s.end !== null && inside(s.end, p));
  const averageDurationMonths = ended.length
    ? round1(ended.reduce((a, s) => a + daysBetween(s.start, s.end!), 0) / ended.length / 30.4375)
    : null;

  return {
    period: p,
    caseload: caseloadRows(today.caseloadCases, input.staff, input.countMonitoring),
    familiesByState,
    closuresByReason,
    averageDurationMonths,
    endedCases: ended.length,
    visits: visitsPerFamily(cases, input.visits, p, conv),
    assessmentChange: assessmentChange(input.assessments, p),
  };
}
