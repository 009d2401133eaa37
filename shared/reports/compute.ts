/**
 * The half-year figures from plain case facts (pure; the same code runs in the tests, the main
 * process and the command line). Every figure returns the case ids (or assistant ids) behind it,
 * so a figure can be opened to the list of families it counts. Counting choices come from the
 * conventions (conventions.ts); definitions of each figure are in figures.ts.
 */
import { EARLY_CLOSURE_REASONS } from '../rules/lifecycle';
import { addMonthsClampedYMD } from '../rules/isoDate';
import type { IsoDate } from '../rules/types';
import { closureGroupOf, type ClosureGroup, type ReportConventions, type ReportStaff } from './conventions';
import type { ReportCase, ReportFacts } from './facts';
import { HALF_YEAR_FIGURES } from './figures';
import { inside, overlaps, type ReportPeriod } from './period';

export interface FigureValue {
  id: string;
  /** A count, a ratio (one decimal) or an amount in grosze (see the figure's unit). */
  value: number;
  /** Cases behind the figure (for the drill-down list), sorted. */
  caseIds: string[];
  /** Assistants behind a staff figure. */
  userIds: string[];
}

export interface HalfYearFigures {
  period: ReportPeriod;
  figures: FigureValue[];
}

const EARLY = new Set<string>(Object.keys(EARLY_CLOSURE_REASONS));

/** Start of the work with the family in this case under the conventions (null: no work). */
export function workStart(c: ReportCase, conv: ReportConventions): IsoDate | null {
  if (!c.assignedOn) return null;
  if (conv.startDate === 'assignedOn') return c.assignedOn;
  if (!c.consentOn) return null;
  return c.consentOn > c.assignedOn ? c.consentOn : c.assignedOn;
}

/** End of the work (null: still going on). */
export function workEnd(c: ReportCase, conv: ReportConventions): IsoDate | null {
  if (!c.closedOn) return null;
  if (!conv.monitoringCountsAsSupported) return c.closedOn;
  if (c.state === 'MONITORING') return null;
  if (c.state === 'ARCHIWUM') return c.archivedOn ?? c.monitoringEndsOn ?? c.closedOn;
  return c.closedOn;
}

export interface WorkSpan {
  c: ReportCase;
  start: IsoDate;
  end: IsoDate | null;
}

/** The span of work of every case that counts at all (assigned, not closed before any work). */
export function workSpans(cases: ReadonlyArray<ReportCase>, conv: ReportConventions): WorkSpan[] {
  const out: WorkSpan[] = [];
  for (const c of cases) {
    if (!conv.countNoConsentClosures && c.closureReason && EARLY.has(c.closureReason)) continue;
    const start = workStart(c, conv);
    if (!start) continue;
    let end = workEnd(c, conv);
    if (end !== null && end < start) end = start;
    out.push({ c, start, end });
  }
  return out;
}

