/**
 * Issue 4 through the dispatcher on the real encrypted database: assessments and the case moving
 * on, plan versions (diff, earlier version readable, stale revision), visits with locking and
 * addenda, the monthly report, closure rules and monitoring, reopening, authorisation scope,
 * deadlines. Every refusal: a Polish message naming the rule, and nothing stored changes.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/ipc/contract';
import { ASSESSMENT_AREAS } from '../../shared/rules/index';
import { failure, type TestApp, type TestSession } from '../helpers';
import { advanceDays, consentedCase, family, useStaffedOffice, type Staff } from './registryFixtures';

let app: TestApp;
let admin: TestSession;
let team: Staff;
useStaffedOffice((o) => ({ app, admin, team } = o));

/** Moves the clock on; the idle lock then needs the assistant's password again. */
const later = (days: number) => advanceDays({ app, admin, team }, days);

/** Intake -> … -> consent (2026-11-22), as in cases.test.ts. */
const consented = (surname: string, source: 'social-worker' | 'court-order' = 'social-worker') => consentedCase({ admin, team }, surname, source);

function areas(over: Record<string, unknown> = {}) {
  const a: Record<string, unknown> = {};
  ASSESSMENT_AREAS.forEach((x, i) => (a[x.code] = { rating: ((i % 5) - 3) as number, justification: `Uzasadnienie ${x.label}` }));
  return { ...a, ...over } as ChannelInput<'assessments:create'>['areas'];
}

const assessment = (caseId: string, kind: 'initial' | 'periodic' | 'final', assessedOn: string, over: Partial<ChannelInput<'assessments:create'>> = {}): ChannelInput<'assessments:create'> => ({
  caseId,
  kind,
  assessedOn,
  areas: areas(),
  strengths: 'Matka dba o regularne posiłki.',
  familyView: 'Rodzina chce uporządkować finanse.',
  recommendation: 'continue',
  ...(kind === 'final'
    ? { recommendationNote: 'Rodzina funkcjonuje samodzielnie.', monitoringPlan: 'Monitoring przez 3 miesiące: telefon co dwa tygodnie, jedna wizyta w miesiącu.' }
    : {}),
  ...over,
});

const plan = (caseId: string, basedOnVersion: number | null, over: Partial<ChannelInput<'plans:save'>> = {}): ChannelInput<'plans:save'> => ({
  caseId,
  basedOnVersion,
  drawnUpOn: '2026-11-22',
  mainGoal: 'Poprawa sytuacji finansowej i opieki nad dziećmi',
  consultedWithSocialWorker: true,
  goals: [
    {
      id: 'g1',
      title: 'Uporządkowanie budżetu domowego',
      areaCode: 'FINANCES',
      actions: [
        { id: 'a1', description: 'Plan spłaty zadłużenia czynszowego', responsible: 'Anna (matka)', responsibleKind: 'family', dueDate: '2027-01-31', expectedEffect: 'Zawarte porozumienie ze spółdzielnią' },
        { id: 'a2', description: 'Trening budżetowy', responsible: 'asystent', responsibleKind: 'assistant', dueDate: '2027-02-28', expectedEffect: 'Miesięczny budżet prowadzony samodzielnie' },
      ],
    },
  ],
  ...over,
});

const visit = (caseId: string, over: Partial<ChannelInput<'entries:create'>> = {}): ChannelInput<'entries:create'> => ({
  caseId,
  kind: 'visit',
  on: '2026-11-22',
  start: '10:00',
  end: '11:30',
  place: 'home',
  participants: ['Anna (matka)', 'Zuzanna'],
  doneSinceLast: 'Opłacono rachunek za prąd.',
  agreedFamily: 'Zebrać dokumenty do spółdzielni.',
  agreedAssistant: 'Umówić spotkanie w spółdzielni.',
  km: 12.5,
  ...over,
});

