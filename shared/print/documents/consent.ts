/** 5. Zgoda rodziny na współpracę z asystentem rodziny (umowa o współpracy); for court-ordered
 *  work (art. 109 § 2 pkt 1 KRO) or art. 11 ust. 1a the acknowledgement variant
 *  (domain.md §4.5). */
import type { IsoDate } from '../../rules/types';
import { formatDate, isPresent } from '../format';
import { GENDERED, gendered, genderedPlural } from '../../grammar';
import { html } from '../html';
import { fields, section, signatures, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { fillText } from '../texts';
import { courtName, fullName, namesList, personSex, staffSex, textsOf, type CourtRef, type DocBase, type FamilyMember, type RenderContext, type Staff } from './common';

export interface ConsentView extends DocBase {
  variant: 'consent' | 'court-acknowledgement';
  /** Adults with parental authority who sign. */
  members: ReadonlyArray<FamilyMember>;
  assistant: Staff;
  /** "w miejscu zamieszkania rodziny" */
  meetingPlace?: string | null;
  /** "raz na dwa tygodnie" */
  meetingFrequency?: string | null;
  /** Court order (acknowledgement variant). */
  court?: (CourtRef & { orderDate?: IsoDate | null }) | null;
}

export function consentDocument(v: ConsentView, ctx?: RenderContext): DocumentPart {
  const t = textsOf(ctx);
  const many = v.members.length > 1;
  const sexes = v.members.map(personSex);
  const common = {
    assistantName: v.assistant.name,
    officeName: v.office.name,
    meetingPlace: isPresent(v.meetingPlace) ? v.meetingPlace : 'w miejscu zamieszkania rodziny lub w miejscu przez nią wskazanym',
    meetingFrequency: isPresent(v.meetingFrequency) ? v.meetingFrequency : 'raz na dwa tygodnie',
  };
  const statement =
    v.variant === 'consent'
      ? fillText(t.consentStatement, {
          ...common,
          declare: many ? 'Oświadczamy' : 'Oświadczam',
          consentVerb: many ? 'wyrażamy' : 'wyrażam',
          employedInstr: gendered(staffSex(v.assistant), GENDERED.zatrudnionyInstr),
        }, v.date)
      : fillText(t.courtAcknowledgement, {
          ...common,
          acknowledge: many ? 'Przyjmujemy' : 'Przyjmuję',
          obliged: genderedPlural(sexes, { one: GENDERED.zobowiazanyJa, manyF: 'zostałyśmy zobowiązane', manyM: 'zostaliśmy zobowiązani' }),
          court: v.court ? courtName(v.court) : undefined,
          orderDate: v.court?.orderDate ? formatDate(v.court.orderDate) : undefined,
          signature: v.court?.signature,
          employed: gendered(staffSex(v.assistant), GENDERED.zatrudniony),
        }, v.date);
  const body = html`
${fields([
    [many ? 'Członkowie rodziny' : 'Członek rodziny', namesList(v.members)],
    ['Asystent rodziny', v.assistant.name],
    ...(v.variant === 'court-acknowledgement' ? ([['Sygnatura akt', v.court?.signature ?? null]] as const) : []),
  ])}
${statement}
${v.variant === 'consent' ? section('Zasady współpracy', fillText(t.consentDuties, {}, v.date)) : ''}
<p>${many ? 'Oświadczamy' : 'Oświadczam'}, że ${genderedPlural(sexes, { one: GENDERED.zapoznalem, manyF: 'zapoznałyśmy się', manyM: 'zapoznaliśmy się' })} z klauzulą informacyjną dotyczącą przetwarzania danych osobowych.</p>
${signatures([
    ...v.members.map((m) => ({ role: 'członek rodziny', name: fullName(m) })),
    { role: 'asystent rodziny', name: v.assistant.name },
  ])}`;
  return {
    kind: v.variant === 'consent' ? 'consent' : 'court-acknowledgement',
    title: v.variant === 'consent' ? 'Zgoda rodziny na współpracę z asystentem rodziny' : 'Przyjęcie do wiadomości obowiązku współpracy z asystentem rodziny',
    subtitle: v.variant === 'consent' ? '(umowa o współpracy)' : null,
    header: v,
    legalBasis: v.variant === 'consent' ? legalBasis('consent', v.date) : `${legalBasis('courtOrdered', v.date)}`,
    body,
  };
}
