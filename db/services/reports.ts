/**
 * Reports and statistics (issue 7, domain.md §6): reads plain case facts (ids, dates, states,
 * codes, flags — nothing that anonymisation removes) and computes the half-year figures, the
 * annual report and the dashboard with the pure functions of shared/reports; the drill-down
 * list of families behind a figure (personal data: the opening is audited with ids only); the
 * report settings in office_settings; and the exports (HTML for PDF, XLSX, CSV), each audited.
 * Head (admin) only — the channels say so and every function checks it again.
 */
import { formatDateInText, warsawDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { AnnualReportView, Drilldown, HalfYearReport, ReportFigure, ReportKind, ReportSettings } from '../../shared/ipc/channels/reports';
import {
  computeAnnual,
  computeHalfYear,
  DEFAULT_REPORT_CONVENTIONS,
  definitionOf,
  describeConventions,
  EMPLOYMENT_FORM_LABELS,
  FIGURE_SECTIONS,
  figureDef,
  formatFigureValue,
  HALF_YEAR_FIGURES,
  labelOf,
  parsePeriod,
  REPORT_CONVENTIONS_KEY,
  reportConventionsSchema,
  resolveConventions,
  workEnd,
  workStart,
  closureReasonLabel,
  periodNotEndedWarning,
  closureOfFigureId,
  closuresInPeriod,
  withCaseloadAtPeriodEnd,
  type AnnualToday,
  type AssessmentRow,
  type FigureItem,
  type HalfYearFigures,
  type ReportCase,
  type ReportConventions,
  type ReportFacts,
  type ReportPeriod,
  type ReportStaff,
  type StaffRow,
} from '../../shared/reports/index';
import { CASE_STATES, CASE_TRACKS, isCaseState } from '../../shared/rules/lifecycle';
import { fosterCareEpisodes, type PlacementRecord } from '../../shared/rules/placement';
import type { IsoDate } from '../../shared/rules/types';
import type { Actor } from '../core';
import { readOffice } from '../documents/data';
import type { SqliteHandle } from '../open';
import { buildCsv } from '../reports/csv';
import { reportHtml } from '../reports/print';
import { cell, type ReportDocument, type ReportSection } from '../reports/table';
import { buildXlsx } from '../reports/xlsx';
import type { PrintFonts } from '../../shared/print/layout';
import { OPEN_CASE_STATES_SQL } from '../repos/caseStates';
import { getCaseSettings } from './caseSettings';
import { reportStaffFromRegister } from './staff';
import { audit, nowIso, todayOf, type ServiceCtx } from './context';
import { allDeadlines } from './deadlines';

// ---- Access ------------------------------------------------------------------------------------

export function requireHead(ctx: ServiceCtx, actor: Actor, what: string): void {
  if (actor.user.role === 'admin') return;
  audit(ctx, actor, 'report.forbidden', null, { what, role: actor.user.role });
  throw new AppError('FORBIDDEN', 'Sprawozdania i statystyki przygotowuje kierownik ośrodka.');
}

function periodOf(id: string): ReportPeriod {
  try {
    return parsePeriod(id);
  } catch (e) {
    throw new AppError('VALIDATION', (e as Error).message, { fields: { period: (e as Error).message } });
  }
}

// ---- Settings (office_settings) ------------------------------------------------------------------

function readSetting(sqlite: SqliteHandle, key: string): { value: unknown; updatedAt: string } | null {
  const r = sqlite.prepare('SELECT value, updated_at AS updatedAt FROM office_settings WHERE key = ?').get(key) as { value: string; updatedAt: string } | undefined;
  if (!r) return null;
  try {
    return { value: JSON.parse(r.value) as unknown, updatedAt: r.updatedAt };
  } catch {
    return { value: null, updatedAt: r.updatedAt };
  }
}

function writeSetting(ctx: ServiceCtx, actor: Actor, key: string, value: unknown): void {
  ctx.sqlite
    .prepare(
      `INSERT INTO office_settings (key, value, version, updated_at, updated_by) VALUES (?, ?, 1, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, version = office_settings.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .run(key, JSON.stringify(value), nowIso(ctx), actor.user.id);
}

export function reportConventions(sqlite: SqliteHandle): ReportConventions {
  return resolveConventions(readSetting(sqlite, REPORT_CONVENTIONS_KEY)?.value);
}

/** The assistants' employment: from the staff register (kadra), kept by the head on the accounts page. */
export function reportStaff(sqlite: SqliteHandle): ReportStaff {
  return reportStaffFromRegister(sqlite);
}

function staffRows(sqlite: SqliteHandle): StaffRow[] {
  return (
    sqlite.prepare('SELECT id, full_name AS fullName, role, active, personal_limit AS personalLimit FROM users ORDER BY full_name').all() as Array<
      Omit<StaffRow, 'active'> & { active: number }
    >
  ).map((u) => ({ ...u, active: u.active === 1 }));
}

export function getReportSettings(ctx: ServiceCtx, actor: Actor): ReportSettings {
  requireHead(ctx, actor, 'settings');
  const conv = readSetting(ctx.sqlite, REPORT_CONVENTIONS_KEY);
  const forms = reportStaff(ctx.sqlite);
  // Assistants, plus anyone who was ever assigned a case (a former assistant still counts in old periods).
  const assigned = new Set((ctx.sqlite.prepare('SELECT DISTINCT assistant_id AS a FROM cases WHERE assistant_id IS NOT NULL').all() as Array<{ a: string }>).map((r) => r.a));
  const staff = staffRows(ctx.sqlite)
    .filter((u) => u.role === 'assistant' || assigned.has(u.id))
    .map((u) => ({ userId: u.id, fullName: u.fullName, active: u.active, form: forms[u.id]?.form ?? null, taskBasedTime: forms[u.id]?.taskBasedTime ?? false }));
  return {
    conventions: resolveConventions(conv?.value),
    defaults: DEFAULT_REPORT_CONVENTIONS,
    staff,
    updatedAt: conv?.updatedAt ?? null,
  };
}

export function setReportSettings(
  ctx: ServiceCtx,
  actor: Actor,
  input: { conventions?: ReportConventions | undefined },
): ReportSettings {
  requireHead(ctx, actor, 'settings');
  const changed: string[] = [];
  ctx.sqlite.transaction(() => {
    if (input.conventions) {
      const conv = reportConventionsSchema.parse(input.conventions);
      const before = reportConventions(ctx.sqlite);
      writeSetting(ctx, actor, REPORT_CONVENTIONS_KEY, conv);
      const keys = (Object.keys(conv) as Array<keyof ReportConventions>).filter((k) => JSON.stringify(conv[k]) !== JSON.stringify(before[k]));
      changed.push(...keys.map((k) => `conventions.${k}`));
    }
    audit(ctx, actor, 'report.settings_update', { type: 'settings', id: 'report' }, { changed });
  })();
  return getReportSettings(ctx, actor);
}

// ---- Facts --------------------------------------------------------------------------------------

const dateOfEvent = (decidedOn: string | null, on: string | null, at: string) =>
  decidedOn && /^\d{4}-\d{2}-\d{2}$/.test(decidedOn) ? decidedOn : on && /^\d{4}-\d{2}-\d{2}$/.test(on) ? on : (warsawDate(at) ?? at);

/**
 * Which cases a report reads. A report over a period needs only the cases that can count in it:
 * work that may overlap the period, a closure inside it, a waiting-list episode that may touch it
 * (see `loadReportCases`); the drill-down needs only the cases it lists. Without a scope: every case.
 */
export type ReportScope = { period: { from: IsoDate; to: IsoDate } } | { caseIds: ReadonlyArray<string> };

/** A waiting-list episode that began by the period's end and had not ended by its first day:
 *  both conventions of figure 6 ask for a subset of these. */
const waitlistTouches = (waitlist: ReadonlyArray<{ from: string; to: string | null }>, p: { from: IsoDate; to: IsoDate }) =>
  waitlist.some((w) => w.from <= p.to && (w.to === null || w.to > p.from));

/** The day before an ISO date. */
const dayBefore = (d: IsoDate) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Whether the archive step's date (dateOfEvent) may be on or after `from`, without working out
 * the office day of every archive step of twenty years: a step dated in its details is compared
 * as it is; one dated by its UTC instant falls on that day or the next in Warsaw (UTC+1/+2), so an
 * instant before the day before `from` is surely earlier; anything else is worked out exactly.
 */
function archivedMayBeFrom(e: EventRow, from: IsoDate, fromLessOne: IsoDate): boolean {
  const [, , , at, decidedOn, on] = e;
  if ((decidedOn && ISO_DAY.test(decidedOn)) || (on && ISO_DAY.test(on))) return dateOfEvent(decidedOn, on, at) >= from;
  if (ISO_INSTANT_UTC.test(at) && at.slice(0, 10) < fromLessOne) return false;
  return dateOfEvent(decidedOn, on, at) >= from;
}
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

type EventRow = [caseId: string, fromState: string | null, toState: string, at: string, decidedOn: string | null, on: string | null];

/**
 * Cases whose own columns say they may count in a period (:from, :to) — a superset, the pure
 * functions then count exactly as over every case:
 * - a closure inside the period (closures by reason, counted also before any work);
 * - work that may overlap it (workSpans): the work starts on the assignment or later (consent),
 *   so the assignment is on or before the period's end; and the work may still be going on
 *   after the period began: not closed, closed (or monitoring ended) on or after its first day,
 *   still in monitoring (counted as support by the office's choice), archived on or after its
 *   first day (:archived, from the case history), or started on or after its first day (an end
 *   before the start is moved to the start);
 * - a waiting-list episode that may touch the period (:waiting, from the case history).
 * Read from cases_report_idx alone.
 */
const PERIOD_CASES_SQL = `(closed_on >= :from AND closed_on <= :to)
   OR (assigned_on <= :to AND (closed_on IS NULL OR closed_on >= :from OR monitoring_ends_on >= :from
       OR assigned_on >= :from OR consent_on >= :from OR state = 'MONITORING' OR id IN (SELECT value FROM json_each(:archived))))
   OR id IN (SELECT value FROM json_each(:waiting))`;

/** Every case in scope as plain facts (ids, dates, states, codes, flags) with its waiting-list
 *  episodes and archive date from the case history. */
export function loadReportCases(sqlite: SqliteHandle, scope?: ReportScope): ReportCase[] {
  const ids = scope && 'caseIds' in scope ? JSON.stringify([...new Set(scope.caseIds)]) : null;
  if (ids === '[]') return [];
  // The waiting-list and archive steps, read from case_events_report_idx alone (migration 0009):
  // same expressions, same WHERE. With a period, all of them (a case is in scope by its history too).
  const events = sqlite
    .prepare(
      `SELECT case_id, from_state, to_state, at, (details ->> '$.decidedOn'), (details ->> '$.on')
         FROM case_events
        WHERE (to_state IN ('LISTA_OCZEKUJACYCH', 'ARCHIWUM') OR from_state = 'LISTA_OCZEKUJACYCH')${ids ? ' AND case_id IN (SELECT value FROM json_each(:ids))' : ''}
        ORDER BY case_id, id`,
    )
    .raw()
    .all(...(ids ? [{ ids }] : [])) as EventRow[];
  const waitlists = new Map<string, Array<{ from: string; to: string | null }>>();
  // The last archive step of each case: its date is worked out only for the cases read.
  const archiveStep = new Map<string, EventRow>();
  for (const e of events) {
    const [caseId, fromState, toState, at, decidedOn, on_] = e;
    if (toState === 'ARCHIWUM') archiveStep.set(caseId, e);
    if (fromState !== 'LISTA_OCZEKUJACYCH' && toState !== 'LISTA_OCZEKUJACYCH') continue;
    const on = dateOfEvent(decidedOn, on_, at);
    let list = waitlists.get(caseId);
    if (fromState === 'LISTA_OCZEKUJACYCH') {
      const open = list?.find((w) => w.to === null);
      if (open) open.to = on;
    }
    if (toState === 'LISTA_OCZEKUJACYCH' && fromState !== 'LISTA_OCZEKUJACYCH') {
      if (!list) waitlists.set(caseId, (list = []));
      list.push({ from: on, to: null });
    }
  }
  // Twenty years of cases are tens of thousands of rows: read as arrays (no intermediate row
  // objects), from cases_report_idx alone (migration 0009), only those in scope.
  type Row = [
    caseId: string,
    familyId: string,
    track: 'general' | 'za-zyciem',
    source: string,
    state: string,
    assistantId: string | null,
    assignedOn: string | null,
    consentOn: string | null,
    closedOn: string | null,
    closureReason: string | null,
    monitoringEndsOn: string | null,
    consentBasis: string | null,
    hasCourtOrder: number,
  ];
  const columns = `SELECT id, family_id, track, source, state, assistant_id, assigned_on, consent_on, closed_on, closure_reason,
              monitoring_ends_on, consent_basis, (court_order IS NOT NULL)
         FROM cases`;
  // In id order (the index's order) whatever the scope, so every list is built in the same order.
  let rows: Row[];
  if (!scope) rows = sqlite.prepare(`${columns} ORDER BY id`).raw().all() as Row[];
  else if (ids) rows = sqlite.prepare(`${columns} WHERE id IN (SELECT value FROM json_each(:ids)) ORDER BY id`).raw().all({ ids }) as Row[];
  else if ('period' in scope) {
    const p = scope.period;
    const fromLessOne = dayBefore(p.from);
    const waiting: string[] = [];
    for (const [id, list] of waitlists) if (waitlistTouches(list, p)) waiting.push(id);
    const archived: string[] = [];
    for (const [id, e] of archiveStep) if (archivedMayBeFrom(e, p.from, fromLessOne)) archived.push(id);
    rows = sqlite
      .prepare(`${columns} WHERE ${PERIOD_CASES_SQL} ORDER BY id`)
      .raw()
      .all({ from: p.from, to: p.to, archived: JSON.stringify(archived), waiting: JSON.stringify(waiting) }) as Row[];
  } else rows = [];
  const archivedOn = (caseId: string) => {
    const e = archiveStep.get(caseId);
    return e ? dateOfEvent(e[4], e[5], e[3]) : null;
  };
  return rows.map(([caseId, familyId, track, source, state, assistantId, assignedOn, consentOn, closedOn, closureReason, monitoringEndsOn, consentBasis, hasCourtOrder]) => ({
    caseId,
    familyId,
    track,
    source,
    state,
    assistantId,
    assignedOn,
    consentOn,
    closedOn,
    closureReason,
    monitoringEndsOn,
    archivedOn: archivedOn(caseId),
    courtOrdered: source === 'court-order' || consentBasis === 'court-order' || hasCourtOrder === 1,
    waitlist: waitlists.get(caseId) ?? [],
  }));
}

/**
 * The facts a report over `period` counts from (without a period: every case). The children are
 * those of the families of the cases read (every figure looks at children only through a family
 * with work in the period), the reimbursements those paid in the period (figures 7.3–7.4).
 */
export function loadReportFacts(sqlite: SqliteHandle, period?: { from: IsoDate; to: IsoDate }): ReportFacts {
  const cases = loadReportCases(sqlite, period ? { period } : undefined);
  // Children with their foster-care episodes from the placement history (never today's flag alone).
  // Read from members_children_report_idx alone (migration 0009).
  type ChildRow = [memberId: string, familyId: string, birthDate: string | null, placement: string | null];
  const childSql = 'SELECT id, family_id, birth_date, placement FROM family_members WHERE is_child = 1';
  const children = (
    (period
      ? sqlite.prepare(`${childSql} AND family_id IN (SELECT value FROM json_each(?))`).raw().all(JSON.stringify([...new Set(cases.map((c) => c.familyId))]))
      : sqlite.prepare(childSql).raw().all()) as ChildRow[]
  ).map(([memberId, familyId, birthDate, placement]) => ({
    familyId,
    memberId,
    birthDate: birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? birthDate : null,
    fosterCare: fosterCareEpisodes(parsePlacement(placement)),
  }));
  const supporting = (
    sqlite
      .prepare(`SELECT id, family_id AS familyId, case_id AS caseId, status, json_extract(act, '$.on') AS establishedOn FROM supporting_families`)
      .all() as Array<{ id: string; familyId: string; caseId: string; status: 'candidate' | 'established' | 'ended'; establishedOn: string | null }>
  ).map((s) => ({ ...s, establishedOn: s.establishedOn && /^\d{4}-\d{2}-\d{2}$/.test(s.establishedOn) ? s.establishedOn : null }));
  const reimbursements = sqlite
    .prepare(`SELECT supporting_family_id AS supportingFamilyId, paid_on AS paidOn, amount_gr AS amountGr FROM supporting_reimbursements${period ? ' WHERE paid_on >= :from AND paid_on <= :to' : ''}`)
    .all(...(period ? [{ from: period.from, to: period.to }] : [])) as Array<{ supportingFamilyId: string; paidOn: string; amountGr: number }>;
  return {
    cases,
    children,
    staff: staffRows(sqlite).map((s) => ({ id: s.id, role: s.role, active: s.active, personalLimit: s.personalLimit })),
    supporting,
    reimbursements,
  };
}

function parsePlacement(s: string | null): PlacementRecord | null {
  if (!s) return null;
  try {
    return JSON.parse(s) as PlacementRecord;
  } catch {
    return null;
  }
}

// ---- Half-year report -------------------------------------------------------------------------------

function figureViews(result: HalfYearFigures, conv: ReportConventions): ReportFigure[] {
  return HALF_YEAR_FIGURES.map((d) => {
    const v = result.figures.find((f) => f.id === d.id)!;
    return {
      id: d.id,
      section: d.section,
      sectionLabel: FIGURE_SECTIONS[d.section],
      no: d.no,
      label: labelOf(d, conv),
      definition: definitionOf(d, conv),
      rule: d.rule,
      unit: d.unit,
      drill: d.drill,
      level: d.level,
      value: v.value,
      display: formatFigureValue(d.unit, v.value),
      rows: d.drill === 'assistants' ? v.userIds.length : d.drill === 'families' ? v.items.length : 0,
    };
  });
}

/** The half-year figures (pure computation over the loaded facts), for the app, the CLI and the bench. */
export function computeHalfYearReport(sqlite: SqliteHandle, periodId: string): { result: HalfYearFigures; conventions: ReportConventions } {
  const period = periodOf(periodId);
  const conventions = reportConventions(sqlite);
  return { result: computeHalfYear(loadReportFacts(sqlite, period), period, conventions, reportStaff(sqlite)), conventions };
}

function filedOn(sqlite: SqliteHandle, period: string): string | null {
  return (sqlite.prepare('SELECT filed_on AS filedOn FROM statistics_filed WHERE period = ?').get(period) as { filedOn: string } | undefined)?.filedOn ?? null;
}

/** The period-not-ended notice (on `today`) and the warnings of the counting. */
function warningsOf(result: HalfYearFigures, today: string): HalfYearReport['warnings'] {
  const notEnded = periodNotEndedWarning(result.period, today);
  return [...(notEnded ? [notEnded] : []), ...result.warnings];
}

export function halfYearView(ctx: ServiceCtx, periodId: string): HalfYearReport {
  const { result, conventions } = computeHalfYearReport(ctx.sqlite, periodId);
  return {
    period: result.period,
    figures: figureViews(result, conventions),
    warnings: warningsOf(result, todayOf(ctx)),
    conventionLines: describeConventions(conventions),
    filedOn: filedOn(ctx.sqlite, result.period.id),
    asOf: todayOf(ctx),
  };
}

export function halfYearReport(ctx: ServiceCtx, actor: Actor, input: { period: string }): HalfYearReport {
  requireHead(ctx, actor, 'half-year');
  const view = halfYearView(ctx, input.period);
  audit(ctx, actor, 'report.view', null, { report: 'half-year', period: view.period.id });
  return view;
}

// ---- Drill-down ---------------------------------------------------------------------------------------

/** The list behind a bar of the annual report's closures by reason: the cases themselves. */
function closureDrilldown(ctx: ServiceCtx, periodId: string, figureId: string, code: string): Drilldown {
  const period = periodOf(periodId);
  const conventions = reportConventions(ctx.sqlite);
  const ids = closuresInPeriod(loadReportCases(ctx.sqlite, { period }), period).get(code) ?? [];
  const rows = caseRows(ctx.sqlite, ids, conventions).sort((a, b) => (a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0));
  return {
    period,
    figureId,
    label: `Zakończenia w okresie — ${closureReasonLabel(code || null)}`,
    definition:
      'Sprawy zamknięte w okresie (data zamknięcia w okresie) z tą przyczyną zakończenia — każde zamknięcie, także przed rozpoczęciem pracy z rodziną; liczone sprawy, nie rodziny.',
    display: String(rows.length),
    kind: 'families',
    rows,
    assistants: [],
  };
}

function drilldownData(ctx: ServiceCtx, periodId: string, figureId: string): Drilldown {
  const closure = closureOfFigureId(figureId);
  if (closure !== null) return closureDrilldown(ctx, periodId, figureId, closure);
  const def = figureDef(figureId);
  if (!def) throw new AppError('NOT_FOUND', 'Nie ma takiej pozycji sprawozdania.');
  if (def.drill === 'none') throw new AppError('VALIDATION', 'Ta pozycja jest wyliczana z innych i nie ma własnej listy rodzin.');
  const { result, conventions } = computeHalfYearReport(ctx.sqlite, periodId);
  const v = result.figures.find((f) => f.id === figureId)!;
  const base = {
    period: result.period,
    figureId,
    label: labelOf(def, conventions),
    definition: definitionOf(def, conventions),
    display: formatFigureValue(def.unit, v.value),
  };
  if (def.drill === 'assistants') {
    const forms = reportStaff(ctx.sqlite);
    const users = new Map(staffRows(ctx.sqlite).map((u) => [u.id, u]));
    return {
      ...base,
      kind: 'assistants',
      rows: [],
      assistants: v.userIds.map((id) => ({
        userId: id,
        fullName: users.get(id)?.fullName ?? id,
        form: forms[id]?.form ? EMPLOYMENT_FORM_LABELS[forms[id]!.form!] : 'nie wskazano',
        taskBasedTime: forms[id]?.taskBasedTime ?? false,
        active: users.get(id)?.active ?? false,
      })),
    };
  }
  return { ...base, kind: 'families', rows: itemRows(ctx.sqlite, v.items, conventions), assistants: [] };
}

/** One row per counted unit (a family, a child, a supporting family): exactly the figure's count. */
function itemRows(sqlite: SqliteHandle, items: FigureItem[], conv: ReportConventions): Drilldown['rows'] {
  const byCase = new Map(caseRows(sqlite, [...new Set(items.flatMap((i) => [i.caseId, ...i.caseIds]))], conv).map((r) => [r.caseId, r]));
  const members = new Map(
    (items.some((i) => i.memberId)
      ? (sqlite.prepare('SELECT id, first_name AS firstName, last_name AS lastName, birth_date AS birthDate FROM family_members WHERE is_child = 1').all() as Array<{
          id: string;
          firstName: string;
          lastName: string;
          birthDate: string | null;
        }>)
      : []
    ).map((m) => [m.id, `${m.firstName} ${m.lastName}`.trim() + (m.birthDate ? ` (ur. ${m.birthDate.slice(0, 4)})` : '')]),
  );
  const sfs = new Map(
    (items.some((i) => i.supportingFamilyId) ? (sqlite.prepare('SELECT id, name FROM supporting_families').all() as Array<{ id: string; name: string }>) : []).map((x) => [x.id, x.name]),
  );
  const out: Drilldown['rows'] = [];
  for (const i of items) {
    const r = byCase.get(i.caseId);
    if (!r) continue;
    out.push({
      ...r,
      otherCases: i.caseIds.filter((id) => id !== i.caseId).map((id) => byCase.get(id)?.caseNumber ?? id),
      child: i.memberId ? (members.get(i.memberId) ?? null) : null,
      supportingFamily: i.supportingFamilyId ? (sfs.get(i.supportingFamilyId) ?? null) : null,
    });
  }
  return out.sort((a, b) => (a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : (a.child ?? a.supportingFamily ?? '').localeCompare(b.child ?? b.supportingFamily ?? '', 'pl')));
}

function caseRows(sqlite: SqliteHandle, caseIds: string[], conv: ReportConventions): Drilldown['rows'] {
  if (caseIds.length === 0) return [];
  const facts = new Map(loadReportCases(sqlite, { caseIds }).map((c) => [c.caseId, c]));
  const out: Drilldown['rows'] = [];
  for (let i = 0; i < caseIds.length; i += 500) {
    const chunk = caseIds.slice(i, i + 500);
    const rows = sqlite
      .prepare(
        `SELECT c.id, c.family_id AS familyId, c.case_number AS caseNumber, c.track, c.state, u.full_name AS assistantName,
                (SELECT first_name || ' ' || last_name FROM family_members m WHERE m.family_id = f.id ORDER BY is_head DESC, sort_order LIMIT 1) AS head,
                f.address, f.place
           FROM cases c JOIN families f ON f.id = c.family_id LEFT JOIN users u ON u.id = c.assistant_id
          WHERE c.id IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(...chunk) as Array<{ id: string; familyId: string; caseNumber: string; track: 'general' | 'za-zyciem'; state: string; assistantName: string | null; head: string | null; address: string; place: string }>;
    for (const r of rows) {
      const f = facts.get(r.id)!;
      out.push({
        otherCases: [],
        child: null,
        supportingFamily: null,
        caseId: r.id,
        familyId: r.familyId,
        caseNumber: r.caseNumber,
        familyLabel: [r.head ?? 'Rodzina', r.address, r.place].filter((x) => x && x.trim()).join(', '),
        track: CASE_TRACKS[r.track]?.label ?? r.track,
        stateLabel: isCaseState(r.state) ? CASE_STATES[r.state].label : r.state,
        assistantName: r.assistantName,
        start: workStart(f, conv),
        end: workEnd(f, conv),
        closureReason: f.closureReason ? closureReasonLabel(f.closureReason) : null,
        courtOrdered: f.courtOrdered,
      });
    }
  }
  return out.sort((a, b) => (a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0));
}

export function drilldown(ctx: ServiceCtx, actor: Actor, input: { period: string; figureId: string }): Drilldown {
  requireHead(ctx, actor, 'drilldown');
  const d = drilldownData(ctx, input.period, input.figureId);
  // Personal data on screen: who opened which list, with ids only.
  audit(ctx, actor, 'report.drilldown', null, {
    period: d.period.id,
    figureId: d.figureId,
    kind: d.kind,
    rows: d.kind === 'families' ? d.rows.length : d.assistants.length,
    caseIds: d.rows.slice(0, 1000).map((r) => r.caseId),
    ...(d.kind === 'assistants' ? { userIds: d.assistants.map((a) => a.userId) } : {}),
  });
  return d;
}

// ---- Annual report / dashboard -------------------------------------------------------------------

function assessmentRows(sqlite: SqliteHandle, to: string): AssessmentRow[] {
  return (sqlite.prepare('SELECT case_id AS caseId, assessed_on AS assessedOn, areas FROM assessments WHERE assessed_on <= ?').all(to) as Array<{ caseId: string; assessedOn: string; areas: string }>).map(
    (a) => {
      let parsed: Record<string, { rating?: unknown }> = {};
      try {
        parsed = JSON.parse(a.areas) as Record<string, { rating?: unknown }>;
      } catch {
        parsed = {};
      }
      const ratings: Record<string, number | null> = {};
      for (const [k, v] of Object.entries(parsed)) ratings[k] = v && typeof v.rating === 'number' ? v.rating : null;
      return { caseId: a.caseId, assessedOn: a.assessedOn, ratings };
    },
  );
}

/** Today's families per state and the cases that may weigh on a caseload today, counted in SQL
 *  (the period's facts hold only the cases of the period). Families per state from the covering
 *  cases_report_idx: through cases_state_idx every case row would be read for its family. */
export function loadAnnualToday(sqlite: SqliteHandle): AnnualToday {
  const perState = sqlite.prepare('SELECT state, count(DISTINCT family_id) FROM cases INDEXED BY cases_report_idx GROUP BY state').raw().all() as Array<[string, number]>;
  const caseloadCases = (
    sqlite.prepare(`SELECT family_id, state, assistant_id FROM cases WHERE assistant_id IS NOT NULL AND state IN ${OPEN_CASE_STATES_SQL}`).raw().all() as Array<[string, string, string]>
  ).map(([familyId, state, assistantId]) => ({ familyId, state, assistantId }));
  return { familiesPerState: new Map(perState), caseloadCases };
}

export function annualView(ctx: ServiceCtx, actor: Actor, periodId: string): AnnualReportView {
  const period = periodOf(periodId);
  const { sqlite } = ctx;
  const conventions = reportConventions(sqlite);
  const facts = loadReportFacts(sqlite, period);
  const monitoringCounts = getCaseSettings(sqlite).monitoringCounts;
  const visits = sqlite
    .prepare(`SELECT case_id AS caseId, family_id AS familyId, on_date AS "on" FROM case_entries WHERE kind = 'visit' AND on_date BETWEEN ? AND ?`)
    .all(period.from, period.to) as Array<{ caseId: string; familyId: string; on: string }>;
  const annual = computeAnnual({
    period,
    conventions,
    cases: facts.cases,
    staff: staffRows(sqlite),
    visits,
    assessments: assessmentRows(sqlite, period.to),
    countMonitoring: monitoringCounts,
    today: loadAnnualToday(sqlite),
  });
  const deadlines = allDeadlines(ctx, actor);
  const overdue = deadlines.overdue;
  const half = computeHalfYear(facts, period, conventions, reportStaff(sqlite));
  return {
    ...annual,
    caseload: withCaseloadAtPeriodEnd(annual.caseload, half, facts.cases, staffRows(sqlite)),
    asOf: todayOf(ctx),
    monitoringCounts,
    warnings: warningsOf(half, todayOf(ctx)),
    overdueAssessments: {
      initial: overdue.filter((i) => i.kind === 'INITIAL_ASSESSMENT_DUE').length,
      periodic: overdue.filter((i) => i.kind === 'PERIODIC_ASSESSMENT_DUE').length,
    },
    figures: figureViews(half, conventions),
  };
}

export function annualReport(ctx: ServiceCtx, actor: Actor, input: { period: string }): AnnualReportView {
  requireHead(ctx, actor, 'annual');
  const view = annualView(ctx, actor, input.period);
  audit(ctx, actor, 'report.view', null, { report: 'annual', period: view.period.id });
  return view;
}

// ---- Export documents ------------------------------------------------------------------------------

const generatedLine = (ctx: ServiceCtx, actor: Actor) => `Wygenerowano w programie Asysta ${todayOf(ctx).split('-').reverse().join('.')} r. (${actor.user.fullName}).`;

function halfYearDocument(ctx: ServiceCtx, actor: Actor, periodId: string): ReportDocument {
  const view = halfYearView(ctx, periodId);
  const sections: ReportSection[] = [];
  for (const [key, title] of Object.entries(FIGURE_SECTIONS)) {
    const figs = view.figures.filter((f) => f.section === key);
    if (!figs.length) continue;
    sections.push({
      title,
      columns: [
        { header: 'Lp.', kind: 'text', width: 7 },
        { header: 'Wyszczególnienie', kind: 'text', width: 50 },
        { header: 'Liczba / kwota', kind: 'int', width: 14 },
        { header: 'Definicja (zasada liczenia)', kind: 'text', width: 70 },
      ],
      rows: figs.map((f) => [
        cell(f.no),
        cell(f.level === 1 ? `   ${f.label}` : f.label),
        cell(f.value, f.unit === 'amount-gr' ? 'amount-gr' : f.unit === 'ratio' ? 'ratio' : 'int'),
        cell(f.definition),
      ]),
    });
  }
  return {
    title: 'Sprawozdanie rzeczowo-finansowe — asystent rodziny',
    subtitle: `Dane do sprawozdania z wykonywania przez gminę zadań z zakresu wspierania rodziny, ${view.period.label}; termin złożenia: ${view.period.dueOn.split('-').reverse().join('.')} r.`,
    footnotes: [
      ...view.warnings.map((w) => `UWAGA: ${w.message}`),
      ...view.conventionLines,
      'Pola formularza niezweryfikowane z aktualnym wzorem (załącznik nr 1) — sprawdź przed przepisaniem do CAS.',
      generatedLine(ctx, actor),
    ],
    sections,
    personal: false,
  };
}

function annualDocument(ctx: ServiceCtx, actor: Actor, periodId: string): ReportDocument {
  const a = annualView(ctx, actor, periodId);
  const n = (v: number | null, kind: 'int' | 'ratio' = 'int') => cell(v, kind);
  const sections: ReportSection[] = [
    {
      title: 'Rodziny objęte wsparciem asystenta rodziny w okresie',
      columns: [
        { header: 'Lp.', kind: 'text', width: 7 },
        { header: 'Wyszczególnienie', kind: 'text', width: 60 },
        { header: 'Liczba / kwota', kind: 'int', width: 14 },
      ],
      rows: a.figures
        .filter((f) => f.section !== 'staff' || f.id === 'assistants_total')
        .map((f) => [cell(f.no), cell(f.level === 1 ? `   ${f.label}` : f.label), cell(f.value, f.unit === 'amount-gr' ? 'amount-gr' : f.unit === 'ratio' ? 'ratio' : 'int')]),
    },
    {
      title: 'Obciążenie asystentów',
      notes: [
        `„W ostatnim dniu okresu” (${formatDateInText(a.period.to)}): rodziny z pozycji 2.5, przypisane asystentowi sprawy z listy tej pozycji — suma równa pozycji 2.5. „Dziś”: stan na ${formatDateInText(a.asOf)}.`,
        a.monitoringCounts ? 'Rodziny w monitoringu są wliczane do limitu (ustawienie ośrodka).' : 'Rodziny w monitoringu nie są wliczane do limitu (art. 15 ust. 4; ustawienie ośrodka).',
      ],
      columns: [
        { header: 'Asystent', kind: 'text', width: 34 },
        { header: 'Rodziny w ostatnim dniu okresu', kind: 'int', width: 16 },
        { header: 'Rodziny dziś', kind: 'int', width: 12 },
        { header: 'Limit', kind: 'int', width: 10 },
        { header: 'W monitoringu dziś', kind: 'int', width: 14 },
      ],
      rows: a.caseload.map((c) => [cell(c.fullName), n(c.atPeriodEnd), n(c.count), n(c.limit), n(c.monitoring)]),
    },
    {
      title: `Rodziny według stanu sprawy (stan na ${a.asOf.split('-').reverse().join('.')} r.)`,
      columns: [
        { header: 'Stan sprawy', kind: 'text', width: 50 },
        { header: 'Rodziny', kind: 'int', width: 10 },
      ],
      rows: a.familiesByState.map((s) => [cell(s.label), n(s.families)]),
    },
    {
      title: 'Zakończenia w okresie według przyczyny',
      notes: [`Przeciętny czas pracy z rodziną zakończonej w okresie: ${a.averageDurationMonths === null ? 'brak zakończeń' : `${String(a.averageDurationMonths).replace('.', ',')} mies.`} (spraw: ${a.endedCases}).`],
      columns: [
        { header: 'Przyczyna', kind: 'text', width: 60 },
        { header: 'Sprawy', kind: 'int', width: 10 },
      ],
      rows: a.closuresByReason.map((r) => [cell(r.label), n(r.cases)]),
    },
    {
      title: 'Wizyty u rodzin według miesięcy',
      notes: [`Przeciętnie ${a.visits.perFamilyMonth === null ? '—' : String(a.visits.perFamilyMonth).replace('.', ',')} wizyty na rodzinę miesięcznie (wizyt: ${a.visits.total}).`],
      columns: [
        { header: 'Miesiąc', kind: 'text', width: 12 },
        { header: 'Wizyty', kind: 'int', width: 10 },
        { header: 'Rodziny', kind: 'int', width: 10 },
        { header: 'Wizyt na rodzinę', kind: 'ratio', width: 14 },
      ],
      rows: a.visits.byMonth.map((m) => [cell(`${m.month.slice(5)}.${m.month.slice(0, 4)}`), n(m.visits), n(m.families), n(m.perFamily, 'ratio')]),
    },
    {
      title: 'Zmiana ocen sytuacji rodziny (pierwsza i ostatnia ocena, dane zbiorcze)',
      notes: [`Oceny zaległe na dziś: wstępne ${a.overdueAssessments.initial}, okresowe ${a.overdueAssessments.periodic}. Skala ocen od −3 do +2.`],
      columns: [
        { header: 'Obszar', kind: 'text', width: 44 },
        { header: 'Sprawy', kind: 'int', width: 8 },
        { header: 'Średnia zmiana', kind: 'ratio', width: 10 },
        { header: 'Poprawa', kind: 'int', width: 8 },
        { header: 'Bez zmian', kind: 'int', width: 8 },
        { header: 'Pogorszenie', kind: 'int', width: 10 },
      ],
      rows: a.assessmentChange.map((x) => [cell(x.label), n(x.cases), n(x.meanChange, 'ratio'), n(x.improved), n(x.same), n(x.worse)]),
    },
  ];
  return {
    title: 'Sprawozdanie roczne — asystent rodziny (dla rady gminy)',
    subtitle: `Wspieranie rodziny: praca asystenta rodziny, ${a.period.label}.`,
    footnotes: [...a.warnings.map((w) => `UWAGA: ${w.message}`), ...describeConventions(reportConventions(ctx.sqlite)), generatedLine(ctx, actor)],
    sections,
    personal: false,
  };
}

/** The list of families behind a figure: one row per counted unit, with the child or the
 *  supporting family when the figure counts those. */
function drilldownFamilies(d: Drilldown): ReportSection {
  const hasChild = d.rows.some((r) => r.child);
  const hasSf = d.rows.some((r) => r.supportingFamily);
  const hasOther = d.rows.some((r) => r.otherCases.length > 0);
  return {
    title: `${d.label}: ${d.display}`,
    notes: [d.definition],
    columns: [
      { header: 'Lp.', kind: 'int', width: 6 },
      { header: 'Znak sprawy', kind: 'text', width: 18 },
      ...(hasOther ? [{ header: 'Inne sprawy rodziny', kind: 'text' as const, width: 18 }] : []),
      { header: 'Rodzina', kind: 'text', width: 40 },
      ...(hasChild ? [{ header: 'Dziecko', kind: 'text' as const, width: 28 }] : []),
      ...(hasSf ? [{ header: 'Rodzina wspierająca', kind: 'text' as const, width: 28 }] : []),
      { header: 'Stan', kind: 'text', width: 22 },
      { header: 'Asystent', kind: 'text', width: 22 },
      { header: 'Początek pracy', kind: 'date', width: 12 },
      { header: 'Koniec pracy', kind: 'date', width: 12 },
      { header: 'Przyczyna zakończenia', kind: 'text', width: 28 },
    ],
    rows: d.rows.map((r, i) => [
      cell(i + 1),
      cell(r.caseNumber),
      ...(hasOther ? [cell(r.otherCases.join(', '))] : []),
      cell(r.familyLabel),
      ...(hasChild ? [cell(r.child)] : []),
      ...(hasSf ? [cell(r.supportingFamily)] : []),
      cell(r.stateLabel),
      cell(r.assistantName),
      cell(r.start, 'date'),
      cell(r.end, 'date'),
      cell(r.closureReason),
    ]),
  };
}

function drilldownDocument(ctx: ServiceCtx, actor: Actor, periodId: string, figureId: string): ReportDocument {
  const d = drilldownData(ctx, periodId, figureId);
  const section: ReportSection =
    d.kind === 'assistants'
      ? {
          title: `${d.label}: ${d.display}`,
          notes: [d.definition],
          columns: [
            { header: 'Lp.', kind: 'int', width: 6 },
            { header: 'Asystent', kind: 'text', width: 34 },
            { header: 'Forma zatrudnienia', kind: 'text', width: 28 },
            { header: 'Zadaniowy czas pracy', kind: 'text', width: 14 },
          ],
          rows: d.assistants.map((x, i) => [cell(i + 1), cell(x.fullName), cell(x.form), cell(x.taskBasedTime ? 'tak' : 'nie')]),
        }
      : drilldownFamilies(d);
  return {
    title: 'Lista rodzin do pozycji sprawozdania',
    subtitle: `${d.period.label} — ${d.label}`,
    footnotes: [generatedLine(ctx, actor), 'Dokument zawiera dane osobowe: przechowywać i przekazywać zgodnie z zasadami ochrony danych ośrodka.'],
    sections: [section],
    personal: d.kind === 'families',
  };
}

function documentOf(ctx: ServiceCtx, actor: Actor, input: { report: ReportKind; period: string; figureId?: string | undefined }): ReportDocument {
  if (input.report === 'half-year') {
    if (periodOf(input.period).kind !== 'half-year') throw new AppError('VALIDATION', 'Sprawozdanie półroczne ma okres „2026-H1” albo „2026-H2”.');
    return halfYearDocument(ctx, actor, input.period);
  }
  if (input.report === 'annual') return annualDocument(ctx, actor, input.period);
  if (!input.figureId) throw new AppError('VALIDATION', 'Wskaż pozycję sprawozdania, której lista ma być wyeksportowana.');
  return drilldownDocument(ctx, actor, input.period, input.figureId);
}

/** A file name without personal data: report kind, period and figure id. */
export function reportFileName(input: { report: ReportKind; period: string; figureId?: string | undefined }, ext: string): string {
  const base =
    input.report === 'half-year'
      ? `Sprawozdanie półroczne ${input.period}`
      : input.report === 'annual'
        ? `Sprawozdanie roczne ${input.period}`
        : `Lista rodzin ${input.period} ${input.figureId ?? ''}`.trim();
  return `${base}.${ext}`;
}

export function reportHtmlFor(
  ctx: ServiceCtx,
  actor: Actor,
  input: { report: ReportKind; period: string; figureId?: string | undefined; confirmPersonal?: boolean | undefined },
  fonts: PrintFonts | null,
) {
  requireHead(ctx, actor, 'html');
  const doc = documentOf(ctx, actor, input);
  if (doc.personal && !input.confirmPersonal) {
    throw new AppError('VALIDATION', 'Lista rodzin zawiera dane osobowe: potwierdź wydruk lub zapis do PDF bez hasła.');
  }
  const html = reportHtml(doc, readOffice(ctx.sqlite), todayOf(ctx), fonts);
  audit(ctx, actor, 'report.preview', null, { report: input.report, period: input.period, figureId: input.figureId ?? null, personal: doc.personal });
  return { html, title: doc.title, fileName: reportFileName(input, 'pdf'), personal: doc.personal };
}

export async function exportReport(
  ctx: ServiceCtx,
  actor: Actor,
  input: { report: ReportKind; period: string; figureId?: string | undefined; format: 'xlsx' | 'csv'; password?: string | undefined; confirmPersonal?: boolean | undefined },
) {
  requireHead(ctx, actor, 'export');
  const doc = documentOf(ctx, actor, input);
  if (doc.personal && input.format === 'xlsx' && !input.password) {
    throw new AppError('VALIDATION', 'Lista rodzin zawiera dane osobowe: podaj hasło do pliku XLSX.', { fields: { password: 'Podaj hasło (co najmniej 8 znaków).' } });
  }
  if (doc.personal && input.format === 'csv' && !input.confirmPersonal) {
    throw new AppError('VALIDATION', 'Plik CSV nie może mieć hasła, a lista rodzin zawiera dane osobowe: potwierdź zapis bez hasła albo wybierz XLSX z hasłem.');
  }
  const encrypted = input.format === 'xlsx' && !!input.password;
  const file = input.format === 'xlsx' ? await buildXlsx(doc, { password: input.password, creator: 'Asysta' }) : buildCsv(doc);
  const rows = doc.sections.reduce((a, s) => a + s.rows.length, 0);
  audit(ctx, actor, 'report.export', null, {
    report: input.report,
    period: input.period,
    figureId: input.figureId ?? null,
    format: input.format,
    personal: doc.personal,
    encrypted,
    rows,
  });
  return {
    base64: file.toString('base64'),
    fileName: reportFileName(input, input.format),
    mime: input.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv;charset=utf-8',
    personal: doc.personal,
    encrypted,
    rows,
  };
}

export function recordReportExport(
  ctx: ServiceCtx,
  actor: Actor,
  input: { report: ReportKind; period: string; figureId?: string | undefined; pages: number; target: 'pdf' | 'print' },
): { ok: true } {
  requireHead(ctx, actor, 'exported');
  audit(ctx, actor, input.target === 'pdf' ? 'report.export_pdf' : 'report.print', null, {
    report: input.report,
    period: input.period,
    figureId: input.figureId ?? null,
    pages: input.pages,
    personal: input.report === 'drilldown',
  });
  return { ok: true };
}
