import { describe, expect, it } from 'vitest';
import {
  BLANK,
  DASH,
  formatAmount,
  formatDate,
  formatDateLong,
  formatDuration,
  formatHoursDecimal,
  formatKm,
  formatMonthYear,
  formatNumber,
  formatPeriod,
  formatTime,
  formatTimeRange,
  listPl,
  orBlank,
  orDash,
  placeAndDate,
} from '../../../shared/print/format';
import { countOf, NOUNS } from '../../../shared/grammar';

const sp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('Polish dates', () => {
  it('short, long, place-and-date', () => {
    expect(formatDate('2026-11-22')).toBe('22.11.2026 r.');
    expect(formatDate('2026-01-05', { suffix: false })).toBe('05.01.2026');
    expect(formatDateLong('2026-11-22')).toBe('22 listopada 2026 r.');
    expect(formatDateLong('2026-09-01')).toBe('1 września 2026 r.');
    expect(placeAndDate('Grębocin', '2026-11-22')).toBe('Grębocin, dnia 22.11.2026 r.');
  });
  it('every month has its genitive form', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatDateLong(`2026-${String(i + 1).padStart(2, '0')}-10`).split(' ')[1]);
    expect(months).toEqual(['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia']);
  });
  it('is total: missing or invalid dates never print ISO, null or undefined', () => {
    for (const bad of [null, undefined, '', '2026-02-30', '22.11.2026', '2026-11-22T', 'abc'] as const) {
      expect(formatDate(bad as never)).toBe(DASH);
      expect(formatDateLong(bad as never)).toBe(DASH);
    }
    // A stored timestamp prints the office's day (Europe/Warsaw), never the ISO text.
    expect(formatDate('2026-11-22T23:30:00Z')).toBe('23.11.2026 r.');
    expect(placeAndDate(null, null)).toBe(`${BLANK}, dnia ${BLANK}`);
    expect(formatPeriod('2026-05-01', null)).toBe('od 01.05.2026 r. do nadal');
    expect(formatPeriod(null, '2026-05-01')).toBe(`od ${BLANK} do 01.05.2026 r.`);
    expect(formatMonthYear(2026, 11)).toBe('listopad 2026 r.');
    expect(formatMonthYear(2026, 13)).toBe(DASH);
    expect(formatMonthYear(Number.NaN, 1)).toBe(DASH);
  });
  it('times', () => {
    expect(formatTime('09:30')).toBe('9:30');
    expect(formatTime('14:05:00')).toBe('14:05');
    expect(formatTime('25:00')).toBe(DASH);
    expect(formatTimeRange('09:30', '11:15')).toBe('9:30–11:15');
    expect(formatTimeRange(null, undefined)).toBe(DASH);
    expect(formatTimeRange('09:30', null)).toBe(`9:30–${BLANK}`);
  });
});

describe('Polish numbers and amounts', () => {
  it('groups thousands with a non-breaking space and uses a decimal comma', () => {
    expect(sp(formatAmount(123456))).toBe('1 234,56 zł');
    expect(formatAmount(123456)).toContain('\u00a0');
    expect(sp(formatAmount(5))).toBe('0,05 zł');
    expect(sp(formatAmount(-100000))).toBe('-1 000,00 zł');
    expect(sp(formatAmount(400000))).toBe('4 000,00 zł');
    expect(sp(formatAmount(123456789012))).toBe('1 234 567 890,12 zł');
    expect(sp(formatNumber(1234567))).toBe('1 234 567');
    expect(formatNumber(12.5)).toBe('12,5');
    expect(formatNumber(12.5, { decimals: 2, minDecimals: 2 })).toBe('12,50');
    expect(formatNumber(-0.001)).toBe('0');
  });
  it('is total: NaN, Infinity and missing print a dash', () => {
    for (const v of [Number.NaN, Infinity, null, undefined]) {
      expect(formatAmount(v)).toBe(DASH);
      expect(formatNumber(v)).toBe(DASH);
      expect(formatKm(v)).toBe(DASH);
      expect(formatDuration(v)).toBe(DASH);
      expect(countOf(v, NOUNS.rodzina)).toBe(DASH);
    }
  });
  it('hours and kilometres', () => {
    expect(sp(formatDuration(150))).toBe('2 godz. 30 min');
    expect(sp(formatDuration(45))).toBe('45 min');
    expect(sp(formatDuration(180))).toBe('3 godz.');
    expect(formatHoursDecimal(750)).toBe('12,5');
    expect(sp(formatKm(123.4))).toBe('123,4 km');
    expect(sp(formatKm(1234))).toBe('1 234 km');
  });
});

describe('text helpers', () => {
  it('missing values print a dash or a line to fill in', () => {
    expect(orDash(null)).toBe(DASH);
    expect(orDash('  ')).toBe(DASH);
    expect(orBlank(undefined)).toBe(BLANK);
    expect(orDash(' Grębocin ')).toBe('Grębocin');
    expect(listPl(['a', 'b', 'c'])).toBe('a, b i c');
    expect(listPl(['a'])).toBe('a');
    expect(listPl([])).toBe('');
  });
});
