/**
 * Documents that agree with the record and with each other (issue 13 item 4): each rule of
 * shared/rules/records.ts as a sentence of the law or of the office's standard.
 */
import { describe, expect, it } from 'vitest';
import {
  assessmentPeriodOf,
  checkAssessmentRecord,
  checkCaseRecord,
  checkClosureAgainstFinalAssessment,
  checkFosterCareCoordinator,
  checkPlanAgainstClosure,
  checkRequestAnalysis,
  factInForce,
  FINDING_DEFINITIONS,
  findingsBlock,
  memberPlausibilityFindings,
  planInForce,
  validateFamilyMembers,
  type CaseRecord,
  type RecordAssessment,
  type RecordPlanVersion,
} from '../../../shared/rules/index';

const codes = (f: ReadonlyArray<{ code: string }>) => f.map((x) => x.code);

const V1: RecordPlanVersion = {
  versionNo: 1,
  drawnUpOn: '2026-02-10',
  goals: [
    { id: 'g1', title: 'Uporządkowanie budżetu domowego' },
    { id: 'g2', title: 'Regularna nauka i frekwencja dzieci' },
  ],
};
const V2: RecordPlanVersion = { versionNo: 2, drawnUpOn: '2026-08-10', goals: [...V1.goals, { id: 'g3', title: 'Leczenie odwykowe ojca' }] };

const periodic = (over: Partial<RecordAssessment> = {}): RecordAssessment => ({
  kind: 'periodic',
  assessedOn: '2026-08-01',
  goalAttainment: [
    { goalId: 'g1', goal: 'Uporządkowanie budżetu domowego', status: 'partly' },
    { goalId: 'g2', goal: 'Regularna nauka i frekwencja dzieci', status: 'achieved' },
  ],
  nextAssessmentOn: '2027-02-01',
  recipients: 2,
  ...over,
});

describe('the plan in force and no plan after the closure (art. 15 ust. 1 pkt 1 and 16)', () => {
  it('the plan in force on a day is the highest version drawn up on or before it', () => {
    expect(planInForce([V1, V2], '2026-02-09')).toBeNull();
    expect(planInForce([V1, V2], '2026-02-10')?.versionNo).toBe(1);
    expect(planInForce([V2, V1], '2026-09-01')?.versionNo).toBe(2);
  });
  it('a plan version dated after the closure is a blocker: after closure the assistant only monitors', () => {
    const f = checkPlanAgainstClosure({ versionNo: 2, drawnUpOn: '2026-09-12', closedOn: '2026-06-30' });
    expect(codes(f)).toEqual(['WORK_PLAN_AFTER_CLOSURE']);
    expect(f[0]!.severity).toBe('blocker');
    expect(f[0]!.message).toContain('12.09.2026');
    expect(f[0]!.message).toContain('30.06.2026');
    expect(f[0]!.basis).toContain('art. 15 ust. 1 pkt 1 i pkt 16');
  });
  it('a plan drawn up on or before the closure day, or in an open case, is fine', () => {
    expect(checkPlanAgainstClosure({ versionNo: 1, drawnUpOn: '2026-06-30', closedOn: '2026-06-30' })).toEqual([]);
    expect(checkPlanAgainstClosure({ versionNo: 1, drawnUpOn: '2026-09-12', closedOn: null })).toEqual([]);
  });
});

describe('art. 15 ust. 1 pkt 2: a child in foster care — the koordynator rodzinnej pieczy zastępczej is named', () => {
  it('a foster child without a named KRPZ blocks the plan; with one, or a child at home, does not', () => {
    const f = checkFosterCareCoordinator([
      { name: 'Zuzanna Nowak', placement: 'foster-care', krpzName: ' ' },
      { name: 'Antoni Nowak', placement: 'home' },
      { name: 'Maja Nowak', placement: 'foster-care', krpzName: 'Ewa Kordas, PCPR w Toruniu' },
    ]);
    expect(codes(f)).toEqual(['WORK_PLAN_KRPZ_NOT_NAMED']);
    expect(f[0]!.message).toContain('Zuzanna Nowak');
    expect(f[0]!.basis).toContain('art. 15 ust. 1 pkt 2');
  });
});

