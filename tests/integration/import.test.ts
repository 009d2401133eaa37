/**
 * Import from spreadsheets (issue 16) on a real encrypted database, through the IPC contract
 * (dispatcher): the head picks a file (a path), sees every row with its status and reasons, and
 * imports the chosen families in one transaction; each case enters the lifecycle at the state its
 * dates justify; the rules are the family form's and the case screens' own. Sheets are built with
 * exceljs (and CSV by hand) the way an office's register looks, including the bad ones.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { IMPORT_FIELDS } from '../../shared/import/fields';
import { tempDir } from '../helpers';
import { familyRows, HEADERS, save, templateWith } from './importFixtures';
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
    const kinds = JSON.stringify(due);
    expect(kinds).toMatch(/ocen/i);

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
