/** Office-wide case settings: case-number pattern, monitoring in the caseload, area scoping. */
import { AppError } from '../../shared/errors';
import { DEFAULT_CASE_SETTINGS, type CaseSettings } from '../../shared/registrySchemas';
import type { Actor } from '../core';
import type { SqliteHandle } from '../open';
import { audit, nowIso, type ServiceCtx } from './context';

export type CaseSettingsRow = CaseSettings & { version: number };

export function getCaseSettings(sqlite: SqliteHandle): CaseSettingsRow {
  const r = sqlite
    .prepare(
      `SELECT case_number_pattern AS caseNumberPattern, monitoring_counts AS monitoringCounts, area_scoping AS areaScoping,
              assessment_due_days AS assessmentDueDays, plan_due_days AS planDueDays, version FROM case_settings WHERE id = 1`,
    )
    .get() as (Omit<CaseSettingsRow, 'monitoringCounts' | 'areaScoping'> & { monitoringCounts: number; areaScoping: number }) | undefined;
  if (!r) return { ...DEFAULT_CASE_SETTINGS, version: 0 };
  return { ...r, monitoringCounts: r.monitoringCounts === 1, areaScoping: r.areaScoping === 1 };
}

export function updateCaseSettings(ctx: ServiceCtx, actor: Actor, input: CaseSettings & { version: number }): CaseSettingsRow {
  const before = getCaseSettings(ctx.sqlite);
  if (before.version !== input.version) throw new AppError('STALE_EDIT');
  const { version: _v, ...after } = input;
  const row = {
    caseNumberPattern: after.caseNumberPattern,
    monitoringCounts: after.monitoringCounts ? 1 : 0,
    areaScoping: after.areaScoping ? 1 : 0,
    assessmentDueDays: after.assessmentDueDays,
    planDueDays: after.planDueDays,
    version: before.version + 1,
    at: nowIso(ctx),
  };
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        `INSERT INTO case_settings (id, case_number_pattern, monitoring_counts, area_scoping, assessment_due_days, plan_due_days, version, updated_at)
         VALUES (1, @caseNumberPattern, @monitoringCounts, @areaScoping, @assessmentDueDays, @planDueDays, @version, @at)
         ON CONFLICT(id) DO UPDATE SET case_number_pattern = excluded.case_number_pattern, monitoring_counts = excluded.monitoring_counts,
           area_scoping = excluded.area_scoping, assessment_due_days = excluded.assessment_due_days, plan_due_days = excluded.plan_due_days,
           version = excluded.version, updated_at = excluded.updated_at`,
      )
      .run(row);
    const { version: _bv, ...b } = before;
    audit(ctx, actor, 'office.case_settings_update', { type: 'office', id: '1' }, { before: b, after });
  })();
  return getCaseSettings(ctx.sqlite);
}
