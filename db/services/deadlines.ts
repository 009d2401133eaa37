/**
 * The morning screen (Na dziś i na ten tydzień): DB state -> CaseDeadlineFacts -> computeDeadlines
 * (shared/rules/deadlineEngine.ts), per user (an assistant: their cases; a social worker: the
 * families they see; the head: everything, with the half-year statistics) and for the head
 * across all assistants with their caseloads against their limits. A few set-based queries,
 * then one pure pass: linear in the number of open cases.
 */
import {
  CASELOAD_STATUTORY_LIMIT,
  caseloadPhaseOf,
  computeDeadlines,
  countedFamilies,
  type CaseDeadlineFacts,
  type CaseState,
  type DeadlineCasePhase,
  type DeadlineItem,
  CASE_STATES,
  nextStep,
} from '../../shared/rules/index';
import type { Actor } from '../core';
import type { SqliteHandle } from '../open';
import { getWorkSettings } from '../repos/work';
import { warsawDate } from '../../shared/dates';
import { statisticsBasis } from '../../shared/rules/acts';
import { readOfficePapers } from './staff';
import { getCaseSettings } from './caseSettings';
import { audit, nowIso, todayOf, type ServiceCtx } from './context';
import { familyScope } from './registry';
import { OPEN_CASE_STATES_SQL } from '../repos/caseStates';

const PHASE: Record<CaseState, DeadlineCasePhase> = {
  ZGLOSZENIE: 'intake',
  RWS_PRZEPROWADZONY: 'intake',
  ANALIZA: 'intake',
  WNIOSEK_ZZ: 'intake',
  WNIOSEK_PS: 'awaiting-decision',
  LISTA_OCZEKUJACYCH: 'awaiting-decision',
  SKIEROWANIE_DO_PODMIOTU: 'awaiting-decision',
  WERYFIKACJA: 'awaiting-decision',
  PRZYDZIELONY: 'assigned',
  PIERWSZY_KONTAKT: 'assigned',
  ZGODA: 'active',
  KONTAKT_I_ZGODA: 'active',
  OCENA_WSTEPNA: 'active',
  PLAN_PRACY: 'active',
  REALIZACJA: 'active',
  KATALOG_WSPARCIA: 'active',
  KOORDYNACJA: 'active',
  ZAWIESZENIE: 'suspended',
  MONITORING: 'monitoring',
  ZAMKNIETA: 'closed',
  ARCHIWUM: 'closed',
};

interface FactRow {
  id: string;
  familyId: string;
  caseNumber: string;
  track: 'general' | 'za-zyciem';
  state: CaseState;
  assistantId: string | null;
  learnedOn: string | null;
  urgent: number;
  interviewOn: string | null;
  receivedOn: string | null;
  assignedOn: string | null;
  consentOn: string | null;
  closedOn: string | null;
  monitoringEndsOn: string | null;
  head: string | null;
  address: string;
  place: string;
  firstContactOn: string | null;
  initialAssessmentOn: string | null;
  lastAssessmentOn: string | null;
  workPlanOn: string | null;
  lastVisitOn: string | null;
}

