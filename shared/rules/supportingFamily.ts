/**
 * Supporting family (rodzina wspierająca, domain.md §3.5; art. 29–31 of the 2011 law): may it be
 * established, and may a cost reimbursement be recorded? Pure functions.
 */
import type { Finding, IsoDate } from './types';
import type { CaseState } from './lifecycle';
import { CASE_STATES, CONSENT_RECORDED_STATES } from './lifecycle';
import { finding, findingsBlock } from './findings';
import { isIsoDate } from './isoDate';

export interface SupportingFamilyFacts {
  asOf: IsoDate;
  /** How the family belongs to the child's immediate surroundings (neighbours, grandparents…). */
  relationToChild: string;
  members: ReadonlyArray<{ firstName: string; lastName: string; finalConvictionIntentionalCrime: boolean }>;
  /** Date of the members' statement on (no) convictions. */
  convictionStatementOn?: IsoDate | null;
  /** The head's opinion based on an RWŚ. */
  headOpinion?: HeadOpinionFacts | null;
  /** The supported case. */
  supportedCase: { state: CaseState; assistantId: string | null };
  /** The establishing act. */
  act?: {
    by: 'wojt' | 'head-authorised';
    authorisation?: string | null;
    number?: string | null;
    on?: IsoDate | null;
  } | null;
}

/** The head's opinion as stored (headOpinion JSON of a supporting family). */
export interface HeadOpinionFacts {
  positive: boolean;
  on?: IsoDate | null;
  interviewOn?: IsoDate | null;
}

/**
 * Dates of the head's opinion (art. 30: opinia kierownika na podstawie rodzinnego wywiadu
 * środowiskowego): the opinion is recorded once given, so its date is not in the future; the
 * interview it rests on comes before it (the same day at the latest) and is not in the future.
 * Missing dates are not findings here (`checkSupportingFamily` asks for them before the act).
 */
export function checkHeadOpinionDates(opinion: HeadOpinionFacts | null | undefined, asOf: IsoDate): Finding[] {
  if (!opinion) return [];
  const out: Finding[] = [];
  const on = opinion.on && isIsoDate(opinion.on) ? opinion.on : null;
  const interviewOn = opinion.interviewOn && isIsoDate(opinion.interviewOn) ? opinion.interviewOn : null;
  if (on && on > asOf) out.push(finding('SUPPORTING_OPINION_DATE_IN_FUTURE', { date: on, asOf }));
  if (interviewOn && interviewOn > asOf) out.push(finding('SUPPORTING_INTERVIEW_DATE_IN_FUTURE', { date: interviewOn, asOf }));
  if (on && interviewOn && interviewOn > on) out.push(finding('SUPPORTING_INTERVIEW_AFTER_OPINION', { interviewOn, opinionOn: on }));
  return out;
}

/** The form field of a finding about the head's opinion (for field errors), else null. */
export function headOpinionFieldOf(code: string): 'headOpinion.on' | 'headOpinion.interviewOn' | null {
  if (code === 'SUPPORTING_OPINION_DATE_IN_FUTURE') return 'headOpinion.on';
  if (code === 'SUPPORTING_INTERVIEW_DATE_IN_FUTURE' || code === 'SUPPORTING_INTERVIEW_AFTER_OPINION') return 'headOpinion.interviewOn';
  return null;
}

/**
 * Blockers: a member with a final conviction for an intentional crime (T45); no conviction
 * statement; no positive head's opinion based on an RWŚ (a negative one blocks too), or its
 * dates out of order (`checkHeadOpinionDates`); no relation to the child's
 * surroundings; the supported family has no assistant or no consent on record; an act without
 * its number/date or signed by the head without the wójt's authorisation (art. 31 ust. 2).
 * Pass `act: undefined` to check only the preconditions (before the act is drawn up).
 */
