/**
 * Rendering documents and teczka packs to PDF with a PdfEngine. Everything stays in memory.
 */
import { renderHtml, type DocumentPart, type RenderOptions } from '../../shared/print/layout';
import { packHtml, packIndexPart, type PackInput } from '../../shared/print/pack';
import type { PdfEngine, PdfResult } from './pdf';

/** One document → PDF (the HTML is returned too, for a preview of exactly what was printed). */
export async function renderDocumentPdf(
  engine: PdfEngine,
  part: DocumentPart,
  opts: Omit<RenderOptions, 'fonts'> = {},
): Promise<PdfResult & { html: string }> {
  const html = renderHtml(part, { ...opts, fonts: engine.fonts });
  return { ...(await engine.render(html)), html };
}

async function mapLimit<T, R>(items: ReadonlyArray<T>, limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

export interface PackResult extends PdfResult {
  /** Pages of each part inside the pack (null when rendered without page ranges). */
  partPages: number[] | null;
  indexPages: number | null;
  /** Whether the pack's page count equals index + the parts rendered alone (it should: every
   *  part starts on a new page of the same A4 box). */
  consistent: boolean;
}

export type PackRequest = Omit<PackInput, 'partPages' | 'indexPages'>;

/**
 * The teczka pack as ONE PDF: the index page and every document, each starting on a new page.
 * With `pageRanges` (default) a first pass renders each document alone (a few at once) to count
 * its pages, so the index can say where each document starts; the pack itself is one render.
 */
export async function renderPackPdf(
  engine: PdfEngine,
  input: PackRequest,
  opts: { pageRanges?: boolean; concurrency?: number } = {},
): Promise<PackResult> {
  const fonts = engine.fonts;
  if (opts.pageRanges === false) {
    const r = await engine.render(packHtml(input, { fonts }));
    return { ...r, partPages: null, indexPages: null, consistent: true };
  }
  const partPages = await mapLimit(input.parts, opts.concurrency ?? 4, async (p) => (await engine.render(renderHtml(p, { fonts }))).pages);
  // A long index may take more than one page, which shifts every start page: iterate.
  let indexPages = 1;
  for (let i = 0; i < 3; i++) {
    const n = (await engine.render(renderHtml(packIndexPart({ ...input, partPages, indexPages }), { fonts }))).pages;
    if (n === indexPages) break;
    indexPages = n;
  }
  const r = await engine.render(packHtml({ ...input, partPages, indexPages }, { fonts }));
  const expected = indexPages + partPages.reduce((a, b) => a + b, 0);
  return { ...r, partPages, indexPages, consistent: r.pages === expected };
}
