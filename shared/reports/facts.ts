/**
 * The plain rows the report figures are computed from ("case facts"). They carry only ids,
 * dates, states, codes and flags — never names, PESEL, addresses or free text — so the figures
 * can be recomputed after old cases are anonymised (the anonymisation keeps exactly these).
 */
import type { IsoDate } from '../rules/types';

export interface ReportCase {
  caseId: string;
  familyId: string;
  track: 'general' | 'za-zyciem';
  /** Referral source code (CaseSource). */
  source: string;
  /** Current state (CaseState). */
  state: string;
  assistantId: string | null;
  assignedOn: IsoDate | null;
  consentOn: IsoDate | null;
  closedOn: IsoDate | null;
  closureReason: string | null;
  monitoringEndsOn: IsoDate | null;
  /** When monitoring ended (the archive step), from the case history. */
  archivedOn: IsoDate | null;
  /** Court-ordered (S4 source, or the court order recorded as the consent basis). */
  courtOrdered: boolean;
  /** Waiting-list episodes from the case history: [from, to) with to = null while waiting. */
  waitlist: ReadonlyArray<{ from: IsoDate; to: IsoDate | null }>;
}

export interface ReportChild {
  familyId: string;
  /** The family member (the drill-down of a children's figure lists the children). */
  memberId?: string;
  /** Birth date (1 January of the year after anonymisation); a child born after a period is not
   *  counted in it, nor one who came of age before it. */
  birthDate?: IsoDate | null;
  /** Foster-care episodes from the placement history (ended ones and the current one, until
   *  null); since null = the date of the placement was not recorded. Never today's flag alone. */
  fosterCare: ReadonlyArray<{ since: IsoDate | null; until: IsoDate | null }>;
}

export interface ReportStaffMember {
  id: string;
  role: string;
  active: boolean;
  personalLimit: number | null;
}

export interface ReportSupportingFamily {
  id: string;
  /** The supported family. */
  familyId: string;
  caseId: string;
  status: 'candidate' | 'established' | 'ended';
  /** Date of the establishing act. */
  establishedOn: IsoDate | null;
}

export interface ReportReimbursement {
  supportingFamilyId: string;
  paidOn: IsoDate;
  amountGr: number;
}

export interface ReportFacts {
  cases: ReadonlyArray<ReportCase>;
  children: ReadonlyArray<ReportChild>;
  staff: ReadonlyArray<ReportStaffMember>;
  supporting: ReadonlyArray<ReportSupportingFamily>;
  reimbursements: ReadonlyArray<ReportReimbursement>;
}
