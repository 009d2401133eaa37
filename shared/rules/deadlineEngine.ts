/**
 * The deadline engine (issue 4): every deadline of every case, computed from plain dated facts.
 *
 * Pure and synchronous. The caller (main process) reads the cases from the database, maps each
 * one to `CaseDeadlineFacts` and calls `computeDeadlines` once for the whole office; the morning
 * screen filters the result by assistant, status or kind. Nothing here depends on how the case
 * lifecycle is stored: the input is only dates and a coarse phase.
 *
 * Date conventions (domain.md §2.4):
 * - statutory and external terms are computed with the rules of the calendar module
 *   (RWŚ: working days; court term: days from delivery, moved past a weekend or holiday;
 *   4000 zł: 12 months clamped, then moved);
 * - internal duties (assessments, plan, visits, monitoring, Za życiem practice reminders) are
 *   "no later than" dates: calendar arithmetic, month ends clamped, never moved later;
 * - the half-year statistics are due on 31 July and 31 January exactly (not moved, T37/T38).
 *
 * Status on `today`: 'overdue' when the due date has passed (the due day itself is still in
 * time), 'due-soon' within `warningWindowDays` days, otherwise 'upcoming'.
 */
import { formatDate } from '../dates';
import type { IsoDate } from './types';
import { addMonthsClamped, isWorkingDay } from './calendar';
import { addDays, assertIsoDate, daysBetween, fromDayNumber, parseIsoDate, toDayNumber } from './isoDate';
import { INTERVIEW_URGENT_WORKING_DAYS, INTERVIEW_WORKING_DAYS, periodicAssessmentDueDate } from './deadlines';
import { dayBeforeEighteenthBirthday, isGuardianRole, oneOffBenefitDeadline } from './oneOffBenefit';
import type { OneOffBenefitApplicantRole } from './oneOffBenefit';
import { BASIS, UWR } from './basis';
import { STATISTICS_BASIS_DEFAULT } from './acts';
import { finding } from './findings';
import type { Finding } from './types';

// ---- Settings -------------------------------------------------------------------------------

/** Office (OPS) settings for the deadlines that the statute does not fix (domain.md §2.2–2.4). */
export interface OfficeDeadlineSettings {
  /** Initial assessment (ocena wstępna) due N calendar days after consent. Default 30. */
  initialAssessmentDaysAfterConsent: number;
  /** Work plan (plan pracy) due M calendar days after consent. Default 30. */
  workPlanDaysAfterConsent: number;
  /** Reference date of the first periodic assessment when there was no assessment yet. */
  firstAssessmentFrom: 'assignment' | 'consent';
  /** Maximum calendar days between visits (dni między wizytami). Default 14. */
  maxDaysBetweenVisits: number;
  /** The visit-gap item appears this many days before the limit is reached (0 = only when
   *  exceeded). Default 3. */
  visitGapReminderDays: number;
  /** Post-closure monitoring length in months (art. 15 ust. 1 pkt 16; length: setting). Default 3. */
  monitoringMonths: number;
  /** Items due within this many days are 'due-soon'. Default 14. */
  warningWindowDays: number;
  /** The half-year statistics item appears this many days before its due date. Default 7. */
  statisticsAlertDays: number;
  /** Za życiem: the head assigns an assistant N days after the request reaches them. Default 2. */
  zaZyciemAssignmentDays: number;
  /** Za życiem: written information to the applicant on assignment or refusal. Default 14. */
  zaZyciemApplicantInfoDays: number;
  /** Za życiem: first contact and consent N days after the assignment. Default 7. */
  zaZyciemContactDays: number;
  /** General support: first contact N days after the assignment; null = no reminder (the
   *  statute and domain.md fix none). Default null. */
  generalFirstContactDays: number | null;
}

export const DEFAULT_OFFICE_DEADLINE_SETTINGS: Readonly<OfficeDeadlineSettings> = Object.freeze({
  initialAssessmentDaysAfterConsent: 30,
  workPlanDaysAfterConsent: 30,
  firstAssessmentFrom: 'assignment',
  maxDaysBetweenVisits: 14,
  visitGapReminderDays: 3,
  monitoringMonths: 3,
  warningWindowDays: 14,
  statisticsAlertDays: 7,
  zaZyciemAssignmentDays: 2,
  zaZyciemApplicantInfoDays: 14,
  zaZyciemContactDays: 7,
  generalFirstContactDays: null,
});

