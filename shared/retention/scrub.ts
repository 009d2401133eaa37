/**
 * Anonymisation of stored JSON (pure): every string is replaced by a neutral marker except what
 * the statistics need and what cannot identify anyone — dates of events, ids, and short codes
 * under keys that hold codes (states, reasons, categories, area codes, rating scales). Numbers,
 * booleans and nulls stay (ratings, minutes, flags). Birth dates and PESEL numbers go to null.
 */
import { isIsoDate } from '../rules/isoDate';

/** What replaces identifying text. */
export const ANONYMISED = 'zanonimizowano';

/** Keys whose values are codes (kept when they look like a code). */
export const CODE_KEYS: ReadonlySet<string> = new Set([
  'action',
  'kind',
  'status',
  'state',
  'source',
  'track',
  'category',
  'closureReason',
  'reason',
  'decision',
  'forwardKind',
  'recommendation',
  'areaCode',
  'area',
  'responsibleKind',
  'field',
  'findings',
  'codes',
  'role',
  'by',
  'place',
  'sex',
  'relation',
  'type',
  'mode',
  'outcome',
  'failedReason',
  'qualification',
  'condition',
  'origin',
  'scope',
  'severity',
  'code',
]);

/** A code: starts lower-case ('home', 'foster-care', 'specialization-II') or SCREAMING_SNAKE ('CEL'). */
const CODE_RE = /^(?:[a-z][a-zA-Z0-9-]{0,40}|[A-Z][A-Z0-9_]{0,40})$/;
/** Ids: UUIDs and short generated ids ('g1', 'a2'). */
const ID_RE = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z]{1,3}\d{1,4})$/;
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const TIME_RE = /^\d{2}:\d{2}$/;
/** Keys whose values identify a person even when they look like a date or a number. */
const PERSONAL_KEY_RE = /birth|pesel/i;

function keepString(key: string | null, v: string): boolean {
  if (v === '') return true;
  if (key && PERSONAL_KEY_RE.test(key)) return false;
  if (isIsoDate(v) || TIMESTAMP_RE.test(v) || TIME_RE.test(v)) return true;
  if (key && (key === 'id' || /Id$/.test(key)) && ID_RE.test(v)) return true;
  if (key && CODE_KEYS.has(key) && CODE_RE.test(v)) return true;
  return false;
}

/** The anonymised copy of a parsed JSON value. `key` is the property the value sits under. */
export function scrubValue(value: unknown, key: string | null = null): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'number' || typeof value === 'boolean') {
    return key && PERSONAL_KEY_RE.test(key) ? null : value;
  }
  if (typeof value === 'string') {
    if (keepString(key, value)) return value;
    return key && PERSONAL_KEY_RE.test(key) ? null : ANONYMISED;
  }
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, key));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = scrubValue(v, k);
    return out;
  }
  return null;
}

/** Anonymises a JSON column ('{"a":…}' -> same shape, marker instead of text); null stays null. */
export function scrubJson(text: string | null): string | null {
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return JSON.stringify(ANONYMISED);
  }
  return JSON.stringify(scrubValue(parsed));
}

/** A free-text column: empty stays empty, anything else becomes the marker. */
export function scrubText(text: string | null): string | null {
  if (text === null) return null;
  return text.trim() === '' ? text : ANONYMISED;
}

/** A birth date reduced to the year (1 January), keeping ages in whole-year statistics possible. */
export function birthYearOnly(date: string | null): string | null {
  if (!date || !isIsoDate(date)) return date;
  return `${date.slice(0, 4)}-01-01`;
}