describe('art. 15 ust. 1 pkt 15: a periodic assessment assesses the plan in force and names the next one', () => {
  it('a periodic assessment that assesses every goal, names a date within six months and has recipients is clean', () => {
    expect(checkAssessmentRecord({ assessment: periodic(), plans: [V1, V2], previousAssessedOn: '2026-02-03', assignedOn: '2026-01-15' })).toEqual([]);
  });
  it('"brak celów do oceny" though the plan had 2 goals: each unassessed goal is a blocker', () => {
    const f = checkAssessmentRecord({ assessment: periodic({ goalAttainment: [] }), plans: [V1], previousAssessedOn: '2026-02-03' });
    expect(codes(f)).toEqual(['ASSESSMENT_GOAL_NOT_ASSESSED', 'ASSESSMENT_GOAL_NOT_ASSESSED']);
    expect(f[0]!.message).toContain('„Uporządkowanie budżetu domowego”');
    expect(f[0]!.message).toContain('wersja 1 z 10.02.2026');
  });
  it('goals are those of the version in force on the assessment day, matched by id or by title', () => {
    const later = periodic({ assessedOn: '2026-09-01', goalAttainment: [{ goal: 'uporządkowanie budżetu  domowego', status: 'achieved' }, { goalId: 'g2', goal: 'x', status: 'partly' }], nextAssessmentOn: '2027-03-01' });
    const f = checkAssessmentRecord({ assessment: later, plans: [V1, V2], previousAssessedOn: '2026-08-01' });
    expect(codes(f)).toEqual(['ASSESSMENT_GOAL_NOT_ASSESSED']);
    expect(f[0]!.message).toContain('Leczenie odwykowe ojca');
  });
  it('"Termin kolejnej oceny —": a periodic assessment without the next date is refused, with the latest allowed date', () => {
    const f = checkAssessmentRecord({ assessment: periodic({ nextAssessmentOn: null }), plans: [V1] });
    expect(codes(f)).toEqual(['ASSESSMENT_NEXT_DATE_MISSING']);
    expect(f[0]!.message).toContain('najpóźniej 01.02.2027');
  });
  it('the next assessment no later than six months (clamped: 31 August -> 28 February)', () => {
    expect(codes(checkAssessmentRecord({ assessment: periodic({ assessedOn: '2026-08-31', nextAssessmentOn: '2027-02-28' }), plans: [V1] }))).toEqual([]);
    expect(codes(checkAssessmentRecord({ assessment: periodic({ assessedOn: '2026-08-31', nextAssessmentOn: '2027-03-01' }), plans: [V1] }))).toEqual(['ASSESSMENT_NEXT_DATE_TOO_LATE']);
    expect(codes(checkAssessmentRecord({ assessment: periodic({ nextAssessmentOn: '2026-08-01' }), plans: [V1] }))).toEqual(['ASSESSMENT_NEXT_DATE_NOT_AFTER']);
  });
  it('the period runs from the previous assessment (not from the assignment) to the assessment day', () => {
    expect(assessmentPeriodOf({ kind: 'periodic', assessedOn: '2026-08-01', previousAssessedOn: '2026-02-03', assignedOn: '2025-10-16' })).toEqual({ from: '2026-02-03', to: '2026-08-01' });
    expect(assessmentPeriodOf({ kind: 'final', assessedOn: '2026-08-01', previousAssessedOn: '2026-02-03', assignedOn: '2025-10-16' })).toEqual({ from: '2025-10-16', to: '2026-08-01' });
    expect(assessmentPeriodOf({ kind: 'initial', assessedOn: '2026-08-01' })).toBeNull();
  });
  it('a 9.5-month period is not plausible: a warning asks for the reason of the delay', () => {
    const f = checkAssessmentRecord({ assessment: periodic({ periodFrom: '2025-10-16', assessedOn: '2026-08-01' }), plans: [V1], assignedOn: '2025-10-16' });
    expect(codes(f)).toEqual(['ASSESSMENT_PERIOD_TOO_LONG']);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('9,5 mies.');
  });
  it('a period that reaches back before the previous assessment, before the assignment or past the assessment day is refused', () => {
    expect(codes(checkAssessmentRecord({ assessment: periodic({ periodFrom: '2026-01-20' }), plans: [V1], previousAssessedOn: '2026-02-03', assignedOn: '2026-01-15' }))).toEqual(['ASSESSMENT_PERIOD_BEFORE_PREVIOUS']);
    expect(codes(checkAssessmentRecord({ assessment: periodic({ periodFrom: '2026-03-01' }), plans: [V1], assignedOn: '2026-04-01' }))).toEqual(['ASSESSMENT_PERIOD_BEFORE_ASSIGNMENT']);
    expect(codes(checkAssessmentRecord({ assessment: periodic({ periodTo: '2026-08-02' }), plans: [V1], previousAssessedOn: '2026-02-03' }))).toEqual(['ASSESSMENT_PERIOD_ENDS_AFTER_ASSESSMENT']);
  });
  it('a periodic assessment after the closure and one without any recipient are refused', () => {
    expect(codes(checkAssessmentRecord({ assessment: periodic({ recipients: 0 }), plans: [V1], closedOn: '2026-07-15' }))).toEqual(['ASSESSMENT_AFTER_CLOSURE', 'ASSESSMENT_DISTRIBUTION_EMPTY']);
  });
  it('the initial assessment is before any plan: not checked here', () => {
    expect(checkAssessmentRecord({ assessment: { kind: 'initial', assessedOn: '2026-01-20' }, plans: [V1] })).toEqual([]);
  });
});