describe('assessments and the work plan', () => {
  it('initial assessment moves the case on; bad ratings and future dates are refused and nothing is stored', async () => {
    const { c } = await consented('Wójcik');
    const ar = team.ar.s;
    // Out of scale, missing justification, future date: refused with Polish messages naming the rule.
    const bad = await ar.call('assessments:create', assessment(c.id, 'initial', '2026-11-22', { areas: areas({ HOUSING: { rating: 5, justification: 'x' }, WORK: { rating: -1, justification: '' } }) }));
    expect(failure(bad).code).toBe('RULE_BLOCKED');
    if (bad.ok) return;
    expect(bad.error.message).toContain('poza skalą od −3 do +2');
    expect(bad.error.findings?.map((f) => f.code)).toEqual(expect.arrayContaining(['ASSESSMENT_RATING_OUT_OF_SCALE', 'ASSESSMENT_JUSTIFICATION_MISSING']));
    expect(bad.error.findings?.find((f) => f.code === 'ASSESSMENT_RATING_OUT_OF_SCALE')?.basis).toContain('art. 15 ust. 1 pkt 15');
    const future = await ar.call('assessments:create', assessment(c.id, 'initial', '2026-11-23'));
    expect(failure(future).message).toContain('późniejsza niż dzisiejsza');
    expect(await ar.ok('assessments:list', { caseId: c.id })).toEqual([]);
    expect((await ar.ok('cases:get', { id: c.id })).state).toBe('ZGODA');

    // A plan before the initial assessment is refused.
    const early = await ar.call('plans:save', plan(c.id, null));
    expect(failure(early).findings?.[0]?.code).toBe('WORK_PLAN_NEEDS_INITIAL_ASSESSMENT');

    const ok = await ar.ok('assessments:create', assessment(c.id, 'initial', '2026-11-22'));
    expect(ok.case?.state).toBe('OCENA_WSTEPNA');
    expect(ok.assessment.previous).toBeNull();
    // A second initial assessment is refused.
    const again = await ar.call('assessments:create', assessment(c.id, 'initial', '2026-11-22'));
    expect(failure(again).findings?.[0]?.code).toBe('ASSESSMENT_INITIAL_EXISTS');

    // Goal suggestions: the lowest-rated areas first.
    const cur = await ar.ok('plans:current', { caseId: c.id });
    expect(cur.plan).toBeNull();
    expect(cur.suggestedAreas[0]).toMatchObject({ rating: -3 });
    expect(cur.suggestedAreas.every((s) => s.rating < 0)).toBe(true);

    // The social worker reads assessments and plans of the families they see, but cannot write.
    const psRead = await team.ps.s.call('assessments:list', { caseId: c.id });
    expect(psRead.ok).toBe(true);
    const psWrite = await team.ps.s.call('plans:save', plan(c.id, null));
    expect(failure(psWrite).code).toBe('FORBIDDEN');
    // Another assistant cannot touch the case.
    const other = await team.ar2.s.call('assessments:create', assessment(c.id, 'periodic', '2026-11-22'));
    expect(failure(other).code).toBe('FORBIDDEN');
  });

  it('plan versions: invalid plan refused with the rule, revision keeps v1 readable with a diff, a stale revision is STALE_EDIT', async () => {
    const { c } = await consented('Nowak');
    const ar = team.ar.s;
    await ar.ok('assessments:create', assessment(c.id, 'initial', '2026-11-22'));
    // T40: an action without a due date or an expected effect.
    const p0 = plan(c.id, null);
    const bad = await ar.call('plans:save', { ...p0, goals: [{ ...p0.goals[0]!, actions: [{ description: 'terapia uzależnień – ojciec', responsible: 'ojciec', responsibleKind: 'family', dueDate: '', expectedEffect: '' }] }] });
    expect(failure(bad).code).toBe('RULE_BLOCKED');
    if (bad.ok) return;
    expect(bad.error.findings?.map((f) => f.code)).toEqual(expect.arrayContaining(['WORK_PLAN_ACTION_DUE_DATE_MISSING', 'WORK_PLAN_ACTION_EFFECT_MISSING']));
    expect(bad.error.message).toContain('brak terminu realizacji');
    expect(bad.error.findings?.[0]?.basis).toContain('art. 15 ust. 3');
    expect((await ar.ok('plans:versions', { caseId: c.id })).length).toBe(0);

    const v1 = await ar.ok('plans:save', p0);
    expect(v1.plan.versionNo).toBe(1);
    expect(v1.case?.state).toBe('PLAN_PRACY');

    // Revision: a new goal, a changed due date; v1 stays readable.
    await later(2);
    const p1 = plan(c.id, 1, { drawnUpOn: '2026-11-24', changeNote: 'Po wizycie: dodano cel dot. szkoły.' });
    p1.goals[0]!.actions[0]!.dueDate = '2027-03-31';
    p1.goals.push({ id: 'g2', title: 'Regularne uczęszczanie Zuzanny do szkoły', areaCode: 'CHILD_FUNCTIONING', actions: [{ id: 'a3', description: 'Kontakt z wychowawcą co 2 tygodnie', responsible: 'Anna (matka)', responsibleKind: 'family', dueDate: '2027-01-15', expectedEffect: 'Frekwencja powyżej 90%' }] });
    const v2 = await ar.ok('plans:save', p1);
    expect(v2.plan.versionNo).toBe(2);
    expect(v2.plan.diff.map((d) => d.kind).sort()).toEqual(['action-changed', 'goal-added', 'plan-changed']);
    expect(v2.plan.diff.find((d) => d.kind === 'action-changed')).toMatchObject({ field: 'dueDate', from: '2027-01-31', to: '2027-03-31' });
    const versions = await ar.ok('plans:versions', { caseId: c.id });
    expect(versions.map((v) => [v.versionNo, v.isCurrent, v.goals.length])).toEqual([
      [2, true, 2],
      [1, false, 1],
    ]);
    expect(versions[1]!.goals[0]!.actions[0]!.dueDate).toBe('2027-01-31');

    // Someone saves a revision based on v1 after v2 exists: refused, nothing stored.
    const stale = await ar.call('plans:save', plan(c.id, 1, { drawnUpOn: '2026-11-24', changeNote: 'stara kopia' }));
    expect(failure(stale).code).toBe('STALE_EDIT');
    expect(failure(stale).message).toContain('nowszą wersję');
    expect((await ar.ok('plans:versions', { caseId: c.id })).length).toBe(2);
    const audit = await admin.ok('audit:list', { action: 'plan.revise' });
    expect(audit.items[0]?.details).toMatchObject({ versionNo: 2 });

    // Periodic assessment (art. 15 ust. 1 pkt 15): it assesses each goal of the plan in force
    // (version 2) and names the next assessment, at most six months ahead.
    const lacking = await ar.call('assessments:create', assessment(c.id, 'periodic', '2026-11-24'));
    expect(failure(lacking).code).toBe('RULE_BLOCKED');
    expect(failure(lacking).findings?.filter((f) => f.severity === 'blocker').map((f) => f.code)).toEqual([
      'ASSESSMENT_GOAL_NOT_ASSESSED',
      'ASSESSMENT_GOAL_NOT_ASSESSED',
      'ASSESSMENT_NEXT_DATE_MISSING',
    ]);
    expect(failure(lacking).message).toContain('„Uporządkowanie budżetu domowego” planu pracy obowiązującego w tym dniu (wersja 2 z 24.11.2026)');
    expect(failure(lacking).fields).toMatchObject({ goalAttainment: expect.any(String), nextAssessmentOn: expect.stringContaining('najpóźniej 24.05.2027') });
    const tooLate = await ar.call('assessments:create', assessment(c.id, 'periodic', '2026-11-24', { nextAssessmentOn: '2027-05-25' }));
    expect(failure(tooLate).findings?.map((f) => f.code)).toContain('ASSESSMENT_NEXT_DATE_TOO_LATE');
    expect(await ar.ok('assessments:list', { caseId: c.id })).toHaveLength(1);
    const goals = [
      { goalId: 'g1', goal: 'Uporządkowanie budżetu domowego', status: 'partly' as const, evidence: 'Porozumienie ze spółdzielnią podpisane.' },
      { goalId: 'g2', goal: 'Regularne uczęszczanie Zuzanny do szkoły', status: 'achieved' as const, evidence: 'Frekwencja 95%.' },
    ];
    const prepared = await ar.ok('assessments:prepare', { caseId: c.id, kind: 'periodic' });
    expect(prepared.record.planInForce?.goals.map((g) => g.id)).toEqual(['g1', 'g2']);
    expect(prepared.record.periodFrom).toBe('2026-11-22');
    const periodic = await ar.ok(
      'assessments:create',
      assessment(c.id, 'periodic', '2026-11-24', { areas: areas({ FINANCES: { rating: 1, justification: 'Spłaty na bieżąco.' } }), goalAttainment: goals, nextAssessmentOn: '2027-05-24' }),
    );
    expect(periodic.assessment.goalAttainment).toHaveLength(2);
    expect(periodic.assessment.nextAssessmentOn).toBe('2027-05-24');
    expect(periodic.assessment.previous?.kind).toBe('initial');
    expect(periodic.assessment.comparison?.improved).toBeGreaterThan(0);
    expect(periodic.assessment.distribution?.recipients.map((r) => r.role)).toEqual(['head', 'social-worker']);
    const trend = await ar.ok('assessments:trend', { caseId: c.id });
    expect(trend.assessments.map((a) => a.kind)).toEqual(['initial', 'periodic']);
    expect(trend.areas.find((a) => a.code === 'FINANCES')?.ratings).toEqual([-2, 1]);
  });
});

