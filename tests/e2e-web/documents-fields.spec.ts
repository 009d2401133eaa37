/**
 * User stories (issue 5, fields the documents used to print as fixed text), on a seeded office in
 * Debian Chromium with the real core behind the bridge:
 * - the assistant records a visit where the mother refused to sign, sees it in the diary, previews
 *   the visit card and reads "PODPISU ODMÓWIONO" with her name and the circumstances;
 * - the head records a contact with a school and writes it a letter: the subject, scope and
 *   reply-by date are typed in a small form (validated in Polish) and appear in the preview.
 */
import { appForFile, expect, type RunningApp, test } from './server-fixture';
import { addDays } from '../../shared/rules/isoDate';
import { login, logout, openCaseById as openCase, plDate, warsawToday } from './ui-helpers';

const PASSWORD = 'DemoHaslo2026';

test.use({ actionTimeout: 30_000 });

let app: RunningApp;
appForFile((a) => (app = a), { seed: { families: 12, password: PASSWORD } });

/** "22.11.2026" for today in Europe/Warsaw (the app's "today"), by the app's formatter. */
const todayPl = (): string => plDate(warsawToday());

test('the assistant records a visit with "odmowa podpisu" and the visit card says "podpisu odmówiono"', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  await login(page, 'admin', PASSWORD);
  const sqlite = app.sql;
  const target = sqlite
    .prepare(
      `SELECT c.id AS id, c.case_number AS caseNumber, u.login AS login, c.family_id AS familyId
         FROM cases c JOIN users u ON u.id = c.assistant_id
        WHERE u.role = 'assistant' AND u.active = 1 AND c.state = 'REALIZACJA'
          AND EXISTS (SELECT 1 FROM family_members m WHERE m.family_id = c.family_id AND m.is_child = 0)
        ORDER BY c.created_at LIMIT 1`,
    )
    .get() as { id: string; caseNumber: string; login: string; familyId: string } | undefined;
  expect(target, 'the demo data has a case in realisation with an assistant').toBeTruthy();
  const mother = sqlite
    .prepare("SELECT first_name || ' ' || last_name AS name FROM family_members WHERE family_id = ? AND is_child = 0 ORDER BY is_head DESC, sort_order LIMIT 1")
    .get(target!.familyId) as { name: string };
  await logout(page);

  await login(page, target!.login, PASSWORD);
  await openCase(page, target!.id, target!.caseNumber);
  await page.getByRole('tab', { name: 'Dziennik wizyt' }).click();
  await page.getByRole('button', { name: 'Nowa wizyta' }).click();
  const form = page.getByTestId('entry-form');
  await form.getByLabel('Godzina rozpoczęcia').fill('20:00');
  await form.getByLabel('Godzina zakończenia').fill('21:00');
  await form.getByLabel('Przebieg wizyty').fill('Rozmowa o zaległościach w opłatach.');

  // Refused without saying who: the main process refuses it in Polish.
  const refusal = form.getByLabel('Odmowa podpisu (na karcie: „podpisu odmówiono”)');
  await refusal.check();
  await form.getByRole('button', { name: 'Zapisz wpis' }).click();
  await expect(page.getByTestId('entry-refusal')).toContainText('wskaż członka rodziny, który odmówił podpisu');

  // Keyboard: choose the mother in the select, then the circumstances.
  const who = form.getByLabel('Kto podpisuje w imieniu rodziny');
  await who.focus();
  await who.selectOption({ label: mother.name });
  await expect(refusal).toBeChecked();
  await form.getByLabel('Okoliczności odmowy podpisu').fill('nie zgadza się z zapisem o zaległościach');
  await form.getByTestId('visit-signature').screenshot({ path: test.info().outputPath('visit-signature.png') });
  await form.getByRole('button', { name: 'Zapisz wpis' }).click();
  await expect(page.getByTestId('entry-saved')).toBeVisible();
  await expect(page.getByTestId('entry-signatory').filter({ hasText: mother.name }).first()).toHaveText(
    `Podpisu odmówiono — ${mother.name} (nie zgadza się z zapisem o zaległościach)`,
  );

  // The documents list follows the new visit: its card, previewed.
  const documents = page.getByRole('region', { name: 'Dokumenty' });
  const cards = documents.getByRole('row').filter({ hasText: 'Karta wizyty' }).filter({ hasText: `z dnia ${todayPl()} r.` });
  await expect(cards.first()).toBeVisible();
  // Entries of a day are listed by start time: the 20:00 visit is the day's last.
  await cards.last().getByRole('button', { name: /^Podgląd/ }).click();
  const dialog = page.getByRole('dialog');
  const doc = page.frameLocator('iframe[title="Podgląd dokumentu"]');
  await expect(doc.getByText('PODPISU ODMÓWIONO')).toBeVisible({ timeout: 60_000 });
  await expect(doc.getByText('nie zgadza się z zapisem o zaległościach')).toBeVisible();
  await expect(doc.getByText(mother.name).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await logout(page);
});

