/**
 * User story (issue 6): a seeded office makes an encrypted backup to a "USB stick" folder and
 * checks it on screen; the PC dies; on a fresh installation the first-run wizard restores the
 * backup with the recovery key; the head logs in with the old password and the same families are
 * there. The real renderer in Debian Chromium, the real core behind the bridge, real files.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_OFFICE } from '../../db/demo/seed';
import { expect, startApp, test } from './server-fixture';
import { createAccount, createBackup, fillBackupFileForm, login, logout, restoreInWizard, verifyBackupOnScreen } from './ui-helpers';

const PASSWORD = 'DemoHaslo2026';
const FAMILIES = 30;

type App = Awaited<ReturnType<typeof startApp>>;
const apps: App[] = [];
let usb: string;

test.beforeAll(() => {
  usb = mkdtempSync(join(tmpdir(), 'asysta-USB-Pendrive-'));
});
test.afterAll(async () => {
  for (const a of apps) await a.dispose();
  rmSync(usb, { recursive: true, force: true });
});

/** Heads of a few families, straight from the database of a logged-in installation. */
function someHeads(app: App): Array<{ name: string; lastName: string }> {
  return app.sql
    .prepare(
      `SELECT first_name || ' ' || last_name AS name, last_name AS lastName FROM family_members
        WHERE is_head = 1 ORDER BY last_name_folded, first_name LIMIT 3`,
    )
    .all() as Array<{ name: string; lastName: string }>;
}

/**
 * The next backup of this app's core writes 16 KiB records and waits after record `holdAt` until
 * `release()`; later backups run normally.
 */
function holdNextBackup(app: App, holdAt: number): { release: () => void } {
  app.fixture('holdNextBackup', holdAt);
  return { release: () => app.fixture('releaseHeldBackup') };
}

test('seed → backup to USB → verify on screen → fresh installation → restore with the recovery key → old password → same families', async ({ page }) => {
  test.setTimeout(240_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));

  // An office with demo data (the seed prints the installation's recovery key).
  const original = await startApp({ seed: { families: FAMILIES, password: PASSWORD } });
  apps.push(original);
  const recoveryKey = original.seeded!.recoveryKey;
  await page.goto(original.url);
  await login(page, 'admin', PASSWORD);

  // Never backed up: the home screen reminds, with a link to the backup page.
  const reminder = page.getByTestId('backup-reminder');
  await expect(reminder).toBeVisible();
  await expect(reminder).toContainText('nie wykonano jeszcze kopii zapasowej');
  const heads = someHeads(original);
  expect(heads.length).toBeGreaterThan(0);

  // Backup to the "USB stick" (the path typed: no native picker in the browser preview).
  const name = await createBackup(page, usb);
  expect(name).toMatch(/^asysta-.+\.asysta-backup$/);
  expect(readdirSync(usb)).toEqual([name]);
  const created = page.getByTestId('backup-created');
  await expect(created).toContainText(`${FAMILIES} rodzin`);
  await expect(created).toContainText(/\d+(,\d)? (kB|MB)/);
  await expect(page.getByTestId('last-backup')).toContainText(/Ostatnia sprawdzona kopia zapasowa: \d{1,2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
  await page.screenshot({ path: test.info().outputPath('backup-created.png'), fullPage: true });

  // The stick in the drawer: check the file without restoring it (here with the admin's password).
  const file = join(usb, name);
  const verified = await verifyBackupOnScreen(page, file, { login: 'admin', password: PASSWORD });
  await expect(verified).toContainText(DEMO_OFFICE.name);
  await expect(verified).toContainText(`${FAMILIES} rodzin`);
  await expect(verified).toContainText('Wersja bazy danych');
  await page.screenshot({ path: test.info().outputPath('backup-verified.png'), fullPage: true });

  // The reminder is gone now.
  await page.getByRole('link', { name: 'Strona główna' }).click();
  await expect(page.getByRole('heading', { name: 'Strona główna' })).toBeVisible();
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  await logout(page);

  // The old PC is gone. A fresh installation: the wizard offers the restore.
  const fresh = await startApp();
  apps.push(fresh);
  await page.goto(fresh.url);
  await expect(page.getByRole('heading', { name: 'Dane ośrodka' })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('wizard-first-step.png') });
  const contents = await restoreInWizard(page, file, { recoveryKey: recoveryKey.toLowerCase() }, () =>
    page.screenshot({ path: test.info().outputPath('wizard-restore-preview.png'), fullPage: true }),
  );
  expect(contents).toContain(DEMO_OFFICE.name);
  expect(contents).toContain(`${FAMILIES} rodzin`);
  await expect(page.getByText('Użytkownicy logują się teraz hasłami, które mieli w chwili wykonania kopii.', { exact: false })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('restored-login.png'), fullPage: true });

  // The head logs in with the password from backup time; the same families are there.
  await login(page, 'admin', PASSWORD);
  await expect(page.getByTestId('office-name')).toHaveText(DEMO_OFFICE.name);
  await page.getByRole('link', { name: 'Rodziny' }).click();
  await expect(page.getByText(`Łącznie: ${FAMILIES} rodzin`)).toBeVisible();
  for (const h of heads) {
    await page.getByLabel('Szukaj rodziny').fill(h.lastName);
    await expect(page.getByText(h.name, { exact: true }).first()).toBeVisible();
  }
  expect(someHeads(fresh)).toEqual(heads);
  expect(fresh.sql.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);

  // Nothing but the one backup file on the stick (no temporary leftovers).
  expect(readdirSync(usb)).toEqual([name]);
  expect(statSync(file).size).toBeGreaterThan(0);
  expect(consoleErrors).toEqual([]);
});

