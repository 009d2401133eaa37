/**
 * Pure rules of the work with the family (issue 4; domain.md §2.2, §3.2, §4.8–4.17, §5.3):
 * entry locking, visit and contact validation, the authorisation scope (`mayActForFamily`),
 * the monthly report aggregation, plan version diffs, goal suggestions from the last assessment,
 * the periodic-assessment distribution list (T49), the trend of every area across assessments,
 * and the closure checks beyond `checkClosure` (T41–T43). No Node, Electron or DOM imports.
 */
import type { Finding, IsoDate } from './types';
import type { Role } from '../roles';
import type { ClosureReasonCode, ReferralSource } from './labels';
import { ASSESSMENT_AREAS, isRating, type AssessmentAreaEntry, type Rating } from './assessment';
import { addMonthsClamped } from './calendar';
import { checkClosure } from './closure';
import { checkVisitGap } from './deadlineEngine';
import { finding } from './findings';
import { addDays, isIsoDate } from './isoDate';

// ---- Entries (visits, contacts, notes) -----------------------------------------------------------

export type EntryKind = 'visit' | 'failed-visit' | 'phone' | 'institution' | 'note' | 'monitoring';

export const ENTRY_KINDS: Readonly<Record<EntryKind, { label: string }>> = {
  visit: { label: 'Wizyta' },
  'failed-visit': { label: 'Wizyta nieodbyta' },
  phone: { label: 'Kontakt telefoniczny' },
  institution: { label: 'Kontakt z instytucją' },
  note: { label: 'Notatka służbowa' },
  monitoring: { label: 'Kontakt w ramach monitoringu' },
};

export type VisitPlace = 'home' | 'office' | 'institution';
/** Art. 14: the family's home or a place the family indicates (institution), or the office. */
export const VISIT_PLACES: Readonly<Record<VisitPlace, string>> = {
  home: 'Miejsce zamieszkania rodziny',
  office: 'Siedziba ośrodka',
  institution: 'Instytucja / miejsce wskazane przez rodzinę',
};

export const FAILED_VISIT_REASONS = {
  'nobody-home': 'Nikogo nie zastano',
  'cancelled-by-family': 'Odwołana przez rodzinę',
  'cancelled-by-assistant': 'Odwołana przez asystenta',
} as const;
export type FailedVisitReason = keyof typeof FAILED_VISIT_REASONS;

export const DEFAULT_ENTRY_LOCK_DAYS = 7;
export const DEFAULT_MONITORING_MONTHS = 3;

