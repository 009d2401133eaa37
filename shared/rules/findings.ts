/**
 * Every finding the rules module can produce, as data: code -> severity, legal basis and a
 * Polish message template. Placeholders `{name}` are filled from the params passed to
 * `finding()`. Codes are stable: the UI and the audit log key on them.
 */
import { formatDate } from '../dates';
import type { Finding, FindingSeverity } from './types';
import { BASIS } from './basis';
import { LIFECYCLE_FINDINGS } from './lifecycleFindings';
import { WORK_FINDINGS } from './workFindings';
import { RECORD_FINDINGS } from './recordFindings';
import { STAFF_FINDINGS } from './staffFindings';

export interface FindingDefinition {
  severity: FindingSeverity;
  basis: string;
  message: string;
}

export const FINDING_DEFINITIONS = {
  // ---- Caseload (art. 15 ust. 4) ----
  CASELOAD_LIMIT_REACHED: {
    severity: 'blocker',
    basis: BASIS.caseloadLimit,
    message:
      'Nie można przydzielić rodziny: liczba rodzin prowadzonych przez asystenta wynosi {countBefore}, a limit to {limit}{limitNote}. Wskaż innego asystenta albo wpisz rodzinę na listę oczekujących.',
  },
  CASELOAD_PERSONAL_LIMIT_APPLIED: {
    severity: 'info',
    basis: BASIS.caseloadLimit,
    message: 'Zastosowano indywidualny limit asystenta: {limit} (limit ustawowy: 15 rodzin).',
  },
  CASELOAD_PERSONAL_LIMIT_ABOVE_STATUTORY: {
    severity: 'warning',
    basis: BASIS.caseloadLimit,
    message: 'Indywidualny limit asystenta ({personalLimit}) przekracza limit ustawowy — obowiązuje limit 15 rodzin.',
  },
  CASELOAD_OVER_LIMIT: {
    severity: 'warning',
    basis: BASIS.caseloadLimit,
    message: 'Liczba rodzin prowadzonych przez asystenta ({countBefore}) już przekracza limit ({limit}).',
  },
  CASELOAD_FAMILY_ALREADY_COUNTED: {
    severity: 'info',
    basis: BASIS.caseloadLimit,
    message: 'Rodzina jest już wliczona do limitu asystenta — kolejna sprawa tej rodziny nie zwiększa liczby prowadzonych rodzin.',
  },
  CASELOAD_LIMIT_WILL_BE_REACHED: {
    severity: 'info',
    basis: BASIS.caseloadLimit,
    message: 'Po przydzieleniu asystent osiągnie limit: {countAfter} z {limit} rodzin.',
  },
  CASELOAD_MONITORING_NOT_COUNTED: {
    severity: 'info',
    basis: BASIS.caseloadMonitoring,
    message: 'Rodziny objęte monitoringiem po zakończeniu pracy ({monitoring}) nie są wliczane do limitu (ustawienie ośrodka).',
  },

  // ---- General support (ustawa z 9 czerwca 2011 r.) ----
  NO_MINOR_CHILDREN: {
    severity: 'blocker',
    basis: BASIS.supportForFamily,
    message:
      'W rodzinie nie ma małoletniego dziecka (wychowywanego w domu ani czasowo umieszczonego w pieczy zastępczej) — brak podstaw do wsparcia asystenta na podstawie ustawy o wspieraniu rodziny.',
  },
  CONSIDER_ZA_ZYCIEM: {
    severity: 'info',
    basis: BASIS.zaZyciemSupport,
    message: 'Jeżeli w rodzinie jest kobieta w ciąży, rozważ wsparcie asystenta w ramach ustawy „Za życiem”.',
  },
  CHILD_BIRTH_DATE_AFTER_AS_OF: {
    severity: 'warning',
    basis: BASIS.supportForFamily,
    message: 'Data urodzenia dziecka ({birthDate}) jest późniejsza niż data sprawdzenia ({asOf}) — dziecka nie uwzględniono.',
  },
  CHILD_IN_FOSTER_CARE: {
    severity: 'info',
    basis: BASIS.fosterCareWork,
    message:
      'Dziecko przebywa czasowo w pieczy zastępczej — praca z rodziną jest nadal prowadzona, a plan pracy trzeba skoordynować z koordynatorem rodzinnej pieczy zastępczej i planem pomocy dziecku.',
  },
  NO_CARE_DIFFICULTIES: {
    severity: 'blocker',
    basis: BASIS.careDifficulties,
    message:
      'Analiza pracownika socjalnego po rodzinnym wywiadzie środowiskowym nie wykazała trudności w wypełnianiu funkcji opiekuńczo-wychowawczych.',
  },
  NO_CARE_DIFFICULTIES_ART_11_1A: {
    severity: 'info',
    basis: BASIS.art11_1a,
    message:
      'Analiza nie wykazała trudności opiekuńczo-wychowawczych, ale przydzielenie asystenta małoletniemu rodzicowi opuszczającemu placówkę jest obowiązkowe.',
  },
  CONSENT_REFUSED: {
    severity: 'blocker',
    basis: BASIS.consent,
    message:
      'Rodzina odmówiła zgody na współpracę z asystentem — wspieranie rodziny prowadzi się za jej zgodą; sprawę zamyka się z przyczyną „brak zgody rodziny”.',
  },
  CONSENT_PENDING: {
    severity: 'warning',
    basis: BASIS.consent,
    message: 'Brak jeszcze pisemnej zgody rodziny — uzyskaj ją przy pierwszym kontakcie, przed rozpoczęciem pracy z rodziną.',
  },
  CONSENT_REPLACED_BY_COURT_ORDER: {
    severity: 'info',
    basis: BASIS.courtOrder,
    message: 'Podstawą współpracy jest postanowienie sądu ({court}, sygn. akt {caseRef}, z dnia {date}); zgoda rodziny nie jest wymagana.',
  },
  COURT_ORDER_REFUSAL_NOT_BINDING: {
    severity: 'warning',
    basis: BASIS.courtOrder,
    message:
      'Rodzina odmawia współpracy mimo postanowienia sądu — praca jest kontynuowana; odnotuj odmowę i poinformuj sąd lub kuratora.',
  },
  COURT_ORDER_DETAILS_MISSING: {
    severity: 'blocker',
    basis: BASIS.courtOrder,
    message: 'Zgłoszenie na podstawie postanowienia sądu wymaga danych postanowienia — brakuje: {missing}.',
  },
  COURT_ORDER_DATE_AFTER_AS_OF: {
    severity: 'blocker',
    basis: BASIS.courtOrder,
    message: 'Data postanowienia sądu ({date}) jest późniejsza niż data sprawdzenia ({asOf}).',
  },
  ASSIGNMENT_MANDATORY_ART_11_1A: {
    severity: 'info',
    basis: BASIS.art11_1a,
    message:
      'Przydzielenie asystenta jest obowiązkowe (małoletni rodzic opuszczający młodzieżowy ośrodek wychowawczy, młodzieżowy ośrodek socjoterapii, schronisko dla nieletnich lub zakład poprawczy); zgoda rodziny nie jest warunkiem.',
  },
  ART_11_1A_REFUSAL_NOT_BINDING: {
    severity: 'warning',
    basis: BASIS.art11_1a,
    message:
      'Odmowa rodziny nie zwalnia z obowiązku przydzielenia asystenta — odnotuj ją i kontynuuj próby nawiązania współpracy.',
  },

  // ---- Za życiem: art. 4 ust. 3 certificate ----
  CERT_ISSUER_NOT_NFZ: {
    severity: 'blocker',
    basis: BASIS.zaZyciemCertificate,
    message: 'Zaświadczenie wystawił lekarz, który nie jest lekarzem ubezpieczenia zdrowotnego (świadczeniodawca bez umowy z NFZ).',
  },
  CERT_QUALIFICATION_INSUFFICIENT: {
    severity: 'blocker',
    basis: BASIS.zaZyciemCertificate,
    message: 'Lekarz wystawiający zaświadczenie musi mieć specjalizację II stopnia lub tytuł specjalisty — {qualification} nie wystarcza.',
  },
  CERT_FIELD_NOT_ALLOWED: {
    severity: 'blocker',
    basis: BASIS.zaZyciemCertificate,
    message: 'Dziedzina specjalizacji lekarza ({field}) nie uprawniała do wystawienia zaświadczenia w dniu {issuedOn}{fromNote}.',
  },
  CERT_CONDITION_NOT_QUALIFYING: {
    severity: 'blocker',
    basis: BASIS.zaZyciemCertificate,
    message: 'Zaświadczenie musi stwierdzać ciężkie i nieodwracalne upośledzenie albo nieuleczalną chorobę zagrażającą życiu.',
  },
  CERT_ORIGIN_NOT_QUALIFYING: {
    severity: 'blocker',
    basis: BASIS.zaZyciemCertificate,
    message: 'Zaświadczenie musi stwierdzać, że upośledzenie lub choroba powstały w prenatalnym okresie rozwoju dziecka lub w czasie porodu.',
  },
  CERT_ISSUED_BEFORE_ACT_IN_FORCE: {
    severity: 'warning',
    basis: BASIS.zaZyciemInForce,
    message: 'Zaświadczenie wystawiono {issuedOn}, przed wejściem w życie ustawy „Za życiem” (1 stycznia 2017 r.) — sprawdź, czy spełnia wymogi art. 4 ust. 3.',
  },

  // ---- Za życiem: coordination (art. 8) ----
  ZZ_PREGNANCY_DOCUMENT_MISSING: {
    severity: 'blocker',
    basis: BASIS.zaZyciemSupport,
    message: 'Brak dokumentu potwierdzającego ciążę.',
  },
  ZZ_CERTIFICATE_MISSING: {
    severity: 'blocker',
    basis: BASIS.zaZyciemCertificate,
    message: 'Brak zaświadczenia lekarskiego, o którym mowa w art. 4 ust. 3 ustawy „Za życiem”.',
  },
  ZZ_CERTIFICATE_INVALID: {
    severity: 'blocker',
    basis: BASIS.zaZyciemCertificate,
    message: 'Zaświadczenie z art. 4 ust. 3 nie spełnia warunków ustawy — potrzebne jest zaświadczenie wystawione przez uprawnionego lekarza.',
  },
  ZZ_CERTIFICATE_ISSUED_AFTER_AS_OF: {
    severity: 'blocker',
    basis: BASIS.zaZyciemCertificate,
    message: 'Data wystawienia zaświadczenia ({issuedOn}) jest późniejsza niż data sprawdzenia ({asOf}).',
  },
  ZZ_OBSTETRIC_FAILURE_DOCUMENT_ADVICE: {
    severity: 'info',
    basis: BASIS.zaZyciemSupport,
    message:
      'Ustawa nie wymaga dokumentu przy niepowodzeniu położniczym; w praktyce do akt dołącza się np. kartę informacyjną leczenia szpitalnego.',
  },
  ZZ_CONSENT_REFUSED: {
    severity: 'blocker',
    basis: BASIS.zaZyciemSupport,
    message: 'Rodzina nie zgodziła się na koordynację wsparcia przez asystenta — wsparcie „Za życiem” odbywa się za zgodą rodziny.',
  },
  ZZ_CONSENT_PENDING: {
    severity: 'warning',
    basis: BASIS.zaZyciemSupport,
    message: 'Brak jeszcze pisemnej zgody rodziny na koordynację wsparcia — uzyskaj ją przy pierwszym kontakcie.',
  },
  ZZ_MEDICAL_CARE_WEEK10_NOT_REQUIRED: {
    severity: 'info',
    basis: BASIS.benefitWeek10,
    message:
      'Brak opieki medycznej od 10. tygodnia ciąży nie wyklucza wsparcia asystenta — jest warunkiem wyłącznie jednorazowego świadczenia 4000 zł.',
  },

  // ---- One-off 4000 zł benefit (art. 10) ----
  BENEFIT_CHILD_NOT_BORN_ALIVE: {
    severity: 'blocker',
    basis: BASIS.benefit,
    message:
      'Jednorazowe świadczenie przysługuje tylko z tytułu urodzenia się żywego dziecka; rodzinie przysługuje natomiast wsparcie asystenta w związku z niepowodzeniem położniczym.',
  },
  BENEFIT_CERTIFICATE_MISSING: {
    severity: 'blocker',
    basis: BASIS.zaZyciemCertificate,
    message: 'Do wniosku potrzebne jest zaświadczenie lekarskie, o którym mowa w art. 4 ust. 3 ustawy „Za życiem”.',
  },
  BENEFIT_CERTIFICATE_INVALID: {
    severity: 'blocker',
    basis: BASIS.zaZyciemCertificate,
    message: 'Zaświadczenie z art. 4 ust. 3 nie spełnia warunków ustawy.',
  },
  BENEFIT_MEDICAL_CARE_WEEK10_MISSING: {
    severity: 'blocker',
    basis: BASIS.benefitWeek10,
    message:
      'Nie potwierdzono zaświadczeniem lekarza lub położnej, że matka pozostawała pod opieką medyczną nie później niż od 10. tygodnia ciąży do porodu.',
  },
  BENEFIT_CHILD_IN_FOSTER_CARE_OR_DPS: {
    severity: 'blocker',
    basis: BASIS.benefitExclusion,
    message:
      'Świadczenie nie przysługuje, gdy dziecko umieszczono w pieczy zastępczej albo w instytucji zapewniającej nieodpłatne całodobowe utrzymanie (np. w domu pomocy społecznej).',
  },
  BENEFIT_APPLICATION_LATE: {
    severity: 'blocker',
    basis: BASIS.benefitDeadline,
    message: 'Wniosek z dnia {applicationDate} złożono po terminie ({deadline}) — pozostawia się go bez rozpoznania.',
  },
  BENEFIT_APPLICATION_BEFORE_BIRTH: {
    severity: 'blocker',
    basis: BASIS.benefit,
    message: 'Wniosek można złożyć dopiero po urodzeniu się dziecka ({birthDate}).',
  },
  BENEFIT_APPLICATION_BEFORE_CARE: {
    severity: 'blocker',
    basis: BASIS.benefit,
    message: 'Opiekun lub przysposabiający może złożyć wniosek dopiero po objęciu dziecka opieką lub przysposobieniu ({careTakenOn}).',
  },
  BENEFIT_CARE_DATE_MISSING: {
    severity: 'blocker',
    basis: BASIS.benefitDeadline,
    message: 'Podaj datę objęcia dziecka opieką lub przysposobienia — od niej biegnie 12-miesięczny termin na złożenie wniosku.',
  },
  BENEFIT_CARE_DATE_BEFORE_BIRTH: {
    severity: 'blocker',
    basis: BASIS.benefit,
    message: 'Data objęcia opieką lub przysposobienia ({careTakenOn}) jest wcześniejsza niż data urodzenia dziecka ({birthDate}).',
  },
  BENEFIT_CARE_AFTER_ADULTHOOD: {
    severity: 'blocker',
    basis: BASIS.benefitDeadline,
    message: 'Dziecko ukończyło 18 lat ({adultOn}) przed objęciem opieką lub przysposobieniem — świadczenie nie przysługuje.',
  },
  BENEFIT_DE_FACTO_GUARDIAN_ADOPTION_APPLICATION: {
    severity: 'info',
    basis: BASIS.benefit,
    message: 'Opiekun faktyczny może otrzymać świadczenie, jeżeli wystąpił do sądu z wnioskiem o przysposobienie dziecka.',
  },
  BENEFIT_DEADLINE: {
    severity: 'info',
    basis: BASIS.benefitDeadline,
    message: 'Termin złożenia wniosku o jednorazowe świadczenie 4000 zł: {deadline}.',
  },
  BENEFIT_DEADLINE_CAPPED_AT_18: {
    severity: 'info',
    basis: BASIS.benefitDeadline,
    message: 'Termin ograniczono do dnia poprzedzającego 18. urodziny dziecka ({deadline}).',
  },

  // ---- Work plan (art. 15 ust. 1 pkt 1–2, ust. 3) ----
  WORK_PLAN_NO_GOALS: {
    severity: 'blocker',
    basis: BASIS.workPlanContent,
    message: 'Plan pracy z rodziną nie zawiera żadnego celu.',
  },
  WORK_PLAN_GOAL_TITLE_MISSING: {
    severity: 'warning',
    basis: BASIS.workPlanContent,
    message: 'Cel {goal} nie ma nazwy.',
  },
  WORK_PLAN_GOAL_WITHOUT_ACTIONS: {
    severity: 'blocker',
    basis: BASIS.workPlanContent,
    message: 'Cel {goal} („{title}”) nie ma żadnego działania.',
  },
  WORK_PLAN_ACTION_DESCRIPTION_MISSING: {
    severity: 'warning',
    basis: BASIS.workPlanContent,
    message: 'Cel {goal}, działanie {action}: brak opisu działania.',
  },
  WORK_PLAN_ACTION_RESPONSIBLE_MISSING: {
    severity: 'warning',
    basis: BASIS.workPlanContent,
    message: 'Cel {goal}, działanie {action} („{description}”): nie wskazano osoby ani instytucji odpowiedzialnej.',
  },
  WORK_PLAN_ACTION_DUE_DATE_MISSING: {
    severity: 'blocker',
    basis: BASIS.workPlanContent,
    message: 'Cel {goal}, działanie {action} („{description}”): brak terminu realizacji.',
  },
  WORK_PLAN_ACTION_EFFECT_MISSING: {
    severity: 'blocker',
    basis: BASIS.workPlanContent,
    message: 'Cel {goal}, działanie {action} („{description}”): brak oczekiwanego efektu.',
  },
  WORK_PLAN_ACTION_DUE_BEFORE_PLAN: {
    severity: 'warning',
    basis: BASIS.workPlanContent,
    message: 'Cel {goal}, działanie {action} („{description}”): termin {dueDate} przypada przed datą sporządzenia planu ({drawnUpOn}).',
  },
  WORK_PLAN_FOSTER_CARE_NOT_COORDINATED: {
    severity: 'blocker',
    basis: BASIS.workPlanFosterCare,
    message:
      'Dziecko przebywa w pieczy zastępczej — plan pracy trzeba opracować wspólnie z rodziną i koordynatorem rodzinnej pieczy zastępczej oraz skoordynować z planem pomocy dziecku.',
  },
  WORK_PLAN_NOT_CONSULTED_WITH_SOCIAL_WORKER: {
    severity: 'warning',
    basis: BASIS.workPlanConsultation,
    message: 'Plan pracy nie został skonsultowany z pracownikiem socjalnym.',
  },

  // ---- Assessment ----
  ASSESSMENT_UNKNOWN_AREA: {
    severity: 'blocker',
    basis: BASIS.assessment,
    message: 'Nieznany obszar oceny: „{code}”.',
  },
  ASSESSMENT_RATING_OUT_OF_SCALE: {
    severity: 'blocker',
    basis: BASIS.assessment,
    message: 'Obszar „{label}”: ocena {rating} jest poza skalą od −3 do +2.',
  },
  ASSESSMENT_JUSTIFICATION_MISSING: {
    severity: 'blocker',
    basis: BASIS.assessment,
    message: 'Obszar „{label}”: ocena wymaga uzasadnienia.',
  },
  ASSESSMENT_AREA_NOT_ASSESSED: {
    severity: 'blocker',
    basis: BASIS.assessment,
    message: 'Obszar „{label}” nie został oceniony i nie podano powodu.',
  },

  // ---- Closure ----
  CLOSURE_UNKNOWN_REASON: {
    severity: 'blocker',
    basis: BASIS.closure,
    message: 'Nieznana przyczyna zakończenia pracy z rodziną: „{reason}”.',
  },
  CLOSURE_FINAL_ASSESSMENT_MISSING: {
    severity: 'blocker',
    basis: BASIS.closure,
    message: 'Zakończenie pracy z rodziną wymaga oceny końcowej.',
  },
  CLOSURE_RESIGNATION_NOT_ALLOWED_COURT_ORDER: {
    severity: 'blocker',
    basis: BASIS.courtOrder,
    message:
      'Rodzina zobowiązana postanowieniem sądu nie może zakończyć współpracy rezygnacją — odnotuj oświadczenie, poinformuj sąd lub kuratora; sprawę zamyka się po decyzji sądu.',
  },
  CLOSURE_RESIGNATION_NOT_ALLOWED_ART_11_1A: {
    severity: 'blocker',
    basis: BASIS.art11_1a,
    message: 'Asystent został przydzielony obowiązkowo (art. 11 ust. 1a) — rezygnacja rodziny nie jest przyczyną zakończenia pracy bez decyzji sądu.',
  },
  CLOSURE_COURT_ORDER_SIGN_OFF: {
    severity: 'warning',
    basis: BASIS.courtOrder,
    message: 'Zakończenie sprawy prowadzonej na podstawie postanowienia sądu wymaga akceptacji kierownika i poinformowania sądu.',
  },
  CLOSURE_TEMPORARY_PLACEMENT_IS_NOT_A_REASON: {
    severity: 'info',
    basis: BASIS.fosterCareWork,
    message: 'Czasowe umieszczenie dziecka w pieczy zastępczej nie jest przyczyną zakończenia pracy z rodziną — ta przyczyna dotyczy tylko trwałego braku perspektywy powrotu.',
  },

  // ---- Visits (deadlineEngine.ts; office setting "max days between visits") ----
  VISIT_GAP_EXCEEDED: {
    severity: 'warning',
    basis: 'standard pracy ośrodka: najdłuższa przerwa między wizytami ustalona w ośrodku (ustawa jej nie wyznacza)',
    message: 'Brak wizyty > {limit} dni: od poprzedniej wizyty ({previousVisitOn}) minęło {gapDays} dni.',
  },

  // ---- Registry, case lifecycle, supporting families (lifecycleFindings.ts) ----
  ...LIFECYCLE_FINDINGS,

  // ---- Work with the family: assessments, plans, visits, court, catalogue, authorisations, closure (workFindings.ts) ----
  ...WORK_FINDINGS,

  // ---- Consistency of the case file: documents agree with the record (recordFindings.ts) ----
  ...RECORD_FINDINGS,

  // ---- Staff register: art. 12 and what documents and the report need (staffFindings.ts) ----
  ...STAFF_FINDINGS,
} as const satisfies Record<string, FindingDefinition>;

