/**
 * Family names and counts in Polish: "rodzina Baranów", "Państwo Nowakowie", "3 spotkania",
 * "5 spotkań", "22 dni" — as a grammar book states them.
 */
import { describe, expect, it } from 'vitest';
import { countOf, familyName, GENDERED, gendered, genderedPlural, NOUNS, panstwo, plural, pluralCategory, sexOf, sexOfFirstName } from '../../../shared/grammar';

const sp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('a family is named by its surname in the genitive plural', () => {
  it('noun surnames take -ów: rodzina Baranów, rodzina Nowaków, rodzina Wróblów', () => {
    expect(familyName([{ firstName: 'Anna', lastName: 'Baran', sex: 'F', isHead: 1 }, { firstName: 'Piotr', lastName: 'Baran', sex: 'M' }])).toBe('rodzina Baranów');
    expect(familyName([{ firstName: 'Jan', lastName: 'Nowak', sex: 'M', isHead: 1 }])).toBe('rodzina Nowaków');
    expect(familyName([{ firstName: 'Ewa', lastName: 'Wróbel', sex: 'F', isHead: 1 }, { firstName: 'Ola', lastName: 'Wróbel', sex: 'F', isChild: 1 }])).toBe('rodzina Wróblów');
    expect(familyName([{ firstName: 'Marta', lastName: 'Zaręba', sex: 'F', isHead: 1 }])).toBe('rodzina Zarębów');
  });
  it('adjectival surnames take -ich/-ych: rodzina Wiśniewskich, rodzina Jabłońskich, rodzina Białych', () => {
    expect(familyName([{ firstName: 'Ewa', lastName: 'Wiśniewska', sex: 'F', isHead: 1 }, { firstName: 'Tomasz', lastName: 'Wiśniewski', sex: 'M' }])).toBe('rodzina Wiśniewskich');
    // A mother alone with her daughter: still "rodzina Jabłońskich", never "Rodzina Jadwiga Jabłońska".
    expect(familyName([{ firstName: 'Jadwiga', lastName: 'Jabłońska', sex: 'F', isHead: 1 }, { firstName: 'Ola', lastName: 'Jabłońska', sex: 'F', isChild: 1 }])).toBe('rodzina Jabłońskich');
    expect(familyName([{ firstName: 'Anna', lastName: 'Biała', sex: 'F', isHead: 1 }, { firstName: 'Jan', lastName: 'Biały', sex: 'M' }])).toBe('rodzina Białych');
  });
  it('"rodzina" takes the case of the sentence; the surname stays in the genitive plural', () => {
    const m = [{ firstName: 'Halina', lastName: 'Dąbrowska', sex: 'F' as const, isHead: 1 }];
    expect(familyName(m, 'gen')).toBe('rodziny Dąbrowskich');
    expect(familyName(m, 'dat')).toBe('rodzinie Dąbrowskich');
    expect(familyName(m, 'acc')).toBe('rodzinę Dąbrowskich');
    expect(familyName(m, 'ins')).toBe('rodziną Dąbrowskich');
  });
  it('without a shared surname the family is named after its head', () => {
    expect(familyName([{ firstName: 'Jadwiga', lastName: 'Jabłońska', sex: 'F', isHead: 1 }, { firstName: 'Olek', lastName: 'Kowalski', sex: 'M', isChild: 1 }])).toBe('rodzina Pani Jadwigi Jabłońskiej');
    expect(familyName([{ firstName: 'Jan', lastName: 'Nowak', sex: 'M', isHead: 1 }, { firstName: 'Anna', lastName: 'Wrona', sex: 'F' }], 'dat')).toBe('rodzinie Pana Jana Nowaka');
  });
});

describe('"Państwo" with the surname in the plural', () => {
  const nowak = [{ firstName: 'Anna', lastName: 'Nowak' }, { firstName: 'Jan', lastName: 'Nowak' }];
  const wisniewscy = [{ firstName: 'Ewa', lastName: 'Wiśniewska' }, { firstName: 'Tomasz', lastName: 'Wiśniewski' }];
  it.each([
    ['nom', 'Państwo Nowakowie', 'Państwo Wiśniewscy'],
    ['gen', 'Państwa Nowaków', 'Państwa Wiśniewskich'],
    ['dat', 'Państwu Nowakom', 'Państwu Wiśniewskim'],
    ['acc', 'Państwa Nowaków', 'Państwa Wiśniewskich'],
    ['ins', 'Państwem Nowakami', 'Państwem Wiśniewskimi'],
    ['loc', 'Państwu Nowakach', 'Państwu Wiśniewskich'],
  ] as const)('%s: %s, %s', (c, a, b) => {
    expect(panstwo(nowak, c)).toBe(a);
    expect(panstwo(wisniewscy, c)).toBe(b);
  });
  it('the other -cki/-dzki plurals: Państwo Nowiccy, Państwo Zawadzcy, Państwo Dąbrowscy', () => {
    expect(panstwo([{ firstName: 'Jan', lastName: 'Nowicki' }])).toBe('Państwo Nowiccy');
    expect(panstwo([{ firstName: 'Jan', lastName: 'Zawadzki' }])).toBe('Państwo Zawadzcy');
    expect(panstwo([{ firstName: 'Halina', lastName: 'Dąbrowska' }, { firstName: 'Józef', lastName: 'Dąbrowski' }])).toBe('Państwo Dąbrowscy');
  });
  it('no shared surname: no "Państwo" form (the caller names the people)', () => {
    expect(panstwo([{ firstName: 'Halina', lastName: 'Dąbrowska' }, { firstName: 'Józef', lastName: 'Nowak' }])).toBeNull();
  });
});

