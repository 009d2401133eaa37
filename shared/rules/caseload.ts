import type { Finding } from './types';
import { finding } from './findings';

/** Art. 15 ust. 4: an assistant works with at most 15 families at once. */
export const CASELOAD_STATUTORY_LIMIT = 15;

export type CaseloadPhase = 'active' | 'suspended' | 'monitoring' | 'closed';

export interface CaseloadInput {
  cases: Array<{ familyId: string; phase: CaseloadPhase }>;
  candidateFamilyId: string;
  personalLimit?: number;
  countMonitoring?: boolean; // default false
}

export interface CaseloadResult {
  allowed: boolean;
  /** Distinct families counted now. */
  countBefore: number;
  /** Distinct families that would be counted with the candidate assigned (also when refused). */
  countAfter: number;
  limit: number;
  findings: Finding[];
}

function phaseCounts(phase: CaseloadPhase, countMonitoring: boolean): boolean {
  return phase === 'active' || phase === 'suspended' || (phase === 'monitoring' && countMonitoring);
}

/** The distinct families that count toward the limit. */
export function countedFamilies(
  cases: ReadonlyArray<{ familyId: string; phase: CaseloadPhase }>,
  countMonitoring = false,
): Set<string> {
  const families = new Set<string>();
  for (const c of cases) if (phaseCounts(c.phase, countMonitoring)) families.add(c.familyId);
  return families;
}

/** May `candidateFamilyId` be assigned to this assistant? Limit = min(15, personalLimit).
 *  A family is counted once however many cases it has with the assistant. 'active' and
 *  'suspended' count; 'monitoring' counts only when countMonitoring is true; 'closed' never.
 *  A family that already counts may always get another case. */
export function checkCaseload(input: CaseloadInput): CaseloadResult {
  const countMonitoring = input.countMonitoring ?? false;
  const { personalLimit } = input;
  if (personalLimit !== undefined && (!Number.isInteger(personalLimit) || personalLimit < 0)) {
    throw new RangeError(`personalLimit must be a non-negative integer, got ${personalLimit}`);
  }
  const limit = Math.min(CASELOAD_STATUTORY_LIMIT, personalLimit ?? CASELOAD_STATUTORY_LIMIT);
  const personalApplies = personalLimit !== undefined && personalLimit < CASELOAD_STATUTORY_LIMIT;

  const counted = countedFamilies(input.cases, countMonitoring);
  const countBefore = counted.size;
  const alreadyCounted = counted.has(input.candidateFamilyId);
  const countAfter = alreadyCounted ? countBefore : countBefore + 1;
  const allowed = alreadyCounted || countAfter <= limit;

  const findings: Finding[] = [];
  if (personalLimit !== undefined && personalLimit > CASELOAD_STATUTORY_LIMIT) {
    findings.push(finding('CASELOAD_PERSONAL_LIMIT_ABOVE_STATUTORY', { personalLimit }));
  }
  if (personalApplies) findings.push(finding('CASELOAD_PERSONAL_LIMIT_APPLIED', { limit }));
  if (!allowed) {
    findings.push(
      finding('CASELOAD_LIMIT_REACHED', {
        countBefore,
        limit,
        limitNote: personalApplies ? ' (indywidualny limit asystenta)' : ' (limit ustawowy)',
      }),
    );
  } else if (alreadyCounted) {
    findings.push(finding('CASELOAD_FAMILY_ALREADY_COUNTED'));
  } else if (countAfter === limit) {
    findings.push(finding('CASELOAD_LIMIT_WILL_BE_REACHED', { countAfter, limit }));
  }
  if (countBefore > limit) findings.push(finding('CASELOAD_OVER_LIMIT', { countBefore, limit }));
  if (!countMonitoring) {
    const monitoringOnly = new Set(input.cases.filter((c) => c.phase === 'monitoring').map((c) => c.familyId));
    for (const f of counted) monitoringOnly.delete(f);
    if (monitoringOnly.size > 0) findings.push(finding('CASELOAD_MONITORING_NOT_COUNTED', { monitoring: monitoringOnly.size }));
  }
  return { allowed, countBefore, countAfter, limit, findings };
}
