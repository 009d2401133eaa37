/**
 * The accessibility watch itself (a11y.ts): a page state with a serious violation fails the test,
 * and a dialog the test opens and closes again is checked while it is open.
 */
import type { Page } from '@playwright/test';
import { watchContext } from './a11y';
import { expect, test, textOverlaps } from './server-fixture';

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

// What the fixture does at the end of every test (watchContext), run here on a context of its
// own so that the test can assert the error itself: it fails for this reason and no other.
test('a page state with a serious violation fails the test, naming the state, rule and element', async ({ browser }, testInfo) => {
  const context = await browser.newContext();
  const error = await watchContext(context, testInfo, async () => {
    const page = await context.newPage();
    await openTrialPage(page);
    await page.getByRole('button', { name: 'Otwórz okno' }).click();
    await expect(page.getByRole('dialog', { name: 'Okno próbne' })).toBeVisible();
  }).then(
    () => null,
    (e: unknown) => e as Error,
  );
  await context.close();
  expect(error?.message).toContain('serious or critical violations in 1 of 2 page states');
  expect(error?.message).toContain('■ #/ | Strona próbna / Okno próbne | okno: Okno próbne');
  expect(error?.message).toMatch(/serious color-contrast \(1\): .*\n\s+p\s+<p style="color:#aaaaaa.*contrast of 2\.32/s);
});

// ---- the A++ overlap check (textOverlaps): it finds text over text and a page wider than the window

const LAYOUT = (body: string) => `<!doctype html><html lang="pl"><head><title>Układ</title></head><body style="margin:0;font:16px sans-serif"><main>${body}</main></body></html>`;

async function openLayout(page: Page, body: string) {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.route('http://layout.test/', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: LAYOUT(body) }));
  await page.goto('http://layout.test/');
}

test('the overlap check passes a layout that holds (wrapped text, a clipped label, a table scrolled in its box)', async ({ page }) => {
  await openLayout(
    page,
    `<h1>Rodziny w pracy</h1>
     <div style="display:flex;gap:8px;width:300px"><span>Imię i nazwisko asystentki rodziny</span><span>Zablokuj</span></div>
     <div style="width:120px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis">Bardzo długa nazwa ośrodka pomocy społecznej</div>
     <div style="overflow-x:auto;width:300px" tabindex="0" aria-label="Tabela"><table><tr><td style="white-space:nowrap">Kolumna szeroka na więcej niż okno, przewijana w swoim polu ${'x'.repeat(120)}</td></tr></table></div>`,
  );
  expect(await textOverlaps(page)).toEqual([]);
});

test('the overlap check looks only inside an open modal dialog, and finds overlaps there', async ({ page }) => {
  const dialog = (inner: string) => `<p>Tekst strony pod oknem</p>
     <div role="dialog" aria-modal="true" aria-label="Nowa wizyta" style="position:fixed;inset:0;background:#fff;padding:16px">
       <h2>Nowa wizyta</h2>${inner}
     </div>`;
  await openLayout(page, dialog('<p>Data wizyty</p>'));
  expect(await textOverlaps(page)).toEqual([]);
  await page.unrouteAll();
  await openLayout(page, dialog('<div style="position:relative"><span style="position:absolute;top:0">Data wizyty</span><span style="position:absolute;top:3px;left:10px">Godzina</span></div>'));
  expect(await textOverlaps(page)).toEqual(['„Data wizyty” nachodzi na „Godzina”']);
});

test('the overlap check finds text drawn over text and a page that scrolls sideways', async ({ page }) => {
  await openLayout(
    page,
    `<h1>Rodziny w pracy</h1>
     <div style="position:relative;height:40px">
       <span style="position:absolute;left:0;top:0;white-space:nowrap">Grażyna Szczęsna-Wiśniewska</span>
       <span style="position:absolute;left:60px;top:2px;white-space:nowrap">Kierownik ośrodka</span>
     </div>
     <div style="width:1200px">Tabela szersza niż okno</div>`,
  );
  const found = await textOverlaps(page);
  expect(found).toContain('„Grażyna Szczęsna-Wiśniewska” nachodzi na „Kierownik ośrodka”');
  expect(found.find((f) => f.startsWith('strona przewija się w poziomie'))).toMatch(/\(1200 > 800 px\): div„Tabela szersza niż okno”/);
  expect(found).toHaveLength(2);
});

test('the overlap check finds a button pushed out of a fixed header (the page itself does not scroll)', async ({ page }) => {
  const header = (width: number) => `<header style="position:fixed;top:0;left:0;right:0;display:flex;gap:8px;white-space:nowrap">
       <span style="flex-shrink:0;width:${width}px">Asysta</span><button type="button">Zablokuj</button><button type="button">Wyloguj</button>
     </header><h1 style="margin-top:60px">Rodziny</h1>`;
  await openLayout(page, header(500));
  expect(await textOverlaps(page)).toEqual([]);
  await page.unrouteAll();
  await openLayout(page, header(720));
  expect(await textOverlaps(page)).toEqual(['poza prawą krawędzią okna (800 px): button„Wyloguj”']);
});
