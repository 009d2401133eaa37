import type { IsoDate } from './types';
import { addMonthsClamped, addWorkingDays, shiftToNextWorkingDay } from './calendar';
import { addDays, assertIsoDate, daysBetween } from './isoDate';

/** RWŚ within 14 working days of learning of the need (§ 3 ust. 2 of the 2021 regulation). */
export const INTERVIEW_WORKING_DAYS = 14;
/** Urgent cases: without delay, at most 2 working days (§ 3 ust. 3). */
export const INTERVIEW_URGENT_WORKING_DAYS = 2;
/** Periodic assessment "nie rzadziej niż co pół roku" (art. 15 ust. 1 pkt 15). */
export const PERIODIC_ASSESSMENT_INTERVAL_MONTHS = 6;

/** Family community interview (RWŚ): 14 working days after learning of the need, 2 when urgent. */
export function interviewDueDate(input: { learnedOn: IsoDate; urgent: boolean }): IsoDate {
  return addWorkingDays(
    assertIsoDate(input.learnedOn, 'learnedOn'),
    input.urgent ? INTERVIEW_URGENT_WORKING_DAYS : INTERVIEW_WORKING_DAYS,
  );
}

/** Periodic assessment "nie rzadziej niż co pół roku" (art. 15 ust. 1 pkt 15): six months after
 *  the last assessment, or after the assignment when there was none; clamped, never shifted. */
export function periodicAssessmentDueDate(input: { assignedOn: IsoDate; lastAssessmentOn?: IsoDate }): IsoDate {
  assertIsoDate(input.assignedOn, 'assignedOn');
  const from = input.lastAssessmentOn === undefined ? input.assignedOn : assertIsoDate(input.lastAssessmentOn, 'lastAssessmentOn');
  return addMonthsClamped(from, PERIODIC_ASSESSMENT_INTERVAL_MONTHS);
}

/** Days a deadline is overdue on `asOf` (0 when not yet overdue; the due day itself is in time). */
export function daysOverdue(dueDate: IsoDate, asOf: IsoDate): number {
  return Math.max(0, daysBetween(dueDate, asOf));
}

/** A term of `days` days from an event (KPA art. 57 § 1: the day of the event is not counted),
 *  moved past a Saturday, Sunday or public holiday (art. 57 § 5). E.g. a court's "14 dni od
 *  doręczenia" (T50: delivered 2026-05-07 -> due 2026-05-21). */
export function dayTermDeadline(eventOn: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be an integer >= 1, got ${days}`);
  return shiftToNextWorkingDay(addDays(assertIsoDate(eventOn, 'eventOn'), days));
}
