/**
 * Issue 14: a date is typed as dd.mm.rrrr in one field (one Tab stop), a time as gg:mm; both are
 * parsed with the one Polish formatter, and a text that is no date gets a Polish message.
 */
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../shared/dates';
import { parseTypedDate, parseTypedTime, typedDateProblem } from '../../../renderer/src/typedDates';

describe('typed dates', () => {
  it('dd.mm.rrrr with or without leading zeros, digits only, "r." and ISO all give the same day', () => {
    for (const t of ['07.12.2026', '7.12.2026', '07122026', '7.12.2026 r.', '2026-12-07', ' 07.12.2026 ', '07-12-2026', '07/12/2026']) {
      expect(parseTypedDate(t), t).toBe('2026-12-07');
    }
  });
  it('prints back as the app prints dates (leading zeros), so a typed date round-trips', () => {
    expect(formatDate(parseTypedDate('7.3.2027')!)).toBe('07.03.2027');
    expect(parseTypedDate(formatDate('2028-02-29'))).toBe('2028-02-29');
  });
  it('empty is empty; anything else that is no calendar day is refused with a Polish reason', () => {
    expect(parseTypedDate('')).toBe('');
    expect(typedDateProblem('')).toBeNull();
    expect(parseTypedDate('31.02.2026')).toBeNull();
    expect(typedDateProblem('31.02.2026')).toBe('Nie ma takiego dnia: 31.02.2026. Sprawdź dzień i miesiąc.');
    expect(parseTypedDate('29.02.2027')).toBeNull();
    expect(parseTypedDate('7.12.26')).toBeNull();
    expect(typedDateProblem('7.12.26')).toBe('Wpisz datę jako dd.mm.rrrr, np. 07.12.2026.');
    expect(typedDateProblem('jutro')).toBe('Wpisz datę jako dd.mm.rrrr, np. 07.12.2026.');
    expect(typedDateProblem('07.12.2026')).toBeNull();
  });
});

describe('typed times', () => {
  it('gg:mm, gg.mm, ggmm and a bare hour', () => {
    expect(parseTypedTime('16:30')).toBe('16:30');
    expect(parseTypedTime('16.30')).toBe('16:30');
    expect(parseTypedTime('1630')).toBe('16:30');
    expect(parseTypedTime('930')).toBe('09:30');
    expect(parseTypedTime('9')).toBe('09:00');
    expect(parseTypedTime('')).toBe('');
  });
  it('no 24:00, no 61 minutes, no words', () => {
    expect(parseTypedTime('24:00')).toBeNull();
    expect(parseTypedTime('12:61')).toBeNull();
    expect(parseTypedTime('w południe')).toBeNull();
  });
});
