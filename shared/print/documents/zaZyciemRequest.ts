/** 3. Wniosek o wsparcie asystenta rodziny („Za życiem”; also a family's self-referral)
 *  (domain.md §4.3). */
import { DOCUMENT_LABELS, SPECIALTY_FIELD_LABELS, ZA_ZYCIEM_CATEGORIES, type SpecialtyField, type ZaZyciemCategory } from '../../rules/labels';
import type { IsoDate } from '../../rules/types';
import { BLANK, formatDate, text } from '../format';
import { GENDERED, gendered, type Sex } from '../../grammar';
import { html } from '../html';
import { choices, fields, section, signatures, textBlock, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { fillText } from '../texts';
import { formatAddress, fullName, membersTable, personSex, textsOf, type Address, type DocBase, type FamilyMember, type RenderContext } from './common';

export type SubmissionChannel = 'in-person' | 'post' | 'electronic';

export interface ZaZyciemRequestView extends DocBase {
  applicant: {
    firstName: string;
    lastName: string;
    sex?: Sex | null;
    pesel?: string | null;
    address?: Address | null;
    phone?: string | null;
    email?: string | null;
  };
  /** null: the category is ticked by hand. */
  category: ZaZyciemCategory | null;
  household: ReadonlyArray<FamilyMember>;
  needs: string;
  attachment: {
    kind: 'pregnancy-document' | 'art-4-3-certificate';
    issuer?: string | null;
    specialty?: SpecialtyField | null;
    issuedOn?: IsoDate | null;
  } | null;
  consentToCooperation: boolean | null;
  rodoAcknowledged: boolean | null;
  /** Date the request reached the office (for post: the date of delivery). */
  submittedOn?: IsoDate | null;
  channel?: SubmissionChannel | null;
}

const CHANNELS: Record<SubmissionChannel, string> = {
  'in-person': 'osobiście w ośrodku',
  post: 'pocztą (liczy się data doręczenia do ośrodka)',
  electronic: 'elektronicznie (kwalifikowany podpis elektroniczny lub profil zaufany)',
};

export function zaZyciemRequestDocument(v: ZaZyciemRequestView, ctx?: RenderContext): DocumentPart {
  const applicant = v.applicant;
  const cats = Object.entries(ZA_ZYCIEM_CATEGORIES) as Array<[ZaZyciemCategory, { label: string }]>;
  const att = v.attachment;
  const body = html`
<p>Zwracam się z wnioskiem o objęcie wsparciem asystenta rodziny w zakresie koordynacji wsparcia, o którym mowa w art. 8 ustawy o wsparciu kobiet w ciąży i rodzin „Za życiem”.</p>
${section(`1. Dane ${applicant.sex === 'F' ? 'wnioskodawczyni' : applicant.sex === 'M' ? 'wnioskodawcy' : 'wnioskodawcy'}`, fields([
    ['Imię i nazwisko', fullName(applicant)],
    ['PESEL', text(applicant.pesel)],
    ['Adres zamieszkania', formatAddress(applicant.address)],
    ['Telefon', text(applicant.phone)],
    ['E-mail', text(applicant.email)],
  ]))}
${section('2. Sytuacja uprawniająca do wsparcia', choices(cats.map(([code, c]) => [v.category === null ? null : v.category === code, c.label] as const)))}
${section('3. Członkowie gospodarstwa domowego', membersTable(v.household, v.date))}
${section('4. Krótki opis potrzeb', textBlock(v.needs))}
${section('5. Załączniki', att
    ? fields([
        ['Dokument', DOCUMENT_LABELS[att.kind]],
        ['Wystawca', text(att.issuer)],
        ['Specjalność lekarza', att.specialty ? SPECIALTY_FIELD_LABELS[att.specialty] : text(null)],
        ['Data wystawienia', formatDate(att.issuedOn)],
      ])
    : choices([
        [null, DOCUMENT_LABELS['pregnancy-document']],
        [null, DOCUMENT_LABELS['art-4-3-certificate']],
      ]))}
${section('6. Oświadczenia', html`${choices([
    [v.consentToCooperation, 'wyrażam zgodę na współpracę z asystentem rodziny'],
    [v.rodoAcknowledged, html`${gendered(personSex(applicant), GENDERED.zapoznalem)} z klauzulą informacyjną dotyczącą przetwarzania danych osobowych`],
  ])}${fillText(textsOf(ctx).zaZyciemConsent, {}, v.date)}`)}
${fields([
    ['Sposób złożenia wniosku', v.channel ? CHANNELS[v.channel] : BLANK],
    ['Data wpływu do ośrodka', formatDate(v.submittedOn, { fallback: BLANK })],
  ])}
${signatures([{ role: gendered(personSex(applicant), GENDERED.wnioskodawca).toLowerCase(), name: fullName(applicant) }])}`;
  return {
    kind: 'za-zyciem-request',
    title: 'Wniosek o wsparcie asystenta rodziny',
    subtitle: 'w ramach ustawy „Za życiem”',
    header: v,
    legalBasis: legalBasis('zaZyciemRequest', v.date),
    body,
  };
}
