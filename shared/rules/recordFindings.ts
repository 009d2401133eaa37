/**
 * Findings of the consistency of the case file (issue 13 item 4): documents that agree with the
 * record and with each other — no plan after closure, assessments that assess the goals of the
 * plan in force and name the next assessment date, a plausible assessment period, a closure
 * reason that agrees with the final assessment, the final assessment's recommendations and
 * monitoring plan, the social worker's analysis on the request, a court order shown only from
 * its date, the koordynator rodzinnej pieczy zastępczej named, plausible member ages. Spread
 * into FINDING_DEFINITIONS (findings.ts).
 */
import { KRO, UWR } from './basis';
import type { FindingSeverity } from './types';

const STANDARD = 'standard pracy ośrodka';

export const RECORD_BASIS = {
  planAfterClosure: `art. 15 ust. 1 pkt 1 i pkt 16 ${UWR} (po zakończeniu pracy z rodziną asystent monitoruje jej funkcjonowanie — planu pracy już się nie sporządza ani nie zmienia)`,
  goalsAssessed: `art. 15 ust. 1 pkt 15 w zw. z art. 15 ust. 3 ${UWR} (ocena sytuacji rodziny odnosi się do działań, terminów i efektów planu pracy)`,
  nextAssessment: `art. 15 ust. 1 pkt 15 ${UWR} (ocena „nie rzadziej niż co pół roku”)`,
  period: `art. 15 ust. 1 pkt 15 ${UWR}; ${STANDARD} (okres objęty oceną okresową — od poprzedniej oceny do dnia oceny)`,
  finalAssessment: `art. 15 ust. 1 pkt 16 ${UWR} (monitorowanie funkcjonowania rodziny po zakończeniu pracy); ${STANDARD} (ocena końcowa: zalecenia i plan monitorowania)`,
  closureReason: `art. 15 ust. 1 pkt 15–16 ${UWR}; ${STANDARD} (przyczyna zakończenia zgodna z oceną końcową)`,
  distribution: `art. 15 ust. 1 pkt 15 ${UWR} (ocenę przekazuje się podmiotowi zatrudniającemu asystenta); ${STANDARD} (rozdzielnik)`,
  analysis: `art. 11 ust. 2–3 ${UWR} (wniosek o przydzielenie asystenta składa się po analizie sytuacji rodziny)`,
  courtOrderDate: `art. 109 § 2 pkt 1 ${KRO} — postanowienie sądu jest podstawą współpracy dopiero od dnia jego wydania`,
  consentDate: `art. 8 ust. 3 ${UWR} — zgoda rodziny jest podstawą współpracy od dnia jej wyrażenia`,
  krpz: `art. 15 ust. 1 pkt 2 ${UWR} (plan pracy opracowany wspólnie z rodziną i koordynatorem rodzinnej pieczy zastępczej)`,
  ages: `${STANDARD} — art. 5 ust. 1 lit. d RODO (prawidłowość danych)`,
} as const;

type Def = { severity: FindingSeverity; basis: string; message: string };

