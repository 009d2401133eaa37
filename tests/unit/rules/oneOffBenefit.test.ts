import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  oneOffBenefitDeadline,
  checkOneOffBenefit,
  addMonthsClamped,
  addDays,
  shiftToNextWorkingDay,
  isWorkingDay,
  daysBetween,
  findingsBlock,
  ONE_OFF_BENEFIT_AMOUNT_PLN,
} from '../../../shared/rules/index';
import type { OneOffBenefitFacts, Art43Certificate } from '../../../shared/rules/index';
import { isoDateArb } from './arbitraries';

const cert: Art43Certificate = {
  nfzContracted: true,
  qualification: 'specialist-title',
  field: 'perinatology',
  issuedOn: '2025-06-20',
  condition: 'incurable-life-threatening-illness',
  origin: 'prenatal',
};
const mother = (over: Partial<OneOffBenefitFacts> = {}, child: Partial<OneOffBenefitFacts['child']> = {}): OneOffBenefitFacts => ({
  applicationDate: '2025-09-01',
  applicantRole: 'mother',
  child: { birthDate: '2025-06-15', bornAlive: true, placedInFosterCareOrFreeDps: false, ...child },
  certificate: cert,
  medicalCareFromWeek10: true,
  ...over,
});
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe('art. 10 ustawy „Za życiem” + KPA art. 57 § 3 and § 5: the 12-month deadline of the 4000 zł benefit', () => {
  it('the benefit is 4000 zł', () => expect(ONE_OFF_BENEFIT_AMOUNT_PLN).toBe(4000));
  it('a child born 15 June 2025: the parents apply by Monday 15 June 2026', () => {
    expect(oneOffBenefitDeadline(mother())).toBe('2026-06-15');
  });
  it('born 1 January 2025 (Mały Płock example): 1 January 2026 is a holiday -> Friday 2 January 2026', () => {
    expect(oneOffBenefitDeadline(mother({}, { birthDate: '2025-01-01' }))).toBe('2026-01-02');
  });
  it('born 29 February 2024: clamped to Friday 28 February 2025', () => {
    expect(oneOffBenefitDeadline(mother({}, { birthDate: '2024-02-29' }))).toBe('2025-02-28');
  });
  it('born 30 May 2025: 30 May 2026 is a Saturday -> Monday 1 June 2026', () => {
    expect(oneOffBenefitDeadline(mother({ applicantRole: 'father' }, { birthDate: '2025-05-30' }))).toBe('2026-06-01');
  });
  it('born 24 December 2024: 24 December 2025 is a holiday (new), then 25–26 and the weekend -> Monday 29 December 2025', () => {
    expect(oneOffBenefitDeadline(mother({}, { birthDate: '2024-12-24' }))).toBe('2025-12-29');
  });
  it('born 24 December 2023: 24 December 2024 was still a working day -> Tuesday 24 December 2024', () => {
    expect(oneOffBenefitDeadline(mother({}, { birthDate: '2023-12-24' }))).toBe('2024-12-24');
  });
  it('born 5 April 2025: 5 April 2026 is Easter Sunday, Monday is Easter Monday -> Tuesday 7 April 2026', () => {
    expect(oneOffBenefitDeadline(mother({}, { birthDate: '2025-04-05' }))).toBe('2026-04-07');
  });
  it('guardians: 12 months from taking the child into care, shifted to a working day', () => {
    const f = mother({ applicantRole: 'legal-guardian', careTakenOn: '2025-05-31', medicalCareFromWeek10: undefined }, { birthDate: '2020-01-01' });
    expect(oneOffBenefitDeadline(f)).toBe('2026-06-01'); // 31 May 2026 is a Sunday
  });
  it('guardians are capped the day before the child’s 18th birthday', () => {
    const f = mother({ applicantRole: 'adoptive-parent', careTakenOn: '2025-11-20' }, { birthDate: '2008-06-10' });
    expect(oneOffBenefitDeadline(f)).toBe('2026-06-09');
  });
  it('the cap itself is not shifted, even to a Sunday and a holiday (1 November 2026)', () => {
    const f = mother({ applicantRole: 'de-facto-guardian', careTakenOn: '2026-01-15' }, { birthDate: '2008-11-02' });
    expect(oneOffBenefitDeadline(f)).toBe('2026-11-01');
  });
  it('a child born on 29 February reaches 18 on 28 February in a common year (art. 112 KC): cap 27 February', () => {
    const f = mother({ applicantRole: 'legal-guardian', careTakenOn: '2025-10-01' }, { birthDate: '2008-02-29' });
    expect(oneOffBenefitDeadline(f)).toBe('2026-02-27');
  });
  it('parents are never capped and never use careTakenOn', () => {
    expect(oneOffBenefitDeadline(mother({ careTakenOn: '2025-12-01' }))).toBe('2026-06-15');
  });
  it('a guardian without careTakenOn: the deadline cannot be computed (RangeError)', () => {
    expect(() => oneOffBenefitDeadline(mother({ applicantRole: 'legal-guardian' }))).toThrow(RangeError);
  });
  it('an impossible date is a RangeError', () => {
    expect(() => oneOffBenefitDeadline(mother({}, { birthDate: '2025-02-29' }))).toThrow(RangeError);
  });
  it('property: the parents’ deadline is a working day, at or just after birth + 12 months', () => {
    fc.assert(
      fc.property(isoDateArb('2000-01-01', '2090-12-31'), (birthDate) => {
        const d = oneOffBenefitDeadline(mother({}, { birthDate }));
        const base = addMonthsClamped(birthDate, 12);
        expect(isWorkingDay(d)).toBe(true);
        expect(d >= base).toBe(true);
        expect(daysBetween(base, d)).toBeLessThanOrEqual(5); // Sat 22 Dec -> Thu 27 Dec since 2025
      }),
    );
  });
  it('property: a guardian’s deadline is the earlier of the shifted 12-month term and the day before the 18th birthday', () => {
    fc.assert(
      fc.property(isoDateArb('2000-01-01', '2070-12-31'), fc.integer({ min: 0, max: 6500 }), (birthDate, offset) => {
        const careTakenOn = addDays(birthDate, offset);
        const d = oneOffBenefitDeadline(mother({ applicantRole: 'legal-guardian', careTakenOn }, { birthDate }));
        const term = shiftToNextWorkingDay(addMonthsClamped(careTakenOn, 12));
        const cap = addDays(addMonthsClamped(birthDate, 216), -1);
        expect(d <= term && d <= cap).toBe(true);
        expect(d === term || d === cap).toBe(true);
      }),
    );
  });
});

