/**
 * The retention clock (domain.md §7.3, T41): 1 January of the year after the end of monitoring
 * (or after the closure without monitoring), a B-period ends on 31 December of its last year and
 * the file may be processed from the next day; open and monitored cases never qualify; the
 * longest document type of the case governs; A never ends; BE waits for the state archive.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION_RULES,
  categoryLabel,
  familyEligible,
  periodOf,
  reportRetention,
  retentionOf,
  retentionRulesSchema,
  type RetentionCaseFacts,
  type RetentionRules,
} from '../../shared/retention/rules';
import { addDays } from '../../shared/rules/index';
import { isoDateArb } from './rules/arbitraries';

const base: RetentionCaseFacts = {
  track: 'general',
  state: 'ARCHIWUM',
  closedOn: '2015-12-31',
  monitoringEndedOn: '2016-03-31',
  monitoringEndsOn: '2016-03-31',
  hasCourtRequests: false,
  hasSupportingFamily: false,
};
const R = DEFAULT_RETENTION_RULES;
const withRule = (type: keyof RetentionRules['rules'], rule: RetentionRules['rules']['case-file']): RetentionRules => ({ rules: { ...R.rules, [type]: rule } });

describe('retention clock', () => {
  it('closed in 2015, monitoring to 2016-03-31, B10: starts 2017-01-01, ends 2026-12-31, eligible from 2027-01-01', () => {
    const c = retentionOf(base, R, '2026-12-31');
    expect(c).toMatchObject({
      status: 'running',
      eligible: false,
      closedOrMonitoringEndOn: '2016-03-31',
      basis: 'monitoring-end',
      startsOn: '2017-01-01',
      endsOn: '2026-12-31',
      eligibleFrom: '2027-01-01',
      category: 'B10',
      docType: 'case-file',
    });
    expect(c.findings.map((f) => f.code)).toEqual(['RETENTION_COUNTED_FROM', 'RETENTION_RUNNING']);
    expect(c.findings[0]!.message).toContain('od 01.01.2017 do 31.12.2026');
    // Erasure does not apply while the period runs.
    expect(c.findings[1]!.basis).toContain('art. 17 ust. 3 lit. b RODO');

    const next = retentionOf(base, R, '2027-01-01');
    expect(next).toMatchObject({ status: 'ended', eligible: true, endsOn: '2026-12-31' });
    expect(next.findings[1]!.code).toBe('RETENTION_ENDED');
    expect(next.findings[1]!.basis).toContain('art. 5 ust. 1 pkt 2 ustawy z dnia 14 lipca 1983 r. o narodowym zasobie archiwalnym i archiwach');
    expect(next.findings[1]!.message).toContain('za zgodą dyrektora właściwego archiwum państwowego');
  });

  it('T41: closed 2026-10-15, monitoring to 2027-01-15 -> the clock starts 2028-01-01', () => {
    const c = retentionOf({ ...base, closedOn: '2026-10-15', monitoringEndedOn: '2027-01-15', monitoringEndsOn: '2027-01-15' }, R, '2030-01-01');
    expect(c).toMatchObject({ startsOn: '2028-01-01', endsOn: '2037-12-31', eligible: false });
  });

  it('monitoring ending on 31 December or on 1 January: the year of the end date decides', () => {
    expect(retentionOf({ ...base, monitoringEndedOn: '2016-12-31' }, R, '2026-01-01').startsOn).toBe('2017-01-01');
    expect(retentionOf({ ...base, monitoringEndedOn: '2017-01-01' }, R, '2026-01-01').startsOn).toBe('2018-01-01');
  });

  it('without monitoring (closed before any work: ZAMKNIETA) the closure date counts', () => {
    const c = retentionOf({ ...base, state: 'ZAMKNIETA', closedOn: '2015-02-10', monitoringEndedOn: null, monitoringEndsOn: null }, R, '2025-12-31');
    expect(c).toMatchObject({ basis: 'closure', closedOrMonitoringEndOn: '2015-02-10', startsOn: '2016-01-01', endsOn: '2025-12-31', eligible: false });
    expect(retentionOf({ ...base, state: 'ZAMKNIETA', closedOn: '2015-02-10', monitoringEndedOn: null, monitoringEndsOn: null }, R, '2026-01-01').eligible).toBe(true);
    expect(retentionOf({ ...base, state: 'ZAMKNIETA', closedOn: '2015-02-10', monitoringEndedOn: null, monitoringEndsOn: null }, R, '2026-01-01').findings[0]!.message).toContain(
      'zamknięcia sprawy (10.02.2015)',
    );
  });

  it('an archived case without a recorded end of monitoring falls back to the planned end, then to the closure', () => {
    expect(retentionOf({ ...base, monitoringEndedOn: null, monitoringEndsOn: '2016-05-01' }, R, '2030-01-01').closedOrMonitoringEndOn).toBe('2016-05-01');
    expect(retentionOf({ ...base, monitoringEndedOn: null, monitoringEndsOn: null }, R, '2030-01-01')).toMatchObject({ closedOrMonitoringEndOn: '2015-12-31', basis: 'closure' });
  });

  it('open cases and cases still in monitoring are never eligible, however old', () => {
    for (const state of ['REALIZACJA', 'ZGLOSZENIE', 'ZAWIESZENIE', 'KOORDYNACJA']) {
      const c = retentionOf({ ...base, state, closedOn: null, monitoringEndedOn: null }, R, '2099-01-01');
      expect(c).toMatchObject({ status: 'open', eligible: false, startsOn: null, endsOn: null });
      expect(c.findings[0]!.code).toBe('RETENTION_CASE_OPEN');
    }
    const m = retentionOf({ ...base, state: 'MONITORING', monitoringEndedOn: null, monitoringEndsOn: '2016-03-31' }, R, '2099-01-01');
    expect(m).toMatchObject({ status: 'monitoring', eligible: false });
    expect(m.findings[0]!.message).toContain('31.03.2016');
    // A closed state without any date cannot be placed on the clock.
    expect(retentionOf({ ...base, state: 'ZAMKNIETA', closedOn: null, monitoringEndedOn: null, monitoringEndsOn: null }, R, '2099-01-01').findings[0]!.code).toBe('RETENTION_NO_END_DATE');
  });

  it('per document type: Za życiem files, court documents and supporting families have their own settings; the longest governs', () => {
    const zz = withRule('case-file-zz', { jrwaSymbol: '4012', category: 'B', years: 5 });
    expect(retentionOf({ ...base, track: 'za-zyciem' }, zz, '2022-01-01')).toMatchObject({ category: 'B5', jrwaSymbol: '4012', docType: 'case-file-zz', endsOn: '2021-12-31', eligible: true });
    const court = withRule('court', { jrwaSymbol: '4013', category: 'B', years: 25 });
    expect(retentionOf(base, court, '2030-01-01')).toMatchObject({ category: 'B10', eligible: true });
    const withCourt = retentionOf({ ...base, hasCourtRequests: true }, court, '2030-01-01');
    expect(withCourt).toMatchObject({ category: 'B25', docType: 'court', endsOn: '2041-12-31', eligible: false, status: 'running' });
    const shorter = withRule('supporting-family', { jrwaSymbol: '', category: 'B', years: 2 });
    expect(retentionOf({ ...base, hasSupportingFamily: true }, shorter, '2027-01-01')).toMatchObject({ category: 'B10', docType: 'case-file', eligible: true });
  });

  it('category A is never eligible; BE waits for the state archive after the period', () => {
    const a = retentionOf(base, withRule('case-file', { jrwaSymbol: '', category: 'A', years: null }), '2200-01-01');
    expect(a).toMatchObject({ status: 'archival', eligible: false, category: 'A', endsOn: null });
    expect(a.findings[0]!.basis).toContain('art. 5 ust. 1 pkt 1');
    const be = withRule('court', { jrwaSymbol: '', category: 'BE', years: 5 });
    expect(retentionOf({ ...base, hasCourtRequests: true }, be, '2026-12-31')).toMatchObject({ status: 'running', eligible: false, category: 'B10' });
    const after = retentionOf({ ...base, hasCourtRequests: true }, be, '2027-01-01');
    expect(after).toMatchObject({ status: 'expert-review', eligible: false, category: 'BE5' });
    expect(after.findings.at(-1)!.code).toBe('RETENTION_EXPERT_REVIEW');
  });

  it('property: eligible exactly from eligibleFrom = endsOn + 1 day, and endsOn is always 31 December', () => {
    fc.assert(
      fc.property(isoDateArb('2000-01-01', '2040-12-31'), fc.integer({ min: 1, max: 50 }), isoDateArb('2000-01-01', '2099-12-31'), (end, years, asOf) => {
        const rules = withRule('case-file', { jrwaSymbol: '', category: 'B', years });
        const c = retentionOf({ ...base, state: 'ZAMKNIETA', closedOn: end, monitoringEndedOn: null }, rules, asOf);
        expect(c.endsOn!.slice(5)).toBe('12-31');
        expect(addDays(c.endsOn!, 1)).toBe(c.eligibleFrom);
        expect(Number(c.startsOn!.slice(0, 4))).toBe(Number(end.slice(0, 4)) + 1);
        expect(Number(c.endsOn!.slice(0, 4)) - Number(c.startsOn!.slice(0, 4)) + 1).toBe(years);
        expect(c.eligible).toBe(asOf >= c.eligibleFrom!);
      }),
    );
  });

  it('a family qualifies only when every case does', () => {
    expect(familyEligible([{ eligible: true }, { eligible: true }])).toBe(true);
    expect(familyEligible([{ eligible: true }, { eligible: false }])).toBe(false);
    expect(familyEligible([])).toBe(false);
  });

  it('reports: half-year B5 and annual B25 by default, counted from the year after the period', () => {
    expect(reportRetention('2026-H1', R)).toEqual({ docType: 'report-half-year', category: 'B5', startsOn: '2027-01-01', endsOn: '2031-12-31' });
    expect(reportRetention('2026-Y', R)).toEqual({ docType: 'report-annual', category: 'B25', startsOn: '2027-01-01', endsOn: '2051-12-31' });
    expect(reportRetention('nonsense', R)).toBeNull();
    expect(periodOf('2020-06-30', { jrwaSymbol: '', category: 'A', years: null })).toEqual({ startsOn: '2021-01-01', endsOn: null, eligibleFrom: null });
  });
});

describe('retention settings schema', () => {
  it('defaults: assistant files B10, reports B5 / B25', () => {
    expect(retentionRulesSchema.parse(DEFAULT_RETENTION_RULES)).toEqual(DEFAULT_RETENTION_RULES);
    expect(categoryLabel(R.rules['case-file'])).toBe('B10');
    expect(categoryLabel(R.rules['report-half-year'])).toBe('B5');
    expect(categoryLabel(R.rules['report-annual'])).toBe('B25');
  });

  it('refuses B without years, A with years, a missing document type, and explains in Polish', () => {
    const bad = (rule: unknown) => retentionRulesSchema.safeParse({ rules: { ...R.rules, 'case-file': rule } });
    const r1 = bad({ jrwaSymbol: '', category: 'B', years: null });
    expect(r1.success).toBe(false);
    expect(r1.error?.issues[0]?.message).toContain('wymaga liczby lat');
    expect(bad({ jrwaSymbol: '', category: 'A', years: 10 }).success).toBe(false);
    expect(bad({ jrwaSymbol: '', category: 'B', years: 0 }).error?.issues[0]?.message).toBe('Okres przechowywania: co najmniej 1 rok.');
    expect(bad({ jrwaSymbol: '', category: 'C', years: 3 }).error?.issues[0]?.message).toContain('wybierz A, B albo BE');
    const { court: _c, ...missing } = R.rules;
    expect(retentionRulesSchema.safeParse({ rules: missing }).success).toBe(false);
  });
});