describe('visits, locking and addenda', () => {
  it('refuses a future visit and an end before the start; locks after N days; corrections are dated addenda', async () => {
    const { c } = await consented('Kowalska');
    const ar = team.ar.s;
    const future = await ar.call('entries:create', visit(c.id, { on: '2026-11-30' }));
    expect(failure(future).code).toBe('RULE_BLOCKED');
    expect(failure(future).message).toContain('późniejsza niż dzisiejsza');
    expect(failure(future).fields?.on).toBeDefined();
    const backwards = await ar.call('entries:create', visit(c.id, { start: '12:00', end: '11:00' }));
    expect(failure(backwards).findings?.[0]?.code).toBe('VISIT_END_BEFORE_START');
    expect(failure(backwards).message).toContain('Godzina zakończenia (11:00) jest wcześniejsza');
    const failedNoReason = await ar.call('entries:create', { caseId: c.id, kind: 'failed-visit', on: '2026-11-22' });
    expect(failure(failedNoReason).findings?.[0]?.code).toBe('VISIT_FAILED_REASON_MISSING');
    expect(await ar.ok('entries:list', { caseId: c.id })).toEqual([]);

    const v = (await ar.ok('entries:create', visit(c.id))).entry;
    expect(v).toMatchObject({ minutes: 90, km: 12.5, locked: false, lockedOn: '2026-11-29', authorName: 'Agnieszka Śliwińska' });
    await ar.ok('entries:create', { caseId: c.id, kind: 'note', on: '2026-11-22', text: 'Telefon ze szkoły: Zuzanna nieobecna 3 dni.', informed: 'pedagog szkolny' });
    // Editable within the lock period.
    const edited = await ar.ok('entries:update', { ...visit(c.id), id: v.id, version: v.version, agreedFamily: 'Zebrać dokumenty (poprawione).' });
    expect(edited.entry.version).toBe(2);

    // Eight days later: locked. Edits and deletion refused, nothing changes.
    await later(8);
    const locked = await ar.call('entries:update', { ...visit(c.id), id: v.id, version: 2, agreedFamily: 'cicha zmiana' });
    expect(failure(locked).code).toBe('RULE_BLOCKED');
    expect(failure(locked).message).toContain('jest zablokowany od 29.11.2026');
    const del = await ar.call('entries:delete', { id: v.id, version: 2 });
    expect(failure(del).findings?.[0]?.code).toBe('ENTRY_LOCKED');
    const emptyAdd = await ar.call('entries:addendum', { targetType: 'entry', targetId: v.id, text: '  ' });
    expect(failure(emptyAdd).findings?.[0]?.code).toBe('ADDENDUM_TEXT_MISSING');
    const add = await ar.ok('entries:addendum', { targetType: 'entry', targetId: v.id, text: 'Korekta: w wizycie uczestniczył także Antoni.' });
    expect(add.authorName).toBe('Agnieszka Śliwińska');
    const after = await ar.ok('entries:get', { id: v.id });
    expect(after).toMatchObject({ locked: true, version: 2, agreedFamily: 'Zebrać dokumenty (poprawione).' });
    expect(after.addenda.map((a) => a.text)).toEqual(['Korekta: w wizycie uczestniczył także Antoni.']);
    expect(after.addenda[0]!.createdAt.startsWith('2026-11-30')).toBe(true);

    // Another user's entry cannot be edited by someone who is not its author or the head.
    expect((await team.ar2.s.call('entries:get', { id: v.id })).ok).toBe(false);

    // Visit gap warning (T47) and the monthly report.
    await later(9);
    const late = await ar.ok('entries:create', visit(c.id, { on: '2026-12-08', start: '09:00', end: '10:00', km: 10 }));
    expect(late.findings.map((f) => f.code)).toContain('VISIT_GAP_EXCEEDED');
    const nov = await ar.ok('reports:monthly', { caseId: c.id, month: '2026-11' });
    expect(nov).toMatchObject({ visits: 1, notes: 1, minutes: 90, hours: 1.5, km: 12.5 });
    const dec = await ar.ok('reports:monthly', { caseId: c.id, month: '2026-12' });
    expect(dec).toMatchObject({ visits: 1, minutes: 60, km: 10 });
    const audit = await admin.ok('audit:list', { action: 'entry.update_refused' });
    expect(audit.items[0]?.details?.codes).toEqual(['ENTRY_LOCKED']);
  });
});

