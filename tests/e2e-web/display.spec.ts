/**
 * Issue 14 — text size (A / A+ / A++) and high contrast, as the offices' own web sites offer
 * them: usable by keyboard, announced as pressed buttons, remembered per user in the core (the
 * login screen shows the workstation's last choice); at A++ nothing overlaps on the main screens
 * at 1280×800 and 1024×768; the high-contrast theme reaches 7:1 (WCAG AAA) where it is checked.
 * Screenshots of every screen at A++ go to the test's output folder for a person to look at.
 */
import type { Page, TestInfo } from '@playwright/test';
import { appForFile, checkA11y, expect, startApp, test, textOverlaps, type RunningApp } from './server-fixture';
import { completeSetup, createAccount, login, logout, openCaseById, openSection, setHighContrast, setTextSize } from './ui-helpers';

const OFFICE = {
  name: 'Gminny Ośrodek Pomocy Społecznej w Wąbrzeźnie',
  address: 'ul. Wolności 18',
  postalCode: '87-200',
  place: 'Wąbrzeźno',
  gmina: 'Wąbrzeźno',
  headName: 'Grażyna Szczęsna-Wiśniewska',
};
const HEAD = { fullName: 'Grażyna Szczęsna-Wiśniewska', login: 'gszczesna', password: 'Kierowniczka2026' };
const AR = { fullName: 'Bożena Źrałek', login: 'bzralek', role: 'assistant' as const, password: 'Asystentka2026' };

let app: RunningApp;
appForFile((a) => (app = a));

const html = (page: Page) => page.locator('html');
const sizeButton = (page: Page, size: string) => page.getByRole('group', { name: 'Wielkość tekstu' }).getByRole('button', { name: size, exact: true });

test('text size and contrast: by keyboard, remembered per user, the workstation’s last choice before login', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Dane ośrodka' })).toBeVisible({ timeout: 30_000 });

  // Keyboard only: Tab reaches the buttons (the first controls of the screen), Enter and Space press them.
  await expect(html(page)).toHaveAttribute('data-text-size', 'A');
  await expect(sizeButton(page, 'A')).toHaveAttribute('aria-pressed', 'true');
  await sizeButton(page, 'A').focus();
  await page.keyboard.press('Tab');
  await expect(sizeButton(page, 'A+')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(sizeButton(page, 'A++')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(html(page)).toHaveAttribute('data-text-size', 'A++');
  await expect(sizeButton(page, 'A++')).toHaveAttribute('aria-pressed', 'true');
  await expect(sizeButton(page, 'A')).toHaveAttribute('aria-pressed', 'false');
  await expect(html(page)).toHaveCSS('font-size', '24px');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Wysoki kontrast' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Wysoki kontrast' })).toHaveAttribute('aria-pressed', 'true');
  await expect(html(page)).toHaveAttribute('data-contrast', 'high');
  await checkA11y(page, 'kreator, A++, wysoki kontrast', { enhancedContrast: true });

  await completeSetup(page, OFFICE, HEAD);
  // The login screen: the workstation's last choice.
  await expect(html(page)).toHaveAttribute('data-text-size', 'A++');
  await expect(html(page)).toHaveAttribute('data-contrast', 'high');
  await checkA11y(page, 'logowanie, A++, wysoki kontrast', { enhancedContrast: true });

  // The head has no choice of her own yet: she starts with the workstation's and changes it.
  await login(page, HEAD.login, HEAD.password);
  await expect(html(page)).toHaveAttribute('data-text-size', 'A++');
  await checkA11y(page, 'strona główna, A++, wysoki kontrast', { enhancedContrast: true });
  // A new office's home: "Pierwsze kroki" at A++ in high contrast, nothing drawn over anything.
  await expect(page.getByText('Pierwsze kroki', { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('A++-wysoki-kontrast-pierwsze-kroki.png'), fullPage: true });
  expect(await textOverlaps(page)).toEqual([]);
  await setTextSize(page, 'A+');
  await createAccount(page, AR);
  await logout(page);
  await expect(html(page)).toHaveAttribute('data-text-size', 'A+');

  // The assistant picks the standard look for herself.
  await login(page, AR.login, AR.password);
  await expect(html(page)).toHaveAttribute('data-text-size', 'A+');
  await setTextSize(page, 'A');
  await setHighContrast(page, false);
  await logout(page);
  await expect(html(page)).toHaveAttribute('data-contrast', 'standard');

  // A new window (the page reloaded): the head gets her own choice back from the database.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Zaloguj' })).toBeVisible({ timeout: 30_000 });
  await expect(html(page)).toHaveAttribute('data-text-size', 'A');
  await login(page, HEAD.login, HEAD.password);
  await expect(html(page)).toHaveAttribute('data-text-size', 'A+');
  await expect(html(page)).toHaveAttribute('data-contrast', 'high');
  await expect(sizeButton(page, 'A+')).toHaveAttribute('aria-pressed', 'true');

  // The lock screen keeps the user's look and offers the switch too.
  await page.getByRole('button', { name: 'Zablokuj' }).click();
  await expect(page.getByRole('heading', { name: 'Sesja zablokowana' })).toBeVisible();
  await expect(html(page)).toHaveAttribute('data-text-size', 'A+');
  await expect(sizeButton(page, 'A++')).toBeVisible();
});