/** 'HH:MM' -> minutes after midnight, or null. */
export function timeToMinutes(t: string | null | undefined): number | null {
  if (!t) return null;
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(t.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * Locking: an entry may be edited for `lockDays` days after it was recorded; from
 * recordedOn + lockDays on it is locked, and corrections are dated addenda.
 */
export function entryLock(input: { recordedOn: IsoDate; today: IsoDate; lockDays: number }): { locked: boolean; lockedOn: IsoDate } {
  const lockedOn = addDays(input.recordedOn, Math.max(0, Math.floor(input.lockDays)));
  return { locked: input.today >= lockedOn, lockedOn };
}

/** Refusal findings for editing or deleting an entry (locked; not the author and not the head). */
export function checkEntryEdit(input: {
  entryOn: IsoDate;
  recordedOn: IsoDate;
  today: IsoDate;
  lockDays: number;
  authorId: string | null;
  actor: { id: string; role: Role };
}): Finding[] {
  const out: Finding[] = [];
  const lock = entryLock(input);
  if (lock.locked) out.push(finding('ENTRY_LOCKED', { date: input.entryOn, lockedOn: lock.lockedOn, days: input.lockDays }));
  if (input.actor.role !== 'admin' && input.authorId !== input.actor.id) out.push(finding('ENTRY_NOT_AUTHOR'));
  return out;
}

export interface EntryDraft {
  kind: EntryKind;
  on: IsoDate;
  start?: string | null;
  end?: string | null;
  place?: VisitPlace | null;
  participants?: ReadonlyArray<string>;
  failedReason?: FailedVisitReason | null;
  /** Main text: visit course, phone summary, note content (required except for a visit with other fields). */
  text?: string;
  childSafetyConcern?: boolean;
  nextAppointmentOn?: IsoDate | null;
  km?: number | null;
}

/**
 * Blockers: a date in the future; a visit without start/end or with end not after start; a visit
 * without a place; a failed visit without a reason; a contact or note without text; km out of
 * range. Warnings: no participants; next appointment before the visit; a date before the
 * assignment; a child-safety concern; the visit gap over the office limit (T47).
 */
export function validateEntry(
  e: EntryDraft,
  ctx: { today: IsoDate; assignedOn?: IsoDate | null; previousVisitOn?: IsoDate | null; maxDaysBetweenVisits?: number },
): Finding[] {
  const out: Finding[] = [];
  if (!isIsoDate(e.on)) return [finding('DATE_MISSING', { field: 'Data' })];
  if (e.on > ctx.today) out.push(finding('VISIT_DATE_IN_FUTURE', { date: e.on, asOf: ctx.today }));
  if (ctx.assignedOn && e.on < ctx.assignedOn) out.push(finding('ENTRY_DATE_BEFORE_ASSIGNMENT', { date: e.on, assignedOn: ctx.assignedOn }));
  const label = ENTRY_KINDS[e.kind]?.label ?? e.kind;
  const start = timeToMinutes(e.start);
  const end = timeToMinutes(e.end);
  if (e.kind === 'visit') {
    if (start === null || end === null) out.push(finding('VISIT_TIME_MISSING'));
    else if (end <= start) out.push(finding('VISIT_END_BEFORE_START', { start: e.start!, end: e.end! }));
    if (!e.place) out.push(finding('VISIT_PLACE_MISSING'));
    if (!e.participants || e.participants.filter((p) => p.trim()).length === 0) out.push(finding('VISIT_PARTICIPANTS_MISSING'));
    if (e.nextAppointmentOn && isIsoDate(e.nextAppointmentOn) && e.nextAppointmentOn < e.on) {
      out.push(finding('VISIT_NEXT_BEFORE_VISIT', { next: e.nextAppointmentOn, date: e.on }));
    }
    if (isIsoDate(e.on) && e.on <= ctx.today) {
      const gap = checkVisitGap({
        visitOn: e.on,
        ...(ctx.previousVisitOn && ctx.previousVisitOn < e.on ? { previousVisitOn: ctx.previousVisitOn } : {}),
        ...(ctx.maxDaysBetweenVisits !== undefined ? { maxDaysBetweenVisits: ctx.maxDaysBetweenVisits } : {}),
      });
      out.push(...gap.findings);
    }
  } else {
    if (start !== null && end !== null && end <= start) out.push(finding('VISIT_END_BEFORE_START', { start: e.start!, end: e.end! }));
    if (e.kind === 'failed-visit') {
      if (!e.failedReason || !Object.prototype.hasOwnProperty.call(FAILED_VISIT_REASONS, e.failedReason)) {
        out.push(finding('VISIT_FAILED_REASON_MISSING'));
      }
    } else if (!e.text || !e.text.trim()) {
      out.push(finding('ENTRY_TEXT_MISSING', { what: label }));
    }
  }
  if (e.km !== undefined && e.km !== null && (!Number.isFinite(e.km) || e.km < 0 || e.km > 1000)) out.push(finding('VISIT_KM_OUT_OF_RANGE'));
  if (e.childSafetyConcern) out.push(finding('VISIT_CHILD_SAFETY_CONCERN'));
  return out;
}

/** Duration in minutes of an entry with a valid start and end, else 0. */
export function entryMinutes(e: { start?: string | null; end?: string | null }): number {
  const s = timeToMinutes(e.start);
  const t = timeToMinutes(e.end);
  return s !== null && t !== null && t > s ? t - s : 0;
}

// ---- Monthly report (domain.md §4.12) ----------------------------------------------------------

export interface ReportEntry {
  id: string;
  kind: EntryKind;
  on: IsoDate;
  start?: string | null;
  end?: string | null;
  km?: number | null;
  goalIds?: ReadonlyArray<string>;
  summary?: string;
}

export interface MonthlyReport {
  month: string;
  from: IsoDate;
  to: IsoDate;
  visits: number;
  failedVisits: number;
  phoneContacts: number;
  institutionContacts: number;
  notes: number;
  monitoringContacts: number;
  /** Working time from start–end of the month's entries (task-based working time). */
  minutes: number;
  hours: number;
  km: number;
  /** Entries per plan goal id (goals worked on during visits). */
  goals: Array<{ goalId: string; entries: number }>;
  entries: ReportEntry[];
}

/** 'YYYY-MM' -> first and last day. */
export function monthBounds(month: string): { from: IsoDate; to: IsoDate } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new RangeError(`Month must look like 'YYYY-MM', got ${JSON.stringify(month)}`);
  const from = `${m[1]}-${m[2]}-01`;
  return { from, to: addDays(addMonthsClamped(from, 1), -1) };
}

/** The month's figures from its entries (entries outside the month are ignored). */
export function monthlyReport(entries: ReadonlyArray<ReportEntry>, month: string): MonthlyReport {
  const { from, to } = monthBounds(month);
  const inMonth = entries.filter((e) => e.on >= from && e.on <= to).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : (a.start ?? '').localeCompare(b.start ?? '')));
  const count = (k: EntryKind) => inMonth.filter((e) => e.kind === k).length;
  const minutes = inMonth.reduce((n, e) => n + entryMinutes(e), 0);
  const km = Math.round(inMonth.reduce((n, e) => n + (e.km ?? 0), 0) * 10) / 10;
  const goals = new Map<string, number>();
  for (const e of inMonth) for (const g of e.goalIds ?? []) goals.set(g, (goals.get(g) ?? 0) + 1);
  return {
    month,
    from,
    to,
    visits: count('visit'),
    failedVisits: count('failed-visit'),
    phoneContacts: count('phone'),
    institutionContacts: count('institution'),
    notes: count('note'),
    monitoringContacts: count('monitoring'),
    minutes,
    hours: Math.round((minutes / 60) * 100) / 100,
    km,
    goals: [...goals].map(([goalId, n]) => ({ goalId, entries: n })),
    entries: inMonth,
  };
}

