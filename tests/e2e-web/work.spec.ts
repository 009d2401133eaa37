/**
 * User story (issue 4): a family assigned about six months ago (set up through the dispatcher);
 * the assistant does the initial assessment (dated back, a draft restored after a reload), makes
 * a plan (an action without a due date is refused on screen with art. 15 ust. 3), records two
 * visits; the morning screen shows the periodic assessment due; the periodic assessment shows
 * the trend chart; the final assessment and closure start monitoring (its end date is shown).
 * The real renderer in Debian Chromium, the real core behind the bridge.
 */
import type { Page } from '@playwright/test';
import { makePesel } from '../../db/demo/generate';
import { addDays, addMonthsClamped, ASSESSMENT_AREAS, monitoringEndDate } from '../../shared/rules';
import { appForFile, expect, type RunningApp, test } from './server-fixture';
import { completeSetup, createAccount, fillAssessmentGrid, login, logout, openCaseTab, plDate as pl, warsawToday, workApi } from './ui-helpers';

const OFFICE = {
  name: 'Gminny Ośrodek Pomocy Społecznej w Zławsi Wielkiej',
  address: 'ul. Handlowa 6',
  postalCode: '87-134',
  place: 'Zławieś Wielka',
  gmina: 'Zławieś Wielka',
  headName: 'Barbara Żmijewska',
};
const HEAD = { fullName: 'Barbara Żmijewska', login: 'bzmijewska', password: 'Kierowniczka2026' };
const AR = { fullName: 'Joanna Łęcka', login: 'jlecka', role: 'assistant' as const, password: 'Asystentka2026' };

test.use({ actionTimeout: 30_000 });

let app: RunningApp;
appForFile((a) => (app = a));

type C = { case: { id: string; version: number; caseNumber: string } };

/** Intake → RWŚ → analysis → request → assignment (as the head), dated `start`…`start + 3`. */
async function assignedCase(page: Page, start: string, assistantLogin: string) {
  const fam = await workApi<{ family: { id: string } }>(page, 'families:create', {
    address: 'ul. Toruńska 12',
    place: 'Czarnowo',
    gmina: 'Zławieś Wielka',
    members: [
      { firstName: 'Ewa', lastName: 'Grzelak', pesel: makePesel('1989-02-11', 'F', 521), isChild: false, relation: 'matka' },
      { firstName: 'Zuzanna', lastName: 'Grzelak', pesel: makePesel('2015-06-20', 'F', 522), isChild: true, relation: 'córka' },
    ],
  });
  expect(fam.error?.message ?? 'ok').toBe('ok');
  const intake = await workApi<C>(page, 'cases:intake', { familyId: fam.value!.family.id, source: 'social-worker', learnedOn: start });
  expect(intake.error?.message ?? 'ok').toBe('ok');
  let c = intake.value!.case;
  const step = async (payload: Record<string, unknown>) => {
    const r = await workApi<C>(page, 'cases:transition', { caseId: c.id, version: c.version, payload });
    expect(r.error?.message ?? 'ok').toBe('ok');
    c = r.value!.case;
  };
  await step({ action: 'recordInterview', interviewOn: addDays(start, 1) });
  await step({ action: 'recordAnalysis', analysisOn: addDays(start, 1), careDifficultiesFound: true });
  await step({ action: 'submitRequest', analysis: 'Matka nie radzi sobie z organizacją opieki nad dziećmi.', requestOn: addDays(start, 2), justification: 'Trudności opiekuńczo-wychowawcze.' });
  const accounts = await workApi<Array<{ id: string; login: string }>>(page, 'users:list', {});
  const arId = accounts.value!.find((a) => a.login === assistantLogin)!.id;
  await step({ action: 'assign', assistantId: arId, decidedOn: addDays(start, 3) });
  return c;
}

