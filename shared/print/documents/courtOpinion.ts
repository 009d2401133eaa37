/** 14. Opinia o rodzinie i jej członkach dla sądu (art. 15 ust. 1 pkt 17): only the scope the
 *  court asked for; editable conclusions (domain.md §4.16). */
import type { IsoDate } from '../../rules/types';
import { formatDate, isPresent, text } from '../format';
import { GENDERED, gendered } from '../../grammar';
import { html } from '../html';
import { list, section, signatures, textBlock, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { fillText } from '../texts';
import { courtName, formatAddress, staffSex, textsOf, type CourtRef, type DocBase, type RenderContext, type Staff } from './common';

/** Sections the court may ask for; the view carries only those requested, in this order. */
export type OpinionScope = 'history' | 'housing' | 'finances' | 'relations' | 'parenting' | 'cooperation' | 'children';

export const OPINION_SCOPE_LABELS: Record<OpinionScope, string> = {
  history: 'Historia rodziny i przebieg współpracy z ośrodkiem',
  housing: 'Sytuacja mieszkaniowa',
  finances: 'Sytuacja materialna',
  relations: 'Relacje między członkami rodziny',
  parenting: 'Kompetencje opiekuńczo-wychowawcze rodziców',
  children: 'Sytuacja i funkcjonowanie dzieci',
  cooperation: 'Współpraca rodziny z asystentem i realizacja planu pracy',
};

const ORDER: OpinionScope[] = ['history', 'housing', 'finances', 'relations', 'parenting', 'children', 'cooperation'];

export interface CourtOpinionView extends DocBase {
  court: CourtRef;
  requestDate: IsoDate | null;
  requestNumber?: string | null;
  familyName: string;
  author: Staff;
  workingSince: IsoDate | null;
  /** "postanowienia Sądu" / "zgody rodziny" */
  workBasis: string;
  sources: ReadonlyArray<string>;
  /** Only the sections the court asked for. */
  sections: Partial<Record<OpinionScope, string>>;
  /** Conclusions, limited to facts observed; edited by the assistant. */
  conclusions: string;
  headName?: string | null;
}

export function courtOpinionDocument(v: CourtOpinionView, ctx?: RenderContext): DocumentPart {
  const t = textsOf(ctx);
  const requested = ORDER.filter((k) => isPresent(v.sections[k]));
  const body = html`
${fillText(t.courtOpinionIntro, {
    court: courtName(v.court),
    requestDate: isPresent(v.requestDate) ? formatDate(v.requestDate) : undefined,
    requestNumber: isPresent(v.requestNumber) ? `, nr ${v.requestNumber.trim()}` : '',
    signature: v.court.signature,
    prepared: gendered(staffSex(v.author), GENDERED.sporzadzil),
    authorName: v.author.name,
    assistantRole: 'asystent rodziny',
    working: gendered(staffSex(v.author), GENDERED.pracujacy),
    employed: gendered(staffSex(v.author), GENDERED.zatrudniony),
    officeName: v.office.name,
    workingSince: isPresent(v.workingSince) ? formatDate(v.workingSince) : undefined,
    workBasis: v.workBasis,
  }, v.date)}
<p><b>Rodzina:</b> ${text(v.familyName)}</p>
${section('Źródła informacji', list(v.sources))}
${requested.map((k, i) => section(`${i + 1}. ${OPINION_SCOPE_LABELS[k]}`, textBlock(v.sections[k])))}
${section(`${requested.length + 1}. Wnioski`, textBlock(v.conclusions))}
${fillText(t.courtOpinionDisclaimer, {}, v.date)}
${signatures([
    { role: 'asystent rodziny', name: v.author.name },
    ...(isPresent(v.headName) ? [{ role: 'kierownik ośrodka', name: v.headName, caption: 'pieczęć i podpis' as const }] : []),
  ])}`;
  return {
    kind: 'court-opinion',
    title: 'Opinia o rodzinie i jej członkach',
    header: v,
    addressee: [v.court.name, text(v.court.department, ''), formatAddress(v.court.address, '')].filter(isPresent),
    legalBasis: legalBasis('courtOpinion', v.date),
    subtitle: `sygn. akt ${text(v.court.signature)}`,
    body,
  };
}
