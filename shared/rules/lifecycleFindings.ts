/**
 * Findings of the registry, the case lifecycle (domain.md §2.2–2.4) and supporting families
 * (§3.5). Spread into FINDING_DEFINITIONS (findings.ts), so `finding()` knows every code.
 */
import { UWR, UZZ, KRO } from './basis';
import type { FindingSeverity } from './types';

const KC = 'Kodeksu cywilnego';
const EWIDENCJA = 'ustawy o ewidencji ludności';
const STANDARD = 'standard pracy ośrodka';

export const LIFECYCLE_BASIS = {
  intake: `art. 11 ust. 1 ${UWR}`,
  interview: 'rozporządzenie w sprawie rodzinnego wywiadu środowiskowego (Dz. U. z 2021 r. poz. 893), § 3 ust. 2–3',
  analysis: `art. 11 ust. 2 ${UWR}`,
  request: `art. 11 ust. 3 ${UWR}`,
  decision: `art. 11 ust. 4 ${UWR}`,
  art11_1a: `art. 11 ust. 1a ${UWR}`,
  consent: `art. 8 ust. 3 ${UWR}`,
  courtOrder: `art. 109 § 2 pkt 1 ${KRO}`,
  zz: `art. 8 ${UZZ}`,
  zzPractice: `art. 8 ${UZZ}; ${STANDARD} (procedura „Za życiem”: przydzielenie 2 dni, informacja 14 dni, kontakt i zgoda 1 tydzień)`,
  laterStages: `art. 15 ust. 1 ${UWR}; ${STANDARD}`,
  dates: `${STANDARD} — art. 5 ust. 1 lit. d RODO (prawidłowość danych)`,
  pesel: `art. 15 ust. 2 ${EWIDENCJA}`,
  majority: `art. 10 § 1 ${KC}`,
  duplicate: `art. 5 ust. 1 lit. d RODO (prawidłowość danych) — ${STANDARD}: jedna kartoteka rodziny`,
  placement: `art. 10 ust. 4 i art. 15 ust. 1 pkt 2 ${UWR}`,
  supporting: `art. 29–30 ${UWR}`,
  supportingWithAssistant: `art. 29 ust. 2 ${UWR}`,
  supportingAct: `art. 30 i art. 31 ust. 2 ${UWR}`,
  supportingContract: `art. 31 ust. 1 ${UWR}`,
} as const;

type Def = { severity: FindingSeverity; basis: string; message: string };

