/** 15. Katalog wsparcia („Za życiem”, art. 8 ust. 1) (domain.md §4.17). */
import { formatDate, text } from '../format';
import { html } from '../html';
import { fields, signatures, table, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { fullName, type DocBase, type Person, type Staff } from './common';

export type SupportArea = 'care' | 'psychological' | 'legal' | 'rehabilitation' | 'health' | 'other';

export const SUPPORT_AREA_LABELS: Record<SupportArea, string> = {
  care: 'trudności w opiece i wychowaniu dziecka',
  psychological: 'wsparcie psychologiczne',
  legal: 'pomoc prawna (prawa rodzicielskie i pracownicze)',
  rehabilitation: 'rehabilitacja społeczna i zawodowa',
  health: 'świadczenia zdrowotne (poradnie specjalistyczne, wczesne wspomaganie rozwoju, opieka hospicyjna lub paliatywna, rehabilitacja)',
  other: 'inne',
};

export type SupportStatus = 'proposed' | 'applied' | 'obtained' | 'refused';

export const SUPPORT_STATUS_LABELS: Record<SupportStatus, string> = {
  proposed: 'zaproponowano',
  applied: 'złożono wniosek',
  obtained: 'uzyskano',
  refused: 'odmówiono',
};

export interface SupportCatalogueView extends DocBase {
  /** The family's name after "Rodzina" ("Jabłońskich"), never a person's name. */
  familyName: string;
  /** Who receives the family's copy (signs for it). */
  recipient: Person;
  items: ReadonlyArray<{
    area: SupportArea;
    provider: string;
    /** From the institutions register (or typed with the item). */
    address?: string | null;
    phone?: string | null;
    email?: string | null;
    contact?: string | null;
    conditions?: string | null;
    cost?: string | null;
    status: SupportStatus;
    /** Date the application was filed. */
    appliedOn?: string | null;
    /** Date the support was obtained or refused. */
    decidedOn?: string | null;
    authorisationUsed?: boolean;
  }>;
  assistant: Staff;
}

/** "uzyskano 12.11.2026 (wniosek z 02.11.2026)", "złożono wniosek 02.11.2026", "zaproponowano". */
function statusCell(i: SupportCatalogueView['items'][number]): string {
  const decided = (i.status === 'obtained' || i.status === 'refused') && i.decidedOn ? ` ${formatDate(i.decidedOn, { suffix: false })}` : '';
  const applied = i.appliedOn ? (i.status === 'applied' ? ` ${formatDate(i.appliedOn, { suffix: false })}` : ` (wniosek z ${formatDate(i.appliedOn, { suffix: false })})`) : '';
  const onBehalf = i.authorisationUsed ? ' (na podstawie upoważnienia)' : '';
  return `${SUPPORT_STATUS_LABELS[i.status]}${decided}${i.status === 'proposed' ? '' : applied}${onBehalf}`;
}

export function supportCatalogueDocument(v: SupportCatalogueView): DocumentPart {
  const areas = Object.keys(SUPPORT_AREA_LABELS) as SupportArea[];
  const rows = areas.flatMap((area) => {
    const items = v.items.filter((i) => i.area === area);
    if (items.length === 0) return [];
    return [
      { group: SUPPORT_AREA_LABELS[area] },
      ...items.map((i) => [
        html`<b>${text(i.provider)}</b>${i.address ? html`<br>${i.address}` : ''}${i.phone ? html`<br>tel. ${i.phone}` : ''}${i.email ? html`<br>e-mail: ${i.email}` : ''}${i.contact ? html`<br>${i.contact}` : ''}`,
        text(i.conditions, 'do ustalenia z instytucją'),
        text(i.cost, 'bezpłatnie'),
        statusCell(i),
      ]),
    ];
  });
  const body = html`
${fields([
    ['Rodzina', text(v.familyName)],
    ['Asystent rodziny (koordynator wsparcia)', text(v.assistant.name)],
  ])}
${table(
    [
      { header: 'Podmiot, adres, kontakt', width: 35 },
      { header: 'Warunki i wymagane dokumenty', width: 35 },
      { header: 'Koszt', width: 12 },
      { header: 'Status' },
    ],
    rows,
    { small: true, empty: 'brak pozycji w katalogu' },
  )}
<p class="small">Rodzina otrzymuje egzemplarz katalogu.</p>
${signatures([{ role: 'asystent rodziny (koordynator wsparcia)', name: v.assistant.name }, { role: 'odbiór egzemplarza – członek rodziny', name: fullName(v.recipient) }])}`;
  return {
    kind: 'support-catalogue',
    title: 'Katalog możliwego do uzyskania wsparcia',
    subtitle: 'ustawa „Za życiem”',
    header: v,
    legalBasis: legalBasis('supportCatalogue', v.date),
    body,
  };
}
