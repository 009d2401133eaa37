import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_AREAS,
  assessmentDistribution,
  assessmentTrend,
  checkCaseClosure,
  checkEntryEdit,
  entryLock,
  mayActForFamily,
  monitoringEndDate,
  monthlyReport,
  planDiff,
  suggestGoalAreas,
  validateEntry,
  type AuthorisationFacts,
  type PlanContent,
} from '../../../shared/rules/index';

const codes = (fs: Array<{ code: string }>) => fs.map((f) => f.code);

describe('entry locking', () => {
  it('locks lockDays after recording; the author or the head may edit before that', () => {
    expect(entryLock({ recordedOn: '2026-11-22', today: '2026-11-28', lockDays: 7 })).toEqual({ locked: false, lockedOn: '2026-11-29' });
    expect(entryLock({ recordedOn: '2026-11-22', today: '2026-11-29', lockDays: 7 }).locked).toBe(true);
    expect(entryLock({ recordedOn: '2028-02-25', today: '2028-03-01', lockDays: 5 }).lockedOn).toBe('2028-03-01'); // leap year
    const base = { entryOn: '2026-11-22', recordedOn: '2026-11-22', today: '2026-11-23', lockDays: 7, authorId: 'a' };
    expect(checkEntryEdit({ ...base, actor: { id: 'a', role: 'assistant' } })).toEqual([]);
    expect(codes(checkEntryEdit({ ...base, actor: { id: 'b', role: 'assistant' } }))).toEqual(['ENTRY_NOT_AUTHOR']);
    expect(checkEntryEdit({ ...base, actor: { id: 'h', role: 'admin' } })).toEqual([]);
    expect(codes(checkEntryEdit({ ...base, today: '2026-12-01', actor: { id: 'h', role: 'admin' } }))).toEqual(['ENTRY_LOCKED']);
  });
});

describe('validateEntry', () => {
  const visit = { kind: 'visit' as const, on: '2026-03-17', start: '10:00', end: '11:00', place: 'home' as const, participants: ['matka'] };
  it('refuses a future date and an end before the start, in Polish', () => {
    const f = validateEntry({ ...visit, on: '2026-03-18' }, { today: '2026-03-17' });
    expect(codes(f)).toEqual(['VISIT_DATE_IN_FUTURE']);
    expect(f[0]!.message).toContain('późniejsza niż dzisiejsza');
    expect(codes(validateEntry({ ...visit, start: '11:00', end: '10:30' }, { today: '2026-03-17' }))).toEqual(['VISIT_END_BEFORE_START']);
    expect(codes(validateEntry({ ...visit, start: '11:00', end: '11:00' }, { today: '2026-03-17' }))).toEqual(['VISIT_END_BEFORE_START']);
    expect(codes(validateEntry({ ...visit, start: null, place: null, participants: [] }, { today: '2026-03-17' }))).toEqual([
      'VISIT_TIME_MISSING',
      'VISIT_PLACE_MISSING',
      'VISIT_PARTICIPANTS_MISSING',
    ]);
  });
  it('T47: warns when the previous visit is more than 14 days back', () => {
    expect(codes(validateEntry(visit, { today: '2026-03-17', previousVisitOn: '2026-03-02' }))).toEqual(['VISIT_GAP_EXCEEDED']);
    expect(validateEntry(visit, { today: '2026-03-17', previousVisitOn: '2026-03-03' })).toEqual([]);
  });
  it('failed visits need a reason; notes need text', () => {
    expect(codes(validateEntry({ kind: 'failed-visit', on: '2026-03-17' }, { today: '2026-03-17' }))).toEqual(['VISIT_FAILED_REASON_MISSING']);
    expect(validateEntry({ kind: 'failed-visit', on: '2026-03-17', failedReason: 'nobody-home' }, { today: '2026-03-17' })).toEqual([]);
    expect(codes(validateEntry({ kind: 'note', on: '2026-03-17', text: ' ' }, { today: '2026-03-17' }))).toEqual(['ENTRY_TEXT_MISSING']);
  });
});

