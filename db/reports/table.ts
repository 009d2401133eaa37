/**
 * One neutral model of a report for every export: titled sections, each a table of columns and
 * rows. The XLSX, CSV and PDF builders all read this, so the three exports say the same thing.
 */
export type CellKind = 'text' | 'int' | 'ratio' | 'amount-gr' | 'date';

export interface ReportCell {
  /** The raw value: a number (an amount in grosze for 'amount-gr') or text. */
  value: string | number | null;
  kind: CellKind;
}

export interface ReportColumn {
  header: string;
  kind: CellKind;
  /** Approximate width in characters (XLSX) / percent class (PDF). */
  width: number;
}

export interface ReportSection {
  title: string;
  /** Sentences printed under the title (definitions, notes). */
  notes?: string[];
  columns: ReportColumn[];
  rows: ReportCell[][];
}

export interface ReportDocument {
  /** The sheet / document title, e.g. "Sprawozdanie półroczne — asystent rodziny". */
  title: string;
  subtitle: string;
  /** Lines printed at the end (conventions in force, the generation time). */
  footnotes: string[];
  sections: ReportSection[];
  /** Whether the document carries personal data (a list of families). */
  personal: boolean;
}

export const cell = (value: string | number | null, kind: CellKind = typeof value === 'number' ? 'int' : 'text'): ReportCell => ({ value, kind });

/** Polish text of a cell: "12", "2,5", "1234,56", "22.11.2026". */
export function cellText(c: ReportCell, opts: { thousands?: boolean } = {}): string {
  if (c.value === null || c.value === '') return '';
  if (c.kind === 'amount-gr' && typeof c.value === 'number') {
    const abs = Math.abs(Math.round(c.value));
    let zl = String(Math.floor(abs / 100));
    if (opts.thousands) zl = zl.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
    return `${c.value < 0 ? '-' : ''}${zl},${String(abs % 100).padStart(2, '0')}`;
  }
  if (c.kind === 'ratio' && typeof c.value === 'number') return c.value.toFixed(1).replace('.', ',');
  if (c.kind === 'date' && typeof c.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.value)) {
    return `${c.value.slice(8, 10)}.${c.value.slice(5, 7)}.${c.value.slice(0, 4)}`;
  }
  return String(c.value);
}