// ---- A++ on the main screens -------------------------------------------------------------------

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

/** Screenshot (full page) into the test's output folder, then: no text over text, no sideways scroll. */
async function lookAt(page: Page, info: TestInfo, name: string, problems: string[]) {
  await checkA11y(page, `A++ ${name}`);
  const vp = page.viewportSize()!;
  await page.screenshot({ path: info.outputPath(`A++-${vp.width}x${vp.height}-${name}.png`), fullPage: true });
  await page.screenshot({ path: info.outputPath(`A++-${vp.width}x${vp.height}-${name}-top.png`) });
  for (const o of await textOverlaps(page)) problems.push(`${vp.width}×${vp.height} ${name}: ${o}`);
}

test.describe('at A++', () => {
  const PASSWORD = 'DemoHaslo2026';
  let seeded: RunningApp;
  test.beforeAll(async () => {
    seeded = await startApp({ seed: { families: 20, password: PASSWORD } });
  });
  test.afterAll(async () => {
    await seeded?.dispose();
  });

  for (const vp of VIEWPORTS) {
    test(`nothing overlaps on the main screens at ${vp.width}×${vp.height}`, async ({ page }, info) => {
      test.setTimeout(300_000);
      await page.setViewportSize(vp);
      const problems: string[] = [];
      await page.goto(seeded.url);
      await expect(page.getByRole('button', { name: 'Zaloguj' })).toBeVisible({ timeout: 30_000 });
      await setTextSize(page, 'A++');
      await lookAt(page, info, 'logowanie', problems);
      await login(page, 'admin', PASSWORD);
      await setTextSize(page, 'A++');
      await lookAt(page, info, 'strona-glowna', problems);
      for (const [link, name] of [
        ['Rodziny', 'rodziny'],
        ['Decyzje', 'decyzje'],
        ['Sprawozdania i statystyki', 'sprawozdania'],
        ['Okresy przechowywania', 'przechowywanie'],
        ['Konta użytkowników', 'konta'],
        ['Dziennik zdarzeń', 'dziennik-zdarzen'],
        ['Ustawienia', 'ustawienia'],
        ['Parametry pracy z rodziną', 'parametry'],
        ['Kopia zapasowa', 'kopia'],
      ] as const) {
        await openSection(page, link);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        await lookAt(page, info, name, problems);
      }

      // A case in work, as its assistant: the case view and the visit form.
      const c = seeded.sql
        .prepare(
          `SELECT c.id AS id, c.case_number AS caseNumber, u.login AS login FROM cases c JOIN users u ON u.id = c.assistant_id
            WHERE u.role = 'assistant' AND u.active = 1 AND c.closed_on IS NULL AND EXISTS (SELECT 1 FROM work_plans p WHERE p.case_id = c.id)
            ORDER BY c.created_at LIMIT 1`,
        )
        .get() as { id: string; caseNumber: string; login: string };
      await logout(page);
      await login(page, c.login, PASSWORD);
      await expect(html(page)).toHaveAttribute('data-text-size', 'A++');
      await lookAt(page, info, 'asystent-strona-glowna', problems);
      await openCaseById(page, c.id, c.caseNumber);
      await lookAt(page, info, 'sprawa', problems);
      await page.getByTestId('case-work').getByRole('tab', { name: 'Plan pracy' }).click();
      await lookAt(page, info, 'sprawa-plan', problems);
      await page.getByTestId('case-work').getByRole('tab', { name: 'Dziennik wizyt' }).click();
      await page.getByRole('button', { name: 'Nowa wizyta' }).click();
      await lookAt(page, info, 'sprawa-nowa-wizyta', problems);
      expect(problems).toEqual([]);
    });
  }
});
