/**
 * Two things only the real Electron app can show (issue 17):
 *
 * - printing: the head previews the audit-log extract and saves it as PDF — the document is laid
 *   out by the hidden print window (electron/print.ts) with the print font from the resources the
 *   app was given, and the PDF on disk has the Polish text and the embedded font;
 * - Windows shutdown or log-off (`session-end`; `powerMonitor` `shutdown` on Linux): no
 *   `will-quit` comes, yet the logged-in head's logout is in the audit log and the data folder is
 *   free at the next start.
 *
 * Setup and login go through window.api (the same contract the wizard uses; the wizard itself is
 * covered by app.spec.ts). The native save dialog is replaced in the main process by one that
 * answers with a path, as a user would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { closeApp, launchApp, layoutOf, prepareDevelopmentBuild, unavailableReason } from './launch';

const OFFICE = {
  name: 'Gminny Ośrodek Pomocy Społecznej w Żółkiewce',
  address: 'ul. Łąkowa 2',
  postalCode: '22-335',
  place: 'Żółkiewka',
  gmina: 'Żółkiewka',
  headName: 'Grażyna Źrebięcka',
};
const HEAD = { fullName: OFFICE.headName, login: 'kierownik', password: 'Kierownik2026' };

type Api = Record<string, (input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>>;

/** One contract call from the page, as the renderer makes it; throws with the error code. */
async function call<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await page.evaluate(([c, i]) => (globalThis as unknown as { api: Api }).api[c as string]!(i), [channel, input] as const);
  if (!r.ok) throw new Error(`${channel}: ${r.error?.code}`);
  return r.value as T;
}

/** A new office with its head logged in (the page is on the login screen after a reload). */
async function officeWithHead(page: Page): Promise<void> {
  const { recoveryKey } = await call<{ recoveryKey: string }>(page, 'setup:initialize', { office: OFFICE, admin: HEAD });
  await call(page, 'setup:confirmRecoveryKey', { recoveryKey });
  await page.reload();
  await page.getByLabel('Login', { exact: true }).fill(HEAD.login);
  await page.getByLabel('Hasło', { exact: true }).fill(HEAD.password);
  await page.getByRole('button', { name: 'Zaloguj' }).click();
  await expect(page.getByRole('button', { name: 'Wyloguj' })).toBeVisible();
}

const hasTool = (cmd: string) => spawnSync(process.platform === 'win32' ? 'where' : 'which', [cmd]).status === 0;

test.describe('Asysta w Electronie: wydruk i zamknięcie systemu', () => {
  const unavailable = unavailableReason();
  test.skip(unavailable !== null, unavailable ?? '');

  let root: string;
  let nativeBinding: string | null = null;
  let app: ElectronApplication | undefined;

  test.beforeAll(() => {
    test.setTimeout(300_000);
    nativeBinding = prepareDevelopmentBuild();
  });
  test.beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'asysta-e2e-Żółć-'));
  });
  test.afterEach(async () => {
    if (app) await closeApp(app, app.windows()[0] ?? null);
    app = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  test('podgląd wyciągu z dziennika zdarzeń i zapis jako PDF z osadzoną czcionką', async () => {
    test.setTimeout(180_000);
    const started = await launchApp(root, nativeBinding);
    app = started.app;
    const page = started.page;
    await officeWithHead(page);

    const pdfDir = join(root, 'Dokumenty');
    const target = join(pdfDir, 'Wyciąg z dziennika zdarzeń.pdf');
    // The system "Save as" dialog answers with a path in a folder of the test.
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
    }, target);
    mkdirSync(pdfDir, { recursive: true });

    await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Dziennik zdarzeń', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Dziennik zdarzeń' })).toBeVisible();
    await page.getByRole('button', { name: 'Drukuj / zapisz PDF' }).click();
    const dialog = page.getByRole('dialog');
    const doc = page.frameLocator('iframe[title="Podgląd dokumentu"]');
    await expect(doc.getByText('Wyciąg z dziennika zdarzeń').first()).toBeVisible({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Zapisz jako PDF…' }).click();
    await expect(dialog.getByRole('status')).toContainText('Zapisano plik PDF', { timeout: 60_000 });

    expect(readdirSync(pdfDir)).toEqual(['Wyciąg z dziennika zdarzeń.pdf']);
    if (hasTool('pdftotext')) {
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', target, '-'], { encoding: 'utf8' });
      expect(text).toContain('Wyciąg z dziennika zdarzeń');
      expect(text).toContain(OFFICE.name);
    }
    if (hasTool('pdffonts')) {
      // The print font from resources/fonts (packaged) or build/fonts (development), embedded.
      expect(execFileSync('pdffonts', [target], { encoding: 'utf8' })).toMatch(/LiberationSerif.*yes/);
    }
  });

  test('zamknięcie systemu lub wylogowanie z Windows: wylogowanie w dzienniku, folder danych wolny', async () => {
    test.setTimeout(180_000);
    const first = await launchApp(root, nativeBinding);
    app = first.app;
    await officeWithHead(first.page);

    // What Windows sends at shutdown/log-off (BrowserWindow 'session-end'), or Linux
    // (powerMonitor 'shutdown'). No before-quit/will-quit follows; the app must end by itself.
    const exited = new Promise<void>((resolve) => app!.process().once('exit', () => resolve()));
    await app.evaluate(({ BrowserWindow, powerMonitor }, platform) => {
      const event = { reasons: ['shutdown'], preventDefault() {} };
      if (platform === 'win32') BrowserWindow.getAllWindows()[0]!.emit('session-end', event);
      else powerMonitor.emit('shutdown', event);
    }, process.platform);
    await exited;
    app = undefined;

    // The data folder is free: the next start opens it (no "database in use") and the head's
    // logout at shutdown is in the log.
    expect(existsSync(layoutOf(root).dataDir)).toBe(true);
    const second = await launchApp(root, nativeBinding);
    app = second.app;
    await second.page.getByLabel('Login', { exact: true }).fill(HEAD.login);
    await second.page.getByLabel('Hasło', { exact: true }).fill(HEAD.password);
    await second.page.getByRole('button', { name: 'Zaloguj' }).click();
    await expect(second.page.getByRole('button', { name: 'Wyloguj' })).toBeVisible();
    const log = await call<{ items: Array<{ action: string; userLogin: string | null }> }>(second.page, 'audit:search', {
      action: 'auth.logout',
      page: 1,
      pageSize: 10,
    });
    expect(log.items.map((e) => [e.action, e.userLogin])).toEqual([['auth.logout', HEAD.login]]);
  });
});
