/**
 * Number of pages of a PDF as Chromium writes it: its page objects (`/Type /Page`, never the
 * `/Pages` tree nodes). Pure (no Chromium, no Electron): the preview engine, the Electron shell
 * and the tests count pages the same way (checked against pdfinfo in print-pdf.test.ts).
 * Chromium's PDF writer does not put page objects into compressed object streams; a PDF that
 * does would count 0 here, and callers treat the count as information only.
 */
export function countPdfPages(pdf: Uint8Array): number {
  const s = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const m = s.match(/\/Type\s*\/Page(?![A-Za-z0-9#])/g);
  return m ? m.length : 0;
}
