/**
 * User story (issue 7): the head shares a family with a substitute assistant for her colleague's
 * leave; the substitute logs in and finds the family marked "zastępstwo do …"; the PESEL is
 * masked on the card and "Pokaż" reveals it; editing the family keeps the masked PESEL; the data
 * protection officer sees the audit log (with the reveals) and no family data.
 * The real renderer in Debian Chromium, the real core behind the bridge.
 */
import type { Page } from '@playwright/test';
import { makePesel } from '../../db/demo/generate';
import { addDays } from '../../shared/rules';
import { appForFile, expect, type RunningApp, test } from './server-fixture';
import { completeSetup, createAccount, login, logout, warsawToday, workApi } from './ui-helpers';

const OFFICE = {
  name: 'Gminny Ośrodek Pomocy Społecznej w Łysomicach',
  address: 'ul. Warszawska 8',
  postalCode: '87-148',
  place: 'Łysomice',
  gmina: 'Łysomice',
  headName: 'Halina Żurawska',
};
const HEAD = { fullName: 'Halina Żurawska', login: 'hzurawska', password: 'Kierowniczka2026' };
const AR1 = { fullName: 'Joanna Łęcka', login: 'jlecka', role: 'assistant' as const, password: 'Asystentka2026' };
const AR2 = { fullName: 'Marek Ściegienny', login: 'msciegienny', role: 'assistant' as const, password: 'Asystent2026x' };
const IOD = { fullName: 'Irena Odolska', login: 'iodolska', role: 'dpo' as const, password: 'Inspektor2026' };
const PESEL = makePesel('1988-03-14', 'F', 731);

test.use({ actionTimeout: 30_000 });

let app: RunningApp;
appForFile((a) => (app = a));

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('.');

type C = { case: { id: string; version: number; caseNumber: string } };

/** A family assigned to `assistantLogin` (set up through the dispatcher as the head). */
async function assignedFamily(page: Page, assistantLogin: string) {
  const today = warsawToday();
  const fam = await workApi<{ family: { id: string } }>(page, 'families:create', {
    address: 'ul. Chełmińska 4',
    place: 'Turzno',
    gmina: 'Łysomice',
    niebieskaKarta: { active: true, startedOn: addDays(today, -30), status: 'active', gdpContact: 'GDP Łysomice, tel. 56 678 00 11' },
    members: [
      { firstName: 'Ewa', lastName: 'Grzelak', pesel: PESEL, isChild: false, relation: 'matka' },
      { firstName: 'Zuzanna', lastName: 'Grzelak', birthDate: '2016-05-20', isChild: true, relation: 'córka' },
    ],
  });
  expect(fam.error?.message ?? 'ok').toBe('ok');
  const start = addDays(today, -5);
  let c = (await workApi<C>(page, 'cases:intake', { familyId: fam.value!.family.id, source: 'social-worker', learnedOn: start })).value!.case;
  const step = async (payload: Record<string, unknown>) => {
    const r = await workApi<C>(page, 'cases:transition', { caseId: c.id, version: c.version, payload });
    expect(r.error?.message ?? 'ok').toBe('ok');
    c = r.value!.case;
  };
  await step({ action: 'recordInterview', interviewOn: addDays(start, 1) });
  await step({ action: 'recordAnalysis', analysisOn: addDays(start, 1), careDifficultiesFound: true });
  await step({ action: 'submitRequest', analysis: 'Matka nie radzi sobie z organizacją opieki nad dziećmi.', requestOn: addDays(start, 2), justification: 'Trudności opiekuńczo-wychowawcze.' });
  const accounts = await workApi<Array<{ id: string; login: string }>>(page, 'users:list', {});
  await step({ action: 'assign', assistantId: accounts.value!.find((a) => a.login === assistantLogin)!.id, decidedOn: addDays(start, 3) });
  return { familyId: fam.value!.family.id, caseNumber: c.caseNumber };
}

