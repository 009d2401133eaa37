import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parsePesel, peselCheckDigit, addDays, daysBetween } from '../../../shared/rules/index';

describe('PESEL (ustawa o ewidencji ludności, art. 15): structure check', () => {
  it.each([
    ['44051401359', '1944-05-14', 'M'],
    ['82123103459', '1982-12-31', 'M'],
    ['00071500001', '1900-07-15', 'F'],
    ['02270803624', '2002-07-08', 'F'],
    ['05231501238', '2005-03-15', 'M'],
    ['05810104568', '1805-01-01', 'F'],
    ['24422907893', '2124-02-29', 'M'],
    ['62620102342', '2262-02-01', 'F'],
  ] as const)('%s is valid: born %s, sex %s', (pesel, birthDate, sex) => {
    expect(parsePesel(pesel)).toEqual({ valid: true, birthDate, sex });
  });

  it('the 2000s are encoded by month + 20 (a child born 29 February 2000)', () => {
    const first10 = '0022290123';
    const r = parsePesel(first10 + String(peselCheckDigit(first10)));
    expect(r).toEqual({ valid: true, birthDate: '2000-02-29', sex: 'M' });
  });

  it.each(['4405140135', '440514013590', '4405140135a', ' 44051401359', '44051401359 ', '', '4405-140135', '４４０５１４０１３５９'])(
    "'format' when not exactly 11 ASCII digits: %j",
    (pesel) => {
      expect(parsePesel(pesel)).toEqual({ valid: false, reason: 'format' });
    },
  );
  it("'format' for a non-string", () => {
    expect(parsePesel(44051401359 as unknown as string)).toEqual({ valid: false, reason: 'format' });
  });

  it("'checksum' when the control digit (weights 1-3-7-9-1-3-7-9-1-3) does not match", () => {
    expect(parsePesel('44051401358')).toEqual({ valid: false, reason: 'checksum' });
    expect(parsePesel('44051401350')).toEqual({ valid: false, reason: 'checksum' });
  });

  it("'date' for an impossible date with a correct check digit", () => {
    expect(parsePesel('03022901111')).toEqual({ valid: false, reason: 'date' }); // 29.02.1903
    expect(parsePesel('02022901114')).toEqual({ valid: false, reason: 'date' }); // 29.02.1902
    expect(parsePesel('90130100004')).toEqual({ valid: false, reason: 'date' }); // month 13
    expect(parsePesel('02130100007')).toEqual({ valid: false, reason: 'date' });
    const day00 = '8203000123';
    expect(parsePesel(day00 + peselCheckDigit(day00))).toEqual({ valid: false, reason: 'date' });
    const month00 = '8200150123';
    expect(parsePesel(month00 + peselCheckDigit(month00))).toEqual({ valid: false, reason: 'date' });
    const month93 = '8293150123';
    expect(parsePesel(month93 + peselCheckDigit(month93))).toEqual({ valid: false, reason: 'date' });
  });

  it('checks in the order format -> checksum -> date', () => {
    // bad checksum AND impossible date: reported as 'checksum'
    expect(parsePesel('90130100005')).toEqual({ valid: false, reason: 'checksum' });
    // bad format wins over everything
    expect(parsePesel('9013010000')).toEqual({ valid: false, reason: 'format' });
  });

  it('does not judge plausibility: a birth date in the future is still structurally valid', () => {
    const future = '9922280123';
    expect(parsePesel(future + peselCheckDigit(future))).toMatchObject({ valid: true, birthDate: '2099-02-28' });
  });

  it('property: any real date 1800–2299 with any serial round-trips; a wrong check digit is a checksum error', () => {
    const offsets: Record<number, number> = { 18: 80, 19: 0, 20: 20, 21: 40, 22: 60 };
    fc.assert(
      fc.property(
        fc.integer({ min: daysBetween('1970-01-01', '1800-01-01'), max: daysBetween('1970-01-01', '2299-12-31') }),
        fc.integer({ min: 0, max: 9999 }),
        (n, serial) => {
          const d = addDays('1970-01-01', n);
          const year = Number(d.slice(0, 4));
          const month = Number(d.slice(5, 7)) + (offsets[Math.floor(year / 100)] as number);
          const first10 = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${d.slice(8, 10)}${String(serial).padStart(4, '0')}`;
          const check = peselCheckDigit(first10);
          const r = parsePesel(first10 + check);
          expect(r).toEqual({ valid: true, birthDate: d, sex: serial % 2 === 0 ? 'F' : 'M' });
          expect(parsePesel(first10 + ((check + 1) % 10))).toEqual({ valid: false, reason: 'checksum' });
        },
      ),
    );
  });
});
