/** countPdfPages (db/print/pages.ts, used by the preview engine and the Electron shell as countPages). */
import { describe, expect, it } from 'vitest';
import { countPdfPages } from '../../../db/print/pages';
import { countPdfPages as fromEngine } from '../../../db/print/pdf';

const pdf = (body: string) => new Uint8Array(Buffer.from(`%PDF-1.4\n${body}\n%%EOF\n`, 'latin1'));

describe('countPdfPages', () => {
  it('counts page objects, not the page tree', () => {
    const three = pdf(
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >> endobj\n' +
        '3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n4 0 obj <</Type/Page/Parent 2 0 R>> endobj\n5 0 obj << /Type\n/Page\r/Parent 2 0 R >> endobj',
    );
    expect(countPdfPages(three)).toBe(3);
  });

  it('a subarray of a bigger buffer counts only its own bytes', () => {
    const buf = Buffer.from('/Type /Page XXXX /Type /Page /Type /Page', 'latin1');
    expect(countPdfPages(buf.subarray(0, 11))).toBe(1);
  });

  it('names that only begin with "Page" are not pages; an empty or non-PDF input is 0', () => {
    expect(countPdfPages(pdf('<< /Type /PageLabel >> << /Type /Pages >> << /Type /Page1 >> << /Type /Page#20 >>'))).toBe(0);
    expect(countPdfPages(new Uint8Array())).toBe(0);
    expect(countPdfPages(Buffer.from('To nie jest PDF', 'utf8'))).toBe(0);
  });
});

it('the preview engine re-exports the same function', () => {
  expect(fromEngine).toBe(countPdfPages);
});
