/**
 * Reports (issue 7) on a real encrypted database: a dataset built through the contract (the same
 * calls the screens make, with dates in the past), the half-year figures checked against counts
 * worked out by hand below, the drill-down list and its audit entry (ids only), the head-only
 * access, exports logged (XLSX read back; the password-protected list cannot be read without the
 * password; CSV with BOM and semicolons), the PDF through the print engine, the settings, and the
 * `npm run report` CLI as a child process.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx, isEncryptedXlsx } from '../../db/reports/xlsx';
import { ChromiumPdfEngine, chromiumPath } from '../../db/print/pdf';
import type { ChannelInput } from '../../shared/ipc/contract';
import { closureFigureId } from '../../shared/reports/annual';
import { ASSESSMENT_AREAS } from '../../shared/rules/index';
import { ADMIN, failure, removeDir, setUpOffice, tempDir, testApp, type TestApp, type TestSession } from '../helpers';
import { family, PASSWORD, staff } from './registryFixtures';
import { devResources } from '../../build/dev-resources';

const root = resolve(__dirname, '../..');
let dir: string;
let app: TestApp;
let admin: TestSession;
let team: Awaited<ReturnType<typeof staff>>;
const ids: Record<string, { familyId: string; caseId: string; caseNumber: string }> = {};

function areas(): ChannelInput<'assessments:create'>['areas'] {
  const a: Record<string, unknown> = {};
  ASSESSMENT_AREAS.forEach((x) => (a[x.code] = { rating: -1, justification: `Uzasadnienie ${x.label}` }));
  return a as ChannelInput<'assessments:create'>['areas'];
}

async function version(caseId: string) {
  return (await admin.ok('cases:get', { id: caseId })).version;
}

/** Intake -> RWŚ -> analysis -> request -> assignment -> consent (or the court order), on the given dates. */
async function opened(
  key: string,
  o: {
    learnedOn: string;
    assignOn: string;
    consentOn: string;
    court?: boolean;
    source?: 'social-worker' | 'child-in-foster-care';
    assistant?: 'ar' | 'ar2';
    over?: Partial<ChannelInput<'families:create'>>;
  },
) {
  const ps = team.ps.s;
  const f = (await ps.ok('families:create', family(key, o.over ?? {}))).family;
  const courtOrder = o.court ? { court: 'Sąd Rejonowy w Toruniu', caseRef: `III Nsm ${key}/26`, date: o.consentOn } : null;
  let c = (await ps.ok('cases:intake', { familyId: f.id, source: o.court ? 'court-order' : (o.source ?? 'social-worker'), learnedOn: o.learnedOn, urgent: false, courtOrder })).case;
  c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordInterview', interviewOn: o.learnedOn } })).case;
  c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordAnalysis', analysisOn: o.learnedOn, careDifficultiesFound: true } })).case;
  c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'submitRequest', analysis: 'Matka nie radzi sobie z organizacją opieki nad dziećmi.', requestOn: o.learnedOn, justification: 'Trudności opiekuńczo-wychowawcze.' } })).case;
  const assistant = team[o.assistant ?? 'ar'];
  c = (await admin.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'assign', assistantId: assistant.id, decidedOn: o.assignOn } })).case;
  const basis = o.court
    ? { kind: 'court-order' as const, court: 'Sąd Rejonowy w Toruniu', caseRef: `III Nsm ${key}/26`, date: o.consentOn }
    : { kind: 'written-consent' as const, consentOn: o.consentOn };
  c = (await assistant.s.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordConsent', basis } })).case;
  ids[key] = { familyId: f.id, caseId: c.id, caseNumber: c.caseNumber };
  return c;
}

/** Initial and final assessment, then closure by the head on `on` with `reason`. */
async function closed(key: string, initialOn: string, on: string, reason: ChannelInput<'closure:close'>['reason']) {
  const { caseId } = ids[key]!;
  const c = await admin.ok('cases:get', { id: caseId });
  const ar = c.assistantId === team.ar2.id ? team.ar2.s : team.ar.s;
  const base = { caseId, areas: areas(), strengths: 'Rodzina dba o dzieci.', familyView: 'Chce współpracować.' };
  await ar.ok('assessments:create', { ...base, kind: 'initial', assessedOn: initialOn, recommendation: 'continue' });
  await ar.ok('assessments:create', {
    ...base,
    kind: 'final',
    assessedOn: on,
    recommendation: 'close',
    recommendationNote: 'Praca z rodziną zakończona.',
    monitoringPlan: 'Monitoring przez 3 miesiące: kontakt telefoniczny co dwa tygodnie.',
  });
  return admin.ok('closure:close', { caseId, version: await version(caseId), on, reason, ...(c.source === 'court-order' ? { courtInformedOn: on } : {}) });
}

