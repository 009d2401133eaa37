/**
 * "Następny krok" (issue 14): for every state of a case, the usual next step of the work with the
 * family (domain.md §2.2 general support, §2.3 "Za życiem"), who takes it, what it opens on the
 * screen, and the deadline that applies to it (from the deadline engine's items of the case).
 *
 * Data + one pure function: the case view shows the step with a button, the assistant's home lists
 * newly assigned families with theirs, and the newcomer E2E story asserts it at every state.
 */
import type { Role } from '../roles';
import { DEADLINE_KINDS, type DeadlineItem, type DeadlineKind } from './deadlineEngine';
import type { CaseAction, CaseState, CaseTrack } from './lifecycle';

/** A tab of "Praca z rodziną" in the case view, and the form the step opens there. */
export type WorkTab = 'assessments' | 'plan' | 'entries' | 'court' | 'catalogue' | 'closure';
export type WorkForm = 'initial-assessment' | 'periodic-assessment' | 'plan' | 'visit' | 'catalogue-item';

export type NextStepTarget =
  /** A case action (its dialog in the case view). */
  | { kind: 'transition'; action: CaseAction }
  /** A tab of "Praca z rodziną", with the form to open in it. */
  | { kind: 'work'; tab: WorkTab; form?: WorkForm };

export interface NextStepDef {
  /** What to do, as an instruction: "Przeprowadź rodzinny wywiad środowiskowy". */
  title: string;
  /** One sentence on why and how, in plain words. */
  hint: string;
  /** Who takes the step (the main process still checks every action). */
  roles: ReadonlyArray<Role>;
  target: NextStepTarget;
  /** The deadlines that apply, in order of preference; the earliest present one is shown. */
  deadlines: ReadonlyArray<DeadlineKind>;
  /** Said when no deadline applies (the statute sets none, or none is due yet). */
  noDeadline?: string;
}

const PS_OR_HEAD: ReadonlyArray<Role> = ['social_worker', 'admin'];
const HEAD: ReadonlyArray<Role> = ['admin'];
const ASSISTANT_OR_HEAD: ReadonlyArray<Role> = ['assistant', 'admin'];

/** Shared by several states. */
const STEP = {
  visit: {
    title: 'Zapisz kolejną wizytę u rodziny',
    hint: 'Realizujesz plan pracy: wizyty, ustalenia i postępy zapisuj w dzienniku wizyt.',
    roles: ASSISTANT_OR_HEAD,
    target: { kind: 'work', tab: 'entries', form: 'visit' },
    deadlines: ['VISIT_GAP'],
    noDeadline: 'Program przypomni o wizycie, gdy zbliży się najdłuższa przerwa między wizytami ustalona w ośrodku.',
  },
  periodic: {
    title: 'Sporządź okresową ocenę sytuacji rodziny',
    hint: 'Ocenę okresową asystent sporządza co najmniej raz na 6 miesięcy (art. 15 ust. 1 pkt 15 ustawy).',
    roles: ASSISTANT_OR_HEAD,
    target: { kind: 'work', tab: 'assessments', form: 'periodic-assessment' },
    deadlines: ['PERIODIC_ASSESSMENT_DUE'],
  },
  courtOpinion: {
    title: 'Przygotuj opinię o rodzinie dla sądu',
    hint: 'Sąd wyznaczył termin na opinię (art. 15 ust. 1 pkt 17 ustawy).',
    roles: ASSISTANT_OR_HEAD,
    target: { kind: 'work', tab: 'court' },
    deadlines: ['COURT_OPINION_DUE'],
  },
} as const satisfies Record<string, NextStepDef>;