export function checkSupportingFamily(f: SupportingFamilyFacts): { allowed: boolean; findings: Finding[] } {
  const out: Finding[] = [];
  for (const m of f.members) {
    if (m.finalConvictionIntentionalCrime) {
      out.push(finding('SUPPORTING_CONVICTION', { name: `${m.firstName} ${m.lastName}`.trim() }));
    }
  }
  if (!f.convictionStatementOn) out.push(finding('SUPPORTING_STATEMENT_MISSING'));
  else if (isIsoDate(f.convictionStatementOn) && f.convictionStatementOn > f.asOf) {
    out.push(finding('DATE_IN_FUTURE', { field: 'Data oświadczenia o niekaralności', date: f.convictionStatementOn, asOf: f.asOf }));
  }
  // A negative opinion (positive: false) blocks the act just like a missing one.
  if (!f.headOpinion?.positive || !f.headOpinion.on || !f.headOpinion.interviewOn) out.push(finding('SUPPORTING_OPINION_MISSING'));
  out.push(...checkHeadOpinionDates(f.headOpinion, f.asOf));
  if (!f.relationToChild?.trim()) out.push(finding('SUPPORTING_NOT_FROM_SURROUNDINGS'));
  if (!f.supportedCase.assistantId) out.push(finding('SUPPORTING_NO_ASSISTANT'));
  if (!CONSENT_RECORDED_STATES.includes(f.supportedCase.state)) {
    out.push(finding('SUPPORTING_NO_CONSENT', { state: CASE_STATES[f.supportedCase.state]?.label ?? f.supportedCase.state }));
  }
  if (f.act) {
    const missing: string[] = [];
    if (!f.act.number?.trim()) missing.push('numer aktu');
    if (!f.act.on) missing.push('data aktu');
    if (missing.length) out.push(finding('SUPPORTING_ACT_DETAILS_MISSING', { missing: missing.join(', ') }));
    if (f.act.on && isIsoDate(f.act.on) && f.act.on > f.asOf) {
      out.push(finding('DATE_IN_FUTURE', { field: 'Data aktu ustanowienia', date: f.act.on, asOf: f.asOf }));
    }
    if (f.act.by === 'head-authorised' && !f.act.authorisation?.trim()) out.push(finding('SUPPORTING_HEAD_NOT_AUTHORISED'));
  }
  return { allowed: !findingsBlock(out), findings: out };
}

/** Formats grosze as Polish złoty: 123456 -> "1 234,56 zł". */
export function formatGrosze(gr: number): string {
  const sign = gr < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(gr));
  const zl = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${zl},${String(abs % 100).padStart(2, '0')}\u00a0zł`;
}

/** May a reimbursement be recorded (contract in place, within its total limit)? */
export function checkReimbursement(input: {
  established: boolean;
  contract?: { on: IsoDate; totalLimitGr?: number | null } | null;
  paidSoFarGr: number;
  amountGr: number;
  paidOn: IsoDate;
  asOf: IsoDate;
}): Finding[] {
  const out: Finding[] = [];
  if (!input.established) out.push(finding('SUPPORTING_NOT_ESTABLISHED'));
  if (!input.contract) return [...out, finding('SUPPORTING_CONTRACT_MISSING')];
  if (input.paidOn > input.asOf) out.push(finding('DATE_IN_FUTURE', { field: 'Data zwrotu', date: input.paidOn, asOf: input.asOf }));
  if (input.paidOn < input.contract.on) {
    out.push(finding('SUPPORTING_REIMBURSEMENT_BEFORE_CONTRACT', { paidOn: input.paidOn, contractOn: input.contract.on }));
  }
  const limit = input.contract.totalLimitGr;
  if (limit != null && input.paidSoFarGr + input.amountGr > limit) {
    out.push(
      finding('SUPPORTING_REIMBURSEMENT_OVER_LIMIT', {
        total: formatGrosze(input.paidSoFarGr + input.amountGr),
        limit: formatGrosze(limit),
      }),
    );
  }
  return out;
}