test('restore in the running app: newer changes are listed and need a confirmation; a wrong secret is refused in Polish', async ({ page }) => {
  test.setTimeout(180_000);
  const app = await startApp({ seed: { families: 5, password: PASSWORD } });
  apps.push(app);
  const folder = mkdtempSync(join(usb, 'drugi-'));
  await page.goto(app.url);
  await login(page, 'admin', PASSWORD);
  const name = await createBackup(page, folder);
  const file = join(folder, name);

  // Progress and cancel: the core's next backup writes small records and stops after the second
  // until the test lets it go on (a slow stick, deterministic instead of timed).
  const stick = holdNextBackup(app, 2);
  try {
    await page.getByRole('button', { name: 'Utwórz kopię zapasową' }).click();
    const progress = page.getByTestId('backup-progress');
    await expect(progress.getByTestId('backup-progress-phase')).toHaveText('Zapisywanie kopii…', { timeout: 30_000 });
    await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /^[1-9]\d?$/);
    await page.screenshot({ path: test.info().outputPath('backup-progress.png'), fullPage: true });
    await progress.getByRole('button', { name: 'Anuluj' }).click();
    await expect(progress.getByTestId('backup-progress-phase')).toHaveText('Przerywanie tworzenia kopii…');
  } finally {
    stick.release();
  }
  await expect(page.getByTestId('backup-cancelled')).toContainText('Tworzenie kopii przerwano. Na nośniku nie pozostał żaden niepełny plik.', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('backup-progress')).toHaveCount(0);
  expect(readdirSync(folder)).toEqual([name]);

  // A wrong recovery key: refused, says which.
  await page.getByRole('button', { name: 'Przywróć z kopii zapasowej…' }).click();
  await fillBackupFileForm(page.locator('form').filter({ has: page.getByRole('button', { name: 'Sprawdź kopię', exact: true }) }), file, {
    recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH-AAAA-BBBB-CCCC-DDDD-EEEE',
  });
  await page.getByRole('button', { name: 'Sprawdź kopię', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Klucz odzyskiwania nie pasuje do tej kopii' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Anuluj' }).click();

  // A change after the backup (a new account), then restore from the admin's page.
  await createAccount(page, { fullName: 'Nowa Pracownica', login: 'npracownica', role: 'social_worker', password: 'Pracownica2026' });
  await page.getByRole('link', { name: 'Kopia zapasowa' }).click();
  await page.getByRole('button', { name: 'Przywróć z kopii zapasowej…' }).click();
  await expect(page.getByText('Kopia zapasowa otwiera się tylko kluczem odzyskiwania albo hasłem konta', { exact: false })).toBeVisible();
  await fillBackupFileForm(page.locator('form').filter({ has: page.getByRole('button', { name: 'Sprawdź kopię', exact: true }) }), file, {
    login: 'admin',
    password: PASSWORD,
  });
  await page.getByRole('button', { name: 'Sprawdź kopię', exact: true }).click();
  await expect(page.getByTestId('restore-backup-info')).toContainText('5 rodzin', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Przywróć dane z tej kopii' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'Przywrócenie usunie nowsze dane' });
  await expect(warning).toBeVisible({ timeout: 60_000 });
  await expect(warning).toContainText(/zapisano w programie \d+ zmian/);
  await page.screenshot({ path: test.info().outputPath('restore-needs-confirmation.png'), fullPage: true });
  await page.getByRole('button', { name: 'Przywróć i zastąp obecne dane' }).click();
  await expect(page.getByText('Użytkownicy logują się teraz hasłami, które mieli w chwili wykonania kopii.', { exact: false })).toBeVisible({
    timeout: 60_000,
  });

  // The account made after the backup is gone; the old password works.
  await login(page, 'admin', PASSWORD);
  await page.getByRole('link', { name: 'Konta użytkowników' }).click();
  await expect(page.getByRole('cell', { name: 'asliwinska', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'npracownica', exact: true })).toHaveCount(0);
});