describe('the final assessment carries the recommendations and the monitoring plan (art. 15 ust. 1 pkt 16)', () => {
  const final = (over: Partial<RecordAssessment> = {}): RecordAssessment =>
    periodic({ kind: 'final', nextAssessmentOn: null, recommendationNote: 'Cele planu osiągnięte.', monitoringPlan: 'Monitoring 3 miesiące: telefon co 2 tygodnie.', ...over });
  it('empty "Zalecenia" and no reasoning are refused; a periodic-only next date is not asked for', () => {
    expect(checkAssessmentRecord({ assessment: final(), plans: [V1] })).toEqual([]);
    expect(codes(checkAssessmentRecord({ assessment: final({ monitoringPlan: '', recommendationNote: '  ' }), plans: [V1] }))).toEqual([
      'FINAL_ASSESSMENT_MONITORING_PLAN_MISSING',
      'FINAL_ASSESSMENT_RECOMMENDATION_NOTE_MISSING',
    ]);
  });
});

describe('the closure reason agrees with the final assessment', () => {
  const low = { HOUSING: { rating: -3, justification: 'Eksmisja.' }, FINANCES: { rating: -2, justification: 'Długi.' }, WORK: { rating: -2, justification: 'Brak pracy.' }, PARENTING: { rating: 1, justification: 'Dobrze.' } };
  const final: RecordAssessment = { kind: 'final', assessedOn: '2026-06-20', goalAttainment: [], areas: low };
  it('"osiągnięcie celów" with goals unassessed and three areas at −3/−2 needs a justification', () => {
    const f = checkClosureAgainstFinalAssessment({ reason: 'CEL', final, plans: [V1] });
    expect(codes(f)).toEqual(['CLOSURE_REASON_CONTRADICTS_FINAL_ASSESSMENT']);
    expect(findingsBlock(f)).toBe(true);
    expect(f[0]!.message).toContain('nieocenione cele planu: „Uporządkowanie budżetu domowego”, „Regularna nauka i frekwencja dzieci”');
    expect(f[0]!.message).toContain('Warunki mieszkaniowe i bytowe (−3)');
    expect(f[0]!.message).toContain('Sytuacja materialna, gospodarowanie budżetem (−2)');
  });
  it('with a justification it stands, as a warning that quotes it', () => {
    const f = checkClosureAgainstFinalAssessment({ reason: 'CEL', final, plans: [V1], justification: 'Cele planu (dzieci) osiągnięte; mieszkanie poza planem.' });
    expect(codes(f)).toEqual(['CLOSURE_REASON_JUSTIFIED']);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('mieszkanie poza planem');
  });
  it('goals assessed as achieved and no area below −1: "osiągnięcie celów" agrees; other reasons are not compared', () => {
    const good: RecordAssessment = { ...final, areas: { HOUSING: { rating: -1, justification: 'x' } }, goalAttainment: V1.goals.map((g) => ({ goalId: g.id, goal: g.title, status: 'achieved' as const })) };
    expect(checkClosureAgainstFinalAssessment({ reason: 'CEL', final: good, plans: [V1] })).toEqual([]);
    expect(checkClosureAgainstFinalAssessment({ reason: 'BRAK_WSPOLPRACY', final, plans: [V1] })).toEqual([]);
  });
  it('a goal assessed as not achieved also speaks against "osiągnięcie celów"', () => {
    const f = checkClosureAgainstFinalAssessment({ reason: 'CEL', final: { ...final, areas: {}, goalAttainment: [{ goalId: 'g1', goal: 'Budżet', status: 'not-achieved' }, { goalId: 'g2', goal: 'Nauka', status: 'achieved' }] }, plans: [V1] });
    expect(f[0]!.message).toContain('cele nieosiągnięte: „Budżet”');
  });
});

