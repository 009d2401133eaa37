/**
 * Reading one case's records for the printed documents: plain rows and parsed JSON columns,
 * without scoping (the caller checks visibility first, see db/documents/service.ts) and without
 * audit rows (the document preview is audited once, as `document.preview`).
 */
import type { OfficeProfile } from '../../shared/schemas';
import { institutionsSchema, INSTITUTIONS_KEY, type Institution } from '../../shared/institutions';
import type { OfficePapers } from '../../shared/staff';
import type { NameForms } from '../../shared/grammar';
import { readOfficePapers, staffForDocuments, type StaffForDocuments } from '../services/staff';
import type { SqliteHandle } from '../open';
import { getCaseRow, type CaseRow } from '../services/cases';
import { json } from '../services/workCommon';

export interface MemberRow {
  id: string;
  firstName: string;
  lastName: string;
  pesel: string | null;
  birthDate: string | null;
  sex: 'F' | 'M' | null;
  relation: string;
  isChild: number;
  isHead: number;
  phone: string;
  placement: string | null;
  nameForms: NameForms | null;
}

export interface FamilyRow {
  id: string;
  address: string;
  postalCode: string;
  place: string;
  phone: string;
  courtSupervision: string | null;
}

export interface UserRow {
  id: string;
  fullName: string;
  role: string;
}

export interface AssessmentRow {
  id: string;
  kind: 'initial' | 'periodic' | 'final';
  assessedOn: string;
  periodFrom: string | null;
  periodTo: string | null;
  areas: Record<string, { rating?: number; justification?: string; notAssessedReason?: string }>;
  body: Record<string, unknown>;
  recommendation: string | null;
  distribution: { recipients?: Array<{ role: string; name: string; address: string; child?: string }> } | null;
  authorId: string | null;
  authorName: string | null;
}

export interface PlanGoalStored {
  id: string;
  title: string;
  areaCode: string | null;
  actions: Array<{ id: string; description: string; responsible: string; responsibleKind: string; dueDate: string | null; expectedEffect: string; status?: string }>;
}

export interface PlanRow {
  id: string;
  versionNo: number;
  drawnUpOn: string;
  changeNote: string;
  content: {
    mainGoal?: string;
    goals?: PlanGoalStored[];
    risks?: string;
    reviewOn?: string | null;
    childInFosterCare?: boolean;
    coordinatedWithFosterCareCoordinator?: boolean;
    krpzCoordination?: string;
    /** KRPZ of each child in foster care when the version was saved. */
    krpz?: Array<{ child: string; name: string; address?: string }>;
    consultation?: { on?: string | null; socialWorkerName?: string; note?: string };
  };
  authorId: string | null;
  authorName: string | null;
}

export interface EntryBody {
  place?: 'home' | 'office' | 'institution' | null;
  placeDetail?: string;
  participants?: string[];
  goalIds?: string[];
  doneSinceLast?: string;
  agreedFamily?: string;
  agreedAssistant?: string;
  childSafetyConcern?: boolean;
  childSafetyObservations?: string;
  nextAppointmentOn?: string | null;
  failedReason?: 'nobody-home' | 'cancelled-by-family' | 'cancelled-by-assistant' | null;
  contactWith?: string;
  text?: string;
  actionsTaken?: string;
  informed?: string;
  /** Visits: who signed the card for the family, or the refusal (absent in older entries). */
  familySignatory?: { memberId?: string | null; name?: string; refused?: boolean; refusalNote?: string } | null;
}

export interface EntryRow {
  id: string;
  kind: 'visit' | 'failed-visit' | 'phone' | 'institution' | 'note' | 'monitoring';
  onDate: string;
  startTime: string | null;
  endTime: string | null;
  minutes: number;
  kmTenths: number;
  body: EntryBody;
  authorId: string | null;
  authorName: string | null;
}

