/**
 * Import from spreadsheets (issue 16) on a real encrypted database, through the IPC contract
 * (dispatcher): the head picks a file (a path), sees every row with its status and reasons, and
 * imports the chosen families in one transaction; each case enters the lifecycle at the state its
 * dates justify; the rules are the family form's and the case screens' own. Sheets are built with
 * exceljs (and CSV by hand) the way an office's register looks, including the bad ones.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { IMPORT_FIELDS } from '../../shared/import/fields';
import { ADMIN, tempDir } from '../helpers';
import officeCrypto from 'officecrypto-tool';
import { encrypt, familyRows, HEADERS, inOrder, pesel, rawWorkbook, save, templateWith } from './importFixtures';
import { useStaffedOffice, type StaffedOffice } from './registryFixtures';

let o: StaffedOffice;
useStaffedOffice((x) => (o = x));
let dir: string;
beforeEach(() => {
  dir = tempDir('asysta-import-src-');
});

type Preview = ChannelOutput<'import:preview'>;

async function preview(path: string, extra: { password?: string; mapping?: Record<string, number | null> } = {}): Promise<Preview> {
  return o.admin.ok('import:preview', { path, ...extra });
}

const familiesCount = async () => (await o.admin.ok('families:list', { query: '', page: 1, pageSize: 200 })).total;
const reasonsOf = (p: Preview, row: number) => p.rows.find((r) => r.row === row)?.reasons.map((r) => r.message).join(' | ') ?? '';

describe('the template', () => {
  it('has the Polish headers, one example row and a second sheet explaining each column', async () => {
    const t = await o.admin.ok('import:template', {});
    expect(t.fileName).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(t.base64, 'base64') as unknown as ArrayBuffer);
    const [data, help] = wb.worksheets;
    expect((data!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(data!.actualRowCount).toBe(2);
    expect(data!.getRow(2).getCell(HEADERS.indexOf('PESEL') + 1).value).toBe('85031512344');
    expect(help!.name).toBe('Objaśnienia');
    const explained = new Set<string>();
    help!.eachRow((r) => explained.add(String(r.getCell(1).value)));
    for (const f of IMPORT_FIELDS) expect(explained).toContain(f.header);
  });

  it('the example row itself imports: a family with a case at its referral', async () => {
    const t = await o.admin.ok('import:template', {});
    const p = await preview(save(dir, 'wzor.xlsx', Buffer.from(t.base64, 'base64')));
    expect(p.missingFields).toEqual([]);
    // The referral of 10.01.2026 stays a referral: the environmental interview is overdue now.
    expect(p.counts.rows).toEqual({ ok: 0, warning: 1, error: 0 });
    expect(reasonsOf(p, 2)).toMatch(/Termin przeprowadzenia rodzinnego wywiadu środowiskowego minął 29\.01\.2026/);
    expect(p.families[0]).toMatchObject({ key: 'R1', status: 'warning', caseStateLabel: 'Zgłoszenie' });
  });
});

describe('preview and import of three families (template shape)', () => {
  it('shows each row with its status, then imports the chosen families at the state their dates justify', async () => {
    const rows = [
      // Assigned on 2.03.2026, consent 9.03.2026: "Zgoda na współpracę"; no assessment for over six months.
      ...familyRows('R1', 'Kowalczyk', { track: 'wspieranie rodziny', learnedOn: '10.02.2026', assistant: 'asliwinska', assignedOn: '02.03.2026', consentOn: '09.03.2026' }),
      // Assigned (by full name) but no consent yet: "Asystent przydzielony".
      ...familyRows('R2', 'Zając', { track: 'wspieranie rodziny', assistant: 'Paweł Górecki', assignedOn: '2026-10-01' }),
      // Za życiem, pregnant mother (ZZ1) with the pregnancy document and consent.
      ...familyRows('R3', 'Mazur', { track: 'Za życiem', zzCategory: 'ZZ1', pregnancyDocument: 'tak', learnedOn: '03.11.2026', assistant: 'asliwinska', assignedOn: '04.11.2026', consentOn: '06.11.2026' }),
    ];
    const path = save(dir, 'rejestr.xlsx', await templateWith(rows));
    const before = createHash('sha256').update(readFileSync(path)).digest('hex');
    const p = await preview(path);
    expect(p.sha256).toBe(before);
    expect(p.mappingSource).toBe('detected');
    expect(p.counts.rows).toEqual({ ok: 6, warning: 0, error: 0 });
    expect(p.families.map((f) => [f.key, f.status, f.caseStateLabel])).toEqual([
      ['R1', 'ok', 'Zgoda na współpracę'],
      ['R2', 'ok', 'Asystent przydzielony'],
      ['R3', 'ok', 'Kontakt i zgoda rodziny'],
    ]);
    // The preview wrote nothing.
    expect(await familiesCount()).toBe(0);

    const r = await o.admin.ok('import:run', { previewId: p.previewId, familyKeys: ['R1', 'R2', 'R3'] });
    expect(r).toMatchObject({ written: true, families: 3, members: 6, cases: 3, errors: [] });
    expect(await familiesCount()).toBe(3);

    const r1 = await o.admin.ok('families:get', { id: r.imported.find((x) => x.key === 'R1')!.familyId });
    expect(r1.members.map((m) => [m.firstName, m.isChild])).toEqual([
      ['Maria', false],
      ['Kacper', true],
    ]);
    const c1 = await o.admin.ok('cases:get', { id: r1.cases[0]!.id });
    expect(c1).toMatchObject({ state: 'ZGODA', assistantId: o.team.ar.id, assignedOn: '2026-03-02', consentOn: '2026-03-09', learnedOn: '2026-02-10' });
    // The earlier steps are in the history, marked as recorded by the import.
    expect(c1.history.map((h) => h.action).reverse()).toEqual(['intake', 'recordInterview', 'recordAnalysis', 'submitRequest', 'assign', 'recordConsent']);

    // The deadlines engine shows what is due now: no assessment for over six months.
    const due = await o.team.ar.s.ok('deadlines:mine', {});
    const periodic = due.overdue.find((d) => d.caseId === c1.id && d.kind === 'PERIODIC_ASSESSMENT_DUE');
    expect(periodic).toMatchObject({ dueDate: '2026-09-02', status: 'overdue', source: 'law' });
    expect(due.overdue.find((d) => d.caseId === c1.id && d.kind === 'INITIAL_ASSESSMENT_DUE')).toMatchObject({ dueDate: '2026-04-08' });

    // Every imported row audited as `import` with the file's SHA-256 only.
    const audit = await o.admin.ok('audit:list', { action: 'import', page: 1, pageSize: 50 });
    expect(audit.total).toBe(6);
    for (const e of audit.items) expect(e.details).toEqual({ sha256: before });
    const all = JSON.stringify((await o.admin.ok('audit:list', { page: 1, pageSize: 200 })).items);
    expect(all).not.toContain('rejestr.xlsx');
    expect(all).not.toContain('Kowalczyk');

    // The source file is untouched and nothing was written beside it.
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(before);
    expect(readdirSync(dir)).toEqual(['rejestr.xlsx']);
  });
});

describe('bad input: a clear Polish error and nothing written', () => {
  async function refused(path: string, pattern: RegExp, code = 'VALIDATION', password?: string) {
    const r = await o.admin.call('import:preview', { path, ...(password ? { password } : {}) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(pattern);
    }
    expect(await familiesCount()).toBe(0);
  }

  it('not a spreadsheet, an old .xls, a missing file, an empty sheet, a header without rows', async () => {
    await refused(save(dir, 'skan.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 0)])), /To nie jest arkusz kalkulacyjny/);
    await refused(save(dir, 'dokument.xlsx', Buffer.from('PK\u0003\u0004 not really a zip', 'latin1')), /To nie jest arkusz kalkulacyjny/);
    const cfb = Buffer.alloc(1024);
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(cfb);
    await refused(save(dir, 'stary.xls', cfb), /Excel 97–2003 \(\.xls\)/);
    await refused(save(dir, 'brak.txt', ''), /Plik jest pusty/);
    await refused(`${dir}/nie-ma-takiego.xlsx`, /Nie znaleziono pliku/);
    await refused(save(dir, 'pusty.xlsx', await rawWorkbook([])), /Arkusz jest pusty/);
    await refused(save(dir, 'naglowki.xlsx', await rawWorkbook([HEADERS])), /tylko wiersz nagłówków/);
    await refused(save(dir, 'cp1250.csv', Buffer.from([0x4b, 0x6c, 0x75, 0x63, 0x7a, 0x3b, 0xb3, 0xf3, 0x64, 0xbc, 0x0a])), /kodowaniu UTF-8/);
  });

  it('a sheet above the stated limit (50,000 rows) is refused before it is read in full', async () => {
    // Three columns are enough: the limit counts rows, before any column is read.
    const rows: string[][] = [['Klucz rodziny', 'Imię', 'Nazwisko']];
    for (let i = 0; i < 50_000; i++) rows.push([`R${i}`, 'Anna', 'Nowak']);
    await refused(save(dir, 'duzy.xlsx', await rawWorkbook(rows)), /więcej niż 5000 wierszy.*najwyżej 5000 wierszy/);
    const r = inOrder(familyRows('R1', 'Nowak')[0]!);
    const csv = [HEADERS.join(';'), ...Array.from({ length: 6000 }, () => r.join(';'))].join('\n');
    await refused(save(dir, 'duzy.csv', csv), /więcej niż 5000 wierszy/);
  }, 120_000);

  it('a password-protected workbook: asks for the password, refuses a wrong one, reads it with the right one', async () => {
    const path = save(dir, 'haslo.xlsx', encrypt(await templateWith(familyRows('R1', 'Nowak')), 'Tajne-2026'));
    await refused(path, /chroniony hasłem/, 'FILE_PASSWORD_REQUIRED');
    await refused(path, /nieprawidłowe/, 'FILE_WRONG_PASSWORD', 'zle-haslo');
    const p = await preview(path, { password: 'Tajne-2026' });
    expect(p).toMatchObject({ encrypted: true, format: 'xlsx' });
    expect(p.counts.rows).toEqual({ ok: 2, warning: 0, error: 0 });
    // The import audit names the encrypted file by its hash, never its content.
    expect(p.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
  });
});

describe('what sheets really contain', () => {
  it('formulas give their values, merged cells their top-left value, dates as text, serials and date cells, PESEL that lost its zero', async () => {
    const col = (h: string) => HEADERS.indexOf(h);
    const row = (vals: Record<string, ExcelJS.CellValue>) => {
      const r: ExcelJS.CellValue[] = HEADERS.map(() => null);
      for (const [h, v] of Object.entries(vals)) r[col(h)] = v;
      return r;
    };
    const lostZero = pesel('2003-07-08'); // 0327…: stored as a number it loses the leading zero
    expect(lostZero.startsWith('0')).toBe(true);
    const buf = await rawWorkbook(
      [
        HEADERS,
        row({ 'Klucz rodziny': 'R1', Adres: 'ul. Długa 5', Miejscowość: { formula: '"Gręb"&"ocin"', result: 'Grębocin' }, Imię: 'Ewa', Nazwisko: 'Król', 'Data urodzenia': '05.03.1989', 'Rola w rodzinie': 'matka' }),
        row({ 'Klucz rodziny': null, Imię: 'Olaf', Nazwisko: 'Król', 'Data urodzenia': '2019-03-05', 'Rola w rodzinie': 'syn' }),
        row({ 'Klucz rodziny': 'R1', Imię: 'Iga', Nazwisko: 'Król', 'Data urodzenia': 43529, 'Rola w rodzinie': 'córka' }),
        row({ 'Klucz rodziny': 'R1', Imię: 'Jan', Nazwisko: 'Król', PESEL: Number(lostZero), 'Rola w rodzinie': 'syn' }),
        row({ 'Klucz rodziny': 'R1', Imię: 'Ola', Nazwisko: 'Król', 'Data urodzenia': new Date(Date.UTC(2021, 0, 31)), 'Rola w rodzinie': 'córka' }),
      ],
      (ws) => {
        // The family's address and place merged down its rows, as registers often are.
        ws.mergeCells(2, col('Adres') + 1, 6, col('Adres') + 1);
        ws.getCell(6, col('Data urodzenia') + 1).numFmt = 'dd.mm.yyyy';
      },
    );
    const p = await preview(save(dir, 'scalone.xlsx', buf));
    expect(p.families).toHaveLength(1);
    expect(p.families[0]).toMatchObject({ key: 'R1', members: 5, status: 'warning' });
    expect(reasonsOf(p, 5)).toContain(`stracił zero na początku — przywrócono ${lostZero}`);
    const r = await o.admin.ok('import:run', { previewId: p.previewId, familyKeys: ['R1'] });
    expect(r.written).toBe(true);
    const f = await o.admin.ok('families:get', { id: r.imported[0]!.familyId });
    expect(f).toMatchObject({ address: 'ul. Długa 5', place: 'Grębocin' });
    expect(f.members.map((m) => m.birthDate)).toEqual(['1989-03-05', '2019-03-05', '2019-03-05', '2003-07-08', '2021-01-31']);
    const revealed = await o.admin.ok('sensitive:reveal', { field: 'pesel', familyId: f.id, memberId: f.members[3]!.id });
    expect(JSON.stringify(revealed)).toContain(lostZero);
  });

  it('CSV: UTF-8 with BOM and semicolons, or commas without BOM; cells starting with = + - @ are stored as text', async () => {
    const rows = familyRows('R1', 'Wiśniewska', { track: '' }, { mother: { address: '=1+1', familyPhone: '+48 600 100 200', phone: '@telefon' }, child: { phone: '-' } });
    const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const comma = [HEADERS.map(quote).join(','), ...familyRows('R2', 'Lewandowska').map((r) => inOrder(r).map(quote).join(','))].join('\n');
    const p2 = await preview(save(dir, 'rejestr2.csv', comma));
    expect(p2).toMatchObject({ format: 'csv', delimiter: ',' });
    expect(p2.counts.rows).toEqual({ ok: 2, warning: 0, error: 0 });
    const semi = '\ufeff' + [HEADERS.join(';'), ...rows.map((r) => inOrder(r).join(';'))].join('\r\n');
    const p1 = await preview(save(dir, 'rejestr.csv', semi));
    expect(p1).toMatchObject({ format: 'csv', delimiter: ';' });
    expect(p1.counts.rows.error).toBe(0);
    // Only the latest preview of the session can be imported.
    expect((await o.admin.call('import:run', { previewId: p2.previewId, familyKeys: ['R2'] })).ok).toBe(false);
    const r = await o.admin.ok('import:run', { previewId: p1.previewId, familyKeys: ['R1'] });
    const f = await o.admin.ok('families:get', { id: r.imported[0]!.familyId });
    expect(f.address).toBe('=1+1');
    expect(f.phone).toBe('+48 600 100 200');
    expect(f.members.map((m) => m.phone)).toEqual(['@telefon', '-']);
  });
});

describe('the family form\'s rules, row by row (errors block only their family)', () => {
  it('checksum, missing surname, future date, unknown assistant, duplicates, PESEL vs sheet, the caseload limit', async () => {
    // A person already in Asysta (by PESEL) and another by name and birth date.
    const known = pesel('1988-01-02');
    await o.admin.ok('families:create', {
      address: 'ul. Stara 1', place: 'Grębocin', gmina: 'Lubicz',
      members: [
        { firstName: 'Irena', lastName: 'Duda', pesel: known, isChild: false, relation: 'matka' },
        { firstName: 'Piotr', lastName: 'Duda', birthDate: '2012-12-12', isChild: true, relation: 'syn' },
      ],
    });
    const good = pesel('1990-10-10');
    const badChecksum = good.slice(0, 10) + String((Number(good[10]) + 1) % 10);
    // pgorecki has a personal limit of 12: 11 families fit (with R2), the 13th is over the limit.
    const gorecki = Array.from({ length: 11 }, (_, i) => familyRows(`G${i + 1}`, `Górecka${i}`, { track: 'wspieranie rodziny', assistant: 'pgorecki', assignedOn: '01.06.2026', consentOn: '05.06.2026' })).flat();
    const rows = [
      ...familyRows('E1', 'Bąk', {}, { mother: { pesel: badChecksum } }),
      ...familyRows('E2', '', {}),
      ...familyRows('E3', 'Cieślak', { track: 'wspieranie rodziny', assistant: 'asliwinska', assignedOn: '01.12.2030' }),
      ...familyRows('E4', 'Dąbek', { track: 'wspieranie rodziny', assistant: 'nieznany', assignedOn: '01.06.2026' }),
      ...familyRows('E5', 'Duda', {}, { mother: { firstName: 'Irena', lastName: 'Duda', pesel: known } }),
      ...familyRows('W1', 'Duda', {}, { child: { firstName: 'Piotr', lastName: 'Duda', pesel: '', birthDate: '12.12.2012' } }),
      ...familyRows('W2', 'Sowa', {}, { mother: { pesel: good, birthDate: '11.10.1990', sex: 'M' } }),
      ...gorecki,
      ...familyRows('G12', 'Ostatnia', { track: 'wspieranie rodziny', assistant: 'pgorecki', assignedOn: '01.06.2026' }),
      ...familyRows('G13', 'Ponad', { track: 'wspieranie rodziny', assistant: 'pgorecki', assignedOn: '01.06.2026' }),
    ];
    const p = await preview(save(dir, 'bledy.xlsx', await templateWith(rows)));
    const fam = (k: string) => p.families.find((f) => f.key === k)!;
    const firstRow = (k: string) => fam(k).rows[0]!;
    expect(fam('E1').status).toBe('error');
    expect(reasonsOf(p, firstRow('E1'))).toMatch(/cyfra kontrolna się nie zgadza/);
    // The child's row is blocked by its family's error, and says so.
    expect(reasonsOf(p, fam('E1').rows[1]!)).toMatch(/nie zostanie zaimportowana z powodu błędów w wierszu/);
    expect(reasonsOf(p, firstRow('E2'))).toMatch(/Nazwisko: pole jest wymagane/);
    expect(reasonsOf(p, firstRow('E3'))).toMatch(/Data przydzielenia asystenta: 01\.12\.2030 r\. jest późniejsza niż dzisiejsza/);
    expect(reasonsOf(p, firstRow('E4'))).toMatch(/nie ma aktywnego asystenta „nieznany”/);
    expect(fam('E5').status).toBe('error');
    expect(reasonsOf(p, firstRow('E5'))).toMatch(/PESEL/);
    expect(fam('W1').status).toBe('warning');
    expect(reasonsOf(p, fam('W1').rows[1]!)).toMatch(/Piotr Duda/);
    expect(fam('W2').status).toBe('warning');
    expect(reasonsOf(p, firstRow('W2'))).toMatch(/różni się od daty zapisanej w numerze PESEL/);
    expect(reasonsOf(p, firstRow('W2'))).toMatch(/Płeć w arkuszu \(M\) nie zgadza się/);
    expect(fam('G12')).toMatchObject({ status: 'ok', caseStateLabel: 'Asystent przydzielony' });
    expect(fam('G13')).toMatchObject({ status: 'warning', caseStateLabel: 'Wniosek o asystenta — czeka na decyzję kierownika' });
    expect(reasonsOf(p, firstRow('G13'))).toMatch(/limit to 12.*kierownik zdecyduje na ekranie „Decyzje”/);
    expect(p.counts.families).toEqual({ ok: 12, warning: 3, error: 5 });

    // All chosen families or none: with an erroneous one chosen, nothing is written.
    const none = await o.admin.ok('import:run', { previewId: p.previewId, familyKeys: ['W2', 'E1'] });
    expect(none).toMatchObject({ written: false, families: 1 });
    expect(none.errors.length).toBeGreaterThan(0);
    expect(await familiesCount()).toBe(1);
    const ok = p.families.filter((f) => f.status !== 'error').map((f) => f.key);
    const r = await o.admin.ok('import:run', { previewId: p.previewId, familyKeys: ok });
    expect(r).toMatchObject({ written: true, families: 15, cases: 13 });
    expect(await familiesCount()).toBe(16);
    const screen = await o.admin.ok('cases:decisionScreen', {});
    expect(screen.assistants.find((a) => a.id === o.team.ar2.id)).toMatchObject({ count: 12, limit: 12 });
    expect(screen.awaiting).toHaveLength(1);
  });

  it('a social worker may not import', async () => {
    const path = save(dir, 'r.xlsx', await templateWith(familyRows('R1', 'Nowak')));
    const r = await o.team.ps.s.call('import:preview', { path });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
  });
});

describe('column mapping and the preview file', () => {
  it('a sheet from another system: map the columns, and the mapping is remembered for the next import', async () => {
    const other = ['Nr rodziny w rejestrze', 'Ulica', 'Miasto', 'Imię osoby', 'Nazwisko osoby', 'Pesel osoby', 'Kim jest'];
    const data = [
      other,
      ['A-1', 'ul. Ogrodowa 2', 'Grębocin', 'Jolanta', 'Pawlak', pesel('1980-02-02'), 'matka'],
      ['A-1', '', '', 'Szymon', 'Pawlak', pesel('2014-04-04', 'M'), 'syn'],
    ];
    const path = save(dir, 'inny.xlsx', await rawWorkbook(data));
    const first = await preview(path);
    expect(first.missingFields).toEqual(['familyKey', 'role']);
    expect(first.rows).toEqual([]);
    expect(first.headers.map((h) => h.header)).toEqual(other);
    const mapping = { familyKey: 0, address: 1, place: 2, firstName: 3, lastName: 4, pesel: 5, role: 6 };
    const mapped = await preview(path, { mapping });
    expect(mapped.mappingSource).toBe('given');
    expect(mapped.counts.rows).toEqual({ ok: 2, warning: 0, error: 0 });
    await o.admin.ok('import:run', { previewId: mapped.previewId, familyKeys: ['A-1'] });

    const next = save(dir, 'inny2.xlsx', await rawWorkbook([other, ['A-2', 'ul. Krótka 1', 'Grębocin', 'Alicja', 'Nowicka', pesel('1979-09-09'), 'matka']]));
    const again = await preview(next);
    expect(again.mappingSource).toBe('remembered');
    expect(again.missingFields).toEqual([]);
    expect(again.mapping).toMatchObject(mapping);
  });

  it('downloads the preview with reasons as a password-protected .xlsx', async () => {
    const rows = [...familyRows('R1', 'Nowak'), ...familyRows('R2', 'Bąk', {}, { mother: { lastName: '' } })];
    const p = await preview(save(dir, 'r.xlsx', await templateWith(rows)));
    const weak = await o.admin.call('import:previewExport', { previewId: p.previewId, password: 'krótkie' });
    expect(weak.ok).toBe(false);
    const x = await o.admin.ok('import:previewExport', { previewId: p.previewId, password: 'Podglad-2026' });
    const file = Buffer.from(x.base64, 'base64');
    expect(officeCrypto.isEncrypted(file)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await officeCrypto.decrypt(file, { password: 'Podglad-2026' })) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Wiersz', 'Status', 'Powody']);
    expect(ws.getRow(2).getCell(2).value).toBe('poprawny');
    expect(String(ws.getRow(4).getCell(3).value)).toMatch(/Nazwisko: pole jest wymagane/);
    const audit = await o.admin.ok('audit:list', { action: 'import.preview_export', page: 1, pageSize: 5 });
    expect(audit.items[0]!.details).toMatchObject({ sha256: p.sha256, encrypted: true });
  });
});

describe('npm run import', () => {
  const root = resolve(__dirname, '../..');
  function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'db/cli/import.ts'), ...args], { cwd: root, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    return new Promise((ok) => child.on('exit', (code) => ok({ code, stdout, stderr })));
  }

  it('writes the template; a dry run prints the summary and writes nothing; errors exit non-zero; then imports', async () => {
    const template = join(dir, 'wzor.xlsx');
    expect((await cli(['--template', template])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(template) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Rodziny', 'Objaśnienia']);

    await o.app.close();
    const base = ['--data-dir', o.dir, '--password', ADMIN.password];
    const good = [
      ...familyRows('R1', 'Kowalczyk', { track: 'wspieranie rodziny', learnedOn: '10.02.2024', assistant: 'asliwinska', assignedOn: '02.03.2024', consentOn: '09.03.2024' }),
      ...familyRows('R2', 'Zając'),
    ];
    const file = save(dir, 'rejestr.xlsx', encrypt(await templateWith(good), 'Plik-2026'));
    const dry = await cli([...base, '--file', file, '--file-password', 'Plik-2026', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ families: 2, members: 4, cases: 1, warnings: [], errors: [], written: false });

    const bad = save(dir, 'bledy.xlsx', await templateWith([...good, ...familyRows('R3', '')]));
    const refused = await cli([...base, '--file', bad]);
    expect(refused.code).toBe(1);
    const summary = JSON.parse(refused.stdout) as { written: boolean; errors: Array<{ row: number; family: string; message: string }> };
    expect(summary.written).toBe(false);
    expect(summary.errors[0]).toMatchObject({ row: 6, family: 'R3', message: 'Nazwisko: pole jest wymagane.' });

    const run = await cli([...base, '--file', file, '--file-password', 'Plik-2026']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ families: 2, members: 4, cases: 1, written: true });
    const wrong = await cli([...base, '--file', file]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/chroniony hasłem/);
  }, 120_000);
});
