/**
 * Report figures (shared/reports), pure: periods, conventions, and every half-year figure on a
 * constructed set of cases whose expected counts are worked out by hand below (overlapping
 * periods, closed inside and outside the period, court-ordered, Za życiem, resignations,
 * waiting list, children in foster care, supporting families), then the same data under other
 * counting conventions, and the annual/dashboard aggregates.
 */
import { describe, expect, it } from 'vitest';
import {
  assessmentChange,
  caseloadRows,
  computeAnnual,
  computeHalfYear,
  DEFAULT_REPORT_CONVENTIONS,
  definitionOf,
  durationBracket,
  FIGURE_IDS,
  figureDef,
  formatFigureValue,
  HALF_YEAR_FIGURES,
  labelOf,
  lastFinishedHalfYear,
  parsePeriod,
  recentHalfYears,
  reportConventionsSchema,
  resolveConventions,
  visitsPerFamily,
  type ReportCase,
  type ReportConventions,
  type ReportFacts,
} from '../../shared/reports/index';

const H1 = parsePeriod('2026-H1');

function kase(caseId: string, familyId: string, over: Partial<ReportCase> = {}): ReportCase {
  return {
    caseId,
    familyId,
    track: 'general',
    source: 'social-worker',
    state: 'REALIZACJA',
    assistantId: 'u1',
    assignedOn: null,
    consentOn: null,
    closedOn: null,
    closureReason: null,
    monitoringEndsOn: null,
    archivedOn: null,
    courtOrdered: false,
    waitlist: [],
    ...over,
  };
}

/**
 * Period 2026-H1 = 1.01–30.06.2026. Families and what each should count as (defaults: start =
 * assignment, end = closure, families not cases, monitoring not support):
 *  A  a1 assigned 2025-05-10, open; child in foster care since 2026-03-01  -> supported, foster family
 *  B  b1 court-ordered, assigned 2026-02-01, closed 2026-05-20 SAD (monitoring) -> supported, new, court, ended "other", short
 *  C  c1 Za życiem, assigned 2026-03-10, closed 2026-06-30 ZZ_KONIEC         -> supported, new, ZZ, ended "goals" (last day), short
 *  D  d1 assigned 2023-01-15, closed 2026-01-01 REZYGNACJA                     -> supported (1 day), ended, resigned, long (> 24 m.)
 *  E  e1 assigned 2024-03-01, closed 2025-12-31, archived 2026-03-31            -> not supported (ended the day before)
 *  F  f1 assigned 2026-07-01                                                    -> not supported (after the period)
 *  G  g1 assigned 2025-01-10, closed 2026-04-30 CEL; g2 Za życiem assigned 2026-04-01, open
 *                                                                               -> one family: supported, not new, ZZ, NOT ended
 *  H  h1 assigned 2025-03-01, closed 2026-06-15 ZMIANA_MIEJSCA (inactive assistant u3)
 *                                                                               -> supported, ended "moved", 15.5 m. = medium
 *  I  i1 assigned 2026-02-01, closed 2026-02-10 BRAK_ZGODY                      -> not counted (no work)
 *  J  j1 on the waiting list since 2026-05-01                                   -> waiting at the end of the period
 *  K  k1 waiting 2026-02-01..2026-04-01, then assigned 2026-04-01 (no consent yet) -> supported, new; waited during the period
 */
