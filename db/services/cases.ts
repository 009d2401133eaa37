/**
 * Cases and their lifecycle, enforced here with the same rules the UI shows
 * (shared/rules/lifecycle.ts): intake, RWŚ, analysis, the PS request, the head's decision with
 * the caseload check, consent or refusal, Za życiem request and verification. Every transition
 * goes to the case history (case_events) and the audit log in one transaction; a refused
 * transition changes nothing (a forbidden attempt is audited).
 */
import { randomUUID } from 'node:crypto';
import { AppError, type ErrorCode } from '../../shared/errors';
import type { CaseDetail } from '../../shared/ipc/contract';
import {
  formatCaseNumber,
  type IntakeInput,
  type TransitionPayload,
} from '../../shared/registrySchemas';
import {
  availableTransitions,
  CASE_STATES,
  caseloadPhaseOf,
  checkIntake,
  checkTransition,
  checkZzRequest,
  closureReasonOf,
  countedFamilies,
  CASELOAD_STATUTORY_LIMIT,
  INITIAL_STATE,
  interviewDueDate,
  daysOverdue,
  nextStep,
  type NextStep,
  finding,
  ROLE_FINDING_CODES,
  STATE_FINDING_CODES,
  transitionDef,
  zzDeadlines,
  type CaseAction,
  type CaseFacts,
  type CaseSource,
  type CaseState,
  type CaseTrack,
  type Finding,
  type TransitionContext,
  type TransitionInputs,
  type ZaZyciemCategory,
} from '../../shared/rules/index';
import type { Actor } from '../core';
import type { SqliteHandle } from '../open';
import { workFacts } from '../repos/work';
import { getCaseSettings } from './caseSettings';
import { audit, json, nowIso, todayOf, type ServiceCtx } from './context';
import { familyName, type FamilyPerson } from '../../shared/grammar';
import { caseDeadlineItems } from './deadlines';
import { caseSummaries, familyHistory, familyLabel, refreshFamilyIndex, refuseIfAnonymised, requireFamilyVisible } from './registry';
import { OPEN_CASE_STATES_SQL } from '../repos/caseStates';

export interface CaseRow {
  id: string;
  familyId: string;
  track: CaseTrack;
  source: CaseSource;
  state: CaseState;
  caseNumber: string;
  urgent: number;
  learnedOn: string | null;
  interviewDueOn: string | null;
  interviewOn: string | null;
  careDifficultiesFound: number | null;
  requestOn: string | null;
  courtOrder: string | null;
  decision: string | null;
  decidedOn: string | null;
  forwardedTo: string | null;
  assistantId: string | null;
  assistantName: string | null;
  assignedOn: string | null;
  consentBasis: CaseDetail['consentBasis'];
  consentOn: string | null;
  closedOn: string | null;
  closureReason: string | null;
  zzCategory: ZaZyciemCategory | null;
  receivedOn: string | null;
  zzDocuments: string | null;
  verifiedOn: string | null;
  details: string | null;
  referredBy: string | null;
  updatedAt: string;
  version: number;
}

const CASE_SELECT = `SELECT c.id, c.family_id AS familyId, c.track, c.source, c.state, c.case_number AS caseNumber, c.urgent,
  c.learned_on AS learnedOn, c.interview_due_on AS interviewDueOn, c.interview_on AS interviewOn,
  c.care_difficulties_found AS careDifficultiesFound, c.request_on AS requestOn, c.court_order AS courtOrder, c.decision,
  c.decided_on AS decidedOn, c.forwarded_to AS forwardedTo, c.assistant_id AS assistantId, u.full_name AS assistantName,
  c.assigned_on AS assignedOn, c.consent_basis AS consentBasis, c.consent_on AS consentOn, c.closed_on AS closedOn,
  c.closure_reason AS closureReason, c.zz_category AS zzCategory, c.received_on AS receivedOn, c.zz_documents AS zzDocuments,
  c.verified_on AS verifiedOn, c.details, c.referred_by AS referredBy, c.updated_at AS updatedAt, c.version
  FROM cases c LEFT JOIN users u ON u.id = c.assistant_id`;

export function getCaseRow(sqlite: SqliteHandle, id: string): CaseRow | undefined {
  return sqlite.prepare(`${CASE_SELECT} WHERE c.id = ?`).get(id) as CaseRow | undefined;
}

