/**
 * The office's register of institutions (rejestr instytucji, issue 13): schools, clinics, the
 * psychological-pedagogical counselling centre, courts, NGOs — with the address, phone, e-mail
 * and the conditions and cost of their support. The Za życiem catalogue prints an item's address,
 * phone and conditions from here (what the item itself records wins), and letters to institutions
 * take the addressee's address from here. Kept in office_settings under INSTITUTIONS_KEY.
 */
import { z } from 'zod';

export const INSTITUTIONS_KEY = 'institutions.register';

export const INSTITUTION_KINDS = ['school', 'kindergarten', 'health', 'counselling', 'court', 'police', 'social', 'ngo', 'other'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export const INSTITUTION_KIND_LABELS: Readonly<Record<InstitutionKind, string>> = {
  school: 'szkoła',
  kindergarten: 'przedszkole lub żłobek',
  health: 'podmiot leczniczy (przychodnia, szpital, poradnia)',
  counselling: 'poradnia psychologiczno-pedagogiczna',
  court: 'sąd lub kurator',
  police: 'policja',
  social: 'jednostka pomocy społecznej (PCPR, PUP, ośrodek interwencji kryzysowej)',
  ngo: 'organizacja pozarządowa',
  other: 'inna instytucja',
};

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}: pole jest wymagane.` })
    .trim()
    .max(max, { error: `${label}: najwyżej ${max} znaków.` });

export const institutionSchema = z.object({
  id: z.string().min(1).max(100),
  name: text('Nazwa instytucji', 200).min(1, { error: 'Nazwa instytucji: pole jest wymagane.' }),
  kind: z.enum(INSTITUTION_KINDS, { error: 'Rodzaj instytucji: wybierz z listy.' }).default('other'),
  address: text('Adres', 200).optional().default(''),
  phone: text('Telefon', 60).optional().default(''),
  email: z
    .union([z.literal(''), z.email({ error: 'E-mail instytucji: nieprawidłowy adres.' })])
    .optional()
    .default(''),
  /** Conditions and documents needed (for the catalogue). */
  conditions: text('Warunki i wymagane dokumenty', 1000).optional().default(''),
  cost: text('Koszt', 200).optional().default(''),
});
export type Institution = z.output<typeof institutionSchema>;

export const institutionsSchema = z.array(institutionSchema).max(500, { error: 'Rejestr instytucji: najwyżej 500 pozycji.' });

const norm = (s: string) => s.trim().toLocaleLowerCase('pl').replace(/\s+/g, ' ');

/** The register entry for a name typed elsewhere (exact match, then "starts with"). */
export function findInstitution(register: ReadonlyArray<Institution>, name: string | null | undefined): Institution | null {
  if (!name || !name.trim()) return null;
  const n = norm(name);
  return register.find((i) => norm(i.name) === n) ?? register.find((i) => n.startsWith(norm(i.name)) || norm(i.name).startsWith(n)) ?? null;
}

/** What kind of institution a name suggests, when the register does not know it. */
export function guessInstitutionKind(name: string): InstitutionKind {
  const n = norm(name);
  if (/szkoł|liceum|technikum/.test(n)) return 'school';
  if (/przedszkol|żłob/.test(n)) return 'kindergarten';
  if (/poradni[a-z]* psychologiczno|ppp/.test(n)) return 'counselling';
  if (/przychodni|szpital|lekarz|poz|zdrow|poradni/.test(n)) return 'health';
  if (/sąd|kurator/.test(n)) return 'court';
  if (/policj|komend|komisariat/.test(n)) return 'police';
  if (/pcpr|urząd pracy|pup|interwencji/.test(n)) return 'social';
  if (/fundacj|stowarzysz/.test(n)) return 'ngo';
  return 'other';
}
