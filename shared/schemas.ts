/**
 * zod schemas shared by the forms (renderer) and the IPC contract (main process).
 * Every message is Polish and names the field, so a refused payload explains itself.
 */
import { z } from 'zod';
import { ROLES } from './roles';

z.config(z.locales.pl());

export const PASSWORD_MIN_LENGTH = 10;

const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label}: pole jest wymagane.` })
    .trim()
    .min(1, { error: `${label}: pole jest wymagane.` })
    .max(max, { error: `${label}: najwyżej ${max} znaków.` });

export const loginSchema = z
  .string({ error: 'Login: pole jest wymagane.' })
  .trim()
  .toLowerCase()
  .min(3, { error: 'Login: co najmniej 3 znaki.' })
  .max(32, { error: 'Login: najwyżej 32 znaki.' })
  .regex(/^[a-z0-9._-]+$/, {
    error: 'Login: dozwolone są małe litery bez polskich znaków, cyfry, kropka, myślnik i podkreślenie.',
  });

/**
 * The login offered for a new account: the first name's initial, a dot and the surname, in
 * lower case without Polish letters ("Grażyna Bielecka" → "g.bielecka", as the login field's
 * example "j.nowak"); '' when the name gives no valid login. The user may type another.
 */
export function suggestLogin(fullName: string): string {
  const fold = (s: string) =>
    s
      .toLowerCase()
      .replace(/ł/g, 'l')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9-]/g, '');
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return '';
  const login = `${fold(words[0]!).slice(0, 1)}.${fold(words[words.length - 1]!)}`;
  return loginSchema.safeParse(login).success ? login : '';
}

export const passwordSchema = z
  .string({ error: 'Hasło: pole jest wymagane.' })
  .min(PASSWORD_MIN_LENGTH, { error: `Hasło: co najmniej ${PASSWORD_MIN_LENGTH} znaków.` })
  .max(256, { error: 'Hasło: najwyżej 256 znaków.' })
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), {
    error: 'Hasło: musi zawierać co najmniej jedną literę i jedną cyfrę.',
  });

/** A password typed at login: only presence is checked (policy applies when it is set). */
export const enteredPasswordSchema = z
  .string({ error: 'Hasło: pole jest wymagane.' })
  .min(1, { error: 'Hasło: pole jest wymagane.' })
  .max(256, { error: 'Hasło: najwyżej 256 znaków.' });

export const roleSchema = z.enum(ROLES, { error: 'Rola: wybierz jedną z ról.' });

export const personNameSchema = requiredText('Imię i nazwisko', 120);

export const officeProfileSchema = z.object({
  name: requiredText('Nazwa ośrodka', 200),
  address: requiredText('Adres ośrodka', 200),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{2}-\d{3}$/, { error: 'Kod pocztowy: wpisz w formacie 00-000.' }),
  place: requiredText('Miejscowość', 100),
  gmina: requiredText('Gmina', 100),
  headName: requiredText('Kierownik ośrodka', 120),
  phone: z.string().trim().max(40, { error: 'Telefon: najwyżej 40 znaków.' }).optional().default(''),
  email: z
    .union([z.literal(''), z.email({ error: 'E-mail: nieprawidłowy adres.' })])
    .optional()
    .default(''),
});
export type OfficeProfile = z.output<typeof officeProfileSchema>;

export const newAccountSchema = z.object({
  fullName: personNameSchema,
  login: loginSchema,
  role: roleSchema,
  password: passwordSchema,
  /** Lower personal caseload limit (art. 15 ust. 4 sets the maximum of 15). */
  personalLimit: z
    .number({ error: 'Limit rodzin: wpisz liczbę.' })
    .int({ error: 'Limit rodzin: liczba całkowita.' })
    .min(1, { error: 'Limit rodzin: co najmniej 1.' })
    .max(15, { error: 'Limit rodzin: najwyżej 15 (art. 15 ust. 4 ustawy o wspieraniu rodziny).' })
    .nullable()
    .optional(),
});

export const recoveryKeySchema = z
  .string({ error: 'Klucz odzyskiwania: pole jest wymagane.' })
  .transform((s) => s.toUpperCase().replace(/[^A-Z2-7]/g, ''))
  .pipe(
    z.string().length(52, { error: 'Klucz odzyskiwania: klucz ma 52 znaki (13 grup po 4).' }),
  );

export const IDLE_MINUTES_MIN = 1;
export const IDLE_MINUTES_MAX = 120;
export const idleMinutesSchema = z
  .number({ error: 'Czas bezczynności: wpisz liczbę minut.' })
  .int({ error: 'Czas bezczynności: liczba całkowita minut.' })
  .min(IDLE_MINUTES_MIN, { error: `Czas bezczynności: co najmniej ${IDLE_MINUTES_MIN} minuta.` })
  .max(IDLE_MINUTES_MAX, { error: `Czas bezczynności: najwyżej ${IDLE_MINUTES_MAX} minut.` });

export const isoTimestampSchema = z.string();