/**
 * 2026-H1 = 1.01–30.06.2026 (today in the tests: 22.11.2026). By hand, with the default conventions:
 *   Nowak      assigned 20.09.2025, open; a child in foster care since 1.02.2026; a supporting family
 *              established 1.03.2026 (reimbursed 200,00 zł on 10.04 and 50,00 zł on 10.08)
 *                                                   -> supported (from before), foster family
 *   Lewandowska court order 5.01.2026, assigned 2.02.2026, closed 20.05.2026 (SAD)
 *                                                   -> supported, new, court-ordered, ended "other", up to 12 m.
 *   Zielińska  assigned 15.10.2025, closed 31.03.2026 by resignation (REZYGNACJA)
 *                                                   -> supported, ended, of which resigned, up to 12 m.
 *   Kaczmarek  assigned 3.03.2025, closed 15.12.2025 (CEL)  -> not supported in 2026-H1 (closed before)
 *   Mazur      Za życiem, assigned 3.04.2026, consent 5.04.2026, open (Górecki)
 *                                                   -> supported, new, Za życiem
 *   Wójcik     assigned 3.08.2026                    -> not in 2026-H1; new in 2026-H2
 *   Krawczyk   put on the waiting list 15.05.2026    -> waiting on 30.06.2026
 * Supported 4 (Nowak, Lewandowska, Zielińska, Mazur), of which new 2, court 1, foster 1, Za życiem 1;
 * children 4 × 2 = 8 (1 in foster care); ended 2: other 1 (SAD), noncooperation 1, resigned 1;
 * duration up to 12 months 2; waiting 1; assistants 2 (1 on employment contract with task-based
 * time, 1 on a service contract); 1 supporting family, established in the period, 200,00 zł.
 */
beforeAll(async () => {
  dir = tempDir();
  app = testApp(dir);
  ({ admin } = await setUpOffice(app));
  team = await staff(app, admin);

  await opened('Nowak', {
    learnedOn: '2025-09-01',
    assignOn: '2025-09-20',
    consentOn: '2025-09-25',
    over: {
      members: [
        { firstName: 'Anna', lastName: 'Nowak', birthDate: '1990-04-12', isChild: false, relation: 'matka', isHead: true },
        { firstName: 'Zuzanna', lastName: 'Nowak', birthDate: '2015-06-01', isChild: true, relation: 'córka', placement: { kind: 'foster-care', since: '2026-02-01' } },
        { firstName: 'Antoni', lastName: 'Nowak', birthDate: '2019-02-03', isChild: true, relation: 'syn' },
      ],
    },
  });
  await opened('Lewandowska', { learnedOn: '2026-01-10', assignOn: '2026-02-02', consentOn: '2026-01-05', court: true });
  await opened('Zielińska', { learnedOn: '2025-10-01', assignOn: '2025-10-15', consentOn: '2025-10-20' });
  await opened('Kaczmarek', { learnedOn: '2025-02-20', assignOn: '2025-03-03', consentOn: '2025-03-05' });
  await opened('Wójcik', { learnedOn: '2026-07-20', assignOn: '2026-08-03', consentOn: '2026-08-05' });
  await closed('Lewandowska', '2026-02-20', '2026-05-20', 'SAD');
  await closed('Zielińska', '2025-11-05', '2026-03-31', 'REZYGNACJA');
  await closed('Kaczmarek', '2025-04-01', '2025-12-15', 'CEL');

  // Za życiem (assistant Górecki).
  const ps = team.ps.s;
  const fm = (await ps.ok('families:create', family('Mazur'))).family;
  let z = (await ps.ok('zz:request', { familyId: fm.id, category: 'ZZ1', receivedOn: '2026-04-01', documents: { pregnancyDocument: true } })).case;
  z = (await ps.ok('zz:verify', { caseId: z.id, version: z.version, verifiedOn: '2026-04-02', category: 'ZZ1', documents: { pregnancyDocument: true } })).case;
  z = (await admin.ok('cases:transition', { caseId: z.id, version: z.version, payload: { action: 'assign', assistantId: team.ar2.id, decidedOn: '2026-04-03' } })).case;
  z = (await team.ar2.s.ok('cases:transition', { caseId: z.id, version: z.version, payload: { action: 'recordConsent', basis: { kind: 'written-consent', consentOn: '2026-04-05' } } })).case;
  ids.Mazur = { familyId: fm.id, caseId: z.id, caseNumber: z.caseNumber };

  // Waiting list.
  const fk = (await ps.ok('families:create', family('Krawczyk'))).family;
  let k = (await ps.ok('cases:intake', { familyId: fk.id, source: 'social-worker', learnedOn: '2026-05-01', urgent: false, courtOrder: null })).case;
  k = (await ps.ok('cases:transition', { caseId: k.id, version: k.version, payload: { action: 'recordInterview', interviewOn: '2026-05-05' } })).case;
  k = (await ps.ok('cases:transition', { caseId: k.id, version: k.version, payload: { action: 'recordAnalysis', analysisOn: '2026-05-06', careDifficultiesFound: true } })).case;
  k = (await ps.ok('cases:transition', { caseId: k.id, version: k.version, payload: { action: 'submitRequest', analysis: 'Matka nie radzi sobie z organizacją opieki nad dziećmi.', requestOn: '2026-05-07', justification: 'Trudności.' } })).case;
  k = (await admin.ok('cases:transition', { caseId: k.id, version: k.version, payload: { action: 'waitlist', decidedOn: '2026-05-15' } })).case;
  ids.Krawczyk = { familyId: fk.id, caseId: k.id, caseNumber: k.caseNumber };

  // Supporting family of the Nowak family: established 1.03.2026, reimbursed in and after the period.
  const sf = await team.ar.s.ok('supporting:register', {
    caseId: ids.Nowak!.caseId,
    name: 'Rodzina Kwiatkowskich',
    address: 'ul. Lipowa 4',
    place: 'Grębocin',
    relationToChild: 'sąsiedzi',
    members: [{ firstName: 'Jan', lastName: 'Kwiatkowski', finalConvictionIntentionalCrime: false }],
    convictionStatementOn: '2026-02-20',
    headOpinion: { positive: true, on: '2026-02-25', interviewOn: '2026-02-18' },
  });
  const est = await admin.ok('supporting:establish', {
    id: sf.supportingFamily.id,
    version: sf.supportingFamily.version,
    act: { by: 'head-authorised', authorisation: 'Zarządzenie Wójta nr 5/2026', number: '1/2026', on: '2026-03-01' },
  });
  await admin.ok('supporting:setContract', { id: est.supportingFamily.id, version: est.supportingFamily.version, contract: { number: 'U/1/2026', on: '2026-03-01', totalLimitGr: 100000 } });
  await admin.ok('supporting:addReimbursement', { supportingFamilyId: est.supportingFamily.id, paidOn: '2026-04-10', amountGr: 20000, description: 'Dojazdy' });
  await admin.ok('supporting:addReimbursement', { supportingFamilyId: est.supportingFamily.id, paidOn: '2026-08-10', amountGr: 5000, description: 'Dojazdy' });

  // Forms of employment: from the staff register (kadra).
  await admin.ok('staff:update', { userId: team.ar.id, version: 0, fields: { salutation: 'Pani', employmentForm: 'employment-contract', taskBasedTime: true, fte: 1, employedFrom: '2025-01-01' } });
  await admin.ok('staff:update', { userId: team.ar2.id, version: 0, fields: { salutation: 'Pan', employmentForm: 'service-contract', employedFrom: '2025-01-01' } });
}, 120_000);

