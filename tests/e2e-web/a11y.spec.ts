/**
 * The accessibility watch itself (a11y.ts): a page state with a serious violation fails the test,
 * and a dialog the test opens and closes again is checked while it is open.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './server-fixture';

const PAGE = `<!doctype html><html lang="pl"><head><title>Próba</title></head><body><main>
  <h1>Strona próbna</h1>
  <button id="open" type="button">Otwórz okno</button>
  <div id="dlg" role="dialog" aria-labelledby="dlg-title" hidden>
    <h2 id="dlg-title">Okno próbne</h2>
    <p style="color:#aaaaaa;background:#ffffff">Szary tekst na białym tle (2,3:1)</p>
    <button id="close" type="button">Zamknij</button>
  </div>
  <script>
    document.getElementById('open').onclick = () => { document.getElementById('dlg').hidden = false; };
    document.getElementById('close').onclick = () => { document.getElementById('dlg').hidden = true; };
  </script>
</main></body></html>`;

async function openTrialPage(page: Page) {
  await page.route('http://a11y.test/', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE }));
  await page.goto('http://a11y.test/');
}

test('a page without violations passes and its state is recorded', async ({ page, a11yScans }) => {
  await openTrialPage(page);
  await page.getByRole('button', { name: 'Otwórz okno' }).focus();
  expect(a11yScans.map((s) => s.state)).toEqual(['#/ | Strona próbna']);
  expect(a11yScans[0]!.violations).toEqual([]);
});

test('a dialog opened and closed again is checked while it is open', async ({ page, a11yScans }) => {
  await openTrialPage(page);
  await page.getByRole('button', { name: 'Otwórz okno' }).click();
  await page.getByRole('dialog', { name: 'Okno próbne' }).getByRole('button', { name: 'Zamknij' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  // Checked before the closing click, while it was open: the state names the dialog.
  const dialogScan = a11yScans.find((s) => s.state.includes('okno: Okno próbne'));
  expect(dialogScan?.violations.map((v) => `${v.impact} ${v.id} ${v.nodes.length}`)).toEqual(['serious color-contrast 1']);
  expect(dialogScan?.violations[0]?.nodes[0]?.summary).toContain('#aaaaaa');
  a11yScans.length = 0; // seen: this test is not about failing
});

// Expected to fail, at teardown, on the dialog left open with its low-contrast text.
test.fail('a page state with a serious violation fails the test', async ({ page }) => {
  await openTrialPage(page);
  await page.getByRole('button', { name: 'Otwórz okno' }).click();
});
