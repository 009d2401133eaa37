/**
 * Grammatical gender of the people named in generated text. A signed document never prints
 * "sporządził(a)" or "zatrudniony(-a)": every form is chosen for one person. The sex comes, in
 * this order, from what the record states (the staff register's form of address "Pani"/"Pan",
 * a family member's recorded sex), from a valid PESEL (10th digit), and only then from the first
 * name (Polish feminine first names end in -a, with a short list of exceptions both ways). The
 * last step is what a clerk does reading a name; the staff register warns when the form of
 * address is missing, so staff documents do not rest on it.
 */
import { parsePesel } from '../rules/pesel';

export type Sex = 'F' | 'M';

/** Masculine first names ending in -a (decline like feminine nouns, agree as masculine). */
export const MASCULINE_IN_A: ReadonlySet<string> = new Set(
  ['Kuba', 'Barnaba', 'Kosma', 'Bonawentura', 'Jarema', 'Zawisza', 'Dyzma', 'Boryna', 'Sasza', 'Nikita', 'Luka', 'Mustafa', 'Ilja', 'Jehuda', 'Akiba'].map((x) =>
    x.toLowerCase(),
  ),
);

/** Feminine first names that do not end in -a (do not decline). */
export const FEMININE_NOT_IN_A: ReadonlySet<string> = new Set(
  ['Beatrycze', 'Noemi', 'Miriam', 'Abigail', 'Inez', 'Karmen', 'Carmen', 'Nicole', 'Michelle', 'Ruth', 'Rut', 'Dolores', 'Agnes', 'Ingrid', 'Astrid', 'Sigrid', 'Gertrud', 'Margit', 'Rachel', 'Esther', 'Ester', 'Judit', 'Isabel', 'Mercedes', 'Rosemarie', 'Marie', 'Anne', 'Chantal', 'Yvonne', 'Nelly', 'Kelly', 'Jennifer', 'Megan', 'Sharon', 'Karin', 'Kim'].map((x) =>
    x.toLowerCase(),
  ),
);

/** The sex a first name suggests ("Anna" → F, "Jan" → M, "Kuba" → M), or null for no name. */
export function sexOfFirstName(firstName: string | null | undefined): Sex | null {
  const first = (firstName ?? '').trim().split(/[\s-]+/)[0]?.toLowerCase() ?? '';
  if (first === '') return null;
  if (MASCULINE_IN_A.has(first)) return 'M';
  if (FEMININE_NOT_IN_A.has(first)) return 'F';
  return first.endsWith('a') ? 'F' : 'M';
}

/** The sex a valid PESEL records, or null. */
export function sexOfPesel(pesel: string | null | undefined): Sex | null {
  const p = typeof pesel === 'string' ? parsePesel(pesel.trim()) : null;
  return p?.valid ? p.sex : null;
}

/** The sex of a form of address: "Pani" → F, "Pan" → M. */
export function sexOfSalutation(salutation: string | null | undefined): Sex | null {
  return salutation === 'Pani' ? 'F' : salutation === 'Pan' ? 'M' : null;
}

export interface SexSources {
  /** What the record states (member's sex; staff: from the form of address). */
  sex?: Sex | null;
  pesel?: string | null;
  firstName?: string | null;
  /** A full name when first and last names are not kept apart (accounts). */
  fullName?: string | null;
}

/** The sex to agree words with: recorded → PESEL → first name → masculine (no name at all). */
export function sexOf(p: SexSources | null | undefined): Sex {
  if (!p) return 'M';
  return p.sex ?? sexOfPesel(p.pesel) ?? sexOfFirstName(p.firstName ?? p.fullName?.trim().split(/\s+/)[0]) ?? 'M';
}

/** A word or phrase in its feminine and masculine forms. */
export interface GenderedForms {
  f: string;
  m: string;
}

/** Forms that agree with one person. */
export const GENDERED = {
  panPani: { f: 'Pani', m: 'Pan' },
  paniPana: { f: 'Panią', m: 'Pana' },
  szanowny: { f: 'Szanowna Pani', m: 'Szanowny Panie' },
  zamieszkaly: { f: 'zamieszkała', m: 'zamieszkały' },
  urodzony: { f: 'urodzona', m: 'urodzony' },
  wyrazil: { f: 'wyraziła', m: 'wyraził' },
  zapoznalem: { f: 'zapoznałam się', m: 'zapoznałem się' },
  zapoznal: { f: 'zapoznała się', m: 'zapoznał się' },
  oswiadczyl: { f: 'oświadczyła', m: 'oświadczył' },
  odmowil: { f: 'odmówiła', m: 'odmówił' },
  upowazniony: { f: 'upoważniona', m: 'upoważniony' },
  upowazniajacy: { f: 'upoważniająca', m: 'upoważniający' },
  legitymujacy: { f: 'legitymująca się', m: 'legitymujący się' },
  obecny: { f: 'obecna', m: 'obecny' },
  poinformowany: { f: 'poinformowana', m: 'poinformowany' },
  wnioskodawca: { f: 'Wnioskodawczyni', m: 'Wnioskodawca' },
  syn: { f: 'córka', m: 'syn' },
  zatrudniony: { f: 'zatrudniona', m: 'zatrudniony' },
  zatrudnionyInstr: { f: 'zatrudnioną', m: 'zatrudnionym' },
  zatrudnionyAcc: { f: 'zatrudnioną', m: 'zatrudnionego' },
  sporzadzil: { f: 'sporządziła', m: 'sporządził' },
  pracujacy: { f: 'pracująca', m: 'pracujący' },
  zobowiazanyJa: { f: 'zostałam zobowiązana', m: 'zostałem zobowiązany' },
  podpisany: { f: 'niżej podpisana', m: 'niżej podpisany' },
  podpisanyJa: { f: 'Ja, niżej podpisana', m: 'Ja, niżej podpisany' },
  wspolpracujacy: { f: 'współpracująca', m: 'współpracujący' },
} as const satisfies Record<string, GenderedForms>;

/** The form for one person's sex. */
export function gendered(sex: Sex, forms: GenderedForms): string {
  return sex === 'F' ? forms.f : forms.m;
}

/** The form for a group: one person → that person's form; only women → `manyF`; otherwise
 *  (mixed or only men) the masculine-personal `manyM` ("zostaliśmy zobowiązani"). */
export function genderedPlural(sexes: ReadonlyArray<Sex>, forms: { one: GenderedForms; manyF: string; manyM: string }): string {
  if (sexes.length === 1) return gendered(sexes[0]!, forms.one);
  return sexes.length > 0 && sexes.every((s) => s === 'F') ? forms.manyF : forms.manyM;
}
