/**
 * The case lifecycle as data (domain.md §2.2 general support, §2.3 "Za życiem"): states with
 * Polish labels, and transitions with their from-states, to-state, allowed roles and guards that
 * return Findings. The renderer calls `availableTransitions` to show what the user may do and
 * why not; the main process calls `checkTransition` and refuses on any blocker. Pure functions.
 */
import type { Role } from '../roles';
import type { Finding, IsoDate } from './types';
import type { ClosureReasonCode, ReferralSource, ZaZyciemCategory } from './labels';
import type { Art43Certificate } from './zaZyciem';
import type { CaseloadPhase } from './caseload';
import { finding, findingsBlock } from './findings';
import { checkCaseload } from './caseload';
import { checkGeneralEligibility } from './generalEligibility';
import { checkZaZyciemEligibility } from './zaZyciem';
import { interviewDueDate, daysOverdue, INTERVIEW_URGENT_WORKING_DAYS, INTERVIEW_WORKING_DAYS } from './deadlines';
import { addDays, isIsoDate } from './isoDate';
import { LIFECYCLE_BASIS } from './lifecycleFindings';
import { checkCaseClosure } from './work';
import { checkClosureAgainstFinalAssessment, checkRequestAnalysis, type RecordAssessment, type RecordPlanVersion } from './records';

// ---- Tracks, sources ---------------------------------------------------------------------------

export type CaseTrack = 'general' | 'za-zyciem';

export const CASE_TRACKS: Readonly<Record<CaseTrack, { label: string; basis: string }>> = {
  general: { label: 'Wspieranie rodziny (ustawa z 9 czerwca 2011 r.)', basis: LIFECYCLE_BASIS.intake },
  'za-zyciem': { label: 'Koordynacja „Za życiem” (ustawa z 4 listopada 2016 r.)', basis: LIFECYCLE_BASIS.zz },
};

/** Referral source of a case: S1–S5 as in the rules API, S7 (child in foster care), S6 (Za życiem). */
export type CaseSource = ReferralSource | 'child-in-foster-care' | 'za-zyciem';

export const CASE_SOURCES: Readonly<Record<CaseSource, { code: string; label: string; track: CaseTrack }>> = {
  'social-worker': { code: 'S1', label: 'Ośrodek powziął informację o rodzinie', track: 'general' },
  'family-request': { code: 'S2', label: 'Wniosek rodziny', track: 'general' },
  institution: { code: 'S3', label: 'Wniosek instytucji', track: 'general' },
  'court-order': { code: 'S4', label: 'Postanowienie sądu (art. 109 § 2 pkt 1 KRO)', track: 'general' },
  'minor-parent-leaving-institution': {
    code: 'S5',
    label: 'Małoletni rodzic opuszczający placówkę (art. 11 ust. 1a)',
    track: 'general',
  },
  'za-zyciem': { code: 'S6', label: 'Wniosek „Za życiem”', track: 'za-zyciem' },
  'child-in-foster-care': { code: 'S7', label: 'Dziecko w pieczy zastępczej — powrót do rodziny', track: 'general' },
};

/** The source as the eligibility rules know it (S7 follows the S1 path, domain.md §2.1). */
export function eligibilitySource(source: CaseSource): ReferralSource {
  if (source === 'child-in-foster-care' || source === 'za-zyciem') return 'social-worker';
  return source;
}

// ---- States ------------------------------------------------------------------------------------

export type CaseState =
  | 'ZGLOSZENIE'
  | 'RWS_PRZEPROWADZONY'
  | 'ANALIZA'
  | 'WNIOSEK_PS'
  | 'SKIEROWANIE_DO_PODMIOTU'
  | 'LISTA_OCZEKUJACYCH'
  | 'WNIOSEK_ZZ'
  | 'WERYFIKACJA'
  | 'PRZYDZIELONY'
  | 'PIERWSZY_KONTAKT'
  | 'ZGODA'
  | 'KONTAKT_I_ZGODA'
  | 'OCENA_WSTEPNA'
  | 'PLAN_PRACY'
  | 'REALIZACJA'
  | 'KATALOG_WSPARCIA'
  | 'KOORDYNACJA'
  | 'ZAWIESZENIE'
  | 'MONITORING'
  | 'ZAMKNIETA'
  | 'ARCHIWUM';

/** Phase groups used by lists, filters and the caseload count. */
export type StatePhase = 'intake' | 'decision' | 'waiting' | 'active' | 'suspended' | 'monitoring' | 'closed';

export interface StateDef {
  label: string;
  tracks: ReadonlyArray<CaseTrack>;
  phase: StatePhase;
}