/** The usual next step per track and state (null: nothing follows — the case is closed). */
export const NEXT_STEPS: Readonly<Record<CaseTrack, Partial<Record<CaseState, NextStepDef>>>> = {
  general: {
    ZGLOSZENIE: {
      title: 'Przeprowadź rodzinny wywiad środowiskowy',
      hint: 'Pracownik socjalny przeprowadza wywiad u rodziny i zapisuje jego datę.',
      roles: PS_OR_HEAD,
      target: { kind: 'transition', action: 'recordInterview' },
      deadlines: ['RWS_DUE'],
    },
    RWS_PRZEPROWADZONY: {
      title: 'Zapisz analizę sytuacji rodziny',
      hint: 'Po wywiadzie pracownik socjalny ocenia, czy w rodzinie są trudności opiekuńczo-wychowawcze (art. 11 ust. 2 ustawy).',
      roles: PS_OR_HEAD,
      target: { kind: 'transition', action: 'recordAnalysis' },
      deadlines: [],
      noDeadline: 'Ustawa nie wyznacza terminu analizy — zrób ją wkrótce po wywiadzie.',
    },
    ANALIZA: {
      title: 'Złóż wniosek o przydzielenie asystenta rodziny',
      hint: 'Pracownik socjalny składa kierownikowi wniosek z uzasadnieniem (art. 11 ust. 3 ustawy).',
      roles: PS_OR_HEAD,
      target: { kind: 'transition', action: 'submitRequest' },
      deadlines: [],
      noDeadline: 'Ustawa nie wyznacza terminu wniosku.',
    },
    WNIOSEK_PS: {
      title: 'Podejmij decyzję: przydziel asystenta rodziny',
      hint: 'Kierownik wybiera asystenta (najwyżej 15 rodzin na asystenta, art. 15 ust. 4) albo podejmuje inną decyzję.',
      roles: HEAD,
      target: { kind: 'transition', action: 'assign' },
      deadlines: [],
      noDeadline: 'Ustawa nie wyznacza terminu decyzji — w praktyce niezwłocznie.',
    },
    LISTA_OCZEKUJACYCH: {
      title: 'Przydziel asystenta, gdy zwolni się miejsce',
      hint: 'Rodzina czeka na liście; kierownik przydziela asystenta, gdy któryś ma mniej niż 15 rodzin.',
      roles: HEAD,
      target: { kind: 'transition', action: 'assign' },
      deadlines: [],
      noDeadline: 'Bez terminu — do zwolnienia miejsca u asystenta.',
    },
    SKIEROWANIE_DO_PODMIOTU: {
      title: 'Zapisz przydzielenie asystenta, gdy podmiot go wskaże',
      hint: 'Sprawa została skierowana do innego podmiotu; gdy przydzieli on asystenta, kierownik zapisuje decyzję.',
      roles: HEAD,
      target: { kind: 'transition', action: 'assign' },
      deadlines: [],
      noDeadline: 'Bez terminu — do odpowiedzi podmiotu.',
    },
    PRZYDZIELONY: {
      title: 'Nawiąż pierwszy kontakt z rodziną',
      hint: 'Asystent spotyka się z rodziną, zwykle razem z pracownikiem socjalnym, i zapisuje datę kontaktu.',
      roles: ASSISTANT_OR_HEAD,
      target: { kind: 'transition', action: 'recordFirstContact' },
      deadlines: ['FIRST_CONTACT_DUE'],
      noDeadline: 'Ustawa nie wyznacza terminu pierwszego kontaktu — nawiąż go jak najszybciej.',
    },
    PIERWSZY_KONTAKT: {
      title: 'Zapisz zgodę rodziny na współpracę',
      hint: 'Praca z rodziną wymaga jej pisemnej zgody albo postanowienia sądu (art. 8 ust. 3 ustawy).',
      roles: ASSISTANT_OR_HEAD,
      target: { kind: 'transition', action: 'recordConsent' },
      deadlines: ['FIRST_CONTACT_DUE'],
      noDeadline: 'Ustawa nie wyznacza terminu zgody.',
    },
    ZGODA: {
      title: 'Sporządź ocenę wstępną sytuacji rodziny',
      hint: 'Ocena wstępna jest podstawą planu pracy: oceń każdy obszar i uzasadnij ocenę.',
      roles: ASSISTANT_OR_HEAD,
      target: { kind: 'work', tab: 'assessments', form: 'initial-assessment' },
      deadlines: ['INITIAL_ASSESSMENT_DUE'],
    },
    OCENA_WSTEPNA: {
      title: 'Sporządź plan pracy z rodziną',
      hint: 'Plan zawiera cele, działania, terminy ich realizacji i oczekiwane efekty (art. 15 ust. 3 ustawy).',
      roles: ASSISTANT_OR_HEAD,
      target: { kind: 'work', tab: 'plan', form: 'plan' },
      deadlines: ['WORK_PLAN_DUE'],
    },
    PLAN_PRACY: {
      title: 'Rozpocznij realizację planu',
      hint: 'Plan jest gotowy: zapisz dzień, od którego realizujesz go z rodziną; potem zapisuj wizyty.',
      roles: ASSISTANT_OR_HEAD,
      target: { kind: 'transition', action: 'startRealisation' },
      deadlines: ['VISIT_GAP'],
      noDeadline: 'Bez terminu — zwykle przy pierwszej wizycie po sporządzeniu planu.',
    },
    REALIZACJA: STEP.visit,
    ZAWIESZENIE: {
      title: 'Wznów pracę z rodziną, gdy ustanie przyczyna zawieszenia',
      hint: 'W czasie zawieszenia nadal obowiązuje termin oceny okresowej.',
      roles: ASSISTANT_OR_HEAD,
      target: { kind: 'transition', action: 'resume' },
      deadlines: ['PERIODIC_ASSESSMENT_DUE'],
    },
    MONITORING: {
      title: 'Zakończ monitoring po jego upływie',
      hint: 'Po zakończeniu pracy asystent monitoruje sytuację rodziny (art. 15 ust. 1 pkt 16 ustawy); potem kierownik przenosi sprawę do archiwum.',
      roles: HEAD,
      target: { kind: 'transition', action: 'archive' },
      deadlines: ['MONITORING_END'],
    },
  },
  'za-zyciem': {
    WNIOSEK_ZZ: {
      title: 'Zweryfikuj wniosek „Za życiem” i dokumenty',
      hint: 'Sprawdź dokument potwierdzający ciążę albo zaświadczenie lekarskie; wywiad środowiskowy nie jest potrzebny.',
      roles: PS_OR_HEAD,
      target: { kind: 'transition', action: 'verifyZz' },
      deadlines: ['ZZ_ASSIGNMENT_DUE', 'ZZ_APPLICANT_INFO_DUE'],
    },
    WERYFIKACJA: {
      title: 'Przydziel asystenta rodziny',
      hint: 'Wniosek jest zweryfikowany: kierownik przydziela asystenta i informuje wnioskodawcę na piśmie.',
      roles: HEAD,
      target: { kind: 'transition', action: 'assign' },
      deadlines: ['ZZ_ASSIGNMENT_DUE', 'ZZ_APPLICANT_INFO_DUE'],
    },
    PRZYDZIELONY: {
      title: 'Nawiąż kontakt z rodziną i zapisz jej zgodę',
      hint: 'Asystent przedstawia swoją rolę, ustala oczekiwania rodziny i przyjmuje jej pisemną zgodę.',
      roles: ASSISTANT_OR_HEAD,
      target: { kind: 'transition', action: 'recordConsent' },
      deadlines: ['FIRST_CONTACT_DUE'],
    },
    KONTAKT_I_ZGODA: {
      title: 'Opracuj z rodziną katalog wsparcia',
      hint: 'Katalog wymienia wsparcie możliwe do uzyskania (ustawa „Za życiem”, art. 8); zacznij od pierwszej pozycji.',
      roles: ASSISTANT_OR_HEAD,
      target: { kind: 'work', tab: 'catalogue', form: 'catalogue-item' },
      deadlines: ['PERIODIC_ASSESSMENT_DUE'],
    },
    KATALOG_WSPARCIA: {
      title: 'Rozpocznij koordynację wsparcia',
      hint: 'Na podstawie upoważnienia rodziny asystent występuje w jej imieniu do instytucji.',
      roles: ASSISTANT_OR_HEAD,
      target: { kind: 'transition', action: 'startCoordination' },
      deadlines: ['PERIODIC_ASSESSMENT_DUE'],
    },
    KOORDYNACJA: {
      ...STEP.visit,
      hint: 'Koordynujesz wsparcie: kontakty z rodziną i wystąpienia do instytucji zapisuj w dzienniku.',
    },
    ZAWIESZENIE: {
      title: 'Wznów pracę z rodziną, gdy ustanie przyczyna zawieszenia',
      hint: 'W czasie zawieszenia nadal obowiązuje termin oceny okresowej.',
      roles: ASSISTANT_OR_HEAD,
      target: { kind: 'transition', action: 'resume' },
      deadlines: ['PERIODIC_ASSESSMENT_DUE'],
    },
    MONITORING: {
      title: 'Zakończ monitoring po jego upływie',
      hint: 'Po zakończeniu koordynacji asystent monitoruje sytuację rodziny; potem kierownik przenosi sprawę do archiwum.',
      roles: HEAD,
      target: { kind: 'transition', action: 'archive' },
      deadlines: ['MONITORING_END'],
    },
  },
};

