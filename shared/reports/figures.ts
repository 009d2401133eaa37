/**
 * The figures of the half-year report, as data: id, Polish label, Polish definition (shown next
 * to the figure and printed in the exports), the counting rule it follows and what a drill-down
 * lists. The fields of the form (załącznik nr 1 to the 2019 reporting regulation) are
 * [UNVERIFIED] (domain.md §6.1): adjust the labels, the order and the sections here; the
 * counting itself is in compute.ts and the choices in conventions.ts.
 *
 * Placeholders in `definition`: {start} the start of the work, {end} its end, {unit} "rodziny"
 * or "sprawy", {t1}/{t2} the duration thresholds in months — filled by `definitionOf`.
 */
import type { ReportConventions } from './conventions';

export type FigureSection = 'staff' | 'families' | 'children' | 'ended' | 'duration' | 'waiting' | 'supporting';

export const FIGURE_SECTIONS: Readonly<Record<FigureSection, string>> = {
  staff: 'I. Asystenci rodziny',
  families: 'II. Rodziny objęte wsparciem asystenta rodziny',
  children: 'III. Dzieci w rodzinach objętych wsparciem',
  ended: 'IV. Rodziny, z którymi zakończono pracę',
  duration: 'V. Okres pracy z rodziną',
  waiting: 'VI. Rodziny oczekujące na asystenta',
  supporting: 'VII. Rodziny wspierające',
};

export type FigureUnit = 'persons' | 'families' | 'children' | 'ratio' | 'amount-gr';
export type FigureDrill = 'families' | 'assistants' | 'none';

export interface FigureDef {
  id: string;
  section: FigureSection;
  /** Row number on the report, e.g. "2.1". */
  no: string;
  label: string;
  definition: string;
  /** Where the counting rule comes from. */
  rule: string;
  unit: FigureUnit;
  drill: FigureDrill;
  /** 0 = main row, 1 = "w tym". */
  level: 0 | 1;
}

const FORM = 'sprawozdanie rzeczowo-finansowe, załącznik nr 1 (pola niezweryfikowane, domain.md §6.1)';
const CONV = 'ustawienie ośrodka (Ustawienia sprawozdań)';