export interface CourtRequestRow {
  id: string;
  court: string;
  department: string;
  caseRef: string;
  requestedOn: string;
  deliveredOn: string | null;
  dueOn: string | null;
  submittedOn: string | null;
  scope: string;
  note: string;
  /** The opinion's text sections and choices (court_requests.opinion, migration 0007). */
  opinion: CourtOpinionDraft | null;
}

/** What the assistant writes for an opinion: the scopes the court asked for (ticked), the
 *  request's number, the text of each section the record cannot fill, conclusions, attachments. */
export interface CourtOpinionDraft {
  scopes?: string[];
  requestNumber?: string;
  sections?: Record<string, string>;
  conclusions?: string;
  attachments?: string[];
}

export interface CatalogueRow {
  id: string;
  area: string;
  title: string;
  provider: string;
  contact: string;
  conditions: string;
  cost: string;
  status: string;
  appliedOn: string | null;
  decidedOn: string | null;
  onBehalf: number;
  authorisationId: string | null;
}

export interface AuthorisationRow {
  id: string;
  caseId: string | null;
  kind: 'general' | 'special';
  grantors: Array<{ memberId?: string | null; name: string }>;
  granteeId: string;
  granteeName: string | null;
  scope: { institutions?: string[]; matters?: string[]; description?: string };
  signedOn: string;
  validFrom: string;
  validTo: string | null;
  revokedOn: string | null;
}

export interface SupportingRow {
  id: string;
  name: string;
  address: string;
  place: string;
  relationToChild: string;
  members: Array<{ firstName: string; lastName: string; pesel?: string | null; birthDate?: string | null }>;
  headOpinion: { positive?: boolean; on?: string | null; interviewOn?: string | null; justification?: string } | null;
  status: string;
  /** scope / until: absent in acts and contracts recorded before they were asked for. */
  act: { by?: string; authorisation?: string; number?: string; on?: string | null; scope?: string[]; until?: string | null } | null;
  contract: {
    number?: string;
    on?: string | null;
    monthlyLimitGr?: number | null;
    totalLimitGr?: number | null;
    scope?: string[];
    until?: string | null;
    settlementDay?: number | null;
    noticeMonths?: number | null;
  } | null;
  createdAt: string;
}

export interface CaseData {
  office: OfficeProfile;
  /** DPO contact, retention statement, statistics basis (settings). */
  papers: OfficePapers;
  /** The office's register of institutions (addresses, phones, conditions). */
  institutions: Institution[];
  /** The staff register by user id (form of address, position, contact, declension). */
  staff: Map<string, StaffForDocuments>;
  /** Accounts by id (authors of entries, assessments and plans). */
  users: Map<string, UserRow>;
  row: CaseRow;
  monitoringEndsOn: string | null;
  family: FamilyRow;
  members: MemberRow[];
  assistant: UserRow | null;
  socialWorker: UserRow | null;
  head: UserRow | null;
  assessments: AssessmentRow[];
  plans: PlanRow[];
  entries: EntryRow[];
  courtRequests: CourtRequestRow[];
  catalogue: CatalogueRow[];
  authorisations: AuthorisationRow[];
  supporting: SupportingRow[];
  /** The justification typed when the request was submitted (the `submitRequest` history event),
   *  for requests recorded before cases.details.request existed. */
  requestEventJustification: string | null;
  /** The head's reason for refusing an assistant (the refuse / refuseZz history event). */
  refusalReason: string | null;
}

export function readOffice(sqlite: SqliteHandle): OfficeProfile {
  const o = sqlite
    .prepare('SELECT name, address, postal_code AS postalCode, place, gmina, head_name AS headName, phone, email FROM office WHERE id = 1')
    .get() as OfficeProfile | undefined;
  return o ?? ({ name: '', address: '', postalCode: '', place: '', gmina: '', headName: '', phone: '', email: '' } as unknown as OfficeProfile);
}