describe('counts agree with the number (Intl.PluralRules("pl"))', () => {
  it.each([
    [0, 'spotkań'], [1, 'spotkanie'], [2, 'spotkania'], [3, 'spotkania'], [4, 'spotkania'], [5, 'spotkań'], [11, 'spotkań'],
    [12, 'spotkań'], [13, 'spotkań'], [14, 'spotkań'], [21, 'spotkań'], [22, 'spotkania'], [24, 'spotkania'], [25, 'spotkań'],
    [101, 'spotkań'], [102, 'spotkania'], [112, 'spotkań'], [122, 'spotkania'],
  ])('%d %s', (n, form) => expect(plural(n, NOUNS.spotkanie)).toBe(form));

  it('reads like the documents: "3 spotkania", "5 spotkań", "22 dni", "1 dzień", "1,5 godziny"', () => {
    expect(sp(countOf(3, NOUNS.spotkanie))).toBe('3 spotkania');
    expect(sp(countOf(5, NOUNS.spotkanie))).toBe('5 spotkań');
    expect(sp(countOf(22, NOUNS.dzien))).toBe('22 dni');
    expect(sp(countOf(1, NOUNS.dzien))).toBe('1 dzień');
    expect(sp(countOf(1.5, NOUNS.godzina))).toBe('1,5 godziny');
    expect(sp(countOf(22, NOUNS.rok))).toBe('22 lata');
    expect(sp(countOf(25, NOUNS.rok))).toBe('25 lat');
    expect(sp(countOf(1234, NOUNS.rodzina))).toBe('1 234 rodziny');
    expect(countOf(null, NOUNS.rodzina)).toBe('—');
  });
  it('the three-form call used by the screens', () => {
    expect(plural(5, 'sprawa', 'sprawy', 'spraw')).toBe('spraw');
    expect(plural(23, 'zdarzenie', 'zdarzenia', 'zdarzeń')).toBe('zdarzenia');
  });
  it('the categories are the CLDR ones', () => {
    expect([1, 2, 5, 1.5].map(pluralCategory)).toEqual(['one', 'few', 'many', 'other']);
  });
});

describe('gender agreement never prints an alternative form', () => {
  it('one person: the form for their sex', () => {
    expect(gendered('F', GENDERED.sporzadzil)).toBe('sporządziła');
    expect(gendered('M', GENDERED.sporzadzil)).toBe('sporządził');
    expect(gendered('F', GENDERED.zatrudnionyInstr)).toBe('zatrudnioną');
    for (const f of Object.values(GENDERED)) expect(`${f.f} ${f.m}`).not.toMatch(/\(|\//);
  });
  it('a group: only women → feminine plural, otherwise masculine-personal', () => {
    const forms = { one: GENDERED.zobowiazanyJa, manyF: 'zostałyśmy zobowiązane', manyM: 'zostaliśmy zobowiązani' };
    expect(genderedPlural(['F'], forms)).toBe('zostałam zobowiązana');
    expect(genderedPlural(['F', 'F'], forms)).toBe('zostałyśmy zobowiązane');
    expect(genderedPlural(['F', 'M'], forms)).toBe('zostaliśmy zobowiązani');
  });
  it('sex: recorded, then PESEL, then the first name (Kuba is a man, Noemi a woman)', () => {
    expect(sexOf({ sex: 'M', firstName: 'Anna' })).toBe('M');
    expect(sexOf({ pesel: '85010112345', firstName: 'Jan' })).toBe('F');
    expect(sexOf({ firstName: 'Anna' })).toBe('F');
    expect(sexOf({ fullName: 'Agnieszka Śliwińska' })).toBe('F');
    expect(sexOfFirstName('Kuba')).toBe('M');
    expect(sexOfFirstName('Noemi')).toBe('F');
    expect(sexOfFirstName('')).toBeNull();
  });
});

describe('an office or a court in the genitive', () => {
  it('declines the adjectives and the noun, keeps the rest', async () => {
    const { institutionGenitive, headTitle } = await import('../../../shared/grammar');
    expect(institutionGenitive('Gminny Ośrodek Pomocy Społecznej w Lubiczu')).toBe('Gminnego Ośrodka Pomocy Społecznej w Lubiczu');
    expect(institutionGenitive('Miejsko-Gminny Ośrodek Pomocy Społecznej w Chełmży')).toBe('Miejsko-Gminnego Ośrodka Pomocy Społecznej w Chełmży');
    expect(institutionGenitive('Miejski Ośrodek Pomocy Rodzinie w Toruniu')).toBe('Miejskiego Ośrodka Pomocy Rodzinie w Toruniu');
    expect(institutionGenitive('Centrum Usług Społecznych w Lubiczu')).toBe('Centrum Usług Społecznych w Lubiczu');
    expect(institutionGenitive('Sąd Rejonowy w Toruniu')).toBe('Sądu Rejonowego w Toruniu');
    expect(institutionGenitive('Fundacja Dzieci Niczyje')).toBeNull();
    expect(headTitle('Gminny Ośrodek Pomocy Społecznej w Lubiczu')).toBe('Kierownik Gminnego Ośrodka Pomocy Społecznej w Lubiczu');
  });
});