test('assistant: initial assessment → plan (invalid action refused) → two visits → morning screen → periodic assessment with the trend → closure starts monitoring', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  const today = warsawToday();
  // The initial assessment a week "after" six months ago: the periodic one falls due in about a week.
  const initialOn = addDays(addMonthsClamped(today, -6), 7);
  const start = addDays(initialOn, -10);

  await page.goto(app.url);
  await completeSetup(page, OFFICE, HEAD);
  await login(page, HEAD.login, HEAD.password);
  await createAccount(page, AR);
  // The head's work settings (entry lock, monitoring, visit gap).
  await page.getByRole('link', { name: 'Parametry pracy z rodziną' }).click();
  await expect(page.getByLabel('Monitoring po zakończeniu pracy (miesiące)')).toHaveValue('3');
  await page.getByLabel('Najdłuższa przerwa między wizytami (dni)').fill('21');
  await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
  await expect(page.getByText('Zapisano ustawienia pracy z rodziną.')).toBeVisible();
  await page.getByRole('link', { name: 'Strona główna' }).click();
  await expect(page.getByTestId('morning-screen').getByText('Asystenci — rodziny wobec limitu')).toBeVisible();
  const c = await assignedCase(page, start, AR.login);
  await logout(page);

  // ---- The assistant: consent (set-up), then everything else on screen.
  await login(page, AR.login, AR.password);
  const consent = await workApi<C>(page, 'cases:transition', {
    caseId: c.id,
    version: c.version,
    payload: { action: 'recordConsent', basis: { kind: 'written-consent', consentOn: addDays(start, 4) } },
  });
  expect(consent.error?.message ?? 'ok').toBe('ok');
  await page.getByRole('link', { name: 'Rodziny', exact: true }).click();
  await page.getByRole('link', { name: 'Strona główna' }).click();
  const morning = page.getByTestId('morning-screen');
  await expect(morning.getByText('Na dziś i na ten tydzień')).toBeVisible();
  // The initial assessment is long overdue: red group and an in-app alert (no notification permission).
  await expect(page.getByTestId('deadlines-overdue')).toContainText('po terminie');
  await expect(page.getByTestId('overdue-alert')).toContainText('zaległ');
  await page.getByTestId('deadlines-overdue').getByRole('link', { name: new RegExp(`^Ewa Grzelak.* — sprawa ${c.caseNumber.replace(/\./g, '\\.')}$`) }).first().click();
  await expect(page.getByRole('heading', { name: `Sprawa ${c.caseNumber}` })).toBeVisible();
  await expect(page.getByTestId('case-state')).toHaveText('Zgoda na współpracę');

  // ---- Initial assessment; the autosaved draft is offered back after leaving the screen.
  await page.getByRole('button', { name: 'Nowa ocena wstępna' }).click();
  const firstArea = ASSESSMENT_AREAS[0]!.label;
  await page.getByLabel(`Uzasadnienie — ${firstArea}`).fill('Mieszkanie dwupokojowe, zaległości w czynszu.');
  await expect(page.getByText('Szkic zapisano automatycznie')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('link', { name: 'Strona główna' }).click();
  await page.getByTestId('deadlines-overdue').getByRole('link', { name: new RegExp(`^Ewa Grzelak.* — sprawa ${c.caseNumber.replace(/\./g, '\\.')}$`) }).first().click();
  await page.getByRole('button', { name: 'Nowa ocena wstępna' }).click();
  await expect(page.getByTestId('draft-offer')).toContainText('Przywrócić niezapisany szkic z');
  await page.getByRole('button', { name: 'Przywróć szkic' }).click();
  await expect(page.getByLabel(`Uzasadnienie — ${firstArea}`)).toHaveValue('Mieszkanie dwupokojowe, zaległości w czynszu.');
  await page.getByLabel('Data oceny').fill(initialOn);
  // Live findings before saving: areas not rated yet.
  await expect(page.getByTestId('assessment-live-findings')).toContainText(firstArea);
  await fillAssessmentGrid(page, (i) => (i === 1 ? -2 : i % 2 === 0 ? -1 : 0), 'wstępna');
  await expect(page.getByTestId('assessment-live-findings')).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('initial-assessment.png'), fullPage: true });
  await page.getByRole('button', { name: 'Zapisz ocenę' }).click();
  await expect(page.getByText('Ocena zapisana')).toBeVisible();
  await expect(page.getByTestId('case-state')).toHaveText('Ocena wstępna');

  // ---- Work plan: an action without a due date is refused (art. 15 ust. 3), then saved.
  await openCaseTab(page, 'Plan pracy');
  await page.getByRole('button', { name: 'Sporządź plan pracy', exact: true }).click();
  await page.getByLabel('Cel 1 — treść').fill('Uporządkowanie budżetu domowego');
  await page.getByLabel('Cel 1 — obszar oceny').selectOption('FINANCES');
  await page.getByLabel('Opis działania (cel 1, działanie 1)').fill('Plan spłaty zaległości czynszowych');
  await page.getByLabel('Odpowiedzialny (imię, instytucja) (cel 1, działanie 1)').fill('Ewa (matka)');
  await page.getByLabel('Oczekiwany efekt (cel 1, działanie 1)').fill('Porozumienie ze spółdzielnią');
  await page.getByLabel('Plan skonsultowano z pracownikiem socjalnym (art. 15 ust. 1 pkt 1)').check();
  await expect(page.getByTestId('plan-live-findings')).toContainText('brak terminu realizacji');
  await page.getByRole('button', { name: 'Zapisz plan' }).click();
  const refusal = page.getByTestId('plan-refusal');
  await expect(refusal).toContainText('Plan nie został zapisany');
  await expect(refusal).toContainText('brak terminu realizacji');
  await expect(refusal).toContainText('art. 15 ust. 3');
  await page.screenshot({ path: test.info().outputPath('plan-refused.png'), fullPage: true });
  await page.getByLabel('Termin realizacji (cel 1, działanie 1)').fill(addDays(today, 60));
  await expect(page.getByTestId('plan-live-findings')).toBeHidden();
  await expect(refusal).toBeHidden();
  await page.getByRole('button', { name: 'Zapisz plan' }).click();
  await expect(page.getByText('Zapisano plan pracy — wersja 1.')).toBeVisible();
  await expect(page.getByTestId('case-state')).toHaveText('Plan pracy');

  // ---- Two visits.
  await openCaseTab(page, 'Dziennik wizyt');
  for (const [on, from, to] of [
    [addDays(today, -1), '16:00', '17:00'],
    [today, '10:00', '11:30'],
  ] as const) {
    await page.getByRole('button', { name: 'Nowa wizyta' }).click();
    await page.getByTestId('entry-form').getByLabel(/^Data( \*)?$/).fill(on);
    await page.getByLabel('Godzina rozpoczęcia').fill(from);
    await page.getByLabel('Godzina zakończenia').fill(to);
    await page.getByLabel('Uczestnicy (oddziel przecinkami)').fill('Ewa (matka), Zuzanna');
    await page.getByLabel('Uporządkowanie budżetu domowego').check();
    await page.getByLabel('Ustalenia do następnej wizyty — rodzina').fill('Zebrać rachunki z ostatnich 3 miesięcy.');
    await page.getByLabel('Przebieg wizyty').fill('Omówiono budżet domowy.');
    await page.getByRole('button', { name: 'Zapisz wpis' }).click();
    await expect(page.getByTestId('entry-saved')).toContainText(`Zapisano: Wizyta z ${pl(on)}`);
  }
  await expect(page.getByTestId('entry')).toHaveCount(2);

  // ---- The morning screen: the periodic assessment is due within 14 days.
  await page.getByRole('link', { name: 'Strona główna' }).click();
  const dueSoon = page.getByTestId('deadlines-due-soon');
  await expect(dueSoon).toContainText('Okresowa ocena sytuacji rodziny');
  await page.screenshot({ path: test.info().outputPath('morning.png'), fullPage: true });
  await dueSoon.getByRole('link', { name: new RegExp(`^Ewa Grzelak.* — sprawa ${c.caseNumber.replace(/\./g, '\\.')}$`) }).first().click();
  await expect(page.getByRole('heading', { name: `Sprawa ${c.caseNumber}` })).toBeVisible();

  // ---- Periodic assessment: previous ratings beside each area; then the trend chart.
  await page.getByRole('button', { name: 'Nowa ocena okresowa' }).click();
  await expect(page.getByTestId(`previous-${ASSESSMENT_AREAS[1]!.code}`)).toContainText('Poprzednio: −2');
  await fillAssessmentGrid(page, (i) => (i === 1 ? 0 : i % 2 === 0 ? 0 : 1), 'okresowa');
  // Art. 15 ust. 1 pkt 15: each goal of the plan in force is assessed; the next date is six months on.
  await expect(page.getByTestId('assessment-live-findings')).toContainText('nie ocenia celu „Uporządkowanie budżetu domowego”');
  await expect(page.getByLabel('Termin kolejnej oceny (nie później niż 6 miesięcy od oceny)')).toHaveValue(pl(addMonthsClamped(today, 6)));
  await page.getByLabel('Cel 1: Uporządkowanie budżetu domowego').selectOption('partly');
  await expect(page.getByTestId('assessment-live-findings')).toBeHidden();
  await page.getByRole('button', { name: 'Zapisz ocenę' }).click();
  await expect(page.getByText('Ocena zapisana')).toBeVisible();
  await expect(page.getByTestId('assessment-comparison')).toContainText('poprawa w');
  const chart = page.getByTestId('trend-chart');
  await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(chart.getByRole('table', { name: 'Tabela ocen obszarów' })).toContainText('−2');
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('trend.png'), fullPage: true });

  // ---- Final assessment and closure: monitoring starts.
  await page.getByRole('button', { name: 'Zamknij' }).first().click();
  await page.getByRole('button', { name: 'Nowa ocena końcowa' }).click();
  await fillAssessmentGrid(page, () => 1, 'końcowa');
  await page.getByLabel('Cel 1: Uporządkowanie budżetu domowego').selectOption('achieved');
  await expect(page.getByTestId('assessment-live-findings')).toContainText('plan monitorowania');
  await page.getByLabel('Uzasadnienie rekomendacji').fill('Rodzina samodzielnie prowadzi budżet; cele planu osiągnięte.');
  await page.getByLabel('Zalecenia, w tym plan monitorowania rodziny po zakończeniu pracy (okres i forma)').fill('Monitoring przez 3 miesiące: telefon co dwa tygodnie, jedna wizyta w miesiącu.');
  await page.getByRole('button', { name: 'Zapisz ocenę' }).click();
  await expect(page.getByText('Ocena zapisana')).toBeVisible();
  await openCaseTab(page, 'Zakończenie');
  await page.getByLabel('Przyczyna zakończenia').selectOption('CEL');
  await expect(page.getByTestId('closure-check')).toContainText(`monitoring potrwa do ${pl(monitoringEndDate(today, 3))}`);
  // Closing names the family and needs an explicit confirmation (issue 14).
  await page.getByRole('button', { name: 'Zakończ pracę z rodziną' }).click();
  await expect(page.getByText('Zaznacz potwierdzenie — bez niego sprawa nie zostanie zamknięta.')).toBeVisible();
  await page.getByRole('checkbox', { name: `Potwierdzam zakończenie pracy z rodziną Grzelaków (sprawa ${c.caseNumber}).` }).check();
  await page.getByRole('button', { name: 'Zakończ pracę z rodziną' }).click();
  await expect(page.getByTestId('monitoring-ends')).toHaveText(`Monitoring do: ${pl(monitoringEndDate(today, 3))}`);
  await expect(page.getByTestId('case-state')).toHaveText('Monitoring po zakończeniu');
  await page.screenshot({ path: test.info().outputPath('monitoring.png'), fullPage: true });

  expect(consoleErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
});
