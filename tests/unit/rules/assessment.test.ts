import { describe, it, expect } from 'vitest';
import { ASSESSMENT_AREAS, validateAssessment, compareAssessments, findingsBlock, RATING_LABELS } from '../../../shared/rules/index';
import type { AssessmentDraft, Rating } from '../../../shared/rules/index';

const full = (rating: Rating = 0, over: Partial<AssessmentDraft> = {}): AssessmentDraft => ({
  kind: 'periodic',
  assessedOn: '2026-09-10',
  areas: Object.fromEntries(ASSESSMENT_AREAS.map((a) => [a.code, { rating, justification: 'Obserwacja podczas wizyt.' }])),
  ...over,
});
const codes = (f: { code: string }[]) => f.map((x) => x.code);

describe('domain §5.3: the assessment grid', () => {
  it('has the eleven Polish areas in display order', () => {
    expect(ASSESSMENT_AREAS.map((a) => a.label)).toEqual([
      'Warunki mieszkaniowe i bytowe',
      'Sytuacja materialna, gospodarowanie budżetem',
      'Praca i kwalifikacje dorosłych',
      'Kompetencje opiekuńczo-wychowawcze',
      'Zdrowie i uzależnienia dorosłych',
      'Relacje i komunikacja w rodzinie',
      'Bezpieczeństwo dziecka / przemoc',
      'Funkcjonowanie dziecka',
      'Sieć wsparcia i aktywność społeczna',
      'Sytuacja prawna dzieci / powrót z pieczy',
      'Gospodarstwo domowe i sprawy urzędowe',
    ]);
  });
  it('area codes are unique, stable SCREAMING_SNAKE_CASE', () => {
    const c = ASSESSMENT_AREAS.map((a) => a.code);
    expect(new Set(c).size).toBe(c.length);
    for (const x of c) expect(x).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });
  it('the scale has six points, +2 … −3, with Polish labels', () => {
    expect(Object.keys(RATING_LABELS).map(Number).sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2]);
    expect(RATING_LABELS[-3]).toBe('poważny problem');
  });
});

describe('art. 15 ust. 1 pkt 15: validating an assessment', () => {
  it('every area rated and justified -> no findings', () => {
    expect(validateAssessment(full())).toEqual([]);
    for (const r of [-3, -2, -1, 0, 1, 2] as const) expect(validateAssessment(full(r))).toEqual([]);
  });
  it('an area may be left out only with a reason', () => {
    const a = full();
    a.areas.CHILDREN_LEGAL_SITUATION = { notAssessedReason: 'Dzieci nie są objęte postępowaniem sądowym.' };
    expect(validateAssessment(a)).toEqual([]);
  });
  it('an area neither rated nor given a reason is blocked (missing key, blank reason)', () => {
    const a = full();
    delete a.areas.HOUSING;
    a.areas.WORK = { notAssessedReason: '  ' };
    const f = validateAssessment(a);
    expect(codes(f)).toEqual(['ASSESSMENT_AREA_NOT_ASSESSED', 'ASSESSMENT_AREA_NOT_ASSESSED']);
    expect(f[0]?.message).toBe('Obszar „Warunki mieszkaniowe i bytowe” nie został oceniony i nie podano powodu.');
    expect(findingsBlock(f)).toBe(true);
  });
  it('an empty assessment lists all eleven areas', () => {
    expect(validateAssessment({ kind: 'initial', assessedOn: '2026-04-01', areas: {} })).toHaveLength(11);
  });
  it('an unknown area code is blocked', () => {
    const a = full();
    a.areas.ZDROWIE_PSA = { rating: 0, justification: 'x' };
    const f = validateAssessment(a);
    expect(codes(f)).toEqual(['ASSESSMENT_UNKNOWN_AREA']);
    expect(f[0]?.message).toContain('ZDROWIE_PSA');
  });
  it.each([3, -4, 0.5, Number.NaN])('a rating outside −3…+2 (%s) is blocked', (rating) => {
    const a = full();
    a.areas.FINANCES = { rating: rating as Rating, justification: 'x' };
    const f = validateAssessment(a);
    expect(codes(f)).toEqual(['ASSESSMENT_RATING_OUT_OF_SCALE']);
    expect(f[0]?.severity).toBe('blocker');
  });
  it('a rated area with an empty justification is blocked', () => {
    const a = full();
    a.areas.PARENTING = { rating: -2, justification: '' };
    a.areas.ADULT_HEALTH = { rating: 1, justification: ' \n ' };
    const f = validateAssessment(a);
    expect(codes(f)).toEqual(['ASSESSMENT_JUSTIFICATION_MISSING', 'ASSESSMENT_JUSTIFICATION_MISSING']);
    expect(f[0]?.message).toContain('Kompetencje opiekuńczo-wychowawcze');
  });
  it('an impossible date is a RangeError', () => {
    expect(() => validateAssessment(full(0, { assessedOn: '2026-06-31' }))).toThrow(RangeError);
  });
});

describe('comparing assessments (change scores)', () => {
  it('counts improved, worsened and unchanged areas, rated in both', () => {
    const prev = full(-1, { kind: 'initial', assessedOn: '2026-03-20' });
    const cur = full(-1);
    cur.areas.HOUSING = { rating: 1, justification: 'Remont.' }; // +2
    cur.areas.FINANCES = { rating: -3, justification: 'Zadłużenie.' }; // -2
    cur.areas.WORK = { notAssessedReason: 'Brak danych.' }; // not compared
    const r = compareAssessments(prev, cur);
    expect(r.changes).toHaveLength(10);
    expect(r.changes[0]).toEqual({ code: 'HOUSING', from: -1, to: 1, delta: 2 });
    expect(r.changes[1]).toEqual({ code: 'FINANCES', from: -1, to: -3, delta: -2 });
    expect(r.changes.some((c) => c.code === 'WORK')).toBe(false);
    expect(r).toMatchObject({ improved: 1, worsened: 1, unchanged: 8 });
  });
  it('areas rated in only one assessment are ignored; the counts add up to the changes', () => {
    const prev: AssessmentDraft = { kind: 'initial', assessedOn: '2026-03-20', areas: { HOUSING: { rating: -2, justification: 'a' } } };
    const cur: AssessmentDraft = { kind: 'final', assessedOn: '2026-10-01', areas: { WORK: { rating: 1, justification: 'b' } } };
    expect(compareAssessments(prev, cur)).toEqual({ changes: [], improved: 0, worsened: 0, unchanged: 0 });
  });
  it('follows the grid order whatever the key order of the input', () => {
    const prev: AssessmentDraft = {
      kind: 'initial',
      assessedOn: '2026-03-20',
      areas: { HOUSEHOLD: { rating: 0, justification: 'a' }, HOUSING: { rating: 0, justification: 'a' } },
    };
    const cur: AssessmentDraft = { ...prev, assessedOn: '2026-09-20' };
    expect(compareAssessments(prev, cur).changes.map((c) => c.code)).toEqual(['HOUSING', 'HOUSEHOLD']);
  });
});
