/**
 * Polish formatting for printed documents. Every helper is total: a missing or invalid value
 * prints an em dash (`DASH`) or a dotted line to fill in by hand (`BLANK`), never "undefined",
 * "null", "NaN" or an ISO date. Results are plain text; templates escape them (html.ts).
 */
import { dateParts, formatDate as formatDateShort, formatDateInText, formatDateLong as formatDateLongShared, MONTHS_NOMINATIVE } from '../dates';
import type { IsoDate } from '../rules/types';

/** Printed for a missing optional value. */
export const DASH = '—';
/** Printed where the value is to be filled in by hand on paper. */
export const BLANK = '………………………';
/** Non-breaking space: used as the thousands separator and between a number and its unit. */
export const NBSP = '\u00a0';

export type Missing = string | null | undefined;

/** Trimmed text, or the fallback when it is missing or blank. */
export function text(value: Missing, fallback: string = DASH): string {
  if (typeof value !== 'string') return fallback;
  const t = value.trim();
  return t === '' ? fallback : t;
}

export const orDash = (value: Missing): string => text(value, DASH);
export const orBlank = (value: Missing): string => text(value, BLANK);

export function isPresent(value: Missing): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

// ---------------------------------------------------------------- dates

export { MONTHS_GENITIVE, MONTHS_NOMINATIVE } from '../dates';

/**
 * "22.11.2026 r." (or "22.11.2026" with `suffix: false`, for table cells): the app's one date
 * formatter (shared/dates.ts) with the "r." of running text and the documents' fallback.
 */
export function formatDate(
  date: IsoDate | null | undefined,
  opts: { suffix?: boolean; fallback?: string } = {},
): string {
  const fallback = opts.fallback ?? DASH;
  return opts.suffix === false ? formatDateShort(date, fallback) : formatDateInText(date, fallback);
}

/** "22 listopada 2026 r." */
export function formatDateLong(date: IsoDate | null | undefined, fallback: string = DASH): string {
  return formatDateLongShared(date, fallback);
}

/** "Grębocin, dnia 22.11.2026 r."; a missing date leaves a line to fill in by hand. */
export function placeAndDate(place: Missing, date: IsoDate | null | undefined): string {
  return `${text(place, BLANK)}, dnia ${formatDate(date, { fallback: BLANK })}`;
}

/** "listopad 2026 r." (month 1–12). */
export function formatMonthYear(year: number | null | undefined, month: number | null | undefined): string {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month! < 1 || month! > 12) return DASH;
  return `${MONTHS_NOMINATIVE[month! - 1]} ${year} r.`;
}

/** "od 01.05.2026 r. do 31.10.2026 r."; open ends print a line to fill in or "nadal". */
export function formatPeriod(from: IsoDate | null | undefined, to: IsoDate | null | undefined): string {
  const f = formatDate(from, { fallback: BLANK });
  const t = dateParts(to) ? formatDate(to) : 'nadal';
  return `od ${f} do ${t}`;
}

/** "9:30" from "09:30" / "9:30" / "09:30:00"; anything else is missing. */
export function formatTime(time: Missing, fallback: string = DASH): string {
  if (typeof time !== 'string') return fallback;
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(time.trim());
  if (!m) return fallback;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return fallback;
  return `${h}:${m[2]}`;
}

/** "9:30–11:00" */
export function formatTimeRange(start: Missing, end: Missing): string {
  const s = formatTime(start, '');
  const e = formatTime(end, '');
  if (!s && !e) return DASH;
  return `${s || BLANK}–${e || BLANK}`;
}

// ---------------------------------------------------------------- numbers

function group(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** Polish number: "1 234 567", "12,5" (non-breaking space groups, comma decimals). */
export function formatNumber(
  value: number | null | undefined,
  opts: { decimals?: number; minDecimals?: number; fallback?: string } = {},
): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return opts.fallback ?? DASH;
  const decimals = opts.decimals ?? 2;
  const minDecimals = opts.minDecimals ?? 0;
  const neg = value < 0;
  let fixed = Math.abs(value).toFixed(decimals);
  if (decimals > minDecimals && fixed.includes('.')) {
    // Drop trailing zeros down to minDecimals.
    const [i, f = ''] = fixed.split('.');
    let frac = f;
    while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
    fixed = frac ? `${i}.${frac}` : i!;
  }
  const [intPart, frac] = fixed.split('.');
  const out = group(intPart!) + (frac ? `,${frac}` : '');
  return neg && /[1-9]/.test(out) ? `-${out}` : out;
}

