/** 10. Karta wizyty / protokół spotkania (with "podpisu odmówiono") and the visit diary for a
 *  date range (domain.md §4.10). */
import type { IsoDate } from '../../rules/types';
import { DASH, formatDate, formatDuration, formatKm, formatTimeRange, isPresent, listPl, text } from '../format';
import { countOf, NOUNS } from '../../grammar';
import { html } from '../html';
import { fields, section, signatures, table, textBlock, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { type DocBase, type Staff } from './common';

export type VisitPlace = 'home' | 'office' | 'institution' | 'other';

export const VISIT_PLACE_LABELS: Record<VisitPlace, string> = {
  home: 'miejsce zamieszkania rodziny',
  office: 'siedziba ośrodka',
  institution: 'instytucja',
  other: 'inne miejsce wskazane przez rodzinę',
};

export interface Visit {
  date: IsoDate;
  start?: string | null;
  end?: string | null;
  place: VisitPlace;
  placeNote?: string | null;
  participants: ReadonlyArray<string>;
  topics?: string | null;
  tasksDone?: string | null;
  tasksFamily?: string | null;
  tasksAssistant?: string | null;
  /** Observations, in particular on the children's safety. */
  observations?: string | null;
  nextAppointment?: IsoDate | null;
  /** A failed visit (nobody at home, cancelled): the reason. */
  failedReason?: string | null;
  /** Minutes of work and km driven, for the diary. */
  minutes?: number | null;
  km?: number | null;
}

export interface VisitCardView extends DocBase {
  familyName: string;
  visit: Visit;
  familySignatory: { name: string | null; refused: boolean; refusalNote?: string | null };
  assistant: Staff;
}

export function visitCardDocument(v: VisitCardView): DocumentPart {
  const x = v.visit;
  const failed = isPresent(x.failedReason);
  const body = html`
${fields([
    ['Rodzina', text(v.familyName)],
    ['Data i godzina', `${formatDate(x.date)}, ${formatTimeRange(x.start, x.end)}`],
    ['Miejsce', [VISIT_PLACE_LABELS[x.place], x.placeNote].filter(isPresent).join(' – ')],
    ['Uczestnicy', listPl(x.participants) || DASH],
  ])}
${failed
    ? section('Wizyta nieodbyta', textBlock(x.failedReason))
    : html`
${section('1. Tematy i cele planu, nad którymi pracowano', textBlock(x.topics))}
${section('2. Zadania zrealizowane od poprzedniego spotkania', textBlock(x.tasksDone))}
${section('3. Zadania uzgodnione do następnego spotkania – rodzina', textBlock(x.tasksFamily))}
${section('4. Zadania uzgodnione do następnego spotkania – asystent', textBlock(x.tasksAssistant))}
${section('5. Obserwacje (w szczególności bezpieczeństwo dzieci)', textBlock(x.observations))}`}
${fields([['Termin następnego spotkania', formatDate(x.nextAppointment)]])}
${signatures([
    {
      role: 'członek rodziny',
      name: v.familySignatory.name,
      refused: v.familySignatory.refused,
      refusalNote: v.familySignatory.refusalNote,
    },
    { role: 'asystent rodziny', name: v.assistant.name },
  ])}`;
  return {
    kind: 'visit-card',
    title: 'Karta wizyty – protokół spotkania z rodziną',
    header: v,
    legalBasis: legalBasis('documentation', v.date),
    body,
  };
}

export interface VisitDiaryView extends DocBase {
  familyName: string;
  from: IsoDate;
  to: IsoDate;
  visits: ReadonlyArray<Visit>;
  assistant: Staff;
}

export function visitDiaryDocument(v: VisitDiaryView): DocumentPart {
  const done = v.visits.filter((x) => !isPresent(x.failedReason));
  const minutes = v.visits.reduce((s, x) => s + (typeof x.minutes === 'number' && Number.isFinite(x.minutes) ? x.minutes : 0), 0);
  const km = v.visits.reduce((s, x) => s + (typeof x.km === 'number' && Number.isFinite(x.km) ? x.km : 0), 0);
  const body = html`
${fields([
    ['Rodzina', text(v.familyName)],
    ['Okres', `od ${formatDate(v.from)} do ${formatDate(v.to)}`],
    ['Wizyty odbyte', countOf(done.length, NOUNS.wizyta)],
    ['Wizyty nieodbyte', countOf(v.visits.length - done.length, NOUNS.wizyta)],
  ])}
${table(
    [
      { header: 'Lp.', width: 5, align: 'num' },
      { header: 'Data, godziny', width: 14 },
      { header: 'Miejsce', width: 14 },
      { header: 'Przebieg spotkania albo powód nieodbycia', width: 45 },
      { header: 'Czas', width: 10, align: 'num' },
      { header: 'Km', align: 'num' },
    ],
    v.visits.map((x, i) => [
      `${i + 1}.`,
      html`${formatDate(x.date, { suffix: false })}<br>${formatTimeRange(x.start, x.end)}`,
      VISIT_PLACE_LABELS[x.place],
      isPresent(x.failedReason) ? `Wizyta nieodbyta: ${x.failedReason.trim()}` : text(x.topics),
      formatDuration(x.minutes),
      formatKm(x.km),
    ]),
    { small: true, empty: 'brak spotkań w tym okresie', foot: ['', 'Razem', '', '', formatDuration(minutes), formatKm(km)] },
  )}
${signatures([{ role: 'asystent rodziny', name: v.assistant.name }])}`;
  return {
    kind: 'visit-diary',
    title: 'Dziennik wizyt w środowisku rodzinnym',
    header: v,
    legalBasis: legalBasis('documentation', v.date),
    body,
  };
}