/** A deadline item as the step needs it (the engine's item, or its IPC copy). */
export type StepDeadline = Pick<DeadlineItem, 'kind' | 'dueDate' | 'status' | 'daysLeft' | 'basis'> & { label: string };

export interface NextStep extends Omit<NextStepDef, 'deadlines'> {
  /** `${track}:${state}` (plus a variant), stable for tests and lists. */
  key: string;
  /** The deadline that applies now, or null (then `noDeadline` says why). */
  deadline: StepDeadline | null;
}

export interface NextStepInput {
  track: CaseTrack;
  state: CaseState;
  /** Result of the analysis (ANALIZA): false means the family needs no assistant. */
  careDifficultiesFound?: boolean | null;
  /** Za życiem: number of items in the catalogue of support. */
  catalogueItems?: number;
  /** The case's deadline items (computeDeadlines for this case), any order. */
  deadlines: ReadonlyArray<Pick<DeadlineItem, 'kind' | 'dueDate' | 'status' | 'daysLeft' | 'basis'>>;
}

const URGENT: ReadonlySet<string> = new Set(['overdue', 'due-soon']);

/**
 * The usual next step of a case in its state, with the deadline that applies (the earliest of the
 * step's deadline kinds present among the case's items); null for a closed or archived case.
 * In the middle of the work (realisation, coordination) a periodic assessment or a court opinion
 * that is overdue or due within the warning window comes before the next visit.
 */