export const CASE_STATES: Readonly<Record<CaseState, StateDef>> = {
  ZGLOSZENIE: { label: 'Zgłoszenie', tracks: ['general'], phase: 'intake' },
  RWS_PRZEPROWADZONY: { label: 'Wywiad środowiskowy przeprowadzony', tracks: ['general'], phase: 'intake' },
  ANALIZA: { label: 'Analiza sytuacji rodziny', tracks: ['general'], phase: 'intake' },
  WNIOSEK_PS: { label: 'Wniosek o asystenta — czeka na decyzję kierownika', tracks: ['general'], phase: 'decision' },
  SKIEROWANIE_DO_PODMIOTU: { label: 'Skierowano do innego podmiotu', tracks: ['general'], phase: 'waiting' },
  LISTA_OCZEKUJACYCH: { label: 'Lista oczekujących', tracks: ['general'], phase: 'waiting' },
  WNIOSEK_ZZ: { label: 'Wniosek „Za życiem”', tracks: ['za-zyciem'], phase: 'intake' },
  WERYFIKACJA: { label: 'Wniosek zweryfikowany — czeka na przydzielenie', tracks: ['za-zyciem'], phase: 'decision' },
  PRZYDZIELONY: { label: 'Asystent przydzielony', tracks: ['general', 'za-zyciem'], phase: 'active' },
  PIERWSZY_KONTAKT: { label: 'Pierwszy kontakt', tracks: ['general'], phase: 'active' },
  ZGODA: { label: 'Zgoda na współpracę', tracks: ['general'], phase: 'active' },
  KONTAKT_I_ZGODA: { label: 'Kontakt i zgoda rodziny', tracks: ['za-zyciem'], phase: 'active' },
  OCENA_WSTEPNA: { label: 'Ocena wstępna', tracks: ['general'], phase: 'active' },
  PLAN_PRACY: { label: 'Plan pracy', tracks: ['general'], phase: 'active' },
  REALIZACJA: { label: 'Realizacja planu', tracks: ['general'], phase: 'active' },
  KATALOG_WSPARCIA: { label: 'Katalog wsparcia', tracks: ['za-zyciem'], phase: 'active' },
  KOORDYNACJA: { label: 'Koordynacja wsparcia', tracks: ['za-zyciem'], phase: 'active' },
  ZAWIESZENIE: { label: 'Praca zawieszona', tracks: ['general', 'za-zyciem'], phase: 'suspended' },
  MONITORING: { label: 'Monitoring po zakończeniu', tracks: ['general', 'za-zyciem'], phase: 'monitoring' },
  ZAMKNIETA: { label: 'Zamknięta', tracks: ['general', 'za-zyciem'], phase: 'closed' },
  ARCHIWUM: { label: 'Archiwum', tracks: ['general', 'za-zyciem'], phase: 'closed' },
};

export const CASE_STATE_CODES = Object.keys(CASE_STATES) as CaseState[];

export function isCaseState(s: string): s is CaseState {
  return Object.prototype.hasOwnProperty.call(CASE_STATES, s);
}

/** The caseload phase of a case in this state (pre-assignment and closed states never count). */
export function caseloadPhaseOf(state: CaseState): CaseloadPhase {
  const p = CASE_STATES[state].phase;
  if (p === 'active') return 'active';
  if (p === 'suspended') return 'suspended';
  if (p === 'monitoring') return 'monitoring';
  return 'closed';
}

/** States in which the family's consent (or its statutory replacement) is on record. */
export const CONSENT_RECORDED_STATES: ReadonlyArray<CaseState> = [
  'ZGODA',
  'KONTAKT_I_ZGODA',
  'OCENA_WSTEPNA',
  'PLAN_PRACY',
  'REALIZACJA',
  'KATALOG_WSPARCIA',
  'KOORDYNACJA',
  'ZAWIESZENIE',
];

/** Why a case ended up ZAMKNIETA before any work (the codes are stored with the case). */
export const EARLY_CLOSURE_REASONS = {
  BRAK_PRZESLANEK: 'Brak przesłanek — rodzina nie wymaga wsparcia asystenta',
  ODMOWA_PRZYDZIELENIA: 'Odmowa przydzielenia asystenta',
  BRAK_ZGODY: 'Brak zgody rodziny',
  ODMOWA_ZZ: 'Odmowa — wniosek „Za życiem” niespełniający warunków',
} as const;
export type EarlyClosureReason = keyof typeof EARLY_CLOSURE_REASONS;

// ---- Facts, actors, inputs ----------------------------------------------------------------------

export interface CaseFacts {
  track: CaseTrack;
  state: CaseState;
  source: CaseSource;
  assistantId: string | null;
  learnedOn?: IsoDate | null;
  urgent?: boolean;
  interviewDueOn?: IsoDate | null;
  interviewOn?: IsoDate | null;
  careDifficultiesFound?: boolean | null;
  assignedOn?: IsoDate | null;
  /** Za życiem: date the request reached the office. */
  receivedOn?: IsoDate | null;
  courtOrder?: { court: string; caseRef: string; date: IsoDate } | null;
  /** The social worker's analysis as noted with the analysis step (art. 11 ust. 2). */
  analysisNote?: string | null;
}

export interface TransitionActor {
  role: Role;
  userId: string;
}

export interface ZzDocuments {
  pregnancyDocument: boolean;
  certificate?: (Art43Certificate & { issuer?: string }) | null;
  medicalCareFromWeek10?: boolean | null;
}

export type ConsentBasisInput =
  | { kind: 'written-consent'; consentOn: IsoDate }
  | { kind: 'court-order'; court: string; caseRef: string; date: IsoDate }
  | { kind: 'art-11-1a'; leftInstitutionOn?: IsoDate | null; institution?: string | null };

/** Input of each action (what the form sends). */
export interface TransitionInputs {
  recordInterview: { interviewOn: IsoDate; note?: string };
  recordAnalysis: { analysisOn: IsoDate; careDifficultiesFound: boolean; note?: string };
  concludeNoAssistantNeeded: { decidedOn: IsoDate; note?: string };
  /** `analysis`: the social worker's analysis of the family's situation (art. 11 ust. 2); when
   *  empty, the note of the analysis step stands for it. */
  submitRequest: { requestOn: IsoDate; justification: string; analysis?: string | null };
  assign: { assistantId: string; decidedOn: IsoDate; note?: string };
  forward: { decidedOn: IsoDate; forwardedTo: string; forwardKind: 'gmina-unit' | 'commissioned-entity'; note?: string };
  waitlist: { decidedOn: IsoDate; note?: string };
  refuse: { decidedOn: IsoDate; reason: string };
  recordFirstContact: { contactOn: IsoDate; withSocialWorker: boolean; note?: string };
  recordConsent: { basis: ConsentBasisInput; note?: string };
  recordRefusal: { refusedOn: IsoDate; note?: string };
  verifyZz: { verifiedOn: IsoDate; documents: ZzDocuments; category: ZaZyciemCategory };
  refuseZz: { decidedOn: IsoDate; reason: string };
  // Later stages (issue 4): declared as data, refused by the main process for now.
  startInitialAssessment: { on: IsoDate };
  adoptPlan: { on: IsoDate };
  startRealisation: { on: IsoDate };
  drawUpCatalogue: { on: IsoDate };
  startCoordination: { on: IsoDate };
  suspend: { on: IsoDate; reason: string };
  resume: { on: IsoDate };
  close: {
    on: IsoDate;
    reason: string;
    /** PIECZA_BEZ_POWROTU only: the placement is permanent (a temporary one is no reason). */
    permanentPlacementConfirmed?: boolean;
    /** Court-ordered cases: the day the court or kurator was informed. */
    courtInformedOn?: IsoDate | null;
    /** Why the reason stands when the final assessment speaks against it (records.ts). */
    reasonJustification?: string | null;
  };
  archive: { on: IsoDate };
}

