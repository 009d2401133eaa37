/**
 * The half-year figures from plain case facts (pure; the same code runs in the tests, the main
 * process and the command line). Every figure returns the case ids (or assistant ids) behind it,
 * so a figure can be opened to the list of families it counts. Counting choices come from the
 * conventions (conventions.ts); definitions of each figure are in figures.ts.
 */
import { formatDateInText } from '../dates';
import { EARLY_CLOSURE_REASONS } from '../rules/lifecycle';
import { addMonthsClampedYMD } from '../rules/isoDate';
import type { IsoDate } from '../rules/types';
import { closureGroupOf, type ClosureGroup, type ReportConventions, type ReportStaff } from './conventions';
import type { ReportCase, ReportFacts } from './facts';
import { HALF_YEAR_FIGURES } from './figures';
import { inside, overlaps, type ReportPeriod } from './period';

/** One counted unit behind a figure: a family (its cases), a child, a supporting family. */
export interface FigureItem {
  /** The case the row opens (for a family: its case with the latest start). */
  caseId: string;
  /** Every case of the unit that the figure counted (a family with two cases: both). */
  caseIds: string[];
  /** A children's figure: the child. */
  memberId?: string;
  /** A supporting families' figure: the supporting family. */
  supportingFamilyId?: string;
}

export interface FigureValue {
  id: string;
  /** A count, a ratio (one decimal) or an amount in grosze (see the figure's unit). */
  value: number;
  /** Cases behind the figure, sorted (every case of every counted unit). */
  caseIds: string[];
  /** Assistants behind a staff figure. */
  userIds: string[];
  /** The counted units, one per row of the drill-down: for a count, exactly `value` of them. */
  items: FigureItem[];
}

/** Something the head must know about the figures of a period (shown with them, exported). */
export interface ReportWarning {
  code: 'PERIOD_NOT_ENDED' | 'FOSTER_SOURCE_NO_PLACEMENT' | 'FOSTER_PLACEMENT_UNDATED';
  severity: 'warning' | 'info';
  message: string;
  /** The cases concerned (ids only), for the drill-down. */
  caseIds: string[];
}

export interface HalfYearFigures {
  period: ReportPeriod;
  figures: FigureValue[];
  warnings: ReportWarning[];
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
  const warnings: ReportWarning[] = [];
  const put = (id: string, value: number, items: FigureItem[], userIds: Iterable<string> = []) =>
    values.set(id, { id, value, caseIds: sorted(items.flatMap((i) => i.caseIds)), userIds: sorted(userIds), items: sortItems(items) });
  /** One item for a group of spans: the case with the latest start opens the row. */
  const itemOf = (g: ReadonlyArray<WorkSpan>): FigureItem => {
    const open = g.reduce((a, b) => (b.start > a.start || (b.start === a.start && b.c.caseId > a.c.caseId) ? b : a));
    return { caseId: open.c.caseId, caseIds: sorted(g.map((s) => s.c.caseId)) };
  };

  // ---- families supported (any overlap) ----------------------------------------------------
  const spans = workSpans(facts.cases, conv).filter((s) => overlaps(s.start, s.end, p));
  const groups = new Map<string, WorkSpan[]>();
  for (const s of spans) {
    const k = keyOf(s.c);
    const g = groups.get(k);
    if (g) g.push(s);
    else groups.set(k, [s]);
  }
  put('families_supported', groups.size, [...groups.values()].map(itemOf));

  const countGroups = (pred: (g: WorkSpan[]) => WorkSpan[] | null | false, id: string) => {
    const items: FigureItem[] = [];
    for (const g of groups.values()) {
      const hit = pred(g);
      if (hit && hit.length) items.push(itemOf(hit));
    }
    put(id, items.length, items);
  };

  countGroups((g) => (g.some((s) => s.start < p.from) ? null : g.filter((s) => inside(s.start, p))), 'families_new');
  countGroups((g) => g.filter((s) => s.c.courtOrdered), 'families_court');
  countGroups((g) => g.filter((s) => s.c.track === 'za-zyciem'), 'families_za_zyciem');

