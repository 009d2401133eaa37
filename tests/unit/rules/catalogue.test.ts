/**
 * Za życiem support catalogue (katalog wsparcia, art. 8 ustawy „Za życiem”; domain.md §4.17):
 * when a support was obtained or refused is a date of its own ("Data uzyskania / odmowy"), not a
 * remark in the notes. Only an obtained or refused support has it; it is not in the future and
 * not before the application.
 */
import { describe, expect, it } from 'vitest';
import { catalogueFieldOf, checkCatalogueDecision, type Finding } from '../../../shared/rules/index';

const codes = (fs: Finding[]) => fs.map((f) => f.code);
const asOf = '2026-11-22';

describe('the date a catalogue support was obtained or refused', () => {
  it('obtained or refused on a day between the application and today: no findings', () => {
    expect(checkCatalogueDecision({ status: 'obtained', appliedOn: '2026-11-02', decidedOn: '2026-11-12', asOf })).toEqual([]);
    expect(checkCatalogueDecision({ status: 'refused', appliedOn: '2026-11-02', decidedOn: '2026-11-02', asOf })).toEqual([]);
    expect(checkCatalogueDecision({ status: 'obtained', appliedOn: null, decidedOn: asOf, asOf })).toEqual([]);
  });

  it('obtained or refused without the date: a warning asks for it (the item is still saved)', () => {
    const f = checkCatalogueDecision({ status: 'obtained', appliedOn: '2026-11-02', decidedOn: null, asOf });
    expect(f).toEqual([
      {
        code: 'CATALOGUE_DECIDED_ON_MISSING',
        severity: 'warning',
        message: 'Status „uzyskane”: wpisz datę uzyskania / odmowy wsparcia (zamiast w uwagach).',
        basis: 'art. 8 ustawy „Za życiem”',
      },
    ]);
    expect(checkCatalogueDecision({ status: 'refused', decidedOn: null, asOf })[0]!.message).toContain('Status „odmowa”');
  });

  it('proposed or applied support has no decision date: a date there is refused', () => {
    for (const status of ['proposed', 'applied'] as const) {
      const f = checkCatalogueDecision({ status, appliedOn: '2026-11-02', decidedOn: '2026-11-10', asOf });
      expect(codes(f)).toEqual(['CATALOGUE_DECIDED_ON_WRONG_STATUS']);
      expect(f[0]!.severity).toBe('blocker');
    }
    expect(checkCatalogueDecision({ status: 'applied', appliedOn: '2026-11-02', decidedOn: null, asOf })).toEqual([]);
    expect(checkCatalogueDecision({ status: 'proposed', asOf })).toEqual([]);
  });

  it('a decision date in the future is refused', () => {
    const f = checkCatalogueDecision({ status: 'obtained', appliedOn: '2026-11-02', decidedOn: '2026-11-23', asOf });
    expect(codes(f)).toEqual(['CATALOGUE_DECIDED_ON_IN_FUTURE']);
    expect(f[0]).toMatchObject({ severity: 'blocker', message: 'Data uzyskania / odmowy (23.11.2026) jest późniejsza niż dzisiejsza (22.11.2026).' });
  });

  it('a decision before the application is refused', () => {
    const f = checkCatalogueDecision({ status: 'refused', appliedOn: '2026-11-10', decidedOn: '2026-11-09', asOf });
    expect(codes(f)).toEqual(['CATALOGUE_DECIDED_BEFORE_APPLIED']);
    expect(f[0]!.message).toBe('Data uzyskania / odmowy (09.11.2026) nie może być wcześniejsza niż data złożenia wniosku (10.11.2026).');
  });

  it('the findings about the date belong to the "Data uzyskania / odmowy" field', () => {
    expect(catalogueFieldOf('CATALOGUE_DECIDED_ON_IN_FUTURE')).toBe('decidedOn');
    expect(catalogueFieldOf('CATALOGUE_DECIDED_BEFORE_APPLIED')).toBe('decidedOn');
    expect(catalogueFieldOf('CATALOGUE_NOT_ZA_ZYCIEM')).toBeNull();
  });
});
