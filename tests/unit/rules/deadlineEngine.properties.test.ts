import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  computeDeadlines,
  statisticsDeadlines,
  compareDeadlineItems,
  isIsoDate,
  daysBetween,
  addDays,
  DEADLINE_PHASES,
  DEFAULT_OFFICE_DEADLINE_SETTINGS,
} from '../../../shared/rules/index';
import type { CaseDeadlineFacts, DeadlineCasePhase } from '../../../shared/rules/index';
import { addWorkingDaysFast, dayTermDeadlineFast } from '../../../shared/rules/deadlineEngine';
import { interviewDueDate, dayTermDeadline, addWorkingDays } from '../../../shared/rules/index';
import { isoDateArb } from './arbitraries';

const PHASES: DeadlineCasePhase[] = ['intake', 'awaiting-decision', 'assigned', 'active', 'suspended', 'monitoring', 'closed'];
const date = isoDateArb('2020-01-01', '2030-12-31');
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const courtRequestArb = fc.record({
  court: fc.constantFrom('Sąd Rejonowy w Nowym Targu', 'Sąd Rejonowy w Zakopanem'),
  caseRef: fc.constantFrom('III Nsm 1/26', 'III Nsm 99/25'),
  requestedOn: date,
  deliveredOn: opt(date),
  termDays: opt(fc.integer({ min: 1, max: 60 })),
  dueDate: opt(date),
  submittedOn: opt(date),
});

const childArb = fc.record({
  birthDate: isoDateArb('2008-01-01', '2030-12-31'),
  applicantRole: opt(fc.constantFrom('mother', 'father', 'legal-guardian', 'de-facto-guardian', 'adoptive-parent') as fc.Arbitrary<'mother'>),
  careTakenOn: opt(date),
  benefitAppliedOn: opt(date),
});

/** Arbitrary plain facts: dates in any order, as a careless caller might send them. */
const caseBodyArb = fc.record({
  track: fc.constantFrom('general', 'za-zyciem') as fc.Arbitrary<'general' | 'za-zyciem'>,
  phase: fc.constantFrom(...PHASES),
  learnedOn: opt(date),
  urgent: opt(fc.boolean()),
  rwsDoneOn: opt(date),
  requestReceivedOn: opt(date),
  applicantInformedOn: opt(date),
  assignedOn: opt(date),
  firstContactOn: opt(date),
  consentOn: opt(date),
  initialAssessmentOn: opt(date),
  workPlanOn: opt(date),
  lastAssessmentOn: opt(date),
  lastVisitOn: opt(date),
  courtOpinionRequests: opt(fc.array(courtRequestArb, { maxLength: 3 })),
  children: opt(fc.array(childArb, { maxLength: 3 })),
  closedOn: opt(date),
  monitoringEndsOn: opt(date),
});

type CaseBody = typeof caseBodyArb extends fc.Arbitrary<infer T> ? T : never;

function withIds(bodies: CaseBody[]): CaseDeadlineFacts[] {
  return bodies.map((b, i) => ({
    ...b,
    caseId: `C${i}`,
    familyLabel: `Rodzina ${i}`,
    courtOpinionRequests: b.courtOpinionRequests?.map((r, j) => ({ ...r, id: `R${j}` })),
    children: b.children?.map((ch, j) => ({ ...ch, name: `Dziecko ${j}` })),
  })) as CaseDeadlineFacts[];
}

const casesArb = fc.array(caseBodyArb, { maxLength: 12 }).map(withIds);
const settingsArb = fc.record({
  warningWindowDays: fc.integer({ min: 0, max: 30 }),
  maxDaysBetweenVisits: fc.integer({ min: 1, max: 30 }),
  monitoringMonths: fc.integer({ min: 1, max: 12 }),
  statisticsAlertDays: fc.integer({ min: 0, max: 30 }),
  firstAssessmentFrom: fc.constantFrom('assignment', 'consent') as fc.Arbitrary<'assignment' | 'consent'>,
});