function dataset(): ReportFacts {
  return {
    cases: [
      kase('a1', 'fA', { assignedOn: '2025-05-10', consentOn: '2025-05-20' }),
      kase('b1', 'fB', {
        source: 'court-order',
        courtOrdered: true,
        state: 'MONITORING',
        assignedOn: '2026-02-01',
        consentOn: '2026-02-15',
        closedOn: '2026-05-20',
        closureReason: 'SAD',
        monitoringEndsOn: '2026-08-20',
      }),
      kase('c1', 'fC', {
        track: 'za-zyciem',
        source: 'za-zyciem',
        assistantId: 'u2',
        state: 'ARCHIWUM',
        assignedOn: '2026-03-10',
        consentOn: '2026-03-12',
        closedOn: '2026-06-30',
        closureReason: 'ZZ_KONIEC',
        archivedOn: '2026-06-30',
      }),
      kase('d1', 'fD', {
        assistantId: 'u2',
        state: 'ARCHIWUM',
        assignedOn: '2023-01-15',
        consentOn: '2023-01-20',
        closedOn: '2026-01-01',
        closureReason: 'REZYGNACJA',
        archivedOn: '2026-04-01',
      }),
      kase('e1', 'fE', { state: 'ARCHIWUM', assignedOn: '2024-03-01', consentOn: '2024-03-05', closedOn: '2025-12-31', closureReason: 'CEL', archivedOn: '2026-03-31' }),
      kase('f1', 'fF', { state: 'PRZYDZIELONY', assignedOn: '2026-07-01' }),
      kase('g1', 'fG', { state: 'ARCHIWUM', assignedOn: '2025-01-10', consentOn: '2025-01-12', closedOn: '2026-04-30', closureReason: 'CEL', archivedOn: '2026-05-30' }),
      kase('g2', 'fG', { track: 'za-zyciem', source: 'za-zyciem', assistantId: 'u2', state: 'KOORDYNACJA', assignedOn: '2026-04-01', consentOn: '2026-04-02' }),
      kase('h1', 'fH', {
        assistantId: 'u3',
        state: 'ARCHIWUM',
        assignedOn: '2025-03-01',
        consentOn: '2025-03-03',
        closedOn: '2026-06-15',
        closureReason: 'ZMIANA_MIEJSCA',
        archivedOn: '2026-09-30',
      }),
      kase('i1', 'fI', { state: 'ZAMKNIETA', assignedOn: '2026-02-01', closedOn: '2026-02-10', closureReason: 'BRAK_ZGODY' }),
      kase('j1', 'fJ', { state: 'LISTA_OCZEKUJACYCH', assistantId: null, waitlist: [{ from: '2026-05-01', to: null }] }),
      kase('k1', 'fK', { state: 'PRZYDZIELONY', assignedOn: '2026-04-01', waitlist: [{ from: '2026-02-01', to: '2026-04-01' }] }),
    ],
    children: [
      { familyId: 'fA', fosterCare: [] },
      { familyId: 'fA', fosterCare: [{ since: '2026-03-01', until: null }] },
      { familyId: 'fB', fosterCare: [] },
      { familyId: 'fD', fosterCare: [] },
      { familyId: 'fD', fosterCare: [] },
      { familyId: 'fD', fosterCare: [{ since: '2026-08-01', until: null }] },
      { familyId: 'fE', fosterCare: [] },
      { familyId: 'fE', fosterCare: [] },
      { familyId: 'fE', fosterCare: [] },
      { familyId: 'fE', fosterCare: [{ since: null, until: null }] },
      { familyId: 'fG', fosterCare: [] },
      { familyId: 'fG', fosterCare: [] },
      { familyId: 'fH', fosterCare: [] },
      { familyId: 'fK', fosterCare: [] },
    ],
    staff: [
      { id: 'admin', role: 'admin', active: true, personalLimit: null },
      { id: 'u1', role: 'assistant', active: true, personalLimit: null },
      { id: 'u2', role: 'assistant', active: true, personalLimit: 12 },
      { id: 'u3', role: 'assistant', active: false, personalLimit: null },
      { id: 'ps', role: 'social_worker', active: true, personalLimit: null },
    ],
    supporting: [
      { id: 's1', familyId: 'fA', caseId: 'a1', status: 'established', establishedOn: '2025-11-01' },
      { id: 's2', familyId: 'fG', caseId: 'g2', status: 'established', establishedOn: '2026-05-05' },
      { id: 's3', familyId: 'fB', caseId: 'b1', status: 'candidate', establishedOn: null },
    ],
    reimbursements: [
      { supportingFamilyId: 's1', paidOn: '2026-02-10', amountGr: 30_000 },
      { supportingFamilyId: 's1', paidOn: '2025-12-10', amountGr: 10_000 },
      { supportingFamilyId: 's2', paidOn: '2026-06-30', amountGr: 12_345 },
    ],
  };
}

const STAFF_FORMS = {
  u1: { form: 'employment-contract' as const, taskBasedTime: true },
  u2: { form: 'service-contract' as const, taskBasedTime: false },
};

function figures(conv: Partial<ReportConventions> = {}, facts = dataset(), period = H1) {
  const r = computeHalfYear(facts, period, { ...DEFAULT_REPORT_CONVENTIONS, ...conv }, STAFF_FORMS);
  const by = new Map(r.figures.map((f) => [f.id, f]));
  return {
    v: (id: string) => by.get(id)!.value,
    cases: (id: string) => by.get(id)!.caseIds,
    users: (id: string) => by.get(id)!.userIds,
    all: r.figures,
  };
}

