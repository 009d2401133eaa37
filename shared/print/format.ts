/**
 * Polish formatting for printed documents. Every helper is total: a missing or invalid value
 * prints an em dash (`DASH`) or a dotted line to fill in by hand (`BLANK`), never "undefined",
 * "null", "NaN" or an ISO date. Results are plain text; templates escape them (html.ts).
 */
import { dateParts, formatDate as formatDateShort, formatDateInText, formatDateLong as formatDateLongShared, MONTHS_NOMINATIVE } from '../dates';
import type { IsoDate } from '../rules/types';
import { formatNumber, groupDigits, NBSP } from '../grammar/number';
import { countOf, NOUNS } from '../grammar/plural';

/** Printed for a missing optional value. */
export const DASH = '—';
/** Printed where the value is to be filled in by hand on paper. */
export const BLANK = '………………………';

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

export { formatNumber, NBSP } from '../grammar/number';

/** Amount in grosze (integer) as "1 234,56 zł". */
export function formatAmount(grosze: number | null | undefined, fallback: string = DASH): string {
  if (typeof grosze !== 'number' || !Number.isFinite(grosze)) return fallback;
  const g = Math.round(grosze);
  const neg = g < 0;
  const abs = Math.abs(g);
  const zl = Math.floor(abs / 100);
  const gr = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${groupDigits(String(zl))},${gr}${NBSP}zł`;
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

/** Age in full years as "7 lat", "1 rok", "23 lata". */
export function formatAge(years: number | null | undefined): string {
  return countOf(years, NOUNS.rok);
}

// ---------------------------------------------------------------- people, addresses

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
