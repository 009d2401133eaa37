/**
 * Plain reads of the work with the family (issue 4) shared by the case lifecycle and the work
 * services: the office work settings and the facts the later transitions rest on.
 */
import { DEFAULT_WORK_SETTINGS, type WorkSettings } from '../../shared/workSchemas';
import type { WorkFacts } from '../../shared/rules/lifecycle';
import type { SqliteHandle } from '../open';

export type WorkSettingsRow = WorkSettings & { version: number };

export function getWorkSettings(sqlite: SqliteHandle): WorkSettingsRow {
  const r = sqlite
    .prepare(
      `SELECT entry_lock_days AS entryLockDays, monitoring_months AS monitoringMonths, max_days_between_visits AS maxDaysBetweenVisits,
              visit_gap_reminder_days AS visitGapReminderDays, first_assessment_from AS firstAssessmentFrom, version
         FROM work_settings WHERE id = 1`,
    )
    .get() as WorkSettingsRow | undefined;
  return r ?? { ...DEFAULT_WORK_SETTINGS, version: 0 };
}

/** Initial/final assessment dates, first plan, catalogue size and monitoring end of a case. */
export function workFacts(sqlite: SqliteHandle, caseId: string): WorkFacts {
  const r = sqlite
    .prepare(
      `SELECT (SELECT min(assessed_on) FROM assessments WHERE case_id = @id AND kind = 'initial') AS initialAssessmentOn,
              (SELECT max(assessed_on) FROM assessments WHERE case_id = @id AND kind = 'final') AS finalAssessmentOn,
              (SELECT min(drawn_up_on) FROM work_plans WHERE case_id = @id) AS planOn,
              (SELECT count(*) FROM catalogue_items WHERE case_id = @id) AS catalogueItems,
              (SELECT monitoring_ends_on FROM cases WHERE id = @id) AS monitoringEndsOn`,
    )
    .get({ id: caseId }) as WorkFacts;
  return r;
}