const NON_NEGATIVE_SETTINGS = ['visitGapReminderDays', 'warningWindowDays', 'statisticsAlertDays'] as const;
const POSITIVE_SETTINGS = [
  'initialAssessmentDaysAfterConsent',
  'workPlanDaysAfterConsent',
  'maxDaysBetweenVisits',
  'monitoringMonths',
  'zaZyciemAssignmentDays',
  'zaZyciemApplicantInfoDays',
  'zaZyciemContactDays',
] as const;
const MAX_SETTING = 3660;

/** Defaults overlaid with `partial`; throws RangeError on a value that is not a sensible integer. */
export function resolveDeadlineSettings(partial: Partial<OfficeDeadlineSettings> = {}): OfficeDeadlineSettings {
  const s: OfficeDeadlineSettings = { ...DEFAULT_OFFICE_DEADLINE_SETTINGS };
  for (const key of Object.keys(DEFAULT_OFFICE_DEADLINE_SETTINGS) as Array<keyof OfficeDeadlineSettings>) {
    const value = partial[key];
    if (value !== undefined) (s as unknown as Record<string, unknown>)[key] = value; // unknown keys are ignored
  }
  const check = (key: string, value: unknown, min: number) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_SETTING) {
      throw new RangeError(`Setting ${key} must be an integer ${min}–${MAX_SETTING}, got ${String(value)}`);
    }
  };
  for (const key of POSITIVE_SETTINGS) check(key, s[key], 1);
  for (const key of NON_NEGATIVE_SETTINGS) check(key, s[key], 0);
  if (s.generalFirstContactDays !== null) check('generalFirstContactDays', s.generalFirstContactDays, 1);
  if (s.firstAssessmentFrom !== 'assignment' && s.firstAssessmentFrom !== 'consent') {
    throw new RangeError(`Setting firstAssessmentFrom must be 'assignment' or 'consent', got ${String(s.firstAssessmentFrom)}`);
  }
  return s;
}

// ---- Input ----------------------------------------------------------------------------------

export type DeadlineCaseTrack = 'general' | 'za-zyciem';

/** Coarse phase of a case, enough to know which deadlines apply (domain.md §2.2–2.3):
 *  intake = referral/request logged (RWŚ, Za życiem verification); awaiting-decision = waiting
 *  for the head's decision or the waiting list; assigned = assistant assigned, work not yet
 *  started (first contact, consent); active = REALIZACJA; suspended = ZAWIESZENIE;
 *  monitoring = after closure, during monitoring; closed = archived, refused or closed without
 *  monitoring. */
export type DeadlineCasePhase = 'intake' | 'awaiting-decision' | 'assigned' | 'active' | 'suspended' | 'monitoring' | 'closed';

export interface CourtOpinionRequestFacts {
  id: string;
  court: string;
  /** Sygnatura akt. */
  caseRef: string;
  requestedOn: IsoDate;
  /** Date the request was delivered to the OPS; the term runs from it. */
  deliveredOn?: IsoDate;
  /** Term in days "od doręczenia" (KPA art. 57 § 1 counting, moved past weekends/holidays). */
  termDays?: number;
  /** A fixed date set by the court; wins over termDays. */
  dueDate?: IsoDate;
  submittedOn?: IsoDate;
}

export interface BenefitChildFacts {
  name: string;
  birthDate: IsoDate;
  /** Default 'mother' (term from the birth). */
  applicantRole?: OneOffBenefitApplicantRole;
  /** Guardians and adopters: the day the child was taken into care or adopted. */
  careTakenOn?: IsoDate;
  /** Once recorded, no deadline item. */
  benefitAppliedOn?: IsoDate;
}

/** Plain dated facts of one case. Every date is an IsoDate; an absent date = not happened. */
export interface CaseDeadlineFacts {
  caseId: string;
  familyId?: string;
  caseNumber?: string;
  familyLabel?: string;
  assistantId?: string;
  track: DeadlineCaseTrack;
  phase: DeadlineCasePhase;
  /** General: the day the OPS learned the family may need help (RWŚ clock). */
  learnedOn?: IsoDate;
  urgent?: boolean;
  rwsDoneOn?: IsoDate;
  /** Za życiem: day the written request was received (for post: delivered to the OPS). */
  requestReceivedOn?: IsoDate;
  /** Za życiem: written information on assignment or refusal sent to the applicant. */
  applicantInformedOn?: IsoDate;
  assignedOn?: IsoDate;
  firstContactOn?: IsoDate;
  /** Written consent — or the day the court order / art. 11 ust. 1a basis was recorded instead. */
  consentOn?: IsoDate;
  initialAssessmentOn?: IsoDate;
  workPlanOn?: IsoDate;
  /** The latest assessment of any kind (initial or periodic). */
  lastAssessmentOn?: IsoDate;
  lastVisitOn?: IsoDate;
  courtOpinionRequests?: ReadonlyArray<CourtOpinionRequestFacts>;
  /** Children for whom the 4000 zł benefit (Za życiem art. 10) is relevant. */
  children?: ReadonlyArray<BenefitChildFacts>;
  closedOn?: IsoDate;
  /** Overrides closedOn + monitoringMonths (e.g. monitoring extended by the head). */
  monitoringEndsOn?: IsoDate;
}

