/**
 * Public surface of the rules module (contract: shared/contracts/rules-api.md).
 * Pure, synchronous, dependency-free domain rules: no Node, Electron or DOM imports.
 */

// ---- Types ----
export type { IsoDate, Finding, FindingSeverity } from './types';

// ---- Calendar ----
export {
  isPublicHoliday,
  isWorkingDay,
  addWorkingDays,
  addMonthsClamped,
  shiftToNextWorkingDay,
  // beyond the contract
  isWeekend,
  easterSunday,
  publicHolidays,
  publicHolidayName,
  workingDaysBetween,
  PUBLIC_HOLIDAY_RULES,
  PUBLIC_HOLIDAYS_BASIS,
} from './calendar';
export type { PublicHolidayRule } from './calendar';
export {
  isIsoDate,
  assertIsoDate,
  parseIsoDate,
  addDays,
  daysBetween,
  compareIsoDates,
  minIsoDate,
  maxIsoDate,
  isoWeekday,
  isLeapYear,
  daysInMonth,
  anniversary,
  ageOn,
} from './isoDate';

// ---- Identity ----
export { parsePesel, peselCheckDigit, PESEL_WEIGHTS } from './pesel';
export type { PeselResult } from './pesel';

// ---- Deadlines ----
export {
  interviewDueDate,
  periodicAssessmentDueDate,
  daysOverdue,
  dayTermDeadline,
  INTERVIEW_WORKING_DAYS,
  INTERVIEW_URGENT_WORKING_DAYS,
  PERIODIC_ASSESSMENT_INTERVAL_MONTHS,
} from './deadlines';

// ---- Caseload ----
export { checkCaseload, countedFamilies, CASELOAD_STATUTORY_LIMIT } from './caseload';
export type { CaseloadPhase, CaseloadInput, CaseloadResult } from './caseload';

// ---- Eligibility: general support ----
export { checkGeneralEligibility, isMinorOn, AGE_OF_MAJORITY } from './generalEligibility';
export type { GeneralEligibilityFacts, GeneralEligibilityResult } from './generalEligibility';

// ---- Labels and code lists ----
export {
  REFERRAL_SOURCES,
  REFERRAL_SOURCE_CODES,
  ZA_ZYCIEM_CATEGORIES,
  DOCUMENT_LABELS,
  SPECIALTY_FIELD_LABELS,
  QUALIFICATION_LABELS,
  CLOSURE_REASONS,
} from './labels';
export type {
  ReferralSource,
  ReferralSourceInfo,
  ZaZyciemCategory,
  SpecialtyField,
  ClosureReason,
  ClosureReasonCode,
} from './labels';

// ---- Eligibility: Za życiem ----
export {
  isValidArt43Certificate,
  checkZaZyciemEligibility,
  allowedCertificateFields,
  certificateFieldAllowedFrom,
  CERTIFICATE_SPECIALTY_VERSIONS,
  ZA_ZYCIEM_IN_FORCE_FROM,
} from './zaZyciem';
export type { Art43Certificate, ZaZyciemFacts, ZaZyciemResult } from './zaZyciem';

// ---- One-off 4000 zł benefit ----
export {
  oneOffBenefitDeadline,
  checkOneOffBenefit,
  isGuardianRole,
  dayBeforeEighteenthBirthday,
  ONE_OFF_BENEFIT_AMOUNT_PLN,
  ONE_OFF_BENEFIT_TERM_MONTHS,
} from './oneOffBenefit';
export type { OneOffBenefitFacts, OneOffBenefitApplicantRole } from './oneOffBenefit';

// ---- Work plan ----
export { validateWorkPlan } from './workPlan';
export type { WorkPlanDraft } from './workPlan';

// ---- Assessment ----
export {
  ASSESSMENT_AREAS,
  ASSESSMENT_AREA_DETAILS,
  RATING_LABELS,
  isRating,
  validateAssessment,
  compareAssessments,
  assessmentAreaLabel,
} from './assessment';
export type { Rating, AssessmentDraft, AssessmentAreaEntry } from './assessment';

// ---- Closure ----
export { checkClosure } from './closure';

// ---- Deadline engine (issue 4) ----
export {
  computeDeadlines,
  statisticsDeadlines,
  statisticsDueDate,
  checkVisitGap,
  resolveDeadlineSettings,
  compareDeadlineItems,
  deadlineStatus,
  deadlineSeverity,
  DEFAULT_OFFICE_DEADLINE_SETTINGS,
  DEADLINE_KINDS,
  DEADLINE_PHASES,
  PRACTICE_BASIS,
  STATISTICS_BASIS,
} from './deadlineEngine';
export type {
  OfficeDeadlineSettings,
  CaseDeadlineFacts,
  CourtOpinionRequestFacts,
  BenefitChildFacts,
  DeadlineCaseTrack,
  DeadlineCasePhase,
  DeadlineContext,
  DeadlineItem,
  DeadlineKind,
  DeadlineStatus,
  DeadlineSeverity,
  DeadlineSource,
} from './deadlineEngine';

