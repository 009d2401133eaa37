/** 4. Pismo o przydzieleniu asystenta rodziny / informacja o odmowie (domain.md §4.4). */
import type { IsoDate } from '../../rules/types';
import { formatDate, isPresent, text } from '../format';
import { gendered } from '../../grammar';
import { html } from '../html';
import { signatures, type DocumentPart } from '../layout';
import { act, legalBasis } from '../legal';
import { fillText } from '../texts';
import { formatAddress, fullName, personSex, staffContact, textsOf, type Address, type DocBase, type Person, type RenderContext, type Staff } from './common';

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
}

export function assignmentLetterDocument(v: AssignmentLetterView, ctx?: RenderContext): DocumentPart {
  const t = textsOf(ctx);
  const a = v.addressee;
  const yourFamily = gendered(personSex(a), { f: 'Pani rodzinie', m: 'Pana rodzinie' });
  const officeContact = [v.office.phone, v.office.email].filter(isPresent).join(', ') || formatAddress({ street: v.office.address, postalCode: v.office.postalCode, place: v.office.place });
  const basis = v.basis === 'za-zyciem' ? `art. 8 ${act('uzz', v.date)}` : `art. 11 ${act('uwr', v.date)}`;
  const bodyText =
    v.outcome === 'assigned'
      ? fillText(t.assignmentLetter, {
          basis,
          yourFamilyDative: yourFamily,
          assistantName: v.assistant?.name,
          assistantContact: staffContact(v.assistant),
          startDate: isPresent(v.startDate) ? `od dnia ${formatDate(v.startDate)}` : undefined,
        }, v.date)
      : fillText(t.refusalLetter, {
          requestDate: isPresent(v.requestDate) ? formatDate(v.requestDate) : undefined,
          yourFamilyDative: yourFamily,
          reason: v.refusalReason,
          officeContact,
        }, v.date);
  const salutation = gendered(personSex(a), { f: 'Szanowna Pani,', m: 'Szanowny Panie,' });
  return {
    kind: 'assignment-letter',
    title: v.outcome === 'assigned' ? 'Informacja o przydzieleniu asystenta rodziny' : 'Informacja o braku możliwości przydzielenia asystenta rodziny',
    header: v,
    addressee: [gendered(personSex(a), { f: 'Pani', m: 'Pan' }), fullName(a), text(a.address?.street, ''), [a.address?.postalCode, a.address?.place].filter(isPresent).join(' ')].filter(isPresent),
    legalBasis: v.basis === 'za-zyciem' ? legalBasis('assignmentZaZyciem', v.date) : legalBasis('assignmentGeneral', v.date),
    body: html`<p>${salutation}</p>${bodyText}${signatures([{ role: 'kierownik ośrodka', name: v.headName, caption: 'pieczęć i podpis' }])}`,
  };
}
