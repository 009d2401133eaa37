/**
 * Pure calendar-date arithmetic on 'YYYY-MM-DD' strings.
 *
 * No `Date` object is used anywhere: dates are converted to a day number (days since
 * 1970-01-01 in the proleptic Gregorian calendar) and back, so there is no time zone, no DST
 * and no "midnight in UTC is yesterday in Warsaw" class of bug. date-fns is not needed for
 * this and would bring `Date` (local time) semantics back in.
 */
import type { IsoDate } from './types';

export interface YMD {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

/** True when `value` is a string 'YYYY-MM-DD' naming a real calendar date (year 0001–9999). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses an IsoDate; throws RangeError on a bad format or an impossible date. */
export function parseIsoDate(value: IsoDate, what = 'date'): YMD {
  if (!isIsoDate(value)) {
    throw new RangeError(`Invalid ${what}: expected a real calendar date 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
  }
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
}

/** Throws RangeError unless `value` is a valid IsoDate; returns it unchanged. */
export function assertIsoDate(value: IsoDate, what = 'date'): IsoDate {
  parseIsoDate(value, what);
  return value;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatYMD(year: number, month: number, day: number): IsoDate {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`Date out of supported range (years 0001–9999): year ${year}`);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Impossible date: ${year}-${month}-${day}`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return ymdToDayNumber(year, month, day);
}

function ymdToDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toDayNumber (civil_from_days). */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Day number must be an integer: ${dayNumber}`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatYMD(year, month, day);
}

/** `date` plus `days` calendar days (negative allowed). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** -1, 0 or 1. Valid IsoDates compare correctly as strings, but this also validates them. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  assertIsoDate(a);
  assertIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) <= 0 ? a : b;
}

export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) >= 0 ? a : b;
}

/** 1 = Monday … 7 = Sunday (ISO 8601). 1970-01-01 was a Thursday. */
export function isoWeekday(date: IsoDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const n = toDayNumber(date);
  return ((((n + 3) % 7) + 7) % 7 + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** Same day-of-month `months` later (or earlier, if negative), clamped to the month's last day. */
export function addMonthsClampedYMD(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  if (newYear < 1 || newYear > 9999) throw new RangeError(`Date out of supported range: ${date} + ${months} months`);
  return formatYMD(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/**
 * The day a person born on `birthDate` reaches `years` of age. Per art. 112 KC the age is
 * reached at the start of the day corresponding to the birth date; for 29 February in a
 * common year that is 28 February (the month's last day).
 */
export function anniversary(birthDate: IsoDate, years: number): IsoDate {
  if (!Number.isInteger(years)) throw new RangeError(`years must be an integer, got ${years}`);
  return addMonthsClampedYMD(birthDate, years * 12);
}

/** Full years of age on `asOf` (art. 112 KC); -1 when `asOf` precedes the birth date. */
export function ageOn(birthDate: IsoDate, asOf: IsoDate): number {
  const b = parseIsoDate(birthDate, 'birthDate');
  const a = parseIsoDate(asOf, 'asOf');
  if (asOf < birthDate) return -1;
  let age = a.year - b.year;
  if (anniversary(birthDate, age) > asOf) age -= 1;
  return age;
}