describe('art. 10 ustawy „Za życiem”: pre-check of the one-off 4000 zł benefit', () => {
  it('a mother with a valid certificate and care from week 10, in time -> eligible', () => {
    const r = checkOneOffBenefit(mother());
    expect(r.eligible).toBe(true);
    expect(r.deadline).toBe('2026-06-15');
    expect(findingsBlock(r.findings)).toBe(false);
    expect(r.findings.find((f) => f.code === 'BENEFIT_DEADLINE')?.message).toContain('15.06.2026');
  });
  it('a stillborn child gives no right to the benefit (but Za życiem counselling, ZZ5)', () => {
    const r = checkOneOffBenefit(mother({}, { bornAlive: false }));
    expect(r.eligible).toBe(false);
    expect(codes(r)).toContain('BENEFIT_CHILD_NOT_BORN_ALIVE');
  });
  it('parents need the 10th-week medical-care certificate; missing or unknown -> not eligible', () => {
    expect(codes(checkOneOffBenefit(mother({ medicalCareFromWeek10: false })))).toContain('BENEFIT_MEDICAL_CARE_WEEK10_MISSING');
    expect(checkOneOffBenefit(mother({ medicalCareFromWeek10: undefined })).eligible).toBe(false);
    expect(checkOneOffBenefit(mother({ applicantRole: 'father', medicalCareFromWeek10: false })).eligible).toBe(false);
  });
  it.each(['legal-guardian', 'de-facto-guardian', 'adoptive-parent'] as const)(
    '%s does not need the 10th-week certificate',
    (applicantRole) => {
      const r = checkOneOffBenefit(
        mother({ applicantRole, careTakenOn: '2025-08-01', medicalCareFromWeek10: false, applicationDate: '2025-09-01' }),
      );
      expect(r.eligible).toBe(true);
      expect(r.deadline).toBe('2026-08-03'); // 1 Aug 2026 is a Saturday
    },
  );
  it('a de facto guardian is reminded of the adoption application to court', () => {
    const r = checkOneOffBenefit(mother({ applicantRole: 'de-facto-guardian', careTakenOn: '2025-08-01' }));
    expect(codes(r)).toContain('BENEFIT_DE_FACTO_GUARDIAN_ADOPTION_APPLICATION');
  });
  it('no certificate, or an invalid one -> not eligible', () => {
    expect(codes(checkOneOffBenefit(mother({ certificate: undefined })))).toContain('BENEFIT_CERTIFICATE_MISSING');
    const r = checkOneOffBenefit(mother({ certificate: { ...cert, qualification: 'specialization-I' } }));
    expect(r.eligible).toBe(false);
    expect(codes(r)).toEqual(expect.arrayContaining(['BENEFIT_CERTIFICATE_INVALID', 'CERT_QUALIFICATION_INSUFFICIENT']));
  });
  it('a child placed in foster care or in a free DPS -> not eligible', () => {
    const r = checkOneOffBenefit(mother({}, { placedInFosterCareOrFreeDps: true }));
    expect(r.eligible).toBe(false);
    expect(codes(r)).toContain('BENEFIT_CHILD_IN_FOSTER_CARE_OR_DPS');
  });
  it('applying on the deadline is in time; the day after is late ("pozostawia się bez rozpoznania")', () => {
    expect(checkOneOffBenefit(mother({ applicationDate: '2026-06-15' })).eligible).toBe(true);
    const late = checkOneOffBenefit(mother({ applicationDate: '2026-06-16' }));
    expect(late.eligible).toBe(false);
    expect(late.findings.find((f) => f.code === 'BENEFIT_APPLICATION_LATE')?.message).toContain('bez rozpoznania');
  });
  it('applying on the shifted day (2 January 2026 for a child born 1 January 2025) is in time', () => {
    expect(checkOneOffBenefit(mother({ applicationDate: '2026-01-02' }, { birthDate: '2025-01-01' })).eligible).toBe(true);
    expect(checkOneOffBenefit(mother({ applicationDate: '2026-01-05' }, { birthDate: '2025-01-01' })).eligible).toBe(false);
  });
  it('an application before the birth is not possible', () => {
    expect(codes(checkOneOffBenefit(mother({ applicationDate: '2025-06-01' })))).toContain('BENEFIT_APPLICATION_BEFORE_BIRTH');
  });
  it('a guardian without careTakenOn: blocker asking for the date; the deadline shown is the outer limit', () => {
    const r = checkOneOffBenefit(mother({ applicantRole: 'legal-guardian' }, { birthDate: '2020-03-10' }));
    expect(r.eligible).toBe(false);
    expect(codes(r)).toContain('BENEFIT_CARE_DATE_MISSING');
    expect(r.deadline).toBe('2038-03-09');
  });
  it('a guardian: care taken before the birth or after the 18th birthday is rejected', () => {
    expect(codes(checkOneOffBenefit(mother({ applicantRole: 'legal-guardian', careTakenOn: '2025-06-01' })))).toContain(
      'BENEFIT_CARE_DATE_BEFORE_BIRTH',
    );
    const adult = checkOneOffBenefit(
      mother({ applicantRole: 'legal-guardian', careTakenOn: '2026-06-10', applicationDate: '2026-06-11' }, { birthDate: '2008-06-10' }),
    );
    expect(adult.eligible).toBe(false);
    expect(codes(adult)).toContain('BENEFIT_CARE_AFTER_ADULTHOOD');
  });
  it('a guardian capped at 18 is told so', () => {
    const r = checkOneOffBenefit(
      mother({ applicantRole: 'adoptive-parent', careTakenOn: '2025-11-20', applicationDate: '2026-01-10' }, { birthDate: '2008-06-10' }),
    );
    expect(r.deadline).toBe('2026-06-09');
    expect(codes(r)).toContain('BENEFIT_DEADLINE_CAPPED_AT_18');
    expect(r.eligible).toBe(true);
  });
});
