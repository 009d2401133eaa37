/**
 * User story (issue 7, retention): in 2045 the head opens "Okresy przechowywania", sees the closed
 * cases whose B10 period ended (case numbers and dates, no names), prepares the list, confirms it
 * and runs the anonymisation; the history records the run and the families' names are gone from
 * the database. The data protection officer then reads the queue and the history, cannot run
 * anything and sees the settings read-only. A seeded office; the real renderer in Chromium, the
 * real core behind the bridge, the core's clock set to 1 June 2045.
 */
import { appForFile, expect, type RunningApp, test } from './server-fixture';
import { createAccount, login, logout } from './ui-helpers';

const PASSWORD = 'DemoHaslo2026';
const NOW = Date.parse('2045-06-01T09:00:00Z');

test.use({ actionTimeout: 30_000 });

let app: RunningApp;
appForFile((a) => (app = a), { seed: { families: 80, password: PASSWORD }, clockStart: NOW });

test('the head anonymises the expired cases after confirming the list; the DPO reads the record', async ({ page }) => {
  test.setTimeout(180_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(app.url);
  await login(page, 'admin', PASSWORD);
  const sqlite = app.sql;
  const closed = sqlite
    .prepare(
      `SELECT DISTINCT m.last_name AS lastName FROM family_members m
        WHERE m.family_id IN (SELECT family_id FROM cases WHERE state IN ('ZAMKNIETA','ARCHIWUM'))
          AND m.family_id NOT IN (SELECT family_id FROM cases WHERE state NOT IN ('ZAMKNIETA','ARCHIWUM'))`,
    )
    .all() as Array<{ lastName: string }>;
  expect(closed.length, 'the demo data has families with only closed cases').toBeGreaterThan(0);

  await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Okresy przechowywania' }).click();
  await expect(page.getByRole('heading', { name: 'Okresy przechowywania' })).toBeVisible();
  await expect(page.getByText('art. 17 ust. 3 lit. b RODO')).toBeVisible();
  const queue = page.getByTestId('retention-queue');
  await expect(queue).toBeVisible();
  await expect(queue.getByText('Okres upłynął').first()).toBeVisible();
  await expect(queue.getByText('B10').first()).toBeVisible();
  // Case numbers and dates only: no surname of the families in the queue.
  const queueText = (await queue.innerText()) ?? '';
  for (const { lastName } of closed) expect(queueText).not.toContain(lastName);

  // Prepare, confirm, run.
  await page.getByRole('button', { name: 'Przygotuj listę do anonimizacji' }).click();
  const list = page.getByTestId('retention-prepared');
  await expect(list).toBeVisible();
  await expect(list).toContainText('Lista z dnia 01.06.2045');
  const n = await list.locator('tbody tr').count();
  expect(n).toBeGreaterThan(0);
  const run = page.getByRole('button', { name: /^Anonimizuj \d+ spraw/ });
  await expect(run).toBeDisabled();
  await page.getByLabel(new RegExp(`^Potwierdzam listę ${n} spraw`)).check();
  await page.getByLabel('Zgoda archiwum państwowego na brakowanie (znak i data pisma)').fill('AP.4231.7.2045 z 20.05.2045');
  await run.click();
  const result = page.getByTestId('retention-result');
  await expect(result).toContainText('Anonimizacja zakończona', { timeout: 60_000 });
  await expect(result).toContainText('Plik bazy danych uporządkowano');
  await expect(page.getByTestId('retention-runs')).toContainText('AP.4231.7.2045 z 20.05.2045');
  await expect(page.getByTestId('retention-counts')).toContainText(`zanonimizowanych spraw: ${n}`);

  // In the database: those families no longer carry their names.
  const left = sqlite
    .prepare(`SELECT count(*) AS n FROM family_members m JOIN families f ON f.id = m.family_id WHERE f.anonymised_on IS NOT NULL AND m.last_name <> 'zanonimizowano'`)
    .get() as { n: number };
  expect(left.n).toBe(0);
  const anonymisedCases = (sqlite.prepare('SELECT count(*) AS n FROM cases WHERE anonymised_on IS NOT NULL').get() as { n: number }).n;
  expect(anonymisedCases).toBe(n);
  // The head opens one of them: marked anonymised, no "Edytuj dane".
  const anonId = (sqlite.prepare('SELECT id FROM families WHERE anonymised_on IS NOT NULL LIMIT 1').get() as { id: string }).id;
  await page.goto(`${app.url}#/families/f/${anonId}`);
  await expect(page.getByTestId('anonymised-note')).toContainText('Dane identyfikujące tej rodziny usunięto 01.06.2045');
  await expect(page.getByRole('link', { name: 'Edytuj dane' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Okresy przechowywania' }).click();

  // The head changes a JRWA symbol (logged).
  await page.getByLabel('Symbol JRWA: Akta sprawy asystenta rodziny (teczka rodziny)').fill('4010');
  await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
  await expect(page.getByText('Zapisano ustawienia okresów przechowywania.')).toBeVisible();

  // The data protection officer: read-only.
  await createAccount(page, { fullName: 'Ireneusz Obłoński', login: 'iod', role: 'dpo', password: PASSWORD });
  await logout(page);
  await login(page, 'iod', PASSWORD);
  await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Okresy przechowywania' }).click();
  await expect(page.getByText('Widok tylko do odczytu')).toBeVisible();
  await expect(page.getByTestId('retention-runs')).toContainText('AP.4231.7.2045 z 20.05.2045');
  await expect(page.getByRole('button', { name: 'Przygotuj listę do anonimizacji' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Zapisz ustawienia' })).toHaveCount(0);
  await expect(page.getByLabel('Symbol JRWA: Akta sprawy asystenta rodziny (teczka rodziny)')).toBeDisabled();
  await expect(page.getByLabel('Symbol JRWA: Akta sprawy asystenta rodziny (teczka rodziny)')).toHaveValue('4010');
  // The families register is not on the DPO's menu.
  await expect(page.getByRole('link', { name: 'Rodziny' })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
