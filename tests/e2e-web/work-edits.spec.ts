/**
 * User stories (corrections in the work with the family), on a seeded demo office:
 * - the assistant writes an official note, sees until when it can be corrected ("można poprawiać
 *   do …"), corrects it with "Popraw wpis" in the same form; a locked entry offers only an addendum;
 * - a court letter gets its actual delivery date (a future date is refused in Polish);
 * - an authorisation is signed by an adult member picked from the family (or "inna osoba");
 * - a Za życiem catalogue item is changed: applied with a date, then obtained with its date
 *   ("Data uzyskania / odmowy", not before the application) and a note.
 * The real renderer in Debian Chromium, the real core behind the bridge.
 */
import { addDays } from '../../shared/rules';
import { appForFile, expect, type RunningApp, test } from './server-fixture';
import { login, logout, openCaseById as openCase, plDate as pl, warsawToday as today } from './ui-helpers';

const PASSWORD = 'DemoHaslo2026';
test.use({ actionTimeout: 30_000 });

let app: RunningApp;
appForFile((a) => (app = a), { seed: { families: 12, password: PASSWORD } });

function caseOf(track: 'general' | 'za-zyciem', states: string[]) {
  const sqlite = app.sql;
  return sqlite
    .prepare(
      `SELECT c.id AS id, c.case_number AS caseNumber, u.login AS login, c.family_id AS familyId, c.state AS state
         FROM cases c JOIN users u ON u.id = c.assistant_id
        WHERE u.role = 'assistant' AND u.active = 1 AND c.track = ? AND c.state IN (${states.map(() => '?').join(',')})
          AND EXISTS (SELECT 1 FROM family_members m WHERE m.family_id = c.family_id AND m.is_child = 0)
        ORDER BY c.created_at LIMIT 1`,
    )
    .get(track, ...states) as { id: string; caseNumber: string; login: string; familyId: string; state: string } | undefined;
}

