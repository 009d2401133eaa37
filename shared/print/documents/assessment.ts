/** 8. Ocena wstępna (arkusz diagnozy), okresowa ocena sytuacji rodziny, ocena końcowa — with the
 *  area ratings, justification, trend chart and distribution list (domain.md §4.8, 4.13, 4.14,
 *  §5.3). */
import { ASSESSMENT_AREAS, RATING_LABELS, type Rating } from '../../rules/assessment';
import { CLOSURE_REASONS, type ClosureReasonCode } from '../../rules/labels';
import type { IsoDate } from '../../rules/types';
import { DASH, formatDate, formatPeriod, isPresent, text } from '../format';
import { html } from '../html';
import { signedRating, trendChart, type TrendPoint } from '../chart';
import { choices, distribution, fields, section, signatures, table, textBlock, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { membersTable, type DocBase, type FamilyMember, type Staff } from './common';

export type AssessmentKind = 'initial' | 'periodic' | 'final';

export interface AssessmentAreaView {
  code: string;
  rating: Rating | null;
  justification?: string | null;
  /** Why the area was not assessed (when rating is null). */
  notAssessedReason?: string | null;
  /** The rating at the previous assessment, for the change column. */
  previousRating?: Rating | null;
}

export interface AssessmentView extends DocBase {
  kind: AssessmentKind;
  family: { name: string; members: ReadonlyArray<FamilyMember> };
  /** Period covered (periodic) or the dates of cooperation (final). */
  period?: { from: IsoDate | null; to: IsoDate | null } | null;
  areas: ReadonlyArray<AssessmentAreaView>;
  strengths?: string | null;
  familyView?: string | null;
  compositionChanges?: string | null;
  childrenLegalChanges?: string | null;
  goals?: ReadonlyArray<{ goal: string; attainment: 'achieved' | 'partly' | 'not' | null; evidence?: string | null }>;
  cooperation?: string | null;
  recommendation?: 'continue' | 'revise-plan' | 'close' | 'inform-court' | null;
  recommendationNote?: string | null;
  closureReason?: ClosureReasonCode | null;
  monitoringPlan?: string | null;
  /** Why the closure reason stands although the assessment speaks against it (records.ts). */
  closureJustification?: string | null;
  nextAssessmentDue?: IsoDate | null;
  /** Earlier assessments plus this one, oldest first, for the trend chart (≥ 2 to draw). */
  history?: ReadonlyArray<TrendPoint>;
  distribution: ReadonlyArray<string>;
  assistant: Staff;
  headName: string;
}

const TITLES: Record<AssessmentKind, string> = {
  initial: 'Ocena wstępna sytuacji rodziny (arkusz diagnozy)',
  periodic: 'Okresowa ocena sytuacji rodziny',
  final: 'Ocena końcowa sytuacji rodziny',
};

const ATTAINMENT: Record<'achieved' | 'partly' | 'not', string> = {
  achieved: 'osiągnięty',
  partly: 'osiągnięty częściowo',
  not: 'nieosiągnięty',
};


function ratingCell(r: Rating | null | undefined): string {
  if (r === null || r === undefined || !(r in RATING_LABELS)) return DASH;
  return `${signedRating(r)} (${RATING_LABELS[r]})`;
}

function change(prev: Rating | null | undefined, cur: Rating | null | undefined): string {
  if (prev === null || prev === undefined || cur === null || cur === undefined) return DASH;
  const d = cur - prev;
  return d === 0 ? 'bez zmian' : d > 0 ? `poprawa o ${d}` : `pogorszenie o ${-d}`;
}

export function assessmentDocument(v: AssessmentView): DocumentPart {
  const byCode = new Map(v.areas.map((it) => [it.code, it]));
  const ordered = [
    ...ASSESSMENT_AREAS.map((it) => ({ label: it.label, entry: byCode.get(it.code) })),
    ...v.areas.filter((it) => !ASSESSMENT_AREAS.some((x) => x.code === it.code)).map((it) => ({ label: it.code, entry: it })),
  ];
  const hasPrevious = v.kind !== 'initial' && v.areas.some((it) => it.previousRating !== null && it.previousRating !== undefined);
  const areaRows = ordered.map(({ label, entry }, i) => {
    const just = entry
      ? entry.rating === null
        ? isPresent(entry.notAssessedReason)
          ? `Nie oceniono: ${entry.notAssessedReason.trim()}`
          : 'Nie oceniono.'
        : text(entry.justification)
      : 'Nie oceniono.';
    return [
      `${i + 1}.`,
      label,
      ratingCell(entry?.rating),
      ...(hasPrevious ? [ratingCell(entry?.previousRating), change(entry?.previousRating, entry?.rating)] : []),
      just,
    ];
  });
  const periodLabel = v.kind === 'final' ? 'Okres współpracy' : v.kind === 'periodic' ? 'Okres objęty oceną' : 'Okres diagnozy';
  const goals = v.goals ?? [];
  const history = v.history ?? [];
  const body = html`
${section('1. Dane rodziny', html`${fields([
    ['Rodzina', text(v.family.name)],
    [periodLabel, v.period ? formatPeriod(v.period.from, v.period.to) : DASH],
    ['Asystent rodziny', v.assistant.name],
  ])}${membersTable(v.family.members, v.date)}`)}
${v.kind === 'periodic' ? section('2. Zmiany w składzie rodziny i sytuacji prawnej dzieci', html`${textBlock(v.compositionChanges, 'bez zmian')}${textBlock(v.childrenLegalChanges, 'bez zmian')}`) : ''}
${section(`${v.kind === 'periodic' ? 3 : 2}. Ocena sytuacji w obszarach`, html`<p class="small">Skala: +2 wyraźna mocna strona, +1 umiarkowana mocna strona, 0 poziom wystarczający, −1 niewielki problem, −2 umiarkowany problem, −3 poważny problem.</p>
${table(
    [
      { header: 'Lp.', width: 5, align: 'num' },
      { header: 'Obszar', width: hasPrevious ? 18 : 22 },
      { header: 'Ocena', width: hasPrevious ? 14 : 18 },
      ...(hasPrevious ? [{ header: 'Poprzednia ocena', width: 14 }, { header: 'Zmiana', width: 10 }] : []),
      { header: 'Uzasadnienie (fakty, obserwacje)' },
    ],
    areaRows,
    { small: hasPrevious },
  )}`)}
${history.length >= 2 ? html`<h2>Wykres zmian ocen</h2>${trendChart(history)}` : ''}
${section('Mocne strony i zasoby rodziny', textBlock(v.strengths))}
${section('Stanowisko rodziny', textBlock(v.familyView))}
${v.kind !== 'initial' ? section('Realizacja celów planu pracy', table(
    [
      { header: 'Lp.', width: 5, align: 'num' },
      { header: 'Cel', width: 35 },
      { header: 'Stopień realizacji', width: 18 },
      { header: 'Uzasadnienie' },
    ],
    goals.map((g, i) => [`${i + 1}.`, g.goal, g.attainment ? ATTAINMENT[g.attainment] : DASH, text(g.evidence)]),
    { empty: 'brak celów do oceny' },
  )) : ''}
${v.kind !== 'initial' ? section('Współpraca rodziny z asystentem', textBlock(v.cooperation)) : ''}
${v.kind === 'periodic' ? section('Rekomendacja', html`${choices([
    [v.recommendation ? v.recommendation === 'continue' : null, 'kontynuacja pracy bez zmian planu'],
    [v.recommendation ? v.recommendation === 'revise-plan' : null, 'aktualizacja planu pracy z rodziną'],
    [v.recommendation ? v.recommendation === 'close' : null, 'zakończenie pracy z rodziną'],
    [v.recommendation ? v.recommendation === 'inform-court' : null, 'poinformowanie sądu'],
  ])}${isPresent(v.recommendationNote) ? textBlock(v.recommendationNote) : ''}${fields([['Termin kolejnej oceny', formatDate(v.nextAssessmentDue)]])}`) : ''}
${v.kind === 'final' ? section('Zakończenie współpracy', html`${fields([
    ['Przyczyna zakończenia', CLOSURE_REASONS.find((c) => c.code === v.closureReason)?.label ?? DASH],
    ...(isPresent(v.closureJustification) ? [['Uzasadnienie przyczyny', text(v.closureJustification)] as [string, string]] : []),
  ])}<h3>Zalecenia, w tym plan monitorowania (okres i forma)</h3>${textBlock(v.monitoringPlan)}`) : ''}
${v.kind === 'initial' ? fields([['Termin pierwszej oceny okresowej', formatDate(v.nextAssessmentDue)]]) : ''}
${signatures([
    { role: 'asystent rodziny', name: v.assistant.name },
    { role: 'kierownik ośrodka (przyjęcie oceny)', name: v.headName },
  ])}
${distribution(v.distribution)}`;
  return {
    kind: `assessment-${v.kind}`,
    title: TITLES[v.kind],
    header: v,
    legalBasis: legalBasis('assessment', v.date),
    body,
  };
}