  // ---- foster care: from the placement history as of the period, and the case's source ------
  const childrenByFamily = new Map<string, ReportFacts['children'][number][]>();
  for (const ch of facts.children) {
    const l = childrenByFamily.get(ch.familyId);
    if (l) l.push(ch);
    else childrenByFamily.set(ch.familyId, [ch]);
  }
  const kidsOf = (familyId: string) => childrenByFamily.get(familyId) ?? [];
  const fosterIn = (ch: ReportFacts['children'][number]) => ch.fosterCare.some((e) => e.since !== null && e.since <= p.to && (e.until === null || e.until >= p.from));
  const undatedIn = (ch: ReportFacts['children'][number]) => ch.fosterCare.some((e) => e.since === null && (e.until === null || e.until >= p.from));
  const datedEver = (familyId: string) => kidsOf(familyId).some((ch) => ch.fosterCare.some((e) => e.since !== null));
  const bySource = (s: WorkSpan) => s.c.source === 'child-in-foster-care' && !datedEver(s.c.familyId);
  countGroups((g) => {
    const placed = g.filter((s) => kidsOf(s.c.familyId).some(fosterIn));
    return placed.length ? placed : g.filter(bySource);
  }, 'families_foster_care');
  const noPlacement = spans.filter((s) => s.c.source === 'child-in-foster-care' && !kidsOf(s.c.familyId).some((ch) => ch.fosterCare.length > 0));
  if (noPlacement.length) {
    warnings.push({
      code: 'FOSTER_SOURCE_NO_PLACEMENT',
      severity: 'warning',
      message: `Sprawy założone z powodu umieszczenia dziecka w pieczy zastępczej bez zapisanego umieszczenia w danych dziecka: ${noPlacement.length}. Rodziny policzono w wierszu „z dzieckiem w pieczy zastępczej” na podstawie przyczyny zgłoszenia, ale dzieci w pieczy nie da się policzyć — uzupełnij miejsce pobytu dziecka (data umieszczenia) w danych rodziny.`,
      caseIds: sorted(noPlacement.map((s) => s.c.caseId)),
    });
  }
  const undated = spans.filter((s) => kidsOf(s.c.familyId).some(undatedIn));
  if (undated.length) {
    warnings.push({
      code: 'FOSTER_PLACEMENT_UNDATED',
      severity: 'warning',
      message: `Rodziny z dzieckiem w pieczy zastępczej bez daty umieszczenia: ${new Set(undated.map((s) => keyOf(s.c))).size}. Bez daty nie wiadomo, czy dziecko przebywało w pieczy w okresie sprawozdawczym — nie zostało policzone; uzupełnij datę umieszczenia.`,
      caseIds: sorted(undated.map((s) => s.c.caseId)),
    });
  }

  // ---- children: born by the end of the period, not of age before it --------------------------
  const childIn = (ch: ReportFacts['children'][number]) =>
    !ch.birthDate || (ch.birthDate <= p.to && addMonthsClampedYMD(ch.birthDate, 18 * 12) > p.from);
  const supportedFamilies = new Map<string, WorkSpan[]>();
  for (const s of spans) supportedFamilies.set(s.c.familyId, [...(supportedFamilies.get(s.c.familyId) ?? []), s]);
  const childItems: FigureItem[] = [];
  const fosterItems: FigureItem[] = [];
  for (const [fid, fs] of supportedFamilies) {
    const row = itemOf(fs);
    const kids = kidsOf(fid).filter(childIn);
    for (const k of kids) {
      const item = { ...row, ...(k.memberId ? { memberId: k.memberId } : {}) };
      if (conv.childrenIncludeFosterCare || !fosterIn(k)) childItems.push(item);
      if (fosterIn(k)) fosterItems.push(item);
    }
  }
  put('children_total', childItems.length, childItems);
  put('children_foster_care', fosterItems.length, fosterItems);

  // ---- ended in the period -----------------------------------------------------------------
  const ended = new Map<string, { last: WorkSpan; group: WorkSpan[] }>();
  for (const [k, g] of groups) {
    if (g.some((s) => s.end === null || s.end > p.to)) continue;
    const endedHere = g.filter((s) => inside(s.end, p));
    if (endedHere.length === 0) continue;
    const last = endedHere.reduce((a, b) => (b.end! > a.end! || (b.end === a.end && b.c.caseId > a.c.caseId) ? b : a));
    ended.set(k, { last, group: g });
  }
  const endItem = (e: { last: WorkSpan }): FigureItem => ({ caseId: e.last.c.caseId, caseIds: [e.last.c.caseId] });
  put('ended_total', ended.size, [...ended.values()].map(endItem));
  const byGroup: Record<ClosureGroup, FigureItem[]> = { goals: [], noncooperation: [], moved: [], other: [] };
  const resigned: FigureItem[] = [];
  for (const e of ended.values()) {
    byGroup[closureGroupOf(e.last.c.closureReason, conv)].push(endItem(e));
    if (e.last.c.closureReason && (conv.resignationCodes as string[]).includes(e.last.c.closureReason)) resigned.push(endItem(e));
  }
  put('ended_goals', byGroup.goals.length, byGroup.goals);
  put('ended_noncooperation', byGroup.noncooperation.length, byGroup.noncooperation);
  put('ended_resigned', resigned.length, resigned);
  put('ended_moved', byGroup.moved.length, byGroup.moved);
  put('ended_other', byGroup.other.length, byGroup.other);