export function factsOf(r: CaseRow): CaseFacts {
  return {
    track: r.track,
    state: r.state,
    source: r.source,
    assistantId: r.assistantId,
    learnedOn: r.learnedOn,
    urgent: r.urgent === 1,
    interviewDueOn: r.interviewDueOn,
    interviewOn: r.interviewOn,
    careDifficultiesFound: r.careDifficultiesFound === null ? null : r.careDifficultiesFound === 1,
    assignedOn: r.assignedOn,
    receivedOn: r.receivedOn,
    courtOrder: json(r.courtOrder),
    analysisNote: json<{ analysis?: { note?: string } }>(r.details)?.analysis?.note ?? null,
  };
}

function children(sqlite: SqliteHandle, familyId: string): TransitionContext['children'] {
  return (
    sqlite.prepare('SELECT birth_date AS birthDate, placement FROM family_members WHERE family_id = ? AND is_child = 1').all(familyId) as Array<{
      birthDate: string;
      placement: string | null;
    }>
  ).map((c) => ({ birthDate: c.birthDate, placement: json<{ kind: 'home' | 'foster-care' }>(c.placement)?.kind ?? 'home' }));
}

/** The assistant's counted cases (for the caseload rule), read in the same transaction as the write. */
export function assistantCases(sqlite: SqliteHandle, assistantId: string): Array<{ familyId: string; phase: ReturnType<typeof caseloadPhaseOf> }> {
  return (
    sqlite
      .prepare(
        `SELECT family_id AS familyId, state FROM cases WHERE assistant_id = ? AND state NOT IN ('ZAMKNIETA','ARCHIWUM')`,
      )
      .all(assistantId) as Array<{ familyId: string; state: CaseState }>
  ).map((c) => ({ familyId: c.familyId, phase: caseloadPhaseOf(c.state) }));
}

function assistantContext(sqlite: SqliteHandle, assistantId: string): TransitionContext['assistant'] {
  const u = sqlite
    .prepare('SELECT id, full_name AS name, role, active, personal_limit AS personalLimit FROM users WHERE id = ?')
    .get(assistantId) as { id: string; name: string; role: 'admin' | 'assistant' | 'social_worker'; active: number; personalLimit: number | null } | undefined;
  if (!u) return null;
  return { ...u, active: u.active === 1, cases: assistantCases(sqlite, assistantId) };
}

function reminders(r: CaseRow, today: string): Finding[] {
  const out: Finding[] = [];
  if (r.track === 'general' && r.state === 'ZGLOSZENIE' && r.interviewDueOn) {
    if (today > r.interviewDueOn) out.push(finding('INTERVIEW_OVERDUE', { dueOn: r.interviewDueOn, days: daysOverdue(r.interviewDueOn, today) }));
    else out.push(finding('INTERVIEW_DUE', { dueOn: r.interviewDueOn, days: r.urgent ? 2 : 14, urgentNote: r.urgent ? ', sprawa pilna' : '' }));
  }
  if (r.track === 'za-zyciem' && r.receivedOn) {
    const d = zzDeadlines(r.receivedOn, r.assignedOn);
    if (r.state === 'WNIOSEK_ZZ' || r.state === 'WERYFIKACJA') {
      out.push(
        today > d.assignmentDue
          ? finding('ZZ_ASSIGNMENT_OVERDUE', { dueOn: d.assignmentDue })
          : finding('ZZ_ASSIGNMENT_DUE', { dueOn: d.assignmentDue, receivedOn: r.receivedOn }),
      );
    }
    if (['WNIOSEK_ZZ', 'WERYFIKACJA', 'PRZYDZIELONY'].includes(r.state)) out.push(finding('ZZ_INFORMATION_DUE', { dueOn: d.informationDue }));
    if (r.state === 'PRZYDZIELONY' && d.contactDue) out.push(finding('CONSENT_DUE', { dueOn: d.contactDue }));
  }
  return out;
}

function contextFor(ctx: ServiceCtx, r: CaseRow, assistantId?: string): TransitionContext {
  const settings = getCaseSettings(ctx.sqlite);
  return {
    asOf: todayOf(ctx),
    familyId: r.familyId,
    children: children(ctx.sqlite, r.familyId),
    assistant: assistantId ? assistantContext(ctx.sqlite, assistantId) : undefined,
    countMonitoring: settings.monitoringCounts,
    work: workFacts(ctx.sqlite, r.id),
  };
}

