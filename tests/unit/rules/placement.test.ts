/**
 * The history of a child's foster-care placements (art. 10 ust. 4): kept by the main process so
 * that the report counts children in foster care as of each period, never by today's flag.
 */
import { describe, expect, it } from 'vitest';
import { episodeOverlaps, fosterCareEpisodes, mergePlacement, validateFamilyMembers } from '../../../shared/rules/index';

const placed = { kind: 'foster-care' as const, since: '2025-09-01', form: 'rodzina zastępcza spokrewniona', pcpr: 'PCPR w Toruniu', krpz: { name: 'Ewa Kordas' } };

describe('a child leaving foster care closes the episode in the history', () => {
  it('back home on the day given: the episode 01.09.2025–15.03.2026 is kept, with its form and PCPR', () => {
    const p = mergePlacement(placed, { kind: 'home', returnedOn: '2026-03-15' }, '2026-11-22');
    expect(p).toEqual({ kind: 'home', returnedOn: '2026-03-15', history: [{ since: '2025-09-01', until: '2026-03-15', form: 'rodzina zastępcza spokrewniona', pcpr: 'PCPR w Toruniu' }] });
    expect(fosterCareEpisodes(p)).toEqual([{ since: '2025-09-01', until: '2026-03-15' }]);
  });
  it('without a return date the episode ends today; a return date in the future or before the placement is clamped', () => {
    expect(mergePlacement(placed, { kind: 'home' }, '2026-11-22')!.history![0]!.until).toBe('2026-11-22');
    expect(mergePlacement(placed, { kind: 'home', returnedOn: '2027-01-01' }, '2026-11-22')!.history![0]!.until).toBe('2026-11-22');
    expect(mergePlacement(placed, { kind: 'home', returnedOn: '2025-01-01' }, '2026-11-22')!.history![0]!.until).toBe('2025-09-01');
  });
  it('the stored history survives later saves; what the form sends as history is ignored', () => {
    const home = mergePlacement(placed, { kind: 'home', returnedOn: '2026-03-15' }, '2026-11-22');
    const again = mergePlacement(home, { kind: 'home', history: [] }, '2026-11-23');
    expect(again).toEqual(home);
    const forged = mergePlacement(home, { kind: 'home', history: [{ since: '2010-01-01', until: '2020-01-01' }] }, '2026-11-23');
    expect(forged!.history).toEqual(home!.history);
  });
  it('placed again later: two episodes, the current one open', () => {
    const home = mergePlacement(placed, { kind: 'home', returnedOn: '2026-03-15' }, '2026-11-22');
    const back = mergePlacement(home, { ...placed, since: '2026-10-01' }, '2026-11-22');
    expect(fosterCareEpisodes(back)).toEqual([
      { since: '2025-09-01', until: '2026-03-15' },
      { since: '2026-10-01', until: null },
    ]);
    expect(back).not.toHaveProperty('returnedOn');
  });
  it('a corrected placement date of a child still in care is a correction, not a new episode', () => {
    expect(fosterCareEpisodes(mergePlacement(placed, { ...placed, since: '2025-09-02' }, '2026-11-22'))).toEqual([{ since: '2025-09-02', until: null }]);
  });
  it('an episode overlaps a period if it had begun by its end and not ended before its start; no date, no overlap', () => {
    const h1 = { from: '2026-01-01', to: '2026-06-30' };
    expect(episodeOverlaps({ since: '2025-09-01', until: '2026-01-01' }, h1)).toBe(true);
    expect(episodeOverlaps({ since: '2025-09-01', until: '2025-12-31' }, h1)).toBe(false);
    expect(episodeOverlaps({ since: '2026-07-01', until: null }, h1)).toBe(false);
    expect(episodeOverlaps({ since: null, until: null }, h1)).toBe(false);
  });
  it('a return date in the future is refused by the registry', () => {
    const v = validateFamilyMembers(
      [
        { firstName: 'Anna', lastName: 'Nowak', isChild: false, birthDate: '1990-01-01' },
        { firstName: 'Zuzanna', lastName: 'Nowak', isChild: true, birthDate: '2015-01-01', placement: { kind: 'home', returnedOn: '2026-12-01' } },
      ],
      '2026-11-22',
    );
    expect(v.valid).toBe(false);
    expect(v.fields['members.1.placement.returnedOn']).toContain('data powrotu z pieczy');
  });
});