describe('closure, monitoring, reopening', () => {
  it('closure needs a final assessment and a proper reason; closing starts monitoring; reopening links a new case', async () => {
    const { c } = await consented('Zielińska');
    const ar = team.ar.s;
    await ar.ok('assessments:create', assessment(c.id, 'initial', '2026-11-22'));
    let cur = await ar.ok('cases:get', { id: c.id });
    const close = (over: Partial<ChannelInput<'closure:close'>> = {}) =>
      ar.call('closure:close', { caseId: c.id, version: cur.version, on: '2026-11-22', reason: 'CEL', ...over });
    // T42: no final assessment.
    const noFinal = await close();
    expect(failure(noFinal).code).toBe('RULE_BLOCKED');
    expect(failure(noFinal).message).toBe('Zakończenie pracy z rodziną wymaga oceny końcowej.');
    await ar.ok('assessments:create', assessment(c.id, 'final', '2026-11-22', { recommendation: 'close' }));
    // A temporary placement is not a closure reason.
    const placement = await close({ reason: 'PIECZA_BEZ_POWROTU' });
    expect(failure(placement).findings?.map((f) => f.code)).toContain('CLOSURE_PLACEMENT_NOT_CONFIRMED_PERMANENT');
    expect((await ar.ok('cases:get', { id: c.id })).state).toBe('OCENA_WSTEPNA');
    // "Osiągnięcie celów" while the final assessment rates areas at −3 and −2: refused unless justified.
    const contested = await close();
    expect(failure(contested).findings?.find((f) => f.severity === 'blocker')?.code).toBe('CLOSURE_REASON_CONTRADICTS_FINAL_ASSESSMENT');
    expect(failure(contested).message).toContain('Warunki mieszkaniowe i bytowe (−3)');
    expect(failure(contested).fields).toMatchObject({ reasonJustification: expect.any(String) });
    const reasonJustification = 'Cele planu dotyczące dzieci osiągnięte; warunki mieszkaniowe poza zakresem planu (sprawa lokalowa w gminie).';
    const check = await ar.ok('closure:check', { caseId: c.id, version: cur.version, on: '2026-11-22', reason: 'CEL', reasonJustification });
    expect(check).toMatchObject({ allowed: true, monitoringEndsOn: '2027-02-22' });
    expect(check.findings.map((f) => f.code)).toContain('CLOSURE_REASON_JUSTIFIED');

    const closed = await close({ reasonJustification });
    expect(closed.ok).toBe(true);
    if (!closed.ok) return;
    expect(closed.value.case).toMatchObject({ state: 'MONITORING', closureReason: 'CEL', closedOn: '2026-11-22' });
    expect(closed.value.monitoringEndsOn).toBe('2027-02-22');
    expect(closed.value.findings.map((f) => f.code)).toContain('MONITORING_STARTS');
    // The monitoring contact log; ordinary visits are no longer recorded.
    expect((await ar.ok('entries:create', { caseId: c.id, kind: 'monitoring', on: '2026-11-22', text: 'Telefon do matki: sytuacja stabilna.' })).entry.kind).toBe('monitoring');
    const v = await ar.call('entries:create', visit(c.id));
    expect(failure(v).findings?.[0]?.code).toBe('ENTRY_WRONG_STATE');
    // Deadlines: the monitoring end for the assistant.
    const mine = await ar.ok('deadlines:mine', {});
    expect([...mine.overdue, ...mine.dueSoon, ...mine.upcoming].find((i) => i.kind === 'MONITORING_END')?.dueDate).toBe('2027-02-22');

    // Reopening: a new case linked to the old one.
    const re = await team.ps.s.ok('closure:reopen', { caseId: c.id, learnedOn: '2026-11-22', description: 'Ponowne trudności' });
    expect(re.case).toMatchObject({ state: 'ZGLOSZENIE', familyId: c.familyId });
    expect(re.previousCaseId).toBe(c.id);
    // The head ends monitoring early (warning) -> archive.
    cur = await admin.ok('cases:get', { id: c.id });
    const end = await admin.ok('closure:endMonitoring', { caseId: c.id, version: cur.version, on: '2026-11-22' });
    expect(end.case.state).toBe('ARCHIWUM');
    expect(end.findings.map((f) => f.code)).toContain('MONITORING_NOT_ENDED');
  });

  it('T43: a court-ordered family cannot close by resignation; the assistant cannot close it at all', async () => {
    const { c } = await consented('Lewandowska', 'court-order');
    const ar = team.ar.s;
    await ar.ok('assessments:create', assessment(c.id, 'initial', '2026-11-22'));
    await ar.ok('assessments:create', assessment(c.id, 'final', '2026-11-22'));
    const cur = await ar.ok('cases:get', { id: c.id });
    const r = await ar.call('closure:close', { caseId: c.id, version: cur.version, on: '2026-11-22', reason: 'REZYGNACJA' });
    expect(failure(r).findings?.map((f) => f.code)).toEqual(expect.arrayContaining(['CLOSURE_RESIGNATION_NOT_ALLOWED_COURT_ORDER', 'CLOSURE_COURT_ORDER_HEAD_ONLY']));
    expect(failure(r).message).toContain('postanowieniem sądu');
    const byHead = await admin.ok('closure:close', { caseId: c.id, version: cur.version, on: '2026-11-22', reason: 'SAD', courtInformedOn: '2026-11-22' });
    expect(byHead.case.state).toBe('MONITORING');
  });
});