// ---- Authorisations (domain.md §3.2, may_act_for_family) ----------------------------------------

export interface AuthorisationFacts {
  id: string;
  kind: 'general' | 'special';
  granteeId: string;
  /** Signed by at least one adult member of the family. */
  signedByAdult: boolean;
  signedOn: IsoDate;
  /** Empty list on a general authorisation = every institution. */
  institutions: ReadonlyArray<string>;
  /** Empty list on a general authorisation = every matter of the support. */
  matters: ReadonlyArray<string>;
  validFrom: IsoDate;
  validTo?: IsoDate | null;
  revokedOn?: IsoDate | null;
}

const norm = (s: string) => s.trim().toLocaleLowerCase('pl').replace(/\s+/g, ' ');
function covers(list: ReadonlyArray<string>, what: string, general: boolean): boolean {
  if (list.length === 0) return general;
  const w = norm(what);
  return list.some((x) => {
    const n = norm(x);
    return n === '*' || n === w || (n.length >= 3 && w.includes(n));
  });
}

/**
 * may_act_for_family(A, F, institution, matter, d): some authorisation signed by an adult
 * member, granted to A, covering the institution and the matter, valid on d and not revoked
 * (a revocation dated d or earlier ends it). When none does: a blocker, with an info finding
 * per authorisation explaining why it does not apply.
 */
export function mayActForFamily(input: {
  authorisations: ReadonlyArray<AuthorisationFacts>;
  granteeId: string;
  granteeName?: string;
  institution: string;
  matter: string;
  on: IsoDate;
}): { allowed: boolean; authorisationId: string | null; findings: Finding[] } {
  const why: Finding[] = [];
  for (const a of input.authorisations) {
    if (a.granteeId !== input.granteeId) {
      why.push(finding('AUTHORISATION_OTHER_GRANTEE', { signedOn: a.signedOn }));
      continue;
    }
    if (!a.signedByAdult) {
      why.push(finding('AUTHORISATION_NO_ADULT_GRANTOR'));
      continue;
    }
    if (a.revokedOn && a.revokedOn <= input.on) {
      why.push(finding('AUTHORISATION_REVOKED', { signedOn: a.signedOn, revokedOn: a.revokedOn }));
      continue;
    }
    if (input.on < a.validFrom || (a.validTo && input.on > a.validTo)) {
      why.push(finding('AUTHORISATION_EXPIRED', { signedOn: a.signedOn, validFrom: a.validFrom, validTo: a.validTo ?? 'bezterminowo', on: input.on }));
      continue;
    }
    const general = a.kind === 'general';
    if (!covers(a.institutions, input.institution, general) || !covers(a.matters, input.matter, general)) {
      why.push(finding('AUTHORISATION_OUT_OF_SCOPE', { signedOn: a.signedOn, institution: input.institution, matter: input.matter }));
      continue;
    }
    return { allowed: true, authorisationId: a.id, findings: [] };
  }
  return {
    allowed: false,
    authorisationId: null,
    findings: [
      finding('AUTHORISATION_NONE', {
        grantee: input.granteeName ?? 'asystenta',
        institution: input.institution,
        matter: input.matter,
        on: input.on,
      }),
      ...why.map((f) => ({ ...f, severity: 'info' as const })),
    ],
  };
}

