/**
 * Issue 12: one Polish date format (dd.mm.rrrr with leading zeros; "r." in running text), and
 * texts that are right on every calendar day — 1 January, 29 February, the last day of a month,
 * 24–26 December — not only on the days a suite happened to run.
 */
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateInText,
  formatDateLong,
  formatDateTime,
  MONTHS_GENITIVE,
  parseDate,
  warsawDate,
} from '../../shared/dates';
import { formatDate as documentDate, formatPeriod, placeAndDate } from '../../shared/print/format';
import { addDays } from '../../shared/rules/isoDate';
import { computeDeadlines, type CaseDeadlineFacts } from '../../shared/rules/deadlineEngine';
import { checkHeadOpinionDates } from '../../shared/rules/supportingFamily';

/** Every calendar day of the given years, as 'YYYY-MM-DD', built by counting (not by the formatter under test). */
function everyDay(fromYear: number, toYear: number): string[] {
  const out: string[] = [];
  for (let d = `${fromYear}-01-01`; d.startsWith(String(fromYear)) || Number(d.slice(0, 4)) <= toYear; d = addDays(d, 1)) out.push(d);
  return out;
}

const DAYS = everyDay(2027, 2028);
const DDMMRRRR = /^\d{2}\.\d{2}\.\d{4}$/;
/** Any date in a text that is not dd.mm.rrrr: ISO, or a day or month without its leading zero. */
const WRONG_DATE = /\b\d{4}-\d{2}-\d{2}\b|(?<![\d.])\d\.\d{1,2}\.\d{4}\b|(?<![\d.])\d{1,2}\.\d\.\d{4}\b/;

describe('the one Polish date formatter (shared/dates.ts)', () => {
  it('covers 2027 and 2028 day by day: 731 days, 29.02.2028 included, 29.02.2027 not', () => {
    expect(DAYS).toHaveLength(365 + 366);
    expect(DAYS).toContain('2028-02-29');
    expect(DAYS).not.toContain('2027-02-29');
  });

  it('prints every day of 2027 and 2028 as dd.mm.rrrr with leading zeros, and reads it back', () => {
    for (const d of DAYS) {
      const [y, m, day] = d.split('-');
      const text = formatDate(d);
      expect(text, d).toMatch(DDMMRRRR);
      expect(text, d).toBe(`${day}.${m}.${y}`);
      expect(parseDate(text), d).toBe(d);
      expect(formatDateInText(d), d).toBe(`${text} r.`);
      expect(documentDate(d), d).toBe(`${text} r.`);
      expect(documentDate(d, { suffix: false }), d).toBe(text);
      expect(formatDateLong(d), d).toBe(`${Number(day)} ${MONTHS_GENITIVE[Number(m) - 1]} ${y} r.`);
    }
  });

  it('names the office day of an instant in Europe/Warsaw, across both DST changes, whatever the machine zone', () => {
    for (const d of DAYS) {
      expect(warsawDate(`${d}T12:00:00Z`), d).toBe(d);
      expect(formatDateTime(`${d}T11:05:09Z`, { seconds: true }), d).toMatch(new RegExp(`^${formatDate(d).replace(/\./g, '\\.')}, 1[23]:05:09$`));
    }
    // 23:30 UTC is already the next day in Warsaw, in winter (+1) and in summer (+2).
    expect(warsawDate('2027-01-31T23:30:00Z')).toBe('2027-02-01');
    expect(warsawDate('2028-06-30T22:30:00Z')).toBe('2028-07-01');
    expect(formatDateTime('2027-12-31T23:00:00Z')).toBe('01.01.2028, 00:00');
    // A stored timestamp (e.g. updatedAt) printed as a date shows its Warsaw day.
    expect(formatDate('2027-12-31T23:00:00Z')).toBe('01.01.2028');
    expect(formatDate('2028-02-29T10:00:00.000Z')).toBe('29.02.2028');
  });

  it('agrees with the tz data (Intl) minute by minute around every DST change of 1990–2045 and at random instants', () => {
    // The instants are converted arithmetically from each year's offset changes (shared/dates.ts);
    // Intl one by one is the reference.
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    const reference = (ms: number) => {
      const p = Object.fromEntries(intl.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
      return `${p.day}.${p.month}.${p.year}, ${p.hour}:${p.minute}:${p.second}`;
    };
    const instants: number[] = [];
    for (let y = 1990; y <= 2045; y++) {
      for (const month of [2, 9]) {
        for (let day = 24; day <= 31; day++) for (let minute = 0; minute < 240; minute += 7) instants.push(Date.UTC(y, month, day, 0, minute, 59));
      }
    }
    let seed = 7;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      instants.push(Date.UTC(1990, 0, 1) + Math.floor((seed / 2 ** 31) * 56 * 365.25 * 86_400_000));
    }
    const wrong = instants.filter((ms) => formatDateTime(ms, { seconds: true }) !== reference(ms));
    expect(wrong.map((ms) => new Date(ms).toISOString())).toEqual([]);
  });

  it('is total: missing or impossible dates print the fallback, never "undefined", "NaN" or ISO', () => {
    for (const bad of [null, undefined, '', '2027-02-29', '2028-13-01', '2028-00-10', '31.12.2027', 'jutro']) {
      expect(formatDate(bad)).toBe('—');
      expect(formatDateInText(bad, '…')).toBe('…');
      expect(formatDateTime(bad)).toBe('—');
    }
    expect(parseDate('7.3.2028')).toBe('2028-03-07');
    expect(parseDate('07.03.2028 r.')).toBe('2028-03-07');
    expect(parseDate('29.02.2027')).toBeNull();
    expect(parseDate('31.04.2028')).toBeNull();
  });

  it('periods and the place-and-date line of documents use it on the edge days', () => {
    expect(placeAndDate('Grębocin', '2028-02-29')).toBe('Grębocin, dnia 29.02.2028 r.');
    expect(formatPeriod('2027-12-24', '2027-12-26')).toBe('od 24.12.2027 r. do 26.12.2027 r.');
    expect(formatPeriod('2027-01-01', null)).toBe('od 01.01.2027 r. do nadal');
  });

  it('findings print their date parameters with it: "tomorrow" on the 1st–9th keeps its zero (the CI failure of 07.12.2026)', () => {
    for (const today of DAYS) {
      const tomorrow = addDays(today, 1);
      const [f] = checkHeadOpinionDates({ positive: true, on: tomorrow }, today);
      expect(f!.message, today).toBe(
        `Data opinii kierownika (${formatDate(tomorrow)}) jest późniejsza niż dzisiejsza (${formatDate(today)}) — opinię wpisuje się po jej wydaniu.`,
      );
      expect(f!.message, today).not.toMatch(WRONG_DATE);
    }
    expect(checkHeadOpinionDates({ positive: true, on: '2026-12-08' }, '2026-12-07')[0]!.message).toContain('(08.12.2026)');
  });
});