/** Duration bracket: 0 = up to t1 months, 1 = over t1 up to t2, 2 = over t2. */
export function durationBracket(start: IsoDate, end: IsoDate, thresholds: readonly [number, number]): 0 | 1 | 2 {
  if (end <= addMonthsClampedYMD(start, thresholds[0])) return 0;
  if (end <= addMonthsClampedYMD(start, thresholds[1])) return 1;
  return 2;
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

export function computeHalfYear(
  facts: ReportFacts,
  period: ReportPeriod,
  conv: ReportConventions,
  staffForms: ReportStaff = {},
): HalfYearFigures {
  const p = period;
  const keyOf = (c: ReportCase) => (conv.unit === 'family' ? c.familyId : c.caseId);
  const values = new Map<string, FigureValue>();
  const put = (id: string, value: number, caseIds: Iterable<string> = [], userIds: Iterable<string> = []) =>
    values.set(id, { id, value, caseIds: sorted(caseIds), userIds: sorted(userIds) });

  // ---- families supported (any overlap) ----------------------------------------------------
  const spans = workSpans(facts.cases, conv).filter((s) => overlaps(s.start, s.end, p));
  const groups = new Map<string, WorkSpan[]>();
  for (const s of spans) {
    const k = keyOf(s.c);
    const g = groups.get(k);
    if (g) g.push(s);
    else groups.set(k, [s]);
  }
  const casesOf = (gs: Iterable<WorkSpan[]>) => [...gs].flatMap((g) => g.map((s) => s.c.caseId));
  put('families_supported', groups.size, casesOf(groups.values()));

  const countGroups = (pred: (g: WorkSpan[]) => WorkSpan[] | null | false, id: string) => {
    let n = 0;
    const ids: string[] = [];
    for (const g of groups.values()) {
      const hit = pred(g);
      if (hit && hit.length) {
        n += 1;
        ids.push(...hit.map((s) => s.c.caseId));
      }
    }
    put(id, n, ids);
  };

  countGroups((g) => (g.some((s) => s.start < p.from) ? null : g.filter((s) => inside(s.start, p))), 'families_new');
  countGroups((g) => g.filter((s) => s.c.courtOrdered), 'families_court');
  countGroups((g) => g.filter((s) => s.c.track === 'za-zyciem'), 'families_za_zyciem');

  // Children by the is_child flag and the placement kind only.
  const fosterNow = (ch: { fosterCare: boolean; fosterCareSince: IsoDate | null }) => ch.fosterCare && (ch.fosterCareSince === null || ch.fosterCareSince <= p.to);
  const childrenByFamily = new Map<string, Array<{ fosterCare: boolean; fosterCareSince: IsoDate | null }>>();
  for (const ch of facts.children) {
    const l = childrenByFamily.get(ch.familyId);
    if (l) l.push(ch);
    else childrenByFamily.set(ch.familyId, [ch]);
  }
  countGroups((g) => (g.some((s) => (childrenByFamily.get(s.c.familyId) ?? []).some(fosterNow)) ? g : null), 'families_foster_care');

  const supportedFamilies = new Set(spans.map((s) => s.c.familyId));
  const spansByFamily = new Map<string, string[]>();
  for (const s of spans) {
    const l = spansByFamily.get(s.c.familyId);
    if (l) l.push(s.c.caseId);
    else spansByFamily.set(s.c.familyId, [s.c.caseId]);
  }
  let children = 0;
  let fosterChildren = 0;
  const childCases: string[] = [];
  const fosterCases: string[] = [];
  for (const fid of supportedFamilies) {
    const kids = childrenByFamily.get(fid) ?? [];
    const counted = conv.childrenIncludeFosterCare ? kids : kids.filter((k) => !fosterNow(k));
    const foster = kids.filter(fosterNow);
    children += counted.length;
    fosterChildren += foster.length;
    const famCases = spansByFamily.get(fid) ?? [];
    if (counted.length) childCases.push(...famCases);
    if (foster.length) fosterCases.push(...famCases);
  }
  put('children_total', children, childCases);
  put('children_foster_care', fosterChildren, fosterCases);

  // ---- ended in the period -----------------------------------------------------------------
  const ended = new Map<string, { last: WorkSpan; group: WorkSpan[] }>();
  for (const [k, g] of groups) {
    if (g.some((s) => s.end === null || s.end > p.to)) continue;
    const endedHere = g.filter((s) => inside(s.end, p));
    if (endedHere.length === 0) continue;
    const last = endedHere.reduce((a, b) => (b.end! > a.end! || (b.end === a.end && b.c.caseId > a.c.caseId) ? b : a));
    ended.set(k, { last, group: g });
  }
  put('ended_total', ended.size, [...ended.values()].map((e) => e.last.c.caseId));
  const byGroup: Record<ClosureGroup, string[]> = { goals: [], noncooperation: [], moved: [], other: [] };
  const resigned: string[] = [];
  for (const e of ended.values()) {
    byGroup[closureGroupOf(e.last.c.closureReason, conv)].push(e.last.c.caseId);
    if (e.last.c.closureReason && (conv.resignationCodes as string[]).includes(e.last.c.closureReason)) resigned.push(e.last.c.caseId);
  }
  put('ended_goals', byGroup.goals.length, byGroup.goals);
  put('ended_noncooperation', byGroup.noncooperation.length, byGroup.noncooperation);
  put('ended_resigned', resigned.length, resigned);
  put('ended_moved', byGroup.moved.length, byGroup.moved);
  put('ended_other', byGroup.other.length, byGroup.other);

  // ---- duration brackets -------------------------------------------------------------------
  const brackets: [string[], string[], string[]] = [[], [], []];
  const measured: Array<{ group: WorkSpan[]; end: IsoDate }> =
    conv.durationOf === 'ended'
      ? [...ended.values()].map((e) => ({ group: e.group, end: e.last.end! }))
      : [...groups.values()].map((g) => ({
          group: g,
          end: g.reduce<IsoDate>((m, s) => {
            const e = s.end === null || s.end > p.to ? p.to : s.end;
            return e > m ? e : m;
          }, g[0]!.start),
        }));
  for (const m of measured) {
    const start = m.group.reduce((a, s) => (s.start < a ? s.start : a), m.group[0]!.start);
    brackets[durationBracket(start, m.end, conv.durationThresholdsMonths)].push(...m.group.map((s) => s.c.caseId));
  }
  const keyByCase = new Map(facts.cases.map((c) => [c.caseId, keyOf(c)]));
  const groupCount = (ids: string[]) => new Set(ids.map((id) => keyByCase.get(id))).size;
  put('duration_short', groupCount(brackets[0]), brackets[0]);
  put('duration_medium', groupCount(brackets[1]), brackets[1]);
  put('duration_long', groupCount(brackets[2]), brackets[2]);

  // ---- waiting list --------------------------------------------------------------------------
  const waiting = facts.cases.filter((c) =>
    c.waitlist.some((w) => w.from <= p.to && (conv.waitingAt === 'period-end' ? w.to === null || w.to > p.to : w.to === null || w.to > p.from)),
  );
  put('waiting', new Set(waiting.map(keyOf)).size, waiting.map((c) => c.caseId));

  // ---- staff ---------------------------------------------------------------------------------
  const worked = new Set(spans.map((s) => s.c.assistantId).filter((x): x is string => !!x));
  const activeAssistants = new Set(facts.staff.filter((s) => s.role === 'assistant' && s.active).map((s) => s.id));
  const assistants =
    conv.assistantsCounted === 'worked-in-period' ? worked : conv.assistantsCounted === 'active-accounts' ? activeAssistants : new Set([...worked, ...activeAssistants]);
  const form = (id: string) => staffForms[id] ?? { form: null, taskBasedTime: false };
  const ids = [...assistants];
  const employment = ids.filter((id) => form(id).form === 'employment-contract');
  put('assistants_total', ids.length, [], ids);
  put('assistants_employment_contract', employment.length, [], employment);
  const task = employment.filter((id) => form(id).taskBasedTime);
  put('assistants_task_based', task.length, [], task);
  const service = ids.filter((id) => form(id).form === 'service-contract');
  put('assistants_service_contract', service.length, [], service);
  const missing = ids.filter((id) => form(id).form === null);
  put('assistants_form_missing', missing.length, [], missing);
  put('avg_families_per_assistant', ids.length ? Math.round((groups.size / ids.length) * 10) / 10 : 0);

  // ---- supporting families -------------------------------------------------------------------
  const established = facts.supporting.filter((s) => s.status !== 'candidate' && s.establishedOn !== null && s.establishedOn <= p.to);
  put('supporting_families', established.length, established.map((s) => s.caseId));
  const fresh = established.filter((s) => inside(s.establishedOn, p));
  put('supporting_families_new', fresh.length, fresh.map((s) => s.caseId));
  put('families_helped_by_supporting', new Set(established.map((s) => s.familyId)).size, established.map((s) => s.caseId));
  const paid = facts.reimbursements.filter((r) => inside(r.paidOn, p));
  const sfById = new Map(facts.supporting.map((s) => [s.id, s]));
  const paidSf = new Set(paid.map((r) => r.supportingFamilyId));
  const paidCases = [...paidSf].map((id) => sfById.get(id)?.caseId).filter((x): x is string => !!x);
  put('reimbursements_families', paidSf.size, paidCases);
  put('reimbursements_amount', paid.reduce((a, r) => a + r.amountGr, 0), paidCases);

  return { period: p, figures: HALF_YEAR_FIGURES.map((d) => values.get(d.id) ?? { id: d.id, value: 0, caseIds: [], userIds: [] }) };
}

/** "1 234,56 zł" style amount of grosze (no currency sign), for the screen and the exports. */
export function formatGrosze(gr: number): string {
  const neg = gr < 0;
  const abs = Math.abs(Math.round(gr));
  const zl = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${neg ? '−' : ''}${zl},${String(abs % 100).padStart(2, '0')}`;
}

/** A figure's value as printed: counts as integers, ratios with a decimal comma, amounts in zł. */
export function formatFigureValue(unit: string, value: number): string {
  if (unit === 'amount-gr') return formatGrosze(value);
  if (unit === 'ratio') return value.toFixed(1).replace('.', ',');
  return String(value);
}
