/**
 * XLSX of a report (exceljs), in memory: one worksheet, the title and period on top, each
 * section as a table with a bold header, numbers as real numbers (amounts in zł with two
 * decimals), dates as text dd.mm.rrrr. With a password the whole file is encrypted (ECMA-376
 * agile encryption, officecrypto-tool): Excel and LibreOffice ask for the password to open it.
 */
import { cellText, type ReportDocument } from './table';

import { loadExcel as excel, loadOfficeCrypto as crypto } from '../lazyModules';

export async function buildXlsx(doc: ReportDocument, opts: { password?: string | undefined; creator?: string } = {}): Promise<Buffer> {
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  wb.creator = opts.creator ?? 'Asysta';
  // A fixed date: the file carries no clock time beyond what the report itself states.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet('Sprawozdanie', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const maxCols = Math.max(1, ...doc.sections.map((s) => s.columns.length));
  const widths = new Array<number>(maxCols).fill(10);
  for (const s of doc.sections) s.columns.forEach((c, i) => (widths[i] = Math.max(widths[i]!, Math.min(80, c.width))));
  ws.columns = widths.map((w) => ({ width: w }));

  const title = ws.addRow([doc.title]);
  title.font = { bold: true, size: 13 };
  ws.addRow([doc.subtitle]).font = { italic: true };
  for (const s of doc.sections) {
    ws.addRow([]);
    ws.addRow([s.title]).font = { bold: true, size: 11 };
    for (const n of s.notes ?? []) ws.addRow([n]).font = { italic: true, size: 9 };
    const head = ws.addRow(s.columns.map((c) => c.header));
    head.font = { bold: true };
    head.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
      c.border = { bottom: { style: 'thin' } };
      c.alignment = { wrapText: true, vertical: 'top' };
    });
    for (const r of s.rows) {
      const row = ws.addRow(
        r.map((c) => {
          if (c.value === null) return null;
          if (c.kind === 'int' && typeof c.value === 'number') return c.value;
          if (c.kind === 'ratio' && typeof c.value === 'number') return c.value;
          if (c.kind === 'amount-gr' && typeof c.value === 'number') return Math.round(c.value) / 100;
          return cellText(c);
        }),
      );
      r.forEach((c, i) => {
        const x = row.getCell(i + 1);
        if (c.kind === 'amount-gr') x.numFmt = '#,##0.00';
        else if (c.kind === 'ratio') x.numFmt = '0.0';
        else if (c.kind === 'text') x.alignment = { wrapText: true, vertical: 'top' };
      });
    }
  }
  if (doc.footnotes.length) {
    ws.addRow([]);
    for (const f of doc.footnotes) ws.addRow([f]).font = { size: 9, italic: true };
  }
  const plain = Buffer.from(await wb.xlsx.writeBuffer());
  if (!opts.password) return plain;
  return Buffer.from((await crypto()).encrypt(plain, { password: opts.password }));
}

/** Reads an XLSX back (decrypting with the password when given): for tests and checks. */
export async function readXlsx(file: Buffer, password?: string): Promise<string[][]> {
  const data = password ? await (await crypto()).decrypt(file, { password }) : file;
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const out: string[][] = [];
  ws?.eachRow({ includeEmpty: true }, (row) => {
    const vals = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
    out.push(vals);
  });
  return out;
}

export async function isEncryptedXlsx(file: Buffer): Promise<boolean> {
  return (await crypto()).isEncrypted(file);
}