export interface DeadlineContext {
  /** Half-year statistical reports already filed, e.g. ['2026-H1']. */
  statisticsFiledPeriods?: ReadonlyArray<string>;
  /** Include office-wide items (statistics). Default true. */
  includeOfficeItems?: boolean;
  /** The day the office was set up in Asysta. No office-wide item falls due before it: a report
   *  due before the office existed here was the paper office's business, not a false alarm on the
   *  first screen (issue 14). Case items are unaffected: they follow from dates the office entered. */
  officeSetUpOn?: IsoDate;
}

// ---- Output ---------------------------------------------------------------------------------

export type DeadlineKind =
  | 'RWS_DUE'
  | 'FIRST_CONTACT_DUE'
  | 'ZZ_ASSIGNMENT_DUE'
  | 'ZZ_APPLICANT_INFO_DUE'
  | 'INITIAL_ASSESSMENT_DUE'
  | 'WORK_PLAN_DUE'
  | 'PERIODIC_ASSESSMENT_DUE'
  | 'VISIT_GAP'
  | 'COURT_OPINION_DUE'
  | 'ONE_OFF_BENEFIT_DEADLINE'
  | 'MONITORING_END'
  | 'STATISTICS_H1_DUE'
  | 'STATISTICS_H2_DUE';

export type DeadlineStatus = 'overdue' | 'due-soon' | 'upcoming';
/** critical = a statutory or court term is overdue; warning = a practice term is overdue or
 *  anything is due soon; info = upcoming. */
export type DeadlineSeverity = 'critical' | 'warning' | 'info';
/** Where the term comes from: the law, a court, or office practice / settings. */
export type DeadlineSource = 'law' | 'court' | 'practice';

export interface DeadlineItem {
  /** Stable key for lists: kind, case and reference (court request id, child). */
  key: string;
  kind: DeadlineKind;
  caseId?: string;
  familyId?: string;
  caseNumber?: string;
  familyLabel?: string;
  assistantId?: string;
  /** Court request id, child name or statistics period ('2026-H1'). */
  ref?: string;
  dueDate: IsoDate;
  status: DeadlineStatus;
  /** Calendar days from today to dueDate: 0 on the day, negative when overdue. */
  daysLeft: number;
  /** Polish, for the UI. */
  title: string;
  /** Extra Polish detail (reference date, court, missing data), when useful. */
  detail?: string;
  basis: string;
  source: DeadlineSource;
  severity: DeadlineSeverity;
}

/** Said of a term the statute does not set (plain words, issue 14). */
export const PRACTICE_BASIS = 'termin przyjęty w ośrodku — ustawa go nie wyznacza';
/** The statute's reporting duty (the 2019 regulation, Dz. U. poz. 1195, is repealed and its
 *  successor unverified: shared/rules/acts.ts); the office may enter the regulation in force,
 *  which the services put in place of this default. */
export const STATISTICS_BASIS = STATISTICS_BASIS_DEFAULT;

/** Per kind: Polish label, legal basis and source, as data. */
export const DEADLINE_KINDS: Readonly<Record<DeadlineKind, { label: string; basis: string; source: DeadlineSource }>> = {
  RWS_DUE: { label: 'Rodzinny wywiad środowiskowy', basis: BASIS.interview, source: 'law' },
  FIRST_CONTACT_DUE: { label: 'Pierwszy kontakt z rodziną', basis: PRACTICE_BASIS, source: 'practice' },
  ZZ_ASSIGNMENT_DUE: { label: 'Przydzielenie asystenta („Za życiem”)', basis: PRACTICE_BASIS, source: 'practice' },
  ZZ_APPLICANT_INFO_DUE: {
    label: 'Pisemna informacja dla wnioskodawcy o przydzieleniu asystenta lub odmowie („Za życiem”)',
    basis: PRACTICE_BASIS,
    source: 'practice',
  },
  INITIAL_ASSESSMENT_DUE: { label: 'Ocena wstępna sytuacji rodziny', basis: PRACTICE_BASIS, source: 'practice' },
  WORK_PLAN_DUE: { label: 'Plan pracy z rodziną', basis: PRACTICE_BASIS, source: 'practice' },
  PERIODIC_ASSESSMENT_DUE: { label: 'Okresowa ocena sytuacji rodziny', basis: BASIS.periodicAssessment, source: 'law' },
  VISIT_GAP: { label: 'Wizyta u rodziny', basis: PRACTICE_BASIS, source: 'practice' },
  COURT_OPINION_DUE: {
    label: 'Opinia o rodzinie dla sądu',
    basis: `art. 15 ust. 1 pkt 17 ${UWR}; termin wyznaczony przez sąd`,
    source: 'court',
  },
  ONE_OFF_BENEFIT_DEADLINE: { label: 'Wniosek o jednorazowe świadczenie 4000 zł', basis: BASIS.benefitDeadline, source: 'law' },
  MONITORING_END: {
    label: 'Koniec monitoringu po zakończeniu pracy z rodziną',
    basis: `art. 15 ust. 1 pkt 16 ${UWR}; długość monitoringu przyjęta w ośrodku`,
    source: 'practice',
  },
  STATISTICS_H1_DUE: { label: 'Sprawozdanie rzeczowo-finansowe za I półrocze', basis: STATISTICS_BASIS, source: 'law' },
  STATISTICS_H2_DUE: { label: 'Sprawozdanie rzeczowo-finansowe za II półrocze', basis: STATISTICS_BASIS, source: 'law' },
};

