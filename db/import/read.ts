/**
 * Reading a sheet for import (issue 16): the core reads the file the user picked (a path from
 * the system dialog, or typed in the browser preview) — never more than the stated limit, never
 * writing anything next to it or anywhere else. XLSX (also password-protected: ECMA-376
 * encryption, decrypted in memory with officecrypto-tool) and CSV (UTF-8 with or without BOM,
 * ';' or ',' detected from the file). Formulas give their computed values, merged cells the
 * value of their top-left cell; CSV cells stay text (a cell starting with '=' is never
 * evaluated). The file's SHA-256 identifies it in the audit log (never its name or content).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';


import { AppError } from '../../shared/errors';
import { IMPORT_LIMITS, IMPORT_LIMITS_TEXT } from '../../shared/import/fields';
import { loadExcel, loadOfficeCrypto, loadPapa } from '../lazyModules';
import { cellText, type CellValue } from './values';

export interface SheetRow {
  /** The row's number as the user sees it (sheet row, or CSV line record). */
  row: number;
  cells: CellValue[];
}

export interface SheetData {
  format: 'xlsx' | 'csv';
  encrypted: boolean;
  sha256: string;
  sheetName: string;
  delimiter: ';' | ',' | null;
  headerRow: number;
  headers: string[];
  rows: SheetRow[];
  /** Rows whose formulas had no computed value (a file never opened in a spreadsheet program). */
  formulasWithoutValue: number[];
}

const fileError = (message: string) => new AppError('VALIDATION', message);

/** Reads and checks the file at `path` (see the module comment). Throws AppError with Polish text. */
export async function readSheetFile(path: string, password?: string | null): Promise<SheetData> {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw fileError('Wskazana ścieżka nie jest plikiem. Wybierz plik arkusza (.xlsx) albo CSV.');
    size = st.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw fileError('Nie znaleziono pliku (albo brak do niego dostępu). Sprawdź ścieżkę i wybierz plik ponownie.');
  }
  if (size === 0) throw fileError('Plik jest pusty — nie ma w nim żadnych wierszy do zaimportowania.');
  if (size > IMPORT_LIMITS.maxFileBytes) {
    throw fileError(`Plik jest za duży do importu (${(size / 1024 / 1024).toFixed(1).replace('.', ',')} MB). Import przyjmuje ${IMPORT_LIMITS_TEXT}; podziel arkusz na mniejsze części.`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw fileError('Nie można odczytać pliku (brak dostępu albo plik jest otwarty w innym programie w trybie wyłącznym).');
  }
  return readSheetBytes(bytes, password);
}

/** The same checks on bytes already in memory (tests, the CLI). */
export async function readSheetBytes(bytes: Buffer, password?: string | null): Promise<SheetData> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) throw fileError(`Plik jest za duży do importu. Import przyjmuje ${IMPORT_LIMITS_TEXT}.`);
  const isZip = bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304;
  const isCfb = bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1;
  if (isCfb) {
    let encrypted = false;
    try {
      encrypted = (await loadOfficeCrypto()).isEncrypted(bytes);
    } catch {
      encrypted = false;
    }
    if (!encrypted) {
      throw fileError(
        'To plik w starym formacie programu Excel 97–2003 (.xls) albo inny dokument pakietu Office — import go nie obsługuje. Otwórz go w Excelu lub LibreOffice i zapisz jako „Skoroszyt programu Excel (.xlsx)” albo „CSV UTF-8”.',
      );
    }
    if (!password) throw new AppError('FILE_PASSWORD_REQUIRED');
    let plain: Buffer;
    try {
      plain = Buffer.from(await (await loadOfficeCrypto()).decrypt(bytes, { password }));
    } catch {
      throw new AppError('FILE_WRONG_PASSWORD');
    }
    if (!(plain.length >= 4 && plain.readUInt32BE(0) === 0x504b0304)) {
      throw fileError('Po odszyfrowaniu plik nie okazał się arkuszem .xlsx (np. to zaszyfrowany dokument Word). Wybierz plik arkusza.');
    }
    return { ...(await readXlsx(plain)), encrypted: true, sha256 };
  }
  if (isZip) return { ...(await readXlsx(bytes)), encrypted: false, sha256 };
  return { ...(await readCsv(bytes)), encrypted: false, sha256 };
}