export const HALF_YEAR_FIGURES: ReadonlyArray<FigureDef> = [
  {
    id: 'assistants_total',
    section: 'staff',
    no: '1',
    label: 'Asystenci rodziny ogółem (osoby)',
    definition:
      'Osoby z rolą asystenta rodziny: {assistants}. Forma zatrudnienia z Ustawień sprawozdań (nie ma jej w kartotece).',
    rule: `${FORM}; ${CONV}`,
    unit: 'persons',
    drill: 'assistants',
    level: 0,
  },
  {
    id: 'assistants_employment_contract',
    section: 'staff',
    no: '1.1',
    label: 'w tym zatrudnieni na podstawie umowy o pracę',
    definition: 'Asystenci z formą zatrudnienia „umowa o pracę”.',
    rule: FORM,
    unit: 'persons',
    drill: 'assistants',
    level: 1,
  },
  {
    id: 'assistants_task_based',
    section: 'staff',
    no: '1.1.1',
    label: 'w tym w systemie zadaniowego czasu pracy',
    definition: 'Asystenci zatrudnieni na umowę o pracę w systemie zadaniowego czasu pracy.',
    rule: FORM,
    unit: 'persons',
    drill: 'assistants',
    level: 1,
  },
  {
    id: 'assistants_service_contract',
    section: 'staff',
    no: '1.2',
    label: 'w tym zatrudnieni na podstawie umowy o świadczenie usług',
    definition: 'Asystenci z formą zatrudnienia „umowa o świadczenie usług”.',
    rule: FORM,
    unit: 'persons',
    drill: 'assistants',
    level: 1,
  },
  {
    id: 'assistants_form_missing',
    section: 'staff',
    no: '1.3',
    label: 'bez wskazanej formy zatrudnienia (do uzupełnienia)',
    definition: 'Asystenci, dla których nie wskazano formy zatrudnienia w Ustawieniach sprawozdań — uzupełnij przed wysłaniem.',
    rule: CONV,
    unit: 'persons',
    drill: 'assistants',
    level: 1,
  },
  {
    id: 'families_supported',
    section: 'families',
    no: '2',
    label: 'Rodziny objęte wsparciem asystenta rodziny w okresie',
    definition:
      'Liczone są {unit}, w których okres pracy asystenta (od {start} do {end}, a gdy praca trwa — do dziś) ma choć jeden dzień wspólny z okresem sprawozdawczym.',
    rule: `domain.md §6.1 (dowolne nakładanie się z okresem); ${CONV}`,
    unit: 'families',
    drill: 'families',
    level: 0,
  },
  {
    id: 'families_new',
    section: 'families',
    no: '2.1',
    label: 'w tym nowo objęte wsparciem w okresie',
    definition: 'Z wiersza 2: {unit}, w których praca rozpoczęła się ({start}) w okresie sprawozdawczym.',
    rule: `${FORM}; ${CONV}`,
    unit: 'families',
    drill: 'families',
    level: 1,
  },
  {
    id: 'families_court',
    section: 'families',
    no: '2.2',
    label: 'w tym zobowiązane przez sąd do współpracy z asystentem',
    definition:
      'Z wiersza 2: sprawy ze zgłoszenia „postanowienie sądu” (art. 109 § 2 pkt 1 KRO) albo z postanowieniem sądu zapisanym jako podstawa współpracy.',
    rule: `art. 109 § 2 pkt 1 KRO; ${FORM}`,
    unit: 'families',
    drill: 'families',
    level: 1,
  },
  {
    id: 'families_foster_care',
    section: 'families',
    no: '2.3',
    label: 'w tym rodziny z dzieckiem umieszczonym w pieczy zastępczej',
    definition:
      'Z wiersza 2: rodziny, w których dziecko przebywało w pieczy zastępczej choć jeden dzień okresu — według historii umieszczeń (data umieszczenia i powrotu), nie według dzisiejszego stanu; rodzina ze sprawą założoną z powodu umieszczenia dziecka w pieczy, bez zapisanego umieszczenia, liczona według przyczyny zgłoszenia (z ostrzeżeniem).',
    rule: `art. 10 ust. 4 ustawy o wspieraniu rodziny; ${FORM}`,
    unit: 'families',
    drill: 'families',
    level: 1,
  },
  {
    id: 'families_za_zyciem',
    section: 'families',
    no: '2.4',
    label: 'w tym rodziny objęte wsparciem na podstawie ustawy „Za życiem” (art. 8)',
    definition: 'Z wiersza 2: sprawy koordynacji „Za życiem”.',
    rule: `art. 8 ustawy „Za życiem”; ${FORM}`,
    unit: 'families',
    drill: 'families',
    level: 1,
  },
  {
    id: 'families_at_period_end',
    section: 'families',
    no: '2.5',
    label: 'Rodziny objęte wsparciem w ostatnim dniu okresu (obciążenie asystentów)',
    definition:
      'Z wiersza 2: {unit}, z którymi praca trwała w ostatnim dniu okresu. Limit z art. 15 ust. 4 (do 15 rodzin jednocześnie) dotyczy rodzin prowadzonych w tym samym czasie, więc zamiast średniej z półrocza podano stan na koniec okresu; lista pokazuje asystenta każdej rodziny.',
    rule: `art. 15 ust. 4 ustawy o wspieraniu rodziny; ${CONV}`,
    unit: 'families',
    drill: 'families',
    level: 1,
  },
  {
    id: 'children_total',
    section: 'children',
    no: '3',
    label: 'Dzieci w rodzinach objętych wsparciem',
    definition:
      'Członkowie rodzin z wiersza 2 oznaczeni w kartotece jako dzieci ({children}), urodzeni najpóźniej w ostatnim dniu okresu i niepełnoletni choć przez część okresu.',
    rule: `${FORM}; ${CONV}`,
    unit: 'children',
    drill: 'families',
    level: 0,
  },
  {
    id: 'children_foster_care',
    section: 'children',
    no: '3.1',
    label: 'w tym dzieci umieszczone w pieczy zastępczej',
    definition: 'Z wiersza 3: dzieci, które przebywały w pieczy zastępczej choć jeden dzień okresu (historia umieszczeń z datami; umieszczenie bez daty nie jest liczone — ostrzeżenie).',
    rule: FORM,
    unit: 'children',
    drill: 'families',
    level: 1,
  },
  {
    id: 'ended_total',
    section: 'ended',
    no: '4',
    label: 'Rodziny, z którymi zakończono pracę w okresie',
    definition:
      'Z wiersza 2: {unit}, w których praca zakończyła się ({end}) w okresie sprawozdawczym; rodzina z inną sprawą trwającą po końcu okresu nie jest liczona.',
    rule: `domain.md §6.1 (data zakończenia w okresie); ${CONV}`,
    unit: 'families',
    drill: 'families',
    level: 0,
  },
  {
    id: 'ended_goals',
    section: 'ended',
    no: '4.1',
    label: 'w tym z powodu osiągnięcia celów',
    definition: 'Z wiersza 4: przyczyna zakończenia z grupy „osiągnięcie celów” ({group:goals}).',
    rule: `domain.md §2.5; ${CONV}`,
    unit: 'families',
    drill: 'families',
    level: 1,
  },
  {
    id: 'ended_noncooperation',
    section: 'ended',
    no: '4.2',
    label: 'w tym z powodu braku współpracy lub rezygnacji rodziny',
    definition: 'Z wiersza 4: przyczyna zakończenia z grupy „brak współpracy lub rezygnacja” ({group:noncooperation}).',
    rule: `domain.md §2.5; ${CONV}`,
    unit: 'families',
    drill: 'families',
    level: 1,
  },
  {
    id: 'ended_resigned',
    section: 'ended',
    no: '4.2.1',
    label: 'w tym rezygnacja rodziny',
    definition: 'Z wiersza 4: przyczyna zakończenia oznaczająca rezygnację rodziny ({resignation}).',
    rule: `domain.md §2.5 (REZYGNACJA); ${CONV}`,
    unit: 'families',
    drill: 'families',
    level: 1,
  },
  {
    id: 'ended_moved',
    section: 'ended',
    no: '4.3',
    label: 'w tym z powodu zmiany miejsca zamieszkania',
    definition: 'Z wiersza 4: przyczyna zakończenia z grupy „zmiana miejsca zamieszkania” ({group:moved}).',
    rule: `domain.md §2.5; ${CONV}`,
    unit: 'families',
    drill: 'families',
    level: 1,
  },
  {
    id: 'ended_other',
    section: 'ended',
    no: '4.4',
    label: 'w tym z innych przyczyn',
    definition: 'Z wiersza 4: pozostałe przyczyny zakończenia ({group:other}).',
    rule: `domain.md §2.5; ${CONV}`,
    unit: 'families',
    drill: 'families',
    level: 1,
  },
  {
    id: 'duration_short',
    section: 'duration',
    no: '5.1',
    label: 'Praca z rodziną trwała do {t1} miesięcy',
    definition: 'Czas od {start} do {end} (albo do końca okresu), nie dłuższy niż {t1} miesięcy; liczone dla {durationOf}.',
    rule: `${FORM}; ${CONV}`,
    unit: 'families',
    drill: 'families',
    level: 0,
  },
  {
    id: 'duration_medium',
    section: 'duration',
    no: '5.2',
    label: 'Praca z rodziną trwała powyżej {t1} do {t2} miesięcy',
    definition: 'Czas pracy dłuższy niż {t1} i nie dłuższy niż {t2} miesięcy; liczone dla {durationOf}.',
    rule: `${FORM}; ${CONV}`,
    unit: 'families',
    drill: 'families',
    level: 0,
  },
  {
    id: 'duration_long',
    section: 'duration',
    no: '5.3',
    label: 'Praca z rodziną trwała powyżej {t2} miesięcy',
    definition: 'Czas pracy dłuższy niż {t2} miesięcy; liczone dla {durationOf}.',
    rule: `${FORM}; ${CONV}`,
    unit: 'families',
    drill: 'families',
    level: 0,
  },
  {
    id: 'waiting',
    section: 'waiting',
    no: '6',
    label: 'Rodziny oczekujące na przydzielenie asystenta',
    definition: 'Sprawy wpisane przez kierownika na listę oczekujących (z historii sprawy): {waiting}.',
    rule: `domain.md §2.2 (LISTA_OCZEKUJACYCH); ${CONV}`,
    unit: 'families',
    drill: 'families',
    level: 0,
  },
  {
    id: 'supporting_families',
    section: 'supporting',
    no: '7',
    label: 'Rodziny wspierające (ustanowione, działające w okresie)',
    definition: 'Rodziny wspierające z aktem ustanowienia z datą nie późniejszą niż koniec okresu.',
    rule: 'art. 29–31 ustawy o wspieraniu rodziny',
    unit: 'families',
    drill: 'families',
    level: 0,
  },
  {
    id: 'supporting_families_new',
    section: 'supporting',
    no: '7.1',
    label: 'w tym ustanowione w okresie',
    definition: 'Z wiersza 7: data aktu ustanowienia w okresie sprawozdawczym.',
    rule: 'art. 31 ustawy o wspieraniu rodziny',
    unit: 'families',
    drill: 'families',
    level: 1,
  },
  {
    id: 'families_helped_by_supporting',
    section: 'supporting',
    no: '7.2',
    label: 'Rodziny, którym pomagały rodziny wspierające',
    definition: 'Rodziny (objęte wsparciem asystenta), dla których działała co najmniej jedna rodzina wspierająca z wiersza 7.',
    rule: 'art. 29 ust. 2 ustawy o wspieraniu rodziny',
    unit: 'families',
    drill: 'families',
    level: 0,
  },
  {
    id: 'reimbursements_families',
    section: 'supporting',
    no: '7.3',
    label: 'Rodziny wspierające, którym zwrócono koszty w okresie',
    definition: 'Rodziny wspierające z co najmniej jedną wypłatą zwrotu kosztów z datą w okresie sprawozdawczym.',
    rule: 'art. 31 ust. 1 ustawy o wspieraniu rodziny',
    unit: 'families',
    drill: 'families',
    level: 0,
  },
  {
    id: 'reimbursements_amount',
    section: 'supporting',
    no: '7.4',
    label: 'Kwota zwrotu kosztów rodzinom wspierającym (zł)',
    definition: 'Suma wypłat zwrotu kosztów z datą w okresie sprawozdawczym.',
    rule: 'art. 31 ust. 1 ustawy o wspieraniu rodziny',
    unit: 'amount-gr',
    drill: 'families',
    level: 0,
  },
];