describe('art. 11 ust. 2–3: the request carries the social worker\'s analysis; facts only from their date', () => {
  it('a request without the analysis is refused', () => {
    expect(codes(checkRequestAnalysis(''))).toEqual(['REQUEST_ANALYSIS_MISSING']);
    expect(checkRequestAnalysis('Matka nie radzi sobie z organizacją dnia dzieci.')).toEqual([]);
    expect(FINDING_DEFINITIONS.REQUEST_ANALYSIS_MISSING.basis).toContain('art. 11 ust. 2');
  });
  it('a court order dated 06.02.2026 does not exist on a request decided 16.11.2025', () => {
    expect(factInForce('2026-02-06', '2025-11-16')).toBe(false);
    expect(factInForce('2026-02-06', '2026-02-06')).toBe(true);
    expect(factInForce(null, '2026-02-06')).toBe(false);
  });
});

describe('plausible members: a parent under 14 at a child\'s birth, children with the same name', () => {
  const mother = { firstName: 'Anna', lastName: 'Nowak', isChild: false, relation: 'matka', birthDate: '2003-05-10' };
  it('a mother born 2003 with a daughter born 2016 was 12: a warning declined for a woman', () => {
    const f = memberPlausibilityFindings([mother, { firstName: 'Zuzanna', lastName: 'Nowak', isChild: true, relation: 'córka', birthDate: '2016-05-09' }]);
    expect(codes(f)).toEqual(['MEMBER_PARENT_TOO_YOUNG']);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('Anna Nowak (matka) w dniu urodzenia dziecka Zuzanna Nowak (09.05.2016) miała 12 lat — sprawdź daty urodzenia i pokrewieństwo.');
  });
  it('14 at the birth is accepted; plurals follow Polish rules ("3 lata")', () => {
    expect(memberPlausibilityFindings([mother, { firstName: 'Jan', lastName: 'Nowak', isChild: true, relation: 'syn', birthDate: '2017-05-10' }])).toEqual([]);
    const f = memberPlausibilityFindings([{ ...mother, relation: 'ojciec', firstName: 'Piotr' }, { firstName: 'Jan', lastName: 'Nowak', isChild: true, relation: 'syn', birthDate: '2006-06-01' }]);
    expect(f[0]!.message).toContain('miał 3 lata');
  });
  it('a parent born after the child, and relations other than parent (babcia) are not compared', () => {
    const f = memberPlausibilityFindings([mother, { firstName: 'Jan', lastName: 'Nowak', isChild: true, relation: 'syn', birthDate: '2001-01-01' }]);
    expect(codes(f)).toEqual(['MEMBER_PARENT_BORN_AFTER_CHILD']);
    expect(f[0]!.message).toContain('jest młodsza od dziecka');
    expect(memberPlausibilityFindings([{ ...mother, relation: 'babcia' }, { firstName: 'Jan', lastName: 'Nowak', isChild: true, relation: 'wnuk', birthDate: '2001-01-01' }])).toEqual([]);
  });
  it('two children with the same first and last name: a warning (the demo had two Zuzannas)', () => {
    const kid = { firstName: 'Zuzanna', lastName: 'Nowak', isChild: true, relation: 'córka', birthDate: '2019-01-01' };
    expect(codes(memberPlausibilityFindings([kid, { ...kid, birthDate: '2021-03-03' }]))).toEqual(['FAMILY_CHILDREN_SAME_NAME']);
  });
  it('the registry shows the warning when the family is saved (never a blocker)', () => {
    const v = validateFamilyMembers(
      [
        { firstName: 'Anna', lastName: 'Nowak', isChild: false, relation: 'matka', birthDate: '2003-05-10' },
        { firstName: 'Zuzanna', lastName: 'Nowak', isChild: true, relation: 'córka', birthDate: '2016-05-09' },
      ],
      '2026-11-22',
    );
    expect(codes(v.findings)).toContain('MEMBER_PARENT_TOO_YOUNG');
    expect(v.valid).toBe(true);
  });
});