test('the assistant corrects a note before it locks, records the real delivery of a court letter and an authorisation signed by a family member', async ({ page }) => {
  test.setTimeout(240_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // The database opens with a login: the head's session finds the case, then logs out.
  await page.goto(app.url);
  await login(page, 'admin', PASSWORD);
  const target = caseOf('general', ['REALIZACJA', 'PLAN_PRACY']);
  expect(target, 'the demo data has a general case worked on by an assistant').toBeTruthy();
  const adult = app.sql
    .prepare("SELECT id, first_name || ' ' || last_name AS name FROM family_members WHERE family_id = ? AND is_child = 0 ORDER BY is_head DESC, sort_order LIMIT 1")
    .get(target!.familyId) as { id: string; name: string };
  const lockDays = 7; // the default work setting (entryLockDays)
  await logout(page);

  await login(page, target!.login, PASSWORD);
  await openCase(page, target!.id, target!.caseNumber);

  // ---- A note, corrected before the lock.
  await page.getByRole('tab', { name: 'Dziennik wizyt' }).click();
  await page.getByRole('button', { name: 'Dodaj: notatka służbowa' }).click();
  await page.getByLabel('Treść notatki służbowej').fill('Telefon ze szkoły: Zuzanna nieobecna 2 dni.');
  await page.getByRole('button', { name: 'Zapisz wpis' }).click();
  await expect(page.getByTestId('entry-saved')).toContainText(`Zapisano: Notatka służbowa z ${pl(today())}`);
  const note = page.getByTestId('entry').filter({ hasText: 'Telefon ze szkoły: Zuzanna nieobecna 2 dni.' });
  await expect(note.getByTestId('entry-editable-until')).toHaveText(`można poprawiać do ${pl(addDays(today(), lockDays - 1))}`);
  await note.getByRole('button', { name: 'Popraw wpis' }).click();
  const form = page.getByTestId('entry-form');
  await expect(form).toContainText(`poprawa wpisu z ${pl(today())}`);
  await expect(form.getByLabel('Treść notatki służbowej')).toHaveValue('Telefon ze szkoły: Zuzanna nieobecna 2 dni.');
  // An invalid correction is refused by the main process like a new entry.
  await form.getByLabel(/^Data( \*)?$/).fill(addDays(today(), 2));
  await form.getByRole('button', { name: 'Zapisz poprawiony wpis' }).click();
  await expect(page.getByTestId('entry-refusal')).toContainText('jest późniejsza niż dzisiejsza');
  await form.getByLabel(/^Data( \*)?$/).fill(today());
  await form.getByLabel('Treść notatki służbowej').fill('Telefon ze szkoły: Zuzanna nieobecna 3 dni (poprawione).');
  await form.getByLabel('Kogo poinformowano').fill('pedagog szkolny');
  await form.getByRole('button', { name: 'Zapisz poprawiony wpis' }).click();
  await expect(page.getByTestId('entry-saved')).toContainText(`Poprawiono: Notatka służbowa z ${pl(today())}`);
  await expect(page.getByTestId('entry').filter({ hasText: 'Telefon ze szkoły: Zuzanna nieobecna 3 dni (poprawione).' })).toHaveCount(1);
  await expect(page.getByTestId('entry').filter({ hasText: 'nieobecna 2 dni' })).toHaveCount(0);
  // Locked entries (older demo visits) offer only a dated addendum.
  const locked = page.getByTestId('entry').filter({ has: page.getByText('zablokowany', { exact: true }) });
  if ((await locked.count()) > 0) {
    await expect(locked.first().getByRole('button', { name: 'Popraw wpis' })).toHaveCount(0);
    await expect(locked.first().getByRole('button', { name: 'Dodaj uzupełnienie' })).toBeVisible();
  }
  await page.screenshot({ path: test.info().outputPath('entry-corrected.png'), fullPage: true });

  // ---- A court letter, then its actual delivery date.
  await page.getByTestId('case-work').getByRole('tab', { name: 'Sąd' }).click();
  await page.getByRole('button', { name: 'Zarejestruj pismo sądu' }).click();
  await page.getByRole('textbox', { name: 'Sąd', exact: true }).fill('Sąd Rejonowy w Toruniu');
  await page.getByLabel(/^Sygnatura akt/).fill('III Nsm 777/26');
  await page.getByLabel(/^Data pisma sądu/).fill(addDays(today(), -10));
  await page.getByLabel('Termin (dni od doręczenia)').fill('14');
  await page.getByRole('button', { name: 'Zapisz pismo sądu' }).click();
  const row = page.getByRole('table', { name: 'Pisma sądu' }).getByRole('row').filter({ hasText: 'III Nsm 777/26' });
  await expect(row).toContainText('czeka na doręczenie');
  await row.getByRole('button', { name: 'Zapisz doręczenie' }).click();
  await row.getByLabel('Data doręczenia').fill(addDays(today(), -12));
  await row.getByRole('button', { name: 'Zapisz datę' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'jest wcześniejsza niż data pisma sądu' }).first()).toBeVisible();
  await row.getByLabel('Data doręczenia').fill(addDays(today(), -6));
  await row.getByRole('button', { name: 'Zapisz datę' }).click();
  await expect(row).toContainText(`${pl(addDays(today(), -10))} / ${pl(addDays(today(), -6))}`);
  await expect(row).toContainText('w toku');
  await expect(row.getByRole('button', { name: 'Zapisz doręczenie' })).toHaveCount(0);

  // ---- An authorisation signed by an adult member picked from the family.
  await page.getByTestId('case-work').getByRole('tab', { name: 'Upoważnienia' }).click();
  await page.getByRole('button', { name: 'Nowe upoważnienie' }).click();
  await page.getByRole('checkbox', { name: adult.name, exact: true }).check();
  await page.getByLabel('Instytucje (oddziel przecinkami)').fill('Poradnia Psychologiczno-Pedagogiczna');
  await page.getByLabel('Sprawy (oddziel przecinkami)').fill('wniosek o opinię');
  await page.getByLabel('Ważne do').fill(addDays(today(), 90));
  await page.getByRole('button', { name: 'Zapisz upoważnienie' }).click();
  const auth = page.getByRole('table', { name: 'Upoważnienia' }).getByRole('row').filter({ hasText: 'Poradnia Psychologiczno-Pedagogiczna' });
  await expect(auth).toContainText(`${adult.name} →`);
  const stored = app.sql.prepare("SELECT grantors FROM authorisations WHERE family_id = ? AND scope LIKE '%Poradnia Psychologiczno%'").get(target!.familyId) as { grantors: string };
  expect(JSON.parse(stored.grantors)).toEqual([{ memberId: adult.id, name: adult.name }]);
  await logout(page);
  expect(pageErrors).toEqual([]);
});