describe('Za życiem catalogue and authorisations', () => {
  it('an application on the family\u2019s behalf outside a valid authorisation is refused; within scope it is stored', async () => {
    const ps = team.ps.s;
    const f = (await ps.ok('families:create', family('Mazur'))).family;
    let c = (await ps.ok('zz:request', { familyId: f.id, category: 'ZZ1', receivedOn: '2026-11-20', documents: { pregnancyDocument: true } })).case;
    c = (await ps.ok('zz:verify', { caseId: c.id, version: c.version, verifiedOn: '2026-11-21', category: 'ZZ1', documents: { pregnancyDocument: true } })).case;
    c = (await admin.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'assign', assistantId: team.ar.id, decidedOn: '2026-11-22' } })).case;
    c = (await team.ar.s.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordConsent', basis: { kind: 'written-consent', consentOn: '2026-11-22' } } })).case;
    const ar = team.ar.s;
    const item = { caseId: c.id, area: 'health' as const, title: 'Wniosek o skierowanie do poradni genetycznej', provider: 'Poradnia Genetyczna w Toruniu', status: 'applied' as const, onBehalf: true, appliedOn: '2026-11-22' };
    const refused = await ar.call('catalogue:create', item);
    expect(failure(refused).code).toBe('RULE_BLOCKED');
    expect(failure(refused).message).toContain('Brak ważnego pisemnego upoważnienia');
    expect(failure(refused).findings?.[0]?.basis).toContain('art. 8');
    expect(await ar.ok('catalogue:list', { caseId: c.id })).toEqual([]);

    // A special authorisation for another institution does not cover it.
    const mother = (await ar.ok('families:get', { id: f.id })).members.find((m) => !m.isChild)!;
    const auth = await ar.ok('authorisations:create', {
      familyId: f.id,
      caseId: c.id,
      kind: 'special',
      grantors: [{ memberId: mother.id, name: 'Anna Mazur' }],
      granteeId: team.ar.id,
      institutions: ['ZUS'],
      matters: ['zasiłek'],
      signedOn: '2026-11-22',
      validFrom: '2026-11-22',
      validTo: '2027-05-22',
    });
    const stillRefused = await ar.call('catalogue:create', item);
    expect(failure(stillRefused).findings?.map((x) => x.code)).toEqual(['AUTHORISATION_NONE', 'AUTHORISATION_OUT_OF_SCOPE']);
    // A child cannot sign an authorisation.
    const child = (await ar.ok('families:get', { id: f.id })).members.find((m) => m.isChild)!;
    const byChild = await ar.call('authorisations:create', { familyId: f.id, kind: 'general', grantors: [{ memberId: child.id, name: 'dziecko' }], granteeId: team.ar.id, signedOn: '2026-11-22', validFrom: '2026-11-22' });
    expect(failure(byChild).findings?.[0]?.code).toBe('AUTHORISATION_NO_ADULT_GRANTOR');

    await ar.ok('authorisations:create', {
      familyId: f.id,
      caseId: c.id,
      kind: 'special',
      grantors: [{ memberId: mother.id, name: 'Anna Mazur' }],
      granteeId: team.ar.id,
      institutions: ['Poradnia Genetyczna'],
      matters: ['skierowanie'],
      signedOn: '2026-11-22',
      validFrom: '2026-11-22',
      validTo: '2027-05-22',
    });
    const stored = await ar.ok('catalogue:create', item);
    expect(stored.item.authorisationId).not.toBeNull();
    expect((await ar.ok('cases:get', { id: c.id })).state).toBe('KATALOG_WSPARCIA');
    // Revoked: no longer covers.
    await ar.ok('authorisations:revoke', { id: auth.authorisation.id, version: auth.authorisation.version, revokedOn: '2026-11-22' });
    const chk = await ar.ok('authorisations:check', { familyId: f.id, granteeId: team.ar.id, institution: 'ZUS', matter: 'zasiłek', on: '2026-11-22' });
    expect(chk.allowed).toBe(false);
  });
});