export function caseDetail(ctx: ServiceCtx, actor: Actor, r: CaseRow): CaseDetail {
  const summary = caseSummaries(ctx.sqlite, r.familyId).find((c) => c.id === r.id)!;
  const context = contextFor(ctx, r);
  return {
    ...summary,
    familyId: r.familyId,
    familyLabel: familyLabel(ctx.sqlite, r.familyId),
    familyNames: familyNames(ctx.sqlite, r.familyId),
    version: r.version,
    urgent: r.urgent === 1,
    interviewDueOn: r.interviewDueOn,
    interviewOn: r.interviewOn,
    careDifficultiesFound: r.careDifficultiesFound === null ? null : r.careDifficultiesFound === 1,
    requestOn: r.requestOn,
    courtOrder: json(r.courtOrder),
    decision: r.decision,
    decidedOn: r.decidedOn,
    forwardedTo: r.forwardedTo,
    consentBasis: r.consentBasis,
    consentOn: r.consentOn,
    zzCategory: r.zzCategory,
    // Health data (art. 9 RODO): masked in every case output, revealed through sensitive:reveal.
    zzDocuments: null,
    zzDocumentsMasked: !!json(r.zzDocuments),
    verifiedOn: r.verifiedOn,
    details: json(r.details),
    reminders: reminders(r, todayOf(ctx)),
    availableTransitions: availableTransitions(factsOf(r), { role: actor.user.role, userId: actor.user.id }, context),
    nextStep: stepView(nextStep({
      track: r.track,
      state: r.state,
      careDifficultiesFound: r.careDifficultiesFound === null ? null : r.careDifficultiesFound === 1,
      catalogueItems: context.work?.catalogueItems ?? 0,
      deadlines: caseDeadlineItems(ctx.sqlite, r.id, context.asOf),
    })),
    history: familyHistory(ctx.sqlite, { caseId: r.id, limit: 500 }),
  };
}

/** The family named in running text (shared/grammar): "rodzina Kowalskich", "rodziny …", "z rodziną …". */
function familyNames(sqlite: SqliteHandle, familyId: string): CaseDetail['familyNames'] {
  const members = sqlite
    .prepare(
      `SELECT first_name AS firstName, last_name AS lastName, pesel, sex, is_head AS isHead, is_child AS isChild
         FROM family_members WHERE family_id = ? ORDER BY is_head DESC, sort_order`,
    )
    .all(familyId) as FamilyPerson[];
  return { nom: familyName(members, 'nom'), gen: familyName(members, 'gen'), ins: familyName(members, 'ins') };
}

/** The step as the contract carries it (plain arrays). */
function stepView(step: NextStep | null): CaseDetail['nextStep'] {
  return step ? { ...step, roles: [...step.roles] } : null;
}

function requireCase(ctx: ServiceCtx, actor: Actor, id: string, forbiddenAction = 'case.open_forbidden'): CaseRow {
  const r = getCaseRow(ctx.sqlite, id);
  if (!r) throw new AppError('NOT_FOUND', 'Nie znaleziono sprawy.');
  requireFamilyVisible(ctx, actor, r.familyId, forbiddenAction);
  return r;
}

export function listCases(ctx: ServiceCtx, actor: Actor, familyId: string) {
  requireFamilyVisible(ctx, actor, familyId);
  return caseSummaries(ctx.sqlite, familyId);
}

export function getCase(ctx: ServiceCtx, actor: Actor, id: string): CaseDetail {
  const r = requireCase(ctx, actor, id);
  audit(ctx, actor, 'case.open', { type: 'case', id });
  return caseDetail(ctx, actor, r);
}

// ---- Creating cases ------------------------------------------------------------------------------

function nextCaseNumber(sqlite: SqliteHandle, year: number): { seqNo: number; caseNumber: string } {
  const pattern = getCaseSettings(sqlite).caseNumberPattern;
  const max = (sqlite.prepare('SELECT max(seq_no) AS m FROM cases WHERE seq_year = ?').get(year) as { m: number | null }).m ?? 0;
  let seqNo = max + 1;
  // A number typed in by hand (or a changed pattern) may already exist: skip it.
  while (sqlite.prepare('SELECT 1 FROM cases WHERE case_number = ?').get(formatCaseNumber(pattern, seqNo, year))) seqNo += 1;
  return { seqNo, caseNumber: formatCaseNumber(pattern, seqNo, year) };
}