test('the head shares a family with a substitute; the substitute sees it marked, the PESEL masked and revealed; the DPO sees the log only', async ({ page }) => {
  test.setTimeout(240_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  const today = warsawToday();
  const until = addDays(today, 13);
  const masked = `•••••••${PESEL.slice(-4)}`;

  await page.goto(app.url);
  await completeSetup(page, OFFICE, HEAD);
  await login(page, HEAD.login, HEAD.password);
  await createAccount(page, AR1);
  await createAccount(page, AR2);
  await createAccount(page, IOD);
  await expect(page.getByRole('row', { name: /Irena Odolska/ })).toContainText('Inspektor ochrony danych');
  await assignedFamily(page, AR1.login);

  // ---- The head: the family card, the masked PESEL and the "Zastępstwo" panel.
  await page.getByRole('link', { name: 'Rodziny', exact: true }).click();
  await page.getByRole('link', { name: 'Ewa Grzelak' }).click();
  await expect(page.getByRole('heading', { name: 'Rodzina: Ewa Grzelak' })).toBeVisible();
  const members = page.getByRole('table', { name: 'Członkowie rodziny' });
  await expect(members).toContainText(masked);
  await expect(members).not.toContainText(PESEL);
  await expect(page.getByText('w toku, szczegóły ukryte')).toBeVisible();
  const panel = page.getByTestId('shares-panel');
  await panel.getByLabel('Asystent zastępujący').selectOption({ label: AR2.fullName });
  await panel.getByLabel('Zastępstwo od').fill(today);
  await panel.getByLabel('Zastępstwo do').fill(addDays(today, 120));
  await panel.getByLabel('Powód zastępstwa').fill('urlop wypoczynkowy asystentki prowadzącej');
  await panel.getByRole('button', { name: 'Udostępnij na czas zastępstwa' }).click();
  // More than 90 days is refused on screen, with the reason.
  await expect(panel.getByText(/^Zastępstwo do: najwyżej 90 dni/)).toBeVisible();
  await panel.getByLabel('Zastępstwo do').fill(until);
  await panel.getByRole('button', { name: 'Udostępnij na czas zastępstwa' }).click();
  await expect(panel.getByText(`Udostępniono rodzinę: ${AR2.fullName}, od ${ddmmyyyy(today)} do ${ddmmyyyy(until)}.`)).toBeVisible();
  await expect(panel.getByRole('table', { name: 'Zastępstwa w tej rodzinie' })).toContainText('trwa');
  await page.screenshot({ path: test.info().outputPath('head-card.png'), fullPage: true });
  await logout(page);

  // ---- The substitute: the family in the list, marked as a substitution.
  await login(page, AR2.login, AR2.password);
  await page.getByRole('link', { name: 'Rodziny', exact: true }).click();
  const row = page.getByRole('row', { name: /Ewa Grzelak/ });
  await expect(row.getByTestId('substitution-badge')).toHaveText(`zastępstwo do ${ddmmyyyy(until)}`);
  await row.getByRole('link', { name: 'Ewa Grzelak' }).click();
  await expect(page.getByTestId('substitution-badge')).toHaveText(`zastępstwo do ${ddmmyyyy(until)}`);
  // The PESEL is masked; "Pokaż" (keyboard) reveals it.
  await expect(members).toContainText(masked);
  const show = page.getByRole('button', { name: 'Pokaż PESEL: Ewa Grzelak' });
  await show.focus();
  await page.keyboard.press('Enter');
  await expect(members).toContainText(PESEL);
  // The NK details too.
  await page.getByRole('button', { name: 'Pokaż szczegóły procedury „Niebieskie Karty”' }).click();
  await expect(page.getByText(/GDP: GDP Łysomice, tel\. 56 678 00 11/)).toBeVisible();

  // Editing with the masked PESEL keeps it (read-only until revealed).
  await page.getByRole('link', { name: 'Edytuj dane' }).click();
  const peselInput = page.getByRole('textbox', { name: 'PESEL (osoba 1)' });
  await expect(peselInput).toHaveValue(masked);
  await expect(peselInput).toHaveAttribute('readonly', '');
  await expect(page.getByTestId('nk-masked')).toContainText('ukryte (zostaną zachowane)');
  await page.getByLabel('Miejscowość').fill('Turzno Małe');
  await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
  await expect(page.getByRole('heading', { name: 'Rodzina: Ewa Grzelak' })).toBeVisible();
  await expect(page.getByText('Turzno Małe').first()).toBeVisible();
  await page.getByRole('button', { name: 'Pokaż PESEL: Ewa Grzelak' }).click();
  await expect(members).toContainText(PESEL);
  await page.getByRole('button', { name: 'Pokaż szczegóły procedury „Niebieskie Karty”' }).click();
  await expect(page.getByText(/GDP: GDP Łysomice/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('substitute-card.png'), fullPage: true });
  await logout(page);

  // ---- The data protection officer: no "Rodziny", the audit log with the reveals.
  await login(page, IOD.login, IOD.password);
  await expect(page.getByTestId('dpo-home')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Menu główne' });
  await expect(nav.getByRole('link', { name: 'Rodziny', exact: true })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Okresy przechowywania' })).toBeVisible();
  await nav.getByRole('link', { name: 'Dziennik zdarzeń' }).click();
  await expect(page.getByRole('cell', { name: 'Pokazanie ukrytej danej wrażliwej (PESEL, zdrowie, Niebieska Karta)' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Udostępnienie rodziny na czas zastępstwa' }).first()).toBeVisible();
  await expect(page.locator('body')).not.toContainText(PESEL);
  // The family screens stay closed to the officer, also by address.
  await page.evaluate(() => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = '#/families';
  });
  await expect(page.getByRole('heading', { name: 'Strona główna' })).toBeVisible();
  expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
