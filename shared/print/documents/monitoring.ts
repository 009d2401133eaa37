/** 13. Karta monitoringu funkcjonowania rodziny po zakończeniu pracy (art. 15 ust. 1 pkt 16)
 *  (domain.md §4.15). */
import type { IsoDate } from '../../rules/types';
import { formatDate, formatPeriod, text } from '../format';
import { html } from '../html';
import { choices, fields, section, signatures, table, textBlock, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { fillText } from '../texts';
import { textsOf, type DocBase, type RenderContext, type Staff } from './common';

export type MonitoringContactForm = 'phone' | 'visit' | 'institution' | 'office';

export const MONITORING_FORM_LABELS: Record<MonitoringContactForm, string> = {
  phone: 'rozmowa telefoniczna',
  visit: 'wizyta w miejscu zamieszkania',
  institution: 'informacja z instytucji',
  office: 'spotkanie w ośrodku',
};

export interface MonitoringView extends DocBase {
  familyName: string;
  closedOn: IsoDate | null;
  period: { from: IsoDate | null; to: IsoDate | null };
  contacts: ReadonlyArray<{ date: IsoDate; form: MonitoringContactForm; findings: string }>;
  conclusion?: string | null;
  /** null: to tick by hand. */
  newReferralNeeded: boolean | null;
  assistant: Staff;
}

export function monitoringDocument(v: MonitoringView, ctx?: RenderContext): DocumentPart {
  const body = html`
${fillText(textsOf(ctx).monitoringIntro, {}, v.date)}
${fields([
    ['Rodzina', text(v.familyName)],
    ['Data zakończenia pracy z rodziną', formatDate(v.closedOn)],
    ['Okres monitorowania', formatPeriod(v.period.from, v.period.to)],
  ])}
${section('1. Kontakty z rodziną i instytucjami', table(
    [
      { header: 'Lp.', width: 5, align: 'num' },
      { header: 'Data', width: 12 },
      { header: 'Forma kontaktu', width: 20 },
      { header: 'Ustalenia' },
    ],
    v.contacts.map((c, i) => [`${i + 1}.`, formatDate(c.date, { suffix: false }), MONITORING_FORM_LABELS[c.form], text(c.findings)]),
    { empty: 'brak kontaktów' },
  ))}
${section('2. Wnioski', textBlock(v.conclusion))}
${choices([
    [v.newReferralNeeded === null ? null : v.newReferralNeeded, 'istnieje potrzeba ponownego objęcia rodziny wsparciem (nowe zgłoszenie)'],
    [v.newReferralNeeded === null ? null : !v.newReferralNeeded, 'rodzina funkcjonuje prawidłowo – brak potrzeby ponownego wsparcia'],
  ])}
${signatures([{ role: 'asystent rodziny', name: v.assistant.name }])}`;
  return {
    kind: 'monitoring',
    title: 'Karta monitoringu funkcjonowania rodziny po zakończeniu pracy',
    header: v,
    legalBasis: legalBasis('monitoring', v.date),
    body,
  };
}
