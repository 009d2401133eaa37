/**
 * User story (issue 16): the head of an office that already works with families fills the
 * import template with three families, picks it under Rodziny → "Import z arkusza" (the path is
 * typed: no native picker in the browser preview), sees every row checked, imports the three
 * families and opens one of them — with its case already at "Zgoda na współpracę". The real
 * renderer in Debian Chromium, the real core behind the bridge, a real file on disk.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { makePesel } from '../../db/demo/generate';
import { buildTemplate } from '../../db/import/template';
import { expect, startApp, type RunningApp, test } from './server-fixture';
import { login } from './ui-helpers';

const PASSWORD = 'DemoHaslo2026';
// The axe-core fixture of server-fixture.ts (`test` from there) is left out until the theme's
// contrast fixes land (issue 14): today it fails on the login page already, before this screen.
let app: RunningApp;
let dir: string;
test.beforeAll(async () => {
  app = await startApp({ seed: { families: 3, password: PASSWORD } });
  dir = mkdtempSync(join(tmpdir(), 'asysta-import-Źródło-'));
});
test.afterAll(async () => {
  await app?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

test('the head imports the template with three families and opens one of them', async ({ page }) => {
  test.setTimeout(180_000);
  const member = (key: string, firstName: string, lastName: string, birth: string, sex: 'F' | 'M', role: string, serial: number, extra = {}) => ({
    familyKey: key,
    firstName,
    lastName,
    pesel: makePesel(birth, sex, serial),
    role,
    ...extra,
  });
  const rows = [
    member('R1', 'Monika', 'Jabłońska', '1990-03-11', 'F', 'matka', 901, {
      address: 'ul. Lipowa 4',
      postalCode: '87-122',
      place: 'Grębocin',
      track: 'wspieranie rodziny',
      learnedOn: '12.05.2025',
      assistant: 'asliwinska',
      assignedOn: '02.06.2025',
      consentOn: '09.06.2025',
    }),
    member('R1', 'Tymon', 'Jabłoński', '2016-08-21', 'M', 'syn', 902),
    member('R2', 'Halina', 'Czarnecka', '1978-12-01', 'F', 'babcia', 903, { address: 'ul. Szkolna 9', place: 'Grębocin' }),
    member('R2', 'Oliwia', 'Czarnecka', '2012-01-30', 'F', 'wnuczka', 904),
    member('R3', 'Robert', 'Zalewski', '1985-07-07', 'M', 'ojciec', 905, { address: 'Rozgarty 12', place: 'Rozgarty', track: 'wspieranie rodziny', learnedOn: '03.11.2025' }),
    member('R3', 'Lena', 'Zalewska', '2020-04-04', 'F', 'córka', 906),
  ];
  const file = join(dir, 'rejestr rodzin.xlsx');
  writeFileSync(file, await buildTemplate(rows, { withExample: false }));
  const before = createHash('sha256').update(readFileSync(file)).digest('hex');

  await page.goto(app.url);
  await login(page, 'admin', PASSWORD);
  await page.getByRole('link', { name: 'Rodziny', exact: true }).click();
  await page.getByRole('link', { name: 'Import z arkusza' }).click();
  await expect(page.getByRole('heading', { name: 'Import z arkusza' })).toBeVisible();

  await page.getByLabel('Plik arkusza').fill(file);
  await page.getByRole('button', { name: 'Wczytaj i sprawdź' }).click();
  await expect(page.getByRole('heading', { name: /Podgląd — nic nie zostało jeszcze zapisane/ })).toBeVisible({ timeout: 30_000 });
  const families = page.getByRole('table', { name: 'Rodziny z arkusza' });
  await expect(families.getByRole('row')).toHaveCount(4);
  await expect(families.getByRole('row', { name: /R1/ })).toContainText('Zgoda na współpracę');
  await expect(families.getByRole('row', { name: /R2/ })).toContainText('bez sprawy');
  await expect(page.getByText(/do importu: 3/)).toBeVisible();
  // Nothing is written by the preview.
  const count = () => (app.sql.prepare("SELECT count(*) AS n FROM family_members WHERE last_name IN ('Jabłońska','Czarnecka','Zalewski')").get() as { n: number }).n;
  expect(count()).toBe(0);

  await page.getByRole('button', { name: 'Importuj zaznaczone (3 rodziny)' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Import zakończony' });
  await expect(done).toContainText('Zaimportowano 3 rodziny, 6 osób i 2 sprawy');
  expect(count()).toBe(4);

  await done.getByRole('link', { name: /Monika Jabłońska/ }).click();
  await expect(page.getByText('Tymon').first()).toBeVisible();
  await expect(page.getByText('Zgoda na współpracę').first()).toBeVisible();
  // The source file is untouched.
  expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
});
