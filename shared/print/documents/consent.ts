/** 5. Zgoda rodziny na współpracę z asystentem rodziny (umowa o współpracy) — the general track
 *  (art. 8 ust. 3 of the 2011 law) or the Za życiem coordination (art. 8 of that act, its own
 *  purpose: no half-yearly assessment); for court-ordered work (art. 109 § 2 pkt 1 KRO) the
 *  acknowledgement variant (domain.md §4.5). The signers speak in the first person. */
import type { IsoDate } from '../../rules/types';
import { formatDate, isPresent } from '../format';
import { GENDERED, gendered, genderedPlural } from '../../grammar';
import { html } from '../html';
import { fields, section, signatures, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { fillText } from '../texts';
import { courtName, fullName, namesList, personSex, staffIn, staffSex, staffTitledIn, textsOf, type CourtRef, type DocBase, type FamilyMember, type RenderContext, type Staff } from './common';

export interface ConsentView extends DocBase {
  variant: 'consent' | 'court-acknowledgement';
  /** The Za życiem coordination (the consent variant only). */
  zaZyciem?: boolean;
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
  const zz = v.variant === 'consent' && v.zaZyciem === true;
  const common = {
    assistantName: v.assistant.name,
    officeName: v.office.name,
    meetingPlace: isPresent(v.meetingPlace) ? v.meetingPlace : 'w miejscu zamieszkania rodziny lub w miejscu przez nią wskazanym',
    meetingFrequency: isPresent(v.meetingFrequency) ? v.meetingFrequency : 'raz na dwa tygodnie',
  };
  const statement =
    v.variant === 'consent'
      ? fillText(
          zz ? t.consentStatementZaZyciem : t.consentStatement,
          {
            ...common,
            declare: many ? 'Oświadczamy' : 'Oświadczam',
            consentVerb: many ? 'wyrażamy' : 'wyrażam',
            assistantNameIns: staffIn(v.assistant, 'ins'),
            employedIns: gendered(staffSex(v.assistant), GENDERED.zatrudnionyInstr),
            withUs: many ? 'wspólnie z nami' : 'wspólnie ze mną',
            myOur: many ? 'naszym' : 'moim',
          },
          v.date,
        )
      : fillText(
          t.courtAcknowledgement,
          {
            ...common,
            acknowledge: many ? 'Przyjmujemy' : 'Przyjmuję',
            obliged: genderedPlural(sexes, { one: GENDERED.zobowiazanyJa, manyF: 'zostałyśmy zobowiązane', manyM: 'zostaliśmy zobowiązani' }),
            court: v.court ? courtName(v.court) : undefined,
            orderDate: v.court?.orderDate ? formatDate(v.court.orderDate) : undefined,
            signature: v.court?.signature,
            assistantTitled: staffTitledIn(v.assistant, 'nom'),
            employed: gendered(staffSex(v.assistant), GENDERED.zatrudniony),
          },
          v.date,
        );
  const read = genderedPlural(sexes, { one: GENDERED.zapoznalem, manyF: 'zapoznałyśmy się', manyM: 'zapoznaliśmy się' });
  const body = html`
${fields([
    [many ? 'Członkowie rodziny' : 'Członek rodziny', namesList(v.members)],
    ['Asystent rodziny', v.assistant.name],
    ...(v.variant === 'court-acknowledgement' ? ([['Sygnatura akt', v.court?.signature ?? null]] as const) : []),
  ])}
${statement}
${v.variant === 'consent' ? section('Zasady współpracy', fillText(zz ? t.consentDutiesZaZyciem : t.consentDuties, {}, v.date)) : ''}
<p>${many ? 'Oświadczamy' : 'Oświadczam'}, że ${read} z klauzulą informacyjną dotyczącą przetwarzania danych osobowych.</p>
${signatures([
    ...v.members.map((m) => ({ role: 'członek rodziny', name: fullName(m) })),
    { role: v.assistant.position?.trim() || 'asystent rodziny', name: v.assistant.name },
  ])}`;
  return {
    kind: v.variant === 'consent' ? 'consent' : 'court-acknowledgement',
    title: v.variant === 'consent' ? 'Zgoda rodziny na współpracę z asystentem rodziny' : 'Przyjęcie do wiadomości obowiązku współpracy z asystentem rodziny',
    subtitle: v.variant === 'consent' ? (zz ? '(koordynacja wsparcia w ramach ustawy „Za życiem”)' : '(umowa o współpracy)') : null,
    header: v,
    legalBasis: v.variant === 'consent' ? legalBasis(zz ? 'consentZaZyciem' : 'consent', v.date) : legalBasis('courtOrdered', v.date),
    body,
  };
}