afterAll(async () => {
  await app.close();
  removeDir(dir);
});

const value = (r: { figures: Array<{ id: string; value: number }> }, id: string) => r.figures.find((f) => f.id === id)!.value;

describe('half-year figures from the database', () => {
  it('counts each figure as worked out by hand', async () => {
    const r = await admin.ok('reports:halfYear', { period: '2026-H1' });
    expect(r.period).toMatchObject({ from: '2026-01-01', to: '2026-06-30', dueOn: '2026-07-31' });
    const got = Object.fromEntries(r.figures.map((f) => [f.id, f.value]));
    expect(got).toMatchObject({
      assistants_total: 2,
      assistants_employment_contract: 1,
      assistants_task_based: 1,
      assistants_service_contract: 1,
      assistants_form_missing: 0,
      families_supported: 4,
      families_new: 2,
      families_court: 1,
      families_foster_care: 1,
      families_za_zyciem: 1,
      families_at_period_end: 2, // Nowak, Mazur (Lewandowska and Zielińska ended before 30.06)
      children_total: 8,
      children_foster_care: 1,
      ended_total: 2,
      ended_goals: 0,
      ended_noncooperation: 1,
      ended_resigned: 1,
      ended_moved: 0,
      ended_other: 1,
      duration_short: 2,
      duration_medium: 0,
      duration_long: 0,
      waiting: 1,
      supporting_families: 1,
      supporting_families_new: 1,
      families_helped_by_supporting: 1,
      reimbursements_families: 1,
      reimbursements_amount: 20000,
    });
    expect(r.figures.find((f) => f.id === 'reimbursements_amount')!.display).toBe('200,00');
    expect(r.figures.find((f) => f.id === 'families_supported')!.definition).toContain('choć jeden dzień wspólny z okresem');
    expect(r.conventionLines[0]).toContain('data przydzielenia asystenta');
  });

  it('the second half-year: the family assigned in August is new, the waiting family still waits', async () => {
    const r = await admin.ok('reports:halfYear', { period: '2026-H2' });
    expect(value(r, 'families_supported')).toBe(3); // Nowak, Mazur, Wójcik
    expect(value(r, 'families_new')).toBe(1);
    expect(value(r, 'ended_total')).toBe(0);
    expect(value(r, 'waiting')).toBe(1);
    expect(value(r, 'reimbursements_amount')).toBe(5000);
  });

  it('a counting convention changed by the head changes the figures and is audited', async () => {
    await admin.ok('reports:settingsSet', { conventions: { ...(await admin.ok('reports:settingsGet', {})).conventions, unit: 'case', countNoConsentClosures: true } });
    const r = await admin.ok('reports:halfYear', { period: '2026-H1' });
    expect(value(r, 'families_supported')).toBe(4);
    const s = await admin.ok('reports:settingsGet', {});
    expect(s.conventions.unit).toBe('case');
    expect(s.staff.find((x) => x.userId === team.ar.id)).toMatchObject({ form: 'employment-contract', taskBasedTime: true });
    await admin.ok('reports:settingsSet', { conventions: s.defaults });
    const log = await admin.ok('audit:list', { action: 'report.settings_update', page: 1, pageSize: 10 } as never);
    expect(JSON.stringify(log)).toContain('conventions.unit');
    const bad = await admin.call('reports:settingsSet', { conventions: { ...s.defaults, durationThresholdsMonths: [24, 12] } });
    expect(failure(bad).code).toBe('VALIDATION');
  });
});

