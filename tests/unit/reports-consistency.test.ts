/**
 * Report figures that match the case data (issue 13 item 6), pure: families and children in
 * foster care from the placement history as of the period and from the case's source (with a
 * warning when a case opened for that reason has no placement recorded), children born after a
 * period not counted in it, the caseload on the period's last day instead of a half-year average,
 * the notice of a period not yet ended, and — for every count, several periods and conventions —
 * exactly one drill-down item per counted unit.
 */
import { describe, expect, it } from 'vitest';
import {
  caseloadRows,
  closureFigureId,
  closureOfFigureId,
  closuresInPeriod,
  computeHalfYear,
  DEFAULT_REPORT_CONVENTIONS,
  HALF_YEAR_FIGURES,
  parsePeriod,
  periodNotEndedWarning,
  type ReportCase,
  type ReportConventions,
  type ReportFacts,
  type StaffRow,
  withCaseloadAtPeriodEnd,
} from '../../shared/reports/index';

function kase(caseId: string, familyId: string, over: Partial<ReportCase> = {}): ReportCase {
  return {
    caseId,
    familyId,
    track: 'general',
    source: 'social-worker',
    state: 'REALIZACJA',
    assistantId: 'u1',
    assignedOn: '2025-06-01',
    consentOn: '2025-06-05',
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
 *  P  child placed 1.09.2025, back home 15.03.2026           -> in care in 2025-H2 and 2026-H1, not in 2026-H2
 *  Q  child placed 1.08.2026 (today's flag: in care)          -> not in 2026-H1; in 2026-H2
 *  S  case opened for a child in foster care (S7), nothing recorded -> counted by its source, warning
 *  T  S7 case whose child came home 10.12.2025                 -> history decides: not in 2026-H1
 *  U  child in care, no placement date                        -> not counted, warning
 *  V  one family, two cases (general + Za życiem); a child born 10.09.2026 -> one family; baby not in 2026-H1
 */
function facts(): ReportFacts {
  return {
    cases: [
      kase('p1', 'fP'),
      kase('q1', 'fQ'),
      kase('s1', 'fS', { source: 'child-in-foster-care' }),
      kase('t1', 'fT', { source: 'child-in-foster-care' }),
      kase('u1c', 'fU'),
      kase('v1', 'fV', { closedOn: '2026-05-31', closureReason: 'CEL', state: 'MONITORING' }),
      kase('v2', 'fV', { track: 'za-zyciem', source: 'za-zyciem', assignedOn: '2026-03-01', consentOn: '2026-03-02' }),
    ],
    children: [
      { familyId: 'fP', memberId: 'p-kid', birthDate: '2014-01-01', fosterCare: [{ since: '2025-09-01', until: '2026-03-15' }] },
      { familyId: 'fP', memberId: 'p-kid2', birthDate: '2016-01-01', fosterCare: [] },
      { familyId: 'fQ', memberId: 'q-kid', birthDate: '2015-01-01', fosterCare: [{ since: '2026-08-01', until: null }] },
      { familyId: 'fS', memberId: 's-kid', birthDate: '2017-01-01', fosterCare: [] },
      { familyId: 'fT', memberId: 't-kid', birthDate: '2013-01-01', fosterCare: [{ since: '2025-02-01', until: '2025-12-10' }] },
      { familyId: 'fU', memberId: 'u-kid', birthDate: '2012-01-01', fosterCare: [{ since: null, until: null }] },
      { familyId: 'fV', memberId: 'v-kid', birthDate: '2010-05-05', fosterCare: [] },
      { familyId: 'fV', memberId: 'v-baby', birthDate: '2026-09-10', fosterCare: [] },
      { familyId: 'fV', memberId: 'v-teen', birthDate: '2008-03-01', fosterCare: [] },
    ],
    staff: [{ id: 'u1', role: 'assistant', active: true, personalLimit: null }],
    supporting: [],
    reimbursements: [],
  };
}

const run = (period: string, conv: Partial<ReportConventions> = {}, f = facts()) => {
  const r = computeHalfYear(f, parsePeriod(period), { ...DEFAULT_REPORT_CONVENTIONS, ...conv });
  const by = new Map(r.figures.map((x) => [x.id, x]));
  return { r, v: (id: string) => by.get(id)!.value, items: (id: string) => by.get(id)!.items, cases: (id: string) => by.get(id)!.caseIds };
};

describe('foster care as of the period, from the placement history and the case\'s source', () => {
  it('2026-H1: P (back home on 15.03) and S (opened for that reason, nothing recorded); not Q (placed in August), T (home since December), U (no date)', () => {
    const f = run('2026-H1');
    expect(f.cases('families_foster_care')).toEqual(['p1', 's1']);
    expect(f.v('children_foster_care')).toBe(1);
    expect(f.items('children_foster_care').map((i) => i.memberId)).toEqual(['p-kid']);
  });
  it('2026-H2: Q is in care (placed 01.08), P is not (home since March) — today\'s flag alone would say otherwise', () => {
    const f = run('2026-H2');
    expect(f.cases('families_foster_care')).toEqual(['q1', 's1']);
    expect(f.items('children_foster_care').map((i) => i.memberId)).toEqual(['q-kid']);
  });
  it('2025-H2: P and T were in care; S counted by its source', () => {
    expect(run('2025-H2').cases('families_foster_care')).toEqual(['p1', 's1', 't1']);
  });
  it('warnings: the S7 case without a placement, the placement without a date', () => {
    const w = run('2026-H1').r.warnings;
    expect(w.map((x) => [x.code, x.caseIds])).toEqual([
      ['FOSTER_SOURCE_NO_PLACEMENT', ['s1']],
      ['FOSTER_PLACEMENT_UNDATED', ['u1c']],
    ]);
    expect(w[0]!.message).toContain('uzupełnij miejsce pobytu dziecka');
  });
});

describe('children as of the period', () => {
  const kidsOfV = (period: string) => run(period).items('children_total').filter((i) => i.caseIds.includes('v2')).map((i) => i.memberId);
  it('a child born on 10.09.2026 is not counted in 2026-H1, only from 2026-H2', () => {
    expect(kidsOfV('2026-H1')).not.toContain('v-baby');
    expect(kidsOfV('2026-H2')).toContain('v-baby');
  });
  it('a child who turns 18 on 01.03.2026 is a child in 2026-H1 (a minor for part of it), not in 2026-H2', () => {
    expect(kidsOfV('2026-H1')).toEqual(['v-kid', 'v-teen']);
    expect(kidsOfV('2026-H2')).toEqual(['v-baby', 'v-kid']);
  });
});

describe('the caseload on the last day of the period replaces the half-year average', () => {
  it('families with work on 30.06: V counts once (v2 still open) though v1 ended in May', () => {
    const f = run('2026-H1');
    expect(f.v('families_at_period_end')).toBe(6);
    const v = f.items('families_at_period_end').find((i) => i.caseIds.includes('v2'))!;
    expect(v.caseIds).toEqual(['v2']);
    expect(HALF_YEAR_FIGURES.some((d) => d.unit === 'ratio')).toBe(false);
  });
});

describe('the annual caseload per assistant is the figure 2.5 list split by assistant', () => {
  // u1 has every case of facts(); the year-end adds: W (u2, open), X (u3, since left, open at 31.12.2025
  // and closed in 2026), Y (u2, closed on 15.12.2025). V's row in the list is its Za życiem case v2.
  const staff: StaffRow[] = [
    { id: 'u1', fullName: 'Anna Kowal', role: 'assistant', active: true, personalLimit: null },
    { id: 'u2', fullName: 'Beata Nowicka', role: 'assistant', active: true, personalLimit: 12 },
    { id: 'u3', fullName: 'Cezary Lis', role: 'assistant', active: false, personalLimit: null },
  ];
  const more = (): ReportFacts => {
    const f = facts();
    return {
      ...f,
      cases: [
        ...f.cases,
          kase('w1', 'fW', { assistantId: 'u2', assignedOn: '2025-11-01', consentOn: '2025-11-03' }),
        kase('x1', 'fX', { assistantId: 'u3', assignedOn: '2025-03-01', consentOn: '2025-03-02', closedOn: '2026-02-28', closureReason: 'CEL', state: 'ZAMKNIETA' }),
        kase('y1', 'fY', { assistantId: 'u2', assignedOn: '2025-03-01', consentOn: '2025-03-02', closedOn: '2025-12-15', closureReason: 'CEL', state: 'ZAMKNIETA' }),
      ],
    };
  };
  const caseload = (period: string) => {
    const f = more();
    const half = computeHalfYear(f, parsePeriod(period), DEFAULT_REPORT_CONVENTIONS);
    const rows = withCaseloadAtPeriodEnd(caseloadRows(f.cases, staff, false), half, f.cases, staff);
    return { rows, figure: half.figures.find((x) => x.id === 'families_at_period_end')!.value, at: (id: string) => rows.find((r) => r.assistantId === id)?.atPeriodEnd };
  };
  it('on 31.12.2025: u1 has P, S, T, U, Q and V (six), u2 has W (Y ended on 15.12), u3 — who has left since — has X', () => {
    const c = caseload('2025');
    expect([c.at('u1'), c.at('u2'), c.at('u3')]).toEqual([6, 1, 1]);
    expect(c.rows.reduce((a, r) => a + r.atPeriodEnd, 0)).toBe(c.figure);
    expect(c.rows.find((r) => r.assistantId === 'u3')).toMatchObject({ fullName: 'Cezary Lis', count: 0 });
  });
  it('on 30.06.2026: X has ended, so u3 has no row; the rows still add up to the figure', () => {
    const c = caseload('2026-H1');
    expect([c.at('u1'), c.at('u2'), c.at('u3')]).toEqual([6, 1, undefined]);
    expect(c.rows.reduce((a, r) => a + r.atPeriodEnd, 0)).toBe(c.figure);
  });
});

describe('the annual closures by reason are lists of cases', () => {
  it('every case closed in the period, by its reason (also one closed before any work), none from outside it', () => {
    const cases = [
      kase('a', 'fA', { closedOn: '2026-02-01', closureReason: 'CEL' }),
      kase('b', 'fB', { closedOn: '2026-12-31', closureReason: 'CEL' }),
      kase('c', 'fC', { closedOn: '2025-12-31', closureReason: 'CEL' }),
      kase('d', 'fD', { closedOn: '2026-03-03', closureReason: 'ODMOWA_PRZYDZIELENIA', consentOn: null }),
      kase('e', 'fE', { closedOn: '2026-05-05', closureReason: null }),
    ];
    expect(Object.fromEntries(closuresInPeriod(cases, parsePeriod('2026')))).toEqual({ CEL: ['a', 'b'], ODMOWA_PRZYDZIELENIA: ['d'], '': ['e'] });
  });
  it('the list id of a reason names a file safely and reads back', () => {
    expect(closureFigureId('ODMOWA_PRZYDZIELENIA')).toBe('closures-ODMOWA_PRZYDZIELENIA');
    expect(closureFigureId('')).toBe('closures-none');
    expect([closureOfFigureId('closures-ODMOWA_PRZYDZIELENIA'), closureOfFigureId('closures-none'), closureOfFigureId('closures-a:b'), closureOfFigureId('families_supported')]).toEqual(['ODMOWA_PRZYDZIELENIA', '', null, null]);
  });
});

describe('a period that has not ended', () => {
  it('on 22.11.2026 the second half-year is still running: a notice with its end and due date; the first is not', () => {
    const w = periodNotEndedWarning(parsePeriod('2026-H2'), '2026-11-22');
    expect(w?.code).toBe('PERIOD_NOT_ENDED');
    expect(w?.message).toBe(
      'Okres sprawozdawczy jeszcze trwa (kończy się 31.12.2026 r.). Liczby są stanem na 22.11.2026 r. i zmienią się do końca okresu — sprawozdanie sporządza się po jego zakończeniu (termin: 31.01.2027 r.).',
    );
    expect(periodNotEndedWarning(parsePeriod('2026-H2'), '2026-12-31')).not.toBeNull();
    expect(periodNotEndedWarning(parsePeriod('2026-H1'), '2026-11-22')).toBeNull();
  });
});

describe('every count has exactly one drill-down item per counted unit', () => {
  const conventions: Array<Partial<ReportConventions>> = [{}, { unit: 'case' }, { childrenIncludeFosterCare: false }, { monitoringCountsAsSupported: true }, { durationOf: 'supported' }];
  for (const period of ['2025-H2', '2026-H1', '2026-H2', '2026']) {
    for (const conv of conventions) {
      it(`${period} ${JSON.stringify(conv)}`, () => {
        const { r } = run(period, conv);
        for (const d of HALF_YEAR_FIGURES) {
          const f = r.figures.find((x) => x.id === d.id)!;
          if (d.drill === 'families' && d.unit !== 'amount-gr') expect(f.items.length, d.id).toBe(f.value);
          if (d.drill === 'assistants') expect(f.userIds.length, d.id).toBe(f.value);
        }
      });
    }
  }
});
