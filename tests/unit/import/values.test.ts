/** The import's own reading of sheet cells (issue 16): dates, PESEL, roles, tracks, sources. */
import { describe, expect, it } from 'vitest';
import { cellText, parseSheetDate, parseSheetPesel, parseSource, parseTrack, parseYesNo, parseZzCategory, roleKind } from '../../../db/import/values';
import { fieldForHeader } from '../../../shared/import/fields';

describe('dates from a sheet', () => {
  it('reads text in both Polish and ISO forms, Excel serials and date cells as the same day', () => {
    for (const v of ['05.03.2019', '5.3.2019', '05-03-2019', '05/03/2019', '2019-03-05', '05.03.2019 r.', 43529, '43529', new Date(Date.UTC(2019, 2, 5))]) {
      expect(parseSheetDate(v, 'Data'), String(v)).toMatchObject({ ok: true, date: '2019-03-05' });
    }
    expect(parseSheetDate(43529.99999, 'Data')).toMatchObject({ ok: true, date: '2019-03-05' });
    expect(parseSheetDate(new Date(Date.UTC(2019, 2, 4, 23, 59, 59, 800)), 'Data')).toMatchObject({ ok: true, date: '2019-03-05' });
  });
  it('refuses two-digit years, impossible days and non-dates, naming the column', () => {
    expect(parseSheetDate('05.03.19', 'Data zgody')).toEqual({ ok: false, message: 'Data zgody: „05.03.19” — wpisz rok czterema cyframi (dd.mm.rrrr).' });
    expect(parseSheetDate('31.02.2019', 'Data')).toMatchObject({ ok: false, message: expect.stringContaining('taki dzień nie istnieje') });
    expect(parseSheetDate('wczoraj', 'Data')).toMatchObject({ ok: false });
    expect(parseSheetDate(-3, 'Data')).toMatchObject({ ok: false });
    expect(parseSheetDate('2019', 'Data')).toMatchObject({ ok: false });
    expect(parseSheetDate('', 'Data')).toBeNull();
    expect(parseSheetDate(null, 'Data')).toBeNull();
  });
});

describe('PESEL from a sheet', () => {
  it('restores the leading zero a number column dropped, only when the check digit then holds', () => {
    expect(parseSheetPesel(2270803624)).toEqual({ pesel: '02270803624', restoredFrom: '2270803624' });
    expect(parseSheetPesel('2270803624')).toEqual({ pesel: '02270803624', restoredFrom: '2270803624' });
    expect(parseSheetPesel(2270803625)).toEqual({ pesel: '2270803625' });
    expect(parseSheetPesel('850 315 123 44')).toEqual({ pesel: '85031512344' });
    expect(parseSheetPesel('')).toEqual({ pesel: null });
  });
  it('prints large integers without an exponent', () => {
    expect(cellText(85031512344)).toBe('85031512344');
    expect(cellText(new Date(Date.UTC(2019, 2, 5)))).toBe('05.03.2019');
  });
});

describe('words of a register', () => {
  it('roles: children, adults, and the unknown left to the age', () => {
    expect(['syn', 'Córka', 'wnuczka', 'dziecko'].map(roleKind)).toEqual(['child', 'child', 'child', 'child']);
    expect(['matka', 'Ojciec', 'opiekun prawny', 'babcia', 'konkubent'].map(roleKind)).toEqual(['adult', 'adult', 'adult', 'adult', 'adult']);
    expect(roleKind('brat')).toBe('unknown');
  });
  it('tracks, sources, categories, yes/no', () => {
    expect(parseTrack('Wspieranie rodziny')).toBe('general');
    expect(parseTrack('„Za życiem”')).toBe('za-zyciem');
    expect(parseTrack('')).toBeNull();
    expect(parseTrack('inne')).toBeUndefined();
    expect(parseSource('S4')).toBe('court-order');
    expect(parseSource('wniosek rodziny')).toBe('family-request');
    expect(parseSource('S9')).toBeUndefined();
    expect(parseZzCategory('zz 4')).toBe('ZZ4');
    expect(parseZzCategory('6')).toBeUndefined();
    expect([parseYesNo('tak'), parseYesNo('X'), parseYesNo('nie'), parseYesNo(''), parseYesNo('może')]).toEqual([true, true, false, null, undefined]);
  });
  it('headers: the template, aliases, without Polish letters', () => {
    expect(fieldForHeader('Miejscowosc')).toBe('place');
    expect(fieldForHeader('  nr PESEL ')).toBe('pesel');
    expect(fieldForHeader('Kategoria „Za życiem”')).toBe('zzCategory');
    expect(fieldForHeader('Uwagi')).toBeNull();
  });
});
