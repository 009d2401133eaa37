/**
 * Click-through helpers for the renderer's main flow, using only the accessible names the UI
 * guarantees (labels, button texts, link texts). Shared by the web and Electron E2E tests.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { formatDate, warsawDate } from '../../shared/dates';

/** Today in Warsaw as yyyy-mm-dd (the office's calendar day, whatever the machine's zone). */
export const warsawToday = (): string => warsawDate(new Date())!;

/** "07.03.2026" from "2026-03-07": the app's own formatter, so expectations match on every day. */
export const plDate = (iso: string): string => formatDate(iso);

export interface OfficeData {
  name: string;
  address: string;
  postalCode: string;
  place: string;
  gmina: string;
  headName: string;
  phone?: string;
  email?: string;
}

export interface AdminData {
  fullName: string;
  login: string;
  password: string;
}

const SLOW = { timeout: 30_000 };

/** Fills a field unless the form already offers that value (a suggestion or a carried-over value). */
async function fillUnlessShown(field: Locator, value: string): Promise<void> {
  if ((await field.inputValue()) !== value) await field.fill(value);
}

/** Setup wizard → recovery-key card → retyping check. Returns the recovery key (XXXX-XXXX-…). */
export async function completeSetup(page: Page, office: OfficeData, admin: AdminData): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Dane ośrodka' })).toBeVisible(SLOW);
  await page.getByLabel('Nazwa ośrodka').fill(office.name);
  await page.getByLabel(/^Adres( \*)?$/).fill(office.address);
  await page.getByLabel('Kod pocztowy').fill(office.postalCode);
  await page.getByLabel('Miejscowość').fill(office.place);
  await page.getByLabel('Gmina').fill(office.gmina);
  await page.getByLabel('Kierownik ośrodka').fill(office.headName);
  if (office.phone) await page.getByLabel('Telefon').fill(office.phone);
  if (office.email) await page.getByLabel('E-mail').fill(office.email);
  await page.getByRole('button', { name: 'Dalej', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Konto kierownika' })).toBeVisible();
  // The head's name comes over from the office's data ("Kierownik ośrodka").
  const headName = page.getByLabel('Imię i nazwisko');
  if ((await headName.inputValue()) !== admin.fullName) await headName.fill(admin.fullName);
  await fillUnlessShown(page.getByLabel('Login'), admin.login); // the login follows the name
  await page.getByLabel(/^Hasło( \*)?$/).fill(admin.password);
  await page.getByLabel('Powtórz hasło').fill(admin.password);
  await page.getByRole('button', { name: 'Utwórz ośrodek' }).click();

  const keyBox = page.getByTestId('recovery-key');
  await expect(keyBox).toBeVisible(SLOW);
  const recoveryKey = ((await keyBox.textContent()) ?? '').trim();
  await page.getByLabel('Zapisałem/zapisałam klucz w bezpiecznym miejscu').check();
  await page.getByRole('button', { name: 'Dalej', exact: true }).click();

  await page.getByLabel('Klucz odzyskiwania').fill(recoveryKey);
  await page.getByRole('button', { name: 'Potwierdź klucz' }).click();
  await expect(page.getByRole('button', { name: 'Zaloguj' })).toBeVisible(SLOW);
  return recoveryKey;
}

export async function login(page: Page, loginName: string, password: string): Promise<void> {
  await page.getByLabel('Login').fill(loginName);
  await page.getByLabel('Hasło', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Zaloguj' }).click();
  await expect(page.getByRole('button', { name: 'Zablokuj' })).toBeVisible(SLOW);
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Wyloguj' }).click();
  await expect(page.getByRole('button', { name: 'Zaloguj' })).toBeVisible(SLOW);
}

export async function createAccount(
  page: Page,
  account: { fullName: string; login: string; role: 'admin' | 'assistant' | 'social_worker' | 'dpo'; password: string; limit?: number },
): Promise<void> {
  const newAccount = page.getByRole('button', { name: 'Nowe konto' });
  if (!(await newAccount.isVisible())) await openSection(page, 'Konta użytkowników');
  await newAccount.click();
  const dialog = page.getByRole('dialog', { name: 'Nowe konto' });
  await dialog.getByLabel('Imię i nazwisko').fill(account.fullName);
  await fillUnlessShown(dialog.getByLabel('Login'), account.login); // the login follows the name
  const role = dialog.getByLabel('Rola');
  if ((await role.inputValue()) !== account.role) await role.selectOption(account.role);
  if (account.limit !== undefined && account.role === 'assistant') {
    await dialog.getByLabel('Limit rodzin (art. 15 ust. 4 — najwyżej 15)').fill(String(account.limit));
  }
  await dialog.getByLabel(/^Hasło( \*)?$/).fill(account.password);
  await dialog.getByLabel('Powtórz hasło').fill(account.password);
  await dialog.getByRole('button', { name: 'Utwórz konto' }).click();
  await expect(page.getByRole('cell', { name: account.login, exact: true })).toBeVisible(SLOW);
}

export async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Zablokuj' }).click();
  await expect(page.getByRole('heading', { name: 'Sesja zablokowana' })).toBeVisible();
}

export async function unlock(page: Page, password: string): Promise<void> {
  await page.getByLabel('Hasło', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Odblokuj' }).click();
  await expect(page.getByRole('button', { name: 'Zablokuj' })).toBeVisible(SLOW);
}

// ---- backups (issue 6) -------------------------------------------------------------------------

export type BackupSecretInput = { recoveryKey: string } | { login: string; password: string };

/** Fill the "Plik kopii zapasowej" + secret fields inside `scope` (a section of the page). */
export async function fillBackupFileForm(scope: Locator | Page, file: string, secret: BackupSecretInput): Promise<void> {
  await fillUnlessShown(scope.getByLabel('Plik kopii zapasowej'), file);
  if ('recoveryKey' in secret) {
    const byKey = scope.getByLabel('Kluczem odzyskiwania');
    if (!(await byKey.isChecked())) await byKey.check();
    await scope.getByLabel('Klucz odzyskiwania', { exact: true }).fill(secret.recoveryKey);
  } else {
    await scope.getByLabel('Hasłem konta z chwili wykonania kopii').check();
    await scope.getByLabel('Login', { exact: true }).fill(secret.login);
    await scope.getByLabel('Hasło', { exact: true }).fill(secret.password);
  }
}

/** Backup page → "Utwórz kopię zapasową" into a typed folder. Returns the file name shown. */
export async function createBackup(page: Page, folder: string): Promise<string> {
  await openSection(page, 'Kopia zapasowa');
  await page.getByLabel('Folder na kopię').fill(folder);
  await page.getByRole('button', { name: 'Utwórz kopię zapasową' }).click();
  const result = page.getByTestId('backup-created');
  await expect(result).toBeVisible({ timeout: 60_000 });
  const name = ((await result.getByRole('row').filter({ hasText: 'Plik' }).getByRole('cell').textContent()) ?? '').trim();
  return name;
}

/** Backup page → "Sprawdź kopię" (without restoring). Returns the table of what it contains. */
export async function verifyBackupOnScreen(page: Page, file: string, secret: BackupSecretInput) {
  const section = page.locator('form').filter({ has: page.getByRole('button', { name: 'Sprawdź plik kopii' }) });
  await fillBackupFileForm(section, file, secret);
  await section.getByRole('button', { name: 'Sprawdź plik kopii' }).click();
  const info = page.getByTestId('verified-backup');
  await expect(info).toBeVisible({ timeout: 60_000 });
  return info;
}

/**
 * First-run wizard → "Przywróć z kopii zapasowej" → check the file → restore. Ends on the login
 * screen; returns the table of what the backup contained.
 */
export async function restoreInWizard(page: Page, file: string, secret: BackupSecretInput, onPreview?: () => Promise<unknown>) {
  await page.getByRole('button', { name: 'Przywróć z kopii zapasowej' }).click();
  await expect(page.getByText('Kopia zapasowa otwiera się tylko kluczem odzyskiwania albo hasłem konta, które istniało w chwili wykonania kopii.', { exact: false })).toBeVisible();
  await fillBackupFileForm(page, file, secret);
  await page.getByRole('button', { name: 'Sprawdź kopię', exact: true }).click();
  const info = page.getByTestId('restore-backup-info');
  await expect(info).toBeVisible({ timeout: 60_000 });
  const text = (await info.textContent()) ?? '';
  await onPreview?.();
  await page.getByRole('button', { name: 'Przywróć dane z tej kopii' }).click();
  await expect(page.getByRole('button', { name: 'Zaloguj' })).toBeVisible({ timeout: 60_000 });
  return text;
}

// ---- registry and cases (issue 3) ----------------------------------------------------------------

export interface FamilyMemberData {
  firstName: string;
  lastName: string;
  pesel?: string;
  birthDate?: string;
  relation: string;
  child?: boolean;
}

export interface FamilyData {
  address: string;
  postalCode?: string;
  place: string;
  gmina: string;
  safetyNote?: string;
  members: FamilyMemberData[];
}

/** Rodziny → "Nowa rodzina" → the form → "Zapisz rodzinę". Ends on the family card. */
export async function registerFamily(page: Page, family: FamilyData): Promise<void> {
  await openSection(page, 'Rodziny');
  await page.getByRole('link', { name: 'Nowa rodzina' }).click();
  await expect(page.getByRole('heading', { name: 'Nowa rodzina' })).toBeVisible();
  // Required fields carry a visual asterisk in their accessible name ("Adres *").
  await page.getByRole('textbox', { name: /^Adres( \*)?$/ }).fill(family.address);
  if (family.postalCode) await page.getByLabel('Kod pocztowy').fill(family.postalCode);
  await page.getByLabel('Miejscowość').fill(family.place);
  await fillUnlessShown(page.getByLabel('Gmina'), family.gmina); // a new family starts in the office's gmina
  if (family.safetyNote) await page.getByLabel('Uwagi o bezpieczeństwie pracownika').fill(family.safetyNote);
  for (const [i, m] of family.members.entries()) {
    const n = i + 1;
    if (i > 0) await page.getByRole('button', { name: m.child ? 'Dodaj dziecko' : 'Dodaj osobę dorosłą' }).click();
    await page.getByLabel(`Imię (osoba ${n})`).fill(m.firstName);
    // A person added later starts with the first person's surname.
    await fillUnlessShown(page.getByLabel(`Nazwisko (osoba ${n})`), m.lastName);
    if (m.pesel) await page.getByLabel(`PESEL (osoba ${n})`).fill(m.pesel);
    else if (m.birthDate) await page.getByLabel(`Data urodzenia (osoba ${n})`).fill(m.birthDate);
    await page.getByLabel(`Pokrewieństwo / rola (osoba ${n})`).fill(m.relation);
  }
  await page.getByRole('button', { name: 'Zapisz rodzinę' }).click();
  await expect(page.getByRole('heading', { name: /^Rodzina: / })).toBeVisible(SLOW);
}

/** Case view: press an available action, fill its form, save; waits for the new state label. */
export async function caseAction(page: Page, action: string, fill: (dialog: Locator) => Promise<void>, expectedState: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await expect(dialog).toBeVisible();
  await fill(dialog);
  await dialog.getByRole('button', { name: /^Zapisz( decyzję)?$/ }).click();
  await expect(dialog).toBeHidden(SLOW);
  await expect(page.getByTestId('case-state')).toHaveText(expectedState);
}

// ---- work with the family (issue 4) ------------------------------------------------------------

type ApiFn = (input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;

/** Calls a channel in the page as the logged-in user (the same bridge and dispatcher as the UI). */
export async function workApi<T>(page: Page, channel: string, input: unknown): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }> {
  return page.evaluate(
    ([c, i]) => ((globalThis as unknown as { api: Record<string, ApiFn> }).api[c as string]!(i) as Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }>),
    [channel, input] as const,
  );
}

/** Opens a case by its id (the address the family card links to) and waits for its heading. */
export async function openCaseById(page: Page, id: string, caseNumber: string): Promise<void> {
  await page.evaluate((caseId) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#/families/case/${encodeURIComponent(caseId)}`;
  }, id);
  await expect(page.getByRole('heading', { name: `Sprawa ${caseNumber}` })).toBeVisible();
}

