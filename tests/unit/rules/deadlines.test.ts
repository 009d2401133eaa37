import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { interviewDueDate, periodicAssessmentDueDate, isWorkingDay, daysOverdue, dayTermDeadline } from '../../../shared/rules/index';
import { isoDateArb } from './arbitraries';

describe('RWŚ regulation § 3 ust. 2–3: family community interview within 14 working days, 2 when urgent', () => {
  it('T11: learned on Monday 2026-03-02 (not urgent) -> due Friday 2026-03-20', () => {
    expect(interviewDueDate({ learnedOn: '2026-03-02', urgent: false })).toBe('2026-03-20');
  });
  it('urgent: learned on Friday 2026-03-20 -> due Tuesday 2026-03-24', () => {
    expect(interviewDueDate({ learnedOn: '2026-03-20', urgent: true })).toBe('2026-03-24');
  });
  it('Easter 2026: urgent from Thursday 2 April -> Good Friday counts, Easter Monday does not -> Tuesday 7 April', () => {
    expect(interviewDueDate({ learnedOn: '2026-04-02', urgent: true })).toBe('2026-04-07');
  });
  it('Easter 2026: 14 working days from Monday 30 March skip Easter Monday -> Monday 20 April', () => {
    expect(interviewDueDate({ learnedOn: '2026-03-30', urgent: false })).toBe('2026-04-20');
  });
  it('Christmas 2025: urgent from Monday 22 December -> 23 Dec, then 24–26 Dec and the weekend are skipped -> Monday 29 December', () => {
    expect(interviewDueDate({ learnedOn: '2025-12-22', urgent: true })).toBe('2025-12-29');
  });
  it('Christmas 2025 / New Year / Epiphany: 14 working days from 22 December 2025 -> Friday 16 January 2026', () => {
    expect(interviewDueDate({ learnedOn: '2025-12-22', urgent: false })).toBe('2026-01-16');
  });
  it('Christmas 2024 (before 24 December became a holiday): urgent from Monday 23 December -> Friday 27 December', () => {
    expect(interviewDueDate({ learnedOn: '2024-12-23', urgent: true })).toBe('2024-12-27');
  });
  it('May 2026 long weekend: urgent from Thursday 30 April -> 1 May (Fri) is a holiday -> Tuesday 5 May', () => {
    expect(interviewDueDate({ learnedOn: '2026-04-30', urgent: true })).toBe('2026-05-05');
  });
  it('rejects an impossible date', () => {
    expect(() => interviewDueDate({ learnedOn: '2026-02-30', urgent: false })).toThrow(RangeError);
  });
  it('property: due on a working day; urgent never later than non-urgent', () => {
    fc.assert(
      fc.property(isoDateArb(), (d) => {
        const normal = interviewDueDate({ learnedOn: d, urgent: false });
        const urgent = interviewDueDate({ learnedOn: d, urgent: true });
        expect(isWorkingDay(normal)).toBe(true);
        expect(isWorkingDay(urgent)).toBe(true);
        expect(urgent < normal).toBe(true);
        expect(urgent > d).toBe(true);
      }),
    );
  });
});

describe('art. 15 ust. 1 pkt 15: periodic assessment "nie rzadziej niż co pół roku"', () => {
  it('T07: assigned 2026-03-16, no assessment yet -> due 2026-09-16; one day late on 2026-09-17', () => {
    const due = periodicAssessmentDueDate({ assignedOn: '2026-03-16' });
    expect(due).toBe('2026-09-16');
    expect(daysOverdue(due, '2026-09-16')).toBe(0);
    expect(daysOverdue(due, '2026-09-17')).toBe(1);
  });
  it('T08: rolling from the last actual assessment 2026-09-10 -> due 2027-03-10', () => {
    expect(periodicAssessmentDueDate({ assignedOn: '2026-03-16', lastAssessmentOn: '2026-09-10' })).toBe('2027-03-10');
  });
  it('31 August + 6 months = 28 February (2027) or 29 February (2028)', () => {
    expect(periodicAssessmentDueDate({ assignedOn: '2026-08-31' })).toBe('2027-02-28');
    expect(periodicAssessmentDueDate({ assignedOn: '2027-08-31' })).toBe('2028-02-29');
  });
  it('is never shifted: due on Sunday 1 November 2026 (a holiday) stays 1 November', () => {
    expect(periodicAssessmentDueDate({ assignedOn: '2026-05-01' })).toBe('2026-11-01');
  });
  it('rejects an impossible date in either field', () => {
    expect(() => periodicAssessmentDueDate({ assignedOn: '2026-02-30' })).toThrow(RangeError);
    expect(() => periodicAssessmentDueDate({ assignedOn: '2026-02-03', lastAssessmentOn: '2026-04-31' })).toThrow(RangeError);
  });
  it('property: due within six calendar months (181–184 days) of the reference date', () => {
    fc.assert(
      fc.property(isoDateArb(), (d) => {
        const due = periodicAssessmentDueDate({ assignedOn: '1990-01-01', lastAssessmentOn: d });
        const days = (Date.parse(due) - Date.parse(d)) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(178);
        expect(days).toBeLessThanOrEqual(184);
      }),
    );
  });
});

describe('KPA art. 57 § 1 and § 5: terms counted in days', () => {
  it('T50: a court opinion due "w terminie 14 dni od doręczenia", delivered 2026-05-07 -> Thursday 2026-05-21', () => {
    expect(dayTermDeadline('2026-05-07', 14)).toBe('2026-05-21');
  });
  it('a 7-day term ending on Saturday 2 May 2026 moves past Sunday 3 May (a holiday) to Monday 4 May', () => {
    expect(dayTermDeadline('2026-04-25', 7)).toBe('2026-05-04');
  });
  it('the number of days must be a positive integer', () => {
    expect(() => dayTermDeadline('2026-05-07', 0)).toThrow(RangeError);
  });
});
