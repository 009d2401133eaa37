/**
 * Cell values of an imported sheet -> the values the family form sends. Pure: the sheet's own
 * date parser (text "05.03.2019" or "2019-03-05", Excel serial numbers, cells Excel already typed
 * as dates), PESEL stored as a number that lost its leading zero, yes/no, roles, tracks and
 * sources. Everything else (checksums, future dates, duplicates, the lifecycle) is checked by
 * the same validation and services as the family form (db/import/execute.ts).
 */
import { formatDate } from '../../shared/dates';
import { CASE_SOURCES, type CaseSource, type CaseTrack } from '../../shared/rules/lifecycle';
import { formatYMD, fromDayNumber, isIsoDate, toDayNumber } from '../../shared/rules/isoDate';
import { parsePesel } from '../../shared/rules/pesel';
import type { ZaZyciemCategory } from '../../shared/rules/labels';
import { foldPolish } from '../../shared/text';

/** A cell as read from the sheet: text (CSV is always text), a number, a boolean or a date. */
export type CellValue = string | number | boolean | Date | null;

/** The text of a cell ('' when empty). Numbers print without a trailing ".0" or exponent. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim();
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return Number.isInteger(v) ? BigInt(v).toString() : String(v);
  }
  if (typeof v === 'boolean') return v ? 'tak' : 'nie';
  const d = dateFromJs(v);
  return d ? formatDate(d) : '';
}

/** The calendar day of a Date read from a workbook (exceljs gives dates at UTC midnight). */
function dateFromJs(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  // A time a few milliseconds before midnight (floating-point serials) belongs to the next day.
  const t = new Date(d.getTime() + 500);
  return formatYMD(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Excel's day 0 (serial numbers count days from 30 December 1899, the 1900 date system). */
const EXCEL_EPOCH = toDayNumber('1899-12-30');
/** Serials Excel itself accepts (1 = 1900-01-01, 2958465 = 9999-12-31). */
const EXCEL_MAX_SERIAL = 2958465;

export type DateParse = { ok: true; date: string; from: 'text' | 'serial' | 'date' } | { ok: false; message: string };

/**
 * A date from a sheet cell: a date cell, an Excel serial number, or text as "05.03.2019",
 * "5.3.2019", "05-03-2019", "05/03/2019", "2019-03-05" (a trailing "r." is ignored). Two-digit
 * years are refused (1919 or 2019?). `label` names the column in the message.
 */
export function parseSheetDate(v: CellValue, label: string): DateParse | null {
  if (v === null || v === '') return null;
  if (v instanceof Date) {
    const d = dateFromJs(v);
    return d ? { ok: true, date: d, from: 'date' } : { ok: false, message: `${label}: nieprawidłowa data.` };
  }
  if (typeof v === 'number') {
    const serial = Math.floor(v + 1e-6);
    if (!Number.isFinite(v) || serial < 1 || serial > EXCEL_MAX_SERIAL) {
      return { ok: false, message: `${label}: liczba ${cellText(v)} nie jest datą (wpisz datę jako dd.mm.rrrr).` };
    }
    return { ok: true, date: fromDayNumber(EXCEL_EPOCH + serial), from: 'serial' };
  }
  if (typeof v === 'boolean') return { ok: false, message: `${label}: wpisz datę w formacie dd.mm.rrrr.` };
  const s = v.trim().replace(/\s*r\.?$/i, '').trim();
  if (!s) return null;
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{2,4})$/.exec(s);
  if (match) {
    if (match[3]!.length !== 4) return { ok: false, message: `${label}: „${s}” — wpisz rok czterema cyframi (dd.mm.rrrr).` };
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(s))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if (/^\d{5}$/.test(s)) {
    // A serial number as text (a CSV saved from a sheet whose date column had no date format).
    return parseSheetDate(Number(s), label);
  } else {
    return { ok: false, message: `${label}: „${s}” nie jest datą — wpisz dd.mm.rrrr (np. 05.03.2019) albo rrrr-mm-dd.` };
  }
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (y < 1900 || !isIsoDate(iso)) return { ok: false, message: `${label}: „${s}” — taki dzień nie istnieje.` };
  return { ok: true, date: iso, from: 'text' };
}

export interface PeselParse {
  /** The number to store (11 digits when it could be read), or the sheet's text. */
  pesel: string | null;
  /** Set when the sheet lost leading zeros (a number column) and they were restored. */
  restoredFrom?: string;
}

/**
 * A PESEL from a cell. A spreadsheet that stored it as a number drops leading zeros (people born
 * in 2000–2009: "02270803628" becomes 2270803628); they are restored when the 11-digit number's
 * check digit then holds. Spaces and dashes are removed. Anything else is passed on unchanged
 * for the family form's own PESEL check to judge.
 */
export function parseSheetPesel(v: CellValue): PeselParse {
  const raw = cellText(v);
  if (!raw) return { pesel: null };
  const digits = raw.replace(/[\s-]/g, '');
  if (/^\d{9,10}$/.test(digits)) {
    const padded = digits.padStart(11, '0');
    if (parsePesel(padded).valid) return { pesel: padded, restoredFrom: digits };
  }
  return { pesel: /^\d{11}$/.test(digits) ? digits : raw };
}

/** "K"/"kobieta" -> F, "M"/"mężczyzna" -> M, else null (and `invalid` when not empty). */
export function parseSex(v: CellValue): { sex: 'F' | 'M' | null; invalid: boolean } {
  const s = foldPolish(cellText(v));
  if (!s) return { sex: null, invalid: false };
  if (['k', 'kobieta', 'f', 'female', 'kob', 'zenska'].includes(s)) return { sex: 'F', invalid: false };
  if (['m', 'mezczyzna', 'male', 'mez', 'meska'].includes(s)) return { sex: 'M', invalid: false };
  return { sex: null, invalid: true };
}

/** "tak"/"x"/"1" -> true, "nie"/"0" -> false, empty -> null; undefined when unreadable. */
export function parseYesNo(v: CellValue): boolean | null | undefined {
  if (typeof v === 'boolean') return v;
  const s = foldPolish(cellText(v));
  if (!s) return null;
  if (['tak', 't', 'x', '1', 'yes', 'y', 'prawda', 'true', 'jest'].includes(s)) return true;
  if (['nie', 'n', '0', 'no', 'falsz', 'false', 'brak'].includes(s)) return false;
  return undefined;
}

/** Roles that are children in the family form's sense (the rest are adults). */
const CHILD_ROLES = [
  'dziecko',
  'syn',
  'corka',
  'wnuk',
  'wnuczka',
  'pasierb',
  'pasierbica',
  'wychowanek',
  'wychowanka',
  'dziecko w pieczy',
  'syn przybrany',
  'corka przybrana',
];
const ADULT_ROLES = [
  'matka',
  'ojciec',
  'rodzic',
  'opiekun',
  'opiekunka',
  'opiekun prawny',
  'opiekunka prawna',
  'babcia',
  'dziadek',
  'partner',
  'partnerka',
  'konkubent',
  'konkubina',
  'maz',
  'zona',
  'macocha',
  'ojczym',
  'ciocia',
  'ciotka',
  'wujek',
  'wuj',
  'osoba dorosla',
  'wnioskodawca',
  'wnioskodawczyni',
  'glowa rodziny',
  'kobieta w ciazy',
];

/** Whether a role names a child, an adult, or neither (then the age decides). */
export function roleKind(role: string): 'child' | 'adult' | 'unknown' {
  const r = foldPolish(role).replace(/[.,;()]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!r) return 'unknown';
  if (CHILD_ROLES.includes(r)) return 'child';
  if (ADULT_ROLES.includes(r)) return 'adult';
  const first = r.split(' ')[0]!;
  if (CHILD_ROLES.includes(first)) return 'child';
  if (ADULT_ROLES.includes(first)) return 'adult';
  return 'unknown';
}

/** The case track a cell names, null when empty, undefined when unreadable. */
export function parseTrack(v: CellValue): CaseTrack | null | undefined {
  const s = foldPolish(cellText(v)).replace(/[„”"]/g, '').trim();
  if (!s) return null;
  if (/^(za zyciem|zz|ustawa za zyciem|koordynacja za zyciem)/.test(s)) return 'za-zyciem';
  if (/^(wspieranie rodziny|wspieranie|ogolne|ogolna|ogolny|asystent rodziny|ustawa o wspieraniu rodziny|ustawa z 9 czerwca 2011|general)/.test(s)) {
    return 'general';
  }
  return undefined;
}

/** The referral source: "S1"–"S7" or (a prefix of) its Polish label; undefined when unreadable. */
export function parseSource(v: CellValue): CaseSource | null | undefined {
  const s = foldPolish(cellText(v));
  if (!s) return null;
  const byCode = /^s\s*([1-7])\b/.exec(s);
  for (const [key, def] of Object.entries(CASE_SOURCES) as Array<[CaseSource, (typeof CASE_SOURCES)[CaseSource]]>) {
    if (byCode && def.code === `S${byCode[1]}`) return key;
  }
  const aliases: Array<[RegExp, CaseSource]> = [
    [/wniosek rodziny|rodzina zglosila|prosba rodziny/, 'family-request'],
    [/wniosek instytucji|szkola|policja|kurator|instytucj/, 'institution'],
    [/sad|postanowien/, 'court-order'],
    [/maloletni|art\.? ?11 ust\.? ?1a|placowk/, 'minor-parent-leaving-institution'],
    [/piecz/, 'child-in-foster-care'],
    [/za zyciem/, 'za-zyciem'],
    [/osrodek|pracownik socjalny|ops|gops|mops|informacj/, 'social-worker'],
  ];
  for (const [re, key] of aliases) if (re.test(s)) return key;
  return undefined;
}

/** "ZZ1"–"ZZ5" (or "1"–"5"); null when empty, undefined when unreadable. */
export function parseZzCategory(v: CellValue): ZaZyciemCategory | null | undefined {
  const s = foldPolish(cellText(v)).replace(/\s+/g, '');
  if (!s) return null;
  const m = /^(?:zz)?([1-5])$/.exec(s);
  return m ? (`ZZ${m[1]}` as ZaZyciemCategory) : undefined;
}