/** Phases in which each case deadline applies. */
export const DEADLINE_PHASES: Readonly<Record<Exclude<DeadlineKind, 'STATISTICS_H1_DUE' | 'STATISTICS_H2_DUE'>, ReadonlyArray<DeadlineCasePhase>>> = {
  RWS_DUE: ['intake', 'awaiting-decision'],
  ZZ_ASSIGNMENT_DUE: ['intake', 'awaiting-decision'],
  ZZ_APPLICANT_INFO_DUE: ['intake', 'awaiting-decision', 'assigned', 'active'],
  FIRST_CONTACT_DUE: ['assigned', 'active'],
  INITIAL_ASSESSMENT_DUE: ['assigned', 'active'],
  WORK_PLAN_DUE: ['assigned', 'active'],
  PERIODIC_ASSESSMENT_DUE: ['assigned', 'active', 'suspended'],
  VISIT_GAP: ['active'],
  COURT_OPINION_DUE: ['intake', 'awaiting-decision', 'assigned', 'active', 'suspended', 'monitoring'],
  ONE_OFF_BENEFIT_DEADLINE: ['intake', 'awaiting-decision', 'assigned', 'active', 'suspended', 'monitoring'],
  MONITORING_END: ['monitoring'],
};

// ---- Helpers --------------------------------------------------------------------------------

/* Working-day arithmetic on day numbers with a memo of each day's status (the holiday list is
 * computed once per year by the calendar module; this avoids re-parsing date strings in the
 * inner loop). Same results as calendar.addWorkingDays / shiftToNextWorkingDay (cross-checked
 * by the unit tests); about ten times faster over a whole office. */
const workingDayMemo = new Map<number, boolean>();
const WORKING_DAY_MEMO_LIMIT = 100_000;

function isWorkingDayNumber(dayNumber: number): boolean {
  let known = workingDayMemo.get(dayNumber);
  if (known === undefined) {
    if (workingDayMemo.size >= WORKING_DAY_MEMO_LIMIT) workingDayMemo.clear();
    known = isWorkingDay(fromDayNumber(dayNumber));
    workingDayMemo.set(dayNumber, known);
  }
  return known;
}

/** The n-th working day after `start` (n >= 1): calendar.addWorkingDays, memoised. */
export function addWorkingDaysFast(start: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be an integer >= 1, got ${n}`);
  let dn = toDayNumber(start);
  for (let counted = 0; counted < n; ) {
    dn += 1;
    if (isWorkingDayNumber(dn)) counted += 1;
  }
  return fromDayNumber(dn);
}

/** `date` + `days`, moved past Saturdays, Sundays and holidays: deadlines.dayTermDeadline, memoised. */
export function dayTermDeadlineFast(eventOn: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be an integer >= 1, got ${days}`);
  let dn = toDayNumber(eventOn) + days;
  while (!isWorkingDayNumber(dn)) dn += 1;
  return fromDayNumber(dn);
}

function dueSentence(daysLeft: number): string {
  if (daysLeft < 0) {
    const n = -daysLeft;
    return `po terminie o ${n} ${n === 1 ? 'dzień' : 'dni'}`;
  }
  if (daysLeft === 0) return 'termin mija dziś';
  if (daysLeft === 1) return 'termin mija jutro';
  return `za ${daysLeft} dni`;
}

export function deadlineStatus(daysLeft: number, warningWindowDays: number): DeadlineStatus {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= warningWindowDays) return 'due-soon';
  return 'upcoming';
}

