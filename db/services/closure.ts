/**
 * Closure and monitoring (domain.md §2.2, §2.5, §4.14–4.15; T41–T44): closure needs a reason code
 * and a final assessment (checkClosure + office rules, enforced by the lifecycle guard of
 * `close`); it starts monitoring (office setting, default 3 months) with its own contact log
 * (entries of kind 'monitoring'); the head ends monitoring (ARCHIWUM); reopening creates a new
 * case linked to the earlier one. Also the later lifecycle steps of cases:advance.
 */
import { AppError } from '../../shared/errors';
import { addMonthsClamped, finding, type Finding } from '../../shared/rules/index';
import type { AdvancePayload } from '../../shared/workSchemas';
import type { z } from 'zod';
import type { closeSchema } from '../../shared/workSchemas';
import type { Actor } from '../core';
import { checkCaseTransition, caseDetail, getCaseRow, intake, transition } from './cases';
import { audit, todayOf, type ServiceCtx } from './context';
import { getWorkSettings, requireCaseWrite, requireCaseRead } from './workCommon';

type CloseInput = z.output<typeof closeSchema>;

function payloadOf(ctx: ServiceCtx, input: CloseInput) {
  const months = input.monitoringMonths ?? getWorkSettings(ctx.sqlite).monitoringMonths;
  const monitoringEndsOn = addMonthsClamped(input.on, months);
  return {
    months,
    monitoringEndsOn,
    payload: {
      action: 'close' as const,
      on: input.on,
      reason: input.reason,
      permanentPlacementConfirmed: input.permanentPlacementConfirmed,
      courtInformedOn: input.courtInformedOn,
      reasonJustification: input.reasonJustification,
      monitoringEndsOn,
      note: input.note,
    },
  };
}

export function checkClose(ctx: ServiceCtx, actor: Actor, input: CloseInput) {
  requireCaseRead(ctx, actor, input.caseId);
  const { payload, monitoringEndsOn } = payloadOf(ctx, input);
  const r = checkCaseTransition(ctx, actor, input.caseId, payload as never);
  return { ...r, monitoringEndsOn };
}

export function closeCase(ctx: ServiceCtx, actor: Actor, input: CloseInput) {
  requireCaseWrite(ctx, actor, input.caseId, 'case.close');
  const { payload, monitoringEndsOn, months } = payloadOf(ctx, input);
  const r = transition(ctx, actor, { caseId: input.caseId, version: input.version, payload });
  const findings: Finding[] = [...r.findings, finding('MONITORING_STARTS', { endsOn: monitoringEndsOn, months })];
  return { case: r.case, findings, monitoringEndsOn };
}

export function endMonitoring(ctx: ServiceCtx, actor: Actor, input: { caseId: string; version: number; on: string; note: string }) {
  requireCaseRead(ctx, actor, input.caseId);
  return transition(ctx, actor, { caseId: input.caseId, version: input.version, payload: { action: 'archive', on: input.on, note: input.note } });
}

/** Relapse or a new need: a new general-support case (ZGLOSZENIE) linked to the earlier one. */
export function reopenCase(ctx: ServiceCtx, actor: Actor, input: { caseId: string; learnedOn: string; urgent: boolean; description: string }) {
  const old = requireCaseRead(ctx, actor, input.caseId);
  if (actor.user.role === 'assistant' && old.assistantId !== actor.user.id) {
    audit(ctx, actor, 'case.reopen_forbidden', { type: 'case', id: old.id });
    throw new AppError('FORBIDDEN', 'Wznowienie zgłasza asystent tej sprawy, pracownik socjalny albo kierownik.');
  }
  if (!['MONITORING', 'ZAMKNIETA', 'ARCHIWUM'].includes(old.state)) {
    const f = [finding('REOPEN_WRONG_STATE')];
    throw new AppError('INVALID_TRANSITION', f[0]!.message, { findings: f });
  }
  let result!: ReturnType<typeof intake>;
  ctx.sqlite.transaction(() => {
    result = intake(ctx, actor, {
      familyId: old.familyId,
      source: 'social-worker',
      learnedOn: input.learnedOn,
      urgent: input.urgent,
      reportedBy: `Wznowienie — wcześniejsza sprawa ${old.caseNumber}`,
      description: input.description,
      courtOrder: null,
    });
    ctx.sqlite.prepare('UPDATE cases SET previous_case_id = ? WHERE id = ?').run(old.id, result.case.id);
    audit(ctx, actor, 'case.reopen', { type: 'case', id: result.case.id }, { previousCaseId: old.id, previousCaseNumber: old.caseNumber });
  })();
  return { case: caseDetail(ctx, actor, getCaseRow(ctx.sqlite, result.case.id)!), findings: result.findings, previousCaseId: old.id };
}

export function advanceCase(ctx: ServiceCtx, actor: Actor, input: { caseId: string; version: number; payload: AdvancePayload }) {
  requireCaseRead(ctx, actor, input.caseId);
  void todayOf;
  return transition(ctx, actor, input);
}
