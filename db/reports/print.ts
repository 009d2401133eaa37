/**
 * A report as a standalone A4 HTML document through the same print layout as every document
 * (shared/print/layout: letterhead, place and date, title, tables with repeated header rows,
 * "strona X z Y"); the renderer previews it and the shell saves it as PDF (or ChromiumPdfEngine
 * in the CLI and tests).
 */
import type { OfficeProfile } from '../../shared/schemas';
import { html, join, renderHtml, table, type Column, type PrintFonts } from '../../shared/print/index';
import { cellText, type ReportDocument } from './table';

const WIDTHS = [4, 5, 6, 8, 10, 12, 14, 15, 16, 18, 20, 22, 25, 28, 30, 33, 35, 40, 45, 50, 60, 70];

function pctWidths(chars: number[]): number[] {
  const total = chars.reduce((a, b) => a + b, 0) || 1;
  return chars.map((c) => {
    const pct = (c / total) * 100;
    return WIDTHS.reduce((best, w) => (Math.abs(w - pct) < Math.abs(best - pct) ? w : best), WIDTHS[0]!);
  });
}

export function reportHtml(doc: ReportDocument, office: OfficeProfile, today: string, fonts: PrintFonts | null): string {
  const body = join(
    doc.sections.map((s) => {
      const widths = pctWidths(s.columns.map((c) => c.width));
      const cols: Column[] = s.columns.map((c, i) => ({
        header: c.header,
        width: widths[i],
        ...(c.kind === 'int' || c.kind === 'ratio' || c.kind === 'amount-gr' ? { align: 'num' as const } : {}),
      }));
      return html`<h2>${s.title}</h2>${(s.notes ?? []).map((n) => html`<p class="small muted">${n}</p>`)}${table(
        cols,
        s.rows.map((r) => r.map((c) => cellText(c, { thousands: true }))),
        { small: s.columns.length > 5, empty: 'brak danych' },
      )}`;
    }),
  );
  const foot = doc.footnotes.length ? html`<h3>Zasady liczenia</h3><ul class="small">${doc.footnotes.map((f) => html`<li>${f}</li>`)}</ul>` : '';
  return renderHtml(
    {
      kind: 'report',
      title: doc.title,
      subtitle: doc.subtitle,
      header: { office, caseNumber: 'none', date: today },
      body: html`${body}${foot}`,
    },
    { fonts, documentTitle: doc.title, footerLabel: doc.personal ? 'Zawiera dane osobowe — chronić przed dostępem osób nieuprawnionych' : doc.title },
  );
}