export function deadlineSeverity(status: DeadlineStatus, source: DeadlineSource): DeadlineSeverity {
  if (status === 'overdue') return source === 'practice' ? 'warning' : 'critical';
  return status === 'due-soon' ? 'warning' : 'info';
}

function validDate(value: IsoDate | undefined, caseId: string, field: string): IsoDate | undefined {
  if (value === undefined) return undefined;
  return assertIsoDate(value, `${field} of case ${caseId}`);
}

function latest(...dates: Array<IsoDate | undefined>): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const d of dates) if (d !== undefined && (best === undefined || d > best)) best = d;
  return best;
}

interface Emitter {
  today: IsoDate;
  todayNumber: number;
  settings: OfficeDeadlineSettings;
  out: DeadlineItem[];
}

function newEmitter(today: IsoDate, settings: Partial<OfficeDeadlineSettings>): Emitter {
  return { today, todayNumber: toDayNumber(assertIsoDate(today, 'today')), settings: resolveDeadlineSettings(settings), out: [] };
}

function emit(
  e: Emitter,
  kind: DeadlineKind,
  dueDate: IsoDate,
  c: CaseDeadlineFacts | undefined,
  opts: { ref?: string; what?: string; detail?: string } = {},
): void {
  const info = DEADLINE_KINDS[kind];
  const daysLeft = toDayNumber(dueDate) - e.todayNumber;
  const status = deadlineStatus(daysLeft, e.settings.warningWindowDays);
  const subject = opts.what ? `${info.label} — ${opts.what}` : info.label;
  const whom = c?.familyLabel ? ` (${c.familyLabel})` : '';
  const item: DeadlineItem = {
    key: `${kind}:${c?.caseId ?? 'office'}${opts.ref !== undefined ? `:${opts.ref}` : ''}`,
    kind,
    dueDate,
    status,
    daysLeft,
    title: `${subject}${whom}: do ${formatDate(dueDate)} — ${dueSentence(daysLeft)}`,
    basis: info.basis,
    source: info.source,
    severity: deadlineSeverity(status, info.source),
  };
  if (c) {
    item.caseId = c.caseId;
    if (c.familyId !== undefined) item.familyId = c.familyId;
    if (c.caseNumber !== undefined) item.caseNumber = c.caseNumber;
    if (c.familyLabel !== undefined) item.familyLabel = c.familyLabel;
    if (c.assistantId !== undefined) item.assistantId = c.assistantId;
  }
  if (opts.ref !== undefined) item.ref = opts.ref;
  if (opts.detail !== undefined) item.detail = opts.detail;
  e.out.push(item);
}

function applies(kind: keyof typeof DEADLINE_PHASES, phase: DeadlineCasePhase): boolean {
  return DEADLINE_PHASES[kind].includes(phase);
}

// ---- Per-case deadlines ---------------------------------------------------------------------

const PHASE_SET: Readonly<Record<DeadlineCasePhase, true>> = {
  intake: true,
  'awaiting-decision': true,
  assigned: true,
  active: true,
  suspended: true,
  monitoring: true,
  closed: true,
};