/** Checks of a new authorisation (grantor adult, validity, scope). */
export function validateAuthorisation(a: {
  kind: 'general' | 'special';
  signedByAdult: boolean;
  institutions: ReadonlyArray<string>;
  matters: ReadonlyArray<string>;
  validFrom: IsoDate;
  validTo?: IsoDate | null;
}): Finding[] {
  const out: Finding[] = [];
  if (!a.signedByAdult) out.push(finding('AUTHORISATION_NO_ADULT_GRANTOR'));
  if (a.validTo && a.validTo < a.validFrom) out.push(finding('AUTHORISATION_VALIDITY_INVALID', { validFrom: a.validFrom, validTo: a.validTo }));
  if (a.kind === 'special' && a.institutions.length === 0 && a.matters.length === 0) out.push(finding('AUTHORISATION_SCOPE_MISSING'));
  if (a.kind === 'special' && !a.validTo) out.push(finding('AUTHORISATION_SPECIAL_NEEDS_END'));
  return out;
}

// ---- Work plan: versions and goal suggestions -------------------------------------------------

export type ResponsibleKind = 'family' | 'assistant' | 'institution';
export type ActionStatus = 'planned' | 'in-progress' | 'done' | 'not-done' | 'dropped';

export interface PlanAction {
  id: string;
  description: string;
  responsible: string;
  responsibleKind: ResponsibleKind;
  dueDate?: IsoDate | null;
  expectedEffect?: string;
  status: ActionStatus;
  evidence?: string;
}

export interface PlanGoal {
  id: string;
  title: string;
  areaCode?: string | null;
  actions: PlanAction[];
}

export interface PlanContent {
  drawnUpOn: IsoDate;
  mainGoal?: string;
  goals: PlanGoal[];
  childInFosterCare: boolean;
  coordinatedWithFosterCareCoordinator: boolean;
  consultedWithSocialWorker: boolean;
  reviewOn?: IsoDate | null;
}

export interface PlanChange {
  kind: 'goal-added' | 'goal-removed' | 'goal-changed' | 'action-added' | 'action-removed' | 'action-changed' | 'plan-changed';
  goalId?: string;
  actionId?: string;
  field?: string;
  from?: string;
  to?: string;
  /** Polish one-line description for the "what changed" view. */
  text: string;
}

const show = (v: unknown): string => (v === undefined || v === null || v === '' ? '—' : String(v));
const ACTION_FIELDS: Array<[keyof PlanAction, string]> = [
  ['description', 'opis'],
  ['responsible', 'odpowiedzialny'],
  ['responsibleKind', 'rodzaj odpowiedzialnego'],
  ['dueDate', 'termin'],
  ['expectedEffect', 'oczekiwany efekt'],
  ['status', 'status'],
  ['evidence', 'potwierdzenie realizacji'],
];

