/** The teczka pack: an index page and every document, each starting on a new page, as ONE HTML
 *  document (one render, one PDF, one print job). */
import { renderHtml, type DocumentPart, type RenderOptions } from './layout';
import { packIndexDocument, type PackIndexView } from './documents/packIndex';

export interface PackInput {
  index: Omit<PackIndexView, 'entries'>;
  parts: ReadonlyArray<DocumentPart>;
  /** Page counts of the parts rendered alone (same A4 page box), to print page ranges in the
   *  index; omit for an index without page numbers. */
  partPages?: ReadonlyArray<number> | null;
  /** Pages taken by the index itself (default 1). */
  indexPages?: number;
}

export function packIndexPart(input: PackInput): DocumentPart {
  const pages = input.partPages && input.partPages.length === input.parts.length ? input.partPages : null;
  let next = (input.indexPages ?? 1) + 1;
  const entries = input.parts.map((p, i) => {
    const n = pages ? pages[i]! : null;
    const sub = p.subtitle ? p.subtitle.trim().replace(/^\((.*)\)$/, '$1') : '';
    const e = { title: p.title + (sub ? ` (${sub})` : ''), date: p.header.date, fromPage: n ? next : null, pages: n };
    if (n) next += n;
    return e;
  });
  return packIndexDocument({ ...input.index, entries });
}

export function packHtml(input: PackInput, opts: RenderOptions = {}): string {
  const footerLabel = opts.footerLabel ?? (input.index.caseNumber ? `Teczka – znak sprawy: ${input.index.caseNumber}` : '');
  return renderHtml([packIndexPart(input), ...input.parts], { ...opts, footerLabel, documentTitle: opts.documentTitle ?? 'Teczka rodziny' });
}
