/** 12. Miesięczne sprawozdanie z pracy z rodziną (hours, km) (domain.md §4.12). */
import { DASH, formatDuration, formatHoursDecimal, formatKm, formatMonthYear, text } from '../format';
import { countOf, NOUNS } from '../../grammar';
import { html } from '../html';
import { fields, section, signatures, table, textBlock, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { headSignatory, type DocBase, type Staff } from './common';

export interface MonthlyReportView extends DocBase {
  familyName: string;
  year: number;
  month: number;
  visits: number;
  failedVisits?: number | null;
  /** Minutes of work with the family (visits, escorts, phone calls). */
  minutes: number;
  km: number;
  goals: ReadonlyArray<{ goal: string; actions: string; progress?: string | null }>;
  problems?: string | null;
  nextMonth?: string | null;
  assistant: Staff;
  /** Who acknowledges: the head (or the coordinator named in the staff register). */
  acknowledgedBy: string;
  acknowledgedByPosition?: string | null;
}

export function monthlyReportDocument(v: MonthlyReportView): DocumentPart {
  const body = html`
${fields([
    ['Rodzina', text(v.familyName)],
    ['Miesiąc', formatMonthYear(v.year, v.month)],
    ['Wizyty odbyte', countOf(v.visits, NOUNS.wizyta)],
    ...(typeof v.failedVisits === 'number' && v.failedVisits > 0 ? ([['Wizyty nieodbyte', countOf(v.failedVisits, NOUNS.wizyta)]] as const) : []),
    ['Czas pracy z rodziną', `${formatDuration(v.minutes)} (${formatHoursDecimal(v.minutes)} godz.)`],
    ['Przejechane kilometry', formatKm(v.km)],
  ])}
${section('1. Działania w ramach celów planu pracy', table(
    [
      { header: 'Lp.', width: 5, align: 'num' },
      { header: 'Cel', width: 25 },
      { header: 'Zrealizowane działania', width: 40 },
      { header: 'Postępy' },
    ],
    v.goals.map((g, i) => [`${i + 1}.`, text(g.goal), text(g.actions), text(g.progress)]),
    { empty: DASH },
  ))}
${section('2. Trudności', textBlock(v.problems))}
${section('3. Działania planowane na następny miesiąc', textBlock(v.nextMonth))}
${signatures([
    { role: 'asystent rodziny', name: v.assistant.name },
    { ...headSignatory(v.office, v.acknowledgedBy, v.acknowledgedByPosition), role: `przyjęcie sprawozdania: ${headSignatory(v.office, v.acknowledgedBy, v.acknowledgedByPosition).role}` },
  ])}`;
  return {
    kind: 'monthly-report',
    title: 'Miesięczne sprawozdanie z pracy z rodziną',
    subtitle: `za ${formatMonthYear(v.year, v.month)}`,
    header: v,
    legalBasis: legalBasis('documentation', v.date),
    body,
  };
}
