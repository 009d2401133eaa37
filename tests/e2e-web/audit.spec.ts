/**
 * User story (issue 7): the head checks the audit log's integrity on screen, prints the log of
 * one family for an inspection (saved as PDF), and prepares the art. 15 RODO information for a
 * family member (document + JSON file). Then someone edits the file around the triggers: the
 * check names the broken entry. A seeded office; the real renderer in Debian Chromium, the real
 * core behind the bridge (its savePdf / saveFile write into `pdfDir`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startApp, test } from './server-fixture';
import { login, logout } from './ui-helpers';

const PASSWORD = 'DemoHaslo2026';

test.use({ actionTimeout: 30_000 });

let app: Awaited<ReturnType<typeof startApp>>;
let pdfDir: string;
test.beforeAll(async () => {
  pdfDir = mkdtempSync(join(tmpdir(), 'asysta-audit-Łódź-'));
  app = await startApp({ seed: { families: 8, password: PASSWORD }, pdfDir });
});
test.afterAll(async () => {
  await app?.dispose();
  rmSync(pdfDir, { recursive: true, force: true });
});

test('the head verifies the audit log, prints one family’s entries, and sees a tampered entry reported', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(app.url);
  await login(page, 'admin', PASSWORD);
  const sqlite = app.sql;
  const c = sqlite.prepare('SELECT case_number AS caseNumber, family_id AS familyId FROM cases ORDER BY created_at LIMIT 1').get() as { caseNumber: string; familyId: string };
  // The head opens that family's card (an audited read).
  await page.evaluate((id) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#/families/f/${encodeURIComponent(id)}`;
  }, c.familyId);
  await expect(page.getByRole('table', { name: 'Członkowie rodziny' })).toBeVisible();

  // The menu's link (the card also has "Dziennik zdarzeń tej rodziny").
  await page.getByRole('link', { name: 'Dziennik zdarzeń', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Dziennik zdarzeń' })).toBeVisible();
  await page.getByRole('button', { name: 'Sprawdź spójność dziennika' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dziennik jest spójny: sprawdzono' })).toBeVisible({ timeout: 60_000 });

  // One family's entries, by its znak sprawy.
  await page.getByLabel('Znak sprawy (rodzina)').fill(c.caseNumber);
  await page.getByRole('button', { name: 'Filtruj' }).click();
  await expect(page.getByRole('cell', { name: 'Otwarcie karty rodziny' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Logowanie', exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Drukuj / zapisz PDF' }).click();
  const dialog = page.getByRole('dialog');
  const doc = page.frameLocator('iframe[title="Podgląd dokumentu"]');
  await expect(doc.getByText('Wyciąg z dziennika zdarzeń').first()).toBeVisible({ timeout: 60_000 });
  await expect(doc.getByText(c.caseNumber).first()).toBeVisible();
  await expect(doc.getByText(/Dziennik jest spójny/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Zapisz jako PDF…' }).click();
  await expect(dialog.getByRole('status')).toContainText('Zapisano plik PDF', { timeout: 60_000 });
  const pdf = readdirSync(pdfDir).find((f) => f.startsWith('Wyciąg z dziennika zdarzeń') && f.endsWith('.pdf'));
  expect(pdf, readdirSync(pdfDir).join(', ')).toBeTruthy();
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(pdfDir, pdf!), '-'], { encoding: 'utf8' });
  expect(text).toContain('Wyciąg z dziennika zdarzeń');
  expect(text).toContain(c.caseNumber);
  expect(text).toContain('Otwarcie karty rodziny');
  const exported = app.probe.listAudit({ action: 'audit.extract_pdf', page: 1, pageSize: 5 });
  expect(exported.total).toBe(1);
  expect(exported.items[0]!.details).toMatchObject({ filter: { caseNumber: c.caseNumber } });
  await dialog.getByRole('button', { name: 'Zamknij', exact: true }).click();
  await expect(dialog).toBeHidden();

  // Someone with the key edits an entry around the triggers: the check names it.
  const target = sqlite.prepare(`SELECT id FROM audit_log WHERE action = 'family.open' ORDER BY id LIMIT 1`).get() as { id: number };
  sqlite.exec('DROP TRIGGER audit_log_no_update');
  sqlite.prepare(`UPDATE audit_log SET user_login = 'ktos' WHERE id = ?`).run(target.id);
  await page.getByRole('button', { name: 'Sprawdź spójność dziennika' }).click();
  await expect(page.getByRole('alert').filter({ hasText: `Naruszona spójność: pierwszy błędny wpis nr ${target.id} z ` })).toBeVisible({ timeout: 60_000 });
  await logout(page);
});

test('from a family card the head opens that family’s entries of the audit log', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await login(page, 'admin', PASSWORD);
  const sqlite = app.sql;
  const [a, b] = sqlite.prepare('SELECT id FROM families WHERE anonymised_on IS NULL ORDER BY created_at LIMIT 2').all() as Array<{ id: string }>;
  const openCard = async (id: string) => {
    await page.evaluate((fid) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = `#/families/f/${encodeURIComponent(fid)}`;
    }, id);
    await expect(page.getByRole('table', { name: 'Członkowie rodziny' })).toBeVisible();
  };
  // Another family's card first: its opening must not show up under the first family.
  await openCard(b!.id);
  await openCard(a!.id);

  await page.getByRole('link', { name: 'Dziennik zdarzeń tej rodziny' }).click();
  await expect(page).toHaveURL(new RegExp(`#/audit/family/${a!.id}$`));
  await expect(page.getByRole('heading', { name: 'Dziennik zdarzeń' })).toBeVisible();
  await expect(page.getByTestId('audit-family-filter')).toContainText('Tylko zdarzenia jednej rodziny');
  const opened = page.getByRole('row').filter({ hasText: 'Otwarcie karty rodziny' });
  await expect(opened.first()).toBeVisible();
  await expect(opened.first()).toContainText(`Rodzina ${a!.id}`);
  await expect(page.getByRole('cell', { name: 'Logowanie', exact: true })).toHaveCount(0);
  await expect(page.getByRole('table')).not.toContainText(b!.id);

  // Back to every family's entries: the other family's opening is there again.
  await page.getByRole('button', { name: 'Pokaż zdarzenia wszystkich rodzin' }).click();
  await expect(page.getByTestId('audit-family-filter')).toHaveCount(0);
  await expect(page.getByRole('table')).toContainText(`Rodzina ${b!.id}`);
  await logout(page);
});

test('the head prepares the art. 15 RODO information for a family member and saves it as JSON', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(app.url);
  await login(page, 'admin', PASSWORD);
  const sqlite = app.sql;
  const m = sqlite
    .prepare('SELECT m.id AS id, m.first_name AS firstName, m.last_name AS lastName, m.family_id AS familyId FROM family_members m ORDER BY m.is_head DESC, m.rowid LIMIT 1')
    .get() as { id: string; firstName: string; lastName: string; familyId: string };
  await page.evaluate((id) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#/families/f/${encodeURIComponent(id)}`;
  }, m.familyId);
  await page.getByRole('button', { name: `Dane osobowe (art. 15 RODO): ${m.firstName} ${m.lastName}` }).click();
  const dialog = page.getByRole('dialog');
  const doc = page.frameLocator('iframe[title="Podgląd dokumentu"]');
  await expect(doc.getByText('Informacja o przetwarzanych danych osobowych (art. 15 RODO)').first()).toBeVisible({ timeout: 60_000 });
  await expect(doc.getByText('3. Podstawy prawne')).toBeVisible();
  await expect(dialog.getByText('art. 15 ust. 4 RODO', { exact: false })).toBeVisible();
  await dialog.getByRole('button', { name: 'Zapisz dane JSON…' }).click();
  await expect(dialog.getByRole('status')).toContainText('Zapisano plik JSON', { timeout: 60_000 });
  const json = readdirSync(pdfDir).find((f) => f.endsWith('.json'));
  expect(json, readdirSync(pdfDir).join(', ')).toBeTruthy();
  expect(json).not.toContain(m.lastName);
  const data = JSON.parse(readFileSync(join(pdfDir, json!), 'utf8'));
  expect(data.subject).toMatchObject({ id: m.id, firstName: m.firstName, lastName: m.lastName });
  expect(data.family.id).toBe(m.familyId);
  expect(app.probe.listAudit({ action: 'rodo.subject_export', page: 1, pageSize: 5 }).items[0]).toMatchObject({ entityId: m.id, userLogin: 'admin' });
  expect(app.probe.listAudit({ action: 'rodo.subject_export_json', page: 1, pageSize: 5 }).total).toBe(1);
  await dialog.getByRole('button', { name: 'Zamknij', exact: true }).click();
  await expect(dialog).toBeHidden();
  await logout(page);
});
