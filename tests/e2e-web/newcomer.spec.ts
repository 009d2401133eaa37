/**
 * User story (issue 14, "Done when"): a new office gets through its first family without help.
 * From an empty data folder: the setup wizard (office, head's account, recovery key confirmed) →
 * "Pierwsze kroki" on the head's home, ticking off from the real state → the head creates the
 * social worker's and the assistant's accounts → the social worker registers a family of four and
 * refers it → the head assigns the assistant on "Decyzje" with the caseload shown → the assistant
 * records first contact and consent → initial assessment → work plan → realisation → a visit →
 * (months later) periodic assessment → the plan as PDF → the head backs up to a folder and checks
 * the backup. At every case state the "Następny krok" panel is asserted: what it names, who takes
 * it, the deadline. Every page state is checked by axe (the fixture) at text size A and, for the
 * screenshots, at A++ as well. The actions a worker makes are counted (at most 150).
 *
 * Time: the core and the page share a fixed clock (`clockStart`), moved forward between sessions
 * as the days of the story pass; expected dates come from the rules and the app's formatter.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { makePesel } from '../../db/demo/generate';
import { addDays, ASSESSMENT_AREAS, interviewDueDate, periodicAssessmentDueDate, DEFAULT_OFFICE_DEADLINE_SETTINGS as OFFICE_TERMS } from '../../shared/rules';
import { checkA11y, expect, type RunningApp, startApp, test } from './server-fixture';
import {
  completeSetup,
  countActions,
  createAccount,
  createBackup,
  login,
  logout,
  plDate as pl,
  registerFamily,
  setTextSize,
  verifyBackupOnScreen,
  type ActionCounter,
} from './ui-helpers';

const MAX_ACTIONS = 150;
test.use({ actionTimeout: 30_000 });
const SHOTS = fileURLToPath(new URL('../artifacts/newcomer/', import.meta.url));

const OFFICE = {
  name: 'Gminny Ośrodek Pomocy Społecznej w Łysomicach',
  address: 'ul. Warszawska 8',
  postalCode: '87-148',
  place: 'Łysomice',
  gmina: 'Łysomice',
  headName: 'Jadwiga Śliwińska',
};
const HEAD = { fullName: 'Jadwiga Śliwińska', login: 'j.sliwinska', password: 'Kierowniczka2026' };
const PS = { fullName: 'Grażyna Bielecka', login: 'g.bielecka', role: 'social_worker' as const, password: 'Pracownica2026' };
const AR = { fullName: 'Dorota Żurawska', login: 'd.zurawska', role: 'assistant' as const, password: 'Asystentka2026' };

/** 09:00 in Warsaw on a Monday; the story's days are counted from it. */
const D0 = '2026-03-02';
const at = (iso: string) => new Date(`${iso}T09:00:00+01:00`).getTime();
const DAY1 = addDays(D0, 1); // the head's decision
const DAY3 = addDays(D0, 3); // the assistant's first visit: contact, consent, assessment, plan
const AUTUMN = addDays(periodicAssessmentDueDate({ assignedOn: DAY1, lastAssessmentOn: DAY3 }), -10); // ten days before the periodic assessment

const FAMILY = {
  address: 'ul. Lipowa 14',
  place: 'Papowo Toruńskie',
  gmina: OFFICE.gmina,
  members: [
    { firstName: 'Monika', lastName: 'Kaczmarek', pesel: makePesel('1991-07-19', 'F', 731), relation: 'matka' },
    { firstName: 'Paweł', lastName: 'Kaczmarek', pesel: makePesel('1988-11-02', 'M', 732), relation: 'ojciec' },
    { firstName: 'Oliwia', lastName: 'Kaczmarek', pesel: makePesel('2014-02-25', 'F', 733), relation: 'córka', child: true },
    { firstName: 'Szymon', lastName: 'Kaczmarek', pesel: makePesel('2019-09-08', 'M', 734), relation: 'syn', child: true },
  ],
};

let app: RunningApp;
let workDir: string;
test.beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'asysta-newcomer-Łódź-'));
  mkdirSync(join(workDir, 'pdf'));
  mkdirSync(join(workDir, 'PENDRIVE'));
  app = await startApp({ clockStart: at(D0), pdfDir: join(workDir, 'pdf') });
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(async () => {
  await app?.dispose();
  rmSync(workDir, { recursive: true, force: true });
});