describe('drill-down, access and exports', () => {
  it('the list behind a figure names the families; its opening is audited with ids only', async () => {
    const d = await admin.ok('reports:drilldown', { period: '2026-H1', figureId: 'ended_total' });
    expect(d.kind).toBe('families');
    expect(d.rows.map((x) => x.caseId).sort()).toEqual([ids.Lewandowska!.caseId, ids['Zielińska']!.caseId].sort());
    const z = d.rows.find((x) => x.caseId === ids['Zielińska']!.caseId)!;
    expect(z).toMatchObject({ caseNumber: ids['Zielińska']!.caseNumber, start: '2025-10-15', end: '2026-03-31', closureReason: 'Rezygnacja rodziny (wycofanie zgody)' });
    expect(z.familyLabel).toContain('Zielińska');
    const court = await admin.ok('reports:drilldown', { period: '2026-H1', figureId: 'families_court' });
    expect(court.rows.map((x) => x.caseId)).toEqual([ids.Lewandowska!.caseId]);
    const staffList = await admin.ok('reports:drilldown', { period: '2026-H1', figureId: 'assistants_service_contract' });
    expect(staffList.assistants.map((a) => a.fullName)).toEqual(['Paweł Górecki']);

    const row = app.sql
      .prepare(`SELECT details FROM audit_log WHERE action = 'report.drilldown' ORDER BY id DESC LIMIT 3`)
      .all() as Array<{ details: string }>;
    const ended = row.map((r) => JSON.parse(r.details) as { figureId: string; caseIds: string[] }).find((x) => x.figureId === 'ended_total')!;
    expect(ended.caseIds.sort()).toEqual([ids.Lewandowska!.caseId, ids['Zielińska']!.caseId].sort());
    for (const r of row) expect(r.details).not.toMatch(/Zieli|Lewandow|Polna|Grębocin/);
  });

  it('only the head: an assistant and a social worker get FORBIDDEN, recorded in the audit log', async () => {
    for (const s of [team.ar.s, team.ps.s]) {
      for (const [channel, input] of [
        ['reports:halfYear', { period: '2026-H1' }],
        ['reports:drilldown', { period: '2026-H1', figureId: 'families_supported' }],
        ['reports:export', { report: 'half-year', period: '2026-H1', format: 'csv' }],
        ['reports:settingsSet', { staff: [] }],
      ] as const) {
        const r = await s.call(channel as 'reports:halfYear', input as never);
        expect(failure(r).code, channel).toBe('FORBIDDEN');
      }
    }
    const n = (
      app.sql.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'access.forbidden' AND details LIKE '%reports:%'`).get() as { n: number }
    ).n;
    expect(n).toBeGreaterThanOrEqual(8);
  });

  it('XLSX and CSV of the figures; the list of families only with a password (or a confirmed CSV); every export logged', async () => {
    const x = await admin.ok('reports:export', { report: 'half-year', period: '2026-H1', format: 'xlsx' });
    expect(x).toMatchObject({ personal: false, encrypted: false, fileName: 'Sprawozdanie półroczne 2026-H1.xlsx' });
    const sheet = await readXlsx(Buffer.from(x.base64, 'base64'));
    const flat = sheet.map((r) => r.join('|'));
    expect(flat[0]).toContain('Sprawozdanie rzeczowo-finansowe');
    expect(flat.find((l) => l.startsWith('2|'))).toMatch(/^2\|Rodziny objęte wsparciem asystenta rodziny w okresie\|4\|/);
    expect(flat.find((l) => l.startsWith('4.2.1|'))).toMatch(/\|1\|/);
    expect(flat.find((l) => l.startsWith('7.4|'))).toMatch(/\|200\|/);

    const csv = Buffer.from((await admin.ok('reports:export', { report: 'half-year', period: '2026-H1', format: 'csv' })).base64, 'base64');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text).toContain('\r\n2;Rodziny objęte wsparciem asystenta rodziny w okresie;4;');
    expect(text).toContain('7.4;Kwota zwrotu kosztów rodzinom wspierającym (zł);200,00;');

    // A list of families: no XLSX without a password, no CSV without a confirmation.
    const noPass = await admin.call('reports:export', { report: 'drilldown', period: '2026-H1', figureId: 'families_supported', format: 'xlsx' });
    expect(failure(noPass).message).toContain('podaj hasło');
    const noConfirm = await admin.call('reports:export', { report: 'drilldown', period: '2026-H1', figureId: 'families_supported', format: 'csv' });
    expect(failure(noConfirm).code).toBe('VALIDATION');
    const short = await admin.call('reports:export', { report: 'drilldown', period: '2026-H1', figureId: 'families_supported', format: 'xlsx', password: 'krotkie' });
    expect(failure(short).code).toBe('VALIDATION');

    const enc = await admin.ok('reports:export', { report: 'drilldown', period: '2026-H1', figureId: 'families_supported', format: 'xlsx', password: 'Tajne-Haslo-2026' });
    expect(enc).toMatchObject({ personal: true, encrypted: true, rows: 4 });
    expect(enc.fileName).toBe('Lista rodzin 2026-H1 families_supported.xlsx');
    const file = Buffer.from(enc.base64, 'base64');
    expect(await isEncryptedXlsx(file)).toBe(true);
    await expect(readXlsx(file)).rejects.toThrow();
    await expect(readXlsx(file, 'zle-haslo-123')).rejects.toThrow(/password/i);
    const rows = (await readXlsx(file, 'Tajne-Haslo-2026')).map((r) => r.join('|'));
    expect(rows.some((r) => r.includes(ids.Nowak!.caseNumber) && r.includes('Nowak'))).toBe(true);
    expect(file.toString('latin1')).not.toContain('Nowak');

    const confirmed = await admin.ok('reports:export', { report: 'drilldown', period: '2026-H1', figureId: 'families_supported', format: 'csv', confirmPersonal: true });
    expect(Buffer.from(confirmed.base64, 'base64').toString('utf8')).toContain('Zielińska');

    const log = app.sql
      .prepare(`SELECT details FROM audit_log WHERE action = 'report.export' ORDER BY id`)
      .all() as Array<{ details: string }>;
    const entries = log.map((l) => JSON.parse(l.details) as Record<string, unknown>);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ report: 'half-year', format: 'xlsx', personal: false, encrypted: false }),
        expect.objectContaining({ report: 'half-year', format: 'csv' }),
        expect.objectContaining({ report: 'drilldown', figureId: 'families_supported', format: 'xlsx', personal: true, encrypted: true, rows: 4 }),
        expect.objectContaining({ report: 'drilldown', format: 'csv', personal: true, encrypted: false }),
      ]),
    );
    for (const l of log) expect(l.details).not.toMatch(/Tajne|Nowak|Zieli/);
  });

  it('PDF through the print engine: the half-year figures; a list of families only after confirmation', async () => {
    const h = await admin.ok('reports:html', { report: 'half-year', period: '2026-H1' });
    expect(h.fileName).toBe('Sprawozdanie półroczne 2026-H1.pdf');
    expect(h.html).toContain('Rodziny objęte wsparciem asystenta rodziny w okresie');
    expect(h.html).not.toContain('<script');
    const refused = await admin.call('reports:html', { report: 'drilldown', period: '2026-H1', figureId: 'ended_total' });
    expect(failure(refused).message).toContain('dane osobowe');
    const list = await admin.ok('reports:html', { report: 'drilldown', period: '2026-H1', figureId: 'ended_total', confirmPersonal: true });
    expect(list.personal).toBe(true);
    await admin.ok('reports:exported', { report: 'drilldown', period: '2026-H1', figureId: 'ended_total', pages: 1, target: 'pdf' });
    const pdfLog = app.sql.prepare(`SELECT details FROM audit_log WHERE action = 'report.export_pdf'`).get() as { details: string };
    expect(JSON.parse(pdfLog.details)).toMatchObject({ report: 'drilldown', figureId: 'ended_total', personal: true, pages: 1 });
    if (existsSync(chromiumPath())) {
      const engine = new ChromiumPdfEngine({ fontsFolder: devResources().fontsFolder });
      try {
        const pdf = await engine.render((await admin.ok('reports:html', { report: 'annual', period: '2026' })).html);
        expect(pdf.pages).toBeGreaterThanOrEqual(1);
        expect(pdf.pdf.subarray(0, 5).toString()).toBe('%PDF-');
      } finally {
        await engine.close();
      }
    }
  }, 60_000);

  it('annual report / dashboard: caseload against the limits, closures by reason, aggregated only', async () => {
    const a = await admin.ok('reports:annual', { period: '2026' });
    const sl = a.caseload.find((c) => c.assistantId === team.ar.id)!;
    expect(sl).toMatchObject({ count: 2, limit: 15 }); // Nowak, Wójcik
    expect(sl.monitoring).toBe(3); // Lewandowska, Zielińska, Kaczmarek: closed, monitoring not ended by the head
    expect(a.caseload.find((c) => c.assistantId === team.ar2.id)).toMatchObject({ count: 1, limit: 12 });
    expect(a.closuresByReason.map((c) => [c.code, c.cases])).toEqual([
      ['REZYGNACJA', 1],
      ['SAD', 1],
    ]);
    expect(a.familiesByState.find((s) => s.state === 'LISTA_OCZEKUJACYCH')?.families).toBe(1);
    expect(a.assessmentChange.find((x) => x.area === 'HOUSING')).toMatchObject({ cases: 2, meanChange: 0, same: 2 });
    expect(JSON.stringify(a)).not.toMatch(/Nowak|Zieli|Lewandow/);
  });
});

describe('figures that match the case data (issue 13 item 6)', () => {
  let zzBaran = '';
  beforeAll(async () => {
    // Baran: the daughter in foster care from 1.10.2025, back home on 10.03.2026 (recorded later).
    await opened('Baran', {
      learnedOn: '2025-10-05',
      assignOn: '2025-10-20',
      consentOn: '2025-10-22',
      over: {
        members: [
          { firstName: 'Halina', lastName: 'Baran', birthDate: '1988-03-03', isChild: false, relation: 'matka', isHead: true },
          { firstName: 'Zofia', lastName: 'Baran', birthDate: '2014-05-05', isChild: true, relation: 'córka', placement: { kind: 'foster-care', since: '2025-10-01', form: 'rodzina zastępcza spokrewniona', pcpr: 'PCPR w Toruniu' } },
        ],
      },
    });
    const card = await admin.ok('families:get', { id: ids.Baran!.familyId });
    await admin.ok('families:update', {
      id: card.id,
      version: card.version,
      address: card.address,
      postalCode: card.postalCode,
      place: card.place,
      gmina: card.gmina,
      area: card.area,
      phone: card.phone,
      members: card.members.map((m) => ({
        id: m.id,
        firstName: m.firstName,
        lastName: m.lastName,
        pesel: m.pesel,
        birthDate: m.pesel ? null : m.birthDate,
        isChild: m.isChild,
        relation: m.relation,
        isHead: m.isHead,
        placement: m.isChild ? { kind: 'home' as const, returnedOn: '2026-03-10' } : null,
      })),
    });
    // Baran on both tracks: a Za życiem case from 5.05.2026 (same family, counted once).
    const ps = team.ps.s;
    let z = (await ps.ok('zz:request', { familyId: ids.Baran!.familyId, category: 'ZZ1', receivedOn: '2026-05-01', documents: { pregnancyDocument: true } })).case;
    z = (await ps.ok('zz:verify', { caseId: z.id, version: z.version, verifiedOn: '2026-05-02', category: 'ZZ1', documents: { pregnancyDocument: true } })).case;
    z = (await admin.ok('cases:transition', { caseId: z.id, version: z.version, payload: { action: 'assign', assistantId: team.ar.id, decidedOn: '2026-05-05' } })).case;
    zzBaran = z.caseNumber;
    // Sikora: a case opened because a child is in foster care (S7), no placement recorded.
    await opened('Sikora', { learnedOn: '2026-02-01', assignOn: '2026-02-10', consentOn: '2026-02-12', source: 'child-in-foster-care', assistant: 'ar2' });
  });

  it('the placement history decides, never today\'s flag: Baran counts in 2026-H1 (back home in March), not in 2026-H2', async () => {
    const card = await admin.ok('families:get', { id: ids.Baran!.familyId });
    expect(card.members.find((m) => m.firstName === 'Zofia')!.placement).toMatchObject({ kind: 'home', returnedOn: '2026-03-10', history: [{ since: '2025-10-01', until: '2026-03-10' }] });
    const h1 = await admin.ok('reports:halfYear', { period: '2026-H1' });
    expect(value(h1, 'families_foster_care')).toBe(3); // Nowak, Baran (history), Sikora (source)
    expect(value(h1, 'children_foster_care')).toBe(2); // Zuzanna Nowak, Zofia Baran
    const kids = await admin.ok('reports:drilldown', { period: '2026-H1', figureId: 'children_foster_care' });
    expect(kids.rows.map((r) => r.child).sort()).toEqual(['Zofia Baran (ur. 2014)', 'Zuzanna Nowak (ur. 2015)']);
    const h2 = await admin.ok('reports:halfYear', { period: '2026-H2' });
    expect(value(h2, 'families_foster_care')).toBe(2); // Nowak, Sikora
    expect(value(h2, 'children_foster_care')).toBe(1);
  });

  it('a case opened for that reason without a placement: counted by its source, with a warning naming the case in the drill-down', async () => {
    const h1 = await admin.ok('reports:halfYear', { period: '2026-H1' });
    const w = h1.warnings.find((x) => x.code === 'FOSTER_SOURCE_NO_PLACEMENT')!;
    expect(w.caseIds).toEqual([ids.Sikora!.caseId]);
    expect(w.message).toContain('uzupełnij miejsce pobytu dziecka');
    const csv = Buffer.from((await admin.ok('reports:export', { report: 'half-year', period: '2026-H1', format: 'csv' })).base64, 'base64').toString('utf8');
    expect(csv).toContain('UWAGA: Sprawy założone z powodu umieszczenia dziecka w pieczy zastępczej');
  });

  it('only the core writes the foster-care history: one sent with a new family is not stored, so it cannot count in a report', async () => {
    const input = family('Fałsz');
    const kid = input.members.findIndex((m) => m.isChild);
    input.members[kid]!.placement = { kind: 'home', history: [{ since: '2025-01-01', until: '2026-05-01' }] };
    const { family: f } = await team.ps.s.ok('families:create', input);
    expect(f.members[kid]!.placement).toMatchObject({ kind: 'home' });
    expect(f.members[kid]!.placement).not.toHaveProperty('history');
    const stored = app.sql.prepare('SELECT placement FROM family_members WHERE id = ?').get(f.members[kid]!.id) as { placement: string };
    expect(JSON.parse(stored.placement)).not.toHaveProperty('history');
  });

  it('a period that has not ended (2026-H2 on 22.11.2026) says so; an ended one does not', async () => {
    const h2 = await admin.ok('reports:halfYear', { period: '2026-H2' });
    expect(h2.warnings[0]).toMatchObject({ code: 'PERIOD_NOT_ENDED', message: expect.stringContaining('kończy się 31.12.2026 r.') });
    const h1 = await admin.ok('reports:halfYear', { period: '2026-H1' });
    expect(h1.warnings.map((x) => x.code)).not.toContain('PERIOD_NOT_ENDED');
    expect((await admin.ok('reports:annual', { period: '2026' })).warnings.map((x) => x.code)).toContain('PERIOD_NOT_ENDED');
  });

  it('for every figure and several periods, the drill-down list has exactly the figure\'s count', async () => {
    let checked = 0;
    for (const period of ['2025-H1', '2025-H2', '2026-H1', '2026-H2', '2026']) {
      const r = period.includes('-H') ? await admin.ok('reports:halfYear', { period }) : await admin.ok('reports:annual', { period });
      for (const f of r.figures) {
        if (f.drill === 'none' || f.unit === 'amount-gr') continue;
        const d = await admin.ok('reports:drilldown', { period, figureId: f.id });
        const rows = d.kind === 'assistants' ? d.assistants.length : d.rows.length;
        expect(rows, `${period} ${f.id}`).toBe(f.value);
        expect(f.rows, `${period} ${f.id} (rows announced)`).toBe(f.value);
        if (f.value > 0) checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    // The family with two counted cases is one row (one family), its other case named.
    const all = await admin.ok('reports:drilldown', { period: '2026', figureId: 'families_supported' });
    expect(new Set(all.rows.map((r) => r.familyId)).size).toBe(all.rows.length);
    const baran = all.rows.find((r) => r.familyId === ids.Baran!.familyId)!;
    expect([baran.caseNumber, ...baran.otherCases].sort()).toEqual([ids.Baran!.caseNumber, zzBaran].sort());
  });
});

describe('the annual caseload per assistant can be found in the list of figure 2.5', () => {
  it('for 2025 and 2026 each assistant\'s families on the period\'s last day are the rows of the list under their name, and add up to the figure', async () => {
    for (const period of ['2025', '2026']) {
      const a = await admin.ok('reports:annual', { period });
      const figure = value(a, 'families_at_period_end');
      const list = await admin.ok('reports:drilldown', { period, figureId: 'families_at_period_end' });
      const byName = new Map<string, number>();
      for (const r of list.rows) byName.set(r.assistantName ?? '', (byName.get(r.assistantName ?? '') ?? 0) + 1);
      expect(a.caseload.reduce((n, c) => n + c.atPeriodEnd, 0), period).toBe(figure);
      expect(new Map(a.caseload.filter((c) => c.atPeriodEnd > 0).map((c) => [c.fullName, c.atPeriodEnd])), period).toEqual(byName);
      expect(figure, period).toBeGreaterThan(0);
    }
  });
});

describe('the annual closures by reason can be found case by case', () => {
  it('each bar opens the list of the cases closed in the period with that reason: as many as the bar says, each with that reason', async () => {
    let bars = 0;
    for (const period of ['2025', '2026']) {
      const a = await admin.ok('reports:annual', { period });
      for (const c of a.closuresByReason) {
        const d = await admin.ok('reports:drilldown', { period, figureId: closureFigureId(c.code) });
        expect(d.rows.length, `${period} ${c.code}`).toBe(c.cases);
        expect(d.display).toBe(String(c.cases));
        expect(new Set(d.rows.map((r) => r.closureReason)), `${period} ${c.code}`).toEqual(new Set([c.label]));
        bars++;
      }
    }
    expect(bars).toBeGreaterThanOrEqual(2);
    expect(failure(await admin.call('reports:drilldown', { period: '2026', figureId: 'closures-x:y' })).code).toBe('NOT_FOUND');
  });
});

describe('reproducible after anonymisation', () => {
  it('the same figures once names, PESEL, addresses and free text are gone (ids, dates, codes and flags kept)', async () => {
    const before = await admin.ok('reports:halfYear', { period: '2026-H1' });
    const beforeAnnual = await admin.ok('reports:annual', { period: '2026' });
    // What the retention run does to the columns (shared/retention/scrub.ts on every JSON column).
    app.fixture('scrubAsRetentionDoes');
    const after = await admin.ok('reports:halfYear', { period: '2026-H1' });
    expect(after.figures.map((f) => [f.id, f.value])).toEqual(before.figures.map((f) => [f.id, f.value]));
    const afterAnnual = await admin.ok('reports:annual', { period: '2026' });
    expect({ ...afterAnnual, asOf: null }).toEqual({ ...beforeAnnual, asOf: null });
    const d = await admin.ok('reports:drilldown', { period: '2026-H1', figureId: 'families_court' });
    expect(d.rows.map((r) => r.caseNumber)).toEqual([ids.Lewandowska!.caseNumber]);
    expect(d.rows[0]!.familyLabel).not.toContain('Lewandowska');
  });
});

describe('npm run report', () => {
  function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'db/cli/report.ts'), ...args], { cwd: root, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    return new Promise((ok) => child.on('exit', (code) => ok({ code, stdout, stderr })));
  }

  it('prints the same half-year figures as JSON; writes XLSX; refuses a bad period and a wrong password', async () => {
    const inApp = await admin.ok('reports:halfYear', { period: '2026-H1' });
    await app.close();
    const r = await cli(['--data-dir', dir, '--password', ADMIN.password, '--period', '2026-H1']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { period: { id: string }; figures: Array<{ id: string; value: number }>; warnings: Array<{ code: string; message: string; cases: number }> };
    expect(out.period.id).toBe('2026-H1');
    // The same warnings as on screen (the S7 case without a placement), without case ids.
    expect(out.warnings).toEqual(inApp.warnings.map((w) => expect.objectContaining({ code: w.code, message: w.message, cases: w.caseIds.length })));
    expect(out.warnings.map((w) => w.code)).toContain('FOSTER_SOURCE_NO_PLACEMENT');
    expect(Object.fromEntries(out.figures.map((f) => [f.id, f.value]))).toEqual(Object.fromEntries(inApp.figures.map((f) => [f.id, f.value])));

    const file = join(dir, 'sprawozdanie.xlsx');
    const x = await cli(['--data-dir', dir, '--password', ADMIN.password, '--period', '2026-H1', '--format', 'xlsx', '--out', file]);
    expect(x.code, x.stderr).toBe(0);
    expect((await readXlsx(readFileSync(file))).some((row) => row[0] === '2' && row[2] === String(value(inApp, 'families_supported')))).toBe(true);

    const bad = await cli(['--data-dir', dir, '--password', ADMIN.password, '--period', '2026-Q1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('2026-H1');
    const wrong = await cli(['--data-dir', dir, '--password', 'zle-haslo-2026', '--period', '2026-H1']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^Błąd/);
    const noOut = await cli(['--data-dir', dir, '--password', ADMIN.password, '--period', '2026-H1', '--format', 'pdf']);
    expect(noOut.code).toBe(2);
    void PASSWORD;
  }, 120_000);
});