/** Case view → "Praca z rodziną" → a tab. */
export async function openCaseTab(page: Page, name: string): Promise<void> {
  await page.getByTestId('case-work').getByRole('tab', { name }).click();
}

const RATING_TEXT = (r: number) => (r > 0 ? `+${r}` : r < 0 ? `−${Math.abs(r)}` : '0');

/** The assessment grid: every area rated (rating(i) for the i-th area) with a justification. */
export async function fillAssessmentGrid(page: Page, rating: (index: number) => number, note: string): Promise<void> {
  const { ASSESSMENT_AREAS } = await import('../../shared/rules');
  for (const [i, area] of ASSESSMENT_AREAS.entries()) {
    const group = page.getByRole('group', { name: area.label, exact: true });
    await group.getByText(RATING_TEXT(rating(i)), { exact: true }).click();
    await page.getByLabel(`Uzasadnienie — ${area.label}`).fill(`Ocena ${note}: ${area.label.toLowerCase()}.`);
  }
}

// ---- counting a user's actions (issue 14: the newcomer story in at most 150 actions) -----------

/** What a worker does with the mouse or keyboard: each call is one action. */
const COUNTED_LOCATOR = ['click', 'dblclick', 'fill', 'check', 'uncheck', 'setChecked', 'selectOption', 'press', 'pressSequentially', 'type', 'tap', 'setInputFiles'] as const;
const COUNTED_PAGE = ['goto', 'click', 'fill', 'press', 'check', 'selectOption'] as const;

