/** 4. Pismo o przydzieleniu asystenta / informacja o odmowie (domain.md §4.4): one form of address
 *  for the whole letter, the assistant's own contact, the head's title under the signature and the
 *  "Otrzymują" list; the Za życiem letter speaks of coordination (no social worker meeting). */
import type { IsoDate } from '../../rules/types';
import { formatDate, isPresent, text } from '../format';
import { html } from '../html';
import { distribution, signatures, type DocumentPart } from '../layout';
import { act, legalBasis } from '../legal';
import { fillText } from '../texts';
import {
  addressing,
  fullName,
  headSignatory,
  personSex,
  personTitledIn,
  staffContact,
  staffTitledIn,
  textsOf,
  type Address,
  type DocBase,
  type Person,
  type RenderContext,
  type Staff,
} from './common';

export interface AssignmentLetterView extends DocBase {
  addressee: Person & { address?: Address | null };
  outcome: 'assigned' | 'refused';
  /** 'general': art. 11 of the 2011 law; 'za-zyciem': art. 8 of the Za życiem law. */
  basis: 'general' | 'za-zyciem';
  assistant?: Staff | null;
  startDate?: IsoDate | null;
  requestDate?: IsoDate | null;
  refusalReason?: string | null;
  headName: string;
  /** The head's title under the signature (staff register); default from the office's name. */
  headPosition?: string | null;
  /** The social worker who asked for the assistant (general track): a copy. */
  socialWorker?: Staff | null;
}

export function assignmentLetterDocument(v: AssignmentLetterView, ctx?: RenderContext): DocumentPart {
  const t = textsOf(ctx);
  const to = v.addressee;
  const you = addressing([to]);
  const officeContact = [v.office.phone && `tel. ${v.office.phone}`, v.office.email && `e-mail: ${v.office.email}`].filter(isPresent).join(', ');
  const ownContact = v.assistant && (isPresent(v.assistant.phone) || isPresent(v.assistant.email));
  const assistantContact = v.assistant ? (ownContact ? staffContact(v.assistant) : `za pośrednictwem ośrodka: ${officeContact}`) : undefined;
  const basis = v.basis === 'za-zyciem' ? `art. 8 ust. 1–2 ${act('uzz', v.date)}` : `art. 11 ust. 4 ${act('uwr', v.date)}`;
  const bodyText =
    v.outcome === 'assigned'
      ? fillText(
          v.basis === 'za-zyciem' ? t.assignmentLetterZaZyciem : t.assignmentLetter,
          {
            basis,
            requestDate: isPresent(v.requestDate) ? formatDate(v.requestDate) : undefined,
            yourFamilyDative: `${you.you.dat} rodzinie`,
            youIns: you.you.ins,
            assistantTitled: v.assistant ? staffTitledIn(v.assistant, 'nom') : undefined,
            assistantName: v.assistant?.name,
            assistantContact,
            startDate: isPresent(v.startDate) ? formatDate(v.startDate) : undefined,
          },
          v.date,
        )
      : fillText(
          t.refusalLetter,
          {
            requestDate: isPresent(v.requestDate) ? formatDate(v.requestDate) : undefined,
            yourFamilyDative: `${you.you.dat} rodzinie`,
            reason: v.refusalReason,
            officeContact: officeContact || undefined,
          },
          v.date,
        );
  const recipients = [
    `${personTitledIn(to, 'nom')} – adresat`,
    ...(v.outcome === 'assigned' && v.assistant ? [`${staffTitledIn(v.assistant, 'nom')} – asystent rodziny`] : []),
    ...(v.basis === 'general' && v.socialWorker ? [`${staffTitledIn(v.socialWorker, 'nom')} – pracownik socjalny`] : []),
  ];
  return {
    kind: 'assignment-letter',
    title: v.outcome === 'assigned' ? 'Informacja o przydzieleniu asystenta rodziny' : 'Informacja o braku możliwości przydzielenia asystenta rodziny',
    header: v,
    addressee: [
      `${personSex(to) === 'F' ? 'Pani' : 'Pan'} ${fullName(to)}`,
      text(to.address?.street, ''),
      [to.address?.postalCode, to.address?.place].filter(isPresent).join(' '),
    ].filter(isPresent),
    legalBasis: legalBasis(v.basis === 'za-zyciem' ? 'assignmentZaZyciem' : 'assignmentGeneral', v.date),
    body: html`<p>${you.salutation}</p>${bodyText}${signatures([headSignatory(v.office, v.headName, v.headPosition)])}${distribution(recipients)}`,
  };
}