export type FindingCode = keyof typeof FINDING_DEFINITIONS;

/** Builds a Finding from its definition, filling `{placeholders}` from `params`. */
export function finding(code: FindingCode, params: Record<string, string | number> = {}): Finding {
  const def: FindingDefinition = FINDING_DEFINITIONS[code];
  const message = withoutEmptyQuotes(
    def.message.replace(/\{(\w+)\}/g, (whole, key: string) =>
      Object.prototype.hasOwnProperty.call(params, key) ? polishParam(params[key]!) : whole,
    ),
  );
  return { code, severity: def.severity, message, basis: def.basis };
}

/** A quoted parameter the user has not typed yet leaves no empty quotes: 'Cel 1, działanie 1 („”): …'
 *  reads 'Cel 1, działanie 1: …' (issue 14). */
function withoutEmptyQuotes(message: string): string {
  return message.replace(/\s*\(„\s*”\)/g, '').replace(/\s*„\s*”/g, '');
}

/** Messages are Polish: a calendar date parameter prints as 24.11.2026 (shared/dates.ts), never as an ISO date. */
function polishParam(v: string | number): string {
  const s = String(v);
  return formatDate(s, s);
}

/** True if any finding is a blocker (the action must not proceed). */
export function findingsBlock(findings: ReadonlyArray<Finding>): boolean {
  return findings.some((f) => f.severity === 'blocker');
}

/** Findings of one severity. */
export function findingsOfSeverity(findings: ReadonlyArray<Finding>, severity: FindingSeverity): Finding[] {
  return findings.filter((f) => f.severity === severity);
}