/** Everything the documents of one case are made from (null when the case does not exist). */
export function readCaseData(sqlite: SqliteHandle, caseId: string): CaseData | null {
  const row = getCaseRow(sqlite, caseId);
  if (!row) return null;
  const user = (id: string | null) =>
    id ? ((sqlite.prepare('SELECT id, full_name AS fullName, role FROM users WHERE id = ?').get(id) as UserRow | undefined) ?? null) : null;
  const extra = sqlite.prepare('SELECT monitoring_ends_on AS m FROM cases WHERE id = ?').get(caseId) as { m: string | null };
  const family = sqlite
    .prepare('SELECT id, address, postal_code AS postalCode, place, phone, court_supervision AS courtSupervision FROM families WHERE id = ?')
    .get(row.familyId) as FamilyRow;
  const members = (sqlite
    .prepare(
      `SELECT id, first_name AS firstName, last_name AS lastName, pesel, birth_date AS birthDate, sex, relation, is_child AS isChild,
        is_head AS isHead, phone, placement, name_forms AS nameForms FROM family_members WHERE family_id = ? ORDER BY is_head DESC, is_child, sort_order, birth_date`,
    )
    .all(row.familyId) as Array<Omit<MemberRow, 'nameForms'> & { nameForms: string | null }>)
    .map((m) => ({ ...m, nameForms: safeJson<NameForms | null>(m.nameForms, null) }));
  const head = sqlite.prepare("SELECT id, full_name AS fullName, role FROM users WHERE role = 'admin' AND active = 1 ORDER BY created_at LIMIT 1").get() as
    | UserRow
    | undefined;
  const assessments = (
    sqlite
      .prepare(
        `SELECT a.id, a.kind, a.assessed_on AS assessedOn, a.period_from AS periodFrom, a.period_to AS periodTo, a.areas, a.body,
          a.recommendation, a.distribution, a.author_id AS authorId, u.full_name AS authorName
         FROM assessments a LEFT JOIN users u ON u.id = a.author_id WHERE a.case_id = ? ORDER BY a.assessed_on, a.created_at`,
      )
      .all(caseId) as Array<Omit<AssessmentRow, 'areas' | 'body' | 'distribution'> & { areas: string; body: string; distribution: string | null }>
  ).map((it) => ({ ...it, areas: json(it.areas, {}), body: json(it.body, {}), distribution: json(it.distribution, null) }));
  const plans = (
    sqlite
      .prepare(
        `SELECT p.id, p.version_no AS versionNo, p.drawn_up_on AS drawnUpOn, p.change_note AS changeNote, p.content, p.author_id AS authorId, u.full_name AS authorName
         FROM work_plans p LEFT JOIN users u ON u.id = p.author_id WHERE p.case_id = ? ORDER BY p.version_no`,
      )
      .all(caseId) as Array<Omit<PlanRow, 'content'> & { content: string }>
  ).map((p) => ({ ...p, content: json(p.content, {}) }));
  const entries = (
    sqlite
      .prepare(
        `SELECT id, kind, on_date AS onDate, start_time AS startTime, end_time AS endTime, minutes, km_tenths AS kmTenths, body,
          author_id AS authorId, author_name AS authorName FROM case_entries WHERE case_id = ? ORDER BY on_date, start_time, created_at`,
      )
      .all(caseId) as Array<Omit<EntryRow, 'body'> & { body: string }>
  ).map((e) => ({ ...e, body: json<EntryBody>(e.body, {}) }));
  const courtRequests = (
    sqlite
      .prepare(
        `SELECT id, court, department, case_ref AS caseRef, requested_on AS requestedOn, delivered_on AS deliveredOn, due_on AS dueOn,
          submitted_on AS submittedOn, scope, note, opinion FROM court_requests WHERE case_id = ? ORDER BY requested_on, created_at`,
      )
      .all(caseId) as Array<Omit<CourtRequestRow, 'opinion'> & { opinion: string | null }>
  ).map((q) => ({ ...q, opinion: safeJson<CourtOpinionDraft | null>(q.opinion, null) }));
  const catalogue = sqlite
    .prepare(
      `SELECT id, area, title, provider, contact, conditions, cost, status, applied_on AS appliedOn, decided_on AS decidedOn, on_behalf AS onBehalf,
         authorisation_id AS authorisationId
       FROM catalogue_items WHERE case_id = ? ORDER BY created_at`,
    )
    .all(caseId) as CatalogueRow[];
  const authorisations = (
    sqlite
      .prepare(
        `SELECT a.id, a.case_id AS caseId, a.kind, a.grantors, a.grantee_id AS granteeId, u.full_name AS granteeName, a.scope,
          a.signed_on AS signedOn, a.valid_from AS validFrom, a.valid_to AS validTo, a.revoked_on AS revokedOn
         FROM authorisations a LEFT JOIN users u ON u.id = a.grantee_id
         WHERE a.family_id = ? AND (a.case_id IS NULL OR a.case_id = ?) ORDER BY a.signed_on, a.created_at`,
      )
      .all(row.familyId, caseId) as Array<Omit<AuthorisationRow, 'grantors' | 'scope'> & { grantors: string; scope: string }>
  ).map((it) => ({ ...it, grantors: json(it.grantors, []), scope: json(it.scope, {}) }));
  const supporting = (
    sqlite
      .prepare(
        `SELECT id, name, address, place, relation_to_child AS relationToChild, members, head_opinion AS headOpinion, status, act, contract,
          created_at AS createdAt FROM supporting_families WHERE case_id = ? ORDER BY created_at`,
      )
      .all(caseId) as Array<Record<string, unknown>>
  ).map(
    (s) =>
      ({
        ...s,
        members: json(s.members as string, []),
        headOpinion: json(s.headOpinion as string | null, null),
        act: json(s.act as string | null, null),
        contract: json(s.contract as string | null, null),
      }) as unknown as SupportingRow,
  );
  const requestEvent = sqlite
    .prepare("SELECT details FROM case_events WHERE case_id = ? AND action = 'submitRequest' ORDER BY at DESC, id DESC LIMIT 1")
    .get(caseId) as { details: string | null } | undefined;
  const requestEventDetails = json<{ justification?: unknown }>(requestEvent?.details ?? null, {});
  const refusal = sqlite
    .prepare("SELECT details FROM case_events WHERE case_id = ? AND action IN ('refuse', 'refuseZz') ORDER BY at DESC, id DESC LIMIT 1")
    .get(caseId) as { details: string | null } | undefined;
  const refusalReason = safeJson<{ reason?: unknown }>(refusal?.details ?? null, {}).reason;
  return {
    office: readOffice(sqlite),
    papers: readOfficePapers(sqlite),
    institutions: readInstitutions(sqlite),
    staff: staffForDocuments(sqlite),
    users: new Map((sqlite.prepare('SELECT id, full_name AS fullName, role FROM users').all() as UserRow[]).map((u) => [u.id, u])),
    row,
    monitoringEndsOn: extra.m,
    family,
    members,
    assistant: user(row.assistantId),
    socialWorker: user(row.referredBy),
    head: head ?? null,
    assessments,
    plans,
    entries,
    courtRequests,
    catalogue,
    authorisations,
    supporting,
    requestEventJustification: typeof requestEventDetails.justification === 'string' ? requestEventDetails.justification : null,
    refusalReason: typeof refusalReason === 'string' && refusalReason.trim() ? refusalReason.trim() : null,
  };
}

function safeJson<T>(s: string | null | undefined, fallback: T): T {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

/** The office's register of institutions (empty when none is kept). */
export function readInstitutions(sqlite: SqliteHandle): Institution[] {
  const r = sqlite.prepare('SELECT value FROM office_settings WHERE key = ?').get(INSTITUTIONS_KEY) as { value: string } | undefined;
  const parsed = institutionsSchema.safeParse(safeJson<unknown>(r?.value, []));
  return parsed.success ? parsed.data : [];
}
