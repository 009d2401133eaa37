/** 14. Opinia o rodzinie i jej członkach dla sądu (art. 15 ust. 1 pkt 17; domain.md §4.16): the
 *  court, sygnatura, date and scope of the request; the family's composition; then only the
 *  sections the court asked for — each filled from the record where it holds the facts, with the
 *  assistant's own text (stored and audited with the request) where it does not; the assistant's
 *  conclusions; the attachments. */
import type { IsoDate } from '../../rules/types';
import { RATING_LABELS, type Rating } from '../../rules/assessment';
import { formatDate, isPresent, text } from '../format';
import { GENDERED, gendered } from '../../grammar';
import { signedRating } from '../chart';
import { html, join } from '../html';
import { list, section, signatures, table, textBlock, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { fillText } from '../texts';
import { birthWithAge, courtName, formatAddress, headSignatory, membersTable, staffSex, textsOf, type CourtRef, type DocBase, type FamilyMember, type RenderContext, type Staff } from './common';

/** The parts of an opinion a court may ask for, in the order they are printed. */
export const OPINION_SCOPES = ['housing', 'finances', 'health', 'parenting', 'relations', 'children', 'cooperation', 'plan', 'trend'] as const;
export type OpinionScope = (typeof OPINION_SCOPES)[number];

export const OPINION_SCOPE_LABELS: Record<OpinionScope, string> = {
  housing: 'Sytuacja mieszkaniowa',
  finances: 'Sytuacja materialna',
  health: 'Stan zdrowia członków rodziny',
  parenting: 'Kompetencje opiekuńczo-wychowawcze rodziców',
  relations: 'Relacje i funkcjonowanie rodziny',
  children: 'Sytuacja poszczególnych dzieci (szkoła, zdrowie, opieka)',
  cooperation: 'Współpraca rodziny z asystentem rodziny',
  plan: 'Cele planu pracy z rodziną i ich realizacja',
  trend: 'Zmiany w ocenach sytuacji rodziny',
};

export interface OpinionSectionView {
  /** Facts taken from the record (one paragraph each). */
  facts: ReadonlyArray<string>;
  /** The assistant's text for what the record does not hold. */
  text?: string | null;
}

export interface CourtOpinionView extends DocBase {
  court: CourtRef;
  requestDate: IsoDate | null;
  requestNumber?: string | null;
  deliveredOn?: IsoDate | null;
  /** The scope as the court wrote it. */
  scopeRequested: string;
  /** The family's name after "rodzina" ("Baranów"). */
  familyName: string;
  /** Composition of the family (always: the court must know whom the opinion concerns). */
  members: ReadonlyArray<FamilyMember>;
  author: Staff;
  workingSince: IsoDate | null;
  /** "postanowienia Sądu Rejonowego … z dnia …" / "zgody rodziny wyrażonej dnia …". */
  workBasis: string;
  sources: ReadonlyArray<string>;
  /** Only the sections the court asked for. */
  sections: Partial<Record<OpinionScope, OpinionSectionView>>;
  /** Per child, for the 'children' section. */
  children?: ReadonlyArray<{ name: string; birthDate: IsoDate | null; facts: ReadonlyArray<string> }>;
  /** For the 'trend' section: the assessments' dates and each area's ratings. */
  trend?: { labels: ReadonlyArray<string>; rows: ReadonlyArray<{ area: string; ratings: ReadonlyArray<Rating | null> }> } | null;
  /** The assistant's conclusions, limited to facts observed. */
  conclusions: string;
  attachments: ReadonlyArray<string>;
  headName?: string | null;
  headPosition?: string | null;
}

const rating = (r: Rating | null) => (r === null ? '—' : `${signedRating(r)} (${RATING_LABELS[r]})`);

function sectionBody(v: CourtOpinionView, k: OpinionScope) {
  const s = v.sections[k] ?? { facts: [] };
  const facts = s.facts.filter(isPresent);
  const own = isPresent(s.text) ? textBlock(s.text) : '';
  const extra =
    k === 'children' && v.children?.length
      ? join(
          v.children.map(
            (c) => html`<h3>${c.name}, ur. ${birthWithAge(c.birthDate, v.date)}</h3>${c.facts.length ? join(c.facts.map((f) => html`<p>${f}</p>`)) : html`<p class="muted">W dokumentacji brak odrębnych informacji o dziecku.</p>`}`,
          ),
        )
      : k === 'trend' && v.trend && v.trend.labels.length
        ? table(
            [{ header: 'Obszar', width: 30 }, ...v.trend.labels.map((l) => ({ header: l }))],
            v.trend.rows.map((r) => [r.area, ...r.ratings.map(rating)]),
            { small: true },
          )
        : '';
  const empty = !facts.length && !own && !extra;
  return html`${join(facts.map((f) => html`<p>${f}</p>`))}${extra}${own}${empty ? html`<p class="muted">W dokumentacji pracy z rodziną brak informacji w tym zakresie.</p>` : ''}`;
}

export function courtOpinionDocument(v: CourtOpinionView, ctx?: RenderContext): DocumentPart {
  const t = textsOf(ctx);
  const requested = OPINION_SCOPES.filter((k) => v.sections[k] !== undefined);
  const sex = staffSex(v.author);
  let n = 0;
  const body = html`
${fillText(
    t.courtOpinionIntro,
    {
      court: courtName(v.court),
      requestDate: isPresent(v.requestDate) ? formatDate(v.requestDate) : undefined,
      requestNumber: isPresent(v.requestNumber) ? `, nr ${v.requestNumber.trim()}` : isPresent(v.deliveredOn) ? `, doręczone dnia ${formatDate(v.deliveredOn)}` : '',
      signature: v.court.signature,
      familyOf: v.familyName,
      scope: requested.map((k) => OPINION_SCOPE_LABELS[k].toLowerCase()).join('; ') || text(v.scopeRequested),
      prepared: gendered(sex, GENDERED.sporzadzil),
      authorName: v.author.name,
      working: gendered(sex, GENDERED.pracujacy),
      employed: gendered(sex, GENDERED.zatrudniony),
      officeName: v.office.name,
      workingSince: isPresent(v.workingSince) ? formatDate(v.workingSince) : undefined,
      workBasis: v.workBasis,
    },
    v.date,
  )}
${isPresent(v.scopeRequested) ? html`<p class="small">Zakres wskazany w piśmie Sądu: „${v.scopeRequested.trim()}”.</p>` : ''}
${section(`${++n}. Skład rodziny`, membersTable(v.members, v.date))}
${section(`${++n}. Źródła informacji`, list(v.sources))}
${join(requested.map((k) => section(`${++n}. ${OPINION_SCOPE_LABELS[k]}`, sectionBody(v, k))))}
${section(`${++n}. Wnioski asystenta rodziny`, textBlock(v.conclusions, 'Asystent rodziny nie sformułował wniosków.'))}
${fillText(t.courtOpinionDisclaimer, {}, v.date)}
${signatures([
    { role: v.author.position?.trim() || 'asystent rodziny', name: v.author.name },
    ...(isPresent(v.headName) ? [headSignatory(v.office, v.headName, v.headPosition)] : []),
  ])}
${v.attachments.length ? html`<div class="distribution"><div><b>Załączniki:</b></div><ol>${v.attachments.map((it) => html`<li>${it}</li>`)}</ol></div>` : ''}`;
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