/** The story's day: the core's clock and the page's clock (its "today" in date fields) move together. */
async function setDay(page: Page, iso: string): Promise<void> {
  app.clock!.now = at(iso);
  await page.clock.setFixedTime(at(iso));
}

let shotNo = 0;
/**
 * Screenshots of the current step at A and at A++ (axe checks the A++ state too); not counted.
 * A step shown in a modal dialog names how to close and reopen it: the text-size switch is in the
 * side menu, behind the dialog, so the dialog is closed for the switch and opened again.
 */
async function shot(page: Page, counter: ActionCounter, name: string, dialog?: { open: () => Promise<unknown>; close: () => Promise<unknown> }): Promise<void> {
  const n = String(++shotNo).padStart(2, '0');
  await counter.uncounted(async () => {
    await checkA11y(page, name);
    await page.screenshot({ path: join(SHOTS, `${n}-${name}-A.png`), fullPage: true });
    await dialog?.close();
    await setTextSize(page, 'A++');
    await dialog?.open();
    await checkA11y(page, `${name} (A++)`);
    await page.screenshot({ path: join(SHOTS, `${n}-${name}-A++.png`), fullPage: true });
    await dialog?.close();
    await setTextSize(page, 'A');
    await dialog?.open();
  });
}

interface StepExpectation {
  /** The screenshot's name for this state of the case. */
  state: string;
  title: string;
  /** The deadline shown ("Termin: …"), or the sentence said when none applies. */
  due?: string;
  noDeadline?: string;
  /** When the step is someone else's: "Ten krok wykonuje: …". */
  owner?: string;
}

let actions: ActionCounter;

/** The "Następny krok" panel of the case view; the case in this state is photographed at A and A++. */
async function expectNextStep(page: Page, e: StepExpectation): Promise<Locator> {
  const panel = page.getByTestId('next-step');
  await expect(panel.getByRole('heading', { name: 'Następny krok' })).toBeVisible();
  await expect(panel.getByTestId('next-step-title')).toHaveText(e.title);
  if (e.due) await expect(panel.getByTestId('next-step-deadline')).toHaveText(`Termin: ${pl(e.due)}`);
  else await expect(panel.getByTestId('next-step-deadline')).toHaveCount(0);
  if (e.noDeadline) await expect(panel).toContainText(e.noDeadline);
  if (e.owner) {
    await expect(panel.getByText(`Ten krok wykonuje: ${e.owner}.`)).toBeVisible();
    await expect(panel.getByRole('button')).toHaveCount(0);
  } else {
    await expect(panel.getByRole('button', { name: e.title })).toBeVisible();
  }
  await shot(page, actions, e.state);
  return panel;
}

