/**
 * Findings of the work with the family (issue 4): assessments in their case, plan versions,
 * visits and contacts, entry locking, court opinion requests, the Za życiem catalogue,
 * authorisations, closure and monitoring. Spread into FINDING_DEFINITIONS (findings.ts).
 */
import { UWR, UZZ, KRO } from './basis';
import type { FindingSeverity } from './types';

const STANDARD = 'standard pracy ośrodka';

export const WORK_BASIS = {
  assessment: `art. 15 ust. 1 pkt 15 ${UWR}; arkusz oceny funkcjonowania rodziny przyjęty w ośrodku`,
  distribution: `art. 15 ust. 1 pkt 15 ${UWR}; ${STANDARD} (ocena okresowa także do pracownika socjalnego i koordynatora pieczy)`,
  plan: `art. 15 ust. 1 pkt 1–2 i ust. 3 ${UWR}`,
  planVersions: `art. 15 ust. 3 ${UWR}; ${STANDARD} (aktualizacja planu — wcześniejsze wersje pozostają w aktach)`,
  visit: `art. 14 i art. 15 ust. 1 ${UWR}; ${STANDARD} (karta wizyt)`,
  entryLock: `${STANDARD}: wpisy w dokumentacji blokują się po upływie ustawionej liczby dni; korekty wyłącznie jako datowane adnotacje (art. 5 ust. 1 lit. d i f RODO — prawidłowość i integralność danych)`,
  court: `art. 15 ust. 1 pkt 17 ${UWR}`,
  catalogue: `art. 8 ${UZZ}`,
  authorisation: `art. 8 ${UZZ}; pisemne upoważnienie rodziny (art. 16 ust. 1 ${UWR})`,
  closure: `art. 15 ust. 1 pkt 16 ${UWR}; ${STANDARD} (ocena końcowa, monitoring)`,
  courtOrder: `art. 109 § 2 pkt 1 ${KRO}`,
  fosterCare: `art. 10 ust. 4 ${UWR}`,
  lifecycle: `art. 15 ust. 1 ${UWR}; ${STANDARD}`,
} as const;

type Def = { severity: FindingSeverity; basis: string; message: string };

