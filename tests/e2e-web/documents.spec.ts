/**
 * User story (issue 5): the assistant opens a plan, previews it, saves the PDF, and the audit log
 * shows the export. A seeded office; the real renderer in Debian Chromium, the real core behind
 * the bridge; "Zapisz jako PDF…" in the preview is the bridge's window.asystaShell.savePdf, which
 * renders with ChromiumPdfEngine (the same engine as Electron's printToPDF) into `pdfDir`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countPdfPages } from '../../db/print/pdf';
import { expect, startApp, test } from './server-fixture';
import { login, logout, openCaseById, warsawToday } from './ui-helpers';
import { formatDate } from '../../shared/dates';
import { addDays } from '../../shared/rules';
import type { IsoDate } from '../../shared/rules/types';

const PASSWORD = 'DemoHaslo2026';

test.use({ actionTimeout: 30_000 });

let app: Awaited<ReturnType<typeof startApp>>;
let pdfDir: string;
test.beforeAll(async () => {
  pdfDir = mkdtempSync(join(tmpdir(), 'asysta-pdf-Łódź-'));
  app = await startApp({ seed: { families: 12, password: PASSWORD }, pdfDir });
});
test.afterAll(async () => {
  await app?.dispose();
  rmSync(pdfDir, { recursive: true, force: true });
});

type PlanCase = { id: string; caseNumber: string; login: string; familyId: string };

test('the assistant opens a plan, previews it, saves the PDF, and the audit log shows the export', async ({ page }) => {
  test.setTimeout(240_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    // Playwright's trace snapshotter tries to run its helper in every frame; the sandboxed
    // preview frame refuses (as it should) and Chromium logs that. Not an error of the app.
    if (m.type() === 'error' && !/^Blocked script execution in 'about:srcdoc'/.test(m.text())) consoleErrors.push(m.text());
  });

  await page.goto(app.url);
  // As the head first: the database opens at the first login, then the test finds its case.
  await login(page, 'admin', PASSWORD);
  const sqlite = app.sql;
  const planCase = sqlite
    .prepare(
      `SELECT c.id AS id, c.case_number AS caseNumber, u.login AS login, c.family_id AS familyId
         FROM cases c JOIN users u ON u.id = c.assistant_id
        WHERE u.role = 'assistant' AND u.active = 1 AND EXISTS (SELECT 1 FROM work_plans p WHERE p.case_id = c.id)
        ORDER BY c.created_at LIMIT 1`,
    )
    .get() as PlanCase | undefined;
  expect(planCase, 'the demo data has a case with a plan and an assistant').toBeTruthy();
  const head = sqlite
    .prepare('SELECT last_name AS lastName FROM family_members WHERE family_id = ? ORDER BY is_head DESC, sort_order LIMIT 1')
    .get(planCase!.familyId) as { lastName: string };
  await logout(page);

  // The case's assistant: case view → Dokumenty → "Plan pracy z rodziną" → Podgląd.
  await login(page, planCase!.login, PASSWORD);
  await openCaseById(page, planCase!.id, planCase!.caseNumber);
  const documents = page.getByRole('region', { name: 'Dokumenty' });
  await expect(documents).toBeVisible();
  const planRow = documents.getByRole('row').filter({ hasText: 'Plan pracy z rodziną' }).first();
  await expect(planRow).toBeVisible();
  await planRow.getByRole('button', { name: /^Podgląd/ }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const frame = dialog.locator('iframe[title="Podgląd dokumentu"]');
  await expect(frame).toBeVisible();
  await expect(frame).toHaveAttribute('sandbox', '');
  // The document has no scripts at all (and the sandbox would not run them).
  expect(await frame.getAttribute('srcdoc')).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
  const doc = page.frameLocator('iframe[title="Podgląd dokumentu"]');
  await expect(doc.getByText('Plan pracy z rodziną').first()).toBeVisible();
  await expect(doc.getByText(head.lastName).first()).toBeVisible();
  // In the browser preview there is no printing, only "Zapisz jako PDF…" (through the bridge).
  await expect(dialog.getByRole('button', { name: 'Drukuj…' })).toHaveCount(0);

  const before = app.probe.listAudit({ action: 'document.export_pdf', page: 1, pageSize: 10 }).total;
  await dialog.getByRole('button', { name: 'Zapisz jako PDF…' }).click();
  const status = dialog.getByRole('status');
  await expect(status).toContainText('Zapisano plik PDF', { timeout: 60_000 });

  // The file: in the chosen folder, under the default name (znak sprawy + type, no personal data),
  // with no leftover partial file.
  const files = readdirSync(pdfDir);
  expect(files.filter((f) => f.endsWith('.partial'))).toEqual([]);
  const pdfName = files.find((f) => f.endsWith('.pdf'));
  expect(pdfName, `a PDF in ${pdfDir}: ${files.join(', ')}`).toBeTruthy();
  expect(pdfName).toContain('Plan pracy z rodziną');
  expect(pdfName).not.toContain(head.lastName);
  const pdfPath = join(pdfDir, pdfName!);
  expect(existsSync(pdfPath)).toBe(true);
  const pages = countPdfPages(readFileSync(pdfPath));
  expect(pages).toBeGreaterThan(0);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('Plan pracy');
  expect(text).toContain('rodziną');
  expect(text).toMatch(/[ąćęłńóśźż]/);
  expect(text).toContain(head.lastName);
  expect(text).not.toMatch(/undefined|NaN/);
  await expect(status).toContainText(`(${pages} str`);

  // The audit log: who, what, when, how many pages.
  const audit = app.probe.listAudit({ action: 'document.export_pdf', page: 1, pageSize: 10 });
  expect(audit.total).toBe(before + 1);
  const entry = audit.items[0]!;
  expect(entry.details).toMatchObject({ kind: 'work-plan', pages, target: 'pdf' });
  expect(entry.entityId).toBe(planCase!.id);
  expect(entry.userLogin).toBe(planCase!.login);

  await dialog.getByRole('button', { name: 'Zamknij', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The teczka pack: every document with an index page, in the same preview; Escape closes it.
  await documents.getByRole('button', { name: 'Teczka (wszystkie dokumenty)' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Od dnia (opcjonalnie)')).toBeVisible();
  await expect(page.frameLocator('iframe[title="Podgląd dokumentu"]').getByText(planCase!.caseNumber).first()).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(consoleErrors).toEqual([]);
});

test('before a visit the assistant prints the visit sheet with the plan’s open actions and saves it as PDF', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(app.url);
  await login(page, 'admin', PASSWORD);
  const sqlite = app.sql;
  // A case in work (not closed) with a plan and a visit, kept by an active assistant.
  const sheetCase = sqlite
    .prepare(
      `SELECT c.id AS id, c.case_number AS caseNumber, u.login AS login, c.family_id AS familyId
         FROM cases c JOIN users u ON u.id = c.assistant_id
        WHERE u.role = 'assistant' AND u.active = 1 AND c.closed_on IS NULL
          AND EXISTS (SELECT 1 FROM work_plans p WHERE p.case_id = c.id)
          AND EXISTS (SELECT 1 FROM case_entries e WHERE e.case_id = c.id AND e.kind = 'visit')
        ORDER BY c.created_at LIMIT 1`,
    )
    .get() as PlanCase | undefined;
  expect(sheetCase, 'the demo data has a case in work with a plan and a visit').toBeTruthy();
  await logout(page);

  await login(page, sheetCase!.login, PASSWORD);
  await openCaseById(page, sheetCase!.id, sheetCase!.caseNumber);
  await page.getByTestId('case-work').getByRole('tab', { name: 'Dziennik wizyt' }).click();
  await page.getByRole('button', { name: 'Arkusz na wizytę' }).click();
  const dialog = page.getByRole('dialog');
  const sheet = page.frameLocator('iframe[title="Podgląd dokumentu"]');
  await expect(sheet.getByText('Arkusz wizyty w rodzinie')).toBeVisible({ timeout: 60_000 });
  await expect(sheet.getByText('Działania planu pracy do realizacji')).toBeVisible();

  // The date of the visit, typed in the preview, printed in the one Polish format.
  const visitOn = addDays(warsawToday() as IsoDate, 7);
  await dialog.getByLabel('Data wizyty (opcjonalnie)').fill(visitOn);
  await dialog.getByRole('button', { name: 'Wpisz tę datę' }).click();
  await expect(sheet.getByText(`${formatDate(visitOn)} r.`).first()).toBeVisible();

  await dialog.getByRole('button', { name: 'Zapisz jako PDF…' }).click();
  await expect(dialog.getByRole('status')).toContainText('Zapisano plik PDF', { timeout: 60_000 });
  const pdfName = readdirSync(pdfDir).find((f) => f.endsWith('Arkusz wizyty.pdf'));
  expect(pdfName, readdirSync(pdfDir).join(', ')).toBeTruthy();
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(pdfDir, pdfName!), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Arkusz wizyty w rodzinie');
  expect(text).toContain(`Data wizyty ${formatDate(visitOn)} r.`);
  expect(text).toMatch(/\d+ działa(nie|nia|ń) do realizacji|Rodzina nie ma jeszcze planu pracy/);
  expect(text).toContain('Zadania zrealizowane od poprzedniego spotkania (');
  expect(text).toContain('(data i podpis: członek rodziny)');
  expect(text).not.toMatch(/undefined|NaN|\d{4}-\d{2}-\d{2}/);
  const audit = app.probe.listAudit({ action: 'document.export_pdf', page: 1, pageSize: 5 });
  expect(audit.items[0]!.details).toMatchObject({ kind: 'visit-sheet', target: 'pdf' });
  expect(audit.items[0]!.userLogin).toBe(sheetCase!.login);
  await dialog.getByRole('button', { name: 'Zamknij', exact: true }).click();
  await expect(dialog).toBeHidden();
});

test('the head changes the RODO clause in Ustawienia → Teksty dokumentów and restores the default', async ({ page }) => {
  await page.goto(app.url);
  await login(page, 'admin', PASSWORD);
  await page.getByRole('link', { name: 'Ustawienia' }).click();
  await expect(page.getByRole('heading', { name: 'Teksty dokumentów' })).toBeVisible();
  await expect(page.getByLabel('Treść')).toHaveValue(/Zgodnie z art\. 13/);
  await page.getByLabel('Treść').fill('Klauzula ośrodka: {officeName} i {nieznanePole}.');
  await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
  await expect(page.getByText('Nieznane pole {nieznanePole}', { exact: false })).toBeVisible();
  await page.getByLabel('Treść').fill('Klauzula ośrodka: {officeName}.');
  await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
  await expect(page.getByText('Zapisano tekst dokumentu.')).toBeVisible();
  await expect(page.getByText('tekst ośrodka')).toBeVisible();
  await page.getByRole('button', { name: 'Przywróć tekst domyślny' }).click();
  await expect(page.getByText('Przywrócono tekst domyślny.')).toBeVisible();
  await expect(page.getByLabel('Treść')).toHaveValue(/Zgodnie z art\. 13/);
  await logout(page);
});