function writeEvent(
  ctx: ServiceCtx,
  actor: Actor,
  caseId: string,
  action: string,
  from: CaseState | null,
  to: CaseState,
  details: Record<string, unknown> | null,
): void {
  ctx.sqlite
    .prepare(
      `INSERT INTO case_events (case_id, at, user_id, user_login, user_name, action, from_state, to_state, details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(caseId, nowIso(ctx), actor.user.id, actor.user.login, actor.user.fullName, action, from, to, details ? JSON.stringify(details) : null);
}

/** Maps blockers to an AppError: role -> FORBIDDEN, state -> INVALID_TRANSITION, caseload -> CASELOAD_LIMIT_REACHED. */
function refusal(findings: Finding[], fieldOf: (code: string) => string | null = () => null): AppError {
  const blockers = findings.filter((f) => f.severity === 'blocker');
  const first = blockers[0]!;
  let code: ErrorCode = 'RULE_BLOCKED';
  if (blockers.some((f) => ROLE_FINDING_CODES.includes(f.code))) code = 'FORBIDDEN';
  else if (blockers.some((f) => STATE_FINDING_CODES.includes(f.code))) code = 'INVALID_TRANSITION';
  else if (blockers.some((f) => f.code === 'CASELOAD_LIMIT_REACHED')) code = 'CASELOAD_LIMIT_REACHED';
  const lead = blockers.find((f) => ROLE_FINDING_CODES.includes(f.code)) ?? blockers.find((f) => STATE_FINDING_CODES.includes(f.code)) ?? first;
  const fields: Record<string, string> = {};
  for (const f of blockers) {
    const k = fieldOf(f.code);
    if (k && !fields[k]) fields[k] = f.message;
  }
  return new AppError(code, lead.message, { findings, ...(Object.keys(fields).length ? { fields } : {}) });
}

export function intake(ctx: ServiceCtx, actor: Actor, input: IntakeInput): { case: CaseDetail; findings: Finding[] } {
  requireFamilyVisible(ctx, actor, input.familyId);
  refuseIfAnonymised(ctx.sqlite, input.familyId);
  const today = todayOf(ctx);
  const check = checkIntake({
    source: input.source,
    learnedOn: input.learnedOn,
    urgent: input.urgent ?? false,
    courtOrder: input.courtOrder,
    asOf: today,
  });
  if (check.findings.some((f) => f.severity === 'blocker')) {
    throw refusal(check.findings, (c) => (c.startsWith('DATE_') ? 'learnedOn' : c.startsWith('COURT_ORDER') ? 'courtOrder' : 'source'));
  }
  const id = randomUUID();
  const year = Number(today.slice(0, 4));
  const at = nowIso(ctx);
  ctx.sqlite.transaction(() => {
    const { seqNo, caseNumber } = nextCaseNumber(ctx.sqlite, year);
    ctx.sqlite
      .prepare(
        `INSERT INTO cases (id, family_id, track, source, state, case_number, seq_year, seq_no, urgent, learned_on, interview_due_on,
                            court_order, details, referred_by, created_at, updated_at, version)
         VALUES (@id, @familyId, 'general', @source, @state, @caseNumber, @year, @seqNo, @urgent, @learnedOn, @due, @courtOrder, @details,
                 @by, @at, @at, 1)`,
      )
      .run({
        id,
        familyId: input.familyId,
        source: input.source,
        state: INITIAL_STATE.general,
        caseNumber,
        year,
        seqNo,
        urgent: input.urgent ? 1 : 0,
        learnedOn: input.learnedOn,
        due: check.interviewDueOn ?? interviewDueDate({ learnedOn: input.learnedOn, urgent: !!input.urgent }),
        courtOrder: input.courtOrder ? JSON.stringify(input.courtOrder) : null,
        details: JSON.stringify({ reportedBy: input.reportedBy ?? '', description: input.description ?? '' }),
        by: actor.user.id,
        at,
      });
    writeEvent(ctx, actor, id, 'intake', null, INITIAL_STATE.general, {
      source: input.source,
      urgent: !!input.urgent,
      learnedOn: input.learnedOn,
      interviewDueOn: check.interviewDueOn,
    });
    refreshFamilyIndex(ctx.sqlite, input.familyId);
    audit(ctx, actor, 'case.intake', { type: 'case', id }, { familyId: input.familyId, caseNumber, source: input.source, urgent: !!input.urgent });
  })();
  return { case: caseDetail(ctx, actor, getCaseRow(ctx.sqlite, id)!), findings: check.findings };
}

export function zzRequest(
  ctx: ServiceCtx,
  actor: Actor,
  input: {
    familyId: string;
    category: ZaZyciemCategory;
    receivedOn: string;
    documents: unknown;
    description?: string;
  },
): { case: CaseDetail; findings: Finding[] } {
  requireFamilyVisible(ctx, actor, input.familyId);
  refuseIfAnonymised(ctx.sqlite, input.familyId);
  const today = todayOf(ctx);
  const findings = checkZzRequest({ receivedOn: input.receivedOn, asOf: today });
  if (findings.some((f) => f.severity === 'blocker')) throw refusal(findings, () => 'receivedOn');
  const id = randomUUID();
  const year = Number(today.slice(0, 4));
  const at = nowIso(ctx);
  ctx.sqlite.transaction(() => {
    const { seqNo, caseNumber } = nextCaseNumber(ctx.sqlite, year);
    ctx.sqlite
      .prepare(
        `INSERT INTO cases (id, family_id, track, source, state, case_number, seq_year, seq_no, urgent, zz_category, received_on, zz_documents,
                            details, referred_by, created_at, updated_at, version)
         VALUES (@id, @familyId, 'za-zyciem', 'za-zyciem', @state, @caseNumber, @year, @seqNo, 0, @category, @receivedOn, @documents,
                 @details, @by, @at, @at, 1)`,
      )
      .run({
        id,
        familyId: input.familyId,
        state: INITIAL_STATE['za-zyciem'],
        caseNumber,
        year,
        seqNo,
        category: input.category,
        receivedOn: input.receivedOn,
        documents: JSON.stringify(input.documents ?? {}),
        details: JSON.stringify({ description: input.description ?? '' }),
        by: actor.user.id,
        at,
      });
    writeEvent(ctx, actor, id, 'zzRequest', null, INITIAL_STATE['za-zyciem'], { category: input.category, receivedOn: input.receivedOn });
    refreshFamilyIndex(ctx.sqlite, input.familyId);
    audit(ctx, actor, 'case.zz_request', { type: 'case', id }, { familyId: input.familyId, caseNumber, category: input.category });
  })();
  return { case: caseDetail(ctx, actor, getCaseRow(ctx.sqlite, id)!), findings };
}

// ---- Transitions ---------------------------------------------------------------------------------

/** Later stages (issue 4): driven by the work services (assessments, plan, closure, cases:advance). */
export type LaterPayload =
  | ({ action: 'startInitialAssessment' } & TransitionInputs['startInitialAssessment'])
  | ({ action: 'adoptPlan' } & TransitionInputs['adoptPlan'])
  | ({ action: 'startRealisation' } & TransitionInputs['startRealisation'])
  | ({ action: 'drawUpCatalogue' } & TransitionInputs['drawUpCatalogue'])
  | ({ action: 'startCoordination' } & TransitionInputs['startCoordination'])
  | ({ action: 'suspend' } & TransitionInputs['suspend'])
  | ({ action: 'resume' } & TransitionInputs['resume'])
  | ({ action: 'close'; monitoringEndsOn: string; note?: string } & TransitionInputs['close'])
  | ({ action: 'archive'; note?: string } & TransitionInputs['archive']);

type AnyPayload = TransitionPayload | ({ action: 'verifyZz' } & TransitionInputs['verifyZz']) | LaterPayload;

/** Form field a blocker belongs to (for the form's error display). */
function fieldOf(action: string): (code: string) => string | null {
  return (code) => {
    if (code === 'CASELOAD_LIMIT_REACHED' || code.startsWith('DECISION_ASSISTANT')) return 'assistantId';
    if (code === 'REFUSAL_REASON_MISSING' || code === 'ZZ_REFUSAL_REASON_MISSING') return 'reason';
    if (code === 'FORWARD_TARGET_MISSING') return 'forwardedTo';
    if (code === 'REQUEST_JUSTIFICATION_MISSING') return 'justification';
    if (code === 'REQUEST_ANALYSIS_MISSING') return 'analysis';
    if (code === 'CLOSURE_REASON_CONTRADICTS_FINAL_ASSESSMENT') return 'reasonJustification';
    if (code.startsWith('COURT_ORDER') || code.startsWith('CONSENT_BASIS')) return 'basis';
    if (code.startsWith('CERT_') || code.startsWith('ZZ_CERTIFICATE')) return 'documents.certificate';
    if (code === 'ZZ_PREGNANCY_DOCUMENT_MISSING') return 'documents.pregnancyDocument';
    if (code.startsWith('DATE_') || code.startsWith('INTERVIEW_BEFORE') || code === 'CONSENT_DATE_BEFORE_ASSIGNMENT') {
      return (
        {
          recordInterview: 'interviewOn',
          recordAnalysis: 'analysisOn',
          submitRequest: 'requestOn',
          recordFirstContact: 'contactOn',
          recordConsent: 'basis',
          recordRefusal: 'refusedOn',
          verifyZz: 'verifiedOn',
        } as Record<string, string>
      )[action] ?? 'decidedOn';
    }
    return null;
  };
}

function evaluate(ctx: ServiceCtx, actor: Actor, r: CaseRow, payload: AnyPayload): Finding[] {
  const { action, ...input } = payload;
  const assistantId = action === 'assign' ? (payload as { assistantId: string }).assistantId : undefined;
  return checkTransition(
    factsOf(r),
    action as CaseAction,
    { role: actor.user.role, userId: actor.user.id },
    input as never,
    contextFor(ctx, r, assistantId),
  );
}

/** The same rules as a transition, without changing anything (the UI's "check before saving"). */
export function checkCaseTransition(ctx: ServiceCtx, actor: Actor, caseId: string, payload: TransitionPayload) {
  const r = requireCase(ctx, actor, caseId);
  const findings = evaluate(ctx, actor, r, payload);
  return { allowed: !findings.some((f) => f.severity === 'blocker'), findings };
}

/** Column updates of each implemented action. */
function updatesFor(payload: AnyPayload, today: string): Record<string, unknown> {
  switch (payload.action) {
    case 'recordInterview':
      return { interview_on: payload.interviewOn };
    case 'recordAnalysis':
      return { care_difficulties_found: payload.careDifficultiesFound ? 1 : 0 };
    case 'concludeNoAssistantNeeded':
      return { closed_on: payload.decidedOn, closure_reason: closureReasonOf('concludeNoAssistantNeeded') };
    case 'submitRequest':
      return { request_on: payload.requestOn };
    case 'assign':
      return { decision: 'assign', decided_on: payload.decidedOn, assistant_id: payload.assistantId, assigned_on: payload.decidedOn };
    case 'forward':
      return { decision: 'forward', decided_on: payload.decidedOn, forwarded_to: `${payload.forwardedTo}` };
    case 'waitlist':
      return { decision: 'waitlist', decided_on: payload.decidedOn };
    case 'refuse':
      return { decision: 'refuse', decided_on: payload.decidedOn, closed_on: payload.decidedOn, closure_reason: closureReasonOf('refuse') };
    case 'recordFirstContact':
      return {};
    case 'recordConsent': {
      const b = payload.basis;
      const on = b.kind === 'written-consent' ? b.consentOn : b.kind === 'court-order' ? b.date : (b.leftInstitutionOn ?? today);
      const extra = b.kind === 'court-order' ? { court_order: JSON.stringify({ court: b.court, caseRef: b.caseRef, date: b.date }) } : {};
      return { consent_basis: b.kind, consent_on: on, ...extra };
    }
    case 'recordRefusal':
      return { closed_on: payload.refusedOn, closure_reason: closureReasonOf('recordRefusal') };
    case 'refuseZz':
      return { decision: 'refuse', decided_on: payload.decidedOn, closed_on: payload.decidedOn, closure_reason: closureReasonOf('refuseZz') };
    case 'verifyZz':
      return { verified_on: payload.verifiedOn, zz_category: payload.category, zz_documents: JSON.stringify(payload.documents) };
    case 'suspend':
      return { suspension: JSON.stringify({ on: payload.on, reason: payload.reason }) };
    case 'resume':
      return { suspension: null };
    case 'close':
      return { closed_on: payload.on, closure_reason: payload.reason, monitoring_ends_on: payload.monitoringEndsOn, suspension: null };
    case 'startInitialAssessment':
    case 'adoptPlan':
    case 'startRealisation':
    case 'drawUpCatalogue':
    case 'startCoordination':
    case 'archive':
      return {};
  }
}

/**
 * Particulars of a step that only the printed documents need, merged into `cases.details` (JSON):
 * the request's justification and attachments (`details.request`, the social worker's request,
 * domain.md §4.2) and the agreed place and frequency of meetings (`details.consent`, the consent
 * or acknowledgement, §4.5). Empty for the other actions.
 */
function detailsUpdate(current: CaseRow, payload: AnyPayload): Record<string, unknown> {
  let part: Record<string, unknown> | null = null;
  if (payload.action === 'recordAnalysis' && payload.note?.trim()) part = { analysis: { note: payload.note.trim() } };
  else if (payload.action === 'submitRequest') {
    const analysis = payload.analysis?.trim() || (json<{ analysis?: { note?: string } }>(current.details)?.analysis?.note ?? '');
    part = { request: { analysis, justification: payload.justification, attachments: payload.attachments ?? [] } };
  } else if (payload.action === 'close' && payload.reasonJustification?.trim()) part = { closure: { reasonJustification: payload.reasonJustification.trim() } };
  else if (payload.action === 'recordConsent' && (payload.meetingPlace || payload.meetingFrequency))
    part = { consent: { meetingPlace: payload.meetingPlace ?? '', meetingFrequency: payload.meetingFrequency ?? '' } };
  if (!part) return {};
  return { details: JSON.stringify({ ...(json<Record<string, unknown>>(current.details) ?? {}), ...part }) };
}

const DECIDER_COLUMNS = new Set(['assign', 'forward', 'waitlist', 'refuse', 'refuseZz']);

export function transition(
  ctx: ServiceCtx,
  actor: Actor,
  input: { caseId: string; version: number; payload: AnyPayload },
): { case: CaseDetail; findings: Finding[] } {
  const { sqlite } = ctx;
  const r = requireCase(ctx, actor, input.caseId, 'case.transition_forbidden');
  refuseIfAnonymised(sqlite, r.familyId);
  const action = input.payload.action;
  const def = transitionDef(r.track, action);
  let findings: Finding[] = [];
  let result: CaseRow | undefined;
  // The rules are evaluated inside the write transaction: a concurrent assignment cannot slip
  // past the caseload check.
  const run = sqlite.transaction(() => {
    const current = getCaseRow(sqlite, input.caseId)!;
    findings = evaluate(ctx, actor, current, input.payload);
    if (findings.some((f) => f.severity === 'blocker')) throw refusal(findings, fieldOf(action));
    if (current.version !== input.version) throw new AppError('STALE_EDIT');
    const to = def!.to;
    const updates: Record<string, unknown> = { ...updatesFor(input.payload, todayOf(ctx)), ...detailsUpdate(current, input.payload) };
    if (DECIDER_COLUMNS.has(action)) updates.decided_by = actor.user.id;
    const sets = Object.keys(updates).map((k) => `${k} = @${k}`);
    const res = sqlite
      .prepare(
        `UPDATE cases SET state = @state, ${sets.length ? `${sets.join(', ')},` : ''} updated_at = @at, version = version + 1
          WHERE id = @id AND version = @version AND state = @from`,
      )
      .run({ ...updates, state: to, at: nowIso(ctx), id: current.id, version: input.version, from: current.state });
    if (res.changes !== 1) throw new AppError('STALE_EDIT');
    const { action: _a, ...details } = input.payload as Record<string, unknown>;
    writeEvent(ctx, actor, current.id, action, current.state, to, {
      ...details,
      ...(updates.closure_reason ? { closureReason: updates.closure_reason } : {}),
      ...(action === 'assign' ? { assistantName: assistantContext(sqlite, (input.payload as { assistantId: string }).assistantId)?.name } : {}),
      findings: findings.filter((f) => f.severity !== 'info').map((f) => f.code),
    });
    sqlite.prepare('UPDATE families SET updated_at = ? WHERE id = ?').run(nowIso(ctx), current.familyId);
    refreshFamilyIndex(sqlite, current.familyId);
    audit(ctx, actor, 'case.transition', { type: 'case', id: current.id }, {
      action,
      from: current.state,
      to,
      caseNumber: current.caseNumber,
      ...(action === 'assign' ? { assistantId: (input.payload as { assistantId: string }).assistantId } : {}),
    });
    result = getCaseRow(sqlite, current.id);
  });
  try {
    run.immediate();
  } catch (e) {
    if (e instanceof AppError && e.code === 'FORBIDDEN') {
      audit(ctx, actor, 'case.transition_forbidden', { type: 'case', id: r.id }, { action, state: r.state, role: actor.user.role });
    } else if (e instanceof AppError && e.findings) {
      audit(ctx, actor, 'case.transition_refused', { type: 'case', id: r.id }, {
        action,
        state: r.state,
        codes: e.findings.filter((f) => f.severity === 'blocker').map((f) => f.code),
      });
    }
    throw e;
  }
  return { case: caseDetail(ctx, actor, result!), findings };
}

// ---- The head's decision screen -----------------------------------------------------------------

export function decisionScreen(ctx: ServiceCtx) {
  const { sqlite } = ctx;
  const settings = getCaseSettings(sqlite);
  const awaiting = (
    sqlite
      .prepare(
        `SELECT c.id, c.case_number AS caseNumber, c.track, c.source, c.state, c.family_id AS familyId, f.place, c.urgent,
                c.request_on AS requestOn, c.received_on AS receivedOn,
                (SELECT first_name || ' ' || last_name FROM family_members m WHERE m.family_id = f.id ORDER BY is_head DESC, sort_order LIMIT 1) AS head,
                f.address
           FROM cases c JOIN families f ON f.id = c.family_id
          WHERE c.state IN ('WNIOSEK_PS','LISTA_OCZEKUJACYCH','SKIEROWANIE_DO_PODMIOTU','WERYFIKACJA')
          ORDER BY c.urgent DESC, coalesce(c.request_on, c.received_on), c.seq_year, c.seq_no`,
      )
      .all() as Array<{
      id: string;
      caseNumber: string;
      track: CaseTrack;
      source: CaseSource;
      state: CaseState;
      familyId: string;
      place: string;
      urgent: number;
      requestOn: string | null;
      receivedOn: string | null;
      head: string | null;
      address: string;
    }>
  ).map((c) => ({
    id: c.id,
    caseNumber: c.caseNumber,
    track: c.track,
    source: c.source,
    state: c.state,
    stateLabel: CASE_STATES[c.state].label,
    familyId: c.familyId,
    familyLabel: `${c.head ?? 'Rodzina'}, ${c.address}, ${c.place}`,
    place: c.place,
    urgent: c.urgent === 1,
    requestOn: c.requestOn,
    receivedOn: c.receivedOn,
    assignmentDueOn: c.track === 'za-zyciem' && c.receivedOn ? zzDeadlines(c.receivedOn).assignmentDue : null,
    mandatory: c.source === 'minor-parent-leaving-institution' || c.source === 'court-order',
  }));
  const staff = sqlite
    .prepare(`SELECT id, full_name AS fullName, personal_limit AS personalLimit FROM users WHERE role = 'assistant' AND active = 1 ORDER BY full_name`)
    .all() as Array<{ id: string; fullName: string; personalLimit: number | null }>;
  const rows = sqlite
    .prepare(
      `SELECT assistant_id AS a, family_id AS familyId, state FROM cases
        WHERE state IN ${OPEN_CASE_STATES_SQL} AND assistant_id IS NOT NULL`,
    )
    .all() as Array<{ a: string; familyId: string; state: CaseState }>;
  const byAssistant = new Map<string, Array<{ familyId: string; phase: ReturnType<typeof caseloadPhaseOf> }>>();
  for (const r of rows) {
    const list = byAssistant.get(r.a) ?? [];
    list.push({ familyId: r.familyId, phase: caseloadPhaseOf(r.state) });
    byAssistant.set(r.a, list);
  }
  const assistants = staff.map((s) => {
    const cs = byAssistant.get(s.id) ?? [];
    const counted = countedFamilies(cs, settings.monitoringCounts);
    const monitoring = new Set(cs.filter((c) => c.phase === 'monitoring').map((c) => c.familyId));
    const limit = Math.min(CASELOAD_STATUTORY_LIMIT, s.personalLimit ?? CASELOAD_STATUTORY_LIMIT);
    return {
      ...s,
      limit,
      count: counted.size,
      monitoring: monitoring.size,
      free: Math.max(0, limit - counted.size),
    };
  });
  return { awaiting, assistants, monitoringCounts: settings.monitoringCounts };
}

// ---- Users' areas --------------------------------------------------------------------------------

export function setUserArea(ctx: ServiceCtx, actor: Actor, input: { id: string; area: string | null }) {
  const before = ctx.sqlite.prepare('SELECT area FROM users WHERE id = ?').get(input.id) as { area: string | null } | undefined;
  if (!before) throw new AppError('NOT_FOUND');
  const area = input.area?.trim() || null;
  ctx.sqlite.transaction(() => {
    ctx.sqlite.prepare('UPDATE users SET area = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(area, nowIso(ctx), input.id);
    audit(ctx, actor, 'user.set_area', { type: 'user', id: input.id }, { before: before.area, after: area });
  })();
  return { id: input.id, area };
}

export function listUserAreas(sqlite: SqliteHandle) {
  return sqlite.prepare('SELECT id, full_name AS fullName, role, area FROM users WHERE active = 1 ORDER BY full_name').all() as Array<{
    id: string;
    fullName: string;
    role: string;
    area: string | null;
  }>;
}