export function nextStep(input: NextStepInput): NextStep | null {
  const { track, state } = input;
  let def = NEXT_STEPS[track][state];
  let variant = '';
  if (!def) return null;
  if (track === 'general' && state === 'ANALIZA' && input.careDifficultiesFound === false) {
    def = {
      title: 'Zamknij sprawę: rodzina nie wymaga asystenta',
      hint: 'Analiza nie wykazała trudności opiekuńczo-wychowawczych; sprawa kończy się bez wniosku o asystenta.',
      roles: PS_OR_HEAD,
      target: { kind: 'transition', action: 'concludeNoAssistantNeeded' },
      deadlines: [],
      noDeadline: 'Bez terminu.',
    };
    variant = ':no-difficulties';
  }
  if (track === 'za-zyciem' && state === 'KONTAKT_I_ZGODA' && (input.catalogueItems ?? 0) > 0) {
    def = {
      title: 'Zatwierdź katalog wsparcia',
      hint: 'Katalog ma już pozycje: zapisz dzień, w którym opracowano go z rodziną; potem rozpocznij koordynację.',
      roles: ASSISTANT_OR_HEAD,
      target: { kind: 'transition', action: 'drawUpCatalogue' },
      deadlines: ['PERIODIC_ASSESSMENT_DUE'],
    };
    variant = ':catalogue-ready';
  }
  if (state === 'REALIZACJA' || state === 'KOORDYNACJA') {
    const pressing = (kind: DeadlineKind) => input.deadlines.some((d) => d.kind === kind && URGENT.has(d.status));
    if (pressing('COURT_OPINION_DUE')) {
      def = STEP.courtOpinion;
      variant = ':court-opinion';
    } else if (pressing('PERIODIC_ASSESSMENT_DUE')) {
      def = STEP.periodic;
      variant = ':periodic-assessment';
    }
  }
  const candidates = input.deadlines
    .filter((d) => def.deadlines.includes(d.kind))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : def.deadlines.indexOf(a.kind) - def.deadlines.indexOf(b.kind)));
  const d = candidates[0];
  const { deadlines: _kinds, ...rest } = def;
  return {
    ...rest,
    key: `${track}:${state}${variant}`,
    deadline: d ? { kind: d.kind, dueDate: d.dueDate, status: d.status, daysLeft: d.daysLeft, basis: d.basis, label: DEADLINE_KINDS[d.kind].label } : null,
  };
}
