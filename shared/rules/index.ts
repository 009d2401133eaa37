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

// ---- Findings ----
export { FINDING_DEFINITIONS, finding, findingsBlock, findingsOfSeverity } from './findings';
export type { FindingCode, FindingDefinition } from './findings';
export { BASIS } from './basis';
