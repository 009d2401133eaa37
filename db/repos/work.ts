/**
 * Plain reads of the work with the family (issue 4) shared by the case lifecycle and the work
 * services: the office work settings and the facts the later transitions rest on.
 */
import { DEFAULT_WORK_SETTINGS, type WorkSettings } from '../../shared/workSchemas';
import type { WorkFacts } from '../../shared/rules/lifecycle';
import type { RecordAssessment, RecordPlanVersion } from '../../shared/rules/records';
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
  return { ...r, finalAssessment: finalAssessmentOf(sqlite, caseId), plans: planVersionsOf(sqlite, caseId) };
}

const parse = <T>(s: string | null | undefined, fallback: T): T => {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

/** The case's plan versions with their goals (id and title), oldest first. */
export function planVersionsOf(sqlite: SqliteHandle, caseId: string): Array<RecordPlanVersion & { goals: Array<{ id: string; title: string }> }> {
  return (
    sqlite.prepare('SELECT version_no AS versionNo, drawn_up_on AS drawnUpOn, content FROM work_plans WHERE case_id = ? ORDER BY version_no').all(caseId) as Array<{
      versionNo: number;
      drawnUpOn: string;
      content: string;
    }>
  ).map((p) => ({
    versionNo: p.versionNo,
    drawnUpOn: p.drawnUpOn,
    goals: (parse<{ goals?: Array<{ id?: string; title?: string }> }>(p.content, {}).goals ?? []).map((g, i) => ({ id: g.id ?? `g${i + 1}`, title: g.title ?? '' })),
  }));
}

/** The latest final assessment of a case, as the consistency rules read it (records.ts). */
export function finalAssessmentOf(sqlite: SqliteHandle, caseId: string): RecordAssessment | null {
  const a = sqlite
    .prepare("SELECT id, assessed_on AS assessedOn, period_from AS periodFrom, period_to AS periodTo, areas, body FROM assessments WHERE case_id = ? AND kind = 'final' ORDER BY assessed_on DESC, created_at DESC LIMIT 1")
    .get(caseId) as { id: string; assessedOn: string; periodFrom: string | null; periodTo: string | null; areas: string; body: string } | undefined;
  if (!a) return null;
  const b = parse<{ goalAttainment?: RecordAssessment['goalAttainment']; recommendationNote?: string; monitoringPlan?: string }>(a.body, {});
  return {
    id: a.id,
    kind: 'final',
    assessedOn: a.assessedOn,
    periodFrom: a.periodFrom,
    periodTo: a.periodTo,
    areas: parse(a.areas, {}),
    goalAttainment: b.goalAttainment ?? [],
    recommendationNote: b.recommendationNote ?? '',
    monitoringPlan: b.monitoringPlan ?? '',
  };
}
