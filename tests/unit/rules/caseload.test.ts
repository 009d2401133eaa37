import { describe, it, expect } from 'vitest';
import { checkCaseload, CASELOAD_STATUTORY_LIMIT, findingsBlock } from '../../../shared/rules/index';
import type { CaseloadPhase } from '../../../shared/rules/index';

const families = (n: number, phase: CaseloadPhase = 'active', prefix = 'F') =>
  Array.from({ length: n }, (_, i) => ({ familyId: `${prefix}${i + 1}`, phase }));
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe('art. 15 ust. 4: an assistant works with at most 15 families at once', () => {
  it('the statutory limit is 15', () => {
    expect(CASELOAD_STATUTORY_LIMIT).toBe(15);
  });
  it('T01: a 16th family is refused', () => {
    const r = checkCaseload({ cases: families(15), candidateFamilyId: 'F16' });
    expect(r.allowed).toBe(false);
    expect(r.countBefore).toBe(15);
    expect(r.countAfter).toBe(16);
    expect(r.limit).toBe(15);
    expect(codes(r)).toContain('CASELOAD_LIMIT_REACHED');
    expect(findingsBlock(r.findings)).toBe(true);
    const f = r.findings.find((x) => x.code === 'CASELOAD_LIMIT_REACHED');
    expect(f?.severity).toBe('blocker');
    expect(f?.basis).toBe('art. 15 ust. 4 ustawy o wspieraniu rodziny i systemie pieczy zastępczej');
    expect(f?.message).toMatch(/limit to 15/);
  });
  it('the 15th family is allowed (limit reached, not exceeded)', () => {
    const r = checkCaseload({ cases: families(14), candidateFamilyId: 'F15' });
    expect(r).toMatchObject({ allowed: true, countBefore: 14, countAfter: 15, limit: 15 });
    expect(codes(r)).toContain('CASELOAD_LIMIT_WILL_BE_REACHED');
    expect(findingsBlock(r.findings)).toBe(false);
  });
  it('T02: families in post-closure monitoring are not counted by default (14 active + 3 monitoring -> 15)', () => {
    const r = checkCaseload({ cases: [...families(14), ...families(3, 'monitoring', 'M')], candidateFamilyId: 'NEW' });
    expect(r).toMatchObject({ allowed: true, countBefore: 14, countAfter: 15 });
    expect(codes(r)).toContain('CASELOAD_MONITORING_NOT_COUNTED');
  });
  it('monitoring counts when the OPS setting countMonitoring is on', () => {
    const r = checkCaseload({
      cases: [...families(14), ...families(3, 'monitoring', 'M')],
      candidateFamilyId: 'NEW',
      countMonitoring: true,
    });
    expect(r).toMatchObject({ allowed: false, countBefore: 17 });
  });
  it('T03: after F3 moves to monitoring, F16 may be assigned (14 + 1 = 15)', () => {
    const cases = families(15).map((c) => (c.familyId === 'F3' ? { ...c, phase: 'monitoring' as const } : c));
    expect(checkCaseload({ cases, candidateFamilyId: 'F16' })).toMatchObject({ allowed: true, countBefore: 14, countAfter: 15 });
  });
  it('suspended cases count; closed cases never count', () => {
    const cases = [...families(10), ...families(5, 'suspended', 'S'), ...families(20, 'closed', 'C')];
    expect(checkCaseload({ cases, candidateFamilyId: 'NEW' })).toMatchObject({ allowed: false, countBefore: 15 });
    expect(checkCaseload({ cases, candidateFamilyId: 'NEW', countMonitoring: true })).toMatchObject({ countBefore: 15 });
  });
  it('a family is counted once however many cases (tracks) it has with the assistant', () => {
    const cases = [
      ...families(13),
      { familyId: 'F1', phase: 'active' as const },
      { familyId: 'F1', phase: 'suspended' as const },
      { familyId: 'F2', phase: 'active' as const },
    ];
    expect(checkCaseload({ cases, candidateFamilyId: 'NEW' })).toMatchObject({ countBefore: 13, countAfter: 14, allowed: true });
  });
  it('a family that already counts may get another case, even at the limit (e.g. a Za życiem track next to a general one)', () => {
    const r = checkCaseload({ cases: families(15), candidateFamilyId: 'F7' });
    expect(r).toMatchObject({ allowed: true, countBefore: 15, countAfter: 15 });
    expect(codes(r)).toContain('CASELOAD_FAMILY_ALREADY_COUNTED');
  });
  it('a family that already counts may get another case even when a lowered personal limit is exceeded', () => {
    const r = checkCaseload({ cases: families(12), candidateFamilyId: 'F1', personalLimit: 10 });
    expect(r).toMatchObject({ allowed: true, countBefore: 12, countAfter: 12, limit: 10 });
    expect(codes(r)).toContain('CASELOAD_OVER_LIMIT');
  });
  it('a family only in monitoring does not count, so assigning it a new case adds one', () => {
    const r = checkCaseload({ cases: [...families(15), { familyId: 'M1', phase: 'monitoring' }], candidateFamilyId: 'M1' });
    expect(r).toMatchObject({ allowed: false, countBefore: 15, countAfter: 16 });
  });
  it('T06: a personal limit of 12 (part-time) refuses the 13th family although 13 < 15', () => {
    const r = checkCaseload({ cases: families(12), candidateFamilyId: 'NEW', personalLimit: 12 });
    expect(r).toMatchObject({ allowed: false, countBefore: 12, countAfter: 13, limit: 12 });
    expect(codes(r)).toContain('CASELOAD_LIMIT_REACHED');
    expect(codes(r)).toContain('CASELOAD_PERSONAL_LIMIT_APPLIED');
  });
  it('a personal limit above 15 cannot raise the statutory limit', () => {
    const r = checkCaseload({ cases: families(15), candidateFamilyId: 'NEW', personalLimit: 20 });
    expect(r).toMatchObject({ allowed: false, limit: 15 });
    expect(codes(r)).toContain('CASELOAD_PERSONAL_LIMIT_ABOVE_STATUTORY');
  });
  it('a personal limit of 0 refuses every new family', () => {
    expect(checkCaseload({ cases: [], candidateFamilyId: 'X', personalLimit: 0 })).toMatchObject({ allowed: false, limit: 0 });
  });
  it('an invalid personal limit is a RangeError', () => {
    expect(() => checkCaseload({ cases: [], candidateFamilyId: 'X', personalLimit: -1 })).toThrow(RangeError);
    expect(() => checkCaseload({ cases: [], candidateFamilyId: 'X', personalLimit: 2.5 })).toThrow(RangeError);
  });
  it('T48: a substitute with 13 families can cover two more of a colleague’s families, the third is refused', () => {
    let cases = families(13, 'active', 'B');
    const results = ['A1', 'A2', 'A3'].map((id) => {
      const r = checkCaseload({ cases, candidateFamilyId: id });
      if (r.allowed) cases = [...cases, { familyId: id, phase: 'active' }];
      return r.allowed;
    });
    expect(results).toEqual([true, true, false]);
  });
  it('an empty caseload allows the first family', () => {
    expect(checkCaseload({ cases: [], candidateFamilyId: 'F1' })).toEqual({
      allowed: true,
      countBefore: 0,
      countAfter: 1,
      limit: 15,
      findings: [],
    });
  });
});