// ---- Next step of a case (issue 14) ----
export { nextStep, NEXT_STEPS } from './nextStep';
export type { NextStep, NextStepDef, NextStepInput, NextStepTarget, StepDeadline, WorkTab, WorkForm } from './nextStep';

// ---- Findings ----
export { FINDING_DEFINITIONS, finding, findingsBlock, findingsOfSeverity } from './findings';
export type { FindingCode, FindingDefinition } from './findings';
export { BASIS } from './basis';

// ---- Registry (issue 3) ----
export { validateFamilyMembers, duplicateFindings, memberDisplayName, PESEL_REASON_LABELS } from './registry';
export type { MemberDraft, ValidatedMember, FamilyValidation, DuplicateCandidate } from './registry';

// ---- Case lifecycle (issue 3; domain.md §2.2–2.3) ----
export {
  CASE_TRACKS,
  CASE_SOURCES,
  CASE_STATES,
  CASE_STATE_CODES,
  CONSENT_RECORDED_STATES,
  EARLY_CLOSURE_REASONS,
  GENERAL_TRANSITIONS,
  ZZ_TRANSITIONS,
  TRANSITIONS,
  INITIAL_STATE,
  INTAKE_ROLES,
  ROLE_NAMES_PL,
  ROLE_FINDING_CODES,
  STATE_FINDING_CODES,
  isCaseState,
  caseloadPhaseOf,
  eligibilitySource,
  transitionDef,
  checkIntake,
  checkZzRequest,
  checkTransition,
  availableTransitions,
  closureReasonOf,
  zzDeadlines,
} from './lifecycle';
export type {
  CaseTrack,
  CaseSource,
  CaseState,
  StatePhase,
  StateDef,
  CaseFacts,
  TransitionActor,
  TransitionInputs,
  CaseAction,
  TransitionContext,
  TransitionDef,
  AvailableTransition,
  ConsentBasisInput,
  ZzDocuments,
  EarlyClosureReason,
  WorkFacts,
} from './lifecycle';
export { LIFECYCLE_BASIS } from './lifecycleFindings';

// ---- Supporting family (issue 3; domain.md §3.5) ----
export { checkSupportingFamily, checkReimbursement, checkHeadOpinionDates, headOpinionFieldOf, formatGrosze } from './supportingFamily';
export type { SupportingFamilyFacts, HeadOpinionFacts } from './supportingFamily';
export { checkCatalogueDecision, catalogueFieldOf } from './catalogue';
export type { CatalogueDecisionFacts } from './catalogue';

// ---- Work with the family (issue 4): entries, authorisations, reports, plan versions, closure ----
export {
  ENTRY_KINDS,
  VISIT_PLACES,
  FAILED_VISIT_REASONS,
  DEFAULT_ENTRY_LOCK_DAYS,
  DEFAULT_MONITORING_MONTHS,
  timeToMinutes,
  entryLock,
  checkEntryEdit,
  validateEntry,
  entryMinutes,
  monthBounds,
  monthlyReport,
  mayActForFamily,
  validateAuthorisation,
  planDiff,
  planStatusFindings,
  suggestGoalAreas,
  assessmentDistribution,
  assessmentTrend,
  monitoringEndDate,
  checkCaseClosure,
} from './work';
export type {
  EntryKind,
  VisitPlace,
  FailedVisitReason,
  EntryDraft,
  ReportEntry,
  MonthlyReport,
  AuthorisationFacts,
  ResponsibleKind,
  ActionStatus,
  PlanAction,
  PlanGoal,
  PlanContent,
  PlanChange,
  DistributionRecipient,
  TrendInput,
  AssessmentTrend,
} from './work';
export { WORK_BASIS } from './workFindings';

// ---- Consistency of the case file (issue 13 item 4) ----
export {
  planInForce,
  checkPlanAgainstClosure,
  checkFosterCareCoordinator,
  assessmentPeriodOf,
  latestNextAssessmentOn,
  unassessedGoals,
  checkAssessmentRecord,
  GOALS_ACHIEVED_REASONS,
  evidenceAgainstGoalsAchieved,
  checkClosureAgainstFinalAssessment,
  checkRequestAnalysis,
  factInForce,
  PARENT_RELATIONS,
  CHILD_RELATIONS,
  MIN_PARENT_AGE,
  memberPlausibilityFindings,
  checkCaseRecord,
} from './records';
export type {
  RecordGoal,
  RecordPlanVersion,
  GoalStatus,
  RecordGoalAttainment,
  AssessmentKind,
  RecordAssessment,
  RecordMember,
  CaseRecord,
  RecordFinding,
} from './records';
export { RECORD_BASIS } from './recordFindings';

// ---- Foster-care placement history (issue 13 item 6) ----
export { mergePlacement, fosterCareEpisodes, episodeOverlaps } from './placement';
export type { PlacementEpisode, PlacementRecord } from './placement';
