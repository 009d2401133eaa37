/**
 * Click-through helpers for the renderer's main flow, using only the accessible names the UI
 * guarantees (labels, button texts, link texts). Shared by the web and Electron E2E tests.
 */
import { expect, type Page } from '@playwright/test';

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

/** Setup wizard → recovery-key card → retyping check. Returns the recovery key (XXXX-XXXX-…). */
export async function completeSetup(page: Page, office: OfficeData, admin: AdminData): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Dane ośrodka' })).toBeVisible(SLOW);
  await page.getByLabel('Nazwa ośrodka').fill(office.name);
  await page.getByLabel('Adres', { exact: true }).fill(office.address);
  await page.getByLabel('Kod pocztowy').fill(office.postalCode);
  await page.getByLabel('Miejscowość').fill(office.place);
  await page.getByLabel('Gmina').fill(office.gmina);
  await page.getByLabel('Kierownik ośrodka').fill(office.headName);
  if (office.phone) await page.getByLabel('Telefon').fill(office.phone);
  if (office.email) await page.getByLabel('E-mail').fill(office.email);
  await page.getByRole('button', { name: 'Dalej', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Konto kierownika' })).toBeVisible();
  await page.getByLabel('Imię i nazwisko').fill(admin.fullName);
  await page.getByLabel('Login').fill(admin.login);
  await page.getByLabel('Hasło', { exact: true }).fill(admin.password);
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
  account: { fullName: string; login: string; role: 'admin' | 'assistant' | 'social_worker'; password: string; limit?: number },
): Promise<void> {
  await page.getByRole('link', { name: 'Konta użytkowników' }).click();
  await page.getByRole('button', { name: 'Nowe konto' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nowe konto' });
  await dialog.getByLabel('Imię i nazwisko').fill(account.fullName);
  await dialog.getByLabel('Login').fill(account.login);
  await dialog.getByLabel('Rola').selectOption(account.role);
  if (account.limit !== undefined && account.role === 'assistant') {
    await dialog.getByLabel('Limit rodzin (art. 15 ust. 4 — najwyżej 15)').fill(String(account.limit));
  }
  await dialog.getByLabel('Hasło', { exact: true }).fill(account.password);
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
