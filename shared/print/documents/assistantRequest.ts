/** 2. Wniosek pracownika socjalnego o przydzielenie asystenta rodziny, with the head's decision
 *  part (domain.md §4.2; art. 11 ust. 3–4). */
import type { IsoDate } from '../../rules/types';
import { BLANK, formatDate, text } from '../format';
import { html } from '../html';
import { choices, fields, list, section, signatures, textBlock, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { formatAddress, headSignatory, membersTable, staffTitledIn, type Address, type DocBase, type FamilyMember, type Staff } from './common';

export type AssistantDecisionKind = 'assign' | 'other-unit' | 'commissioned-entity' | 'refuse' | 'waiting-list';

export interface AssistantRequestView extends DocBase {
  /** The family's name after "Rodzina" ("Baranów", shared/grammar familyOf). */
  family: { name: string; address?: Address | null; members: ReadonlyArray<FamilyMember> };
  /** Date of the family interview (RWŚ). */
  interviewDate: IsoDate | null;
  problems: string;
  resources?: string | null;
  /** Other support in place (benefits, kurator, Niebieska Karta, foster care…). */
  otherSupport?: string | null;
  childrenLegalSituation?: string | null;
  justification: string;
  proposedAreas: ReadonlyArray<string>;
  familyInformed: boolean;
  /** Written consent obtained (false for court-ordered work: see courtOrdered). */
  consentObtained: boolean;
  /** A court order issued on or before the request's date (a later order is not its basis). */
  courtOrdered?: boolean;
  /** The court order, for the line of the tick box. */
  courtOrder?: { date: IsoDate | null; signature: string | null } | null;
  attachments: ReadonlyArray<string>;
  socialWorker: Staff;
  /** The head's decision; null leaves the decision part to be filled in by hand. */
  decision: {
    kind: AssistantDecisionKind;
    assistant?: Staff | null;
    fromDate?: IsoDate | null;
    unitName?: string | null;
    reason?: string | null;
    decidedOn?: IsoDate | null;
  } | null;
  headName: string;
  headPosition?: string | null;
}

export function assistantRequestDocument(v: AssistantRequestView): DocumentPart {
  const d = v.decision;
  const is = (k: AssistantDecisionKind) => (d ? d.kind === k : null);
  const body = html`
<p>Na podstawie art. 11 ust. 3 ustawy o wspieraniu rodziny i systemie pieczy zastępczej wnoszę o przydzielenie rodzinie ${text(v.family.name)} asystenta rodziny.</p>
${section('1. Dane rodziny', html`${fields([
    ['Rodzina', text(v.family.name)],
    ['Adres zamieszkania', formatAddress(v.family.address)],
    ['Data rodzinnego wywiadu środowiskowego', formatDate(v.interviewDate)],
  ])}${membersTable(v.family.members, v.date)}`)}
${section('2. Analiza sytuacji rodziny – trudności w wypełnianiu funkcji opiekuńczo-wychowawczych', textBlock(v.problems))}
${section('3. Zasoby rodziny', textBlock(v.resources))}
${section('4. Inne formy wsparcia (świadczenia, kurator, procedura „Niebieskie Karty”, piecza zastępcza)', textBlock(v.otherSupport))}
${section('5. Sytuacja prawna dzieci', textBlock(v.childrenLegalSituation))}
${section('6. Uzasadnienie wniosku', textBlock(v.justification))}
${section('7. Proponowane obszary pracy asystenta', list(v.proposedAreas, true))}
${section('8. Zgoda rodziny', choices([
    [v.familyInformed, 'rodzina została poinformowana o możliwości wsparcia asystenta rodziny'],
    [v.consentObtained, 'uzyskano pisemną zgodę rodziny na współpracę z asystentem'],
    [
      v.courtOrdered ?? false,
      v.courtOrdered && v.courtOrder
        ? `współpraca z asystentem wynika z postanowienia sądu${v.courtOrder.date ? ` z dnia ${formatDate(v.courtOrder.date)}` : ''}${v.courtOrder.signature ? `, sygn. akt ${v.courtOrder.signature}` : ''} (zgoda rodziny nie jest wymagana)`
        : 'współpraca z asystentem wynika z postanowienia sądu (zgoda rodziny nie jest wymagana)',
    ],
  ]))}
${section('9. Załączniki', list(v.attachments, true))}
${signatures([{ role: v.socialWorker.position?.trim() || 'pracownik socjalny', name: v.socialWorker.name }])}
<div class="keep">
<h2>Rozstrzygnięcie kierownika ośrodka (art. 11 ust. 4)</h2>
${choices([
    [
      is('assign'),
      d?.kind === 'assign' && d.assistant
        ? html`przydzielam rodzinie asystenta rodziny – <b>${staffTitledIn(d.assistant, 'acc')}</b> – od dnia ${formatDate(d.fromDate, { fallback: BLANK })}`
        : html`przydzielam rodzinie asystenta rodziny: ${BLANK}, od dnia ${BLANK}`,
    ],
    [is('other-unit'), html`zwracam się do jednostki organizacyjnej gminy prowadzącej pracę z rodziną o przydzielenie asystenta${d?.kind === 'other-unit' ? html`: ${text(d.unitName)}` : ''}`],
    [is('commissioned-entity'), html`zwracam się do podmiotu, któremu gmina zleciła organizację pracy z rodziną, o przydzielenie asystenta${d?.kind === 'commissioned-entity' ? html`: ${text(d.unitName)}` : ''}`],
    [is('waiting-list'), 'wpisuję rodzinę na listę oczekujących na przydzielenie asystenta'],
    [is('refuse'), html`nie przydzielam asystenta rodziny; przyczyna: ${text(d?.kind === 'refuse' ? d.reason : null, BLANK)}`],
  ])}
${signatures([headSignatory(v.office, v.headName, v.headPosition)])}
<p class="small">Data rozstrzygnięcia: ${formatDate(d?.decidedOn, { fallback: BLANK })}</p>
</div>`;
  return {
    kind: 'assistant-request',
    title: 'Wniosek o przydzielenie asystenta rodziny',
    header: v,
    legalBasis: legalBasis('assistantRequest', v.date),
    body,
  };
}