describe('periods', () => {
  it('half-years and years with their due dates', () => {
    expect(parsePeriod('2026-H1')).toMatchObject({ from: '2026-01-01', to: '2026-06-30', dueOn: '2026-07-31', kind: 'half-year' });
    expect(parsePeriod('2026-H2')).toMatchObject({ from: '2026-07-01', to: '2026-12-31', dueOn: '2027-01-31' });
    expect(parsePeriod('2026-H2').label).toBe('II półrocze 2026 r. (1.07–31.12.2026)');
    expect(parsePeriod('2026')).toMatchObject({ from: '2026-01-01', to: '2026-12-31', dueOn: '2027-03-31', kind: 'year' });
    for (const bad of ['2026-H3', '2026-1', 'H1-2026', '', '1999-H1']) expect(() => parsePeriod(bad)).toThrow(RangeError);
    expect(() => parsePeriod('2026/H1')).toThrow(/2026-H1/);
  });

  it('the period to report next and the picker list', () => {
    expect(lastFinishedHalfYear('2026-11-22')).toBe('2026-H1');
    expect(lastFinishedHalfYear('2027-01-10')).toBe('2026-H2');
    expect(lastFinishedHalfYear('2026-06-30')).toBe('2025-H2');
    expect(recentHalfYears('2026-11-22', 4)).toEqual(['2026-H2', '2026-H1', '2025-H2', '2025-H1']);
  });

  it('duration brackets: exactly 12 months is "up to 1 year", a day more is not', () => {
    expect(durationBracket('2025-01-31', '2026-01-31', [12, 24])).toBe(0);
    expect(durationBracket('2025-01-31', '2026-02-01', [12, 24])).toBe(1);
    expect(durationBracket('2024-02-29', '2026-02-28', [12, 24])).toBe(1);
    expect(durationBracket('2024-02-29', '2026-03-01', [12, 24])).toBe(2);
  });
});

describe('conventions', () => {
  it('defaults of domain.md §6.1', () => {
    expect(DEFAULT_REPORT_CONVENTIONS).toMatchObject({
      startDate: 'assignedOn',
      monitoringCountsAsSupported: false,
      unit: 'family',
      resignationCodes: ['REZYGNACJA'],
      durationThresholdsMonths: [12, 24],
      waitingAt: 'period-end',
    });
    expect(DEFAULT_REPORT_CONVENTIONS.closureGroups.ZMIANA_MIEJSCA).toBe('moved');
  });

  it('refuses nonsense, keeps the valid keys of a damaged stored value', () => {
    expect(reportConventionsSchema.safeParse({ durationThresholdsMonths: [24, 12] }).success).toBe(false);
    expect(reportConventionsSchema.safeParse({ resignationCodes: [] }).success).toBe(false);
    expect(reportConventionsSchema.safeParse({ unit: 'person' }).success).toBe(false);
    expect(resolveConventions({ unit: 'case', startDate: 'whenever' })).toMatchObject({ unit: 'case', startDate: 'assignedOn' });
    expect(resolveConventions(null)).toEqual(DEFAULT_REPORT_CONVENTIONS);
  });

  it('every figure has a Polish label and a definition with the placeholders filled', () => {
    expect(new Set(FIGURE_IDS).size).toBe(HALF_YEAR_FIGURES.length);
    for (const d of HALF_YEAR_FIGURES) {
      expect(labelOf(d, DEFAULT_REPORT_CONVENTIONS)).not.toMatch(/[{}]/);
      expect(definitionOf(d, DEFAULT_REPORT_CONVENTIONS)).not.toMatch(/[{}]/);
      expect(d.rule.length).toBeGreaterThan(5);
    }
    expect(labelOf(figureDef('duration_medium')!, { ...DEFAULT_REPORT_CONVENTIONS, durationThresholdsMonths: [6, 18] })).toBe('Praca z rodziną trwała powyżej 6 do 18 miesięcy');
    expect(definitionOf(figureDef('families_supported')!, DEFAULT_REPORT_CONVENTIONS)).toContain('daty przydzielenia asystenta');
    expect(definitionOf(figureDef('ended_goals')!, DEFAULT_REPORT_CONVENTIONS)).toContain('osiągnięcie celów');
  });

  it('values as printed', () => {
    expect(formatFigureValue('amount-gr', 4_234_512)).toBe('42\u00a0345,12');
    expect(formatFigureValue('ratio', 2.3)).toBe('2,3');
    expect(formatFigureValue('families', 7)).toBe('7');
  });
});