export const LIFECYCLE_FINDINGS = {
  // ---- Transition mechanics ----
  TRANSITION_WRONG_STATE: {
    severity: 'blocker',
    basis: `${STANDARD} (przebieg sprawy, art. 11 ${UWR})`,
    message: 'Czynność „{action}” nie jest możliwa, gdy sprawa jest w stanie „{state}” (dozwolona w stanie: {from}).',
  },
  TRANSITION_UNKNOWN_ACTION: {
    severity: 'blocker',
    basis: `${STANDARD} (przebieg sprawy)`,
    message: 'Nieznana czynność „{action}” dla sprawy tego rodzaju.',
  },
  TRANSITION_ROLE_FORBIDDEN: {
    severity: 'blocker',
    basis: `art. 11 ust. 3–4 ${UWR}; ${STANDARD} (role w systemie)`,
    message: 'Czynność „{action}” może wykonać tylko: {roles}.',
  },
  TRANSITION_NOT_OWN_CASE: {
    severity: 'blocker',
    basis: `art. 15 ust. 1 ${UWR}; ${STANDARD} (asystent prowadzi własne sprawy)`,
    message: 'Czynność „{action}” może wykonać asystent przydzielony do tej sprawy albo kierownik ośrodka.',
  },
  TRANSITION_NOT_IMPLEMENTED: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.laterStages,
    message: 'Czynność „{action}” będzie dostępna w kolejnej wersji programu (ocena, plan, realizacja, zakończenie).',
  },
  DATE_IN_FUTURE: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.dates,
    message: '{field}: data {date} jest późniejsza niż dzisiejsza ({asOf}).',
  },
  DATE_MISSING: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.dates,
    message: '{field}: podaj datę.',
  },

  // ---- Intake and RWŚ (art. 11 ust. 1–2) ----
  INTAKE_SOURCE_ZA_ZYCIEM: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.zz,
    message: 'Wniosek „Za życiem” rejestruje się jako wniosek rodziny (ścieżka „Za życiem”), bez rodzinnego wywiadu środowiskowego.',
  },
  INTERVIEW_DUE: {
    severity: 'info',
    basis: LIFECYCLE_BASIS.interview,
    message: 'Termin przeprowadzenia rodzinnego wywiadu środowiskowego: {dueOn} ({days} dni roboczych od powzięcia informacji{urgentNote}).',
  },
  INTERVIEW_OVERDUE: {
    severity: 'warning',
    basis: LIFECYCLE_BASIS.interview,
    message: 'Termin przeprowadzenia rodzinnego wywiadu środowiskowego minął {dueOn} (opóźnienie: {days} dni).',
  },
  INTERVIEW_LATE: {
    severity: 'warning',
    basis: LIFECYCLE_BASIS.interview,
    message: 'Wywiad przeprowadzono {interviewOn}, po terminie {dueOn} — odnotuj przyczynę opóźnienia.',
  },
  INTERVIEW_BEFORE_LEARNED: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.interview,
    message: 'Data wywiadu ({interviewOn}) jest wcześniejsza niż data powzięcia informacji o rodzinie ({learnedOn}).',
  },
  ANALYSIS_NO_DIFFICULTIES_USE_CLOSURE: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.analysis,
    message:
      'Analiza nie wykazała trudności opiekuńczo-wychowawczych — wniosku o asystenta nie składa się; zamknij sprawę czynnością „Nie wymaga asystenta” (przyczyna „brak przesłanek”).',
  },
  NO_ASSISTANT_NOT_ALLOWED_ART_11_1A: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.art11_1a,
    message:
      'Sprawy małoletniego rodzica opuszczającego placówkę nie można zamknąć z przyczyną „brak przesłanek” — przydzielenie asystenta jest obowiązkowe.',
  },
  NO_ASSISTANT_COURT_ORDER: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.courtOrder,
    message:
      'Rodzina jest zobowiązana postanowieniem sądu do pracy z asystentem — sprawy nie zamyka się z przyczyną „brak przesłanek”; poinformuj sąd o wynikach wywiadu.',
  },
  REQUEST_JUSTIFICATION_MISSING: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.request,
    message: 'Wniosek o przydzielenie asystenta: podaj uzasadnienie (wynik analizy sytuacji rodziny).',
  },

  // ---- Head's decision (art. 11 ust. 4) ----
  DECISION_ASSISTANT_MISSING: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.decision,
    message: 'Wskaż asystenta rodziny, którego kierownik przydziela.',
  },
  DECISION_ASSISTANT_NOT_ACTIVE: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.decision,
    message: 'Wskazana osoba ({name}) nie jest aktywnym asystentem rodziny.',
  },
  FORWARD_TARGET_MISSING: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.decision,
    message: 'Wskaż jednostkę gminy lub podmiot, któremu zlecono organizację pracy z rodziną (art. 11 ust. 4).',
  },
  REFUSAL_NOT_ALLOWED_ART_11_1A: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.art11_1a,
    message:
      'Kierownik nie może odmówić przydzielenia asystenta małoletniemu rodzicowi opuszczającemu młodzieżowy ośrodek wychowawczy, młodzieżowy ośrodek socjoterapii, schronisko dla nieletnich lub zakład poprawczy — przydzielenie jest obowiązkowe.',
  },
  REFUSAL_COURT_ORDER: {
    severity: 'warning',
    basis: LIFECYCLE_BASIS.courtOrder,
    message: 'Rodzina jest zobowiązana postanowieniem sądu do pracy z asystentem — o odmowie przydzielenia trzeba poinformować sąd.',
  },
  REFUSAL_REASON_MISSING: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.decision,
    message: 'Podaj przyczynę odmowy przydzielenia asystenta (rodzina otrzyma informację na piśmie).',
  },
  WAITING_LIST_ART_11_1A: {
    severity: 'warning',
    basis: LIFECYCLE_BASIS.art11_1a,
    message: 'Przydzielenie asystenta małoletniemu rodzicowi jest obowiązkowe — lista oczekujących powinna być wyjątkiem na jak najkrótszy czas.',
  },

  // ---- Consent (art. 8 ust. 3; exceptions) ----
  CONSENT_BASIS_ART_11_1A_WRONG_SOURCE: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.art11_1a,
    message: 'Podstawę „art. 11 ust. 1a” można wskazać tylko w sprawie małoletniego rodzica opuszczającego placówkę.',
  },
  CONSENT_DATE_BEFORE_ASSIGNMENT: {
    severity: 'warning',
    basis: LIFECYCLE_BASIS.consent,
    message: 'Data zgody ({consentOn}) jest wcześniejsza niż data przydzielenia asystenta ({assignedOn}).',
  },
  CONSENT_REFUSAL_NOT_ALLOWED_COURT_ORDER: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.courtOrder,
    message:
      'Rodzina zobowiązana postanowieniem sądu nie może odmówić współpracy ze skutkiem zamknięcia sprawy — odnotuj odmowę w notatce i poinformuj sąd lub kuratora.',
  },
  CONSENT_REFUSAL_NOT_ALLOWED_ART_11_1A: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.art11_1a,
    message:
      'Przydzielenie asystenta małoletniemu rodzicowi jest obowiązkowe — odmowa nie zamyka sprawy; odnotuj ją i kontynuuj próby nawiązania współpracy.',
  },
  ZZ_CONSENT_WRITTEN_ONLY: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.zz,
    message: 'W sprawie „Za życiem” podstawą współpracy jest wyłącznie zgoda rodziny.',
  },
  CONSENT_DUE: {
    severity: 'info',
    basis: LIFECYCLE_BASIS.zzPractice,
    message: 'Kontakt z rodziną i uzyskanie zgody — termin praktyki ośrodka: {dueOn} (1 tydzień od przydzielenia).',
  },

  // ---- Za życiem practice deadlines (reminders) ----
  ZZ_ASSIGNMENT_DUE: {
    severity: 'info',
    basis: LIFECYCLE_BASIS.zzPractice,
    message: 'Przydzielenie asystenta — termin praktyki ośrodka: {dueOn} (2 dni od wpływu wniosku {receivedOn}).',
  },
  ZZ_ASSIGNMENT_OVERDUE: {
    severity: 'warning',
    basis: LIFECYCLE_BASIS.zzPractice,
    message: 'Minął termin przydzielenia asystenta ({dueOn}, 2 dni od wpływu wniosku).',
  },
  ZZ_INFORMATION_DUE: {
    severity: 'info',
    basis: LIFECYCLE_BASIS.zzPractice,
    message: 'Pisemna informacja dla wnioskodawcy o przydzieleniu asystenta lub odmowie — do {dueOn} (14 dni od wpływu wniosku).',
  },
  ZZ_REFUSAL_REASON_MISSING: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.zz,
    message: 'Podaj przyczynę odmowy (wnioskodawca otrzyma pisemną informację).',
  },
  ZZ_RECEIVED_AFTER_TODAY: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.zz,
    message: 'Data wpływu wniosku ({receivedOn}) jest późniejsza niż dzisiejsza ({asOf}).',
  },

  // ---- Registry ----
  MEMBER_PESEL_INVALID: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.pesel,
    message: '{name}: PESEL {pesel} jest nieprawidłowy — {reason}.',
  },
  MEMBER_BIRTH_DATE_MISSING: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.pesel,
    message: '{name}: podaj PESEL albo — gdy osoba go nie ma — datę urodzenia.',
  },
  MEMBER_BIRTH_DATE_IN_FUTURE: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.dates,
    message: '{name}: data urodzenia {birthDate} jest późniejsza niż dzisiejsza ({asOf}).',
  },
  MEMBER_BIRTH_DATE_PESEL_MISMATCH: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.pesel,
    message: '{name}: data urodzenia {birthDate} nie zgadza się z numerem PESEL (z PESEL wynika {peselDate}).',
  },
  MEMBER_PESEL_REPEATED: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.pesel,
    message: 'PESEL {pesel} wpisano przy dwóch członkach rodziny.',
  },
  MEMBER_CHILD_OF_AGE: {
    severity: 'warning',
    basis: LIFECYCLE_BASIS.majority,
    message: '{name} ma {age} lat, a jest oznaczony(-a) jako dziecko — sprawdź, czy to nie osoba dorosła.',
  },
  FAMILY_NO_ADULT: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.majority,
    message: 'Rodzina musi mieć co najmniej jedną osobę dorosłą (rodzica lub opiekuna).',
  },
  FAMILY_MINOR_ONLY_ADULT: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.majority,
    message:
      '{name} ma {age} lat — osoba małoletnia nie może być jedyną osobą dorosłą w rodzinie (pełnoletność od 18 lat). Dodaj pełnoletniego członka rodziny (rodzica, opiekuna) albo oznacz tę osobę jako dziecko.',
  },
  PLACEMENT_DETAILS_MISSING: {
    severity: 'warning',
    basis: LIFECYCLE_BASIS.placement,
    message: '{name} przebywa w pieczy zastępczej — uzupełnij {missing}.',
  },
  FAMILY_DUPLICATE_PESEL: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.duplicate,
    message: 'Osoba o numerze PESEL {pesel} ({name}) jest już w kartotece rodziny {family} — nie zakładaj drugiej kartoteki, otwórz istniejącą.',
  },
  FAMILY_DUPLICATE_NAME_BIRTH: {
    severity: 'warning',
    basis: LIFECYCLE_BASIS.duplicate,
    message: 'W kartotece jest już {name}, ur. {birthDate} (rodzina {family}) — sprawdź, czy to nie ta sama osoba.',
  },
  // The same, found in a family the caller may not see: no name, address or id (privacy by default).
  FAMILY_DUPLICATE_PESEL_ELSEWHERE: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.duplicate,
    message:
      'Osoba o tym numerze PESEL jest już zarejestrowana w ośrodku, w kartotece, do której nie masz dostępu — nie zakładaj drugiej kartoteki, zapytaj kierownika ośrodka.',
  },
  FAMILY_DUPLICATE_NAME_BIRTH_ELSEWHERE: {
    severity: 'warning',
    basis: LIFECYCLE_BASIS.duplicate,
    message:
      'Osoba o tym imieniu, nazwisku i dacie urodzenia jest już zarejestrowana w ośrodku, w kartotece, do której nie masz dostępu — zapytaj kierownika ośrodka, czy to ta sama osoba.',
  },

  // ---- Supporting family (art. 29–31) ----
  SUPPORTING_CONVICTION: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.supporting,
    message: '{name}: prawomocne skazanie za umyślne przestępstwo — rodzina nie może zostać ustanowiona rodziną wspierającą.',
  },
  SUPPORTING_STATEMENT_MISSING: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.supporting,
    message: 'Brak oświadczenia członków rodziny o niekaralności za umyślne przestępstwo (data oświadczenia).',
  },
  SUPPORTING_OPINION_MISSING: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.supporting,
    message: 'Brak pozytywnej opinii kierownika ośrodka wydanej na podstawie rodzinnego wywiadu środowiskowego.',
  },
  SUPPORTING_NOT_FROM_SURROUNDINGS: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.supporting,
    message: 'Podaj, w jaki sposób rodzina należy do najbliższego otoczenia dziecka (np. sąsiedzi, dziadkowie, krewni).',
  },
  SUPPORTING_OPINION_DATE_IN_FUTURE: {
    severity: 'blocker',
    basis: `${LIFECYCLE_BASIS.supporting}; ${LIFECYCLE_BASIS.dates}`,
    message: 'Data opinii kierownika ({date}) jest późniejsza niż dzisiejsza ({asOf}) — opinię wpisuje się po jej wydaniu.',
  },
  SUPPORTING_INTERVIEW_DATE_IN_FUTURE: {
    severity: 'blocker',
    basis: `${LIFECYCLE_BASIS.supporting}; ${LIFECYCLE_BASIS.dates}`,
    message: 'Data rodzinnego wywiadu środowiskowego ({date}) jest późniejsza niż dzisiejsza ({asOf}).',
  },
  SUPPORTING_INTERVIEW_AFTER_OPINION: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.supporting,
    message: 'Rodzinny wywiad środowiskowy ({interviewOn}) nie może być późniejszy niż opinia kierownika ({opinionOn}) — opinię wydaje się na podstawie wywiadu.',
  },
  SUPPORTING_NO_ASSISTANT: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.supportingWithAssistant,
    message: 'Rodzina wspierająca pomaga przy współpracy asystenta rodziny — wspierana rodzina nie ma przydzielonego asystenta.',
  },
  SUPPORTING_NO_CONSENT: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.consent,
    message: 'Wspierana rodzina nie wyraziła jeszcze zgody na współpracę (sprawa w stanie „{state}”) — rodzinę wspierającą ustanawia się za zgodą rodziny.',
  },
  SUPPORTING_ACT_DETAILS_MISSING: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.supportingAct,
    message: 'Akt ustanowienia rodziny wspierającej: brakuje {missing}.',
  },
  SUPPORTING_HEAD_NOT_AUTHORISED: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.supportingAct,
    message: 'Kierownik ośrodka ustanawia rodzinę wspierającą tylko na podstawie upoważnienia wójta (art. 31 ust. 2) — podaj upoważnienie.',
  },
  SUPPORTING_NOT_ESTABLISHED: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.supportingContract,
    message: 'Rodzina wspierająca nie została jeszcze ustanowiona — najpierw wpisz akt ustanowienia.',
  },
  SUPPORTING_CONTRACT_MISSING: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.supportingContract,
    message: 'Zwrot kosztów wymaga umowy zawartej z rodziną wspierającą (art. 31 ust. 1) — wpisz umowę.',
  },
  SUPPORTING_REIMBURSEMENT_OVER_LIMIT: {
    severity: 'blocker',
    basis: LIFECYCLE_BASIS.supportingContract,
    message: 'Suma zwrotów ({total}) przekroczyłaby limit z umowy ({limit}).',
  },
  SUPPORTING_REIMBURSEMENT_BEFORE_CONTRACT: {
    severity: 'warning',
    basis: LIFECYCLE_BASIS.supportingContract,
    message: 'Data zwrotu ({paidOn}) jest wcześniejsza niż data umowy ({contractOn}).',
  },
} as const satisfies Record<string, Def>;