/** Presses the next step's button, which opens its dialog; fills it and saves; waits for the new state. */
async function takeStep(page: Page, title: string, fill: (dialog: Locator) => Promise<void>, newState: string): Promise<void> {
  await page.getByTestId('next-step').getByRole('button', { name: title }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await fill(dialog);
  await dialog.getByRole('button', { name: /^Zapisz( decyzję)?$/ }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('case-state')).toHaveText(newState);
}

/** Every area of the assessment grid rated with a one-line justification. */
async function rateAllAreas(page: Page, rating: (i: number) => string, why: string): Promise<void> {
  for (const [i, area] of ASSESSMENT_AREAS.entries()) {
    await page.getByRole('group', { name: area.label, exact: true }).getByText(rating(i), { exact: true }).click();
    await page.getByLabel(`Uzasadnienie — ${area.label}`).fill(`${why}: ${area.label.toLowerCase()}.`);
  }
}

test('newcomer: empty folder → setup → first steps → accounts → family of four referred → decision → consent → assessment → plan → visit → periodic assessment → plan PDF → checked backup', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  actions = countActions(page);
  await setDay(page, D0);

  // ---- Day 0. An empty data folder: the setup wizard.
  expect(readdirSync(app.dataDir).filter((f) => f !== '.asysta.lock')).toEqual([]); // only the running core's lock
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Dane ośrodka' })).toBeVisible({ timeout: 30_000 });
  await shot(page, actions, 'kreator');
  const recoveryKey = await completeSetup(page, OFFICE, HEAD);
  await login(page, HEAD.login, HEAD.password);

  // ---- Pierwsze kroki on the head's home, from the real state.
  const first = page.getByTestId('first-steps');
  await expect(first.getByRole('heading', { name: 'Pierwsze kroki' })).toBeVisible();
  const item = (key: string) => first.getByTestId(`first-step-${key}`);
  await expect(item('accounts')).toHaveAttribute('data-done', 'false');
  await expect(item('accounts')).toContainText('Konta: 0 asystentów rodziny, 0 pracowników socjalnych.');
  await expect(item('accounts').getByRole('link', { name: 'Załóż konta' })).toBeVisible();
  await expect(item('recovery-key')).toHaveAttribute('data-done', 'true');
  await expect(item('backup')).toHaveAttribute('data-done', 'false');
  await expect(item('backup').getByRole('link', { name: 'Zrób kopię' })).toBeVisible();
  await expect(item('documents')).toHaveAttribute('data-done', 'false');
  // A new office is not greeted by deadlines from before it existed.
  await expect(page.getByTestId('overdue-alert')).toHaveCount(0);
  await shot(page, actions, 'pierwsze-kroki');

  // ---- The head creates the two accounts (from the first step's link).
  await item('accounts').getByRole('link', { name: 'Załóż konta' }).click();
  await createAccount(page, PS);
  await createAccount(page, AR);
  await shot(page, actions, 'konta');
  await logout(page);

  // ---- The social worker registers the family of four and refers it.
  await login(page, PS.login, PS.password);
  await registerFamily(page, FAMILY);
  await expect(page.getByRole('table', { name: 'Członkowie rodziny' }).getByRole('row')).toHaveCount(5);
  await shot(page, actions, 'karta-rodziny');
  await page.getByRole('link', { name: 'Nowe zgłoszenie' }).click();
  await page.getByLabel('Ośrodek powziął informację o rodzinie').check();
  await expect(page.getByLabel('Data powzięcia informacji')).toHaveValue(pl(D0));
  await page.getByRole('button', { name: 'Przyjmij zgłoszenie' }).click();
  await expect(page.getByTestId('case-state')).toHaveText('Zgłoszenie', { timeout: 30_000 });
  const caseNumber = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace('Sprawa ', '').trim();

  await expectNextStep(page, { state: 'sprawa-1-zgloszenie', title: 'Przeprowadź rodzinny wywiad środowiskowy', due: interviewDueDate({ learnedOn: D0, urgent: false }) });
  await takeStep(page, 'Przeprowadź rodzinny wywiad środowiskowy', async () => undefined, 'Wywiad środowiskowy przeprowadzony');

  await expectNextStep(page, { state: 'sprawa-2-wywiad', title: 'Zapisz analizę sytuacji rodziny', noDeadline: 'Ustawa nie wyznacza terminu analizy — zrób ją wkrótce po wywiadzie.' });
  await takeStep(
    page,
    'Zapisz analizę sytuacji rodziny',
    async (d) => void (await d.getByLabel('Wynik analizy: czy stwierdzono trudności opiekuńczo-wychowawcze?').selectOption("true")),
    'Analiza sytuacji rodziny',
  );

  await expectNextStep(page, { state: 'sprawa-3-analiza', title: 'Złóż wniosek o przydzielenie asystenta rodziny', noDeadline: 'Ustawa nie wyznacza terminu wniosku.' });
  await takeStep(
    page,
    'Złóż wniosek o przydzielenie asystenta rodziny',
    async (d) => {
      await d.getByLabel('Analiza sytuacji rodziny (art. 11 ust. 2)').fill('Rodzice nie radzą sobie z organizacją dnia dzieci; Oliwia opuszcza zajęcia w szkole.');
      await d.getByLabel('Uzasadnienie wniosku').fill('W wywiadzie stwierdzono trudności opiekuńczo-wychowawcze; rodzina zgadza się na wsparcie asystenta.');
    },
    'Wniosek o asystenta — czeka na decyzję kierownika',
  );
  // The decision is the head's: the social worker is told who takes it.
  await expectNextStep(page, { state: 'sprawa-4-wniosek', title: 'Podejmij decyzję: przydziel asystenta rodziny', owner: 'kierownik ośrodka', noDeadline: 'w praktyce niezwłocznie' });
  await logout(page);

  // ---- Day 1. The head decides on "Decyzje", with the assistants' caseload shown.
  await setDay(page, DAY1);
  await login(page, HEAD.login, HEAD.password);
  // Pierwsze kroki: the accounts are ticked off.
  await expect(item('accounts')).toHaveAttribute('data-done', 'true');
  await expect(item('accounts')).toContainText('Konta: 1 asystent rodziny, 1 pracownik socjalny.');
  await expect(item('backup')).toHaveAttribute('data-done', 'false');
  await page.getByRole('link', { name: 'Decyzje' }).click();
  const loads = page.getByRole('table', { name: 'Obciążenie asystentów' });
  await expect(loads.getByRole('row').filter({ hasText: AR.fullName })).toContainText('0 / 15');
  await expect(page.getByRole('table', { name: 'Sprawy czekające na decyzję' })).toContainText(caseNumber);
  await shot(page, actions, 'decyzje');
  await page.getByRole('button', { name: `Przydziel: ${caseNumber}` }).click();
  const decision = page.getByRole('dialog');
  await decision.getByLabel('Asystent rodziny').selectOption({ label: `${AR.fullName} — 0/15` });
  await decision.getByRole('button', { name: 'Zapisz decyzję' }).click();
  await expect(decision).toBeHidden({ timeout: 30_000 });
  await expect(loads.getByRole('row').filter({ hasText: AR.fullName })).toContainText('1 / 15');
  await logout(page);

  // ---- Day 3. The assistant: her home lists the new family with its first step.
  await setDay(page, DAY3);
  await login(page, AR.login, AR.password);
  const fresh = page.getByRole('region', { name: 'Nowo przydzielone rodziny' });
  await expect(fresh.getByTestId('newly-assigned-step')).toHaveText('Nawiąż pierwszy kontakt z rodziną');
  await expect(fresh).toContainText(`przydzielono ${pl(DAY1)}`);
  await shot(page, actions, 'asystent-start');
  await fresh.getByRole('link', { name: `Monika Kaczmarek, ul. Lipowa 14, Papowo Toruńskie — sprawa ${caseNumber}` }).click();
  await expect(page.getByTestId('case-state')).toHaveText('Asystent przydzielony');

  await expectNextStep(page, { state: 'sprawa-5-przydzielony', title: 'Nawiąż pierwszy kontakt z rodziną', noDeadline: 'nawiąż go jak najszybciej' });
  await takeStep(page, 'Nawiąż pierwszy kontakt z rodziną', async (d) => expect(d.getByLabel('Data kontaktu')).toHaveValue(pl(DAY3)), 'Pierwszy kontakt');

  await expectNextStep(page, { state: 'sprawa-6-pierwszy-kontakt', title: 'Zapisz zgodę rodziny na współpracę', noDeadline: 'Ustawa nie wyznacza terminu zgody.' });
  await takeStep(
    page,
    'Zapisz zgodę rodziny na współpracę',
    async (d) => {
      await expect(d.getByLabel('Podstawa pracy z rodziną')).toHaveValue('written-consent');
      await expect(d.getByLabel('Data zgody')).toHaveValue(pl(DAY3));
      await d.getByLabel('Miejsce spotkań z asystentem').fill('w miejscu zamieszkania rodziny');
      await d.getByLabel('Częstotliwość spotkań (nie rzadziej niż…)').fill('raz w tygodniu');
    },
    'Zgoda na współpracę',
  );

  // ---- Initial assessment (the step opens the form in "Praca z rodziną").
  await expectNextStep(page, { state: 'sprawa-7-zgoda', title: 'Sporządź ocenę wstępną sytuacji rodziny', due: addDays(DAY3, OFFICE_TERMS.initialAssessmentDaysAfterConsent) });
  await page.getByTestId('next-step').getByRole('button', { name: 'Sporządź ocenę wstępną sytuacji rodziny' }).click();
  await expect(page.getByLabel('Data oceny')).toHaveValue(pl(DAY3));
  await rateAllAreas(page, (i) => (i === 3 ? '−2' : i % 3 === 0 ? '−1' : '0'), 'Ocena wstępna');
  await shot(page, actions, 'ocena-wstepna');
  await page.getByRole('button', { name: 'Zapisz ocenę' }).click();
  await expect(page.getByText('Ocena zapisana')).toBeVisible();
  await expect(page.getByTestId('case-state')).toHaveText('Ocena wstępna');

  // ---- Work plan.
  await expectNextStep(page, { state: 'sprawa-8-ocena-wstepna', title: 'Sporządź plan pracy z rodziną', due: addDays(DAY3, OFFICE_TERMS.workPlanDaysAfterConsent) });
  await page.getByTestId('next-step').getByRole('button', { name: 'Sporządź plan pracy z rodziną' }).click();
  await expect(page.getByText('brak terminu realizacji')).toHaveCount(0); // nothing red on an untouched plan
  await page.getByLabel('Cel 1 — treść').fill('Regularne uczęszczanie Oliwii do szkoły');
  await page.getByLabel('Opis działania (cel 1, działanie 1)').fill('Stały plan dnia i kontakt z wychowawczynią co tydzień');
  await page.getByLabel('Odpowiedzialny (imię, instytucja) (cel 1, działanie 1)').fill('Monika (matka)');
  await page.getByLabel('Termin realizacji (cel 1, działanie 1)').fill(pl(addDays(DAY3, 90)));
  await page.getByLabel('Oczekiwany efekt (cel 1, działanie 1)').fill('Frekwencja powyżej 90%');
  await page.getByLabel('Plan skonsultowano z pracownikiem socjalnym (art. 15 ust. 1 pkt 1)').check();
  await shot(page, actions, 'plan');
  await page.getByRole('button', { name: 'Zapisz plan' }).click();
  await expect(page.getByText('Zapisano plan pracy — wersja 1.')).toBeVisible();
  await expect(page.getByTestId('case-state')).toHaveText('Plan pracy');

  await expectNextStep(page, { state: 'sprawa-9-plan', title: 'Rozpocznij realizację planu', noDeadline: 'Bez terminu — zwykle przy pierwszej wizycie po sporządzeniu planu.' });
  await takeStep(page, 'Rozpocznij realizację planu', async () => undefined, 'Realizacja planu');

  // ---- A visit.
  await expectNextStep(page, { state: 'sprawa-10-realizacja', title: 'Zapisz kolejną wizytę u rodziny', noDeadline: 'Program przypomni o wizycie' });
  await page.getByTestId('next-step').getByRole('button', { name: 'Zapisz kolejną wizytę u rodziny' }).click();
  const entry = page.getByTestId('entry-form');
  await expect(entry.getByLabel(/^Data( \*)?$/)).toHaveValue(pl(DAY3));
  await entry.getByLabel('Godzina rozpoczęcia').fill('10:00');
  await entry.getByLabel('Godzina zakończenia').fill('11:30');
  await entry.getByLabel('Przebieg wizyty').fill('Ustalono plan dnia dzieci; matka zadzwoni do wychowawczyni.');
  await shot(page, actions, 'wizyta');
  await entry.getByRole('button', { name: 'Zapisz wpis' }).click();
  await expect(page.getByTestId('entry-saved')).toContainText(`Zapisano: Wizyta z ${pl(DAY3)}`);
  await logout(page);

  // ---- Months later: the periodic assessment falls due within the warning window.
  await setDay(page, AUTUMN);
  await login(page, AR.login, AR.password);
  const dueSoon = page.getByTestId('deadlines-due-soon');
  await expect(dueSoon).toContainText('Okresowa ocena sytuacji rodziny');
  await shot(page, actions, 'asystent-po-miesiacach');
  await dueSoon.getByRole('link', { name: new RegExp(`^Monika Kaczmarek.* — sprawa ${caseNumber.replace(/\./g, '\\.')}$`) }).first().click();
  const periodicDue = periodicAssessmentDueDate({ assignedOn: DAY1, lastAssessmentOn: DAY3 });
  await expectNextStep(page, { state: 'sprawa-11-ocena-okresowa-w-terminie', title: 'Sporządź okresową ocenę sytuacji rodziny', due: periodicDue });
  await page.getByTestId('next-step').getByRole('button', { name: 'Sporządź okresową ocenę sytuacji rodziny' }).click();
  // It starts from the initial assessment; what changed is changed.
  const parenting = ASSESSMENT_AREAS[3]!.label;
  await expect(page.getByTestId(`previous-${ASSESSMENT_AREAS[3]!.code}`)).toContainText('Poprzednio: −2');
  await page.getByRole('button', { name: 'Przenieś oceny z poprzedniej oceny' }).click();
  await expect(page.getByLabel(`Uzasadnienie — ${ASSESSMENT_AREAS[0]!.label}`)).toHaveValue(`Ocena wstępna: ${ASSESSMENT_AREAS[0]!.label.toLowerCase()}.`);
  await page.getByRole('group', { name: parenting, exact: true }).getByText('−1', { exact: true }).click();
  await page.getByLabel(`Uzasadnienie — ${parenting}`).fill('Stały plan dnia; Oliwia chodzi do szkoły, zdarzają się spóźnienia.');
  await page.getByLabel('Cel 1: Regularne uczęszczanie Oliwii do szkoły').selectOption('partly');
  await page.getByRole('button', { name: 'Zapisz ocenę' }).click();
  await expect(page.getByText('Ocena zapisana')).toBeVisible();
  // Back to the usual work: the next visit, long overdue after the months without one.
  await expectNextStep(page, { state: 'sprawa-12-po-ocenie-okresowej', title: 'Zapisz kolejną wizytę u rodziny', due: addDays(DAY3, OFFICE_TERMS.maxDaysBetweenVisits) });

  // ---- The plan as PDF for the paper file.
  const documents = page.getByRole('region', { name: 'Dokumenty' });
  const preview = page.getByRole('dialog');
  const previewDialog = {
    open: async () => {
      await documents.getByRole('row').filter({ hasText: 'Plan pracy z rodziną' }).first().getByRole('button', { name: /^Podgląd/ }).click();
      await expect(preview.locator('iframe[title="Podgląd dokumentu"]')).toBeVisible();
    },
    close: async () => {
      await preview.getByRole('button', { name: 'Zamknij podgląd' }).click();
      await expect(preview).toBeHidden();
    },
  };
  await previewDialog.open();
  await preview.getByRole('button', { name: 'Zapisz jako PDF…' }).click();
  await expect(preview.getByRole('status')).toContainText('Zapisano plik PDF', { timeout: 60_000 });
  await shot(page, actions, 'plan-pdf', previewDialog);
  const pdf = readdirSync(join(workDir, 'pdf')).find((f) => f.endsWith('.pdf'));
  expect(pdf).toContain('Plan pracy z rodziną');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(workDir, 'pdf', pdf!), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Regularne uczęszczanie Oliwii do szkoły');
  expect(text).toContain('Kaczmarek');
  await previewDialog.close();
  await logout(page);

  // ---- The head backs up to the "USB stick" and checks the backup; Pierwsze kroki ticks it off.
  await login(page, HEAD.login, HEAD.password);
  await expect(item('backup')).toHaveAttribute('data-done', 'false');
  const usb = join(workDir, 'PENDRIVE');
  const name = await createBackup(page, usb);
  expect(readdirSync(usb)).toEqual([name]);
  // "Sprawdź kopię" offers the file just made; the head types the recovery key.
  await expect(page.getByLabel('Plik kopii zapasowej')).toHaveValue(join(usb, name));
  const verified = await verifyBackupOnScreen(page, join(usb, name), { recoveryKey });
  await expect(verified).toContainText(OFFICE.name);
  await shot(page, actions, 'kopia-sprawdzona');
  await page.getByRole('link', { name: 'Strona główna' }).click();
  await expect(item('backup')).toHaveAttribute('data-done', 'true');
  await expect(item('backup')).toContainText(usb);
  await shot(page, actions, 'pierwsze-kroki-po');

  // ---- The count: what a newcomer needs to do, at most 150 actions.
  writeFileSync(join(SHOTS, 'actions.txt'), `${actions.log.join('\n')}\n`);
  console.log(`newcomer story: ${actions.count} actions (limit ${MAX_ACTIONS}); screenshots in ${SHOTS}`);
  await test.info().attach('actions.txt', { body: actions.log.join('\n'), contentType: 'text/plain' });
  expect(actions.count).toBeLessThanOrEqual(MAX_ACTIONS);
  // The accessibility watch's script is offered to every frame; the preview's sandboxed document
  // (no scripts by design) refuses it — that message is the sandbox working, not an app error.
  expect(consoleErrors.filter((e) => !e.includes('favicon') && !e.includes("about:srcdoc' because the document's frame is sandboxed"))).toEqual([]);
});
