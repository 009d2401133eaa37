/** 1. Zgłoszenie / informacja o rodzinie (domain.md §4.1). */
import { REFERRAL_SOURCES, type ReferralSource } from '../../rules/labels';
import type { IsoDate } from '../../rules/types';
import { formatDate, text } from '../format';
import { html } from '../html';
import { choices, fields, section, signatures, textBlock, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { formatAddress, membersTable, type Address, type DocBase, type FamilyMember, type Staff } from './common';

export interface IntakeView extends DocBase {
  receivedOn: IsoDate;
  source: ReferralSource;
  reporter: { institution?: string | null; person?: string | null; contact?: string | null } | null;
  family: { name: string; address?: Address | null; phone?: string | null; members: ReadonlyArray<FamilyMember> };
  concerns: string;
  /** Urgent: the interview within 2 working days instead of 14. */
  urgent: boolean;
  /** The social worker assigned to the interview (RWŚ). */
  socialWorker?: Staff | null;
  interviewDueDate?: IsoDate | null;
  intakeWorker: Staff;
}

export function intakeDocument(v: IntakeView): DocumentPart {
  const src = REFERRAL_SOURCES[v.source];
  const body = html`
${section('1. Przyjęcie zgłoszenia', fields([
    ['Data wpływu', formatDate(v.receivedOn)],
    ['Źródło zgłoszenia', src ? `${src.code} – ${src.label}` : text(null)],
    ['Zgłaszający (instytucja)', text(v.reporter?.institution)],
    ['Zgłaszający (osoba)', text(v.reporter?.person)],
    ['Kontakt ze zgłaszającym', text(v.reporter?.contact)],
  ]))}
${section('2. Dane rodziny', html`${fields([
    ['Rodzina', text(v.family.name)],
    ['Adres zamieszkania', formatAddress(v.family.address)],
    ['Telefon', text(v.family.phone)],
  ])}${membersTable(v.family.members, v.receivedOn)}`)}
${section('3. Opis sytuacji i powodów zgłoszenia', textBlock(v.concerns))}
${section('4. Pilność i dalsze postępowanie', html`${choices([
    [v.urgent, 'sprawa pilna – rodzinny wywiad środowiskowy w ciągu 2 dni roboczych'],
    [!v.urgent, 'tryb zwykły – rodzinny wywiad środowiskowy w ciągu 14 dni roboczych'],
  ])}${fields([
    ['Pracownik socjalny przeprowadzający wywiad', text(v.socialWorker?.name)],
    ['Termin przeprowadzenia wywiadu', formatDate(v.interviewDueDate)],
  ])}`)}
${signatures([{ role: 'osoba przyjmująca zgłoszenie', name: v.intakeWorker.name }])}`;
  return {
    kind: 'intake',
    title: 'Zgłoszenie – informacja o rodzinie',
    header: v,
    legalBasis: legalBasis('intake', v.date),
    body,
  };
}
