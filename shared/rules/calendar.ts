/**
 * Polish statutory public holidays and working-day arithmetic.
 *
 * Why not the `date-holidays` package (which the project otherwise prefers): for PL its
 * 'public' entries do match the statute, but it ships ~12 MB of data for every country and
 * works on `Date` objects in a time zone, while this module must stay pure, dependency-free
 * and loadable in any test runner — the statutory list is a dozen data rows plus the Easter
 * computus (the unit tests cross-check the two for 2011–2050).
 */
import type { IsoDate } from './types';
import { addDays, addMonthsClampedYMD, assertIsoDate, formatYMD, isoWeekday, parseIsoDate, toDayNumber } from './isoDate';

/** Basis for the holiday list. */
export const PUBLIC_HOLIDAYS_BASIS = 'art. 1 ustawy z dnia 18 stycznia 1951 r. o dniach wolnych od pracy';

export interface PublicHolidayRule {
  /** Stable id. */
  id: string;
  /** Polish name. */
  name: string;
  /** Fixed date (month, day) or an offset in days from Easter Sunday. */
  date: { month: number; day: number } | { easterOffset: number };
  /** First year in which the day is a statutory holiday (inclusive), if it was added later. */
  validFromYear?: number;
}

/**
 * Dni ustawowo wolne od pracy (ustawa o dniach wolnych od pracy, art. 1), as in force now.
 * Historical changes before 2011 (e.g. 6 January before 1960, 22 July before 1990) are not
 * modelled: the application only handles current and recent dates.
 */
export const PUBLIC_HOLIDAY_RULES: ReadonlyArray<PublicHolidayRule> = [
  { id: 'new-year', name: 'Nowy Rok', date: { month: 1, day: 1 } },
  { id: 'epiphany', name: 'Święto Trzech Króli', date: { month: 1, day: 6 }, validFromYear: 2011 },
  { id: 'easter-sunday', name: 'pierwszy dzień Wielkiej Nocy', date: { easterOffset: 0 } },
  { id: 'easter-monday', name: 'drugi dzień Wielkiej Nocy', date: { easterOffset: 1 } },
  { id: 'labour-day', name: 'Święto Państwowe (1 Maja)', date: { month: 5, day: 1 } },
  { id: 'constitution-day', name: 'Święto Narodowe Trzeciego Maja', date: { month: 5, day: 3 } },
  { id: 'pentecost', name: 'pierwszy dzień Zielonych Świątek', date: { easterOffset: 49 } },
  { id: 'corpus-christi', name: 'dzień Bożego Ciała', date: { easterOffset: 60 } },
  { id: 'assumption', name: 'Wniebowzięcie Najświętszej Maryi Panny', date: { month: 8, day: 15 } },
  { id: 'all-saints', name: 'Wszystkich Świętych', date: { month: 11, day: 1 } },
  { id: 'independence-day', name: 'Narodowe Święto Niepodległości', date: { month: 11, day: 11 } },
  { id: 'christmas-eve', name: 'Wigilia Bożego Narodzenia', date: { month: 12, day: 24 }, validFromYear: 2025 },
  { id: 'christmas', name: 'pierwszy dzień Bożego Narodzenia', date: { month: 12, day: 25 } },
  { id: 'boxing-day', name: 'drugi dzień Bożego Narodzenia', date: { month: 12, day: 26 } },
];

/** Easter Sunday (Gregorian calendar, anonymous "Meeus/Jones/Butcher" computus). */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`Easter is computed for Gregorian years 1583–9999, got ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatYMD(year, month, day);
}

const holidayCache = new Map<number, ReadonlyArray<{ date: IsoDate; id: string; name: string }>>();

/** The statutory public holidays of `year`, sorted by date. */
export function publicHolidays(year: number): ReadonlyArray<{ date: IsoDate; id: string; name: string }> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const list = PUBLIC_HOLIDAY_RULES.filter((r) => r.validFromYear === undefined || year >= r.validFromYear)
    .map((r) => ({
      id: r.id,
      name: r.name,
      date: 'easterOffset' in r.date ? addDays(easter, r.date.easterOffset) : formatYMD(year, r.date.month, r.date.day),
    }))
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const frozen = Object.freeze(list.map((h) => Object.freeze(h)));
  holidayCache.set(year, frozen);
  return frozen;
}

/** Polish statutory public holidays (dni ustawowo wolne od pracy), incl. Easter Sunday and
 *  Pentecost Sunday, and 24 December from 2025 on. Sundays are not "holidays" here. */
export function isPublicHoliday(date: IsoDate): boolean {
  const { year } = parseIsoDate(date);
  if (year < 1583) return false;
  return publicHolidays(year).some((h) => h.date === date);
}

/** Name of the holiday falling on `date`, or null. */
export function publicHolidayName(date: IsoDate): string | null {
  const { year } = parseIsoDate(date);
  if (year < 1583) return null;
  return publicHolidays(year).find((h) => h.date === date)?.name ?? null;
}

export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

/** Monday–Friday and not a public holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && !isPublicHoliday(date);
}

/** The n-th working day after `start` (start itself not counted). n >= 1. */
export function addWorkingDays(start: IsoDate, n: number): IsoDate {
  assertIsoDate(start, 'start');
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be an integer >= 1, got ${n}`);
  let current = start;
  let counted = 0;
  while (counted < n) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) counted += 1;
  }
  return current;
}

/** Working days in the half-open interval (from, to]: 0 when `to` <= `from`. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let count = 0;
  const end = toDayNumber(to);
  let current = from;
  while (toDayNumber(current) < end) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) count += 1;
  }
  return count;
}

/** Same day-of-month `months` later; if that month is shorter, its last day (KPA art. 57 § 3). */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  return addMonthsClampedYMD(date, months);
}

/** If `date` is a Saturday, Sunday or public holiday, the next day that is none of them
 *  (KPA art. 57 § 5); otherwise `date`. */
export function shiftToNextWorkingDay(date: IsoDate): IsoDate {
  let current = assertIsoDate(date);
  while (!isWorkingDay(current)) current = addDays(current, 1);
  return current;
}