/** Facts of the work with the family that the later transitions need (issue 4). */
export interface WorkFacts {
  initialAssessmentOn?: IsoDate | null;
  planOn?: IsoDate | null;
  finalAssessmentOn?: IsoDate | null;
  catalogueItems?: number;
  monitoringEndsOn?: IsoDate | null;
  /** The final assessment and the plan versions: the closure reason must agree with them. */
  finalAssessment?: RecordAssessment | null;
  plans?: ReadonlyArray<RecordPlanVersion>;
}
export type CaseAction = keyof TransitionInputs;

/** Context the main process loads for the guards (the renderer passes what it knows). */
export interface TransitionContext {
  /** Today (Europe/Warsaw). */
  asOf: IsoDate;
  /** The family's children (for the request's eligibility check). */
  children?: ReadonlyArray<{ birthDate: IsoDate; placement: 'home' | 'foster-care' }>;
  familyId?: string;
  /** The chosen assistant (for `assign`). */
  assistant?: {
    id: string;
    name: string;
    role: Role;
    active: boolean;
    personalLimit: number | null;
    cases: ReadonlyArray<{ familyId: string; phase: CaseloadPhase }>;
  } | null;
  /** Office setting "monitoring counts toward the caseload" (default false). */
  countMonitoring?: boolean;
  /** Assessments, plan, catalogue and monitoring facts (issue 4 transitions). */
  work?: WorkFacts;
  /** Set by checkTransition from the actor. */
  actorRole?: Role;
}

type Guard<A extends CaseAction> = (facts: CaseFacts, input: TransitionInputs[A] | undefined, ctx: TransitionContext) => Finding[];

/** A guard with its input type erased (each definition's guard is typed where it is written). */
export type AnyGuard = (facts: CaseFacts, input: unknown, ctx: TransitionContext) => Finding[];

export interface TransitionDef<A extends CaseAction = CaseAction> {
  action: A;
  label: string;
  track: CaseTrack;
  from: ReadonlyArray<CaseState>;
  to: CaseState;
  roles: ReadonlyArray<Role>;
  /** Roles that may act only on a case assigned to them. */
  ownCaseOnly?: ReadonlyArray<Role>;
  /** Enforced by the main process in this version (false: later stages, issue 4). */
  implemented: boolean;
  basis: string;
  guard?: AnyGuard;
}

/** Types a guard's input by its action and erases it for the table. */
function g<A extends CaseAction>(fn: Guard<A>): AnyGuard {
  return fn as AnyGuard;
}

// ---- Guards ---------------------------------------------------------------------------------

function dateGuard(field: string, date: IsoDate | undefined | null, asOf: IsoDate): Finding[] {
  if (!date || !isIsoDate(date)) return [finding('DATE_MISSING', { field })];
  if (date > asOf) return [finding('DATE_IN_FUTURE', { field, date, asOf })];
  return [];
}

const isMandatory = (f: CaseFacts) => f.source === 'minor-parent-leaving-institution';
const isCourtOrdered = (f: CaseFacts) => f.source === 'court-order';

/** Reminders of the practice deadlines of a Za życiem request (domain.md §2.4 D4–D6). */
export function zzDeadlines(receivedOn: IsoDate, assignedOn?: IsoDate | null): {
  assignmentDue: IsoDate;
  informationDue: IsoDate;
  contactDue: IsoDate | null;
} {
  return {
    assignmentDue: addDays(receivedOn, 2),
    informationDue: addDays(receivedOn, 14),
    contactDue: assignedOn ? addDays(assignedOn, 7) : null,
  };
}

function zzReminders(facts: CaseFacts, asOf: IsoDate): Finding[] {
  if (!facts.receivedOn || !isIsoDate(facts.receivedOn)) return [];
  const d = zzDeadlines(facts.receivedOn);
  const out: Finding[] = [];
  if (asOf > d.assignmentDue) out.push(finding('ZZ_ASSIGNMENT_OVERDUE', { dueOn: d.assignmentDue }));
  else out.push(finding('ZZ_ASSIGNMENT_DUE', { dueOn: d.assignmentDue, receivedOn: facts.receivedOn }));
  out.push(finding('ZZ_INFORMATION_DUE', { dueOn: d.informationDue }));
  return out;
}

const assignGuard: Guard<'assign'> = (facts, input, ctx) => {
  const out: Finding[] = [];
  if (facts.track === 'za-zyciem') out.push(...zzReminders(facts, ctx.asOf));
  if (!input) return out;
  out.push(...dateGuard('Data decyzji', input.decidedOn, ctx.asOf));
  if (!input.assistantId) return [...out, finding('DECISION_ASSISTANT_MISSING')];
  const a = ctx.assistant;
  if (!a || a.id !== input.assistantId || a.role !== 'assistant' || !a.active) {
    return [...out, finding('DECISION_ASSISTANT_NOT_ACTIVE', { name: a?.name ?? input.assistantId })];
  }
  const cl = checkCaseload({
    cases: [...a.cases],
    candidateFamilyId: ctx.familyId ?? '',
    personalLimit: a.personalLimit ?? undefined,
    countMonitoring: ctx.countMonitoring ?? false,
  });
  out.push(...cl.findings);
  if (facts.track === 'za-zyciem' && input.decidedOn && isIsoDate(input.decidedOn)) {
    out.push(finding('CONSENT_DUE', { dueOn: addDays(input.decidedOn, 7) }));
  }
  return out;
};