// ---- XLSX ------------------------------------------------------------------------------------

type RawXlsxValue = ExcelJS.CellValue | undefined;

/** A cell's value: formulas give their result, rich text its text, links their text. */
function xlsxValue(v: RawXlsxValue): { value: CellValue; formulaWithoutValue?: boolean } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: v };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: unknown }).result;
      if (r === undefined || r === null) return { value: null, formulaWithoutValue: true };
      if (typeof r === 'object' && r !== null && 'error' in r) return { value: null };
      return xlsxValue(r as RawXlsxValue);
    }
    if ('richText' in v) return { value: v.richText.map((t) => t.text).join('') };
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return { value: (v as { text: string }).text };
    if ('error' in v) return { value: null };
  }
  return { value: null };
}

const isEmptyRow = (cells: CellValue[]) => cells.every((c) => cellText(c) === '');

/**
 * Counts the rows of the first worksheet with data, streaming, and stops as soon as the limit is
 * passed: a 50,000-row sheet is refused in a fraction of the time a full load would take.
 */
async function refuseOversized(bytes: Buffer): Promise<void> {
  const reader = new (await loadExcel()).stream.xlsx.WorkbookReader(Readable.from(bytes), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const limit = IMPORT_LIMITS.maxRows + 1; // + the header row
  for await (const ws of reader) {
    let rows = 0;
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      if (row.hasValues) rows++;
      if (rows > limit) throw tooManyRows();
    }
    if (rows > 0) return;
  }
}

/**
 * The largest worksheet's uncompressed size, from the ZIP's central directory (no decompression),
 * or null when the directory cannot be read. A small sheet cannot hold more rows than the limit
 * allows to be read quickly, so only large ones need the streaming count first.
 */
export function largestWorksheetBytes(zip: Buffer): number | null {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  let largest = 0;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) return null;
    const size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) largest = Math.max(largest, size);
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return largest;
}
/** Worksheets up to this size (uncompressed XML) are loaded at once; larger ones are counted first. */
const DIRECT_LOAD_BYTES = 4 * 1024 * 1024;

function tooManyRows(): AppError {
  return fileError(`Arkusz ma więcej niż ${IMPORT_LIMITS.maxRows.toLocaleString('pl-PL')} wierszy. Import przyjmuje ${IMPORT_LIMITS_TEXT}; podziel arkusz na mniejsze części (np. według rejonów) i zaimportuj je po kolei.`);
}

async function readXlsx(bytes: Buffer): Promise<Omit<SheetData, 'encrypted' | 'sha256'>> {
  const largest = largestWorksheetBytes(bytes);
  if (largest === null || largest > DIRECT_LOAD_BYTES) {
    try {
      await refuseOversized(bytes);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw notASpreadsheet();
    }
  }
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw notASpreadsheet();
  }
  if (wb.worksheets.length === 0) throw notASpreadsheet();
  // The first worksheet with any data (the template's explanation sheet comes second).
  const ws = wb.worksheets.find((w) => w.state !== 'hidden' && w.actualRowCount > 0);
  if (!ws) throw emptySheet();
  if (ws.columnCount > IMPORT_LIMITS.maxColumns) {
    throw fileError(`Arkusz „${ws.name}” ma ${ws.columnCount} kolumn — import czyta najwyżej ${IMPORT_LIMITS.maxColumns}. Usuń zbędne kolumny.`);
  }
  const width = ws.columnCount;
  const all: SheetRow[] = [];
  const formulasWithoutValue: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: CellValue[] = [];
    let noValue = false;
    for (let c = 1; c <= width; c++) {
      const x = xlsxValue(row.getCell(c).value);
      if (x.formulaWithoutValue) noValue = true;
      cells.push(x.value);
    }
    if (isEmptyRow(cells)) return;
    if (noValue) formulasWithoutValue.push(n);
    all.push({ row: n, cells });
  });
  if (all.length > IMPORT_LIMITS.maxRows + 1) throw tooManyRows();
  return shape(all, { format: 'xlsx', sheetName: ws.name, delimiter: null, formulasWithoutValue });
}