/** CaseDeadlineFacts of every open case matching `where` (SQL on c / f). */
export function deadlineFacts(sqlite: SqliteHandle, where = '1', params: Record<string, unknown> = {}, today?: string): CaseDeadlineFacts[] {
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.family_id AS familyId, c.case_number AS caseNumber, c.track, c.state, c.assistant_id AS assistantId, c.learned_on AS learnedOn,
              c.urgent, c.interview_on AS interviewOn, c.received_on AS receivedOn, c.assigned_on AS assignedOn, c.consent_on AS consentOn,
              c.closed_on AS closedOn, c.monitoring_ends_on AS monitoringEndsOn, f.address, f.place,
              (SELECT first_name || ' ' || last_name FROM family_members m WHERE m.family_id = f.id ORDER BY is_head DESC, sort_order LIMIT 1) AS head,
              (SELECT json_extract(e.details, '$.contactOn') FROM case_events e WHERE e.case_id = c.id AND e.action = 'recordFirstContact' LIMIT 1) AS firstContactOn,
              (SELECT min(a.assessed_on) FROM assessments a WHERE a.case_id = c.id AND a.kind = 'initial') AS initialAssessmentOn,
              (SELECT max(a.assessed_on) FROM assessments a WHERE a.case_id = c.id AND a.kind <> 'final') AS lastAssessmentOn,
              (SELECT min(p.drawn_up_on) FROM work_plans p WHERE p.case_id = c.id) AS workPlanOn,
              (SELECT max(v.on_date) FROM case_entries v WHERE v.case_id = c.id AND v.kind = 'visit') AS lastVisitOn
         FROM cases c JOIN families f ON f.id = c.family_id
        WHERE c.state IN ${OPEN_CASE_STATES_SQL} AND ${where}`,
    )
    .all(params) as FactRow[];
  if (rows.length === 0) return [];
  // Court requests not yet answered, and Za życiem children (4000 zł), in two set queries.
  const court = new Map<string, NonNullable<CaseDeadlineFacts['courtOpinionRequests']>[number][]>();
  for (const r of sqlite
    .prepare(
      `SELECT id, case_id AS caseId, court, case_ref AS caseRef, requested_on AS requestedOn, delivered_on AS deliveredOn, term_days AS termDays,
              fixed_due_on AS dueDate FROM court_requests WHERE submitted_on IS NULL`,
    )
    .all() as Array<{ id: string; caseId: string; court: string; caseRef: string; requestedOn: string; deliveredOn: string | null; termDays: number | null; dueDate: string | null }>) {
    const list = court.get(r.caseId) ?? [];
    list.push({
      id: r.id,
      court: r.court,
      caseRef: r.caseRef,
      requestedOn: r.requestedOn,
      ...(r.deliveredOn ? { deliveredOn: r.deliveredOn } : {}),
      ...(r.termDays ? { termDays: r.termDays } : {}),
      ...(r.dueDate ? { dueDate: r.dueDate } : {}),
    });
    court.set(r.caseId, list);
  }
  const zzFamilies = [...new Set(rows.filter((r) => r.track === 'za-zyciem').map((r) => r.familyId))];
  const children = new Map<string, Array<{ name: string; birthDate: string }>>();
  if (zzFamilies.length) {
    const since = today ? `${Number(today.slice(0, 4)) - 2}${today.slice(4)}` : '0000-00-00';
    for (const m of sqlite
      .prepare(
        `SELECT family_id AS familyId, first_name || ' ' || last_name AS name, birth_date AS birthDate FROM family_members
          WHERE is_child = 1 AND birth_date >= ? AND family_id IN (${zzFamilies.map(() => '?').join(',')})`,
      )
      .all(since, ...zzFamilies) as Array<{ familyId: string; name: string; birthDate: string }>) {
      const list = children.get(m.familyId) ?? [];
      list.push({ name: m.name, birthDate: m.birthDate });
      children.set(m.familyId, list);
    }
  }
  const benefitApplied = new Map<string, string>();
  for (const b of sqlite
    .prepare(`SELECT case_id AS caseId, coalesce(applied_on, substr(updated_at, 1, 10)) AS on_ FROM catalogue_items WHERE area = 'benefit' AND status IN ('applied','obtained')`)
    .all() as Array<{ caseId: string; on_: string }>) {
    benefitApplied.set(b.caseId, b.on_);
  }
  return rows.map((r) => {
    const f: CaseDeadlineFacts = {
      caseId: r.id,
      familyId: r.familyId,
      caseNumber: r.caseNumber,
      familyLabel: `${r.head ?? 'Rodzina'}, ${r.address}, ${r.place}`,
      track: r.track,
      phase: PHASE[r.state] ?? 'closed',
      urgent: r.urgent === 1,
    };
    if (r.assistantId) f.assistantId = r.assistantId;
    if (r.learnedOn) f.learnedOn = r.learnedOn;
    if (r.interviewOn) f.rwsDoneOn = r.interviewOn;
    if (r.receivedOn) f.requestReceivedOn = r.receivedOn;
    // The assignment letter informs the Za życiem applicant (domain.md §4.4).
    if (r.track === 'za-zyciem' && r.assignedOn) f.applicantInformedOn = r.assignedOn;
    if (r.assignedOn) f.assignedOn = r.assignedOn;
    const firstContact = r.firstContactOn ?? (r.consentOn ? r.consentOn : null);
    if (firstContact) f.firstContactOn = firstContact;
    if (r.consentOn) f.consentOn = r.consentOn;
    if (r.initialAssessmentOn) f.initialAssessmentOn = r.initialAssessmentOn;
    if (r.lastAssessmentOn) f.lastAssessmentOn = r.lastAssessmentOn;
    if (r.workPlanOn) f.workPlanOn = r.workPlanOn;
    if (r.lastVisitOn) f.lastVisitOn = r.lastVisitOn;
    if (r.closedOn) f.closedOn = r.closedOn;
    if (r.monitoringEndsOn) f.monitoringEndsOn = r.monitoringEndsOn;
    const cr = court.get(r.id);
    if (cr) f.courtOpinionRequests = cr;
    if (r.track === 'za-zyciem') {
      const kids = children.get(r.familyId);
      const applied = benefitApplied.get(r.id);
      if (kids) f.children = kids.map((k) => ({ ...k, ...(applied ? { benefitAppliedOn: applied } : {}) }));
    }
    return f;
  });
}

/** Deadline items of one case (no office-wide items), for its next step (shared/rules/nextStep.ts). */
export function caseDeadlineItems(sqlite: SqliteHandle, caseId: string, today: string): DeadlineItem[] {
  return computeDeadlines(deadlineFacts(sqlite, 'c.id = @caseId', { caseId }, today), today, settingsOf(sqlite), { includeOfficeItems: false });
}

function settingsOf(sqlite: SqliteHandle) {
  const w = getWorkSettings(sqlite);
  const c = getCaseSettings(sqlite);
  return {
    initialAssessmentDaysAfterConsent: c.assessmentDueDays,
    workPlanDaysAfterConsent: c.planDueDays,
    firstAssessmentFrom: w.firstAssessmentFrom,
    maxDaysBetweenVisits: w.maxDaysBetweenVisits,
    visitGapReminderDays: w.visitGapReminderDays,
    monitoringMonths: w.monitoringMonths,
  };
}

/** The office's set-up day in Warsaw: the first account (the head's, created by the setup wizard). */
export function officeSetUpOn(sqlite: SqliteHandle): string | undefined {
  const row = sqlite.prepare('SELECT min(created_at) AS at FROM users').get() as { at: string | null } | undefined;
  if (!row?.at) return undefined;
  return warsawDate(row.at) ?? undefined;
}

export function filedPeriods(sqlite: SqliteHandle): string[] {
  return (sqlite.prepare('SELECT period FROM statistics_filed ORDER BY period').all() as Array<{ period: string }>).map((r) => r.period);
}

function group(today: string, items: DeadlineItem[]) {
  const overdue = items.filter((i) => i.status === 'overdue');
  const dueSoon = items.filter((i) => i.status === 'due-soon');
  const upcoming = items.filter((i) => i.status === 'upcoming');
  return { today, overdue, dueSoon, upcoming, counts: { overdue: overdue.length, dueSoon: dueSoon.length, upcoming: upcoming.length } };
}

/** The caller's deadlines: assistant — their cases; social worker — families in their scope; head — all + statistics. */
export function myDeadlines(ctx: ServiceCtx, actor: Actor) {
  const today = todayOf(ctx);
  let facts: CaseDeadlineFacts[];
  if (actor.user.role === 'assistant') {
    // Their cases, and the cases of families shared with them for a substitution (issue 7).
    facts = deadlineFacts(
      ctx.sqlite,
      `(c.assistant_id = @me OR c.family_id IN (SELECT fs.family_id FROM family_shares fs WHERE fs.user_id = @me AND fs.revoked_at IS NULL
         AND fs.from_on <= @today AND fs.until_on >= @today))`,
      { me: actor.user.id, today },
      today,
    );
  }
  else if (actor.user.role === 'social_worker') {
    const s = familyScope(ctx.sqlite, actor, today);
    facts = deadlineFacts(ctx.sqlite, s.sql, s.params, today);
  } else facts = deadlineFacts(ctx.sqlite, '1', {}, today);
  const items = withStatisticsBasis(
    ctx.sqlite,
    computeDeadlines(facts, today, settingsOf(ctx.sqlite), {
      includeOfficeItems: actor.user.role === 'admin',
      statisticsFiledPeriods: filedPeriods(ctx.sqlite),
      officeSetUpOn: officeSetUpOn(ctx.sqlite),
    }),
  );
  const out = group(today, items);
  return actor.user.role === 'assistant' ? { ...out, newlyAssigned: newlyAssigned(ctx.sqlite, actor.user.id, facts, items) } : out;
}

/** The assistant's families assigned but not yet in contact (issue 14: "nawiąż pierwszy kontakt
 *  do …"), each with its next step and the deadline that applies, oldest assignment first. */
function newlyAssigned(sqlite: SqliteHandle, me: string, facts: CaseDeadlineFacts[], items: DeadlineItem[]) {
  const rows = sqlite
    .prepare(
      `SELECT id, track, state, assigned_on AS assignedOn FROM cases
        WHERE assistant_id = ? AND state IN ('PRZYDZIELONY', 'PIERWSZY_KONTAKT') ORDER BY assigned_on, case_number`,
    )
    .all(me) as Array<{ id: string; track: 'general' | 'za-zyciem'; state: CaseState; assignedOn: string | null }>;
  return rows.map((r) => {
    const f = facts.find((x) => x.caseId === r.id);
    const step = nextStep({ track: r.track, state: r.state, deadlines: items.filter((i) => i.caseId === r.id) });
    return {
      caseId: r.id,
      caseNumber: f?.caseNumber ?? '',
      familyLabel: f?.familyLabel ?? '',
      assignedOn: r.assignedOn,
      stateLabel: CASE_STATES[r.state].label,
      step: step ? { title: step.title, dueDate: step.deadline?.dueDate ?? null, daysLeft: step.deadline?.daysLeft ?? null } : null,
    };
  });
}

/** The head's view: every case's deadlines, and every assistant's caseload against the limit. */
export function allDeadlines(ctx: ServiceCtx, actor: Actor, input: { assistantId?: string } = {}) {
  const today = todayOf(ctx);
  const { sqlite } = ctx;
  const facts = input.assistantId ? deadlineFacts(sqlite, 'c.assistant_id = @a', { a: input.assistantId }, today) : deadlineFacts(sqlite, '1', {}, today);
  const items = withStatisticsBasis(
    sqlite,
    computeDeadlines(facts, today, settingsOf(sqlite), {
      includeOfficeItems: !input.assistantId,
      statisticsFiledPeriods: filedPeriods(sqlite),
      officeSetUpOn: officeSetUpOn(sqlite),
    }),
  );
  const monitoringCounts = getCaseSettings(sqlite).monitoringCounts;
  const staff = sqlite
    .prepare(`SELECT id, full_name AS fullName, personal_limit AS personalLimit FROM users WHERE role = 'assistant' AND active = 1 ORDER BY full_name`)
    .all() as Array<{ id: string; fullName: string; personalLimit: number | null }>;
  const rows = sqlite
    .prepare(`SELECT assistant_id AS a, family_id AS familyId, state FROM cases WHERE state IN ${OPEN_CASE_STATES_SQL} AND assistant_id IS NOT NULL`)
    .all() as Array<{ a: string; familyId: string; state: CaseState }>;
  const byA = new Map<string, Array<{ familyId: string; phase: ReturnType<typeof caseloadPhaseOf> }>>();
  for (const r of rows) {
    const l = byA.get(r.a) ?? [];
    l.push({ familyId: r.familyId, phase: caseloadPhaseOf(r.state) });
    byA.set(r.a, l);
  }
  const assistants = staff.map((s) => {
    const cs = byA.get(s.id) ?? [];
    const mine = items.filter((i) => i.assistantId === s.id);
    return {
      id: s.id,
      fullName: s.fullName,
      count: countedFamilies(cs, monitoringCounts).size,
      limit: Math.min(CASELOAD_STATUTORY_LIMIT, s.personalLimit ?? CASELOAD_STATUTORY_LIMIT),
      monitoring: new Set(cs.filter((c) => c.phase === 'monitoring').map((c) => c.familyId)).size,
      overdue: mine.filter((i) => i.status === 'overdue').length,
      dueSoon: mine.filter((i) => i.status === 'due-soon').length,
    };
  });
  void actor;
  return { ...group(today, items), assistants };
}

export function markStatisticsFiled(ctx: ServiceCtx, actor: Actor, input: { period: string; filedOn: string }) {
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare('INSERT INTO statistics_filed (period, filed_on, filed_by, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(period) DO UPDATE SET filed_on = excluded.filed_on')
      .run(input.period, input.filedOn, actor.user.id, nowIso(ctx));
    audit(ctx, actor, 'statistics.filed', { type: 'statistics', id: input.period }, { filedOn: input.filedOn });
  })();
  return { filed: filedPeriods(ctx.sqlite) };
}

/** The statistics deadlines carry the basis the office entered in its settings (Ustawienia → Dane
 *  do dokumentów), else the statute's reporting duty. */
function withStatisticsBasis<T extends { kind: string; basis: string }>(sqlite: SqliteHandle, items: T[]): T[] {
  const basis = statisticsBasis(readOfficePapers(sqlite).statisticsBasis);
  return items.map((i) => (i.kind === 'STATISTICS_H1_DUE' || i.kind === 'STATISTICS_H2_DUE' ? { ...i, basis } : i));
}