const consentGuard: Guard<'recordConsent'> = (facts, input, ctx) => {
  const out: Finding[] = [];
  if (facts.track === 'za-zyciem' && facts.assignedOn && isIsoDate(facts.assignedOn)) {
    const due = addDays(facts.assignedOn, 7);
    out.push(finding('CONSENT_DUE', { dueOn: due }));
  }
  if (!input) return out;
  const b = input.basis;
  if (facts.track === 'za-zyciem' && b.kind !== 'written-consent') return [...out, finding('ZZ_CONSENT_WRITTEN_ONLY')];
  if (b.kind === 'written-consent') {
    out.push(...dateGuard('Data zgody', b.consentOn, ctx.asOf));
    if (facts.assignedOn && isIsoDate(b.consentOn) && b.consentOn < facts.assignedOn) {
      out.push(finding('CONSENT_DATE_BEFORE_ASSIGNMENT', { consentOn: b.consentOn, assignedOn: facts.assignedOn }));
    }
  } else if (b.kind === 'court-order') {
    const elig = checkGeneralEligibility({
      asOf: ctx.asOf,
      source: 'court-order',
      children: [],
      careDifficultiesFound: true,
      consent: 'pending',
      courtOrder: { court: b.court ?? '', caseRef: b.caseRef ?? '', date: b.date && isIsoDate(b.date) ? b.date : '' },
    });
    const keep = elig.findings.filter((f) =>
      ['COURT_ORDER_DETAILS_MISSING', 'COURT_ORDER_DATE_AFTER_AS_OF', 'CONSENT_REPLACED_BY_COURT_ORDER'].includes(f.code),
    );
    out.push(...keep);
  } else if (b.kind === 'art-11-1a') {
    if (!isMandatory(facts)) out.push(finding('CONSENT_BASIS_ART_11_1A_WRONG_SOURCE'));
    else out.push(finding('ASSIGNMENT_MANDATORY_ART_11_1A'));
    if (b.leftInstitutionOn) out.push(...dateGuard('Data opuszczenia placówki', b.leftInstitutionOn, ctx.asOf));
  }
  return out;
};

const refusalOfConsentGuard: Guard<'recordRefusal'> = (facts, input, ctx) => {
  const out: Finding[] = [];
  if (isCourtOrdered(facts)) out.push(finding('CONSENT_REFUSAL_NOT_ALLOWED_COURT_ORDER'));
  if (isMandatory(facts)) out.push(finding('CONSENT_REFUSAL_NOT_ALLOWED_ART_11_1A'));
  if (input) out.push(...dateGuard('Data odmowy', input.refusedOn, ctx.asOf));
  return out;
};

// ---- The machines -------------------------------------------------------------------------------

const HEAD: ReadonlyArray<Role> = ['admin'];
const PS_OR_HEAD: ReadonlyArray<Role> = ['social_worker', 'admin'];
const ASSISTANT_OR_HEAD: ReadonlyArray<Role> = ['assistant', 'admin'];

const later = (
  action: CaseAction,
  label: string,
  track: CaseTrack,
  from: ReadonlyArray<CaseState>,
  to: CaseState,
  roles: ReadonlyArray<Role> = ASSISTANT_OR_HEAD,
): TransitionDef => ({
  action,
  label,
  track,
  from,
  to,
  roles,
  ownCaseOnly: ['assistant'],
  implemented: true,
  basis: LIFECYCLE_BASIS.laterStages,
  guard: LATER_GUARDS[action],
});

/** Guards of the later stages (issue 4): dates, and the documents each step rests on. */
const onGuard = (field: string): AnyGuard => (_f, input, ctx) =>
  input ? dateGuard(field, (input as { on?: IsoDate }).on, ctx.asOf) : [];
const LATER_GUARDS: Partial<Record<CaseAction, AnyGuard>> = {
  startInitialAssessment: (f, input, ctx) => [
    ...(ctx.work?.initialAssessmentOn ? [] : [finding('TRANSITION_NEEDS_INITIAL_ASSESSMENT')]),
    ...onGuard('Data oceny')(f, input, ctx),
  ],
  adoptPlan: (f, input, ctx) => [...(ctx.work?.planOn ? [] : [finding('TRANSITION_NEEDS_PLAN')]), ...onGuard('Data planu')(f, input, ctx)],
  startRealisation: onGuard('Data rozpoczęcia realizacji'),
  drawUpCatalogue: (f, input, ctx) => [
    ...((ctx.work?.catalogueItems ?? 0) > 0 ? [] : [finding('TRANSITION_NEEDS_CATALOGUE')]),
    ...onGuard('Data katalogu')(f, input, ctx),
  ],
  startCoordination: onGuard('Data rozpoczęcia koordynacji'),
  suspend: (f, input, ctx) => {
    const out = onGuard('Data zawieszenia')(f, input, ctx);
    if (input && !(input as { reason?: string }).reason?.trim()) out.push(finding('SUSPENSION_REASON_MISSING'));
    return out;
  },
  resume: onGuard('Data wznowienia'),
  close: (facts, raw, ctx) => {
    const input = raw as TransitionInputs['close'] | undefined;
    if (!input) return ctx.work && !ctx.work.finalAssessmentOn ? [finding('CLOSURE_FINAL_ASSESSMENT_MISSING')] : [];
    const out = dateGuard('Data zakończenia', input.on, ctx.asOf);
    out.push(
      ...checkCaseClosure({
        source: facts.track === 'za-zyciem' ? 'za-zyciem' : eligibilitySource(facts.source),
        reason: input.reason as ClosureReasonCode,
        finalAssessmentOn: ctx.work?.finalAssessmentOn ?? null,
        on: input.on,
        actorRole: ctx.actorRole ?? 'assistant',
        permanentPlacementConfirmed: input.permanentPlacementConfirmed,
        courtInformedOn: input.courtInformedOn ?? null,
      }),
    );
    out.push(
      ...checkClosureAgainstFinalAssessment({
        reason: input.reason,
        final: ctx.work?.finalAssessment ?? null,
        plans: ctx.work?.plans ?? [],
        justification: input.reasonJustification ?? null,
      }),
    );
    return out;
  },
  archive: (f, input, ctx) => {
    const out = onGuard('Data zakończenia monitoringu')(f, input, ctx);
    const on = (input as { on?: IsoDate } | undefined)?.on ?? ctx.asOf;
    const end = ctx.work?.monitoringEndsOn;
    if (end && on < end) out.push(finding('MONITORING_NOT_ENDED', { endsOn: end }));
    return out;
  },
};