test('the head types the subject and scope of a letter to an institution and sees them in the preview', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  await login(page, 'admin', PASSWORD);
  const sqlite = app.sql;
  const target = sqlite
    .prepare(
      `SELECT c.id AS id, c.case_number AS caseNumber FROM cases c JOIN users u ON u.id = c.assistant_id
        WHERE c.state = 'REALIZACJA' AND u.active = 1 ORDER BY c.created_at DESC LIMIT 1`,
    )
    .get() as { id: string; caseNumber: string } | undefined;
  expect(target, 'the demo data has a case in realisation').toBeTruthy();
  await openCase(page, target!.id, target!.caseNumber);
  // The institution the letter goes to: a contact recorded in the diary.
  await page.getByRole('tab', { name: 'Dziennik wizyt' }).click();
  await page.getByRole('button', { name: 'Dodaj: kontakt z instytucją' }).click();
  const entry = page.getByTestId('entry-form');
  await entry.getByLabel('Z kim kontakt (osoba, instytucja)').fill('Szkoła Podstawowa w Grębocinie');
  await entry.getByLabel('Treść kontaktu').fill('Rozmowa z pedagogiem szkolnym.');
  await entry.getByRole('button', { name: 'Zapisz wpis' }).click();
  await expect(page.getByTestId('entry-saved')).toBeVisible();
  const documents = page.getByRole('region', { name: 'Dokumenty' });
  await documents.getByRole('button', { name: 'Podgląd: Pismo do instytucji – prośba o informacje' }).click();

  const form = page.getByRole('form', { name: /^Treść pisma/ });
  await expect(form).toBeVisible();
  await form.getByRole('button', { name: 'Pokaż pismo' }).click();
  await expect(form.getByText('Dotyczy: pole jest wymagane.')).toBeVisible();
  await form.getByLabel('Dotyczy (czego?)').fill('frekwencji szkolnej małoletniej uczennicy klasy 5a');
  await form.getByLabel('Zakres informacji, o które prosisz').fill('liczby nieobecności w bieżącym semestrze');
  const iso = addDays(warsawToday(), 21);
  await form.getByLabel('Termin odpowiedzi').fill(iso);
  await form.screenshot({ path: test.info().outputPath('letter-form.png') });
  await form.getByRole('button', { name: 'Pokaż pismo' }).click();

  const doc = page.frameLocator('iframe[title="Podgląd dokumentu"]');
  await expect(doc.getByText('frekwencji szkolnej małoletniej uczennicy klasy 5a').first()).toBeVisible({ timeout: 60_000 });
  await expect(doc.getByText('liczby nieobecności w bieżącym semestrze', { exact: false })).toBeVisible();
  await expect(doc.getByText(`${iso.split('-').reverse().join('.')} r.`, { exact: false })).toBeVisible();
  await page.keyboard.press('Escape');
  await logout(page);
});

test('the head records the contract terms of a supporting family and the contract prints them', async ({ page }) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(app.url);
  await login(page, 'admin', PASSWORD);
  const sqlite = app.sql;
  const sf = sqlite
    .prepare(
      `SELECT s.family_id AS familyId, s.name AS name, s.case_id AS caseId, c.case_number AS caseNumber FROM supporting_families s JOIN cases c ON c.id = s.case_id
        WHERE s.status = 'established' AND s.contract IS NOT NULL ORDER BY s.created_at LIMIT 1`,
    )
    .get() as { familyId: string; name: string; caseId: string; caseNumber: string } | undefined;
  expect(sf, 'the demo data has an established supporting family with a contract').toBeTruthy();
  await page.evaluate((id) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#/families/f/${encodeURIComponent(id)}/supporting`;
  }, sf!.familyId);
  await page.getByRole('button', { name: 'Zmień umowę' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Umowa o zwrot kosztów (art. 31 ust. 1)' });
  await expect(dialog).toBeVisible();
  // No area of help: refused in Polish.
  for (const label of ['opieka i wychowanie dziecka', 'prowadzenie gospodarstwa domowego', 'kształtowanie i wypełnianie podstawowych ról społecznych']) {
    await dialog.getByRole('checkbox', { name: label }).uncheck();
  }
  await dialog.getByRole('button', { name: 'Zapisz' }).click();
  await expect(dialog.getByText('Zakres pomocy: wybierz co najmniej jeden obszar (art. 29 ust. 2).').first()).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'prowadzenie gospodarstwa domowego' }).check();
  const until = addDays(warsawToday(), 200);
  await dialog.getByLabel('Umowa obowiązuje do dnia').fill(until);
  await dialog.getByLabel('Dzień miesiąca na rozliczenie kosztów').fill('7');
  await dialog.getByLabel('Okres wypowiedzenia').selectOption({ label: '3 miesiące' });
  await dialog.getByRole('button', { name: 'Zapisz' }).click();
  await expect(page.getByText(`Zapisano umowę o zwrot kosztów z rodziną ${sf!.name}.`)).toBeVisible();
  await expect(page.getByText('zakres: prowadzenie gospodarstwa domowego, rozliczenie do 7. dnia następnego miesiąca, wypowiedzenie: 3 mies.')).toBeVisible();

  await openCase(page, sf!.caseId, sf!.caseNumber);
  const documents = page.getByRole('region', { name: 'Dokumenty' });
  await documents.getByRole('button', { name: /^Podgląd: Rodzina wspierająca – umowa/ }).first().click();
  const doc = page.frameLocator('iframe[title="Podgląd dokumentu"]');
  await expect(doc.getByText('z zachowaniem trzymiesięcznego okresu wypowiedzenia', { exact: false })).toBeVisible({ timeout: 60_000 });
  await expect(doc.getByText('do 7. dnia następnego miesiąca', { exact: false })).toBeVisible();
  await expect(doc.getByText(`do ${until.split('-').reverse().join('.')} r.`, { exact: false })).toBeVisible();
  await page.keyboard.press('Escape');
  await logout(page);
  expect(pageErrors).toEqual([]);
});
