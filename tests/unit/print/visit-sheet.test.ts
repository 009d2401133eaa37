/**
 * Issue 14 — the visit sheet: printed before a visit, pre-filled with the family, the plan's open
 * actions and their deadlines and what was agreed at the last visit; blank lines for the notes
 * and the new agreements; signatures. Correct Polish: declined family name, plurals.
 */
import { describe, expect, it } from 'vitest';
import { visitSheetDocument } from '../../../shared/print/documents/index';
import { htmlToText } from '../../../shared/print/html';
import { renderHtml } from '../../../shared/print/layout';
import { visitSheetView } from '../../fixtures/documents';

const textOf = (v = visitSheetView()) => htmlToText(renderHtml(visitSheetDocument(v))).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

describe('visit sheet', () => {
  it('is pre-filled: family, date, open actions with deadlines, last visit’s agreements', () => {
    const t = textOf();
    expect(t).toContain('Arkusz wizyty w rodzinie');
    expect(t).toContain('do wypełnienia podczas spotkania z rodziną Wiśniewskich');
    expect(t).not.toContain('rodzina rodzina');
    expect(t).toContain('Data wizyty 25.11.2026 r. Godzina od …………');
    expect(t).toContain('Adres rodziny ul. Źródlana 12/4, 87-122 Grębocin');
    expect(t).toContain('Agnieszka Wiśniewska (matka)');
    expect(t).toContain('Plan pracy z dnia 15.10.2026 r. (wersja 2): 3 działania do realizacji.');
    expect(t).toContain('Cel: Uporządkowanie budżetu domowego');
    expect(t).toContain('Prowadzenie zeszytu wydatków (w toku)');
    expect(t).toContain('23.11.2026 po terminie (2 dni)');
    expect(t).toContain('31.12.2026');
    expect(t).not.toContain('31.12.2026 po terminie');
    expect(t).toContain('bez terminu');
    expect(t).toContain('2. Zadania zrealizowane od poprzedniego spotkania (18.11.2026 r.)');
    expect(t).toContain('Zapisywać wydatki w zeszycie');
    expect(t).toContain('Ustalić termin kursu opiekunki');
    expect(t).toMatch(/tak\s*częściowo\s*nie/);
    expect(t).toContain('3. Zadania uzgodnione do następnego spotkania – rodzina');
    expect(t).toContain('5. Obserwacje (w szczególności bezpieczeństwo dzieci)');
    expect(t).toContain('Termin następnego spotkania');
    expect(t).toContain('(data i podpis: członek rodziny)');
    expect(t).toContain('(data i podpis: asystent rodziny)');
  });

  it('counts in Polish: 1 działanie / 5 działań, 1 dzień / 5 dni late', () => {
    const v = visitSheetView();
    const one = { ...v, actions: [{ ...v.actions[0]!, deadline: '2026-11-24' as const }] };
    expect(textOf(one)).toContain('1 działanie do realizacji');
    expect(textOf(one)).toContain('po terminie (1 dzień)');
    const five = { ...v, actions: Array.from({ length: 5 }, () => ({ ...v.actions[0]!, deadline: '2026-11-20' as const })) };
    expect(textOf(five)).toContain('5 działań do realizacji');
    expect(textOf(five)).toContain('po terminie (5 dni)');
  });

  it('without a plan, a previous visit or a date: says so and leaves lines to fill in', () => {
    const t = textOf({ ...visitSheetView(), visitOn: null, plan: null, actions: [], previous: null });
    expect(t).toContain('Rodzina nie ma jeszcze planu pracy.');
    expect(t).toContain('To pierwsze spotkanie: nie ma wcześniejszych uzgodnień.');
    expect(t).toMatch(/Data wizyty …+ Godzina od/);
    expect(t).not.toMatch(/undefined|null|NaN|\d{4}-\d{2}-\d{2}/);
  });
});