/** What changed between two versions of a plan (goals and actions matched by id). */
export function planDiff(prev: PlanContent, next: PlanContent): PlanChange[] {
  const out: PlanChange[] = [];
  const planFields: Array<[keyof PlanContent, string]> = [
    ['mainGoal', 'cel główny'],
    ['drawnUpOn', 'data sporządzenia'],
    ['reviewOn', 'termin przeglądu'],
    ['coordinatedWithFosterCareCoordinator', 'koordynacja z koordynatorem pieczy'],
    ['consultedWithSocialWorker', 'konsultacja z pracownikiem socjalnym'],
  ];
  for (const [f, label] of planFields) {
    if (show(prev[f]) !== show(next[f])) out.push({ kind: 'plan-changed', field: String(f), from: show(prev[f]), to: show(next[f]), text: `Plan: ${label}: ${show(prev[f])} → ${show(next[f])}` });
  }
  const prevGoals = new Map(prev.goals.map((g) => [g.id, g]));
  const nextIds = new Set(next.goals.map((g) => g.id));
  for (const g of prev.goals) if (!nextIds.has(g.id)) out.push({ kind: 'goal-removed', goalId: g.id, text: `Usunięto cel „${g.title}”` });
  for (const g of next.goals) {
    const p = prevGoals.get(g.id);
    if (!p) {
      out.push({ kind: 'goal-added', goalId: g.id, text: `Dodano cel „${g.title}” (${g.actions.length} dział.)` });
      continue;
    }
    if (p.title !== g.title) out.push({ kind: 'goal-changed', goalId: g.id, field: 'title', from: p.title, to: g.title, text: `Cel „${p.title}” → „${g.title}”` });
    if (show(p.areaCode) !== show(g.areaCode)) {
      out.push({ kind: 'goal-changed', goalId: g.id, field: 'areaCode', from: show(p.areaCode), to: show(g.areaCode), text: `Cel „${g.title}”: obszar ${show(p.areaCode)} → ${show(g.areaCode)}` });
    }
    const pa = new Map(p.actions.map((a) => [a.id, a]));
    const na = new Set(g.actions.map((a) => a.id));
    for (const a of p.actions) if (!na.has(a.id)) out.push({ kind: 'action-removed', goalId: g.id, actionId: a.id, text: `Cel „${g.title}”: usunięto działanie „${a.description}”` });
    for (const a of g.actions) {
      const b = pa.get(a.id);
      if (!b) {
        out.push({ kind: 'action-added', goalId: g.id, actionId: a.id, text: `Cel „${g.title}”: dodano działanie „${a.description}”` });
        continue;
      }
      for (const [f, label] of ACTION_FIELDS) {
        if (show(b[f]) !== show(a[f])) {
          out.push({
            kind: 'action-changed',
            goalId: g.id,
            actionId: a.id,
            field: String(f),
            from: show(b[f]),
            to: show(a[f]),
            text: `Cel „${g.title}”, działanie „${a.description}”: ${label}: ${show(b[f])} → ${show(a[f])}`,
          });
        }
      }
    }
  }
  return out;
}

/** Evidence warnings: an action marked done without evidence. */
export function planStatusFindings(plan: PlanContent): Finding[] {
  const out: Finding[] = [];
  plan.goals.forEach((g, gi) =>
    g.actions.forEach((a, ai) => {
      if (a.status === 'done' && !a.evidence?.trim()) out.push(finding('WORK_PLAN_ACTION_STATUS_EVIDENCE_MISSING', { goal: gi + 1, action: ai + 1 }));
    }),
  );
  return out;
}

/** The lowest-rated areas (negative ratings only), lowest first, ties in grid order. */
export function suggestGoalAreas(
  areas: Readonly<Record<string, AssessmentAreaEntry>>,
  limit = 3,
): Array<{ code: string; label: string; rating: Rating }> {
  const rated: Array<{ code: string; label: string; rating: Rating; order: number }> = [];
  ASSESSMENT_AREAS.forEach((a, order) => {
    const e = areas[a.code] as { rating?: unknown } | undefined;
    if (e && 'rating' in e && isRating(e.rating) && e.rating < 0) rated.push({ code: a.code, label: a.label, rating: e.rating, order });
  });
  return rated
    .sort((x, y) => x.rating - y.rating || x.order - y.order)
    .slice(0, limit)
    .map(({ code, label, rating }) => ({ code, label, rating }));
}

// ---- Assessments: distribution (T49) and trend -----------------------------------------------

export interface DistributionRecipient {
  role: 'head' | 'social-worker' | 'krpz';
  name: string;
  address: string;
  /** For the KRPZ: which child. */
  child?: string;
}

/** Periodic assessment recipients: the head always; the social worker; the KRPZ of each child in
 *  foster care (a warning when the KRPZ address is missing). */
