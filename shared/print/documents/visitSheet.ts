/**
 * Arkusz wizyty (issue 14): printed before a visit and filled in by hand in the family's home;
 * afterwards the assistant types it into the diary (Praca z rodziną → Nowa wizyta). Pre-filled
 * with the family, the plan's open actions and their deadlines and what was agreed at the
 * previous visit; its sections follow the visit card (visit.ts) and the visit form one to one, so
 * typing in goes section by section.
 */
import { daysBetween } from '../../rules/isoDate';
import type { IsoDate } from '../../rules/types';
import { countOf, familyName, NOUNS } from '../../grammar';
import { BLANK, formatDate, isPresent, text } from '../format';
import { html, raw, type SafeHtml } from '../html';
import { checkbox, choices, fields, section, signatures, table, writingLines, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { formatAddress, fullName, type Address, type DocBase, type FamilyMember, type Staff } from './common';
import { VISIT_PLACE_LABELS } from './visit';

export interface VisitSheetAction {
  goal: string;
  action: string;
  /** Who carries it out ("rodzina", "asystent rodziny", an institution…). */
  who: string;
  deadline: IsoDate | null;
  /** Started already (status "w toku") or not yet. */
  started: boolean;
}

export interface VisitSheetView extends DocBase {
  members: ReadonlyArray<FamilyMember & { isHead?: boolean; isChild?: boolean }>;
  address: Address;
  /** The planned date of the visit; null leaves a line to fill in. */
  visitOn: IsoDate | null;
  /** The plan the actions come from; null when the family has no plan yet. */
  plan: { version: number; drawnUpOn: IsoDate } | null;
  /** Open actions (planned or in progress), in the plan's order. */
  actions: ReadonlyArray<VisitSheetAction>;
  /** The last visit that took place, with what was agreed then. */
  previous: { date: IsoDate; family: string | null; assistant: string | null } | null;
  assistant: Staff;
}

/** "15.03.2026" and, when it has passed by the day of the visit, "po terminie (5 dni)". */
function deadlineCell(deadline: IsoDate | null, on: IsoDate | null): SafeHtml | string {
  if (!deadline) return 'bez terminu';
  const date = formatDate(deadline, { suffix: false });
  const late = on ? daysBetween(deadline, on) : 0;
  return late > 0 ? html`${date}<br><b>po terminie (${countOf(late, NOUNS.dzien)})</b>` : date;
}

/** A short line to write an hour on. */
const SHORT_BLANK = '…………';

/** An empty cell to write in (a table prints a dash for an empty string). */
const WRITE_HERE = raw('&nbsp;');

const DONE_CHOICES = () => html`${checkbox(null, 'tak')}${checkbox(null, 'częściowo')}${checkbox(null, 'nie')}`;

export function visitSheetDocument(v: VisitSheetView): DocumentPart {
  const memberLabel = (m: FamilyMember) => (isPresent(m.relation) ? `${fullName(m)} (${m.relation.trim()})` : fullName(m));
  const open = v.actions;
  const planLine = v.plan
    ? `Plan pracy z dnia ${formatDate(v.plan.drawnUpOn)} (wersja ${v.plan.version}): ${countOf(open.length, NOUNS.dzialanie)} do realizacji.`
    : 'Rodzina nie ma jeszcze planu pracy.';

  // Group rows per goal, the actions numbered through.
  const rows: Array<ReadonlyArray<SafeHtml | string> | { group: string }> = [];
  let lastGoal: string | null = null;
  open.forEach((a, i) => {
    if (a.goal !== lastGoal) {
      rows.push({ group: `Cel: ${text(a.goal)}` });
      lastGoal = a.goal;
    }
    rows.push([`${i + 1}.`, a.started ? html`${a.action}<br><i>(w toku)</i>` : a.action, text(a.who), deadlineCell(a.deadline, v.visitOn ?? v.date), WRITE_HERE]);
  });

  const prev = v.previous;
  const agreed: Array<ReadonlyArray<SafeHtml | string>> = prev
    ? [
        ['rodzina', text(prev.family, 'nic nie uzgodniono'), DONE_CHOICES()],
        ['asystent rodziny', text(prev.assistant, 'nic nie uzgodniono'), DONE_CHOICES()],
      ]
    : [];

  const body = html`
${fields([
    ['Adres rodziny', formatAddress(v.address)],
    ['Data wizyty', formatDate(v.visitOn, { fallback: BLANK })],
    ['Godzina', `od ${SHORT_BLANK} do ${SHORT_BLANK}`],
    ['Asystent rodziny', text(v.assistant.name, BLANK)],
  ])}
<h2>Miejsce spotkania</h2>
${choices([
    [null, VISIT_PLACE_LABELS.home],
    [null, VISIT_PLACE_LABELS.office],
    [null, `inne: ${BLANK}`],
  ])}
<h2>Uczestnicy spotkania</h2>
${choices([...v.members.map((m) => [null, memberLabel(m)] as const), [null, `inne osoby: ${BLANK}`]])}
${section('Działania planu pracy do realizacji', html`<p>${planLine}</p>`)}
${open.length
    ? table(
        [
          { header: 'Lp.', width: 5, align: 'num' },
          { header: 'Działanie', width: 35 },
          { header: 'Kto realizuje', width: 14 },
          { header: 'Termin', width: 14 },
          { header: 'Co zrobiono, uwagi z wizyty' },
        ],
        rows,
        { small: true },
      )
    : ''}
${section('1. Tematy i cele planu, nad którymi pracowano', writingLines(6))}
${section(
    prev ? `2. Zadania zrealizowane od poprzedniego spotkania (${formatDate(prev.date)})` : '2. Zadania zrealizowane od poprzedniego spotkania',
    prev
      ? table(
          [
            { header: 'Kto', width: 14 },
            { header: 'Zadanie uzgodnione na poprzednim spotkaniu', width: 60 },
            { header: 'Wykonano' },
          ],
          agreed,
          { small: true },
        )
      : html`<p>To pierwsze spotkanie: nie ma wcześniejszych uzgodnień.</p>`,
  )}
${writingLines(2)}
${section('3. Zadania uzgodnione do następnego spotkania – rodzina', writingLines(3))}
${section('4. Zadania uzgodnione do następnego spotkania – asystent', writingLines(3))}
${section('5. Obserwacje (w szczególności bezpieczeństwo dzieci)', writingLines(4))}
${fields([['Termin następnego spotkania', `${BLANK}, godz. ${SHORT_BLANK}`]])}
${signatures([
    { role: 'członek rodziny', name: null },
    { role: 'asystent rodziny', name: v.assistant.name },
  ])}
<p class="footnote">Arkusz roboczy asystenta rodziny. Po spotkaniu jego treść wpisuje się do dziennika w programie Asysta (Praca z rodziną → Nowa wizyta). Arkusz zawiera dane osobowe – przechowuje się go w teczce rodziny.</p>`;
  return {
    kind: 'visit-sheet',
    title: 'Arkusz wizyty w rodzinie',
    subtitle: `do wypełnienia podczas spotkania z ${familyName(v.members, 'ins')}`,
    header: v,
    legalBasis: legalBasis('documentation', v.date),
    body,
  };
}
