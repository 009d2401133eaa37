import { formatNumber, NBSP } from './number';

/**
 * Polish counts: "1 spotkanie", "3 spotkania", "5 spotkań", "22 dni", "1,5 godziny". The
 * category comes from `Intl.PluralRules('pl')` (CLDR: one / few / many / other), so 12–14 take
 * the "many" form, 22–24 the "few" form, and fractions ("other") the genitive singular.
 */

/** A noun's forms after a number: 1, 2–4 (22–24…), 0 and 5+ (12–14…), and after a fraction
 *  (genitive singular: "2,5 godziny", "1,5 dnia"; defaults to `few`). */
export interface PluralForms {
  one: string;
  few: string;
  many: string;
  fraction?: string;
}

export type PluralCategory = 'one' | 'few' | 'many' | 'other';

const RULES = new Intl.PluralRules('pl');

/** The CLDR category of `n` in Polish. Non-finite numbers count as "many". */
export function pluralCategory(n: number): PluralCategory {
  if (!Number.isFinite(n)) return 'many';
  return RULES.select(n) as PluralCategory;
}

/** The noun form that goes with `n`: `plural(5, NOUNS.spotkanie)` → "spotkań";
 *  `plural(5, 'sprawa', 'sprawy', 'spraw')` → "spraw". */
export function plural(n: number, forms: PluralForms): string;
export function plural(n: number, one: string, few: string, many: string): string;
export function plural(n: number, a: PluralForms | string, few?: string, many?: string): string {
  const f: PluralForms = typeof a === 'string' ? { one: a, few: few ?? a, many: many ?? few ?? a } : a;
  switch (pluralCategory(n)) {
    case 'one':
      return f.one;
    case 'few':
      return f.few;
    case 'other':
      return f.fraction ?? f.few;
    default:
      return f.many;
  }
}

/** Nouns the documents and screens count (nominative after the number; the genitive plural
 *  "many" form also serves after "z", "do", "od"). */
export const NOUNS = {
  rodzina: { one: 'rodzina', few: 'rodziny', many: 'rodzin', fraction: 'rodziny' },
  dzien: { one: 'dzień', few: 'dni', many: 'dni', fraction: 'dnia' },
  godzina: { one: 'godzina', few: 'godziny', many: 'godzin', fraction: 'godziny' },
  minuta: { one: 'minuta', few: 'minuty', many: 'minut', fraction: 'minuty' },
  wizyta: { one: 'wizyta', few: 'wizyty', many: 'wizyt', fraction: 'wizyty' },
  spotkanie: { one: 'spotkanie', few: 'spotkania', many: 'spotkań', fraction: 'spotkania' },
  odmowa: { one: 'odmowa', few: 'odmowy', many: 'odmów', fraction: 'odmowy' },
  strona: { one: 'strona', few: 'strony', many: 'stron', fraction: 'strony' },
  miesiac: { one: 'miesiąc', few: 'miesiące', many: 'miesięcy', fraction: 'miesiąca' },
  rok: { one: 'rok', few: 'lata', many: 'lat', fraction: 'roku' },
  tydzien: { one: 'tydzień', few: 'tygodnie', many: 'tygodni', fraction: 'tygodnia' },
  dziecko: { one: 'dziecko', few: 'dzieci', many: 'dzieci', fraction: 'dziecka' },
  osoba: { one: 'osoba', few: 'osoby', many: 'osób', fraction: 'osoby' },
  kilometr: { one: 'kilometr', few: 'kilometry', many: 'kilometrów', fraction: 'kilometra' },
  dokument: { one: 'dokument', few: 'dokumenty', many: 'dokumentów', fraction: 'dokumentu' },
  dzialanie: { one: 'działanie', few: 'działania', many: 'działań', fraction: 'działania' },
  kontakt: { one: 'kontakt', few: 'kontakty', many: 'kontaktów', fraction: 'kontaktu' },
  zalacznik: { one: 'załącznik', few: 'załączniki', many: 'załączników', fraction: 'załącznika' },
  cel: { one: 'cel', few: 'cele', many: 'celów', fraction: 'celu' },
  ocena: { one: 'ocena', few: 'oceny', many: 'ocen', fraction: 'oceny' },
  sprawa: { one: 'sprawa', few: 'sprawy', many: 'spraw', fraction: 'sprawy' },
  pozycja: { one: 'pozycja', few: 'pozycje', many: 'pozycji', fraction: 'pozycji' },
  wpis: { one: 'wpis', few: 'wpisy', many: 'wpisów', fraction: 'wpisu' },
  zdarzenie: { one: 'zdarzenie', few: 'zdarzenia', many: 'zdarzeń', fraction: 'zdarzenia' },
  etat: { one: 'etat', few: 'etaty', many: 'etatów', fraction: 'etatu' },
} as const satisfies Record<string, PluralForms>;

/** "5 rodzin", "2 dni", "1,5 godziny", "22 spotkania" (a non-breaking space before the noun);
 *  a missing number prints the fallback. */
export function countOf(n: number | null | undefined, forms: PluralForms, fallback: string = '—'): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return fallback;
  return `${formatNumber(n, { decimals: 2 })}${NBSP}${plural(n, forms)}`;
}