function caseDeadlines(e: Emitter, c: CaseDeadlineFacts): void {
  const { settings: s } = e;
  const id = c.caseId;
  const phase = c.phase;
  if (phase === 'closed') return;
  if (!Object.prototype.hasOwnProperty.call(PHASE_SET, phase)) throw new RangeError(`Unknown phase ${JSON.stringify(phase)} of case ${id}`);
  if (c.track !== 'general' && c.track !== 'za-zyciem') throw new RangeError(`Unknown track ${JSON.stringify(c.track)} of case ${id}`);
  const general = c.track === 'general';

  const learnedOn = validDate(c.learnedOn, id, 'learnedOn');
  const rwsDoneOn = validDate(c.rwsDoneOn, id, 'rwsDoneOn');
  const requestReceivedOn = validDate(c.requestReceivedOn, id, 'requestReceivedOn');
  const applicantInformedOn = validDate(c.applicantInformedOn, id, 'applicantInformedOn');
  const assignedOn = validDate(c.assignedOn, id, 'assignedOn');
  const firstContactOn = validDate(c.firstContactOn, id, 'firstContactOn');
  const consentOn = validDate(c.consentOn, id, 'consentOn');
  const initialAssessmentOn = validDate(c.initialAssessmentOn, id, 'initialAssessmentOn');
  const workPlanOn = validDate(c.workPlanOn, id, 'workPlanOn');
  const lastAssessmentOn = validDate(c.lastAssessmentOn, id, 'lastAssessmentOn');
  const lastVisitOn = validDate(c.lastVisitOn, id, 'lastVisitOn');
  const closedOn = validDate(c.closedOn, id, 'closedOn');
  const monitoringEndsOn = validDate(c.monitoringEndsOn, id, 'monitoringEndsOn');

  // D1: RWŚ (general support only; Za życiem needs none).
  if (general && applies('RWS_DUE', phase) && learnedOn !== undefined && rwsDoneOn === undefined) {
    const urgent = c.urgent === true;
    emit(e, 'RWS_DUE', addWorkingDaysFast(learnedOn, urgent ? INTERVIEW_URGENT_WORKING_DAYS : INTERVIEW_WORKING_DAYS), c, {
      detail: `${urgent ? '2 dni robocze (sprawa pilna)' : '14 dni roboczych'} od powzięcia informacji ${formatDate(learnedOn)}`,
    });
  }

  // D4, D5: Za życiem practice reminders.
  if (!general && requestReceivedOn !== undefined) {
    if (applies('ZZ_ASSIGNMENT_DUE', phase) && assignedOn === undefined) {
      emit(e, 'ZZ_ASSIGNMENT_DUE', addDays(requestReceivedOn, s.zaZyciemAssignmentDays), c, {
        detail: `wniosek wpłynął ${formatDate(requestReceivedOn)}`,
      });
    }
    if (applies('ZZ_APPLICANT_INFO_DUE', phase) && applicantInformedOn === undefined) {
      emit(e, 'ZZ_APPLICANT_INFO_DUE', addDays(requestReceivedOn, s.zaZyciemApplicantInfoDays), c, {
        detail: `wniosek wpłynął ${formatDate(requestReceivedOn)}`,
      });
    }
  }

  // D6: first contact (Za życiem: contact and consent).
  if (assignedOn !== undefined && applies('FIRST_CONTACT_DUE', phase)) {
    const days = general ? s.generalFirstContactDays : s.zaZyciemContactDays;
    const done = general ? firstContactOn !== undefined : firstContactOn !== undefined && consentOn !== undefined;
    if (days !== null && !done) {
      emit(e, 'FIRST_CONTACT_DUE', addDays(assignedOn, days), c, {
        what: general ? undefined : 'kontakt i zgoda rodziny',
        detail: `asystent przydzielony ${formatDate(assignedOn)}`,
      });
    }
  }

  // D7: initial assessment and work plan (general support; OPS settings, counted from consent).
  if (general && consentOn !== undefined) {
    const detail = `zgoda rodziny ${formatDate(consentOn)}`;
    if (applies('INITIAL_ASSESSMENT_DUE', phase) && initialAssessmentOn === undefined && lastAssessmentOn === undefined) {
      emit(e, 'INITIAL_ASSESSMENT_DUE', addDays(consentOn, s.initialAssessmentDaysAfterConsent), c, { detail });
    }
    if (applies('WORK_PLAN_DUE', phase) && workPlanOn === undefined) {
      emit(e, 'WORK_PLAN_DUE', addDays(consentOn, s.workPlanDaysAfterConsent), c, { detail });
    }
  }

  // D8: periodic assessment, rolling from the last actual assessment (clamped, never moved).
  if (assignedOn !== undefined && applies('PERIODIC_ASSESSMENT_DUE', phase)) {
    const last = latest(initialAssessmentOn, lastAssessmentOn);
    const start = s.firstAssessmentFrom === 'consent' && consentOn !== undefined ? consentOn : assignedOn;
    const due = periodicAssessmentDueDate(last === undefined ? { assignedOn: start } : { assignedOn: start, lastAssessmentOn: last });
    emit(e, 'PERIODIC_ASSESSMENT_DUE', due, c, {
      detail:
        last === undefined
          ? `6 miesięcy od ${start === assignedOn ? 'przydzielenia asystenta' : 'zgody rodziny'} ${formatDate(start)}`
          : `6 miesięcy od ostatniej oceny ${formatDate(last)}`,
    });
  }

  // Visit gap (OPS setting "max days between visits").
  if (applies('VISIT_GAP', phase)) {
    const reference = lastVisitOn ?? firstContactOn ?? consentOn ?? assignedOn;
    if (reference !== undefined) {
      const due = addDays(reference, s.maxDaysBetweenVisits);
      if (toDayNumber(due) - e.todayNumber <= s.visitGapReminderDays) {
        emit(e, 'VISIT_GAP', due, c, {
          detail: `${lastVisitOn !== undefined ? 'ostatnia wizyta' : 'brak wizyt; liczone od'} ${formatDate(reference)}; limit ${s.maxDaysBetweenVisits} dni między wizytami`,
        });
      }
    }
  }

  // D11: court opinions.
  if (c.courtOpinionRequests && applies('COURT_OPINION_DUE', phase)) {
    for (const r of c.courtOpinionRequests) {
      if (r.submittedOn !== undefined) continue;
      const requestedOn = assertIsoDate(r.requestedOn, `requestedOn of court request ${r.id} of case ${id}`);
      const deliveredOn = validDate(r.deliveredOn, id, `deliveredOn of court request ${r.id}`);
      const fixed = validDate(r.dueDate, id, `dueDate of court request ${r.id}`);
      let due: IsoDate;
      let note: string;
      if (fixed !== undefined) {
        due = fixed;
        note = 'termin wyznaczony przez sąd';
      } else if (r.termDays !== undefined) {
        if (!Number.isInteger(r.termDays) || r.termDays < 1) {
          throw new RangeError(`termDays of court request ${r.id} of case ${id} must be an integer >= 1, got ${r.termDays}`);
        }
        due = dayTermDeadlineFast(deliveredOn ?? requestedOn, r.termDays);
        note =
          deliveredOn !== undefined
            ? `${r.termDays} dni od doręczenia ${formatDate(deliveredOn)}`
            : `${r.termDays} dni liczone od daty pisma ${formatDate(requestedOn)} — uzupełnij datę doręczenia`;
      } else {
        continue; // no term known: nothing to count
      }
      emit(e, 'COURT_OPINION_DUE', due, c, {
        ref: r.id,
        what: `${r.court}, sygn. ${r.caseRef}`,
        detail: `pismo z ${formatDate(requestedOn)}; ${note}`,
      });
    }
  }

  // D18: the 4000 zł benefit.
  if (c.children && applies('ONE_OFF_BENEFIT_DEADLINE', phase)) {
    for (const child of c.children) {
      if (child.benefitAppliedOn !== undefined) continue;
      const birthDate = assertIsoDate(child.birthDate, `birthDate of child ${child.name} of case ${id}`);
      const role = child.applicantRole ?? 'mother';
      const careTakenOn = validDate(child.careTakenOn, id, `careTakenOn of child ${child.name}`);
      const guardian = isGuardianRole(role);
      let due: IsoDate;
      let detail: string;
      if (guardian && careTakenOn === undefined) {
        due = dayBeforeEighteenthBirthday(birthDate);
        detail = 'uzupełnij datę objęcia dziecka opieką lub przysposobienia — termin liczony od niej; podano termin graniczny (dzień przed 18. urodzinami)';
      } else {
        due = oneOffBenefitDeadline({
          applicationDate: e.today,
          applicantRole: role,
          child: { birthDate, bornAlive: true, placedInFosterCareOrFreeDps: false },
          ...(careTakenOn !== undefined ? { careTakenOn } : {}),
        });
        detail = guardian
          ? `12 miesięcy od objęcia opieką ${formatDate(careTakenOn!)}, nie później niż do 18. urodzin`
          : `12 miesięcy od urodzenia ${formatDate(birthDate)}`;
      }
      emit(e, 'ONE_OFF_BENEFIT_DEADLINE', due, c, { ref: child.name, what: child.name, detail });
    }
  }

  // D13: end of post-closure monitoring.
  if (applies('MONITORING_END', phase)) {
    const end = monitoringEndsOn ?? (closedOn !== undefined ? addMonthsClamped(closedOn, s.monitoringMonths) : undefined);
    if (end !== undefined) {
      emit(e, 'MONITORING_END', end, c, {
        detail: closedOn !== undefined ? `zakończenie pracy ${formatDate(closedOn)}` : undefined,
      });
    }
  }
}