export interface ActionCounter {
  /** Actions counted so far. */
  readonly count: number;
  /** "12 click: getByRole('button', { name: 'Dalej' })" — one line per action. */
  readonly log: string[];
  /** Runs `fn` without counting (test instrumentation, e.g. switching the text size for screenshots). */
  uncounted<T>(fn: () => Promise<T>): Promise<T>;
}

const counters = new WeakMap<Page, { count: number; log: string[]; paused: number }>();
let countingHooked = false;

/**
 * Counts every click, fill, check, select and key press made on `page` from now on — the spec's
 * own and those inside the helpers above — by wrapping Playwright's Locator and Page methods once
 * (Playwright has no public action hook; a11y.ts wraps the same prototypes the same way).
 */
export function countActions(page: Page): ActionCounter {
  const state = { count: 0, log: [] as string[], paused: 0 };
  counters.set(page, state);
  if (!countingHooked) {
    countingHooked = true;
    const wrap = (proto: Record<string, unknown>, names: readonly string[], pageOf: (self: unknown) => Page, describe: (self: unknown) => string) => {
      for (const name of names) {
        const original = proto[name] as ((...args: unknown[]) => Promise<unknown>) | undefined;
        if (typeof original !== 'function') continue;
        proto[name] = function (this: unknown, ...args: unknown[]) {
          const c = counters.get(pageOf(this));
          if (c && c.paused === 0) {
            c.count++;
            c.log.push(`${c.count} ${name}: ${describe(this)}`);
          }
          return original.apply(this, args);
        };
      }
    };
    wrap(Object.getPrototypeOf(page) as Record<string, unknown>, COUNTED_PAGE, (self) => self as Page, () => 'page');
    wrap(
      Object.getPrototypeOf(page.locator('body')) as Record<string, unknown>,
      COUNTED_LOCATOR,
      (self) => (self as { page(): Page }).page(),
      (self) => String(self).replace(/^locator\(/, '').slice(0, 140),
    );
  }
  return {
    get count() {
      return state.count;
    },
    get log() {
      return state.log;
    },
    async uncounted<T>(fn: () => Promise<T>): Promise<T> {
      state.paused++;
      try {
        return await fn();
      } finally {
        state.paused--;
      }
    },
  };
}

// ---- text size and contrast (issue 14) ---------------------------------------------------------

export type TextSize = 'A' | 'A+' | 'A++';

/**
 * Runs `act` with the side menu open: in a narrow window (or at a large text size) the menu is
 * folded behind the "Otwórz menu" button; it is opened first and closed again afterwards.
 */
export async function withMenu(page: Page, act: () => Promise<void>): Promise<void> {
  const burger = page.getByRole('button', { name: 'Otwórz menu' });
  const folded = await burger.isVisible();
  if (folded) await burger.click();
  await act();
  const close = page.getByRole('button', { name: 'Zamknij menu' });
  if (folded && (await close.isVisible())) await close.click();
}

/** Goes to a section of the side menu (opening the folded menu if needed). */
export async function openSection(page: Page, name: string): Promise<void> {
  await withMenu(page, () => page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name, exact: true }).click());
}

/** Presses a text-size button (login, lock, setup screens or the side menu) and waits until the
 *  page applies it. */
export async function setTextSize(page: Page, size: TextSize): Promise<void> {
  const html = page.locator('html');
  if ((await html.getAttribute('data-text-size')) === size) return;
  await withMenu(page, () => page.getByRole('group', { name: 'Wielkość tekstu' }).getByRole('button', { name: size, exact: true }).click());
  await expect(html).toHaveAttribute('data-text-size', size);
}

/** Turns the high-contrast theme on or off and waits until the page applies it. */
export async function setHighContrast(page: Page, on: boolean): Promise<void> {
  const html = page.locator('html');
  if ((await html.getAttribute('data-contrast')) === (on ? 'high' : 'standard')) return;
  await withMenu(page, () => page.getByRole('button', { name: 'Wysoki kontrast', exact: true }).click());
  await expect(html).toHaveAttribute('data-contrast', on ? 'high' : 'standard');
}