describe('mayActForFamily (domain.md §3.2)', () => {
  const auth = (over: Partial<AuthorisationFacts> = {}): AuthorisationFacts => ({
    id: 'u1',
    kind: 'special',
    granteeId: 'A',
    signedByAdult: true,
    signedOn: '2026-01-10',
    institutions: ['ZUS'],
    matters: ['zasiłek macierzyński'],
    validFrom: '2026-01-10',
    validTo: '2026-06-30',
    ...over,
  });
  const ask = (auths: AuthorisationFacts[], over: Partial<{ granteeId: string; institution: string; matter: string; on: string }> = {}) =>
    mayActForFamily({ authorisations: auths, granteeId: 'A', institution: 'ZUS Oddział w Toruniu', matter: 'Zasiłek macierzyński', on: '2026-03-01', ...over });
  it('allows within scope and validity', () => {
    expect(ask([auth()])).toEqual({ allowed: true, authorisationId: 'u1', findings: [] });
  });
  it('refuses another grantee, revoked, expired, out of scope — with the reason', () => {
    expect(codes(ask([auth({ granteeId: 'B' })]).findings)).toEqual(['AUTHORISATION_NONE', 'AUTHORISATION_OTHER_GRANTEE']);
    expect(codes(ask([auth({ revokedOn: '2026-02-01' })]).findings)).toEqual(['AUTHORISATION_NONE', 'AUTHORISATION_REVOKED']);
    expect(ask([auth({ revokedOn: '2026-03-02' })]).allowed).toBe(true); // revoked later
    expect(codes(ask([auth()], { on: '2026-07-01' }).findings)).toEqual(['AUTHORISATION_NONE', 'AUTHORISATION_EXPIRED']);
    expect(codes(ask([auth()], { institution: 'Urząd Gminy' }).findings)).toEqual(['AUTHORISATION_NONE', 'AUTHORISATION_OUT_OF_SCOPE']);
    expect(codes(ask([auth({ signedByAdult: false })]).findings)).toEqual(['AUTHORISATION_NONE', 'AUTHORISATION_NO_ADULT_GRANTOR']);
    const none = ask([]);
    expect(none.allowed).toBe(false);
    expect(none.findings[0]!.severity).toBe('blocker');
  });
  it('a general authorisation with an empty scope covers every institution and matter; a special one does not', () => {
    expect(ask([auth({ kind: 'general', institutions: [], matters: [], validTo: null })], { institution: 'PCPR', matter: 'turnus' }).allowed).toBe(true);
    expect(ask([auth({ institutions: [], matters: [] })], { institution: 'PCPR', matter: 'turnus' }).allowed).toBe(false);
  });
});

describe('monthly report', () => {
  it('counts entries, hours and km of the month only', () => {
    const r = monthlyReport(
      [
        { id: '1', kind: 'visit', on: '2026-02-03', start: '09:00', end: '10:30', km: 12, goalIds: ['g1'] },
        { id: '2', kind: 'visit', on: '2026-02-28', start: '12:00', end: '13:00', km: 8.5, goalIds: ['g1', 'g2'] },
        { id: '3', kind: 'failed-visit', on: '2026-02-10', km: 12 },
        { id: '4', kind: 'phone', on: '2026-02-11' },
        { id: '5', kind: 'visit', on: '2026-03-01', start: '09:00', end: '10:00' },
      ],
      '2026-02',
    );
    expect(r).toMatchObject({ from: '2026-02-01', to: '2026-02-28', visits: 2, failedVisits: 1, phoneContacts: 1, minutes: 150, hours: 2.5, km: 32.5 });
    expect(r.goals).toEqual([
      { goalId: 'g1', entries: 2 },
      { goalId: 'g2', entries: 1 },
    ]);
    expect(monthlyReport([], '2028-02').to).toBe('2028-02-29');
  });
});

describe('plan versions', () => {
  const base: PlanContent = {
    drawnUpOn: '2026-03-01',
    goals: [{ id: 'g1', title: 'Budżet', areaCode: 'FINANCES', actions: [{ id: 'a1', description: 'Spłata', responsible: 'matka', responsibleKind: 'family', dueDate: '2026-05-31', expectedEffect: 'Porozumienie', status: 'planned' }] }],
    childInFosterCare: false,
    coordinatedWithFosterCareCoordinator: false,
    consultedWithSocialWorker: true,
  };
  it('lists added, removed and changed goals and actions', () => {
    const next: PlanContent = structuredClone(base);
    next.goals[0]!.actions[0]!.status = 'done';
    next.goals[0]!.actions.push({ id: 'a2', description: 'Trening', responsible: 'asystent', responsibleKind: 'assistant', dueDate: '2026-06-30', expectedEffect: 'Budżet', status: 'planned' });
    next.goals.push({ id: 'g2', title: 'Szkoła', actions: [] });
    const d = planDiff(base, next);
    expect(d.map((x) => x.kind)).toEqual(['action-changed', 'action-added', 'goal-added']);
    expect(d[0]).toMatchObject({ field: 'status', from: 'planned', to: 'done' });
    expect(planDiff(next, base).map((x) => x.kind)).toEqual(['goal-removed', 'action-removed', 'action-changed']);
    expect(planDiff(base, structuredClone(base))).toEqual([]);
  });
  it('suggests the lowest-rated areas', () => {
    const s = suggestGoalAreas({ HOUSING: { rating: -1, justification: 'x' }, FINANCES: { rating: -3, justification: 'x' }, WORK: { rating: -3, justification: 'x' }, PARENTING: { rating: 1, justification: 'x' }, ADULT_HEALTH: { notAssessedReason: 'brak danych' } }, 2);
    expect(s.map((x) => x.code)).toEqual(['FINANCES', 'WORK']);
  });
});

