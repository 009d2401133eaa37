import type { Finding } from './types';
import type { ClosureReasonCode, ReferralSource } from './labels';
import { CLOSURE_REASONS } from './labels';
import { finding } from './findings';

/**
 * Checks a closure (domain.md §2.2, §2.5, T42–T43): a final assessment is required; a family
 * working under a court order (S4) or the art. 11 ust. 1a mandatory assignment (S5) cannot
 * close by resignation; closing a court-ordered case needs the head's sign-off.
 */
export function checkClosure(input: {
  source: ReferralSource | 'za-zyciem';
  reason: ClosureReasonCode;
  finalAssessmentDone: boolean;
}): Finding[] {
  const findings: Finding[] = [];
  const reason = CLOSURE_REASONS.find((r) => r.code === input.reason);
  if (!reason) return [finding('CLOSURE_UNKNOWN_REASON', { reason: String(input.reason) })];
  if (!input.finalAssessmentDone) findings.push(finding('CLOSURE_FINAL_ASSESSMENT_MISSING'));
  if (input.source !== 'za-zyciem' && reason.notForSources.includes(input.source)) {
    findings.push(
      finding(input.source === 'court-order' ? 'CLOSURE_RESIGNATION_NOT_ALLOWED_COURT_ORDER' : 'CLOSURE_RESIGNATION_NOT_ALLOWED_ART_11_1A'),
    );
  }
  if (input.source === 'court-order') findings.push(finding('CLOSURE_COURT_ORDER_SIGN_OFF'));
  if (reason.code === 'PIECZA_BEZ_POWROTU') findings.push(finding('CLOSURE_TEMPORARY_PLACEMENT_IS_NOT_A_REASON'));
  return findings;
}
