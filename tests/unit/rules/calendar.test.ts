import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import Holidays from 'date-holidays';
import { addMonths as dfAddMonths } from 'date-fns';
import {
  isPublicHoliday,
  isWorkingDay,
  addWorkingDays,
  addMonthsClamped,
  shiftToNextWorkingDay,
  publicHolidays,
  easterSunday,
  isIsoDate,
  addDays,
  daysBetween,
  isoWeekday,
  workingDaysBetween,
  publicHolidayName,
} from '../../../shared/rules/index';
import { isoDateArb } from './arbitraries';

describe('IsoDate validation', () => {
  const bad = ['2026-02-30', '2025-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-2-3', '26-02-03',
    '2026-02-03T00:00:00Z', ' 2026-02-03', '2026/02/03', '', 'dzisiaj', '0000-01-01'];
  it.each(bad)('rejects %j with a RangeError in every calendar function', (d) => {
    expect(isIsoDate(d)).toBe(false);
    expect(() => isPublicHoliday(d)).toThrow(RangeError);
    expect(() => isWorkingDay(d)).toThrow(RangeError);
    expect(() => addWorkingDays(d, 1)).toThrow(RangeError);
    expect(() => addMonthsClamped(d, 1)).toThrow(RangeError);
    expect(() => shiftToNextWorkingDay(d)).toThrow(RangeError);
  });
  it('rejects non-strings', () => {
    expect(() => isPublicHoliday(20260203 as unknown as string)).toThrow(RangeError);
    expect(() => isWorkingDay(null as unknown as string)).toThrow(RangeError);
  });
  it('accepts leap days of leap years (2024-02-29, 2000-02-29)', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(() => isWorkingDay('2024-02-29')).not.toThrow();
  });
  it('addWorkingDays requires an integer n >= 1', () => {
    expect(() => addWorkingDays('2026-03-02', 0)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
    expect(() => addMonthsClamped('2026-03-02', 0.5)).toThrow(RangeError);
  });
});

describe('ustawa o dniach wolnych od pracy: the statutory holiday list', () => {
  it('2026: the full list of dni ustawowo wolne od pracy', () => {
    expect(publicHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01', '2026-01-06', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-03', '2026-05-24',
      '2026-06-04', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-24', '2026-12-25', '2026-12-26',
    ]);
  });
  it('2025: Easter 20 April, Pentecost 8 June, Corpus Christi 19 June, and Wigilia 24 December', () => {
    const dates = publicHolidays(2025).map((h) => h.date);
    expect(dates).toContain('2025-04-20');
    expect(dates).toContain('2025-04-21');
    expect(dates).toContain('2025-06-08');
    expect(dates).toContain('2025-06-19');
    expect(dates).toContain('2025-12-24');
    expect(dates).toHaveLength(14);
  });
  it('24 December is a public holiday from 2025 on: 24.12.2024 is not, 24.12.2025 is', () => {
    expect(isPublicHoliday('2024-12-24')).toBe(false);
    expect(isWorkingDay('2024-12-24')).toBe(true); // Tuesday
    expect(isPublicHoliday('2025-12-24')).toBe(true);
    expect(isWorkingDay('2025-12-24')).toBe(false); // Wednesday
    expect(publicHolidayName('2025-12-24')).toBe('Wigilia Bożego Narodzenia');
  });
  it('6 January (Trzech Króli) is a public holiday only from 2011', () => {
    expect(isPublicHoliday('2010-01-06')).toBe(false);
    expect(isPublicHoliday('2011-01-06')).toBe(true);
    expect(isPublicHoliday('2026-01-06')).toBe(true);
  });
  it('Easter Sunday and Pentecost Sunday are holidays; an ordinary Sunday is not a "holiday"', () => {
    expect(isPublicHoliday('2026-04-05')).toBe(true);
    expect(isPublicHoliday('2026-05-24')).toBe(true);
    expect(isPublicHoliday('2026-03-01')).toBe(false); // a Sunday
    expect(isWorkingDay('2026-03-01')).toBe(false);
  });
  it('Good Friday and Holy Saturday are not public holidays; Easter Monday is', () => {
    expect(isPublicHoliday('2026-04-03')).toBe(false);
    expect(isWorkingDay('2026-04-03')).toBe(true);
    expect(isPublicHoliday('2026-04-04')).toBe(false);
    expect(isPublicHoliday('2026-04-06')).toBe(true);
  });
  it('Easter computus gives known dates', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
  });
  it('agrees exactly with the "public" holidays of date-holidays (PL) for 2011–2050', () => {
    const hd = new Holidays('PL');
    for (let year = 2011; year <= 2050; year += 1) {
      const theirs = hd
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10))
        .sort();
      expect(publicHolidays(year).map((h) => h.date), String(year)).toEqual([...new Set(theirs)]);
    }
  });
});

