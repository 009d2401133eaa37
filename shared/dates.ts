/**
 * The one Polish date formatter of the app (screen, findings, documents, reports, tests).
 *
 * Polish official writing uses `dd.mm.rrrr` with leading zeros (07.12.2026); running text of a
 * document adds "r." (07.12.2026 r.); months in words only in long-form dates (7 grudnia 2026 r.).
 * Calendar dates are ISO strings 'YYYY-MM-DD' (the office's day in Europe/Warsaw, see
 * rules/isoDate.ts), so formatting them involves no time zone. Instants (audit entries, backup
 * times) are shown in Europe/Warsaw whatever the machine's zone.
 *
 * Every function is total: a missing or invalid value prints the fallback (an em dash by
 * default), never "undefined", "NaN" or an ISO string.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Printed for a missing date. */
export const NO_DATE = '—';

export const MONTHS_NOMINATIVE = [
  'styczeń', 'luty', 'marzec', 'kwiecień', 'maj', 'czerwiec',
  'lipiec', 'sierpień', 'wrzesień', 'październik', 'listopad', 'grudzień',
] as const;

export const MONTHS_GENITIVE = [
  'stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca',
  'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia',
] as const;

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Year, month and day of a real calendar date 'YYYY-MM-DD' (the date part of a timestamp is not accepted). */
export function dateParts(value: unknown): { y: number; m: number; d: number } | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

const two = (n: number) => String(n).padStart(2, '0');

/** A calendar date, or the office day (Europe/Warsaw) of an ISO timestamp such as an `updatedAt`. */
function dayParts(value: unknown): { y: number; m: number; d: number } | null {
  const p = dateParts(value);
  if (p || typeof value !== 'string' || !ISO_TIMESTAMP.test(value)) return p;
  return dateParts(warsawDate(value));
}

/** "07.12.2026" from "2026-12-07" (tables, lists, fields, findings); a timestamp prints its Warsaw day. */
export function formatDate(value: string | null | undefined, fallback: string = NO_DATE): string {
  const p = dayParts(value);
  return p ? `${two(p.d)}.${two(p.m)}.${p.y}` : fallback;
}

/** "07.12.2026 r." — a date in running text of a document. */
export function formatDateInText(value: string | null | undefined, fallback: string = NO_DATE): string {
  const p = dayParts(value);
  return p ? `${formatDate(value)} r.` : fallback;
}

/** "7 grudnia 2026 r." — long form, for the heading of a document only. */
export function formatDateLong(value: string | null | undefined, fallback: string = NO_DATE): string {
  const p = dayParts(value);
  return p ? `${p.d} ${MONTHS_GENITIVE[p.m - 1]} ${p.y} r.` : fallback;
}

const WARSAW_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Europe/Warsaw local time minus UTC (ms) at the instant `ms`, as Intl (the tz data) says. */
function intlOffset(ms: number): number {
  const p = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of WARSAW_PARTS.formatToParts(new Date(ms))) {
    if (part.type in p) p[part.type as keyof typeof p] = Number(part.value);
  }
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * The offset changes of one UTC year, from Intl: the offset at 1 January and every instant it
 * changes (each found by bisection between the first days of two months). Formatting thousands
 * of instants (a report over 20 years of case history) through Intl one by one is slow; with the
 * year's changes known, an instant's local time is arithmetic. Still entirely the tz data's rules.
 */
const zoneYears = new Map<number, { start: number; changes: Array<{ at: number; offset: number }> }>();

function zoneYear(year: number): { start: number; changes: Array<{ at: number; offset: number }> } {
  let z = zoneYears.get(year);
  if (z) return z;
  const start = intlOffset(Date.UTC(year, 0, 1));
  const changes: Array<{ at: number; offset: number }> = [];
  let prevAt = Date.UTC(year, 0, 1);
  let prevOffset = start;
  for (let m = 1; m <= 12; m++) {
    const at = Date.UTC(year, m, 1);
    const offset = intlOffset(at);
    if (offset !== prevOffset) {
      // The first second at which the offset is no longer prevOffset.
      let lo = prevAt;
      let hi = at;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (intlOffset(mid) === prevOffset) lo = mid;
        else hi = mid;
      }
      changes.push({ at: hi, offset: intlOffset(hi) });
    }
    prevAt = at;
    prevOffset = offset;
  }
  z = { start, changes };
  zoneYears.set(year, z);
  return z;
}

function warsawOffset(ms: number): number {
  const z = zoneYear(new Date(ms).getUTCFullYear());
  let offset = z.start;
  for (const c of z.changes) if (ms >= c.at) offset = c.offset;
  return offset;
}

function warsawParts(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const local = new Date(instant.getTime() + warsawOffset(instant.getTime()));
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    year: String(local.getUTCFullYear()).padStart(4, '0'),
    month: two(local.getUTCMonth() + 1),
    day: two(local.getUTCDate()),
    hour: two(local.getUTCHours()),
    minute: two(local.getUTCMinutes()),
    second: two(local.getUTCSeconds()),
  };
}

function toInstant(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The office's calendar day 'YYYY-MM-DD' (Europe/Warsaw) of an instant. */
export function warsawDate(value: string | number | Date): string | null {
  const d = toInstant(value);
  if (!d) return null;
  const p = warsawParts(d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "07.12.2026, 14:05" (or with seconds) — an instant shown in Europe/Warsaw. A plain date prints as a date. */
export function formatDateTime(
  value: string | number | Date | null | undefined,
  opts: { seconds?: boolean; fallback?: string } = {},
): string {
  if (typeof value === 'string' && ISO_DATE.test(value)) return formatDate(value, opts.fallback);
  const d = toInstant(value);
  if (!d) return opts.fallback ?? NO_DATE;
  const p = warsawParts(d);
  const time = opts.seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.day}.${p.month}.${p.year}, ${time}`;
}

/**
 * A date typed the Polish way — "07.12.2026", "7.12.2026", "7.12.2026 r." — or as ISO
 * "2026-12-07", to 'YYYY-MM-DD'; null when it is no real calendar date.
 */
export function parseDate(input: string | null | undefined): string | null {
  if (typeof input !== 'string') return null;
  const s = input.trim().replace(/\s*r\.?$/, '');
  if (dateParts(s)) return s;
  const m = /^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${two(Number(m[2]))}-${two(Number(m[1]))}`;
  return dateParts(iso) ? iso : null;
}