export const GENERAL_TRANSITIONS: ReadonlyArray<TransitionDef> = [
  {
    action: 'recordInterview',
    label: 'Wywiad środowiskowy przeprowadzony',
    track: 'general',
    from: ['ZGLOSZENIE'],
    to: 'RWS_PRZEPROWADZONY',
    roles: PS_OR_HEAD,
    implemented: true,
    basis: LIFECYCLE_BASIS.interview,
    guard: g<'recordInterview'>((facts, input, ctx) => {
      const out: Finding[] = [];
      const due = facts.interviewDueOn;
      if (!input) {
        if (due && ctx.asOf > due) out.push(finding('INTERVIEW_OVERDUE', { dueOn: due, days: daysOverdue(due, ctx.asOf) }));
        return out;
      }
      out.push(...dateGuard('Data wywiadu', input.interviewOn, ctx.asOf));
      if (facts.learnedOn && isIsoDate(input.interviewOn) && input.interviewOn < facts.learnedOn) {
        out.push(finding('INTERVIEW_BEFORE_LEARNED', { interviewOn: input.interviewOn, learnedOn: facts.learnedOn }));
      }
      if (due && isIsoDate(input.interviewOn) && input.interviewOn > due) {
        out.push(finding('INTERVIEW_LATE', { interviewOn: input.interviewOn, dueOn: due }));
      }
      return out;
    }),
  },
  {
    action: 'recordAnalysis',
    label: 'Analiza sytuacji rodziny',
    track: 'general',
    from: ['RWS_PRZEPROWADZONY'],
    to: 'ANALIZA',
    roles: PS_OR_HEAD,
    implemented: true,
    basis: LIFECYCLE_BASIS.analysis,
    guard: g<'recordAnalysis'>((_facts, input, ctx) => {
      if (!input) return [];
      return dateGuard('Data analizy', input.analysisOn, ctx.asOf);
    }),
  },
  {
    action: 'concludeNoAssistantNeeded',
    label: 'Nie wymaga asystenta (zamknięcie: brak przesłanek)',
    track: 'general',
    from: ['RWS_PRZEPROWADZONY', 'ANALIZA'],
    to: 'ZAMKNIETA',
    roles: PS_OR_HEAD,
    implemented: true,
    basis: LIFECYCLE_BASIS.analysis,
    guard: g<'concludeNoAssistantNeeded'>((facts, input, ctx) => {
      const out: Finding[] = [];
      if (isMandatory(facts)) out.push(finding('NO_ASSISTANT_NOT_ALLOWED_ART_11_1A'));
      if (isCourtOrdered(facts)) out.push(finding('NO_ASSISTANT_COURT_ORDER'));
      if (input) out.push(...dateGuard('Data ustalenia', input.decidedOn, ctx.asOf));
      return out;
    }),
  },
  {
    action: 'submitRequest',
    label: 'Wniosek o przydzielenie asystenta (art. 11 ust. 3)',
    track: 'general',
    from: ['ANALIZA'],
    to: 'WNIOSEK_PS',
    roles: PS_OR_HEAD,
    implemented: true,
    basis: LIFECYCLE_BASIS.request,
    guard: g<'submitRequest'>((facts, input, ctx) => {
      const out: Finding[] = [];
      if (facts.careDifficultiesFound === false && !isMandatory(facts) && !isCourtOrdered(facts)) {
        out.push(finding('ANALYSIS_NO_DIFFICULTIES_USE_CLOSURE'));
      }
      if (ctx.children) {
        const elig = checkGeneralEligibility({
          asOf: ctx.asOf,
          source: eligibilitySource(facts.source),
          children: ctx.children.map((c) => ({ ...c })),
          careDifficultiesFound: facts.careDifficultiesFound !== false,
          consent: 'pending',
          courtOrder: facts.courtOrder ?? undefined,
        });
        // Consent is obtained later, at the first contact: only the substantive criteria here.
        out.push(
          ...elig.findings.filter(
            (f) => !['CONSENT_PENDING', 'NO_CARE_DIFFICULTIES', 'NO_CARE_DIFFICULTIES_ART_11_1A'].includes(f.code),
          ),
        );
      }
      if (input) {
        out.push(...dateGuard('Data wniosku', input.requestOn, ctx.asOf));
        out.push(...checkRequestAnalysis(input.analysis?.trim() || facts.analysisNote));
        if (!input.justification?.trim()) out.push(finding('REQUEST_JUSTIFICATION_MISSING'));
      }
      return out;
    }),
  },
  {
    action: 'assign',
    label: 'Decyzja: przydzielenie asystenta',
    track: 'general',
    from: ['WNIOSEK_PS', 'LISTA_OCZEKUJACYCH', 'SKIEROWANIE_DO_PODMIOTU'],
    to: 'PRZYDZIELONY',
    roles: HEAD,
    implemented: true,
    basis: LIFECYCLE_BASIS.decision,
    guard: assignGuard as AnyGuard,
  },
  {
    action: 'forward',
    label: 'Decyzja: skierowanie do jednostki gminy lub podmiotu zleconego',
    track: 'general',
    from: ['WNIOSEK_PS', 'LISTA_OCZEKUJACYCH'],
    to: 'SKIEROWANIE_DO_PODMIOTU',
    roles: HEAD,
    implemented: true,
    basis: LIFECYCLE_BASIS.decision,
    guard: g<'forward'>((_facts, input, ctx) => {
      if (!input) return [];
      const out = dateGuard('Data decyzji', input.decidedOn, ctx.asOf);
      if (!input.forwardedTo?.trim()) out.push(finding('FORWARD_TARGET_MISSING'));
      return out;
    }),
  },
  {
    action: 'waitlist',
    label: 'Decyzja: lista oczekujących',
    track: 'general',
    from: ['WNIOSEK_PS'],
    to: 'LISTA_OCZEKUJACYCH',
    roles: HEAD,
    implemented: true,
    basis: LIFECYCLE_BASIS.decision,
    guard: g<'waitlist'>((facts, input, ctx) => {
      const out: Finding[] = [];
      if (isMandatory(facts)) out.push(finding('WAITING_LIST_ART_11_1A'));
      if (input) out.push(...dateGuard('Data decyzji', input.decidedOn, ctx.asOf));
      return out;
    }),
  },
  {
    action: 'refuse',
    label: 'Decyzja: odmowa przydzielenia asystenta',
    track: 'general',
    from: ['WNIOSEK_PS', 'LISTA_OCZEKUJACYCH'],
    to: 'ZAMKNIETA',
    roles: HEAD,
    implemented: true,
    basis: LIFECYCLE_BASIS.decision,
    guard: g<'refuse'>((facts, input, ctx) => {
      const out: Finding[] = [];
      if (isMandatory(facts)) out.push(finding('REFUSAL_NOT_ALLOWED_ART_11_1A'));
      if (isCourtOrdered(facts)) out.push(finding('REFUSAL_COURT_ORDER'));
      if (input) {
        out.push(...dateGuard('Data decyzji', input.decidedOn, ctx.asOf));
        if (!input.reason?.trim()) out.push(finding('REFUSAL_REASON_MISSING'));
      }
      return out;
    }),
  },
  {
    action: 'recordFirstContact',
    label: 'Pierwszy kontakt z rodziną',
    track: 'general',
    from: ['PRZYDZIELONY'],
    to: 'PIERWSZY_KONTAKT',
    roles: ASSISTANT_OR_HEAD,
    ownCaseOnly: ['assistant'],
    implemented: true,
    basis: LIFECYCLE_BASIS.consent,
    guard: g<'recordFirstContact'>((_facts, input, ctx) => (input ? dateGuard('Data kontaktu', input.contactOn, ctx.asOf) : [])),
  },
  {
    action: 'recordConsent',
    label: 'Zgoda rodziny (lub postanowienie sądu / art. 11 ust. 1a)',
    track: 'general',
    from: ['PRZYDZIELONY', 'PIERWSZY_KONTAKT'],
    to: 'ZGODA',
    roles: ASSISTANT_OR_HEAD,
    ownCaseOnly: ['assistant'],
    implemented: true,
    basis: LIFECYCLE_BASIS.consent,
    guard: consentGuard as AnyGuard,
  },
  {
    action: 'recordRefusal',
    label: 'Brak zgody rodziny (zamknięcie)',
    track: 'general',
    from: ['PRZYDZIELONY', 'PIERWSZY_KONTAKT'],
    to: 'ZAMKNIETA',
    roles: ASSISTANT_OR_HEAD,
    ownCaseOnly: ['assistant'],
    implemented: true,
    basis: LIFECYCLE_BASIS.consent,
    guard: refusalOfConsentGuard as AnyGuard,
  },
  later('startInitialAssessment', 'Ocena wstępna sporządzona', 'general', ['ZGODA'], 'OCENA_WSTEPNA'),
  later('adoptPlan', 'Plan pracy sporządzony', 'general', ['OCENA_WSTEPNA'], 'PLAN_PRACY'),
  later('startRealisation', 'Realizacja planu', 'general', ['PLAN_PRACY'], 'REALIZACJA'),
  later('suspend', 'Zawieszenie pracy', 'general', ['REALIZACJA'], 'ZAWIESZENIE'),
  later('resume', 'Wznowienie pracy', 'general', ['ZAWIESZENIE'], 'REALIZACJA'),
  later('close', 'Zakończenie pracy z rodziną', 'general', ['ZGODA', 'OCENA_WSTEPNA', 'PLAN_PRACY', 'REALIZACJA', 'ZAWIESZENIE'], 'MONITORING'),
  later('archive', 'Zakończenie monitoringu (archiwum)', 'general', ['MONITORING'], 'ARCHIWUM', HEAD),
];

