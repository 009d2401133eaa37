/**
 * Issue 14 — the visit sheet through the dispatcher on a real encrypted database, rendered in
 * Chromium (the engine of Electron's printToPDF) and read back with pdftotext: the family, the
 * date agreed at the last visit, the plan's open actions with their deadlines (late ones
 * marked), what was agreed last time; only those who keep the diary may print it; previews and
 * exports are audited like every document; the teczka pack leaves the blank sheet out.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPdfEngine, chromiumPath } from '../../db/print/pdf';
import { devResources } from '../../build/dev-resources';
import type { ChannelInput } from '../../shared/ipc/contract';
import { ASSESSMENT_AREAS } from '../../shared/rules/index';
import { failure, type TestApp, type TestSession } from '../helpers';
import { consentedCase, useStaffedOffice, type Staff } from './registryFixtures';

const hasTool = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = [...(existsSync(chromiumPath()) ? [] : ['chromium']), ...(hasTool('pdftotext') ? [] : ['pdftotext'])];
if (missing.length) console.warn(`[visit-sheet] PDF read-back SKIPPED: missing ${missing.join(', ')}`);

let app: TestApp;
let admin: TestSession;
let team: Staff;
useStaffedOffice((o) => ({ app, admin, team } = o));

const work = mkdtempSync(join(tmpdir(), 'asysta-visit-sheet-'));
let engine: ChromiumPdfEngine | null = null;
afterAll(async () => {
  await engine?.close();
  rmSync(work, { recursive: true, force: true });
});

async function pdfText(html: string): Promise<string> {
  engine ??= new ChromiumPdfEngine({ fontsFolder: devResources().fontsFolder });
  const r = await engine.render(html);
  const f = join(work, 'sheet.pdf');
  writeFileSync(f, r.pdf);
  if (process.env.VISIT_SHEET_PNG) execFileSync('pdftoppm', ['-png', '-r', '70', f, process.env.VISIT_SHEET_PNG]);
  // Reading order (no -layout): a cell's lines stay together.
  return execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
}

const areas = () => {
  const a: Record<string, unknown> = {};
  ASSESSMENT_AREAS.forEach((x) => (a[x.code] = { rating: -1, justification: `Uzasadnienie: ${x.label}` }));
  return a as ChannelInput<'assessments:create'>['areas'];
};

describe('visit sheet', () => {
  it('is pre-filled from the plan and the last visit, read back from the PDF, and audited', async () => {
    const { c } = await consentedCase({ admin, team }, 'Baran');
    const ar = team.ar.s;
    await ar.ok('assessments:create', { caseId: c.id, kind: 'initial', assessedOn: '2026-11-22', areas: areas(), strengths: 'Matka dba o posiłki.', familyView: 'Chcą uporządkować finanse.', recommendation: 'continue' });
    await ar.ok('plans:save', {
      caseId: c.id,
      basedOnVersion: null,
      drawnUpOn: '2026-11-22',
      mainGoal: 'Poprawa sytuacji finansowej i opieki nad dziećmi',
      consultedWithSocialWorker: true,
      goals: [
        {
          id: 'g1',
          title: 'Uporządkowanie budżetu domowego',
          areaCode: 'FINANCES',
          actions: [
            { id: 'a1', description: 'Zebranie rachunków za trzy miesiące', responsible: 'Anna (matka)', responsibleKind: 'family', dueDate: '2026-11-30', expectedEffect: 'Rachunki w segregatorze', status: 'in-progress' },
            { id: 'a2', description: 'Trening budżetowy', responsible: '', responsibleKind: 'assistant', dueDate: '2027-02-28', expectedEffect: 'Budżet prowadzony samodzielnie' },
            { id: 'a3', description: 'Wniosek o dodatek mieszkaniowy', responsible: 'Anna (matka)', responsibleKind: 'family', dueDate: '2026-11-25', expectedEffect: 'Wniosek złożony', status: 'done' },
          ],
        },
      ],
    });
    await ar.ok('entries:create', {
      caseId: c.id,
      kind: 'visit',
      on: '2026-11-22',
      start: '10:00',
      end: '11:30',
      place: 'home',
      participants: ['Anna Baran'],
      agreedFamily: 'Zebrać rachunki za prąd i wodę.',
      agreedAssistant: 'Umówić spotkanie w spółdzielni mieszkaniowej.',
      nextAppointmentOn: '2026-12-03',
    });

    const doc = await ar.ok('documents:html', { caseId: c.id, kind: 'visit-sheet' });
    expect(doc.title).toBe('Arkusz wizyty');
    expect(doc.fileName).toMatch(/ – Arkusz wizyty\.pdf$/);
    expect(doc.fileName).not.toContain('Baran');
    const list = await ar.ok('documents:list', { caseId: c.id });
    expect(list.documents.map((x) => x.kind)).toContain('visit-sheet');

    if (!missing.length) {
      const text = await pdfText(doc.html);
      expect(text).toContain('Arkusz wizyty w rodzinie');
      expect(text).toContain('do wypełnienia podczas spotkania z rodziną Baranów');
      // The date agreed at the last visit, in the one Polish format.
      expect(text).toContain('Data wizyty 03.12.2026 r.');
      expect(text).toContain('Anna Baran (matka)');
      expect(text).toContain('2 działania do realizacji');
      expect(text).toContain('Zebranie rachunków za trzy miesiące');
      expect(text).toContain('po terminie (3 dni)');
      expect(text).toContain('Trening budżetowy');
      expect(text).toContain('asystent rodziny');
      expect(text).not.toContain('Wniosek o dodatek mieszkaniowy'); // done: not on the sheet
      expect(text).toContain('Zebrać rachunki za prąd i wodę.');
      expect(text).toContain('Umówić spotkanie w spółdzielni mieszkaniowej.');
      expect(text).toContain('(22.11.2026 r.)');
      expect(text).toContain('Agnieszka Śliwińska');
      expect(text).toContain('(data i podpis: członek rodziny)');
      expect(text).not.toMatch(/undefined|\bnull\b|NaN|\d{4}-\d{2}-\d{2}/);
    }

    // A date chosen in the preview wins; only the sheet takes one.
    const other = await ar.ok('documents:html', { caseId: c.id, kind: 'visit-sheet', visitOn: '2026-12-10' });
    if (!missing.length) expect(await pdfText(other.html)).toContain('10.12.2026 r.');
    const wrongKind = await ar.call('documents:html', { caseId: c.id, kind: 'work-plan', visitOn: '2026-12-10' });
    expect(failure(wrongKind).message).toBe('Datę wizyty podaje się tylko dla arkusza wizyty.');

    // Audited like every document: the preview (with the date chosen) and the saved PDF.
    await ar.ok('documents:exported', { caseId: c.id, kind: 'visit-sheet', pages: 2, target: 'pdf' });
    const sqlite = app.sql;
    const rows = sqlite.prepare("SELECT action, details FROM audit_log WHERE entity_id = ? AND action IN ('document.preview', 'document.export_pdf') ORDER BY id").all(c.id) as Array<{ action: string; details: string }>;
    const sheetRows = rows.filter((r) => JSON.parse(r.details).kind === 'visit-sheet');
    expect(sheetRows.map((r) => r.action)).toEqual(['document.preview', 'document.preview', 'document.export_pdf']);
    expect(JSON.parse(sheetRows[1]!.details)).toMatchObject({ visitOn: '2026-12-10' });

    // Only those who keep the diary: the social worker and another assistant are refused.
    expect(failure(await team.ps.s.call('documents:html', { caseId: c.id, kind: 'visit-sheet' })).code).toBe('FORBIDDEN');
    expect(failure(await team.ar2.s.call('documents:html', { caseId: c.id, kind: 'visit-sheet' })).code).toBe('FORBIDDEN');

    // The teczka pack holds the records, not the blank working sheet.
    const pack = await admin.ok('documents:pack', { caseId: c.id });
    expect(pack.html).not.toContain('Arkusz wizyty w rodzinie');
  }, 120_000);
});