export const WORK_FINDINGS = {
  // ---- Assessments in a case ----
  ASSESSMENT_DATE_IN_FUTURE: {
    severity: 'blocker',
    basis: WORK_BASIS.assessment,
    message: 'Data oceny ({date}) jest późniejsza niż dzisiejsza ({asOf}).',
  },
  ASSESSMENT_INITIAL_EXISTS: {
    severity: 'blocker',
    basis: WORK_BASIS.assessment,
    message: 'Ocena wstępna tej sprawy jest już zapisana ({date}) — kolejne oceny są okresowe albo końcowa.',
  },
  ASSESSMENT_INITIAL_MISSING: {
    severity: 'blocker',
    basis: WORK_BASIS.assessment,
    message: 'Najpierw zapisz ocenę wstępną sytuacji rodziny — ocena okresowa porównuje się z nią.',
  },
  ASSESSMENT_FINAL_EXISTS: {
    severity: 'blocker',
    basis: WORK_BASIS.assessment,
    message: 'Ocena końcowa tej sprawy jest już zapisana ({date}).',
  },
  ASSESSMENT_WRONG_STATE: {
    severity: 'blocker',
    basis: WORK_BASIS.assessment,
    message: 'W obecnym stanie sprawy („{state}”) nie można zapisać oceny ({kind}) — potrzebna jest zgoda rodziny (lub jej podstawa ustawowa), a sprawa nie może być zakończona.',
  },
  ASSESSMENT_PERIOD_INVALID: {
    severity: 'blocker',
    basis: WORK_BASIS.assessment,
    message: 'Okres objęty oceną: data „od” ({from}) jest późniejsza niż data „do” ({to}).',
  },
  ASSESSMENT_DISTRIBUTION_KRPZ_ADDRESS_MISSING: {
    severity: 'warning',
    basis: WORK_BASIS.distribution,
    message: 'Dziecko {child} przebywa w pieczy zastępczej — ocenę okresową przekazuje się także koordynatorowi rodzinnej pieczy zastępczej, ale brak jego adresu. Uzupełnij dane koordynatora w karcie dziecka.',
  },
  ASSESSMENT_DISTRIBUTION_NO_SOCIAL_WORKER: {
    severity: 'info',
    basis: WORK_BASIS.distribution,
    message: 'Nie ustalono pracownika socjalnego sprawy — wpisz go ręcznie na liście rozdzielnika.',
  },
  ASSESSMENT_NOT_EDITABLE: {
    severity: 'blocker',
    basis: WORK_BASIS.entryLock,
    message: 'Ocena z {date} jest zablokowana od {lockedOn} — zmiany wprowadza się jako datowaną adnotację.',
  },

  // ---- Work plan versions ----
  WORK_PLAN_NEEDS_INITIAL_ASSESSMENT: {
    severity: 'blocker',
    basis: WORK_BASIS.plan,
    message: 'Plan pracy opracowuje się po ocenie wstępnej sytuacji rodziny — najpierw zapisz ocenę wstępną.',
  },
  WORK_PLAN_WRONG_STATE: {
    severity: 'blocker',
    basis: WORK_BASIS.plan,
    message: 'W obecnym stanie sprawy („{state}”) nie można zapisać planu pracy.',
  },
  WORK_PLAN_DATE_IN_FUTURE: {
    severity: 'blocker',
    basis: WORK_BASIS.plan,
    message: 'Data sporządzenia planu ({date}) jest późniejsza niż dzisiejsza ({asOf}).',
  },
  WORK_PLAN_REVISION_BEFORE_PREVIOUS: {
    severity: 'blocker',
    basis: WORK_BASIS.planVersions,
    message: 'Aktualizacja planu ({date}) nie może mieć daty wcześniejszej niż poprzednia wersja ({previous}).',
  },
  WORK_PLAN_REVISION_NOTE_MISSING: {
    severity: 'warning',
    basis: WORK_BASIS.planVersions,
    message: 'Nie podano powodu aktualizacji planu pracy.',
  },
  WORK_PLAN_ACTION_STATUS_EVIDENCE_MISSING: {
    severity: 'warning',
    basis: WORK_BASIS.plan,
    message: 'Cel {goal}, działanie {action}: oznaczono jako zrealizowane bez opisu potwierdzenia (dowodu realizacji).',
  },

  // ---- Visits, contacts, notes ----
  VISIT_DATE_IN_FUTURE: {
    severity: 'blocker',
    basis: WORK_BASIS.visit,
    message: 'Data wpisu ({date}) jest późniejsza niż dzisiejsza ({asOf}) — wizytę lub kontakt zapisuje się po jego odbyciu (planowany termin wpisz jako „następne spotkanie”).',
  },
  VISIT_END_BEFORE_START: {
    severity: 'blocker',
    basis: WORK_BASIS.visit,
    message: 'Godzina zakończenia ({end}) jest wcześniejsza niż godzina rozpoczęcia ({start}) albo jej równa.',
  },
  VISIT_TIME_MISSING: {
    severity: 'blocker',
    basis: WORK_BASIS.visit,
    message: 'Wizyta: podaj godzinę rozpoczęcia i zakończenia (czas pracy w systemie zadaniowym).',
  },
  VISIT_PLACE_MISSING: {
    severity: 'blocker',
    basis: WORK_BASIS.visit,
    message: 'Wizyta: wskaż miejsce (dom rodziny, siedziba ośrodka albo instytucja / miejsce wskazane przez rodzinę — art. 14).',
  },
  VISIT_PARTICIPANTS_MISSING: {
    severity: 'warning',
    basis: WORK_BASIS.visit,
    message: 'Wizyta: nie wskazano uczestników spotkania.',
  },
  VISIT_FAILED_REASON_MISSING: {
    severity: 'blocker',
    basis: WORK_BASIS.visit,
    message: 'Wizyta nieodbyta: wskaż przyczynę (nikogo nie zastano / odwołana).',
  },
  VISIT_NEXT_BEFORE_VISIT: {
    severity: 'warning',
    basis: WORK_BASIS.visit,
    message: 'Termin następnego spotkania ({next}) jest wcześniejszy niż data wizyty ({date}).',
  },
  VISIT_KM_OUT_OF_RANGE: {
    severity: 'blocker',
    basis: WORK_BASIS.visit,
    message: 'Kilometry: wpisz liczbę od 0 do 1000.',
  },
  VISIT_CHILD_SAFETY_CONCERN: {
    severity: 'warning',
    basis: WORK_BASIS.visit,
    message: 'Odnotowano zagrożenie bezpieczeństwa dziecka — sporządź notatkę służbową i poinformuj kierownika (a w razie potrzeby zespół interdyscyplinarny).',
  },
  ENTRY_TEXT_MISSING: {
    severity: 'blocker',
    basis: WORK_BASIS.visit,
    message: '{what}: treść jest wymagana.',
  },
  ENTRY_WRONG_STATE: {
    severity: 'blocker',
    basis: WORK_BASIS.visit,
    message: 'W obecnym stanie sprawy („{state}”) nie można dodać wpisu „{kind}”.',
  },
  ENTRY_DATE_BEFORE_ASSIGNMENT: {
    severity: 'warning',
    basis: WORK_BASIS.visit,
    message: 'Data wpisu ({date}) jest wcześniejsza niż przydzielenie asystenta ({assignedOn}).',
  },
  ENTRY_LOCKED: {
    severity: 'blocker',
    basis: WORK_BASIS.entryLock,
    message: 'Wpis z {date} jest zablokowany od {lockedOn} (po {days} dniach) — nie można go zmienić ani usunąć. Dodaj datowaną adnotację (korektę).',
  },
  ENTRY_NOT_AUTHOR: {
    severity: 'blocker',
    basis: WORK_BASIS.entryLock,
    message: 'Wpis może zmienić tylko jego autor albo kierownik.',
  },
  ADDENDUM_TEXT_MISSING: {
    severity: 'blocker',
    basis: WORK_BASIS.entryLock,
    message: 'Adnotacja (korekta): treść jest wymagana.',
  },

  // ---- Court opinion requests ----
  COURT_REQUEST_TERM_MISSING: {
    severity: 'warning',
    basis: WORK_BASIS.court,
    message: 'Nie podano terminu (liczby dni od doręczenia ani daty) — przypomnienie o terminie nie pojawi się.',
  },
  COURT_REQUEST_DELIVERY_BEFORE_REQUEST: {
    severity: 'blocker',
    basis: WORK_BASIS.court,
    message: 'Data doręczenia ({deliveredOn}) jest wcześniejsza niż data pisma sądu ({requestedOn}).',
  },
  COURT_REQUEST_DATE_IN_FUTURE: {
    severity: 'blocker',
    basis: WORK_BASIS.court,
    message: '{field} ({date}) jest późniejsza niż dzisiejsza ({asOf}).',
  },
  COURT_REQUEST_DUE: {
    severity: 'info',
    basis: WORK_BASIS.court,
    message: 'Termin przekazania opinii do sądu: {dueOn}.',
  },

  // ---- Za życiem catalogue ----
  CATALOGUE_NOT_ZA_ZYCIEM: {
    severity: 'blocker',
    basis: WORK_BASIS.catalogue,
    message: 'Katalog wsparcia prowadzi się w sprawie „Za życiem”.',
  },

  CATALOGUE_DECIDED_ON_MISSING: {
    severity: 'warning',
    basis: WORK_BASIS.catalogue,
    message: 'Status „{status}”: wpisz datę uzyskania / odmowy wsparcia (zamiast w uwagach).',
  },
  CATALOGUE_DECIDED_ON_WRONG_STATUS: {
    severity: 'blocker',
    basis: WORK_BASIS.catalogue,
    message: 'Data uzyskania / odmowy dotyczy tylko wsparcia uzyskanego albo odmowy — przy statusie „{status}” usuń tę datę albo zmień status.',
  },
  CATALOGUE_DECIDED_ON_IN_FUTURE: {
    severity: 'blocker',
    basis: WORK_BASIS.catalogue,
    message: 'Data uzyskania / odmowy ({date}) jest późniejsza niż dzisiejsza ({asOf}).',
  },
  CATALOGUE_DECIDED_BEFORE_APPLIED: {
    severity: 'blocker',
    basis: WORK_BASIS.catalogue,
    message: 'Data uzyskania / odmowy ({decidedOn}) nie może być wcześniejsza niż data złożenia wniosku ({appliedOn}).',
  },

  // ---- Authorisations (domain.md §3.2 may_act_for_family) ----
  AUTHORISATION_NONE: {
    severity: 'blocker',
    basis: WORK_BASIS.authorisation,
    message: 'Brak ważnego pisemnego upoważnienia rodziny dla {grantee} obejmującego {institution} w sprawie „{matter}” na dzień {on} — asystent nie może działać w imieniu rodziny.',
  },
  AUTHORISATION_REVOKED: {
    severity: 'info',
    basis: WORK_BASIS.authorisation,
    message: 'Upoważnienie z {signedOn} zostało odwołane {revokedOn}.',
  },
  AUTHORISATION_EXPIRED: {
    severity: 'info',
    basis: WORK_BASIS.authorisation,
    message: 'Upoważnienie z {signedOn} jest ważne od {validFrom} do {validTo} — nie obejmuje dnia {on}.',
  },
  AUTHORISATION_OUT_OF_SCOPE: {
    severity: 'info',
    basis: WORK_BASIS.authorisation,
    message: 'Upoważnienie z {signedOn} nie obejmuje {institution} / „{matter}”.',
  },
  AUTHORISATION_OTHER_GRANTEE: {
    severity: 'info',
    basis: WORK_BASIS.authorisation,
    message: 'Upoważnienie z {signedOn} wystawiono dla innej osoby.',
  },
  AUTHORISATION_NO_ADULT_GRANTOR: {
    severity: 'blocker',
    basis: WORK_BASIS.authorisation,
    message: 'Upoważnienie podpisuje pełnoletni członek rodziny — wskaż co najmniej jedną osobę dorosłą.',
  },
  AUTHORISATION_VALIDITY_INVALID: {
    severity: 'blocker',
    basis: WORK_BASIS.authorisation,
    message: 'Upoważnienie: data „ważne do” ({validTo}) jest wcześniejsza niż „ważne od” ({validFrom}).',
  },
  AUTHORISATION_SCOPE_MISSING: {
    severity: 'blocker',
    basis: WORK_BASIS.authorisation,
    message: 'Upoważnienie: wskaż zakres (instytucje lub sprawy).',
  },
  AUTHORISATION_SPECIAL_NEEDS_END: {
    severity: 'warning',
    basis: WORK_BASIS.authorisation,
    message: 'Upoważnienie szczególne dotyczy konkretnej sprawy — zwykle ma określony termin ważności.',
  },

  // ---- Closure and monitoring ----
  CLOSURE_PLACEMENT_NOT_CONFIRMED_PERMANENT: {
    severity: 'blocker',
    basis: WORK_BASIS.fosterCare,
    message: 'Czasowe umieszczenie dziecka w pieczy zastępczej nie jest przyczyną zakończenia pracy z rodziną (art. 10 ust. 4) — tę przyczynę wybiera się tylko przy trwałym umieszczeniu bez perspektywy powrotu; potwierdź to.',
  },
  CLOSURE_COURT_ORDER_HEAD_ONLY: {
    severity: 'blocker',
    basis: WORK_BASIS.courtOrder,
    message: 'Sprawę prowadzoną na podstawie postanowienia sądu zamyka kierownik (akceptacja kierownika i informacja do sądu).',
  },
  CLOSURE_COURT_NOT_INFORMED: {
    severity: 'warning',
    basis: WORK_BASIS.courtOrder,
    message: 'Nie podano daty poinformowania sądu lub kuratora o zakończeniu pracy z rodziną.',
  },
  CLOSURE_DATE_BEFORE_FINAL_ASSESSMENT: {
    severity: 'warning',
    basis: WORK_BASIS.closure,
    message: 'Data zakończenia ({on}) jest wcześniejsza niż data oceny końcowej ({assessedOn}).',
  },
  MONITORING_STARTS: {
    severity: 'info',
    basis: WORK_BASIS.closure,
    message: 'Zakończenie pracy rozpoczyna monitoring do {endsOn} ({months} mies.).',
  },
  MONITORING_NOT_ENDED: {
    severity: 'warning',
    basis: WORK_BASIS.closure,
    message: 'Monitoring trwa do {endsOn} — zakończenie przed terminem.',
  },
  TRANSITION_NEEDS_INITIAL_ASSESSMENT: {
    severity: 'blocker',
    basis: WORK_BASIS.lifecycle,
    message: 'Najpierw zapisz ocenę wstępną (przejście następuje przy jej zapisie).',
  },
  TRANSITION_NEEDS_PLAN: {
    severity: 'blocker',
    basis: WORK_BASIS.lifecycle,
    message: 'Najpierw zapisz plan pracy z rodziną (przejście następuje przy jego zapisie).',
  },
  TRANSITION_NEEDS_CATALOGUE: {
    severity: 'blocker',
    basis: WORK_BASIS.catalogue,
    message: 'Najpierw dodaj co najmniej jedną pozycję katalogu wsparcia.',
  },
  TRANSITION_CLOSE_VIA_CLOSURE: {
    severity: 'blocker',
    basis: WORK_BASIS.closure,
    message: 'Zakończenie pracy wymaga przyczyny i oceny końcowej — użyj formularza zakończenia.',
  },
  SUSPENSION_REASON_MISSING: {
    severity: 'blocker',
    basis: WORK_BASIS.lifecycle,
    message: 'Zawieszenie pracy: podaj przyczynę (np. pobyt w szpitalu, areszt, czasowa nieobecność).',
  },
  REOPEN_WRONG_STATE: {
    severity: 'blocker',
    basis: WORK_BASIS.closure,
    message: 'Ponowne zgłoszenie (wznowienie) tworzy się dla sprawy w monitoringu, zamkniętej lub w archiwum.',
  },
} as const satisfies Record<string, Def>;
