/**
 * Supporting family (rodzina wspierająca, art. 29–31 ustawy o wspieraniu rodziny; domain.md §3.5,
 * §4.19): the head's opinion rests on a family community interview (RWŚ), so it is recorded with
 * real dates — not in the future, the interview not after the opinion — and only a positive
 * opinion lets the act be drawn up.
 */
import { describe, expect, it } from 'vitest';
import { checkHeadOpinionDates, checkSupportingFamily, headOpinionFieldOf, type Finding } from '../../../shared/rules/index';

const codes = (fs: Finding[]) => fs.map((f) => f.code);
const TODAY = '2026-03-02';

describe('the head’s opinion dates (art. 30)', () => {
  it('an opinion and interview dated today or earlier, the interview first, raise nothing', () => {
    expect(checkHeadOpinionDates({ positive: true, on: '2026-03-02', interviewOn: '2026-02-20' }, TODAY)).toEqual([]);
    expect(checkHeadOpinionDates({ positive: true, on: '2026-03-02', interviewOn: '2026-03-02' }, TODAY)).toEqual([]);
  });

  it('an opinion dated tomorrow is refused: it is recorded once given', () => {
    const f = checkHeadOpinionDates({ positive: true, on: '2026-03-03', interviewOn: '2026-02-20' }, TODAY);
    expect(codes(f)).toEqual(['SUPPORTING_OPINION_DATE_IN_FUTURE']);
    expect(f[0]).toMatchObject({
      severity: 'blocker',
      message: 'Data opinii kierownika (03.03.2026) jest późniejsza niż dzisiejsza (02.03.2026) — opinię wpisuje się po jej wydaniu.',
    });
    expect(f[0]!.basis).toContain('art. 29–30 ustawy o wspieraniu rodziny');
  });

  it('an interview after the opinion is refused: the opinion is based on the interview', () => {
    const f = checkHeadOpinionDates({ positive: true, on: '2026-02-10', interviewOn: '2026-02-11' }, TODAY);
    expect(codes(f)).toEqual(['SUPPORTING_INTERVIEW_AFTER_OPINION']);
    expect(f[0]!.message).toBe(
      'Rodzinny wywiad środowiskowy (11.02.2026) nie może być późniejszy niż opinia kierownika (10.02.2026) — opinię wydaje się na podstawie wywiadu.',
    );
    expect(f[0]!.severity).toBe('blocker');
  });

  it('an interview in the future is refused, also when the opinion date is missing', () => {
    expect(codes(checkHeadOpinionDates({ positive: true, on: null, interviewOn: '2026-04-01' }, TODAY))).toEqual(['SUPPORTING_INTERVIEW_DATE_IN_FUTURE']);
    expect(codes(checkHeadOpinionDates({ positive: false, on: '2026-04-02', interviewOn: '2026-04-03' }, TODAY))).toEqual([
      'SUPPORTING_OPINION_DATE_IN_FUTURE',
      'SUPPORTING_INTERVIEW_DATE_IN_FUTURE',
      'SUPPORTING_INTERVIEW_AFTER_OPINION',
    ]);
  });

  it('no opinion, or an opinion without dates, has no date findings (a missing opinion is checked before the act)', () => {
    expect(checkHeadOpinionDates(null, TODAY)).toEqual([]);
    expect(checkHeadOpinionDates({ positive: true }, TODAY)).toEqual([]);
  });

  it('each finding names its form field', () => {
    expect(headOpinionFieldOf('SUPPORTING_OPINION_DATE_IN_FUTURE')).toBe('headOpinion.on');
    expect(headOpinionFieldOf('SUPPORTING_INTERVIEW_DATE_IN_FUTURE')).toBe('headOpinion.interviewOn');
    expect(headOpinionFieldOf('SUPPORTING_INTERVIEW_AFTER_OPINION')).toBe('headOpinion.interviewOn');
    expect(headOpinionFieldOf('SUPPORTING_CONVICTION')).toBeNull();
  });
});

describe('establishing a supporting family (art. 30–31)', () => {
  const base = {
    asOf: TODAY,
    relationToChild: 'sąsiedzi',
    members: [{ firstName: 'Jan', lastName: 'Kos', finalConvictionIntentionalCrime: false }],
    convictionStatementOn: '2026-02-01',
    headOpinion: { positive: true, on: '2026-02-10', interviewOn: '2026-02-05' },
    supportedCase: { state: 'REALIZACJA' as const, assistantId: 'ar1' },
    act: { by: 'wojt' as const, number: '12/2026', on: '2026-03-01' },
  };

  it('a positive opinion with the interview before it allows the act', () => {
    expect(checkSupportingFamily(base)).toEqual({ allowed: true, findings: [] });
  });

  it('a negative opinion blocks the act, whatever its dates', () => {
    const r = checkSupportingFamily({ ...base, headOpinion: { positive: false, on: '2026-02-10', interviewOn: '2026-02-05' } });
    expect(r.allowed).toBe(false);
    expect(codes(r.findings)).toEqual(['SUPPORTING_OPINION_MISSING']);
    expect(r.findings[0]!.message).toBe('Brak pozytywnej opinii kierownika ośrodka wydanej na podstawie rodzinnego wywiadu środowiskowego.');
  });

  it('an opinion whose interview came after it blocks the act', () => {
    const r = checkSupportingFamily({ ...base, headOpinion: { positive: true, on: '2026-02-10', interviewOn: '2026-02-12' } });
    expect(r.allowed).toBe(false);
    expect(codes(r.findings)).toEqual(['SUPPORTING_INTERVIEW_AFTER_OPINION']);
  });

  it('an opinion dated after the day of the act’s check blocks it', () => {
    const r = checkSupportingFamily({ ...base, headOpinion: { positive: true, on: '2026-03-05', interviewOn: '2026-02-05' } });
    expect(codes(r.findings)).toEqual(['SUPPORTING_OPINION_DATE_IN_FUTURE']);
    expect(r.allowed).toBe(false);
  });
});