export const ZZ_TRANSITIONS: ReadonlyArray<TransitionDef> = [
  {
    action: 'verifyZz',
    label: 'Weryfikacja wniosku „Za życiem”',
    track: 'za-zyciem',
    from: ['WNIOSEK_ZZ'],
    to: 'WERYFIKACJA',
    roles: PS_OR_HEAD,
    implemented: true,
    basis: LIFECYCLE_BASIS.zz,
    guard: g<'verifyZz'>((facts, input, ctx) => {
      const out = zzReminders(facts, ctx.asOf);
      if (!input) return out;
      out.push(...dateGuard('Data weryfikacji', input.verifiedOn, ctx.asOf));
      const docs = input.documents;
      const cert = docs.certificate ?? undefined;
      const check = checkZaZyciemEligibility({
        asOf: ctx.asOf,
        category: input.category,
        pregnancyDocument: docs.pregnancyDocument,
        certificate: cert
          ? {
              nfzContracted: cert.nfzContracted,
              qualification: cert.qualification,
              field: cert.field,
              issuedOn: cert.issuedOn,
              condition: cert.condition,
              origin: cert.origin,
            }
          : undefined,
        // Consent is obtained at the first contact after the assignment.
        consent: 'written',
        medicalCareFromWeek10: docs.medicalCareFromWeek10 ?? undefined,
      });
      out.push(...check.findings);
      return out;
    }),
  },
  {
    action: 'refuseZz',
    label: 'Odmowa (wniosek „Za życiem” niespełniający warunków)',
    track: 'za-zyciem',
    from: ['WNIOSEK_ZZ', 'WERYFIKACJA'],
    to: 'ZAMKNIETA',
    roles: HEAD,
    implemented: true,
    basis: LIFECYCLE_BASIS.zz,
    guard: g<'refuseZz'>((facts, input, ctx) => {
      const out = zzReminders(facts, ctx.asOf).filter((f) => f.code === 'ZZ_INFORMATION_DUE');
      if (input) {
        out.push(...dateGuard('Data decyzji', input.decidedOn, ctx.asOf));
        if (!input.reason?.trim()) out.push(finding('ZZ_REFUSAL_REASON_MISSING'));
      }
      return out;
    }),
  },
  {
    action: 'assign',
    label: 'Przydzielenie asystenta',
    track: 'za-zyciem',
    from: ['WERYFIKACJA'],
    to: 'PRZYDZIELONY',
    roles: HEAD,
    implemented: true,
    basis: LIFECYCLE_BASIS.zzPractice,
    guard: assignGuard as AnyGuard,
  },
  {
    action: 'recordConsent',
    label: 'Kontakt i zgoda rodziny',
    track: 'za-zyciem',
    from: ['PRZYDZIELONY'],
    to: 'KONTAKT_I_ZGODA',
    roles: ASSISTANT_OR_HEAD,
    ownCaseOnly: ['assistant'],
    implemented: true,
    basis: LIFECYCLE_BASIS.zz,
    guard: consentGuard as AnyGuard,
  },
  {
    action: 'recordRefusal',
    label: 'Brak zgody rodziny (zamknięcie)',
    track: 'za-zyciem',
    from: ['PRZYDZIELONY'],
    to: 'ZAMKNIETA',
    roles: ASSISTANT_OR_HEAD,
    ownCaseOnly: ['assistant'],
    implemented: true,
    basis: LIFECYCLE_BASIS.zz,
    guard: refusalOfConsentGuard as AnyGuard,
  },
  later('drawUpCatalogue', 'Katalog wsparcia', 'za-zyciem', ['KONTAKT_I_ZGODA'], 'KATALOG_WSPARCIA'),
  later('startCoordination', 'Koordynacja wsparcia', 'za-zyciem', ['KATALOG_WSPARCIA'], 'KOORDYNACJA'),
  later('suspend', 'Zawieszenie pracy', 'za-zyciem', ['KOORDYNACJA'], 'ZAWIESZENIE'),
  later('resume', 'Wznowienie pracy', 'za-zyciem', ['ZAWIESZENIE'], 'KOORDYNACJA'),
  later('close', 'Zakończenie koordynacji', 'za-zyciem', ['KONTAKT_I_ZGODA', 'KATALOG_WSPARCIA', 'KOORDYNACJA', 'ZAWIESZENIE'], 'MONITORING'),
  later('archive', 'Zakończenie monitoringu (archiwum)', 'za-zyciem', ['MONITORING'], 'ARCHIWUM', HEAD),
];