describe('KPA art. 57 § 3: months are counted to the same day, or the last day of a shorter month', () => {
  it('31 January + 1 month = 28 February (2026) / 29 February (2024)', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
  });
  it('31 August + 6 months = 28 February, or 29 February in a leap year', () => {
    expect(addMonthsClamped('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsClamped('2027-08-31', 6)).toBe('2028-02-29');
  });
  it('29 February + 12 months = 28 February', () => {
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28');
  });
  it('31 March + 1 month = 30 April; 15 March + 1 month = 15 April', () => {
    expect(addMonthsClamped('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonthsClamped('2026-03-15', 1)).toBe('2026-04-15');
  });
  it('crosses year ends and accepts negative months', () => {
    expect(addMonthsClamped('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonthsClamped('2026-01-15', 0)).toBe('2026-01-15');
  });
  it('property: never overflows into the next month and keeps the day when it exists', () => {
    fc.assert(
      fc.property(isoDateArb(), fc.integer({ min: -240, max: 240 }), (d, k) => {
        const r = addMonthsClamped(d, k);
        expect(isIsoDate(r)).toBe(true);
        const monthIndex = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
        expect(monthIndex(r)).toBe(monthIndex(d) + k);
        const day = Number(d.slice(8, 10));
        const rDay = Number(r.slice(8, 10));
        expect(rDay).toBeLessThanOrEqual(day);
        if (day <= 28) expect(rDay).toBe(day);
        if (rDay < day) expect(isIsoDate(addDays(r, 1)) && addDays(r, 1).slice(8, 10)).toBe('01');
      }),
    );
  });
  it('property: agrees with date-fns addMonths (which also clamps to the month end)', () => {
    fc.assert(
      fc.property(isoDateArb(), fc.integer({ min: -60, max: 60 }), (d, k) => {
        const [y, m, day] = d.split('-').map(Number) as [number, number, number];
        const r = dfAddMonths(new Date(y, m - 1, day, 12), k);
        const expected = `${r.getFullYear()}-${String(r.getMonth() + 1).padStart(2, '0')}-${String(r.getDate()).padStart(2, '0')}`;
        expect(addMonthsClamped(d, k)).toBe(expected);
      }),
    );
  });
});

describe('KPA art. 57 § 5: a term ending on a Saturday, Sunday or holiday moves to the next working day', () => {
  it('a working day is not moved', () => {
    expect(shiftToNextWorkingDay('2026-03-04')).toBe('2026-03-04');
  });
  it('Saturday and Sunday move to Monday', () => {
    expect(shiftToNextWorkingDay('2026-03-07')).toBe('2026-03-09');
    expect(shiftToNextWorkingDay('2026-03-08')).toBe('2026-03-09');
  });
  it('1 January 2026 (Thursday) moves to Friday 2 January', () => {
    expect(shiftToNextWorkingDay('2026-01-01')).toBe('2026-01-02');
  });
  it('Christmas 2025: Wednesday 24 December moves past 25, 26 December and the weekend to Monday 29', () => {
    expect(shiftToNextWorkingDay('2025-12-24')).toBe('2025-12-29');
  });
  it('Easter 2026: Saturday before Easter moves to Tuesday after Easter Monday', () => {
    expect(shiftToNextWorkingDay('2026-04-04')).toBe('2026-04-07');
  });
  it('property: idempotent, lands on a working day, never earlier, skips no working day', () => {
    fc.assert(
      fc.property(isoDateArb(), (d) => {
        const r = shiftToNextWorkingDay(d);
        expect(shiftToNextWorkingDay(r)).toBe(r);
        expect(isWorkingDay(r)).toBe(true);
        expect(r >= d).toBe(true);
        expect(r === d).toBe(isWorkingDay(d));
        for (let x = d; x < r; x = addDays(x, 1)) expect(isWorkingDay(x)).toBe(false);
        expect(daysBetween(d, r)).toBeLessThanOrEqual(5);
      }),
    );
  });
});

describe('working days (Monday–Friday, not a public holiday)', () => {
  it('addWorkingDays does not count the start day', () => {
    expect(addWorkingDays('2026-03-02', 1)).toBe('2026-03-03');
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Friday -> Monday
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // from a Saturday
  });
  it('Christmas 2025: Tuesday 23 December + 1 working day = Monday 29 December', () => {
    expect(addWorkingDays('2025-12-23', 1)).toBe('2025-12-29');
  });
  it('Christmas 2024 (24 December still a working day): Monday 23 + 1 = Tuesday 24, + 2 = Friday 27', () => {
    expect(addWorkingDays('2024-12-23', 1)).toBe('2024-12-24');
    expect(addWorkingDays('2024-12-23', 2)).toBe('2024-12-27');
  });
  it('isoWeekday matches the UTC weekday of the JavaScript Date', () => {
    fc.assert(
      fc.property(isoDateArb('1900-01-01', '2199-12-31'), (d) => {
        const js = new Date(`${d}T00:00:00Z`).getUTCDay();
        expect(isoWeekday(d) % 7).toBe(js);
      }),
    );
  });
  it('property: addWorkingDays lands on a working day, strictly after start, after exactly n working days', () => {
    fc.assert(
      fc.property(isoDateArb(), fc.integer({ min: 1, max: 60 }), (d, n) => {
        const r = addWorkingDays(d, n);
        expect(isWorkingDay(r)).toBe(true);
        expect(r > d).toBe(true);
        expect(workingDaysBetween(d, r)).toBe(n);
        expect(workingDaysBetween(d, addDays(r, -1))).toBe(n - 1);
      }),
    );
  });
  it('property: addWorkingDays composes (n + m = n, then m)', () => {
    fc.assert(
      fc.property(isoDateArb(), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), (d, n, m) => {
        expect(addWorkingDays(d, n + m)).toBe(addWorkingDays(addWorkingDays(d, n), m));
      }),
    );
  });
  it('property: addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(isoDateArb(), fc.integer({ min: -100000, max: 100000 }), (d, k) => {
        const r = addDays(d, k);
        expect(isIsoDate(r)).toBe(true);
        expect(daysBetween(d, r)).toBe(k);
      }),
    );
  });
});

describe('the longest run of non-working days since 24 December became a holiday', () => {
  it('Saturday 22 December 2029 moves to Thursday 27 December (5 days)', () => {
    expect(shiftToNextWorkingDay('2029-12-22')).toBe('2029-12-27');
  });
});