describe('deadlines and drafts', () => {
  it('the morning screen: the assistant sees their cases, the head all assistants with caseloads; drafts are per user', async () => {
    const { c } = await consented('Dąbrowska');
    const mine = await team.ar.s.ok('deadlines:mine', {});
    const all = [...mine.overdue, ...mine.dueSoon, ...mine.upcoming];
    expect(all.map((i) => i.kind)).toEqual(expect.arrayContaining(['INITIAL_ASSESSMENT_DUE', 'WORK_PLAN_DUE', 'PERIODIC_ASSESSMENT_DUE']));
    expect(all.every((i) => i.caseId === c.id)).toBe(true);
    expect(all.find((i) => i.kind === 'PERIODIC_ASSESSMENT_DUE')?.dueDate).toBe('2027-05-22');
    expect((await team.ar2.s.ok('deadlines:mine', {})).counts).toEqual({ overdue: 0, dueSoon: 0, upcoming: 0 });
    const head = await admin.ok('deadlines:all', {});
    expect(head.assistants.find((a) => a.id === team.ar.id)).toMatchObject({ count: 1, limit: 15 });
    expect(head.assistants.find((a) => a.id === team.ar2.id)).toMatchObject({ count: 0, limit: 12 });
    expect((await team.ar.s.call('deadlines:all', {})).ok).toBe(false);
    // Statistics: no false alarm for a report due before the office was set up here (2026-11-22):
    // H1 2026 was due 2026-07-31, so it is not chased.
    const before = [...head.overdue, ...head.dueSoon, ...head.upcoming].filter((i) => i.kind.startsWith('STATISTICS'));
    expect(before.map((i) => i.ref)).not.toContain('2026-H1');

    // Drafts: saved, restored, private to the user, deleted.
    await team.ar.s.ok('drafts:save', { formKey: `visit:${c.id}`, data: { text: 'Wizyta — w trakcie pisania' } });
    expect((await team.ar.s.ok('drafts:get', { formKey: `visit:${c.id}` }))?.data).toEqual({ text: 'Wizyta — w trakcie pisania' });
    expect(await team.ar2.s.ok('drafts:get', { formKey: `visit:${c.id}` })).toBeNull();
    await team.ar.s.ok('drafts:delete', { formKey: `visit:${c.id}` });
    expect(await team.ar.s.ok('drafts:get', { formKey: `visit:${c.id}` })).toBeNull();

    // H2 2026 is due 2027-01-31: chased once overdue, until the head marks it filed.
    await later(71);
    const late = await admin.ok('deadlines:all', {});
    expect(late.overdue.filter((i) => i.kind.startsWith('STATISTICS')).map((i) => i.ref)).toEqual(['2026-H2']);
    await admin.ok('statistics:markFiled', { period: '2026-H2', filedOn: '2027-02-01' });
    const after = await admin.ok('deadlines:all', {});
    expect([...after.overdue, ...after.dueSoon, ...after.upcoming].filter((i) => i.kind.startsWith('STATISTICS'))).toEqual([]);
  });
});