export const TRANSITIONS: Readonly<Record<CaseTrack, ReadonlyArray<TransitionDef>>> = {
  general: GENERAL_TRANSITIONS,
  'za-zyciem': ZZ_TRANSITIONS,
};

/** Initial state of a new case. Intake (general) and the Za życiem request create the case. */
export const INITIAL_STATE: Readonly<Record<CaseTrack, CaseState>> = { general: 'ZGLOSZENIE', 'za-zyciem': 'WNIOSEK_ZZ' };
/** Who may create a case (intake / Za życiem request). */
export const INTAKE_ROLES: ReadonlyArray<Role> = PS_OR_HEAD;

export const ROLE_NAMES_PL: Readonly<Record<Role, string>> = {
  admin: 'kierownik ośrodka',
  social_worker: 'pracownik socjalny',
  assistant: 'asystent rodziny (we własnej sprawie)',
  dpo: 'inspektor ochrony danych',
};

export function transitionDef(track: CaseTrack, action: string): TransitionDef | undefined {
  return TRANSITIONS[track].find((t) => t.action === action);
}

/** Intake checks (general track): source, dates, court order; returns the RWŚ due date. */
export function checkIntake(input: {
  source: CaseSource;
  learnedOn: IsoDate;
  urgent: boolean;
  courtOrder?: { court: string; caseRef: string; date: IsoDate } | null;
  asOf: IsoDate;
}): { findings: Finding[]; interviewDueOn: IsoDate | null } {
  const out: Finding[] = [];
  if (input.source === 'za-zyciem') out.push(finding('INTAKE_SOURCE_ZA_ZYCIEM'));
  out.push(...dateGuard('Data powzięcia informacji', input.learnedOn, input.asOf));
  if (input.source === 'court-order') {
    const c = input.courtOrder;
    const elig = checkGeneralEligibility({
      asOf: input.asOf,
      source: 'court-order',
      children: [],
      careDifficultiesFound: true,
      consent: 'pending',
      courtOrder: c ? { court: c.court ?? '', caseRef: c.caseRef ?? '', date: c.date && isIsoDate(c.date) ? c.date : '' } : undefined,
    });
    out.push(
      ...elig.findings.filter((f) => ['COURT_ORDER_DETAILS_MISSING', 'COURT_ORDER_DATE_AFTER_AS_OF', 'CONSENT_REPLACED_BY_COURT_ORDER'].includes(f.code)),
    );
  }
  if (input.source === 'minor-parent-leaving-institution') out.push(finding('ASSIGNMENT_MANDATORY_ART_11_1A'));
  let due: IsoDate | null = null;
  if (isIsoDate(input.learnedOn)) {
    due = interviewDueDate({ learnedOn: input.learnedOn, urgent: input.urgent });
    out.push(
      finding('INTERVIEW_DUE', {
        dueOn: due,
        days: input.urgent ? INTERVIEW_URGENT_WORKING_DAYS : INTERVIEW_WORKING_DAYS,
        urgentNote: input.urgent ? ', sprawa pilna' : '',
      }),
    );
    if (input.asOf > due) out.push(finding('INTERVIEW_OVERDUE', { dueOn: due, days: daysOverdue(due, input.asOf) }));
  }
  return { findings: out, interviewDueOn: due };
}

