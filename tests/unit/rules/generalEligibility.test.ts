import { describe, it, expect } from 'vitest';
import { checkGeneralEligibility, findingsBlock, isMinorOn } from '../../../shared/rules/index';
import type { GeneralEligibilityFacts } from '../../../shared/rules/index';

const base: GeneralEligibilityFacts = {
  asOf: '2026-03-05',
  source: 'social-worker',
  children: [
    { birthDate: '2018-06-01', placement: 'home' }, // 7
    { birthDate: '2013-09-15', placement: 'home' }, // 12
  ],
  careDifficultiesFound: true,
  consent: 'written',
};
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe('ustawa o wspieraniu rodziny, art. 8 and 11: general support', () => {
  it('T15: mother + 2 children (7 and 12), difficulties found, written consent -> eligible on written consent', () => {
    const r = checkGeneralEligibility(base);
    expect(r.eligible).toBe(true);
    expect(r.consentBasis).toBe('written-consent');
    expect(findingsBlock(r.findings)).toBe(false);
  });
  it.each(['social-worker', 'family-request', 'institution'] as const)(
    'art. 8 ust. 3: refusal of consent for source %s -> not eligible',
    (source) => {
      const r = checkGeneralEligibility({ ...base, source, consent: 'refused' });
      expect(r.eligible).toBe(false);
      expect(r.consentBasis).toBeNull();
      const f = r.findings.find((x) => x.code === 'CONSENT_REFUSED');
      expect(f?.severity).toBe('blocker');
      expect(f?.basis).toBe('art. 8 ust. 3 ustawy o wspieraniu rodziny i systemie pieczy zastępczej');
    },
  );
  it('art. 8 ust. 3: consent still pending does not stop the assignment, but warns', () => {
    const r = checkGeneralEligibility({ ...base, consent: 'pending' });
    expect(r.eligible).toBe(true);
    expect(r.consentBasis).toBeNull();
    expect(r.findings.find((f) => f.code === 'CONSENT_PENDING')?.severity).toBe('warning');
  });
  it('T18 / art. 109 § 2 pkt 1 KRO: a court order replaces consent; refusal does not matter', () => {
    const r = checkGeneralEligibility({
      ...base,
      source: 'court-order',
      consent: 'refused',
      courtOrder: { court: 'Sąd Rejonowy w Kielcach', caseRef: 'III Nsm 123/26', date: '2026-02-10' },
    });
    expect(r.eligible).toBe(true);
    expect(r.consentBasis).toBe('court-order');
    expect(codes(r)).toContain('COURT_ORDER_REFUSAL_NOT_BINDING');
    expect(r.findings.find((f) => f.code === 'CONSENT_REPLACED_BY_COURT_ORDER')?.message).toContain('III Nsm 123/26');
  });
  it('art. 109 KRO: a court-order referral without the order details is blocked', () => {
    const r = checkGeneralEligibility({ ...base, source: 'court-order', consent: 'refused' });
    expect(r.eligible).toBe(false);
    expect(r.consentBasis).toBeNull();
    const f = r.findings.find((x) => x.code === 'COURT_ORDER_DETAILS_MISSING');
    expect(f?.severity).toBe('blocker');
    expect(f?.message).toContain('sygnatura akt');
  });
  it('art. 109 KRO: partially filled order details name what is missing', () => {
    const r = checkGeneralEligibility({
      ...base,
      source: 'court-order',
      consent: 'pending',
      courtOrder: { court: 'Sąd Rejonowy w Kielcach', caseRef: '  ', date: '2026-02-10' },
    });
    expect(r.eligible).toBe(false);
    const f = r.findings.find((x) => x.code === 'COURT_ORDER_DETAILS_MISSING');
    expect(f?.message).toContain('sygnatura akt');
    expect(f?.message).not.toContain('nazwa sądu');
  });
  it('art. 109 KRO: a court order dated after the check date is blocked', () => {
    const r = checkGeneralEligibility({
      ...base,
      source: 'court-order',
      courtOrder: { court: 'SR', caseRef: 'III Nsm 1/26', date: '2026-04-01' },
    });
    expect(r.eligible).toBe(false);
    expect(codes(r)).toContain('COURT_ORDER_DATE_AFTER_AS_OF');
  });
  it('a court order with an impossible date is a RangeError', () => {
    expect(() =>
      checkGeneralEligibility({ ...base, source: 'court-order', courtOrder: { court: 'SR', caseRef: 'x', date: '2026-02-30' } }),
    ).toThrow(RangeError);
  });
  it('art. 11 ust. 1a: a minor parent leaving an institution gets an assistant; the family cannot refuse', () => {
    const r = checkGeneralEligibility({ ...base, source: 'minor-parent-leaving-institution', consent: 'refused' });
    expect(r.eligible).toBe(true);
    expect(r.consentBasis).toBe('art-11-1a');
    expect(codes(r)).toContain('ASSIGNMENT_MANDATORY_ART_11_1A');
    expect(codes(r)).toContain('ART_11_1A_REFUSAL_NOT_BINDING');
  });
  it('art. 11 ust. 1a: the mandatory assignment does not depend on the social worker finding difficulties', () => {
    const r = checkGeneralEligibility({ ...base, source: 'minor-parent-leaving-institution', careDifficultiesFound: false });
    expect(r.eligible).toBe(true);
    expect(codes(r)).toContain('NO_CARE_DIFFICULTIES_ART_11_1A');
  });
  it('art. 8 ust. 1, art. 11 ust. 2: no care and upbringing difficulties found -> not eligible', () => {
    const r = checkGeneralEligibility({ ...base, careDifficultiesFound: false });
    expect(r.eligible).toBe(false);
    expect(codes(r)).toContain('NO_CARE_DIFFICULTIES');
  });
  it('art. 8 ust. 1: a family with no children is not eligible; a pregnant woman is routed to Za życiem', () => {
    const r = checkGeneralEligibility({ ...base, children: [] });
    expect(r.eligible).toBe(false);
    expect(codes(r)).toEqual(expect.arrayContaining(['NO_MINOR_CHILDREN', 'CONSIDER_ZA_ZYCIEM']));
    expect(r.findings.find((f) => f.code === 'CONSIDER_ZA_ZYCIEM')?.severity).toBe('info');
  });
  it('only adult children -> not eligible (a child turns 18 on the 18th birthday)', () => {
    const r = checkGeneralEligibility({ ...base, asOf: '2026-03-05', children: [{ birthDate: '2008-03-05', placement: 'home' }] });
    expect(r.eligible).toBe(false);
    const r2 = checkGeneralEligibility({ ...base, asOf: '2026-03-04', children: [{ birthDate: '2008-03-05', placement: 'home' }] });
    expect(r2.eligible).toBe(true);
  });
  it('a child not yet born on the check date is not counted', () => {
    const r = checkGeneralEligibility({ ...base, children: [{ birthDate: '2026-05-01', placement: 'home' }] });
    expect(r.eligible).toBe(false);
    expect(codes(r)).toContain('CHILD_BIRTH_DATE_AFTER_AS_OF');
  });
  it('art. 10 ust. 4 (T20): a child temporarily in foster care keeps the family eligible', () => {
    const r = checkGeneralEligibility({ ...base, children: [{ birthDate: '2019-01-20', placement: 'foster-care' }] });
    expect(r.eligible).toBe(true);
    expect(codes(r)).toContain('CHILD_IN_FOSTER_CARE');
  });
  it('isMinorOn follows art. 112 KC for a child born on 29 February', () => {
    expect(isMinorOn('2008-02-29', '2026-02-27')).toBe(true);
    expect(isMinorOn('2008-02-29', '2026-02-28')).toBe(false);
  });
  it('rejects impossible dates', () => {
    expect(() => checkGeneralEligibility({ ...base, asOf: '2026-02-30' })).toThrow(RangeError);
    expect(() => checkGeneralEligibility({ ...base, children: [{ birthDate: '2019-13-01', placement: 'home' }] })).toThrow(RangeError);
  });
  it('eligible is always the absence of blockers', () => {
    const variants: GeneralEligibilityFacts[] = [
      base,
      { ...base, consent: 'refused' },
      { ...base, source: 'court-order' },
      { ...base, children: [] },
      { ...base, careDifficultiesFound: false, consent: 'pending' },
    ];
    for (const v of variants) {
      const r = checkGeneralEligibility(v);
      expect(r.eligible).toBe(!findingsBlock(r.findings));
    }
  });
});