test('a Za życiem catalogue item is changed: application filed with its date, then support obtained with a note', async ({ page }) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(app.url);
  await login(page, 'admin', PASSWORD);
  const target = caseOf('za-zyciem', ['KONTAKT_I_ZGODA', 'KATALOG_WSPARCIA', 'KOORDYNACJA']);
  expect(target, 'the demo data has a Za życiem case worked on by an assistant').toBeTruthy();
  await logout(page);
  await login(page, target!.login, PASSWORD);
  await openCase(page, target!.id, target!.caseNumber);
  await page.getByTestId('case-work').getByRole('tab', { name: 'Katalog „Za życiem”' }).click();
  await page.getByRole('button', { name: 'Dodaj pozycję katalogu' }).click();
  let form = page.getByTestId('catalogue-form');
  await form.getByLabel('Obszar (art. 8 ustawy „Za życiem”)').selectOption('rehabilitation');
  await form.getByLabel(/^Forma wsparcia/).fill('Turnus rehabilitacyjny dla dziecka');
  await form.getByLabel(/^Realizator \/ instytucja/).fill('PCPR w Toruniu');
  await form.getByRole('button', { name: 'Zapisz pozycję' }).click();
  const item = page.getByTestId('catalogue-item').filter({ hasText: 'Turnus rehabilitacyjny dla dziecka' });
  await expect(item).toContainText('zaproponowane');
  // The first item of the catalogue moves the case on, and the case view follows at once.
  if (target!.state === 'KONTAKT_I_ZGODA') await expect(page.getByTestId('case-state')).toHaveText('Katalog wsparcia');

  // Applied: a future date is refused, then the real one.
  await page.getByRole('button', { name: 'Zmień pozycję: Turnus rehabilitacyjny dla dziecka' }).click();
  form = page.getByTestId('catalogue-form');
  await expect(form).toContainText('Zmiana pozycji katalogu: Turnus rehabilitacyjny dla dziecka');
  await form.getByLabel('Stan').selectOption('applied');
  await form.getByLabel('Data złożenia wniosku').fill(addDays(today(), 3));
  await form.getByRole('button', { name: 'Zapisz zmiany pozycji' }).click();
  await expect(form.getByRole('alert', { name: 'Pozycja nie została zapisana' })).toContainText('Data złożenia wniosku');
  await form.getByLabel('Data złożenia wniosku').fill(addDays(today(), -2));
  await form.getByRole('button', { name: 'Zapisz zmiany pozycji' }).click();
  await expect(form).toBeHidden();
  await expect(item).toContainText('złożono wniosek');
  await expect(item).toContainText(pl(addDays(today(), -2)));

  // Obtained, with a note.
  await page.getByRole('button', { name: 'Zmień pozycję: Turnus rehabilitacyjny dla dziecka' }).click();
  form = page.getByTestId('catalogue-form');
  await expect(form.getByLabel('Data złożenia wniosku')).toHaveValue(pl(addDays(today(), -2)));
  await form.getByLabel('Stan').selectOption('obtained');
  // "Data uzyskania / odmowy" appears for obtained support; one before the application is refused.
  await expect(form.getByText('Status „uzyskane”: wpisz datę uzyskania / odmowy wsparcia (zamiast w uwagach).')).toBeVisible();
  await form.getByLabel('Data uzyskania / odmowy').fill(addDays(today(), -3));
  await expect(form.getByText(/^Data uzyskania \/ odmowy \(.*\) nie może być wcześniejsza niż data złożenia wniosku/)).toBeVisible();
  await form.getByRole('button', { name: 'Zapisz zmiany pozycji' }).click();
  await expect(form.getByRole('alert', { name: 'Pozycja nie została zapisana' })).toContainText('nie może być wcześniejsza niż data złożenia wniosku');
  await form.getByLabel('Data uzyskania / odmowy').fill(addDays(today(), -1));
  await form.getByLabel('Uwagi (np. treść decyzji, powód odmowy)').fill('Decyzja PCPR: dofinansowanie przyznane.');
  await form.getByRole('button', { name: 'Zapisz zmiany pozycji' }).click();
  await expect(form).toBeHidden();
  await expect(item).toContainText('uzyskane');
  await expect(item.getByTestId('catalogue-decided-on')).toHaveText(pl(addDays(today(), -1)));
  await expect(item).toContainText('Decyzja PCPR: dofinansowanie przyznane.');
  await expect(item).toContainText(`zmiana ${pl(today())}`);
  await page.screenshot({ path: test.info().outputPath('catalogue-changed.png'), fullPage: true });
  await logout(page);
  expect(pageErrors).toEqual([]);
});
