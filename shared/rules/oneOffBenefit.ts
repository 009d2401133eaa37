import type { Finding, IsoDate } from './types';
import type { Art43Certificate } from './zaZyciem';
import { isValidArt43Certificate } from './zaZyciem';
import { addMonthsClamped, shiftToNextWorkingDay } from './calendar';
import { addDays, anniversary, assertIsoDate, minIsoDate } from './isoDate';
import { finding, findingsBlock } from './findings';

export const ONE_OFF_BENEFIT_AMOUNT_PLN = 4000;
export const ONE_OFF_BENEFIT_TERM_MONTHS = 12;

export type OneOffBenefitApplicantRole = 'mother' | 'father' | 'legal-guardian' | 'de-facto-guardian' | 'adoptive-parent';

export interface OneOffBenefitFacts {
  applicationDate: IsoDate;
  applicantRole: OneOffBenefitApplicantRole;
  child: { birthDate: IsoDate; bornAlive: boolean; placedInFosterCareOrFreeDps: boolean };
  certificate?: Art43Certificate;
  medicalCareFromWeek10?: boolean;
  /** For guardians and adopters: the day the child was taken into care or adopted. */
  careTakenOn?: IsoDate;
}

/** Guardians and adopters: the term runs from taking into care, capped at 18, no week-10 rule. */
export function isGuardianRole(role: OneOffBenefitApplicantRole): boolean {
  return role === 'legal-guardian' || role === 'de-facto-guardian' || role === 'adoptive-parent';
}

/** The day before the child's 18th birthday: the last day a guardian's term can end. */
export function dayBeforeEighteenthBirthday(birthDate: IsoDate): IsoDate {
  return addDays(anniversary(birthDate, 18), -1);
}

/** Last day to apply. The 12-month term runs from the birth (parents) or from careTakenOn
 *  (guardians and adopters); month arithmetic clamped, then shifted past Saturdays, Sundays and
 *  public holidays (KPA art. 57 § 3 and § 5). For guardians and adopters the result is then
 *  capped at the day before the child's 18th birthday (the cap itself is not shifted).
 *  Throws RangeError when a guardian's careTakenOn is missing. */
export function oneOffBenefitDeadline(facts: OneOffBenefitFacts): IsoDate {
  const birthDate = assertIsoDate(facts.child.birthDate, 'child.birthDate');
  if (!isGuardianRole(facts.applicantRole)) {
    return shiftToNextWorkingDay(addMonthsClamped(birthDate, ONE_OFF_BENEFIT_TERM_MONTHS));
  }
  if (facts.careTakenOn === undefined) {
    throw new RangeError('careTakenOn is required for a legal or de facto guardian and for an adoptive parent');
  }
  const careTakenOn = assertIsoDate(facts.careTakenOn, 'careTakenOn');
  const term = shiftToNextWorkingDay(addMonthsClamped(careTakenOn, ONE_OFF_BENEFIT_TERM_MONTHS));
  return minIsoDate(term, dayBeforeEighteenthBirthday(birthDate));
}

/**
 * Pre-check of the one-off 4000 zł benefit (domain.md §3.3). The assistant does not decide;
 * this tells the family what is missing and by when to apply. `eligible` is true exactly when
 * no finding blocks. When a guardian's careTakenOn is missing, `deadline` is the outer limit
 * (the day before the 18th birthday) and a blocker asks for the date.
 */
export function checkOneOffBenefit(facts: OneOffBenefitFacts): { eligible: boolean; deadline: IsoDate; findings: Finding[] } {
  const { applicationDate } = facts;
  assertIsoDate(applicationDate, 'applicationDate');
  const birthDate = assertIsoDate(facts.child.birthDate, 'child.birthDate');
  const guardian = isGuardianRole(facts.applicantRole);
  const findings: Finding[] = [];

  let deadline: IsoDate;
  let deadlineKnown = true;
  if (guardian && facts.careTakenOn === undefined) {
    findings.push(finding('BENEFIT_CARE_DATE_MISSING'));
    deadline = dayBeforeEighteenthBirthday(birthDate);
    deadlineKnown = false;
  } else {
    deadline = oneOffBenefitDeadline(facts);
  }

  if (!facts.child.bornAlive) findings.push(finding('BENEFIT_CHILD_NOT_BORN_ALIVE'));

  if (!facts.certificate) {
    findings.push(finding('BENEFIT_CERTIFICATE_MISSING'));
  } else {
    const check = isValidArt43Certificate(facts.certificate);
    if (!check.valid) findings.push(finding('BENEFIT_CERTIFICATE_INVALID'));
    findings.push(...check.findings);
  }

  if (!guardian && facts.medicalCareFromWeek10 !== true) findings.push(finding('BENEFIT_MEDICAL_CARE_WEEK10_MISSING'));
  if (facts.child.placedInFosterCareOrFreeDps) findings.push(finding('BENEFIT_CHILD_IN_FOSTER_CARE_OR_DPS'));
  if (facts.applicantRole === 'de-facto-guardian') findings.push(finding('BENEFIT_DE_FACTO_GUARDIAN_ADOPTION_APPLICATION'));

  if (applicationDate < birthDate) findings.push(finding('BENEFIT_APPLICATION_BEFORE_BIRTH', { birthDate }));
  if (guardian && facts.careTakenOn !== undefined) {
    const careTakenOn = facts.careTakenOn;
    const adultOn = anniversary(birthDate, 18);
    if (careTakenOn < birthDate) findings.push(finding('BENEFIT_CARE_DATE_BEFORE_BIRTH', { careTakenOn, birthDate }));
    else if (careTakenOn >= adultOn) findings.push(finding('BENEFIT_CARE_AFTER_ADULTHOOD', { adultOn }));
    if (applicationDate < careTakenOn) findings.push(finding('BENEFIT_APPLICATION_BEFORE_CARE', { careTakenOn }));
  }
  if (applicationDate > deadline) findings.push(finding('BENEFIT_APPLICATION_LATE', { applicationDate, deadline }));

  if (deadlineKnown) {
    findings.push(finding('BENEFIT_DEADLINE', { deadline }));
    if (
      guardian &&
      facts.careTakenOn !== undefined &&
      shiftToNextWorkingDay(addMonthsClamped(facts.careTakenOn, ONE_OFF_BENEFIT_TERM_MONTHS)) > deadline
    ) {
      findings.push(finding('BENEFIT_DEADLINE_CAPPED_AT_18', { deadline }));
    }
  }
  return { eligible: !findingsBlock(findings), deadline, findings };
}