// ---- Office-wide: half-year statistics (D15) -------------------------------------------------

/** The reporting period and due date of the half-year statistics: H1 of year Y is due on
 *  31 July Y, H2 on 31 January Y+1 — exact dates, not moved past weekends (T37, T38). */
export function statisticsDueDate(period: string): IsoDate {
  const m = /^(\d{4})-H([12])$/.exec(period);
  if (!m) throw new RangeError(`Statistics period must look like '2026-H1', got ${JSON.stringify(period)}`);
  const year = Number(m[1]);
  return m[2] === '1' ? `${m[1]}-07-31` : assertIsoDate(`${String(year + 1).padStart(4, '0')}-01-31`);
}

/** The statistics items for `today`: the latest period whose due date has passed, while it is
 *  not filed (overdue), and the next one from `statisticsAlertDays` before its due date. */
export function statisticsDeadlines(
  today: IsoDate,
  settings: Partial<OfficeDeadlineSettings> = {},
  statisticsFiledPeriods: ReadonlyArray<string> = [],
  officeSetUpOn?: IsoDate,
): DeadlineItem[] {
  const e = newEmitter(today, settings);
  statisticsInto(e, new Set(statisticsFiledPeriods), officeSetUpOn);
  return e.out;
}

function statisticsInto(e: Emitter, filed: ReadonlySet<string>, officeSetUpOn?: IsoDate): void {
  const { year } = parseIsoDate(e.today);
  // Periods in due-date order around today: H2 of Y-1 (31 Jan Y), H1 of Y (31 Jul Y), H2 of Y (31 Jan Y+1).
  const periods = [`${year - 1}-H2`, `${year}-H1`, `${year}-H2`];
  let lastPassed: string | undefined;
  let next: string | undefined;
  for (const p of periods) {
    if (statisticsDueDate(p) < e.today) lastPassed = p;
    else if (next === undefined) next = p;
  }
  if (lastPassed === undefined) lastPassed = `${year - 1}-H1`; // today is 1–31 January (31 Jan is not passed)
  const emitPeriod = (p: string) => {
    if (officeSetUpOn !== undefined && statisticsDueDate(p) < assertIsoDate(officeSetUpOn, 'officeSetUpOn')) return;
    const half = p.endsWith('H1') ? 'I' : 'II';
    const y = p.slice(0, 4);
    emit(e, half === 'I' ? 'STATISTICS_H1_DUE' : 'STATISTICS_H2_DUE', statisticsDueDate(p), undefined, {
      ref: p,
      what: `${y} r., do wojewody`,
      detail: half === 'I' ? `okres 1 stycznia – 30 czerwca ${y} r.` : `okres 1 lipca – 31 grudnia ${y} r.`,
    });
  };
  if (!filed.has(lastPassed)) emitPeriod(lastPassed);
  if (next !== undefined && !filed.has(next) && daysBetween(e.today, statisticsDueDate(next)) <= e.settings.statisticsAlertDays) {
    emitPeriod(next);
  }
}