/** Za życiem request checks at registration (documents are verified in `verifyZz`). */
export function checkZzRequest(input: { receivedOn: IsoDate; asOf: IsoDate }): Finding[] {
  if (!isIsoDate(input.receivedOn)) return [finding('DATE_MISSING', { field: 'Data wpływu wniosku' })];
  if (input.receivedOn > input.asOf) return [finding('ZZ_RECEIVED_AFTER_TODAY', { receivedOn: input.receivedOn, asOf: input.asOf })];
  return zzReminders({ track: 'za-zyciem', state: 'WNIOSEK_ZZ', source: 'za-zyciem', assistantId: null, receivedOn: input.receivedOn }, input.asOf);
}

/**
 * Everything that stands between the actor and the action: the state, the role, the own-case
 * rule, the implementation status, and the action's guard (with `input` when given). The action
 * may proceed exactly when no finding is a blocker.
 */
export function checkTransition<A extends CaseAction>(
  facts: CaseFacts,
  action: A,
  actor: TransitionActor,
  input: TransitionInputs[A] | undefined,
  ctx: TransitionContext,
): Finding[] {
  const t = transitionDef(facts.track, action);
  if (!t) return [finding('TRANSITION_UNKNOWN_ACTION', { action: String(action) })];
  const out: Finding[] = [];
  if (!t.from.includes(facts.state)) {
    out.push({
      ...finding('TRANSITION_WRONG_STATE', {
        action: t.label,
        state: CASE_STATES[facts.state]?.label ?? facts.state,
        from: t.from.map((s) => `„${CASE_STATES[s].label}”`).join(', '),
      }),
      basis: t.basis,
    });
  }
  if (!t.roles.includes(actor.role)) {
    out.push({
      ...finding('TRANSITION_ROLE_FORBIDDEN', { action: t.label, roles: t.roles.map((r) => ROLE_NAMES_PL[r]).join(', ') }),
      basis: t.basis,
    });
  } else if (t.ownCaseOnly?.includes(actor.role) && facts.assistantId !== actor.userId) {
    out.push({ ...finding('TRANSITION_NOT_OWN_CASE', { action: t.label }), basis: t.basis });
  }
  if (!t.implemented) out.push(finding('TRANSITION_NOT_IMPLEMENTED', { action: t.label }));
  if (out.length === 0 && t.guard) out.push(...t.guard(facts, input, { ...ctx, actorRole: actor.role }));
  return out;
}

export interface AvailableTransition {
  action: CaseAction;
  label: string;
  to: CaseState;
  toLabel: string;
  implemented: boolean;
  /** No blocker for this actor now (input-dependent guards are checked on submit). */
  allowed: boolean;
  findings: Finding[];
}

/**
 * Transitions leaving the case's current state that the actor's role may perform, each with the
 * findings known before any input (e.g. "S5 cannot be refused", deadlines, caseload is checked on
 * submit because it depends on the chosen assistant).
 */
export function availableTransitions(facts: CaseFacts, actor: TransitionActor, ctx: TransitionContext): AvailableTransition[] {
  return TRANSITIONS[facts.track]
    .filter((t) => t.from.includes(facts.state) && t.roles.includes(actor.role))
    .map((t) => {
      const findings = checkTransition(facts, t.action, actor, undefined, { ...ctx, assistant: undefined });
      return {
        action: t.action,
        label: t.label,
        to: t.to,
        toLabel: CASE_STATES[t.to].label,
        implemented: t.implemented,
        allowed: !findingsBlock(findings),
        findings,
      };
    });
}

/** The early-closure reason a transition into ZAMKNIETA records. */
export function closureReasonOf(action: CaseAction): EarlyClosureReason | null {
  switch (action) {
    case 'concludeNoAssistantNeeded':
      return 'BRAK_PRZESLANEK';
    case 'refuse':
      return 'ODMOWA_PRZYDZIELENIA';
    case 'recordRefusal':
      return 'BRAK_ZGODY';
    case 'refuseZz':
      return 'ODMOWA_ZZ';
    default:
      return null;
  }
}

/** Findings that are role/ownership refusals (the main process answers FORBIDDEN for these). */
export const ROLE_FINDING_CODES: ReadonlyArray<string> = ['TRANSITION_ROLE_FORBIDDEN', 'TRANSITION_NOT_OWN_CASE'];
/** Findings that are state refusals (INVALID_TRANSITION). */
export const STATE_FINDING_CODES: ReadonlyArray<string> = ['TRANSITION_WRONG_STATE', 'TRANSITION_UNKNOWN_ACTION', 'TRANSITION_NOT_IMPLEMENTED'];