  // ---- duration brackets -------------------------------------------------------------------
  const brackets: [FigureItem[], FigureItem[], FigureItem[]] = [[], [], []];
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
    brackets[durationBracket(start, m.end, conv.durationThresholdsMonths)].push(itemOf(m.group));
  }
  put('duration_short', brackets[0].length, brackets[0]);
  put('duration_medium', brackets[1].length, brackets[1]);
  put('duration_long', brackets[2].length, brackets[2]);

  // ---- waiting list --------------------------------------------------------------------------
  const waiting = new Map<string, string[]>();
  for (const c of facts.cases) {
    const waits = c.waitlist.some((w) => w.from <= p.to && (conv.waitingAt === 'period-end' ? w.to === null || w.to > p.to : w.to === null || w.to > p.from));
    if (waits) waiting.set(keyOf(c), [...(waiting.get(keyOf(c)) ?? []), c.caseId]);
  }
  put('waiting', waiting.size, [...waiting.values()].map((ids) => ({ caseId: sorted(ids)[ids.length - 1]!, caseIds: sorted(ids) })));

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

  // ---- caseload on the last day of the period (art. 15 ust. 4: families at the same time) -------
  const atEnd: FigureItem[] = [];
  for (const g of groups.values()) {
    const on = g.filter((s) => s.start <= p.to && (s.end === null || s.end >= p.to));
    if (on.length) atEnd.push(itemOf(on));
  }
  put('families_at_period_end', atEnd.length, atEnd);

  // ---- supporting families -------------------------------------------------------------------
  const sfItem = (s: { id: string; caseId: string }): FigureItem => ({ caseId: s.caseId, caseIds: [s.caseId], supportingFamilyId: s.id });
  const established = facts.supporting.filter((s) => s.status !== 'candidate' && s.establishedOn !== null && s.establishedOn <= p.to);
  put('supporting_families', established.length, established.map(sfItem));
  const fresh = established.filter((s) => inside(s.establishedOn, p));
  put('supporting_families_new', fresh.length, fresh.map(sfItem));
  const helped = new Map<string, string[]>();
  for (const s of established) helped.set(s.familyId, [...(helped.get(s.familyId) ?? []), s.caseId]);
  put('families_helped_by_supporting', helped.size, [...helped.values()].map((cs) => ({ caseId: sorted(cs)[0]!, caseIds: sorted(cs) })));
  const paid = facts.reimbursements.filter((r) => inside(r.paidOn, p));
  const sfById = new Map(facts.supporting.map((s) => [s.id, s]));
  const paidSf = [...new Set(paid.map((r) => r.supportingFamilyId))].map((id) => sfById.get(id)).filter((x): x is NonNullable<typeof x> => !!x);
  put('reimbursements_families', paidSf.length, paidSf.map(sfItem));
  values.set('reimbursements_amount', {
    id: 'reimbursements_amount',
    value: paid.reduce((a, r) => a + r.amountGr, 0),
    caseIds: sorted(paidSf.map((s) => s.caseId)),
    userIds: [],
    items: sortItems(paidSf.map(sfItem)),
  });

  return { period: p, figures: HALF_YEAR_FIGURES.map((d) => values.get(d.id) ?? { id: d.id, value: 0, caseIds: [], userIds: [], items: [] }), warnings };
}

function sortItems(items: FigureItem[]): FigureItem[] {
  // Each key built once (not twice per comparison): the same order, a fraction of the garbage.
  const keyed = items.map((i) => ({ i, k: `${i.caseId}|${i.memberId ?? ''}|${i.supportingFamilyId ?? ''}` }));
  return keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.i);
}

/** The notice that the period has not ended yet on `asOf` (the figures will still change). */
export function periodNotEndedWarning(period: ReportPeriod, asOf: IsoDate): ReportWarning | null {
  if (asOf > period.to) return null;
  return {
    code: 'PERIOD_NOT_ENDED',
    severity: 'warning',
    message: `Okres sprawozdawczy jeszcze trwa (kończy się ${formatDateInText(period.to)}). Liczby są stanem na ${formatDateInText(asOf)} i zmienią się do końca okresu — sprawozdanie sporządza się po jego zakończeniu (termin: ${formatDateInText(period.dueOn)}).`,
    caseIds: [],
  };
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
