/**
 * User story (issue 2): a GOPS installs Asysta, sets up its office, writes down the recovery key,
 * the head logs in and creates an assistant's account; the assistant logs in, sees no
 * administrator screens, and the idle lock asks for the password again.
 * The real renderer in Debian Chromium, the real core on a real encrypted folder behind the bridge.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appForFile, expect, type RunningApp, startApp, test } from './server-fixture';
import { completeSetup, createAccount, lock, login, logout, unlock } from './ui-helpers';

const OFFICE = {
  name: 'Gminny Ośrodek Pomocy Społecznej w Grębocinie',
  address: 'ul. Szkolna 5',
  postalCode: '87-122',
  place: 'Grębocin',
  gmina: 'Lubicz',
  headName: 'Żaneta Wójcik-Łęcka',
  phone: '56 678 12 34',
};
const ADMIN = { fullName: 'Żaneta Wójcik-Łęcka', login: 'zwojcik', password: 'Kierowniczka2026' };
const ASSISTANT = { fullName: 'Małgorzata Kęsik', login: 'mkesik', role: 'assistant' as const, password: 'Asystentka2026' };

let app: RunningApp;
appForFile((a) => (app = a));

test('first run → recovery key → head creates an assistant → assistant sees no admin screens → idle lock → unlock', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.clock.install();
  await page.goto(app.url);

  // The wizard: office profile, the head's account, the recovery key card and its check.
  const recoveryKey = await completeSetup(page, OFFICE, ADMIN);
  expect(recoveryKey).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/);

  // Everything the wizard stored is encrypted on disk.
  const db = readFileSync(join(app.dataDir, 'asysta.db'));
  expect(db.subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
  expect(db.includes(Buffer.from('Grębocin'))).toBe(false);
  expect(readFileSync(join(app.dataDir, 'keys.json'), 'utf8')).not.toContain(ADMIN.login);

  // The head logs in and sees the administrator's screens.
  await login(page, ADMIN.login, ADMIN.password);
  await expect(page.getByText(OFFICE.name).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Dziennik zdarzeń' })).toBeVisible();

  // A wrong form gets Polish messages from the same zod schemas as the contract.
  await page.getByRole('link', { name: 'Konta użytkowników' }).click();
  await page.getByRole('button', { name: 'Nowe konto' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nowe konto' });
  await dialog.getByLabel('Login').fill('Łucja');
  await dialog.getByLabel(/^Hasło( \*)?$/).fill('krótkie');
  await dialog.getByRole('button', { name: 'Utwórz konto' }).click();
  await expect(dialog.getByText('Hasło: co najmniej 10 znaków.')).toBeVisible();
  await expect(dialog.getByText('Login: dozwolone są małe litery bez polskich znaków, cyfry, kropka, myślnik i podkreślenie.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Anuluj' }).click();

  await createAccount(page, ASSISTANT);
  await expect(page.getByRole('table', { name: 'Konta użytkowników' }).getByRole('cell', { name: ASSISTANT.fullName })).toBeVisible();

  // The audit log shows the account change, who made it and when.
  await page.getByRole('link', { name: 'Dziennik zdarzeń' }).click();
  await expect(page.getByRole('cell', { name: 'Utworzenie konta' }).first()).toBeVisible();

  await logout(page);

  // The assistant logs in: no administrator screens.
  await login(page, ASSISTANT.login, ASSISTANT.password);
  await expect(page.getByText(ASSISTANT.fullName).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rodziny' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Konta użytkowników' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Dziennik zdarzeń' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Ustawienia' })).toHaveCount(0);
  // Even by address, the screen is not there for the assistant.
  await page.goto(`${app.url}#/users`);
  await expect(page.getByRole('button', { name: 'Nowe konto' })).toHaveCount(0);

  // Idle for longer than the default 10 minutes: the window locks and asks for the password.
  await page.clock.fastForward('11:00');
  await expect(page.getByRole('heading', { name: 'Sesja zablokowana' })).toBeVisible();
  await page.getByLabel('Hasło', { exact: true }).fill('zle-haslo-1');
  await page.getByRole('button', { name: 'Odblokuj' }).click();
  await expect(page.getByText('Nieprawidłowe hasło.')).toBeVisible();
  await unlock(page, ASSISTANT.password);

  // A manual lock works the same way.
  await lock(page);
  await unlock(page, ASSISTANT.password);

  // The core recorded all of it.
  const { items } = app.probe.listAudit({ page: 1, pageSize: 200 });
  const actions = items.map((e) => e.action);
  expect(actions).toEqual(
    expect.arrayContaining(['setup.initialize', 'recovery.confirmed', 'auth.login', 'user.create', 'auth.logout', 'session.autolock', 'session.unlock_failed', 'session.unlock', 'session.lock']),
  );
  expect(existsSync(join(app.dataDir, 'asysta.db-wal'))).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('a forgotten password: the recovery key lets the head set a new one', async ({ page }) => {
  const fresh = await startApp();
  try {
    await page.goto(fresh.url);
    const recoveryKey = await completeSetup(page, OFFICE, ADMIN);
    await page.getByRole('button', { name: 'Nie pamiętam hasła — użyj klucza odzyskiwania' }).click();
    await page.getByLabel('Klucz odzyskiwania').fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
    await page.getByLabel('Login kierownika').fill(ADMIN.login);
    await page.getByLabel(/^Nowe hasło( \*)?$/).fill('NoweHasłoKierownika1');
    await page.getByLabel('Powtórz nowe hasło').fill('NoweHasłoKierownika1');
    await page.getByRole('button', { name: 'Odzyskaj dostęp' }).click();
    await expect(page.getByRole('button', { name: 'Zablokuj' })).toBeVisible({ timeout: 30_000 });
    await logout(page);
    await login(page, ADMIN.login, 'NoweHasłoKierownika1');
  } finally {
    await fresh.dispose();
  }
});

test('repeated wrong passwords slow down the login with a countdown in Polish', async ({ page }) => {
  // The core's clock stands still, so the delay after the failures cannot run out while a slow
  // machine derives the next key: the third attempt meets it whatever the load.
  const fresh = await startApp({ clockStart: Date.now() });
  try {
    await page.goto(fresh.url);
    await completeSetup(page, OFFICE, ADMIN);
    for (let i = 0; i < 3; i++) {
      await page.getByLabel('Login').fill(ADMIN.login);
      await page.getByLabel('Hasło', { exact: true }).fill(`zle-haslo-${i}`);
      await page.getByRole('button', { name: 'Zaloguj' }).click();
      await expect(page.getByText(/Nieprawidłowy login lub hasło|Zbyt wiele nieudanych prób/)).toBeVisible();
    }
    await expect(page.getByText(/Spróbuj ponownie za \d+ s/).first()).toBeVisible();
  } finally {
    await fresh.dispose();
  }
});