describe('assessments: distribution (T49) and trend', () => {
  it('head + social worker + KRPZ of a child in foster care; a missing KRPZ address is a warning', () => {
    const r = assessmentDistribution({
      head: { name: 'Kierownik', address: 'ul. Centralna 7' },
      socialWorker: { name: 'Katarzyna Bąkowska' },
      children: [
        { name: 'Zuzanna', placement: 'home' },
        { name: 'Antoni', placement: 'foster-care', krpz: { name: 'PCPR — koordynator' } },
      ],
    });
    expect(r.recipients.map((x) => x.role)).toEqual(['head', 'social-worker', 'krpz']);
    expect(codes(r.findings)).toEqual(['ASSESSMENT_DISTRIBUTION_KRPZ_ADDRESS_MISSING']);
    expect(r.findings[0]!.severity).toBe('warning');
  });
  it('trend: every area across assessments, oldest first, null where not rated (20 assessments; speed is measured by npm run bench)', () => {
    const list = Array.from({ length: 20 }, (_, i) => ({
      id: `a${i}`,
      kind: (i === 0 ? 'initial' : 'periodic') as 'initial' | 'periodic',
      assessedOn: `20${String(10 + Math.floor(i / 2)).padStart(2, '0')}-${i % 2 ? '09' : '03'}-01`,
      areas: Object.fromEntries(ASSESSMENT_AREAS.map((a, k) => [a.code, k === 0 && i === 3 ? { notAssessedReason: 'nieobecność' } : { rating: (((i + k) % 6) - 3) as -3, justification: 'x' }])),
    }));
    const t = assessmentTrend([...list].reverse());
    expect(t.assessments[0]!.id).toBe('a0');
    expect(t.areas).toHaveLength(ASSESSMENT_AREAS.length);
    expect(t.areas[0]!.ratings[3]).toBeNull();
  });
});

describe('closure', () => {
  it('T41: monitoring of 3 months from the closure', () => {
    expect(monitoringEndDate('2026-10-15')).toBe('2027-01-15');
    expect(monitoringEndDate('2026-11-30')).toBe('2027-02-28');
  });
  it('T42, T43, placement: final assessment, resignation of a court-ordered family, head only, permanence confirmed', () => {
    expect(codes(checkCaseClosure({ source: 'social-worker', reason: 'CEL', on: '2026-10-15', actorRole: 'assistant' }))).toEqual(['CLOSURE_FINAL_ASSESSMENT_MISSING']);
    expect(checkCaseClosure({ source: 'social-worker', reason: 'CEL', finalAssessmentOn: '2026-10-15', on: '2026-10-15', actorRole: 'assistant' })).toEqual([]);
    expect(codes(checkCaseClosure({ source: 'court-order', reason: 'REZYGNACJA', finalAssessmentOn: '2026-06-01', on: '2026-06-01', actorRole: 'assistant' }))).toEqual([
      'CLOSURE_RESIGNATION_NOT_ALLOWED_COURT_ORDER',
      'CLOSURE_COURT_ORDER_SIGN_OFF',
      'CLOSURE_COURT_ORDER_HEAD_ONLY',
      'CLOSURE_COURT_NOT_INFORMED',
    ]);
    expect(codes(checkCaseClosure({ source: 'minor-parent-leaving-institution', reason: 'REZYGNACJA', finalAssessmentOn: '2026-06-01', on: '2026-06-01', actorRole: 'admin' }))).toEqual([
      'CLOSURE_RESIGNATION_NOT_ALLOWED_ART_11_1A',
    ]);
    const p = checkCaseClosure({ source: 'social-worker', reason: 'PIECZA_BEZ_POWROTU', finalAssessmentOn: '2026-06-01', on: '2026-06-01', actorRole: 'assistant' });
    expect(codes(p)).toContain('CLOSURE_PLACEMENT_NOT_CONFIRMED_PERMANENT');
    expect(codes(checkCaseClosure({ source: 'social-worker', reason: 'PIECZA_BEZ_POWROTU', permanentPlacementConfirmed: true, finalAssessmentOn: '2026-06-01', on: '2026-06-01', actorRole: 'assistant' })).includes('CLOSURE_PLACEMENT_NOT_CONFIRMED_PERMANENT')).toBe(false);
  });
});
