/**
 * User story (supporting family, art. 29–31), on a seeded demo office: the assistant registers a
 * supporting family (neighbours) for the case from the family card; the head gives the opinion
 * after the interview and then corrects it ("Zmień opinię kierownika"); the head records the act
 * establishing the family, the contract on reimbursement of costs and a reimbursement; the
 * case's documents list the contract. The real renderer in Debian Chromium, the real core behind
 * the bridge.
 */
import type { Page } from '@playwright/test';
import { addDays } from '../../shared/rules';
import { appForFile, expect, type RunningApp, test } from './server-fixture';
import { login, logout, openCaseById, plDate as pl, warsawToday as today } from './ui-helpers';

const PASSWORD = 'DemoHaslo2026';
const NAME = 'Państwo Sąsiedzcy-Żółtkowscy';
test.use({ actionTimeout: 30_000 });

let app: RunningApp;
appForFile((a) => (app = a), { seed: { families: 12, password: PASSWORD } });

async function openFamily(page: Page, familyId: string) {
  await page.evaluate((id) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#/families/f/${encodeURIComponent(id)}`;
  }, familyId);
  await expect(page.getByRole('heading', { name: 'Rodziny wspierające' })).toBeVisible();
}

test('assistant registers a supporting family; the head gives and corrects the opinion, records the act, the contract and a reimbursement; the documents list the contract', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // The database opens with a login: the head's session finds a case worked on by an assistant.
  await page.goto(app.url);
  await login(page, 'admin', PASSWORD);
  const target = app.sql
    .prepare(
      `SELECT c.id AS id, c.case_number AS caseNumber, u.login AS login, c.family_id AS familyId
         FROM cases c JOIN users u ON u.id = c.assistant_id
        WHERE u.role = 'assistant' AND u.active = 1 AND c.track = 'general' AND c.state IN ('REALIZACJA', 'PLAN_PRACY', 'OCENA_WSTEPNA')
          AND NOT EXISTS (SELECT 1 FROM supporting_families s WHERE s.family_id = c.family_id)
        ORDER BY c.created_at LIMIT 1`,
    )
    .get() as { id: string; caseNumber: string; login: string; familyId: string } | undefined;
  expect(target, 'the demo data has a general case in work without a supporting family').toBeTruthy();
  await logout(page);

  // ---- The assistant registers the candidate (no opinion yet).
  await login(page, target!.login, PASSWORD);
  await openFamily(page, target!.familyId);
  await page.getByRole('link', { name: 'Rodziny wspierające' }).click();
  await expect(page.getByRole('heading', { name: 'Rodziny wspierające', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Zarejestruj rodzinę wspierającą' }).click();
  const reg = page.getByRole('form', { name: 'Rejestracja rodziny wspierającej' });
  await reg.getByLabel('Sprawa wspieranej rodziny').selectOption(target!.id);
  await reg.getByLabel(/^Nazwa rodziny wspierającej/).fill(NAME);
  await reg.getByLabel('Związek z otoczeniem dziecka').fill('sąsiedzi z tej samej ulicy');
  await reg.getByLabel(/^Adres/).fill('ul. Lipowa 7');
  await reg.getByLabel(/^Miejscowość/).fill('Grębocin');
  await reg.getByLabel('Data oświadczenia o niekaralności').fill(addDays(today(), -5));
  await reg.getByLabel(/^Imię \(członek 1\)/).fill('Halina');
  await reg.getByLabel(/^Nazwisko \(członek 1\)/).fill('Żółtkowska');
  await reg.getByRole('button', { name: 'Zarejestruj' }).click();
  await expect(page.getByText(`Zarejestrowano rodzinę wspierającą: ${NAME}.`)).toBeVisible();
  const card = page.locator('.mantine-Paper-root:not([role="dialog"])').filter({ has: page.getByRole('heading', { name: NAME }) });
  await expect(card).toContainText('kandydat');
  // The assistant does not give the head's opinion.
  await expect(card.getByRole('button', { name: 'Opinia kierownika' })).toHaveCount(0);
  await logout(page);

  // ---- The head: the opinion after the interview, then a correction of it.
  await login(page, 'admin', PASSWORD);
  await openFamily(page, target!.familyId);
  await page.getByRole('link', { name: 'Rodziny wspierające' }).click();
  await card.getByRole('button', { name: 'Opinia kierownika' }).click();
  let dialog = page.getByRole('dialog', { name: `Opinia kierownika — ${NAME}` });
  await dialog.getByLabel('Opinia').selectOption('pozytywna');
  // Art. 30: an opinion dated tomorrow, or an interview after the opinion, is shown under the field
  // at once and refused by the main process on save.
  await dialog.getByLabel('Data opinii kierownika').fill(addDays(today(), 1));
  await expect(dialog.getByText(`Data opinii kierownika (${pl(addDays(today(), 1))}) jest późniejsza niż dzisiejsza`)).toBeVisible();
  await dialog.getByLabel('Data opinii kierownika').fill(addDays(today(), -2));
  await dialog.getByLabel('Data rodzinnego wywiadu środowiskowego').fill(addDays(today(), -1));
  await expect(dialog.getByText(/^Rodzinny wywiad środowiskowy \(.*\) nie może być późniejszy niż opinia kierownika/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Zapisz opinię' }).click();
  await expect(dialog.getByRole('alert', { name: 'Opinia nie została zapisana' })).toContainText(
    `Rodzinny wywiad środowiskowy (${pl(addDays(today(), -1))}) nie może być późniejszy niż opinia kierownika (${pl(addDays(today(), -2))})`,
  );
  await dialog.getByLabel('Data rodzinnego wywiadu środowiskowego').fill(addDays(today(), -3));
  await dialog.getByLabel('Uzasadnienie opinii').fill('Rodzina zna dzieci od lat i pomaga przy odprowadzaniu do szkoły.');
  await dialog.getByRole('button', { name: 'Zapisz opinię' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Zapisano opinię kierownika (pozytywna): ${NAME}.`)).toBeVisible();
  await expect(card).toContainText(`pozytywna, ${pl(addDays(today(), -2))}`);
  await card.getByRole('button', { name: 'Zmień opinię kierownika' }).click();
  dialog = page.getByRole('dialog', { name: `Opinia kierownika — ${NAME}` });
  await expect(dialog.getByLabel('Data rodzinnego wywiadu środowiskowego')).toHaveValue(pl(addDays(today(), -3)));
  await dialog.getByLabel('Data opinii kierownika').fill(addDays(today(), -1));
  await dialog.getByLabel('Uzasadnienie opinii').fill('Rodzina zna dzieci od lat; wywiad potwierdził warunki mieszkaniowe.');
  await dialog.getByRole('button', { name: 'Zapisz opinię' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Zapisano opinię kierownika (pozytywna): ${NAME}.`)).toBeVisible();
  await expect(card).toContainText(`pozytywna, ${pl(addDays(today(), -1))}`);
  await expect(card).toContainText('Uzasadnienie opinii kierownika: Rodzina zna dzieci od lat; wywiad potwierdził warunki mieszkaniowe.');

  // ---- The act establishing the family.
  await card.getByRole('button', { name: 'Akt ustanowienia' }).click();
  dialog = page.getByRole('dialog', { name: 'Akt ustanowienia rodziny wspierającej' });
  await dialog.getByLabel(/^Numer aktu/).fill('Zarządzenie 12/2026');
  await dialog.getByRole('button', { name: 'Zapisz' }).click();
  await expect(page.getByText(`Wpisano akt ustanowienia rodziny wspierającej ${NAME}.`)).toBeVisible();
  await expect(card).toContainText('Zarządzenie 12/2026');

  // ---- The contract on reimbursement of costs, and a reimbursement.
  await card.getByRole('button', { name: 'Umowa o zwrot kosztów' }).click();
  dialog = page.getByRole('dialog', { name: 'Umowa o zwrot kosztów (art. 31 ust. 1)' });
  await dialog.getByLabel(/^Numer umowy/).fill('UM/RW/3/2026');
  await dialog.getByLabel('Limit miesięczny (zł)').fill('300,00');
  await dialog.getByRole('button', { name: 'Zapisz' }).click();
  await expect(page.getByText(`Zapisano umowę o zwrot kosztów z rodziną ${NAME}.`)).toBeVisible();
  await expect(card).toContainText('UM/RW/3/2026');
  await card.getByRole('button', { name: 'Dodaj zwrot kosztów' }).click();
  dialog = page.getByRole('dialog', { name: 'Zwrot kosztów' });
  await dialog.getByLabel(/^Kwota \(zł\)/).fill('125,50');
  await dialog.getByLabel(/^Opis wydatku/).fill('Dojazdy z dziećmi do poradni');
  await dialog.getByRole('button', { name: 'Zapisz' }).click();
  await expect(page.getByText(new RegExp(`^Zapisano zwrot kosztów 125,50\\s+zł dla rodziny ${NAME}\\.$`))).toBeVisible();
  const refunds = page.getByRole('table', { name: `Zwroty kosztów — ${NAME}` });
  await expect(refunds).toContainText('Dojazdy z dziećmi do poradni');
  await expect(refunds).toContainText(pl(today()));
  await page.screenshot({ path: test.info().outputPath('supporting.png'), fullPage: true });

  // ---- The case's documents list the opinion, the act and the contract.
  await openCaseById(page, target!.id, target!.caseNumber);
  const documents = page.getByRole('region', { name: 'Dokumenty' });
  await expect(documents.getByRole('button', { name: /^Podgląd: Rodzina wspierająca – umowa/ })).toHaveCount(1);
  await expect(documents.getByRole('row').filter({ has: page.getByRole('button', { name: /^Podgląd: Rodzina wspierająca – umowa/ }) })).toContainText(pl(today()));
  await logout(page);
  expect(pageErrors).toEqual([]);
});