/** Amount in grosze (integer) as "1 234,56 zł". */
export function formatAmount(grosze: number | null | undefined, fallback: string = DASH): string {
  if (typeof grosze !== 'number' || !Number.isFinite(grosze)) return fallback;
  const g = Math.round(grosze);
  const neg = g < 0;
  const abs = Math.abs(g);
  const zl = Math.floor(abs / 100);
  const gr = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${group(String(zl))},${gr}${NBSP}zł`;
}

/** Minutes as "2 godz. 30 min", "45 min", "3 godz." */
export function formatDuration(minutes: number | null | undefined, fallback: string = DASH): string {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) return fallback;
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  const r = m % 60;
  if (h === 0) return `${r}${NBSP}min`;
  return r === 0 ? `${formatNumber(h)}${NBSP}godz.` : `${formatNumber(h)}${NBSP}godz. ${r}${NBSP}min`;
}

/** Minutes as decimal hours "12,5" (one decimal at most). */
export function formatHoursDecimal(minutes: number | null | undefined, fallback: string = DASH): string {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes)) return fallback;
  return formatNumber(minutes / 60, { decimals: 1 });
}

/** "123,4 km" */
export function formatKm(km: number | null | undefined, fallback: string = DASH): string {
  if (typeof km !== 'number' || !Number.isFinite(km)) return fallback;
  return `${formatNumber(km, { decimals: 1 })}${NBSP}km`;
}

// ---------------------------------------------------------------- plural forms

/** Polish noun forms: [1, 2–4 (not 12–14), 5+ and 0], and optionally the form used after a
 *  fraction (genitive singular: "2,5 godziny", "1,5 dnia"). */
export interface PluralForms {
  one: string;
  few: string;
  many: string;
  fraction?: string;
}

export const NOUNS = {
  rodzina: { one: 'rodzina', few: 'rodziny', many: 'rodzin', fraction: 'rodziny' },
  dzien: { one: 'dzień', few: 'dni', many: 'dni', fraction: 'dnia' },
  godzina: { one: 'godzina', few: 'godziny', many: 'godzin', fraction: 'godziny' },
  minuta: { one: 'minuta', few: 'minuty', many: 'minut', fraction: 'minuty' },
  wizyta: { one: 'wizyta', few: 'wizyty', many: 'wizyt', fraction: 'wizyty' },
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
} as const satisfies Record<string, PluralForms>;

/** The noun form that goes with `n`. */
export function plural(n: number, forms: PluralForms): string {
  if (!Number.isFinite(n)) return forms.many;
  if (!Number.isInteger(n)) return forms.fraction ?? forms.few;
  const a = Math.abs(n);
  if (a === 1) return forms.one;
  const d = a % 10;
  const t = a % 100;
  if (d >= 2 && d <= 4 && !(t >= 12 && t <= 14)) return forms.few;
  return forms.many;
}

/** "5 rodzin", "2 dni", "1,5 godziny". */
export function countOf(n: number | null | undefined, forms: PluralForms, fallback: string = DASH): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return fallback;
  return `${formatNumber(n, { decimals: 2 })}${NBSP}${plural(n, forms)}`;
}

/** Age in full years as "7 lat", "1 rok", "23 lata". */
export function formatAge(years: number | null | undefined): string {
  return countOf(years, NOUNS.rok);
}

// ---------------------------------------------------------------- gendered forms

export type Sex = 'F' | 'M' | null;

export interface GenderedForms {
  f: string;
  m: string;
  /** Used when the sex is not known; by default "m(a)"-style is not derivable, so required. */
  n: string;
}

export const GENDERED = {
  panPani: { f: 'Pani', m: 'Pan', n: 'Pani/Pan' },
  paniPana: { f: 'Panią', m: 'Pana', n: 'Panią/Pana' },
  zamieszkaly: { f: 'zamieszkała', m: 'zamieszkały', n: 'zamieszkały(-a)' },
  urodzony: { f: 'urodzona', m: 'urodzony', n: 'urodzony(-a)' },
  wyrazil: { f: 'wyraziła', m: 'wyraził', n: 'wyraził(a)' },
  zapoznal: { f: 'zapoznała się', m: 'zapoznał się', n: 'zapoznał(a) się' },
  oswiadczyl: { f: 'oświadczyła', m: 'oświadczył', n: 'oświadczył(a)' },
  odmowil: { f: 'odmówiła', m: 'odmówił', n: 'odmówił(a)' },
  upowazniony: { f: 'upoważniona', m: 'upoważniony', n: 'upoważniony(-a)' },
  legitymujacy: { f: 'legitymująca się', m: 'legitymujący się', n: 'legitymujący(-a) się' },
  obecny: { f: 'obecna', m: 'obecny', n: 'obecny(-a)' },
  poinformowany: { f: 'poinformowana', m: 'poinformowany', n: 'poinformowany(-a)' },
  wnioskodawca: { f: 'Wnioskodawczyni', m: 'Wnioskodawca', n: 'Wnioskodawca' },
  asystent: { f: 'asystentka rodziny', m: 'asystent rodziny', n: 'asystent rodziny' },
  pracownikSocjalny: { f: 'pracownik socjalny', m: 'pracownik socjalny', n: 'pracownik socjalny' },
  syn: { f: 'córka', m: 'syn', n: 'dziecko' },
  zatrudniony: { f: 'zatrudniona', m: 'zatrudniony', n: 'zatrudniony(-a)' },
  zatrudnionyInstr: { f: 'zatrudnioną', m: 'zatrudnionym', n: 'zatrudnionym(-ą)' },
  sporzadzil: { f: 'sporządziła', m: 'sporządził', n: 'sporządził(a)' },
  pracujacy: { f: 'pracująca', m: 'pracujący', n: 'pracujący(-a)' },
  zobowiazany: { f: 'zostałam zobowiązana', m: 'zostałem zobowiązany', n: 'zostałem(-am) zobowiązany(-a)' },
  podpisany: { f: 'niżej podpisana', m: 'niżej podpisany', n: 'niżej podpisany(-a)' },
} as const satisfies Record<string, GenderedForms>;

/** The form for the person's sex; `null`/unknown prints the neutral form ("wyraził(a)"). */
export function gendered(sex: Sex | undefined, forms: GenderedForms): string {
  if (sex === 'F') return forms.f;
  if (sex === 'M') return forms.m;
  return forms.n;
}

/** Gendered form for a group: all women → f, otherwise (mixed, men, unknown) the plural given. */
export function genderedPlural(
  sexes: ReadonlyArray<Sex | undefined>,
  forms: { one: GenderedForms; manyF: string; manyM: string },
): string {
  if (sexes.length === 1) return gendered(sexes[0], forms.one);
  return sexes.length > 0 && sexes.every((s) => s === 'F') ? forms.manyF : forms.manyM;
}

// ---------------------------------------------------------------- people, addresses

/** "Jan Kowalski" from parts; missing parts are skipped; nothing → fallback. */
export function personName(first: Missing, last: Missing, fallback: string = BLANK): string {
  const s = [first, last].filter(isPresent).map((x) => x.trim()).join(' ');
  return s === '' ? fallback : s;
}

/** "87-122 Grębocin" */
export function postalPlace(postalCode: Missing, place: Missing, fallback: string = DASH): string {
  const s = [postalCode, place].filter(isPresent).map((x) => x.trim()).join(' ');
  return s === '' ? fallback : s;
}

/** A list in Polish: "a, b i c". */
export function listPl(items: ReadonlyArray<string>, conj = 'i'): string {
  const xs = items.map((x) => x.trim()).filter((x) => x !== '');
  if (xs.length <= 1) return xs[0] ?? '';
  return `${xs.slice(0, -1).join(', ')} ${conj} ${xs[xs.length - 1]}`;
}

/** True if the string looks like an ISO date or timestamp (which must never be printed). */
export function looksIso(s: string): boolean {
  return /\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/.test(s);
}
