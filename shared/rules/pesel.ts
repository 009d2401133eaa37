import type { IsoDate } from './types';
import { daysInMonth, formatYMD } from './isoDate';

export const PESEL_WEIGHTS: ReadonlyArray<number> = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** Month offsets encoding the century of birth (offset -> first year of the century). */
const CENTURY_BY_MONTH_OFFSET: ReadonlyArray<{ offset: number; century: number }> = [
  { offset: 80, century: 1800 },
  { offset: 0, century: 1900 },
  { offset: 20, century: 2000 },
  { offset: 40, century: 2100 },
  { offset: 60, century: 2200 },
];

export type PeselResult =
  | { valid: true; birthDate: IsoDate; sex: 'F' | 'M' }
  | { valid: false; reason: 'format' | 'checksum' | 'date' };

/** The check digit for the first ten digits of a PESEL. */
export function peselCheckDigit(firstTen: string): number {
  if (!/^\d{10}$/.test(firstTen)) throw new RangeError('peselCheckDigit expects exactly 10 digits');
  let sum = 0;
  for (let i = 0; i < 10; i += 1) sum += Number(firstTen[i]) * (PESEL_WEIGHTS[i] as number);
  return (10 - (sum % 10)) % 10;
}

/** PESEL structure check, in this order: exactly 11 digits ('format'), check digit with weights
 *  1-3-7-9-1-3-7-9-1-3 ('checksum'), then a real calendar date with the century taken from the
 *  month offset (+80 1800s, +0 1900s, +20 2000s, +40 2100s, +60 2200s) ('date'). Sex from the
 *  10th digit (even = 'F'). Whether a birth date is plausible (not in the future) is the
 *  caller's business. */
export function parsePesel(pesel: string): PeselResult {
  if (typeof pesel !== 'string' || !/^\d{11}$/.test(pesel)) return { valid: false, reason: 'format' };
  if (peselCheckDigit(pesel.slice(0, 10)) !== Number(pesel[10])) return { valid: false, reason: 'checksum' };
  const yy = Number(pesel.slice(0, 2));
  const mm = Number(pesel.slice(2, 4));
  const dd = Number(pesel.slice(4, 6));
  const band = CENTURY_BY_MONTH_OFFSET.find((b) => mm >= b.offset + 1 && mm <= b.offset + 12);
  if (!band) return { valid: false, reason: 'date' };
  const year = band.century + yy;
  const month = mm - band.offset;
  if (dd < 1 || dd > daysInMonth(year, month)) return { valid: false, reason: 'date' };
  return { valid: true, birthDate: formatYMD(year, month, dd), sex: Number(pesel[9]) % 2 === 0 ? 'F' : 'M' };
}
