/** 18. Informacja do sądu / kuratora w sprawie z postanowienia sądu (non-cooperation, closure,
 *  major events) (domain.md §4.20): the title and the first sentence say the same thing (the work
 *  goes on, or it has ended), each fact is printed once with its own date, counts agree with
 *  their numbers. */
import type { IsoDate } from '../../rules/types';
import { formatDate, formatPeriod, isPresent, text } from '../format';
import { html } from '../html';
import { section, signatures, table, textBlock, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { fillText } from '../texts';
import { formatAddress, headSignatory, textsOf, type CourtRef, type DocBase, type RenderContext, type Staff } from './common';

export type CourtInformationKind = 'non-cooperation' | 'closure' | 'event' | 'periodic';

const TITLES: Record<CourtInformationKind, string> = {
  'non-cooperation': 'Informacja o braku współpracy rodziny z asystentem rodziny',
  closure: 'Informacja o zakończeniu pracy z rodziną',
  event: 'Informacja o istotnym zdarzeniu w rodzinie',
  periodic: 'Informacja o przebiegu współpracy rodziny z asystentem rodziny',
};

export interface CourtInformationView extends DocBase {
  kind: CourtInformationKind;
  court: CourtRef & { orderDate?: IsoDate | null };
  /** To the kurator instead of (or in addition to) the court: his name. */
  kurator?: string | null;
  /** The family's name after "rodzina" ("Baranów"). */
  familyName: string;
  period: { from: IsoDate | null; to: IsoDate | null };
  /** The day the work ended (closure). */
  closedOn?: IsoDate | null;
  facts: ReadonlyArray<{ date: IsoDate | null; fact: string }>;
  summary: string;
  assistant: Staff;
  headName?: string | null;
  headPosition?: string | null;
}

export function courtInformationDocument(v: CourtInformationView, ctx?: RenderContext): DocumentPart {
  const t = textsOf(ctx);
  const closure = v.kind === 'closure';
  const body = html`
${fillText(
    closure ? t.courtInformationClosure : t.courtInformationIntro,
    {
      signature: v.court.signature,
      orderDate: isPresent(v.court.orderDate) ? formatDate(v.court.orderDate) : undefined,
      familyOf: v.familyName,
      closedOn: isPresent(v.closedOn) ? formatDate(v.closedOn) : undefined,
      period: formatPeriod(v.period.from, v.period.to),
    },
    v.date,
  )}
${section(
    'Przebieg współpracy',
    table(
      [
        { header: 'Lp.', width: 5, align: 'num' },
        { header: 'Data', width: 14 },
        { header: 'Opis' },
      ],
      v.facts.map((f, i) => [`${i + 1}.`, formatDate(f.date, { suffix: false }), text(f.fact)]),
      { empty: 'brak' },
    ),
  )}
${section('Podsumowanie', textBlock(v.summary))}
${signatures([
    { role: v.assistant.position?.trim() || 'asystent rodziny', name: v.assistant.name },
    ...(isPresent(v.headName) ? [headSignatory(v.office, v.headName, v.headPosition)] : []),
  ])}`;
  return {
    kind: 'court-information',
    title: TITLES[v.kind],
    subtitle: `sygn. akt ${text(v.court.signature)}`,
    header: v,
    addressee: [v.court.name, text(v.court.department, ''), formatAddress(v.court.address, ''), isPresent(v.kurator) ? `Kurator sądowy: ${v.kurator.trim()}` : ''].filter(isPresent),
    legalBasis: legalBasis('courtOrdered', v.date),
    body,
  };
}