export const RECORD_FINDINGS = {
  // ---- Work plan ----
  WORK_PLAN_AFTER_CLOSURE: {
    severity: 'blocker',
    basis: RECORD_BASIS.planAfterClosure,
    message:
      'Plan pracy (wersja {version}) ma datę {date}, późniejszą niż zakończenie pracy z rodziną ({closedOn}) — po zakończeniu pracy planu nie sporządza się ani nie aktualizuje.',
  },
  WORK_PLAN_KRPZ_NOT_NAMED: {
    severity: 'blocker',
    basis: RECORD_BASIS.krpz,
    message:
      '{child} przebywa w pieczy zastępczej — plan pracy opracowuje się wspólnie z koordynatorem rodzinnej pieczy zastępczej, a w karcie dziecka nie wpisano, kto nim jest. Uzupełnij koordynatora w danych rodziny (miejsce pobytu dziecka).',
  },

  // ---- Assessments against the plan in force ----
  ASSESSMENT_GOAL_NOT_ASSESSED: {
    severity: 'blocker',
    basis: RECORD_BASIS.goalsAssessed,
    message: 'Ocena {kind} z {date} nie ocenia celu „{goal}” planu pracy obowiązującego w tym dniu (wersja {version} z {planOn}) — wskaż, czy cel osiągnięto, osiągnięto częściowo, czy nie.',
  },
  ASSESSMENT_NEXT_DATE_MISSING: {
    severity: 'blocker',
    basis: RECORD_BASIS.nextAssessment,
    message: 'Ocena okresowa z {date}: podaj termin kolejnej oceny (najpóźniej {latest}).',
  },
  ASSESSMENT_NEXT_DATE_TOO_LATE: {
    severity: 'blocker',
    basis: RECORD_BASIS.nextAssessment,
    message: 'Termin kolejnej oceny ({next}) przypada później niż pół roku od oceny z {date} — najpóźniej {latest}.',
  },
  ASSESSMENT_NEXT_DATE_NOT_AFTER: {
    severity: 'blocker',
    basis: RECORD_BASIS.nextAssessment,
    message: 'Termin kolejnej oceny ({next}) musi przypadać po dniu oceny ({date}).',
  },
  ASSESSMENT_PERIOD_ENDS_AFTER_ASSESSMENT: {
    severity: 'blocker',
    basis: RECORD_BASIS.period,
    message: 'Okres objęty oceną kończy się {to}, później niż dzień oceny ({date}).',
  },
  ASSESSMENT_PERIOD_BEFORE_PREVIOUS: {
    severity: 'blocker',
    basis: RECORD_BASIS.period,
    message: 'Okres objęty oceną okresową zaczyna się {from}, przed poprzednią oceną ({previousOn}) — ocena okresowa obejmuje czas od poprzedniej oceny.',
  },
  ASSESSMENT_PERIOD_BEFORE_ASSIGNMENT: {
    severity: 'blocker',
    basis: RECORD_BASIS.period,
    message: 'Okres objęty oceną zaczyna się {from}, przed przydzieleniem asystenta ({assignedOn}).',
  },
  ASSESSMENT_PERIOD_TOO_LONG: {
    severity: 'warning',
    basis: RECORD_BASIS.nextAssessment,
    message:
      'Ocena okresowa obejmuje {months} mies. ({from}–{to}) — ocenę sporządza się nie rzadziej niż co pół roku; w uzasadnieniu rekomendacji wyjaśnij opóźnienie.',
  },
  ASSESSMENT_AFTER_CLOSURE: {
    severity: 'blocker',
    basis: RECORD_BASIS.planAfterClosure,
    message: 'Ocena okresowa z {date} jest późniejsza niż zakończenie pracy z rodziną ({closedOn}) — po zakończeniu sporządza się tylko kartę monitoringu.',
  },
  ASSESSMENT_DISTRIBUTION_EMPTY: {
    severity: 'blocker',
    basis: RECORD_BASIS.distribution,
    message: 'Ocena {kind} z {date} nie ma rozdzielnika („Otrzymują”) — ocenę przekazuje się co najmniej kierownikowi ośrodka.',
  },

  // ---- Final assessment and closure ----
  FINAL_ASSESSMENT_MONITORING_PLAN_MISSING: {
    severity: 'blocker',
    basis: RECORD_BASIS.finalAssessment,
    message: 'Ocena końcowa: wpisz zalecenia, w tym plan monitorowania rodziny po zakończeniu pracy (jak długo i w jakiej formie).',
  },
  FINAL_ASSESSMENT_RECOMMENDATION_NOTE_MISSING: {
    severity: 'blocker',
    basis: RECORD_BASIS.finalAssessment,
    message: 'Ocena końcowa: uzasadnij rekomendację (dlaczego praca z rodziną się kończy i co dalej).',
  },
  CLOSURE_REASON_CONTRADICTS_FINAL_ASSESSMENT: {
    severity: 'blocker',
    basis: RECORD_BASIS.closureReason,
    message: 'Przyczyna „{reason}” nie zgadza się z oceną końcową z {date}: {evidence}. Wybierz inną przyczynę albo uzasadnij ją.',
  },
  CLOSURE_REASON_JUSTIFIED: {
    severity: 'warning',
    basis: RECORD_BASIS.closureReason,
    message: 'Przyczyna „{reason}” mimo oceny końcowej z {date} ({evidence}) — uzasadnienie: {justification}',
  },

  // ---- Request for an assistant ----
  REQUEST_ANALYSIS_MISSING: {
    severity: 'blocker',
    basis: RECORD_BASIS.analysis,
    message: 'Wniosek o przydzielenie asystenta: wpisz analizę sytuacji rodziny (jakie trudności w wypełnianiu funkcji opiekuńczo-wychowawczych stwierdzono).',
  },
  REQUEST_COURT_ORDER_LATER: {
    severity: 'info',
    basis: RECORD_BASIS.courtOrderDate,
    message: 'Postanowienie sądu z {orderOn} zapadło po dniu wniosku ({requestOn}) — wniosek nie może się na nie powoływać; dokument wskazuje je dopiero od jego daty.',
  },

  // ---- Registry ----
  MEMBER_PARENT_TOO_YOUNG: {
    severity: 'warning',
    basis: RECORD_BASIS.ages,
    message:
      '{parent} ({relation}) w dniu urodzenia dziecka {child} ({childBirth}) {had} {age} — sprawdź daty urodzenia i pokrewieństwo.',
  },
  MEMBER_PARENT_BORN_AFTER_CHILD: {
    severity: 'warning',
    basis: RECORD_BASIS.ages,
    message: '{parent} ({relation}, ur. {parentBirth}) jest {younger} od dziecka {child} (ur. {childBirth}) — sprawdź daty urodzenia i pokrewieństwo.',
  },
  FAMILY_CHILDREN_SAME_NAME: {
    severity: 'warning',
    basis: RECORD_BASIS.ages,
    message: 'Dwoje dzieci w rodzinie ma to samo imię i nazwisko ({name}) — sprawdź, czy to nie ta sama osoba wpisana dwa razy.',
  },
} as const satisfies Record<string, Def>;