describe('deadline engine — properties over arbitrary caseloads', () => {
  it('every item: a real due date, daysLeft = days from today, status and severity consistent with daysLeft', () => {
    fc.assert(
      fc.property(casesArb, date, settingsArb, (cases, today, settings) => {
        for (const item of computeDeadlines(cases, today, settings)) {
          expect(isIsoDate(item.dueDate)).toBe(true);
          expect(item.daysLeft).toBe(daysBetween(today, item.dueDate));
          const expected = item.daysLeft < 0 ? 'overdue' : item.daysLeft <= settings.warningWindowDays ? 'due-soon' : 'upcoming';
          expect(item.status).toBe(expected);
          if (item.status === 'upcoming') expect(item.severity).toBe('info');
          if (item.status === 'due-soon') expect(item.severity).toBe('warning');
          if (item.status === 'overdue') expect(item.severity).toBe(item.source === 'practice' ? 'warning' : 'critical');
          expect(item.title.length).toBeGreaterThan(0);
          expect(item.basis.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('sorted: overdue first, then by due date; keys unique', () => {
    fc.assert(
      fc.property(casesArb, date, (cases, today) => {
        const items = computeDeadlines(cases, today);
        for (let i = 1; i < items.length; i += 1) expect(compareDeadlineItems(items[i - 1]!, items[i]!)).toBeLessThan(0);
        const firstNotOverdue = items.findIndex((x) => x.status !== 'overdue');
        if (firstNotOverdue >= 0) expect(items.slice(firstNotOverdue).every((x) => x.status !== 'overdue')).toBe(true);
        expect(new Set(items.map((x) => x.key)).size).toBe(items.length);
      }),
      { numRuns: 300 },
    );
  });

  it('a closed case never produces an item; every item belongs to a given case or is office-wide statistics', () => {
    fc.assert(
      fc.property(casesArb, date, (cases, today) => {
        const byId = new Map(cases.map((c) => [c.caseId, c]));
        for (const item of computeDeadlines(cases, today)) {
          if (item.caseId === undefined) {
            expect(['STATISTICS_H1_DUE', 'STATISTICS_H2_DUE']).toContain(item.kind);
            continue;
          }
          const c = byId.get(item.caseId);
          expect(c).toBeDefined();
          expect(c!.phase).not.toBe('closed');
          expect(item.familyLabel).toBe(c!.familyLabel);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a deadline appears only in the phases where it applies', () => {
    fc.assert(
      fc.property(casesArb, date, (cases, today) => {
        const byId = new Map(cases.map((c) => [c.caseId, c]));
        for (const item of computeDeadlines(cases, today, {}, { includeOfficeItems: false })) {
          const allowed = DEADLINE_PHASES[item.kind as keyof typeof DEADLINE_PHASES];
          expect(allowed).toContain(byId.get(item.caseId!)!.phase);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('cases do not influence each other: the whole equals the union of each case alone, in any input order', () => {
    fc.assert(
      fc.property(casesArb, date, fc.integer(), (cases, today, seed) => {
        const whole = computeDeadlines(cases, today, {}, { includeOfficeItems: false });
        const parts = cases
          .flatMap((c) => computeDeadlines([c], today, {}, { includeOfficeItems: false }))
          .sort(compareDeadlineItems);
        expect(whole).toEqual(parts);
        const k = cases.length === 0 ? 0 : Math.abs(seed) % cases.length;
        const shuffled = [...cases.slice(k), ...cases.slice(0, k)].reverse();
        expect(computeDeadlines(shuffled, today)).toEqual(computeDeadlines(cases, today));
      }),
      { numRuns: 200 },
    );
  });

  it('one day later every item is still there, with the same due date and one day less', () => {
    fc.assert(
      fc.property(casesArb, date, (cases, today) => {
        const options = { includeOfficeItems: false } as const;
        const tomorrow = addDays(today, 1);
        const next = new Map(computeDeadlines(cases, tomorrow, {}, options).map((x) => [x.key, x]));
        for (const item of computeDeadlines(cases, today, {}, options)) {
          const later = next.get(item.key);
          expect(later).toBeDefined();
          expect(later!.dueDate).toBe(item.dueDate);
          expect(later!.daysLeft).toBe(item.daysLeft - 1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('internal duties are "no later than" dates and never land after the six months / the office term', () => {
    fc.assert(
      fc.property(casesArb, date, (cases, today) => {
        const byId = new Map(cases.map((c) => [c.caseId, c]));
        for (const item of computeDeadlines(cases, today, {}, { includeOfficeItems: false })) {
          const c = byId.get(item.caseId!)!;
          if (item.kind === 'INITIAL_ASSESSMENT_DUE') {
            expect(item.dueDate).toBe(addDays(c.consentOn!, DEFAULT_OFFICE_DEADLINE_SETTINGS.initialAssessmentDaysAfterConsent));
          }
          if (item.kind === 'PERIODIC_ASSESSMENT_DUE') {
            const from = [c.initialAssessmentOn, c.lastAssessmentOn].filter((d): d is string => d !== undefined).sort().pop() ?? c.assignedOn!;
            const days = daysBetween(from, item.dueDate);
            expect(days).toBeGreaterThanOrEqual(181);
            expect(days).toBeLessThanOrEqual(184);
          }
          if (item.kind === 'VISIT_GAP') expect(item.daysLeft).toBeLessThanOrEqual(DEFAULT_OFFICE_DEADLINE_SETTINGS.visitGapReminderDays);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('statistics: at most two items, due 31 July or 31 January, never a filed period, never before its alert window', () => {
    fc.assert(
      fc.property(date, fc.subarray(['2025-H1', '2025-H2', '2026-H1', '2026-H2', '2027-H1', '2027-H2']), (today, filed) => {
        const items = statisticsDeadlines(today, {}, filed);
        expect(items.length).toBeLessThanOrEqual(2);
        for (const item of items) {
          expect(item.dueDate.slice(5)).toBe(item.kind === 'STATISTICS_H1_DUE' ? '07-31' : '01-31');
          expect(filed).not.toContain(item.ref);
          expect(item.daysLeft).toBeLessThanOrEqual(DEFAULT_OFFICE_DEADLINE_SETTINGS.statisticsAlertDays);
          expect(item.daysLeft).toBeGreaterThanOrEqual(-366);
        }
        expect(items.filter((x) => x.status === 'overdue').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the engine’s memoised working-day arithmetic equals the calendar module’s', () => {
  it('addWorkingDaysFast = addWorkingDays, so RWŚ items equal interviewDueDate', () => {
    fc.assert(
      fc.property(isoDateArb('1990-01-01', '2099-12-31'), fc.integer({ min: 1, max: 40 }), fc.boolean(), (d, n, urgent) => {
        expect(addWorkingDaysFast(d, n)).toBe(addWorkingDays(d, n));
        const item = computeDeadlines([{ caseId: 'C', track: 'general', phase: 'intake', learnedOn: d, urgent }], d, {}, { includeOfficeItems: false })[0]!;
        expect(item.dueDate).toBe(interviewDueDate({ learnedOn: d, urgent }));
      }),
      { numRuns: 500 },
    );
  });
  it('dayTermDeadlineFast = dayTermDeadline', () => {
    fc.assert(
      fc.property(isoDateArb('1990-01-01', '2099-12-31'), fc.integer({ min: 1, max: 90 }), (d, days) => {
        expect(dayTermDeadlineFast(d, days)).toBe(dayTermDeadline(d, days));
      }),
      { numRuns: 500 },
    );
  });
  it('both refuse a non-positive count and an impossible date', () => {
    expect(() => addWorkingDaysFast('2026-03-02', 0)).toThrow(RangeError);
    expect(() => dayTermDeadlineFast('2026-03-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDaysFast('2026-02-29', 1)).toThrow(RangeError);
  });
});