function notASpreadsheet(): AppError {
  return fileError('To nie jest arkusz kalkulacyjny (.xlsx) ani plik CSV — nie można go odczytać. Wybierz plik arkusza z rejestrem rodzin albo pobierz wzór importu.');
}

function emptySheet(): AppError {
  return fileError('Arkusz jest pusty — nie ma w nim nagłówków ani wierszy z osobami.');
}

// ---- CSV -------------------------------------------------------------------------------------

async function readCsv(bytes: Buffer): Promise<Omit<SheetData, 'encrypted' | 'sha256'>> {
  // Binary files (PDF, images, executables) contain NUL bytes; text never does.
  if (bytes.subarray(0, 64 * 1024).includes(0) || bytes.subarray(0, 5).toString('latin1') === '%PDF-') throw notASpreadsheet();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileError(
      'Plik CSV nie jest zapisany w kodowaniu UTF-8 (polskie litery byłyby przekłamane). W Excelu wybierz „Zapisz jako” → „CSV UTF-8 (rozdzielany przecinkami)”, w LibreOffice zaznacz kodowanie Unicode (UTF-8).',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw emptySheet();
  const parsed = (await loadPapa()).parse<string[]>(text, { delimitersToGuess: [';', ','], skipEmptyLines: 'greedy', dynamicTyping: false });
  const delimiter = parsed.meta.delimiter === ',' ? ',' : ';';
  const records = parsed.data;
  if (records.length > IMPORT_LIMITS.maxRows + 1) {
    throw fileError(`Plik ma więcej niż ${IMPORT_LIMITS.maxRows.toLocaleString('pl-PL')} wierszy. Import przyjmuje ${IMPORT_LIMITS_TEXT}; podziel plik na mniejsze części.`);
  }
  const width = Math.max(0, ...records.map((r) => r.length));
  if (width > IMPORT_LIMITS.maxColumns) throw fileError(`Plik ma ${width} kolumn — import czyta najwyżej ${IMPORT_LIMITS.maxColumns}.`);
  // Cells stay text exactly as written: "=1+1", "+48…", "-", "@x" are never evaluated.
  const all = records
    .map((cells, i) => ({ row: i + 1, cells: Array.from({ length: width }, (_, c) => cells[c] ?? '') as CellValue[] }))
    .filter((r) => !isEmptyRow(r.cells));
  return shape(all, { format: 'csv', sheetName: 'CSV', delimiter, formulasWithoutValue: [] });
}

function shape(
  all: SheetRow[],
  meta: { format: 'xlsx' | 'csv'; sheetName: string; delimiter: ';' | ',' | null; formulasWithoutValue: number[] },
): Omit<SheetData, 'encrypted' | 'sha256'> {
  const [head, ...rows] = all;
  if (!head) throw emptySheet();
  if (rows.length === 0) throw fileError('Arkusz ma tylko wiersz nagłówków — nie ma w nim żadnej osoby do zaimportowania.');
  // Trailing columns without a header and without data are dropped.
  let width = head.cells.length;
  while (width > 0 && cellText(head.cells[width - 1] ?? null) === '' && rows.every((r) => cellText(r.cells[width - 1] ?? null) === '')) width--;
  return {
    ...meta,
    headerRow: head.row,
    headers: head.cells.slice(0, width).map((c) => cellText(c)),
    rows: rows.map((r) => ({ row: r.row, cells: r.cells.slice(0, width) })),
  };
}
