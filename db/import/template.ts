/**
 * The import template (issue 16): an .xlsx with the Polish headers of shared/import/fields.ts,
 * one example row (a made-up person with a PESEL whose check digit holds), text-formatted PESEL
 * and date columns (so Excel keeps leading zeros and does not turn dates into numbers), and a
 * second sheet explaining each column. Built in memory; the caller saves it.
 */
import { loadExcel } from '../lazyModules';
import { IMPORT_FIELDS, IMPORT_LIMITS_TEXT } from '../../shared/import/fields';

export const TEMPLATE_FILE_NAME = 'Asysta - wzor importu rodzin.xlsx';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Extra example rows (tests and the E2E add families the same way the office would). */
export type TemplateRow = Partial<Record<(typeof IMPORT_FIELDS)[number]['key'], string>>;

export async function buildTemplate(extraRows: TemplateRow[] = [], opts: { withExample?: boolean } = {}): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Asysta';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet('Rodziny', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = IMPORT_FIELDS.map((f) => ({
    header: f.header,
    key: f.key,
    width: Math.max(12, Math.min(34, f.header.length + 4)),
    // PESEL and dates as text: Excel would drop a PESEL's leading zero and retype dates.
    style: f.key === 'pesel' || /On$|Date$/.test(f.key) ? { numFmt: '@' } : {},
  }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'top' };
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
  const rows: TemplateRow[] = [...(opts.withExample === false ? [] : [Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, f.example]))]), ...extraRows];
  for (const r of rows) ws.addRow(IMPORT_FIELDS.map((f) => r[f.key] ?? ''));

  const help = wb.addWorksheet('Objaśnienia');
  help.columns = [
    { header: 'Kolumna', key: 'header', width: 32 },
    { header: 'Wymagana', key: 'required', width: 12 },
    { header: 'Dotyczy', key: 'level', width: 16 },
    { header: 'Co wpisać', key: 'help', width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  const LEVEL = { family: 'rodziny', member: 'osoby', case: 'sprawy' } as const;
  for (const f of IMPORT_FIELDS) {
    const row = help.addRow({ header: f.header, required: f.required ? 'tak' : 'nie', level: LEVEL[f.level], help: f.help });
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  help.addRow([]);
  const notes = [
    'Jeden wiersz to jedna osoba. Osoby z tym samym kluczem rodziny tworzą jedną rodzinę; dane rodziny i sprawy wystarczy wpisać w pierwszym wierszu rodziny (mogą być też scalone komórki).',
    'Przykładowy wiersz w arkuszu „Rodziny” usuń albo zastąp własnymi danymi — inaczej zostanie zaimportowany jak każdy inny.',
    'Przed zapisem Asysta pokazuje podgląd: każdy wiersz ze statusem (poprawny, z ostrzeżeniem, z błędem) i powodem. Błąd wstrzymuje tylko rodzinę, której dotyczy.',
    `Jeden import przyjmuje ${IMPORT_LIMITS_TEXT}. Plik może być chroniony hasłem — Asysta o nie zapyta. Pliki CSV: kodowanie UTF-8, separator średnik albo przecinek.`,
    'Sprawa wchodzi do programu na etapie, który uzasadniają daty: przydzielenie asystenta — „Asystent przydzielony”, zgoda rodziny albo postanowienie sądu — „Zgoda na współpracę” („Kontakt i zgoda rodziny” w sprawach „Za życiem”). Terminy (ocena wstępna, ocena okresowa co 6 miesięcy) liczą się od tych dat.',
  ];
  for (const n of notes) {
    const row = help.addRow(['', '', '', n]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