describe('checkCaseRecord: the whole case file, each finding with its document', () => {
  const record = (over: Partial<CaseRecord> = {}): CaseRecord => ({
    track: 'general',
    assignedOn: '2025-11-16',
    closedOn: '2026-06-30',
    closureReason: 'CEL',
    request: { requestOn: '2025-11-10', analysis: 'Trudności opiekuńczo-wychowawcze matki.' },
    members: [{ firstName: 'Anna', lastName: 'Nowak', isChild: false, relation: 'matka', birthDate: '1990-01-01' }],
    plans: [V1],
    assessments: [
      { id: 'a0', kind: 'initial', assessedOn: '2026-02-03' },
      { id: 'a1', kind: 'final', assessedOn: '2026-06-20', goalAttainment: V1.goals.map((g) => ({ goalId: g.id, goal: g.title, status: 'achieved' as const })), recommendationNote: 'Cele osiągnięte.', monitoringPlan: '3 miesiące, telefon co 2 tygodnie.', recipients: 2 },
    ],
    ...over,
  });
  it('a consistent file has no finding', () => {
    expect(checkCaseRecord(record())).toEqual([]);
  });
  it('the demo\'s faults are found where they are: a plan v2 after the closure, a periodic assessment without goals, an empty final', () => {
    const f = checkCaseRecord(
      record({
        plans: [V1, { ...V2, drawnUpOn: '2026-09-12' }],
        assessments: [
          { id: 'a0', kind: 'initial', assessedOn: '2026-02-03' },
          { id: 'a1', kind: 'periodic', assessedOn: '2026-05-03', goalAttainment: [], nextAssessmentOn: '2026-11-03' },
          { id: 'a2', kind: 'final', assessedOn: '2026-06-20', goalAttainment: [] },
        ],
      }),
    );
    expect(f.map((x) => `${x.document}:${x.ref}:${x.code}`)).toEqual([
      'work-plan:2:WORK_PLAN_AFTER_CLOSURE',
      'assessment-periodic:a1:ASSESSMENT_GOAL_NOT_ASSESSED',
      'assessment-periodic:a1:ASSESSMENT_GOAL_NOT_ASSESSED',
      'assessment-final:a2:ASSESSMENT_GOAL_NOT_ASSESSED',
      'assessment-final:a2:ASSESSMENT_GOAL_NOT_ASSESSED',
      'assessment-final:a2:FINAL_ASSESSMENT_MONITORING_PLAN_MISSING',
      'assessment-final:a2:FINAL_ASSESSMENT_RECOMMENDATION_NOTE_MISSING',
      'assessment-final:a2:CLOSURE_REASON_CONTRADICTS_FINAL_ASSESSMENT',
    ]);
    for (const x of f) expect(x.message, x.code).not.toMatch(/\{\w+\}|\(-?a\)/);
  });
  it('the request without the analysis and a foster child without a KRPZ are tied to their documents', () => {
    const f = checkCaseRecord(
      record({
        request: { requestOn: '2025-11-10', analysis: '' },
        members: [{ firstName: 'Zuzanna', lastName: 'Nowak', isChild: true, relation: 'córka', birthDate: '2015-01-01', placement: { kind: 'foster-care', krpzName: '' } }],
      }),
    );
    expect(f.map((x) => `${x.document}:${x.code}`)).toEqual(['assistant-request:REQUEST_ANALYSIS_MISSING', 'work-plan:WORK_PLAN_KRPZ_NOT_NAMED']);
  });
});