describe('half-year figures on the constructed dataset (defaults)', () => {
  const f = figures();

  it('families supported: any overlap; the family with two tracks once; no-consent closures out', () => {
    expect(f.v('families_supported')).toBe(7); // A B C D G H K
    expect(f.cases('families_supported')).toEqual(['a1', 'b1', 'c1', 'd1', 'g1', 'g2', 'h1', 'k1']);
  });

  it('of which: new, court-ordered, child in foster care, Za życiem', () => {
    expect(f.v('families_new')).toBe(3); // B C K (G had work from 2025)
    expect(f.cases('families_new')).toEqual(['b1', 'c1', 'k1']);
    expect(f.v('families_court')).toBe(1);
    expect(f.cases('families_court')).toEqual(['b1']);
    expect(f.v('families_foster_care')).toBe(1); // A (D's placement starts after the period)
    expect(f.cases('families_foster_care')).toEqual(['a1']);
    expect(f.v('families_za_zyciem')).toBe(2); // C, G
    expect(f.cases('families_za_zyciem')).toEqual(['c1', 'g2']);
  });

  it('children by the is_child flag and placement kind', () => {
    expect(f.v('children_total')).toBe(2 + 1 + 0 + 3 + 2 + 1 + 1); // A B C D G H K
    expect(f.v('children_foster_care')).toBe(1);
  });

  it('ended in the period by reason, of which resigned; a family with a continuing case is not ended', () => {
    expect(f.v('ended_total')).toBe(4); // B C D H
    expect(f.cases('ended_total')).toEqual(['b1', 'c1', 'd1', 'h1']);
    expect([f.v('ended_goals'), f.v('ended_noncooperation'), f.v('ended_moved'), f.v('ended_other')]).toEqual([1, 1, 1, 1]);
    expect(f.cases('ended_goals')).toEqual(['c1']);
    expect(f.v('ended_resigned')).toBe(1);
    expect(f.cases('ended_resigned')).toEqual(['d1']);
    expect(f.cases('ended_other')).toEqual(['b1']);
  });

  it('duration brackets of the ended families', () => {
    expect([f.v('duration_short'), f.v('duration_medium'), f.v('duration_long')]).toEqual([2, 1, 1]);
    expect(f.cases('duration_long')).toEqual(['d1']);
    expect(f.cases('duration_medium')).toEqual(['h1']);
  });

  it('waiting list on the last day of the period', () => {
    expect(f.v('waiting')).toBe(1);
    expect(f.cases('waiting')).toEqual(['j1']);
  });

  it('assistants by form of employment (active accounts and those who worked in the period)', () => {
    expect(f.v('assistants_total')).toBe(3);
    expect(f.users('assistants_total')).toEqual(['u1', 'u2', 'u3']);
    expect(f.v('assistants_employment_contract')).toBe(1);
    expect(f.v('assistants_task_based')).toBe(1);
    expect(f.v('assistants_service_contract')).toBe(1);
    expect(f.users('assistants_form_missing')).toEqual(['u3']);
    // Art. 15 ust. 4 is about families at the same time: the caseload on 30.06, not a half-year average.
    expect(f.v('families_at_period_end')).toBe(4); // A, C (closed on 30.06), G (g2), K
    expect(f.all.some((x) => x.id === 'avg_families_per_assistant')).toBe(false);
  });

  it('supporting families and reimbursements in the period', () => {
    expect(f.v('supporting_families')).toBe(2);
    expect(f.v('supporting_families_new')).toBe(1);
    expect(f.cases('supporting_families_new')).toEqual(['g2']);
    expect(f.v('families_helped_by_supporting')).toBe(2);
    expect(f.v('reimbursements_families')).toBe(2);
    expect(f.v('reimbursements_amount')).toBe(30_000 + 12_345);
  });
});