export const FIGURE_IDS = HALF_YEAR_FIGURES.map((f) => f.id);

export function figureDef(id: string): FigureDef | undefined {
  return HALF_YEAR_FIGURES.find((f) => f.id === id);
}

const CLOSURE_CODE_LABELS: Readonly<Record<string, string>> = {
  CEL: 'osiągnięcie celów',
  REZYGNACJA: 'rezygnacja rodziny',
  BRAK_WSPOLPRACY: 'brak współpracy',
  ZMIANA_MIEJSCA: 'wyprowadzka poza gminę',
  PIECZA_BEZ_POWROTU: 'trwała piecza bez powrotu',
  SAD: 'uchylenie przez sąd',
  ZMIANA_FORMY: 'inna forma wsparcia',
  ZZ_KONIEC: 'zakończenie koordynacji „Za życiem”',
  INNE: 'inne',
};

/** Fills the placeholders of a label or definition with the conventions in force. */
export function fillText(text: string, c: ReportConventions): string {
  const [t1, t2] = c.durationThresholdsMonths;
  const group = (g: string) =>
    Object.entries(c.closureGroups)
      .filter(([, v]) => v === g)
      .map(([k]) => CLOSURE_CODE_LABELS[k] ?? k)
      .join(', ') || 'brak przyczyn w tej grupie';
  return text
    .replace(/\{start\}/g, c.startDate === 'assignedOn' ? 'daty przydzielenia asystenta' : 'daty zgody rodziny (lub postanowienia sądu)')
    .replace(/\{end\}/g, c.monitoringCountsAsSupported ? 'końca monitoringu' : 'daty zakończenia pracy')
    .replace(/\{unit\}/g, c.unit === 'family' ? 'rodziny (rodzina z dwiema sprawami liczy się raz)' : 'sprawy')
    .replace(/\{t1\}/g, String(t1))
    .replace(/\{t2\}/g, String(t2))
    .replace(/\{durationOf\}/g, c.durationOf === 'ended' ? 'rodzin z wiersza 4' : 'rodzin z wiersza 2')
    .replace(/\{children\}/g, c.childrenIncludeFosterCare ? 'także dzieci w pieczy zastępczej' : 'bez dzieci w pieczy zastępczej')
    .replace(/\{waiting\}/g, c.waitingAt === 'period-end' ? 'stan na ostatni dzień okresu' : 'oczekujące w dowolnym dniu okresu')
    .replace(/\{resignation\}/g, c.resignationCodes.map((k) => CLOSURE_CODE_LABELS[k] ?? k).join(', '))
    .replace(
      /\{assistants\}/g,
      c.assistantsCounted === 'worked-in-period'
        ? 'te, które prowadziły w okresie co najmniej jedną rodzinę'
        : c.assistantsCounted === 'active-accounts'
          ? 'aktywne konta asystentów'
          : 'aktywne konta asystentów oraz osoby, które prowadziły w okresie co najmniej jedną rodzinę',
    )
    .replace(/\{group:(\w+)\}/g, (_m, g: string) => group(g));
}

export function labelOf(def: FigureDef, c: ReportConventions): string {
  return fillText(def.label, c);
}

export function definitionOf(def: FigureDef, c: ReportConventions): string {
  return fillText(def.definition, c);
}