export function assessmentDistribution(input: {
  head: { name: string; address: string };
  socialWorker?: { name: string } | null;
  children: ReadonlyArray<{ name: string; placement: 'home' | 'foster-care'; krpz?: { name?: string; address?: string } | null }>;
}): { recipients: DistributionRecipient[]; findings: Finding[] } {
  const recipients: DistributionRecipient[] = [{ role: 'head', name: input.head.name, address: input.head.address }];
  const findings: Finding[] = [];
  if (input.socialWorker?.name) recipients.push({ role: 'social-worker', name: input.socialWorker.name, address: input.head.address });
  else findings.push(finding('ASSESSMENT_DISTRIBUTION_NO_SOCIAL_WORKER'));
  const seen = new Set<string>();
  for (const c of input.children) {
    if (c.placement !== 'foster-care') continue;
    const address = c.krpz?.address?.trim() ?? '';
    const name = c.krpz?.name?.trim() || 'Koordynator rodzinnej pieczy zastępczej';
    if (!address) findings.push(finding('ASSESSMENT_DISTRIBUTION_KRPZ_ADDRESS_MISSING', { child: c.name }));
    const key = `${name}|${address}`;
    if (seen.has(key) && address) continue;
    seen.add(key);
    recipients.push({ role: 'krpz', name, address, child: c.name });
  }
  return { recipients, findings };
}

export interface TrendInput {
  id: string;
  kind: 'initial' | 'periodic' | 'final';
  assessedOn: IsoDate;
  areas: Readonly<Record<string, AssessmentAreaEntry>>;
}

export interface AssessmentTrend {
  assessments: Array<{ id: string; kind: TrendInput['kind']; assessedOn: IsoDate }>;
  areas: Array<{ code: string; label: string; ratings: Array<Rating | null> }>;
}

/** Every area across all assessments (oldest first): the family's journey, chart data. */
export function assessmentTrend(list: ReadonlyArray<TrendInput>): AssessmentTrend {
  const sorted = [...list].sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0));
  return {
    assessments: sorted.map((a) => ({ id: a.id, kind: a.kind, assessedOn: a.assessedOn })),
    areas: ASSESSMENT_AREAS.map((area) => ({
      code: area.code,
      label: area.label,
      ratings: sorted.map((a) => {
        const e = a.areas[area.code] as { rating?: unknown } | undefined;
        return e && 'rating' in e && isRating(e.rating) ? e.rating : null;
      }),
    })),
  };
}

// ---- Closure and monitoring (domain.md §2.2, §2.5; T41–T43) -------------------------------------

export function monitoringEndDate(closedOn: IsoDate, months = DEFAULT_MONITORING_MONTHS): IsoDate {
  return addMonthsClamped(closedOn, months);
}

/**
 * checkClosure plus the office rules: a PIECZA_BEZ_POWROTU closure needs the permanence
 * confirmed (a temporary placement is not a reason, art. 10 ust. 4); a court-ordered case is
 * closed by the head; the court should be informed; the final assessment should not be later
 * than the closure.
 */
export function checkCaseClosure(input: {
  source: ReferralSource | 'za-zyciem';
  reason: ClosureReasonCode;
  finalAssessmentOn?: IsoDate | null;
  on: IsoDate;
  actorRole: Role;
  permanentPlacementConfirmed?: boolean;
  courtInformedOn?: IsoDate | null;
}): Finding[] {
  const out = checkClosure({ source: input.source, reason: input.reason, finalAssessmentDone: !!input.finalAssessmentOn });
  if (input.reason === 'PIECZA_BEZ_POWROTU' && !input.permanentPlacementConfirmed) out.push(finding('CLOSURE_PLACEMENT_NOT_CONFIRMED_PERMANENT'));
  if (input.source === 'court-order') {
    if (input.actorRole !== 'admin') out.push(finding('CLOSURE_COURT_ORDER_HEAD_ONLY'));
    if (!input.courtInformedOn) out.push(finding('CLOSURE_COURT_NOT_INFORMED'));
  }
  if (input.finalAssessmentOn && isIsoDate(input.on) && input.on < input.finalAssessmentOn) {
    out.push(finding('CLOSURE_DATE_BEFORE_FINAL_ASSESSMENT', { on: input.on, assessedOn: input.finalAssessmentOn }));
  }
  return out;
}
