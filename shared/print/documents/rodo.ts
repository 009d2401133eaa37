/** 6. Klauzula informacyjna RODO (art. 13) for the family, with the acknowledgement and, for
 *  „Za życiem”, the consent to processing (domain.md §4.6). */
import { isPresent, text } from '../format';
import { html } from '../html';
import { choices, signatures, type DocumentPart } from '../layout';
import { act, legalBasis } from '../legal';
import { fillText } from '../texts';
import { fullName, textsOf, type DocBase, type Person, type RenderContext } from './common';

export interface RodoClauseView extends DocBase {
  /** Contact of the data protection officer (inspektor ochrony danych). */
  iodContact?: string | null;
  /** Retention period as stated by the office's JRWA (e.g. "10 lat od zakończenia sprawy"). */
  retention?: string | null;
  /** Adds the Za życiem basis and the consent to processing health data. */
  zaZyciem: boolean;
  /** The people who acknowledge receipt (one signature line each). */
  dataSubjects: ReadonlyArray<Person>;
}

export function rodoClauseDocument(v: RodoClauseView, ctx?: RenderContext): DocumentPart {
  const t = textsOf(ctx);
  const contact = [isPresent(v.office.phone) ? `tel. ${v.office.phone.trim()}` : '', isPresent(v.office.email) ? `e-mail: ${v.office.email.trim()}` : ''].filter(isPresent).join(', ');
  const body = html`
${fillText(t.rodoClause, {
    officeName: v.office.name,
    officeAddress: `${v.office.address}, ${v.office.postalCode} ${v.office.place}`,
    officeContact: contact || text(null),
    iodContact: v.iodContact,
    retention: v.retention,
    zaZyciemBasis: v.zaZyciem ? ` oraz art. 8 ${act('uzz', v.date)}` : '',
  }, v.date)}
${v.zaZyciem ? html`<h2>Zgoda na przetwarzanie danych</h2>${choices([[null, 'wyrażam zgodę']])}${fillText(t.zaZyciemConsent, {}, v.date)}` : ''}
<p><b>${v.dataSubjects.length > 1 ? 'Potwierdzamy' : 'Potwierdzam'} otrzymanie i zapoznanie się z powyższą informacją.</b></p>
${signatures(v.dataSubjects.length ? v.dataSubjects.map((p) => ({ role: 'osoba, której dane dotyczą', name: fullName(p) })) : [{ role: 'osoba, której dane dotyczą' }])}`;
  return {
    kind: 'rodo-clause',
    title: 'Klauzula informacyjna o przetwarzaniu danych osobowych',
    header: v,
    legalBasis: legalBasis('rodo', v.date),
    body,
  };
}
