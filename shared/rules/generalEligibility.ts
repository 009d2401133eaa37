import type { Finding, IsoDate } from './types';
import type { ReferralSource } from './labels';
import { finding, findingsBlock } from './findings';
import { anniversary, assertIsoDate } from './isoDate';

/** Age of majority (art. 10 § 1 KC). */
export const AGE_OF_MAJORITY = 18;

export interface GeneralEligibilityFacts {
  asOf: IsoDate;
  source: ReferralSource;
  /** Children of the family, at home or temporarily in foster care (art. 10 ust. 4). */
  children: Array<{ birthDate: IsoDate; placement: 'home' | 'foster-care' }>;
  /** Conclusion of the social worker's analysis after the RWŚ (art. 11 ust. 2). */
  careDifficultiesFound: boolean;
  consent: 'written' | 'pending' | 'refused';
  /** Required when source is 'court-order'. */
  courtOrder?: { court: string; caseRef: string; date: IsoDate };
}

export interface GeneralEligibilityResult {
  /** Substantive criteria met and no refusal that the law lets the family make. */
  eligible: boolean;
  consentBasis: 'written-consent' | 'court-order' | 'art-11-1a' | null;
  findings: Finding[];
}

/** A child is a minor on `asOf` if born on or before it and before the 18th birthday (art. 112 KC). */
export function isMinorOn(birthDate: IsoDate, asOf: IsoDate): boolean {
  assertIsoDate(birthDate, 'birthDate');
  assertIsoDate(asOf, 'asOf');
  return birthDate <= asOf && asOf < anniversary(birthDate, AGE_OF_MAJORITY);
}

const isBlank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/**
 * General support under the 2011 law (domain.md §3.1). `eligible` is true exactly when no
 * finding is a blocker: the family raises a minor child (at home or temporarily in foster care),
 * the PS analysis found care and upbringing difficulties (not required for S5, where the
 * assignment is mandatory), and there is a consent basis the family has not refused — written
 * consent (S1–S3; 'pending' only warns), a documented court order (S4) or art. 11 ust. 1a (S5).
 */
export function checkGeneralEligibility(facts: GeneralEligibilityFacts): GeneralEligibilityResult {
  const { asOf, source } = facts;
  assertIsoDate(asOf, 'asOf');
  for (const c of facts.children) assertIsoDate(c.birthDate, 'child birthDate');
  const findings: Finding[] = [];

  // 1. A minor child, at home or temporarily placed in foster care (art. 8 ust. 1, art. 10 ust. 4).
  for (const c of facts.children) {
    if (c.birthDate > asOf) findings.push(finding('CHILD_BIRTH_DATE_AFTER_AS_OF', { birthDate: c.birthDate, asOf }));
  }
  const minors = facts.children.filter((c) => isMinorOn(c.birthDate, asOf));
  if (minors.length === 0) {
    findings.push(finding('NO_MINOR_CHILDREN'));
    findings.push(finding('CONSIDER_ZA_ZYCIEM'));
  } else if (minors.some((c) => c.placement === 'foster-care')) {
    findings.push(finding('CHILD_IN_FOSTER_CARE'));
  }

  // 2. Care and upbringing difficulties established after the RWŚ (art. 11 ust. 2).
  if (!facts.careDifficultiesFound) {
    findings.push(finding(source === 'minor-parent-leaving-institution' ? 'NO_CARE_DIFFICULTIES_ART_11_1A' : 'NO_CARE_DIFFICULTIES'));
  }

  // 3. Consent basis (art. 8 ust. 3; exceptions: art. 109 § 2 pkt 1 KRO, art. 11 ust. 1a).
  let consentBasis: GeneralEligibilityResult['consentBasis'] = null;
  if (source === 'minor-parent-leaving-institution') {
    consentBasis = 'art-11-1a';
    findings.push(finding('ASSIGNMENT_MANDATORY_ART_11_1A'));
    if (facts.consent === 'refused') findings.push(finding('ART_11_1A_REFUSAL_NOT_BINDING'));
  } else if (source === 'court-order') {
    const order = facts.courtOrder;
    const missing: string[] = [];
    if (!order || isBlank(order.court)) missing.push('nazwa sądu');
    if (!order || isBlank(order.caseRef)) missing.push('sygnatura akt');
    if (!order || isBlank(order.date)) missing.push('data postanowienia');
    if (missing.length > 0) {
      findings.push(finding('COURT_ORDER_DETAILS_MISSING', { missing: missing.join(', ') }));
      if (facts.consent === 'written') consentBasis = 'written-consent';
      else if (facts.consent === 'refused') findings.push(finding('CONSENT_REFUSED'));
    } else if (order) {
      assertIsoDate(order.date, 'courtOrder.date');
      if (order.date > asOf) {
        findings.push(finding('COURT_ORDER_DATE_AFTER_AS_OF', { date: order.date, asOf }));
      } else {
        consentBasis = 'court-order';
        findings.push(
          finding('CONSENT_REPLACED_BY_COURT_ORDER', { court: order.court.trim(), caseRef: order.caseRef.trim(), date: order.date }),
        );
        if (facts.consent === 'refused') findings.push(finding('COURT_ORDER_REFUSAL_NOT_BINDING'));
      }
    }
  } else {
    if (facts.consent === 'written') consentBasis = 'written-consent';
    else if (facts.consent === 'pending') findings.push(finding('CONSENT_PENDING'));
    else findings.push(finding('CONSENT_REFUSED'));
  }

  return { eligible: !findingsBlock(findings), consentBasis, findings };
}
