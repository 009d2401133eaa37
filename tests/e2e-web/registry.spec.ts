/**
 * User story (issue 3): a social worker registers a family with a child and refers it (intake →
 * RWŚ → analysis → request); the head opens "Decyzje", sees the assistant's caseload and limit,
 * assigns; the assistant records the written consent. An assistant at the limit is refused on
 * screen (art. 15 ust. 4) and in the main process: the case stays, no assignment is audited.
 * The real renderer in Debian Chromium, the real core behind the bridge.
 */
import type { Page } from '@playwright/test';
import { makePesel } from '../../db/demo/generate';
import { interviewDueDate } from '../../shared/rules';
import { appForFile, expect, type RunningApp, startApp, test } from './server-fixture';
import { caseAction, completeSetup, createAccount, login, logout, plDate as pl, registerFamily, warsawToday, workApi as api } from './ui-helpers';

const OFFICE = {
  name: 'Gminny Ośrodek Pomocy Społecznej w Lubiczu',
  address: 'ul. Toruńska 21',
  postalCode: '87-162',
  place: 'Lubicz Dolny',
  gmina: 'Lubicz',
  headName: 'Elżbieta Wąsowicz',
};
const HEAD = { fullName: 'Elżbieta Wąsowicz', login: 'ewasowicz', password: 'Kierowniczka2026' };
const PS = { fullName: 'Katarzyna Bąkowska', login: 'kbakowska', role: 'social_worker' as const, password: 'Pracownica2026' };
const AR = { fullName: 'Małgorzata Kęsik', login: 'mkesik', role: 'assistant' as const, password: 'Asystentka2026', limit: 2 };

let app: RunningApp;
appForFile((a) => (app = a));

/** A family referred up to "wniosek" through the API, as the logged-in head (set-up of the limit test). */
async function referredViaApi(page: Page, surname: string, serial: number, today: string): Promise<{ id: string; version: number; caseNumber: string }> {
  const fam = await api<{ family: { id: string } }>(page, 'families:create', {
    address: `ul. Leśna ${serial}`,
    place: 'Grębocin',
    gmina: 'Lubicz',
    members: [
      { firstName: 'Ewa', lastName: surname, pesel: makePesel('1988-03-14', 'F', serial), isChild: false, relation: 'matka' },
      { firstName: 'Jan', lastName: surname, pesel: makePesel('2017-09-02', 'M', serial + 1), isChild: true, relation: 'syn' },
    ],
  });
  expect(fam.ok).toBe(true);
  type C = { case: { id: string; version: number; caseNumber: string } };
  let c = (await api<C>(page, 'cases:intake', { familyId: fam.value!.family.id, source: 'social-worker', learnedOn: today })).value!.case;
  const step = async (payload: Record<string, unknown>) => {
    const r = await api<C>(page, 'cases:transition', { caseId: c.id, version: c.version, payload });
    expect(r.error?.message ?? 'ok').toBe('ok');
    c = r.value!.case;
  };
  await step({ action: 'recordInterview', interviewOn: today });
  await step({ action: 'recordAnalysis', analysisOn: today, careDifficultiesFound: true });
  await step({ action: 'submitRequest', analysis: 'Matka nie radzi sobie z organizacją opieki nad dziećmi.', requestOn: today, justification: 'Trudności opiekuńczo-wychowawcze.' });
  return c;
}

