/**
 * End-to-end test of the real Electron app (Playwright `_electron`): first-run wizard -> recovery
 * key card -> key confirmation -> login -> create an assistant account -> issue 7's screens as a
 * smoke test (the head sees the half-year report table and checks the audit chain; a data
 * protection officer's account sees the audit log and the retention periods but not the families)
 * -> log in as the assistant -> no admin screens -> idle lock -> unlock. Plus a few shell checks
 * (app:// origin, no Node in the page, encrypted database file, log without personal data).
 *
 * Needs the Electron binary (downloaded from GitHub by `npm install`) and an Electron-ABI build of
 * better-sqlite3 (build/scripts/electron-native.mjs). See tests/e2e-electron/README.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { closeApp, executablePath, launchApp, launchArgs, launchEnv, layoutOf, prepareDevelopmentBuild, projectRoot, unavailableReason } from './launch';

// ---- every label the test relies on (the renderer's Polish UI) ---------------------------------
const UI = {
  setup: {
    officeName: 'Nazwa ośrodka',
    address: 'Adres',
    postalCode: 'Kod pocztowy',
    place: 'Miejscowość',
    gmina: 'Gmina',
    headName: 'Kierownik ośrodka',
    next: 'Dalej',
    fullName: 'Imię i nazwisko',
    login: 'Login',
    password: 'Hasło',
    repeat: 'Powtórz hasło',
    create: 'Utwórz ośrodek',
    recoveryKeyTestId: 'recovery-key',
    keySaved: 'Zapisałem/zapisałam klucz w bezpiecznym miejscu',
    confirmInput: 'Klucz odzyskiwania',
    confirmButton: 'Potwierdź klucz',
  },
  login: { login: 'Login', password: 'Hasło', submit: 'Zaloguj' },
  header: { logout: 'Wyloguj', lock: 'Zablokuj', userName: 'user-name' },
  nav: {
    /** The menu landmark: nav links are looked up inside it (the family card has a "Dziennik zdarzeń…" button). */
    menu: 'Menu główne',
    users: 'Konta użytkowników',
    audit: 'Dziennik zdarzeń',
    settings: 'Ustawienia',
    reports: 'Sprawozdania i statystyki',
    retention: 'Okresy przechowywania',
    families: 'Rodziny',
  },
  users: {
    newAccount: 'Nowe konto',
    fullName: 'Imię i nazwisko',
    login: 'Login',
    role: 'Rola',
    password: 'Hasło',
    repeat: 'Powtórz hasło',
    create: 'Utwórz konto',
    created: /Utworzono konto/,
    dpoRole: 'Inspektor ochrony danych',
  },
  reports: {
    title: 'Sprawozdania i statystyki',
    halfYearTab: 'Sprawozdanie półroczne',
    halfYearTableTestId: 'half-year-table',
    familiesSupported: 'Rodziny objęte wsparciem asystenta rodziny w okresie',
  },
  audit: { title: 'Dziennik zdarzeń', verify: 'Sprawdź spójność dziennika', consistent: /Dziennik jest spójny/ },
  dpo: { homeTestId: 'dpo-home' },
  lock: { title: 'Sesja zablokowana', password: 'Hasło', unlock: 'Odblokuj' },
} as const;

const OFFICE = {
  name: 'Gminny Ośrodek Pomocy Społecznej w Zażółciu',
  address: 'ul. Szkolna 5',
  postalCode: '87-123',
  place: 'Zażółć',
  gmina: 'Zażółć',
  headName: 'Jadwiga Kierownicza',
};
const ADMIN = { login: 'kierownik', password: 'Kierownik2026' };
const ASSISTANT = { fullName: 'Łucja Asystentka', login: 'l.asystentka', password: 'Asystentka2026' };
const DPO = { fullName: 'Irena Inspektorka', login: 'i.inspektorka', password: 'Inspektor2026' };
/** Default idle time (db/settings.ts DEFAULT_SETTINGS.idleMinutes) plus one minute. */
const PAST_IDLE_TIME = '11:00';

