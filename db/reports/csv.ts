/**
 * CSV for retyping into CAS or opening in a Polish Excel: UTF-8 with a BOM (so Excel reads the
 * diacritics), semicolons between fields (the Polish list separator), CRLF line ends, decimal
 * commas, fields quoted when needed.
 */
import { cellText, type ReportDocument } from './table';

function field(s: string): string {
  return /[";\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function buildCsv(doc: ReportDocument): Buffer {
  const lines: string[] = [];
  lines.push(field(doc.title));
  lines.push(field(doc.subtitle));
  for (const s of doc.sections) {
    lines.push('');
    lines.push(field(s.title));
    lines.push(s.columns.map((c) => field(c.header)).join(';'));
    for (const r of s.rows) lines.push(r.map((c) => field(cellText(c))).join(';'));
  }
  if (doc.footnotes.length) {
    lines.push('');
    for (const f of doc.footnotes) lines.push(field(f));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}