// ---- Entry point ----------------------------------------------------------------------------

const STATUS_ORDER: Readonly<Record<DeadlineStatus, number>> = { overdue: 0, 'due-soon': 1, upcoming: 2 };

/** Overdue first, then by due date, then kind, case and reference (a total, stable order). */
export function compareDeadlineItems(a: DeadlineItem, b: DeadlineItem): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/**
 * All deadlines of all `cases` on `today`, plus the office-wide statistics items, sorted
 * overdue first then by due date. Linear in the number of cases. Throws RangeError on an
 * invalid date (naming the case and field), an unknown phase or track, or invalid settings.
 */
export function computeDeadlines(
  cases: ReadonlyArray<CaseDeadlineFacts>,
  today: IsoDate,
  settings: Partial<OfficeDeadlineSettings> = {},
  context: DeadlineContext = {},
): DeadlineItem[] {
  const e = newEmitter(today, settings);
  for (const c of cases) caseDeadlines(e, c);
  if (context.includeOfficeItems !== false) statisticsInto(e, new Set(context.statisticsFiledPeriods ?? []), context.officeSetUpOn);
  // Sort on one precomputed string: the status rank and the date are fixed-width, so this is
  // the order of compareDeadlineItems at a fraction of the comparator cost.
  const decorated = e.out.map((item) => ({ sortKey: `${STATUS_ORDER[item.status]}${item.dueDate}${item.key}`, item }));
  decorated.sort((x, y) => (x.sortKey < y.sortKey ? -1 : x.sortKey > y.sortKey ? 1 : 0));
  return decorated.map((d) => d.item);
}

// ---- Visit gap check when recording a visit (T47) --------------------------------------------

/** When a visit on `visitOn` follows the previous one by more than the office limit, a warning
 *  (never a block). No finding when there was no previous visit. */
export function checkVisitGap(input: {
  previousVisitOn?: IsoDate;
  visitOn: IsoDate;
  maxDaysBetweenVisits?: number;
}): { gapDays: number | null; findings: Finding[] } {
  const visitOn = assertIsoDate(input.visitOn, 'visitOn');
  const limit = resolveDeadlineSettings(
    input.maxDaysBetweenVisits !== undefined ? { maxDaysBetweenVisits: input.maxDaysBetweenVisits } : {},
  ).maxDaysBetweenVisits;
  if (input.previousVisitOn === undefined) return { gapDays: null, findings: [] };
  const gapDays = daysBetween(assertIsoDate(input.previousVisitOn, 'previousVisitOn'), visitOn);
  const findings = gapDays > limit ? [finding('VISIT_GAP_EXCEEDED', { gapDays, limit, previousVisitOn: input.previousVisitOn })] : [];
  return { gapDays, findings };
}
