/** Sheets for the import tests (issue 16), built with exceljs the way offices' registers look. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import officeCrypto from 'officecrypto-tool';
import { makePesel } from '../../db/demo/generate';
import { buildTemplate, type TemplateRow } from '../../db/import/template';
import { IMPORT_FIELDS } from '../../shared/import/fields';

export const HEADERS = IMPORT_FIELDS.map((f) => f.header);

let serial = 300;
/** A valid PESEL for the birth date (a fresh serial each call). */
export function pesel(birthDate: string, sex: 'F' | 'M' = 'F'): string {
  serial += 3;
  return makePesel(birthDate, sex, serial);
}

/**
 * A family of two (mother and child) as template rows; the case columns go on the first row.
 * `caseCols` e.g. { track: 'wspieranie rodziny', assistant: 'asliwinska', assignedOn: '02.03.2026' }.
 */
export function familyRows(key: string, surname: string, caseCols: TemplateRow = {}, over: { mother?: TemplateRow; child?: TemplateRow } = {}): TemplateRow[] {
  return [
    {
      familyKey: key,
      address: `ul. Leśna ${key.replace(/\D/g, '') || 1}`,
      postalCode: '87-122',
      place: 'Grębocin',
      firstName: 'Maria',
      lastName: surname,
      pesel: pesel('1991-05-20'),
      role: 'matka',
      ...caseCols,
      ...over.mother,
    },
    { familyKey: key, firstName: 'Kacper', lastName: surname, pesel: pesel('2016-09-14', 'M'), role: 'syn', ...over.child },
  ];
}

/** The template with these rows (no example row). */
export function templateWith(rows: TemplateRow[]): Promise<Buffer> {
  return buildTemplate(rows, { withExample: false });
}

/** A workbook from raw cell values (numbers, dates, formulas as exceljs takes them). */
export async function rawWorkbook(rows: ExcelJS.CellValue[][], edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Arkusz1');
  for (const r of rows) ws.addRow(r);
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function encrypt(xlsx: Buffer, password: string): Buffer {
  return Buffer.from(officeCrypto.encrypt(xlsx, { password }));
}

export function save(dir: string, name: string, bytes: Buffer | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** Row values in template column order (for rawWorkbook / CSV). */
export function inOrder(r: TemplateRow): string[] {
  return IMPORT_FIELDS.map((f) => r[f.key] ?? '');
}