test('social worker refers a family → head assigns with the caseload shown → assistant records consent → limit refused on screen and in the core', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  const today = warsawToday();

  await page.goto(app.url);
  await completeSetup(page, OFFICE, HEAD);
  await login(page, HEAD.login, HEAD.password);
  await createAccount(page, PS);
  await createAccount(page, AR);
  await logout(page);

  // ---- The social worker registers the family (a valid PESEL shows the birth date and sex as typed).
  await login(page, PS.login, PS.password);
  const motherPesel = makePesel('1990-04-12', 'F', 317);
  const childPesel = makePesel('2016-05-03', 'M', 318);
  await page.getByRole('link', { name: 'Rodziny', exact: true }).click();
  await page.getByRole('link', { name: 'Nowa rodzina' }).click();
  await page.getByLabel('PESEL (osoba 1)').fill(motherPesel);
  await expect(page.getByTestId('pesel-derived-0')).toHaveText('Data urodzenia: 12.04.1990, płeć: kobieta');
  await page.getByLabel('PESEL (osoba 1)').fill(`${motherPesel.slice(0, 10)}${(Number(motherPesel[10]) + 1) % 10}`);
  await expect(page.getByText('PESEL cyfra kontrolna się nie zgadza', { exact: false })).toBeVisible();
  await registerFamily(page, {
    address: 'ul. Polna 3',
    postalCode: '87-122',
    place: 'Grębocin',
    gmina: 'Lubicz',
    safetyNote: 'Agresywny pies na podwórku — zadzwoń przed wizytą.',
    members: [
      { firstName: 'Anna', lastName: 'Wójcik', pesel: motherPesel, relation: 'matka' },
      { firstName: 'Antoni', lastName: 'Wójcik', pesel: childPesel, relation: 'syn', child: true },
    ],
  });
  await expect(page.getByRole('heading', { name: 'Rodzina: Anna Wójcik' })).toBeVisible();
  await expect(page.getByTestId('safety-note')).toContainText('Agresywny pies');
  // Issue 7: the PESEL is masked on the card; "Pokaż" reveals it (audited).
  await expect(page.getByRole('table', { name: 'Członkowie rodziny' })).toContainText(`•••••••${childPesel.slice(-4)}`);
  await expect(page.getByRole('table', { name: 'Członkowie rodziny' })).not.toContainText(childPesel);
  await page.getByRole('button', { name: 'Pokaż PESEL: Antoni Wójcik' }).click();
  await expect(page.getByRole('cell', { name: childPesel })).toBeVisible();
  await expect(page.getByRole('cell', { name: '03.05.2016' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('family-card.png'), fullPage: true });

  // ---- Referral: intake with the RWŚ due date computed live (14 working days, 2 when urgent).
  await page.getByRole('link', { name: 'Nowe zgłoszenie' }).click();
  await page.getByLabel('Ośrodek powziął informację o rodzinie').check();
  await page.getByLabel('Data powzięcia informacji').fill(today);
  const due = page.getByTestId('rws-due-preview');
  await expect(due).toContainText(pl(interviewDueDate({ learnedOn: today, urgent: false })));
  await page.getByLabel('Sprawa pilna (wywiad w ciągu 2 dni roboczych)').check();
  await expect(due).toContainText(pl(interviewDueDate({ learnedOn: today, urgent: true })));
  await page.getByLabel('Sprawa pilna (wywiad w ciągu 2 dni roboczych)').uncheck();
  await page.getByLabel('Kto zgłosił').fill('pedagog szkolny');
  await page.screenshot({ path: test.info().outputPath('intake.png'), fullPage: true });
  await page.getByRole('button', { name: 'Przyjmij zgłoszenie' }).click();
  await expect(page.getByTestId('case-state')).toHaveText('Zgłoszenie', { timeout: 30_000 });
  await expect(page.getByTestId('rws-due')).toHaveText(pl(interviewDueDate({ learnedOn: today, urgent: false })));
  const caseNumber = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace('Sprawa ', '').trim();
  expect(caseNumber).toMatch(/^GOPS\.4011\.1\.\d{4}$/);

  await caseAction(page, 'Wywiad środowiskowy przeprowadzony', async (d) => d.getByLabel('Data wywiadu').fill(today), 'Wywiad środowiskowy przeprowadzony');
  await caseAction(
    page,
    'Analiza sytuacji rodziny',
    async (d) => {
      await d.getByLabel('Wynik analizy: czy stwierdzono trudności opiekuńczo-wychowawcze?').selectOption('true');
    },
    'Analiza sytuacji rodziny',
  );
  await caseAction(
    page,
    'Wniosek o przydzielenie asystenta (art. 11 ust. 3)',
    async (d) => {
      await d.getByLabel('Analiza sytuacji rodziny (art. 11 ust. 2)').fill('Matka nie radzi sobie z organizacją dnia dzieci; zaległości w szkole.');
      await d.getByLabel('Uzasadnienie wniosku').fill('W wywiadzie stwierdzono trudności opiekuńczo-wychowawcze; rodzina potrzebuje wsparcia.');
    },
    'Wniosek o asystenta — czeka na decyzję kierownika',
  );
  await page.screenshot({ path: test.info().outputPath('case-requested.png'), fullPage: true });
  // The social worker cannot decide: no decision among the actions.
  await expect(page.getByRole('button', { name: 'Decyzja: przydzielenie asystenta' })).toHaveCount(0);
  await logout(page);

  // ---- The head: "Decyzje" shows the assistant's caseload and limit; assigns.
  await login(page, HEAD.login, HEAD.password);
  await page.getByRole('link', { name: 'Decyzje' }).click();
  const loads = page.getByRole('table', { name: 'Obciążenie asystentów' });
  await expect(loads.getByRole('row').filter({ hasText: AR.fullName })).toContainText('0 / 2');
  await expect(page.getByRole('table', { name: 'Sprawy czekające na decyzję' })).toContainText(caseNumber);
  await page.screenshot({ path: test.info().outputPath('decisions.png'), fullPage: true });
  await page.getByRole('button', { name: `Przydziel: ${caseNumber}` }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('Asystent rodziny').selectOption({ label: `${AR.fullName} — 0/2 (limit osobisty 2)` });
  await dialog.getByRole('button', { name: 'Zapisz decyzję' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: `${caseNumber} — Asystent przydzielony (${AR.fullName})` })).toBeVisible();
  await expect(loads.getByRole('row').filter({ hasText: AR.fullName })).toContainText('1 / 2');
  await logout(page);

  // ---- The assistant opens her family and records the written consent.
  await login(page, AR.login, AR.password);
  await page.getByRole('link', { name: 'Rodziny', exact: true }).click();
  await page.getByRole('link', { name: 'Anna Wójcik' }).click();
  await expect(page.getByTestId('safety-note')).toBeVisible();
  await page.getByRole('link', { name: caseNumber }).click();
  await expect(page.getByTestId('case-state')).toHaveText('Asystent przydzielony');
  await caseAction(
    page,
    'Zgoda rodziny (lub postanowienie sądu / art. 11 ust. 1a)',
    async (d) => {
      await expect(d.getByLabel('Podstawa pracy z rodziną')).toHaveValue('written-consent');
      await d.getByLabel('Data zgody').fill(today);
    },
    'Zgoda na współpracę',
  );
  await expect(page.getByRole('table', { name: 'Historia sprawy' })).toContainText('Zgoda na współpracę');
  await expect(page.getByRole('table', { name: 'Historia sprawy' })).toContainText(AR.fullName);
  await page.screenshot({ path: test.info().outputPath('case-consent.png'), fullPage: true });
  await logout(page);

  // ---- The limit: a second family fills the assistant's personal limit (set up through the API).
  await login(page, HEAD.login, HEAD.password);
  const second = await referredViaApi(page, 'Nowak', 501, today);
  const accounts = await api<Array<{ id: string; login: string }>>(page, 'users:list', {});
  const arId = accounts.value!.find((a) => a.login === AR.login)!.id;
  expect((await api(page, 'cases:transition', { caseId: second.id, version: second.version, payload: { action: 'assign', assistantId: arId, decidedOn: today } })).ok).toBe(true);
  const third = await referredViaApi(page, 'Zając', 601, today);

  await page.getByRole('link', { name: 'Decyzje' }).click();
  await expect(loads.getByRole('row').filter({ hasText: AR.fullName })).toContainText('2 / 2');
  await expect(loads.getByRole('row').filter({ hasText: AR.fullName })).toContainText('limit osiągnięty');
  await page.getByRole('button', { name: `Przydziel: ${third.caseNumber}` }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Asystent rodziny').selectOption({ label: `${AR.fullName} — 2/2 (limit osiągnięty) (limit osobisty 2)` });
  // The same rules as the main process, before saving: a red blocker naming art. 15 ust. 4.
  await expect(dialog.getByTestId('check-findings')).toContainText('Nie można przydzielić rodziny');
  await expect(dialog.getByTestId('check-findings')).toContainText('art. 15 ust. 4');
  await dialog.getByRole('button', { name: 'Zapisz decyzję' }).click();
  const refusal = dialog.getByTestId('transition-refusal');
  await expect(refusal).toContainText('liczba rodzin prowadzonych przez asystenta wynosi 2, a limit to 2');
  await expect(refusal).toContainText('art. 15 ust. 4');
  await expect(dialog.getByLabel('Asystent rodziny')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: test.info().outputPath('limit-refused.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Anuluj' }).click();
  await expect(loads.getByRole('row').filter({ hasText: AR.fullName })).toContainText('2 / 2');

  // The main process refused it: the dispatcher answers CASELOAD_LIMIT_REACHED, the case is unchanged,
  // no assignment is in the audit log, the refusal is.
  const direct = await api(page, 'cases:transition', { caseId: third.id, version: third.version, payload: { action: 'assign', assistantId: arId, decidedOn: today } });
  expect(direct.ok).toBe(false);
  expect(direct.error?.code).toBe('CASELOAD_LIMIT_REACHED');
  const sqlite = app.sql;
  expect(sqlite.prepare('SELECT state, assistant_id AS a, version FROM cases WHERE id = ?').get(third.id)).toEqual({
    state: 'WNIOSEK_PS',
    a: null,
    version: third.version,
  });
  const audits = sqlite.prepare('SELECT action, details FROM audit_log WHERE entity_id = ? ORDER BY id').all(third.id) as Array<{ action: string; details: string | null }>;
  expect(audits.filter((a) => a.action === 'case.transition' && (a.details ?? '').includes('"assign"'))).toEqual([]);
  const refused = audits.filter((a) => a.action === 'case.transition_refused');
  expect(refused.length).toBe(2);
  for (const r of refused) expect(r.details).toContain('CASELOAD_LIMIT_REACHED');
  expect(sqlite.prepare("SELECT count(*) AS n FROM cases WHERE assistant_id = ? AND state NOT IN ('ZAMKNIETA','ARCHIWUM')").get(arId)).toEqual({ n: 2 });

  expect(consoleErrors).toEqual([]);
});

test('seeded office: list filters, duplicate PESEL blocks, Za życiem request with the live certificate rules, a child back from foster care, case settings', async ({ page }) => {
  test.setTimeout(180_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  const seeded = await startApp({ seed: { families: 40, password: 'DemoHaslo2026' } });
  try {
    const today = warsawToday();
    await page.goto(seeded.url);
    await login(page, 'admin', 'DemoHaslo2026');
    await page.getByRole('link', { name: 'Rodziny', exact: true }).click();
    await expect(page.getByText('Łącznie: 40 rodzin')).toBeVisible();
    await page.getByLabel('Ścieżka').selectOption('za-zyciem');
    await expect(page.getByText(/^Łącznie: \d+ rodzin/)).not.toHaveText('Łącznie: 40 rodzin');
    await page.screenshot({ path: test.info().outputPath('list-zz.png'), fullPage: true });
    await page.getByLabel('Ścieżka').selectOption('');

    // Diacritics-insensitive search by surname.
    const head = seeded.sql
      .prepare(`SELECT first_name || ' ' || last_name AS name, last_name AS lastName, pesel FROM family_members WHERE is_head = 1 AND pesel IS NOT NULL ORDER BY last_name LIMIT 1`)
      .get() as { name: string; lastName: string; pesel: string };
    const folded = head.lastName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
    await page.getByLabel('Szukaj rodziny').fill(folded.toLowerCase());
    await expect(page.getByRole('link', { name: head.name }).first()).toBeVisible();

    // The same PESEL in a new family: shown at once, and saving is blocked.
    await page.getByRole('link', { name: 'Nowa rodzina' }).click();
    await page.getByLabel('Imię (osoba 1)').fill('Test');
    await page.getByLabel('Nazwisko (osoba 1)').fill('Duplikat');
    await page.getByLabel('PESEL (osoba 1)').fill(head.pesel);
    await expect(page.getByTestId('duplicates')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Zapisz rodzinę' })).toBeDisabled();
    await page.screenshot({ path: test.info().outputPath('duplicate.png'), fullPage: true });
    await page.getByRole('link', { name: 'Anuluj' }).first().click();

    // Za życiem: ZZ4 with a certificate from a non-qualifying field, then a valid one.
    await page.getByLabel('Szukaj rodziny').fill(folded.toLowerCase());
    await page.getByRole('link', { name: head.name }).first().click();
    await page.getByRole('link', { name: 'Wniosek „Za życiem”' }).click();
    await page.getByLabel(/^ZZ4 — /).check();
    await expect(page.getByTestId('zz-eligibility')).toContainText('Brakujące dokumenty');
    await page.getByLabel('Złożono zaświadczenie lekarskie (art. 4 ust. 3 ustawy „Za życiem”)').check();
    await page.getByLabel('Data wystawienia zaświadczenia').fill(today);
    await page.getByLabel('Dziedzina specjalizacji').selectOption({ label: 'inna dziedzina' });
    await expect(page.getByTestId('zz-eligibility')).toContainText('Brakujące dokumenty');
    await page.screenshot({ path: test.info().outputPath('zz-invalid.png'), fullPage: true });
    await page.getByLabel('Dziedzina specjalizacji').selectOption({ label: 'neonatologia' });
    await expect(page.getByTestId('zz-eligibility')).toContainText('Warunki wsparcia spełnione');
    await expect(page.getByText('nie jest warunkiem wsparcia asystenta', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: 'Zarejestruj wniosek' }).click();
    await expect(page.getByTestId('case-state')).toHaveText('Wniosek „Za życiem”', { timeout: 30_000 });
    await expect(page.getByTestId('case-reminders')).toContainText('Przydzielenie asystenta — termin praktyki ośrodka');
    // Verification: the documents of the request are filled in; the same rules decide.
    await page.getByRole('button', { name: 'Weryfikacja wniosku „Za życiem”' }).click();
    const verify = page.getByRole('dialog', { name: 'Weryfikacja wniosku „Za życiem”' });
    await expect(verify.getByTestId('zz-eligibility')).toContainText('Warunki wsparcia spełnione');
    await verify.getByRole('button', { name: 'Zapisz weryfikację' }).click();
    await expect(verify).toBeHidden({ timeout: 30_000 });
    await expect(page.getByTestId('case-state')).toHaveText('Wniosek zweryfikowany — czeka na przydzielenie');
    await page.screenshot({ path: test.info().outputPath('zz-case.png'), fullPage: true });

    // A child comes home from foster care: the return date closes the placement in its history
    // (the report counts foster care by the period from it), shown on the family card.
    const placed = seeded.sql
      .prepare(
        `SELECT family_id AS familyId, first_name AS firstName, last_name AS lastName, json_extract(placement, '$.since') AS since
           FROM family_members WHERE is_child = 1 AND json_extract(placement, '$.kind') = 'foster-care' AND json_extract(placement, '$.since') IS NOT NULL LIMIT 1`,
      )
      .get() as { familyId: string; firstName: string; lastName: string; since: string };
    await page.goto(`${seeded.url}#/families/f/${encodeURIComponent(placed.familyId)}`);
    await page.getByRole('link', { name: 'Edytuj dane' }).click();
    const child = page.locator('fieldset', { hasText: `Dziecko — ${placed.firstName} ${placed.lastName}` });
    await expect(child.getByLabel(/^Data powrotu z pieczy/)).toHaveCount(0);
    await child.getByLabel(/^Miejsce pobytu/).selectOption('home');
    await child.getByLabel(/^Data powrotu z pieczy/).fill(pl(today));
    await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
    const row = page.getByRole('row', { name: new RegExp(`${placed.firstName} ${placed.lastName}`) });
    await expect(row).toContainText(`w domu (powrót z pieczy ${pl(today)})`, { timeout: 30_000 });
    await expect(row).toContainText(`w pieczy zastępczej od ${pl(placed.since)} do ${pl(today)}`);
    const stored = JSON.parse(
      (seeded.sql.prepare(`SELECT placement FROM family_members WHERE family_id = ? AND first_name = ?`).get(placed.familyId, placed.firstName) as { placement: string }).placement,
    ) as { kind: string; history: Array<{ since: string; until: string }> };
    expect(stored).toMatchObject({ kind: 'home', returnedOn: today, history: [{ since: placed.since, until: today }] });

    // Settings → Sprawy: the pattern must contain {nr} and {rok}.
    await page.getByRole('link', { name: 'Ustawienia' }).click();
    await page.getByLabel('Wzór znaku sprawy').fill('GOPS.4011.{nr}');
    await page.getByRole('button', { name: 'Zapisz ustawienia spraw' }).click();
    await expect(page.getByText('Wzór znaku sprawy: musi zawierać {rok}', { exact: false })).toBeVisible();
    await page.getByLabel('Wzór znaku sprawy').fill('GOPS.4011.{nr}.{rok}');
    await page.getByRole('button', { name: 'Zapisz ustawienia spraw' }).click();
    await expect(page.getByText('Zapisano ustawienia spraw.')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('settings.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  } finally {
    await seeded.dispose();
  }
});