describe('the same data under other conventions', () => {
  it('counting cases instead of families', () => {
    const f = figures({ unit: 'case' });
    expect(f.v('families_supported')).toBe(8);
    expect(f.v('families_new')).toBe(4); // b1 c1 g2 k1
    expect(f.v('ended_total')).toBe(5); // b1 c1 d1 g1 h1
    expect(f.v('ended_goals')).toBe(2); // c1 g1
    expect(f.v('families_za_zyciem')).toBe(2); // c1 g2
  });

  it('monitoring counted as support: the work ends with the monitoring', () => {
    const f = figures({ monitoringCountsAsSupported: true });
    expect(f.v('families_supported')).toBe(8); // + E (archived 31.03.2026)
    expect(f.cases('ended_total')).toEqual(['c1', 'd1', 'e1']); // B still in monitoring, H archived after the period
  });

  it('start at consent: a case without consent yet does not count, a court order counts from its date', () => {
    const f = figures({ startDate: 'consentOn' });
    expect(f.cases('families_supported')).not.toContain('k1');
    expect(f.v('families_supported')).toBe(6);
  });

  it('closures before any work counted on request', () => {
    const f = figures({ countNoConsentClosures: true });
    expect(f.v('families_supported')).toBe(8); // + I
    expect(f.cases('ended_other')).toEqual(['b1', 'i1']);
  });

  it('waiting at any time in the period; resignation codes and groups are settings', () => {
    expect(figures({ waitingAt: 'any-time' }).cases('waiting')).toEqual(['j1', 'k1']);
    const g = figures({ resignationCodes: ['REZYGNACJA', 'SAD'], closureGroups: { ...DEFAULT_REPORT_CONVENTIONS.closureGroups, SAD: 'noncooperation' } });
    expect(g.cases('ended_resigned')).toEqual(['b1', 'd1']);
    expect(g.v('ended_noncooperation')).toBe(2);
    expect(g.v('ended_other')).toBe(0);
  });

  it('duration over all supported families, to the end of the period', () => {
    const f = figures({ durationOf: 'supported' });
    // A 2025-05-10..06-30 (13.7 m.) medium; B, C, K short; D long; G from 2025-01-10 to 06-30 (17.7 m.) medium; H medium.
    expect([f.v('duration_short'), f.v('duration_medium'), f.v('duration_long')]).toEqual([3, 3, 1]);
  });

  it('only the assistants who worked in the period, or only active accounts', () => {
    expect(figures({ assistantsCounted: 'worked-in-period' }).users('assistants_total')).toEqual(['u1', 'u2', 'u3']);
    expect(figures({ assistantsCounted: 'active-accounts' }).users('assistants_total')).toEqual(['u1', 'u2']);
  });

  it('children in foster care left out on request', () => {
    expect(figures({ childrenIncludeFosterCare: false }).v('children_total')).toBe(9);
  });

  it('the second half-year of the same data', () => {
    const f = figures({}, dataset(), parsePeriod('2026-H2'));
    // A (open), F (from 1.07), G (g2 open), K (open); B, C, D, H ended before 1.07.
    expect(f.v('families_supported')).toBe(4);
    expect(f.cases('families_new')).toEqual(['f1']);
    expect(f.v('ended_total')).toBe(0);
    expect(f.v('waiting')).toBe(1);
    expect(f.v('reimbursements_amount')).toBe(0);
  });
});