test.describe('Asysta w Electronie', () => {
  const unavailable = unavailableReason();
  test.skip(unavailable !== null, unavailable ?? '');

  let root: string;
  let dataDir: string;
  let profileDir: string;
  let nativeBinding: string | null = null;
  let app: ElectronApplication | undefined;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    nativeBinding = prepareDevelopmentBuild();
    if (nativeBinding !== null) expect(existsSync(nativeBinding), `native binding ${nativeBinding}`).toBe(true);
  });

  test.beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'asysta-e2e-Łucja-'));
    ({ dataDir, profileDir } = layoutOf(root));
  });

  test.afterEach(async () => {
    if (app) await closeApp(app, app.windows()[0] ?? null);
    app = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  async function launch(): Promise<Page> {
    const started = await launchApp(root, nativeBinding);
    app = started.app;
    return started.page;
  }

  async function login(page: Page, who: { login: string; password: string }) {
    await page.getByLabel(UI.login.login, { exact: true }).fill(who.login);
    await page.getByLabel(UI.login.password, { exact: true }).fill(who.password);
    await page.getByRole('button', { name: UI.login.submit }).click();
    await expect(page.getByRole('button', { name: UI.header.logout })).toBeVisible();
  }

  async function logout(page: Page) {
    await page.getByRole('button', { name: UI.header.logout }).click();
    await expect(page.getByRole('button', { name: UI.login.submit })).toBeVisible();
  }

  async function createAccount(page: Page, who: { fullName: string; login: string; password: string }, role: 'assistant' | 'dpo') {
    await page.getByRole('navigation', { name: UI.nav.menu }).getByRole('link', { name: UI.nav.users }).click();
    await page.getByRole('button', { name: UI.users.newAccount }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(UI.users.fullName, { exact: true }).fill(who.fullName);
    await dialog.getByLabel(UI.users.login, { exact: true }).fill(who.login);
    await dialog.getByLabel(UI.users.role, { exact: true }).selectOption(role);
    await dialog.getByLabel(UI.users.password, { exact: true }).fill(who.password);
    await dialog.getByLabel(UI.users.repeat, { exact: true }).fill(who.password);
    await dialog.getByRole('button', { name: UI.users.create }).click();
    await expect(page.getByText(UI.users.created)).toBeVisible();
    await expect(page.getByRole('cell', { name: who.login, exact: true })).toBeVisible();
  }

  test('kreator, konta, role, sprawozdania i dziennik, blokada bezczynności', async () => {
    test.setTimeout(300_000);
    const page = await launch();

    // Fake timers for the idle lock, installed before the app code runs.
    await page.clock.install();
    await page.reload();

    await test.step('powłoka: app://, brak Node w stronie, tylko window.api', async () => {
      expect(page.url()).toMatch(/^app:\/\/asysta\//);
      const probe = await page.evaluate(() => {
        const g = globalThis as unknown as Record<string, unknown>;
        const api = g.api as Record<string, unknown> | undefined;
        return {
          require: typeof g.require,
          process: typeof g.process,
          ipcRenderer: typeof g.ipcRenderer,
          apiKeys: api ? Object.keys(api).sort() : [],
          apiFrozen: api ? Object.isFrozen(api) : false,
        };
      });
      expect(probe.require).toBe('undefined');
      expect(probe.process).toBe('undefined');
      expect(probe.ipcRenderer).toBe('undefined');
      expect(probe.apiKeys).toContain('auth:login');
      expect(probe.apiFrozen).toBe(true);
      // Main process: only the contract channel is listened to (electron-store's helper is removed).
      const listeners = await app!.evaluate(({ ipcMain }) => ipcMain.listenerCount('electron-store-get-data'));
      expect(listeners).toBe(0);
    });

    let recoveryKey = '';
    await test.step('pierwsze uruchomienie: dane ośrodka i konto kierownika', async () => {
      await page.getByLabel(UI.setup.officeName, { exact: true }).fill(OFFICE.name);
      await page.getByLabel(UI.setup.address, { exact: true }).fill(OFFICE.address);
      await page.getByLabel(UI.setup.postalCode, { exact: true }).fill(OFFICE.postalCode);
      await page.getByLabel(UI.setup.place, { exact: true }).fill(OFFICE.place);
      await page.getByLabel(UI.setup.gmina, { exact: true }).fill(OFFICE.gmina);
      await page.getByLabel(UI.setup.headName, { exact: true }).fill(OFFICE.headName);
      await page.getByRole('button', { name: UI.setup.next }).click();

      await expect(page.getByLabel(UI.setup.fullName, { exact: true })).toHaveValue(OFFICE.headName);
      await page.getByLabel(UI.setup.login, { exact: true }).fill(ADMIN.login);
      await page.getByLabel(UI.setup.password, { exact: true }).fill(ADMIN.password);
      await page.getByLabel(UI.setup.repeat, { exact: true }).fill(ADMIN.password);
      await page.getByRole('button', { name: UI.setup.create }).click();
    });

    await test.step('karta klucza odzyskiwania i potwierdzenie', async () => {
      const keyCard = page.getByTestId(UI.setup.recoveryKeyTestId);
      await expect(keyCard).toBeVisible({ timeout: 60_000 });
      recoveryKey = (await keyCard.innerText()).trim();
      expect(recoveryKey.length).toBeGreaterThan(20);
      await page.getByLabel(UI.setup.keySaved).check();
      await page.getByRole('button', { name: UI.setup.next }).click();
      await page.getByLabel(UI.setup.confirmInput, { exact: true }).fill(recoveryKey);
      await page.getByRole('button', { name: UI.setup.confirmButton }).click();
      await expect(page.getByRole('button', { name: UI.login.submit })).toBeVisible();
    });

    await test.step('logowanie kierownika i założenie konta asystentki', async () => {
      await login(page, ADMIN);
      await createAccount(page, ASSISTANT, 'assistant');
    });

    await test.step('kierownik: sprawozdanie półroczne (tabela)', async () => {
      const nav = page.getByRole('navigation', { name: UI.nav.menu });
      await nav.getByRole('link', { name: UI.nav.reports }).click();
      await expect(page.getByRole('heading', { name: UI.reports.title })).toBeVisible();
      await expect(page.getByRole('tab', { name: UI.reports.halfYearTab })).toHaveAttribute('aria-selected', 'true');
      const table = page.getByTestId(UI.reports.halfYearTableTestId);
      await expect(table).toBeVisible({ timeout: 60_000 });
      await expect(table).toContainText(UI.reports.familiesSupported);
    });

    await test.step('kierownik: dziennik zdarzeń, sprawdzenie spójności', async () => {
      const nav = page.getByRole('navigation', { name: UI.nav.menu });
      await nav.getByRole('link', { name: UI.nav.audit, exact: true }).click();
      await expect(page.getByRole('heading', { name: UI.audit.title })).toBeVisible();
      await page.getByRole('button', { name: UI.audit.verify }).click();
      await expect(page.getByRole('status').filter({ hasText: UI.audit.consistent })).toBeVisible({ timeout: 60_000 });
    });

    await test.step('kierownik zakłada konto inspektora ochrony danych', async () => {
      await createAccount(page, DPO, 'dpo');
      await expect(page.getByRole('row', { name: new RegExp(DPO.fullName) })).toContainText(UI.users.dpoRole);
      await logout(page);
    });

    await test.step('inspektor ochrony danych: dziennik i okresy przechowywania, bez rodzin', async () => {
      await login(page, DPO);
      await expect(page.getByTestId(UI.dpo.homeTestId)).toBeVisible();
      const nav = page.getByRole('navigation', { name: UI.nav.menu });
      await expect(nav.getByRole('link', { name: UI.nav.families, exact: true })).toHaveCount(0);
      await expect(nav.getByRole('link', { name: UI.nav.retention })).toBeVisible();
      await nav.getByRole('link', { name: UI.nav.audit, exact: true }).click();
      await expect(page.getByRole('heading', { name: UI.audit.title })).toBeVisible();
      await logout(page);
    });

    await test.step('asystentka nie widzi ekranów kierownika', async () => {
      await login(page, ASSISTANT);
      await expect(page.getByTestId(UI.header.userName)).toHaveText(ASSISTANT.fullName);
      await expect(page.getByRole('link', { name: UI.nav.users })).toHaveCount(0);
      await expect(page.getByRole('link', { name: UI.nav.audit })).toHaveCount(0);
      await expect(page.getByRole('link', { name: UI.nav.settings, exact: true })).toHaveCount(0);
      // Typing the address of an admin page shows the home page instead…
      await page.evaluate(() => {
        (globalThis as unknown as { location: { hash: string } }).location.hash = '#/users';
      });
      await expect(page.getByRole('heading', { name: UI.nav.users })).toHaveCount(0);
      // …and the core refuses the call itself, whatever the UI does.
      const res = (await page.evaluate(() =>
        (globalThis as unknown as { api: Record<string, (i: unknown) => Promise<unknown>> }).api['users:list']!({}),
      )) as { ok: boolean; error?: { code: string } };
      expect(res.ok).toBe(false);
      expect(res.error?.code).toBe('FORBIDDEN');
    });

    await test.step('blokada po bezczynności i odblokowanie', async () => {
      await page.clock.fastForward(PAST_IDLE_TIME);
      await expect(page.getByRole('heading', { name: UI.lock.title })).toBeVisible();
      await expect(page.getByRole('button', { name: UI.header.lock })).toHaveCount(0);
      const locked = (await page.evaluate(() =>
        (globalThis as unknown as { api: Record<string, (i: unknown) => Promise<unknown>> }).api['families:list']!({}),
      )) as { ok: boolean; error?: { code: string } };
      expect(locked.error?.code).toBe('SESSION_LOCKED');
      await page.getByLabel(UI.lock.password, { exact: true }).fill(ASSISTANT.password);
      await page.getByRole('button', { name: UI.lock.unlock }).click();
      await expect(page.getByRole('heading', { name: UI.lock.title })).toHaveCount(0);
      await expect(page.getByTestId(UI.header.userName)).toHaveText(ASSISTANT.fullName);
    });

    await closeApp(app!, page);
    app = undefined;

    await test.step('na dysku: zaszyfrowana baza, dziennik błędów bez danych osobowych', async () => {
      const db = readFileSync(join(dataDir, 'asysta.db'));
      expect(db.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
      expect(db.includes(Buffer.from(ASSISTANT.fullName, 'utf8'))).toBe(false);
      const log = join(profileDir, 'logi', 'asysta-main.log');
      if (existsSync(log)) {
        const text = readFileSync(log, 'utf8');
        for (const secret of [ASSISTANT.fullName, ASSISTANT.password, DPO.fullName, DPO.password, ADMIN.password, OFFICE.headName, recoveryKey]) {
          expect(text).not.toContain(secret);
        }
      }
    });
  });

  test('drugie uruchomienie tej samej instalacji kończy się od razu', async () => {
    const page = await launch();
    await expect(page.getByRole('button', { name: UI.setup.next })).toBeVisible();
    // Same profile folder -> no single-instance lock -> the second process quits at once (exit 0;
    // execFileSync throws on a non-zero exit code or when it is still running after the timeout).
    execFileSync(executablePath(), launchArgs(), { cwd: projectRoot, env: launchEnv(root, nativeBinding), timeout: 30_000, stdio: 'ignore' });
    await expect(page.getByRole('button', { name: UI.setup.next })).toBeVisible();
    expect(app!.windows()).toHaveLength(1);
  });
});
