import { describe, it, expect } from 'vitest';
import {
  computeDeadlines,
  statisticsDeadlines,
  statisticsDueDate,
  checkVisitGap,
  resolveDeadlineSettings,
  DEFAULT_OFFICE_DEADLINE_SETTINGS,
  DEADLINE_KINDS,
  PRACTICE_BASIS,
  BASIS,
  isoWeekday,
} from '../../../shared/rules/index';
import type { CaseDeadlineFacts, DeadlineItem, DeadlineKind, OfficeDeadlineSettings } from '../../../shared/rules/index';

/** Deadlines of one case only (no office-wide statistics). */
function run(c: Partial<CaseDeadlineFacts>, today: string, settings: Partial<OfficeDeadlineSettings> = {}): DeadlineItem[] {
  const facts: CaseDeadlineFacts = { caseId: 'C1', track: 'general', phase: 'active', ...c };
  return computeDeadlines([facts], today, settings, { includeOfficeItems: false });
}
function only(items: DeadlineItem[], kind: DeadlineKind): DeadlineItem {
  const found = items.filter((i) => i.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!;
}
const kinds = (items: DeadlineItem[]) => items.map((i) => i.kind);

describe('office settings: what the statute leaves open is data (domain.md §2.2, §2.4)', () => {
  it('defaults: 30 days to the initial assessment and to the plan, first assessment from the assignment, 14 days between visits, 3 months of monitoring, 14-day warning window, statistics alert 7 days before, Za życiem 2 / 14 / 7 days', () => {
    expect(DEFAULT_OFFICE_DEADLINE_SETTINGS).toMatchObject({
      initialAssessmentDaysAfterConsent: 30,
      workPlanDaysAfterConsent: 30,
      firstAssessmentFrom: 'assignment',
      maxDaysBetweenVisits: 14,
      monitoringMonths: 3,
      warningWindowDays: 14,
      statisticsAlertDays: 7,
      zaZyciemAssignmentDays: 2,
      zaZyciemApplicantInfoDays: 14,
      zaZyciemContactDays: 7,
      generalFirstContactDays: null,
    });
    expect(Object.isFrozen(DEFAULT_OFFICE_DEADLINE_SETTINGS)).toBe(true);
  });
  it('an office overrides only what it sets', () => {
    const s = resolveDeadlineSettings({ maxDaysBetweenVisits: 7, firstAssessmentFrom: 'consent' });
    expect(s.maxDaysBetweenVisits).toBe(7);
    expect(s.firstAssessmentFrom).toBe('consent');
    expect(s.monitoringMonths).toBe(3);
  });
  it('refuses nonsense settings with a RangeError', () => {
    expect(() => resolveDeadlineSettings({ maxDaysBetweenVisits: 0 })).toThrow(RangeError);
    expect(() => resolveDeadlineSettings({ monitoringMonths: 1.5 })).toThrow(RangeError);
    expect(() => resolveDeadlineSettings({ warningWindowDays: -1 })).toThrow(RangeError);
    expect(() => resolveDeadlineSettings({ generalFirstContactDays: 0 })).toThrow(RangeError);
    expect(() => resolveDeadlineSettings({ firstAssessmentFrom: 'request' as never })).toThrow(RangeError);
    expect(() => computeDeadlines([], '2026-03-02', { warningWindowDays: Number.NaN })).toThrow(RangeError);
  });
});

describe('D1 — RWŚ within 14 working days of learning of the need, 2 when urgent (rozporządzenie o RWŚ § 3 ust. 2–3)', () => {
  it('T11: learned on Monday 2026-03-02, not urgent -> RWŚ due Friday 2026-03-20', () => {
    const item = only(run({ phase: 'intake', learnedOn: '2026-03-02' }, '2026-03-02'), 'RWS_DUE');
    expect(item.dueDate).toBe('2026-03-20');
    expect(item.daysLeft).toBe(18);
    expect(item.status).toBe('upcoming');
    expect(item.basis).toBe(BASIS.interview);
    expect(item.source).toBe('law');
  });
  it('T11 on the next Monday the RWŚ is due within the week; a day after the due date it is overdue and critical', () => {
    expect(only(run({ phase: 'intake', learnedOn: '2026-03-02' }, '2026-03-09'), 'RWS_DUE').status).toBe('due-soon');
    const late = only(run({ phase: 'intake', learnedOn: '2026-03-02' }, '2026-03-21'), 'RWS_DUE');
    expect(late.status).toBe('overdue');
    expect(late.daysLeft).toBe(-1);
    expect(late.severity).toBe('critical');
    expect(late.title).toContain('po terminie o 1 dzień');
  });
  it('urgent, learned Monday 22 December 2025: Christmas Eve (a holiday from 2025), Christmas and the weekend skipped -> Monday 29 December', () => {
    expect(only(run({ phase: 'intake', learnedOn: '2025-12-22', urgent: true }, '2025-12-22'), 'RWS_DUE').dueDate).toBe('2025-12-29');
  });
  it('urgent, learned Monday 23 December 2024 (24 December still a working day) -> Friday 27 December 2024', () => {
    expect(only(run({ phase: 'intake', learnedOn: '2024-12-23', urgent: true }, '2024-12-23'), 'RWS_DUE').dueDate).toBe('2024-12-27');
  });
  it('no item once the RWŚ is done, for a Za życiem request (no RWŚ there), or once the case is past the decision', () => {
    expect(run({ phase: 'intake', learnedOn: '2026-03-02', rwsDoneOn: '2026-03-10' }, '2026-03-30')).toEqual([]);
    expect(run({ track: 'za-zyciem', phase: 'intake', learnedOn: '2026-03-02' }, '2026-03-30')).toEqual([]);
    expect(kinds(run({ phase: 'assigned', learnedOn: '2026-03-02', assignedOn: '2026-03-25' }, '2026-03-30'))).not.toContain('RWS_DUE');
  });
  it('still due while the case awaits the head’s decision without a recorded RWŚ', () => {
    expect(kinds(run({ phase: 'awaiting-decision', learnedOn: '2026-03-02' }, '2026-03-05'))).toContain('RWS_DUE');
  });
});

describe('D4–D6 — Za życiem practice (Szaflary: assignment in 2 days, contact and consent within a week; Szczecinek: written information in 14 days)', () => {
  const zz = { track: 'za-zyciem' as const, requestReceivedOn: '2026-03-06' }; // Friday
  it('request received Friday 6 March 2026: assignment due Sunday 8 March (calendar days, not moved), information to the applicant due 20 March', () => {
    const items = run({ ...zz, phase: 'intake' }, '2026-03-06');
    expect(only(items, 'ZZ_ASSIGNMENT_DUE').dueDate).toBe('2026-03-08');
    expect(only(items, 'ZZ_APPLICANT_INFO_DUE').dueDate).toBe('2026-03-20');
    expect(only(items, 'ZZ_ASSIGNMENT_DUE').basis).toBe(PRACTICE_BASIS);
    expect(only(items, 'ZZ_ASSIGNMENT_DUE').source).toBe('practice');
  });
  it('a late practice reminder is a warning, not critical', () => {
    const item = only(run({ ...zz, phase: 'intake' }, '2026-03-10'), 'ZZ_ASSIGNMENT_DUE');
    expect(item.status).toBe('overdue');
    expect(item.severity).toBe('warning');
  });
  it('assigned Monday 9 March: contact and consent due Monday 16 March; the information item stays until it is sent', () => {
    const items = run({ ...zz, phase: 'assigned', assignedOn: '2026-03-09' }, '2026-03-09');
    expect(kinds(items)).not.toContain('ZZ_ASSIGNMENT_DUE');
    expect(only(items, 'FIRST_CONTACT_DUE').dueDate).toBe('2026-03-16');
    expect(only(items, 'ZZ_APPLICANT_INFO_DUE').dueDate).toBe('2026-03-20');
    const informed = run({ ...zz, phase: 'assigned', assignedOn: '2026-03-09', applicantInformedOn: '2026-03-10' }, '2026-03-10');
    expect(kinds(informed)).not.toContain('ZZ_APPLICANT_INFO_DUE');
  });
  it('Za życiem first contact is done only with both the contact and the consent recorded', () => {
    const base = { ...zz, phase: 'assigned' as const, assignedOn: '2026-03-09' };
    expect(kinds(run({ ...base, firstContactOn: '2026-03-11' }, '2026-03-12'))).toContain('FIRST_CONTACT_DUE');
    expect(kinds(run({ ...base, consentOn: '2026-03-06' }, '2026-03-12'))).toContain('FIRST_CONTACT_DUE');
    expect(kinds(run({ ...base, firstContactOn: '2026-03-11', consentOn: '2026-03-11' }, '2026-03-12'))).not.toContain('FIRST_CONTACT_DUE');
  });
  it('general support: the law fixes no first-contact term, so no reminder unless the office sets one', () => {
    const c = { phase: 'assigned' as const, assignedOn: '2026-03-09' };
    expect(kinds(run(c, '2026-03-10'))).not.toContain('FIRST_CONTACT_DUE');
    expect(only(run(c, '2026-03-10', { generalFirstContactDays: 10 }), 'FIRST_CONTACT_DUE').dueDate).toBe('2026-03-19');
    expect(kinds(run({ ...c, firstContactOn: '2026-03-12' }, '2026-03-13', { generalFirstContactDays: 10 }))).not.toContain('FIRST_CONTACT_DUE');
  });
});

describe('D7 — initial assessment and work plan: no statutory term, office setting counted from consent (default 30 days)', () => {
  const c = { phase: 'active' as const, assignedOn: '2026-03-02', firstContactOn: '2026-03-04', consentOn: '2026-03-05', lastVisitOn: '2026-03-05' };
  it('consent 5 March 2026 -> initial assessment and plan due 4 April 2026 (Holy Saturday: internal duties are not moved)', () => {
    const items = run(c, '2026-03-06');
    expect(only(items, 'INITIAL_ASSESSMENT_DUE').dueDate).toBe('2026-04-04');
    expect(only(items, 'WORK_PLAN_DUE').dueDate).toBe('2026-04-04');
    expect(only(items, 'WORK_PLAN_DUE').basis).toBe(PRACTICE_BASIS);
  });
  it('the office may set other terms', () => {
    const items = run(c, '2026-03-06', { initialAssessmentDaysAfterConsent: 21, workPlanDaysAfterConsent: 45 });
    expect(only(items, 'INITIAL_ASSESSMENT_DUE').dueDate).toBe('2026-03-26');
    expect(only(items, 'WORK_PLAN_DUE').dueDate).toBe('2026-04-19');
  });
  it('no consent recorded yet -> nothing counted; done -> no item', () => {
    expect(kinds(run({ ...c, consentOn: undefined }, '2026-03-06'))).not.toContain('INITIAL_ASSESSMENT_DUE');
    const done = run({ ...c, initialAssessmentOn: '2026-03-20', workPlanOn: '2026-03-27' }, '2026-03-28');
    expect(kinds(done)).not.toContain('INITIAL_ASSESSMENT_DUE');
    expect(kinds(done)).not.toContain('WORK_PLAN_DUE');
  });
  it('Za życiem coordination has a support catalogue, not this plan: no initial-assessment or plan item', () => {
    const items = run({ ...c, track: 'za-zyciem' }, '2026-03-06');
    expect(kinds(items)).not.toContain('INITIAL_ASSESSMENT_DUE');
    expect(kinds(items)).not.toContain('WORK_PLAN_DUE');
  });
});

describe('D8 — periodic assessment "nie rzadziej niż co pół roku" (art. 15 ust. 1 pkt 15): 6 months, clamped, never moved', () => {
  const active = { phase: 'active' as const, lastVisitOn: '2026-09-10' };
  it('T07: assigned Monday 2026-03-16, no assessment -> due Wednesday 2026-09-16; on the day it is still in time', () => {
    const item = only(run({ ...active, assignedOn: '2026-03-16' }, '2026-09-16'), 'PERIODIC_ASSESSMENT_DUE');
    expect(item.dueDate).toBe('2026-09-16');
    expect(item.daysLeft).toBe(0);
    expect(item.status).toBe('due-soon');
    expect(item.title).toContain('termin mija dziś');
  });
  it('T07: on 2026-09-17 the case is overdue by 1 day', () => {
    const item = only(run({ ...active, assignedOn: '2026-03-16' }, '2026-09-17'), 'PERIODIC_ASSESSMENT_DUE');
    expect(item.status).toBe('overdue');
    expect(item.daysLeft).toBe(-1);
    expect(item.severity).toBe('critical');
    expect(item.basis).toBe(BASIS.periodicAssessment);
  });
  it('T08: periodic assessment done 2026-09-10 -> next due Wednesday 2027-03-10 (rolling from the actual assessment)', () => {
    const item = only(run({ ...active, assignedOn: '2026-03-16', lastAssessmentOn: '2026-09-10' }, '2026-09-20'), 'PERIODIC_ASSESSMENT_DUE');
    expect(item.dueDate).toBe('2027-03-10');
    expect(item.status).toBe('upcoming');
  });
  it('the initial assessment starts the six months too', () => {
    expect(only(run({ ...active, assignedOn: '2026-03-16', initialAssessmentOn: '2026-04-02' }, '2026-04-03'), 'PERIODIC_ASSESSMENT_DUE').dueDate).toBe('2026-10-02');
  });
  it('the later of the initial and the last assessment counts', () => {
    const c = { ...active, assignedOn: '2026-03-16', initialAssessmentOn: '2026-04-02', lastAssessmentOn: '2026-09-10' };
    expect(only(run(c, '2026-09-20'), 'PERIODIC_ASSESSMENT_DUE').dueDate).toBe('2027-03-10');
  });
  it('month end: assessed 31 August 2026 -> 28 February 2027; 31 August 2027 -> 29 February 2028 (leap year)', () => {
    expect(only(run({ ...active, assignedOn: '2026-01-05', lastAssessmentOn: '2026-08-31' }, '2026-09-01'), 'PERIODIC_ASSESSMENT_DUE').dueDate).toBe('2027-02-28');
    expect(only(run({ ...active, assignedOn: '2027-01-05', lastAssessmentOn: '2027-08-31' }, '2027-09-01'), 'PERIODIC_ASSESSMENT_DUE').dueDate).toBe('2028-02-29');
  });
  it('leap day: assessed 29 February 2028 -> due 29 August 2028', () => {
    expect(only(run({ ...active, assignedOn: '2027-10-01', lastAssessmentOn: '2028-02-29' }, '2028-03-01'), 'PERIODIC_ASSESSMENT_DUE').dueDate).toBe('2028-08-29');
  });
  it('not moved past a holiday: assigned 24 June 2025 -> due Wednesday 24 December 2025 (Christmas Eve, a holiday from 2025)', () => {
    const item = only(run({ ...active, assignedOn: '2025-06-24' }, '2025-12-20'), 'PERIODIC_ASSESSMENT_DUE');
    expect(item.dueDate).toBe('2025-12-24');
    expect(item.daysLeft).toBe(4);
  });
  it('office setting "first assessment from consent": counted from the consent when recorded, else from the assignment', () => {
    const c = { ...active, assignedOn: '2026-03-16', consentOn: '2026-03-30' };
    expect(only(run(c, '2026-04-01', { firstAssessmentFrom: 'consent' }), 'PERIODIC_ASSESSMENT_DUE').dueDate).toBe('2026-09-30');
    expect(only(run(c, '2026-04-01'), 'PERIODIC_ASSESSMENT_DUE').dueDate).toBe('2026-09-16');
    expect(only(run({ ...c, consentOn: undefined }, '2026-04-01', { firstAssessmentFrom: 'consent' }), 'PERIODIC_ASSESSMENT_DUE').dueDate).toBe('2026-09-16');
  });
  it('applies while the assistant works with the family (assigned, active, suspended), not in intake, monitoring or closed', () => {
    const c = { assignedOn: '2026-03-16' };
    for (const phase of ['assigned', 'active', 'suspended'] as const) {
      expect(kinds(run({ ...c, phase }, '2026-09-17'))).toContain('PERIODIC_ASSESSMENT_DUE');
    }
    for (const phase of ['intake', 'awaiting-decision', 'monitoring', 'closed'] as const) {
      expect(kinds(run({ ...c, phase, closedOn: '2026-09-01' }, '2026-09-17'))).not.toContain('PERIODIC_ASSESSMENT_DUE');
    }
  });
});

describe('visit gap — office setting "max days between visits", default 14 (MOPR Poznań: at least every two weeks): a warning, not a block', () => {
  const c = { phase: 'active' as const, assignedOn: '2026-01-12', lastAssessmentOn: '2026-02-20', lastVisitOn: '2026-03-02' };
  it('T47: previous visit 2026-03-02, today 2026-03-17 -> "brak wizyty > 14 dni" (15 days): overdue by one day, a warning', () => {
    const item = only(run(c, '2026-03-17'), 'VISIT_GAP');
    expect(item.dueDate).toBe('2026-03-16');
    expect(item.daysLeft).toBe(-1);
    expect(item.status).toBe('overdue');
    expect(item.severity).toBe('warning');
    expect(item.source).toBe('practice');
  });
  it('T47 at the moment of recording the visit: a VISIT_GAP_EXCEEDED warning naming 15 days', () => {
    const r = checkVisitGap({ previousVisitOn: '2026-03-02', visitOn: '2026-03-17' });
    expect(r.gapDays).toBe(15);
    expect(r.findings.map((f) => f.code)).toEqual(['VISIT_GAP_EXCEEDED']);
    expect(r.findings[0]!.severity).toBe('warning');
    expect(r.findings[0]!.message).toContain('15 dni');
    expect(checkVisitGap({ previousVisitOn: '2026-03-02', visitOn: '2026-03-16' }).findings).toEqual([]);
    expect(checkVisitGap({ previousVisitOn: '2026-03-02', visitOn: '2026-03-10', maxDaysBetweenVisits: 7 }).findings).toHaveLength(1);
    expect(checkVisitGap({ visitOn: '2026-03-10' })).toEqual({ gapDays: null, findings: [] });
  });
  it('exactly 14 days after the visit is still in time (due today); the reminder appears 3 days before', () => {
    expect(only(run(c, '2026-03-16'), 'VISIT_GAP').daysLeft).toBe(0);
    expect(only(run(c, '2026-03-13'), 'VISIT_GAP').status).toBe('due-soon');
    expect(kinds(run(c, '2026-03-12'))).not.toContain('VISIT_GAP');
  });
  it('the office limit and reminder are settings', () => {
    expect(only(run(c, '2026-03-10', { maxDaysBetweenVisits: 7 }), 'VISIT_GAP').status).toBe('overdue');
    expect(kinds(run(c, '2026-03-16', { visitGapReminderDays: 0 }))).toContain('VISIT_GAP');
    expect(kinds(run(c, '2026-03-15', { visitGapReminderDays: 0 }))).not.toContain('VISIT_GAP');
  });
  it('no visit recorded yet: counted from the first contact', () => {
    expect(only(run({ ...c, lastVisitOn: undefined, firstContactOn: '2026-02-27' }, '2026-03-17'), 'VISIT_GAP').dueDate).toBe('2026-03-13');
  });
  it('no visit-gap item in monitoring, in suspension or for a closed case', () => {
    for (const phase of ['monitoring', 'suspended', 'closed'] as const) {
      expect(kinds(run({ ...c, phase, closedOn: '2026-03-01' }, '2026-04-30'))).not.toContain('VISIT_GAP');
    }
  });
});

describe('D11 — opinion for the court (art. 15 ust. 1 pkt 17): the court’s term counted from delivery, moved past weekends and holidays', () => {
  const request = { id: 'R1', court: 'Sąd Rejonowy w Nowym Targu, III Wydział Rodzinny i Nieletnich', caseRef: 'III Nsm 123/26', requestedOn: '2026-05-05' };
  it('T50: asked 2026-05-05 "w terminie 14 dni od doręczenia", delivered 2026-05-07 -> due Thursday 2026-05-21', () => {
    const item = only(run({ courtOpinionRequests: [{ ...request, deliveredOn: '2026-05-07', termDays: 14 }] }, '2026-05-07'), 'COURT_OPINION_DUE');
    expect(item.dueDate).toBe('2026-05-21');
    expect(item.daysLeft).toBe(14);
    expect(item.status).toBe('due-soon');
    expect(item.source).toBe('court');
    expect(item.ref).toBe('R1');
    expect(item.title).toContain('III Nsm 123/26');
    expect(item.detail).toContain('05.05.2026');
  });
  it('a term ending on 11 November 2026 (Independence Day) moves to Thursday 12 November', () => {
    expect(only(run({ courtOpinionRequests: [{ ...request, deliveredOn: '2026-10-28', termDays: 14 }] }, '2026-10-28'), 'COURT_OPINION_DUE').dueDate).toBe('2026-11-12');
  });
  it('a term ending on Christmas Eve 2025 moves past Christmas and the weekend to Monday 29 December 2025', () => {
    expect(only(run({ courtOpinionRequests: [{ ...request, deliveredOn: '2025-12-10', termDays: 14 }] }, '2025-12-10'), 'COURT_OPINION_DUE').dueDate).toBe('2025-12-29');
  });
  it('a fixed date set by the court is taken as it is', () => {
    expect(only(run({ courtOpinionRequests: [{ ...request, dueDate: '2026-06-01', termDays: 14 }] }, '2026-05-07'), 'COURT_OPINION_DUE').dueDate).toBe('2026-06-01');
  });
  it('delivery date missing: counted from the date of the letter (earlier, so safe) and the detail asks for the delivery date', () => {
    const item = only(run({ courtOpinionRequests: [{ ...request, termDays: 14 }] }, '2026-05-07'), 'COURT_OPINION_DUE');
    expect(item.dueDate).toBe('2026-05-19');
    expect(item.detail).toContain('uzupełnij datę doręczenia');
  });
  it('submitted opinions and requests without any term give no item; each open request gives its own item', () => {
    const items = run(
      {
        courtOpinionRequests: [
          { ...request, deliveredOn: '2026-05-07', termDays: 14, submittedOn: '2026-05-15' },
          { ...request, id: 'R2' },
          { ...request, id: 'R3', deliveredOn: '2026-05-07', termDays: 21 },
          { ...request, id: 'R4', deliveredOn: '2026-05-08', termDays: 7 },
        ],
      },
      '2026-05-08',
    ).filter((i) => i.kind === 'COURT_OPINION_DUE');
    expect(items.map((i) => i.ref)).toEqual(['R4', 'R3']);
  });
  it('a court request is tracked in monitoring too, but not for a closed case', () => {
    const c = { phase: 'monitoring' as const, closedOn: '2026-04-15', courtOpinionRequests: [{ ...request, deliveredOn: '2026-05-07', termDays: 14 }] };
    expect(kinds(run(c, '2026-05-07'))).toContain('COURT_OPINION_DUE');
    expect(run({ ...c, phase: 'closed' }, '2026-05-07')).toEqual([]);
  });
  it('a term that is not a positive integer is refused', () => {
    expect(() => run({ courtOpinionRequests: [{ ...request, deliveredOn: '2026-05-07', termDays: 0 }] }, '2026-05-07')).toThrow(RangeError);
  });
});

describe('D18 — the 4000 zł benefit (art. 10 ustawy „Za życiem”): 12 months, clamped, then moved (KPA art. 57 § 3 and § 5)', () => {
  const zz = { track: 'za-zyciem' as const, phase: 'active' as const, assignedOn: '2025-11-03', lastVisitOn: '2026-01-05' };
  it('born 1 January 2025 (Mały Płock example): 1 January 2026 is a holiday -> Friday 2 January 2026', () => {
    const item = only(run({ ...zz, children: [{ name: 'Zosia', birthDate: '2025-01-01' }] }, '2025-12-20'), 'ONE_OFF_BENEFIT_DEADLINE');
    expect(item.dueDate).toBe('2026-01-02');
    expect(item.basis).toBe(BASIS.benefitDeadline);
    expect(item.title).toContain('Zosia');
  });
  it('born 29 February 2024: 28 February 2025 (a Friday) is the last day', () => {
    expect(only(run({ ...zz, children: [{ name: 'Jaś', birthDate: '2024-02-29' }] }, '2025-02-01'), 'ONE_OFF_BENEFIT_DEADLINE').dueDate).toBe('2025-02-28');
  });
  it('born 24 December 2024: Christmas Eve 2025 is a holiday, then Christmas and the weekend -> Monday 29 December 2025', () => {
    expect(only(run({ ...zz, children: [{ name: 'Ala', birthDate: '2024-12-24' }] }, '2025-12-01'), 'ONE_OFF_BENEFIT_DEADLINE').dueDate).toBe('2025-12-29');
  });
  it('born 24 December 2023: 24 December 2024 was still a working day (Tuesday)', () => {
    expect(only(run({ ...zz, children: [{ name: 'Ola', birthDate: '2023-12-24' }] }, '2024-12-01'), 'ONE_OFF_BENEFIT_DEADLINE').dueDate).toBe('2024-12-24');
  });
  it('a guardian: 12 months from taking the child into care, but never past the day before the 18th birthday', () => {
    const child = { name: 'Kuba', birthDate: '2008-09-15', applicantRole: 'legal-guardian' as const, careTakenOn: '2026-03-02' };
    expect(only(run({ ...zz, children: [child] }, '2026-03-10'), 'ONE_OFF_BENEFIT_DEADLINE').dueDate).toBe('2026-09-14');
    const younger = { ...child, birthDate: '2020-09-15' };
    expect(only(run({ ...zz, children: [younger] }, '2026-03-10'), 'ONE_OFF_BENEFIT_DEADLINE').dueDate).toBe('2027-03-02');
  });
  it('a guardian without the date of taking into care: the outer limit is shown and the date is asked for', () => {
    const item = only(
      run({ ...zz, children: [{ name: 'Kuba', birthDate: '2020-09-15', applicantRole: 'adoptive-parent' }] }, '2026-03-10'),
      'ONE_OFF_BENEFIT_DEADLINE',
    );
    expect(item.dueDate).toBe('2038-09-14');
    expect(item.detail).toContain('uzupełnij datę objęcia');
  });
  it('applied -> no item; two children -> two items', () => {
    const items = run(
      {
        ...zz,
        children: [
          { name: 'Zosia', birthDate: '2025-06-15', benefitAppliedOn: '2025-08-01' },
          { name: 'Ala', birthDate: '2025-06-15' },
          { name: 'Ela', birthDate: '2025-07-15' },
        ],
      },
      '2025-09-01',
    ).filter((i) => i.kind === 'ONE_OFF_BENEFIT_DEADLINE');
    expect(items.map((i) => i.ref)).toEqual(['Ala', 'Ela']);
    expect(items[0]!.dueDate).toBe('2026-06-15');
  });
  it('a missed deadline is overdue and critical (a late application is left unexamined)', () => {
    const item = only(run({ ...zz, children: [{ name: 'Zosia', birthDate: '2025-01-01' }] }, '2026-01-03'), 'ONE_OFF_BENEFIT_DEADLINE');
    expect(item.status).toBe('overdue');
    expect(item.severity).toBe('critical');
  });
});

describe('D13 — post-closure monitoring (art. 15 ust. 1 pkt 16), length an office setting (default 3 months)', () => {
  it('T41: closed Thursday 2026-10-15 -> monitoring until Friday 2027-01-15', () => {
    const item = only(run({ phase: 'monitoring', assignedOn: '2025-10-01', closedOn: '2026-10-15' }, '2026-10-15'), 'MONITORING_END');
    expect(item.dueDate).toBe('2027-01-15');
    expect(item.status).toBe('upcoming');
    expect(isoWeekday(item.dueDate)).toBe(5);
  });
  it('T41: after 15 January 2027 the monitoring is over and the item says so until the case is archived', () => {
    expect(only(run({ phase: 'monitoring', closedOn: '2026-10-15' }, '2027-01-18'), 'MONITORING_END').status).toBe('overdue');
    expect(run({ phase: 'closed', closedOn: '2026-10-15' }, '2027-01-18')).toEqual([]);
  });
  it('month ends clamp: closed 30 November 2026 -> 28 February 2027; closed 30 November 2027 -> 29 February 2028', () => {
    expect(only(run({ phase: 'monitoring', closedOn: '2026-11-30' }, '2026-12-01'), 'MONITORING_END').dueDate).toBe('2027-02-28');
    expect(only(run({ phase: 'monitoring', closedOn: '2027-11-30' }, '2027-12-01'), 'MONITORING_END').dueDate).toBe('2028-02-29');
  });
  it('the office length and a per-case end date', () => {
    expect(only(run({ phase: 'monitoring', closedOn: '2026-10-15' }, '2026-10-15', { monitoringMonths: 6 }), 'MONITORING_END').dueDate).toBe('2027-04-15');
    expect(only(run({ phase: 'monitoring', closedOn: '2026-10-15', monitoringEndsOn: '2027-03-31' }, '2026-10-15'), 'MONITORING_END').dueDate).toBe('2027-03-31');
  });
  it('only in monitoring', () => {
    expect(kinds(run({ phase: 'active', closedOn: '2026-10-15', assignedOn: '2026-01-05' }, '2026-10-20'))).not.toContain('MONITORING_END');
  });
});

describe('D15 — half-year statistical report to the wojewoda (terms of the 2019 regulation, now repealed; basis: the statute\'s reporting duty): 31 July and 31 January, not moved', () => {
  it('due dates', () => {
    expect(statisticsDueDate('2026-H1')).toBe('2026-07-31');
    expect(statisticsDueDate('2026-H2')).toBe('2027-01-31');
    expect(() => statisticsDueDate('2026-Q1')).toThrow(RangeError);
  });
  it('T37: report for 1 Jan–30 Jun 2026 due Friday 2026-07-31; alert from 24 July (7 days before)', () => {
    const filed = ['2025-H2'];
    expect(statisticsDeadlines('2026-07-23', {}, filed)).toEqual([]);
    const [item, ...rest] = statisticsDeadlines('2026-07-24', {}, filed);
    expect(rest).toEqual([]);
    expect(item!.kind).toBe('STATISTICS_H1_DUE');
    expect(item!.ref).toBe('2026-H1');
    expect(item!.dueDate).toBe('2026-07-31');
    expect(item!.daysLeft).toBe(7);
    expect(item!.status).toBe('due-soon');
    expect(item!.caseId).toBeUndefined();
    // Dz. U. 2019 poz. 1195 is repealed: the statute's duty is cited (the office may enter the regulation in force).
    expect(item!.basis).toContain('art. 187 ustawy o wspieraniu rodziny');
    expect(item!.basis).not.toContain('1195');
  });
  it('T38: report for 1 Jul–31 Dec 2026 due Sunday 2027-01-31 — not moved later — and alerted from 2027-01-24', () => {
    const filed = ['2026-H1'];
    expect(statisticsDeadlines('2027-01-23', {}, filed)).toEqual([]);
    const items = statisticsDeadlines('2027-01-24', {}, filed);
    expect(items.map((i) => [i.kind, i.ref, i.dueDate])).toEqual([['STATISTICS_H2_DUE', '2026-H2', '2027-01-31']]);
    expect(isoWeekday('2027-01-31')).toBe(7);
    expect(statisticsDeadlines('2027-01-31', {}, filed)[0]!.daysLeft).toBe(0);
  });
  it('an unfiled report is overdue the day after, until it is marked filed', () => {
    const [late] = statisticsDeadlines('2027-02-01');
    expect(late!.ref).toBe('2026-H2');
    expect(late!.status).toBe('overdue');
    expect(late!.severity).toBe('critical');
    expect(statisticsDeadlines('2027-02-01', {}, ['2026-H2'])).toEqual([]);
    expect(statisticsDeadlines('2027-06-30').map((i) => i.ref)).toEqual(['2026-H2']);
    // only the latest period whose due date has passed is chased: older ones are history
    expect(statisticsDeadlines('2027-08-01').map((i) => i.ref)).toEqual(['2027-H1']);
  });
  it('a report filed early is not alerted', () => {
    expect(statisticsDeadlines('2026-07-28', {}, ['2025-H2', '2026-H1'])).toEqual([]);
  });
  it('both at once: H1 still unfiled in January, and H2 within its alert window', () => {
    expect(statisticsDeadlines('2027-01-25', {}, []).map((i) => [i.ref, i.status])).toEqual([
      ['2026-H1', 'overdue'],
      ['2026-H2', 'due-soon'],
    ]);
  });
  it('issue 14: no report due before the office was set up — a new office is not greeted by an overdue H1', () => {
    // Set up on 2026-09-10: H1 2026 (due 2026-07-31) belongs to the paper office, not to Asysta.
    expect(statisticsDeadlines('2026-09-10', {}, [], '2026-09-10')).toEqual([]);
    expect(computeDeadlines([], '2026-09-10', {}, { officeSetUpOn: '2026-09-10' })).toEqual([]);
    // Without the set-up date the same day chases H1 as overdue.
    expect(statisticsDeadlines('2026-09-10').map((i) => [i.ref, i.status])).toEqual([['2026-H1', 'overdue']]);
    // The next report (H2 2026, due 2027-01-31) is chased as usual, and overdue after its day.
    expect(statisticsDeadlines('2027-01-24', {}, [], '2026-09-10').map((i) => i.ref)).toEqual(['2026-H2']);
    expect(statisticsDeadlines('2027-02-01', {}, [], '2026-09-10').map((i) => [i.ref, i.status])).toEqual([['2026-H2', 'overdue']]);
    // Set up on the due day itself: the report is still due that day.
    expect(statisticsDeadlines('2026-07-31', {}, [], '2026-07-31').map((i) => i.ref)).toEqual(['2026-H1']);
  });
  it('issue 14: the set-up date leaves case deadlines alone (they follow from dates the office entered)', () => {
    const c = { caseId: 'C', track: 'general' as const, phase: 'intake' as const, learnedOn: '2026-08-03' };
    const items = computeDeadlines([c], '2026-09-10', {}, { officeSetUpOn: '2026-09-10' });
    expect(items.map((i) => [i.kind, i.status])).toEqual([['RWS_DUE', 'overdue']]);
  });
  it('computeDeadlines includes them unless told not to, with the filed periods from the context', () => {
    expect(kinds(computeDeadlines([], '2026-07-24'))).toEqual(['STATISTICS_H2_DUE', 'STATISTICS_H1_DUE']);
    expect(kinds(computeDeadlines([], '2026-07-24', {}, { statisticsFiledPeriods: ['2025-H2'] }))).toEqual(['STATISTICS_H1_DUE']);
    expect(computeDeadlines([], '2026-07-24', {}, { statisticsFiledPeriods: ['2025-H2', '2026-H1'] })).toEqual([]);
    expect(computeDeadlines([], '2026-07-24', {}, { includeOfficeItems: false })).toEqual([]);
    expect(computeDeadlines([], '2026-07-20', { statisticsAlertDays: 14 }, { statisticsFiledPeriods: ['2025-H2'] }).map((i) => i.ref)).toEqual(['2026-H1']);
  });
});

describe('the morning screen list: which phases produce what, order, labels and errors', () => {
  const today = '2026-09-17';
  const cases: CaseDeadlineFacts[] = [
    { caseId: 'A', familyLabel: 'Kowalscy', assistantId: 'as1', track: 'general', phase: 'active', assignedOn: '2026-03-16', lastVisitOn: '2026-09-05' },
    { caseId: 'B', familyLabel: 'Nowakowie', assistantId: 'as1', track: 'general', phase: 'intake', learnedOn: '2026-09-10' },
    { caseId: 'C', familyLabel: 'Wiśniewscy', assistantId: 'as2', track: 'general', phase: 'monitoring', closedOn: '2026-07-31' },
    { caseId: 'D', familyLabel: 'Zielińscy', assistantId: 'as2', track: 'general', phase: 'closed', assignedOn: '2025-01-02', closedOn: '2025-12-01' },
  ];
  it('overdue first, then by due date; a closed case gives nothing', () => {
    const items = computeDeadlines(cases, today, {}, { includeOfficeItems: false });
    expect(items.map((i) => [i.caseId, i.kind, i.status])).toEqual([
      ['A', 'PERIODIC_ASSESSMENT_DUE', 'overdue'],
      ['A', 'VISIT_GAP', 'due-soon'],
      ['B', 'RWS_DUE', 'due-soon'],
      ['C', 'MONITORING_END', 'upcoming'],
    ]);
  });
  it('items carry the display fields of their case and a Polish title with the date', () => {
    const [first] = computeDeadlines(cases, today, {}, { includeOfficeItems: false });
    expect(first).toMatchObject({ caseId: 'A', familyLabel: 'Kowalscy', assistantId: 'as1', key: 'PERIODIC_ASSESSMENT_DUE:A' });
    expect(first!.title).toBe('Okresowa ocena sytuacji rodziny (Kowalscy): do 16.09.2026 — po terminie o 1 dzień');
    expect(first!.detail).toBe('6 miesięcy od przydzielenia asystenta 16.03.2026');
  });
  it('every kind has a Polish label and a basis; the practice ones say so', () => {
    for (const info of Object.values(DEADLINE_KINDS)) {
      expect(info.label.length).toBeGreaterThan(5);
      expect(info.basis.length).toBeGreaterThan(5);
      if (info.source === 'practice') expect(info.basis).toContain('w ośrodku');
    }
  });
  it('the input order does not matter', () => {
    const a = computeDeadlines(cases, today);
    const b = computeDeadlines([...cases].reverse(), today);
    expect(b).toEqual(a);
  });
  it('an impossible date is refused with a RangeError naming the case and the field', () => {
    expect(() => computeDeadlines([{ caseId: 'X9', track: 'general', phase: 'active', assignedOn: '2026-02-30' }], today)).toThrow(/assignedOn of case X9/);
    expect(() => computeDeadlines([], '2026-13-01')).toThrow(RangeError);
    expect(() => computeDeadlines([{ caseId: 'X9', track: 'general', phase: 'paused' as never }], today)).toThrow(RangeError);
    expect(() => computeDeadlines([{ caseId: 'X9', track: 'other' as never, phase: 'active' }], today)).toThrow(RangeError);
  });
  it('the input is not modified', () => {
    const copy = JSON.parse(JSON.stringify(cases)) as CaseDeadlineFacts[];
    computeDeadlines(cases, today);
    expect(cases).toEqual(copy);
  });
});