describe('annual report and dashboard aggregates', () => {
  it('caseload against min(15, personal limit), one family with two cases once', () => {
    const rows = caseloadRows(
      [kase('x1', 'f1', { assistantId: 'u1' }), kase('x2', 'f1', { assistantId: 'u1', state: 'KOORDYNACJA' }), kase('x3', 'f2', { assistantId: 'u1', state: 'MONITORING' }), kase('x4', 'f3', { assistantId: 'u2' })],
      [
        { id: 'u1', fullName: 'A', role: 'assistant', active: true, personalLimit: null },
        { id: 'u2', fullName: 'B', role: 'assistant', active: true, personalLimit: 12 },
        { id: 'u3', fullName: 'C', role: 'assistant', active: false, personalLimit: null },
      ],
      false,
    );
    expect(rows).toEqual([
      { assistantId: 'u1', fullName: 'A', count: 1, limit: 15, monitoring: 1, atPeriodEnd: 0 },
      { assistantId: 'u2', fullName: 'B', count: 1, limit: 12, monitoring: 0, atPeriodEnd: 0 },
    ]);
  });

  it('visits per family per month', () => {
    const cases = [kase('a', 'fa', { assignedOn: '2026-01-15' }), kase('b', 'fb', { assignedOn: '2026-02-01', closedOn: '2026-02-20', closureReason: 'CEL' })];
    const v = visitsPerFamily(
      cases,
      [
        { caseId: 'a', familyId: 'fa', on: '2026-01-20' },
        { caseId: 'a', familyId: 'fa', on: '2026-02-03' },
        { caseId: 'b', familyId: 'fb', on: '2026-02-04' },
        { caseId: 'b', familyId: 'fb', on: '2026-02-18' },
        { caseId: 'a', familyId: 'fa', on: '2025-12-30' },
      ],
      parsePeriod('2026-H1'),
      DEFAULT_REPORT_CONVENTIONS,
    );
    expect(v.byMonth.slice(0, 3)).toEqual([
      { month: '2026-01', visits: 1, families: 1, perFamily: 1 },
      { month: '2026-02', visits: 3, families: 2, perFamily: 1.5 },
      { month: '2026-03', visits: 0, families: 1, perFamily: 0 },
    ]);
    expect(v.total).toBe(4);
    expect(v.familyMonths).toBe(1 + 2 + 4 * 1); // fa in every month, fb in February only
    expect(v.perFamilyMonth).toBe(0.6); // 4 / 7
  });

  it('change of ratings per area between the first and the last assessment', () => {
    const rows = assessmentChange(
      [
        { caseId: 'a', assessedOn: '2025-10-01', ratings: { HOUSING: -2, FINANCES: -1 } },
        { caseId: 'a', assessedOn: '2026-03-01', ratings: { HOUSING: 0, FINANCES: null } },
        { caseId: 'a', assessedOn: '2026-05-01', ratings: { HOUSING: 1, FINANCES: -2 } },
        { caseId: 'b', assessedOn: '2026-02-01', ratings: { HOUSING: 0 } },
        { caseId: 'b', assessedOn: '2026-06-01', ratings: { HOUSING: -1 } },
        { caseId: 'c', assessedOn: '2026-02-01', ratings: { HOUSING: 0 } },
        { caseId: 'd', assessedOn: '2025-02-01', ratings: { HOUSING: -3 } },
        { caseId: 'd', assessedOn: '2025-12-01', ratings: { HOUSING: 2 } },
      ],
      parsePeriod('2026-H1'),
    );
    const housing = rows.find((r) => r.area === 'HOUSING')!;
    // a: -2 -> 1 (+3); b: 0 -> -1 (-1); c has one assessment; d's last one is before the period.
    expect(housing).toMatchObject({ cases: 2, meanChange: 1, improved: 1, worse: 1, same: 0 });
    expect(rows.find((r) => r.area === 'FINANCES')).toMatchObject({ cases: 1, meanChange: -1, worse: 1 });
    expect(rows.find((r) => r.area === 'WORK')).toMatchObject({ cases: 0, meanChange: null });
  });

  it('closures by reason, families per state and the average duration', () => {
    const a = computeAnnual({
      period: parsePeriod('2026'),
      conventions: DEFAULT_REPORT_CONVENTIONS,
      cases: dataset().cases,
      staff: [],
      visits: [],
      assessments: [],
      countMonitoring: false,
    });
    // Closed in 2026: b1 SAD, c1 ZZ_KONIEC, d1 REZYGNACJA, g1 CEL, h1 ZMIANA_MIEJSCA, i1 BRAK_ZGODY.
    expect(a.closuresByReason.map((r) => [r.code, r.cases])).toEqual([
      ['CEL', 1],
      ['REZYGNACJA', 1],
      ['ZMIANA_MIEJSCA', 1],
      ['SAD', 1],
      ['ZZ_KONIEC', 1],
      ['BRAK_ZGODY', 1],
    ]);
    expect(a.familiesByState.find((s) => s.state === 'ARCHIWUM')!.families).toBe(5); // C D E G H
    // Work ended in 2026 (the no-consent closure excluded): b1 108, c1 112, d1 1082, g1 475, h1 471 days.
    expect(a.endedCases).toBe(5);
    expect(a.averageDurationMonths).toBe(Math.round(((108 + 112 + 1082 + 475 + 471) / 5 / 30.4375) * 10) / 10);
  });
});