describe('deadline texts on every day of 2027 and 2028', () => {
  /** A case assigned six months (plus a little) before each day, with its last visit long ago. */
  const factsFor = (asOf: string): CaseDeadlineFacts[] => [
    { caseId: 'A', familyLabel: 'Kowalscy', track: 'general', phase: 'active', assignedOn: addDays(asOf, -190), consentOn: addDays(asOf, -185), lastVisitOn: addDays(asOf, -40) },
    { caseId: 'B', familyLabel: 'Nowakowie', track: 'general', phase: 'intake', learnedOn: addDays(asOf, -3) },
    { caseId: 'C', familyLabel: 'Wiśniewscy', track: 'general', phase: 'monitoring', closedOn: addDays(asOf, -60) },
    { caseId: 'D', familyLabel: 'Zielińscy', track: 'za-zyciem', phase: 'awaiting-decision', requestReceivedOn: addDays(asOf, -1) },
  ];

  it('every title and detail prints its dates as dd.mm.rrrr and its day counts in correct Polish', () => {
    let items = 0;
    for (const asOf of DAYS) {
      for (const item of computeDeadlines(factsFor(asOf), asOf, {}, { statisticsFiledPeriods: [] })) {
        items += 1;
        const text = `${item.title} | ${item.detail ?? ''}`;
        expect(text, `${asOf}: ${text}`).not.toMatch(WRONG_DATE);
        expect(text, `${asOf}: ${text}`).not.toMatch(/undefined|NaN|null/);
        expect(item.title, asOf).toContain(`do ${formatDate(item.dueDate)}`);
        const late = /po terminie o (\d+) (\S+)$/.exec(item.title);
        if (late) expect(late[2], item.title).toBe(Number(late[1]) === 1 ? 'dzień' : 'dni');
        const ahead = /— za (\d+) (\S+)$/.exec(item.title);
        if (ahead) {
          expect(Number(ahead[1]), item.title).toBeGreaterThan(1);
          expect(ahead[2], item.title).toBe('dni');
        }
      }
    }
    expect(items).toBeGreaterThan(DAYS.length * 4);
  });
});
