/**
 * The family registry: list and search, the family card, create and update with members,
 * duplicate detection, and who may see which family (assistants: their cases; social workers:
 * their area when the office enables area scoping; the head: all).
 */
import { warsawDate } from '../../shared/dates';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { FamilyDetail, FamilyListItem } from '../../shared/ipc/contract';
import type { FamilyCreateInput, FamilyUpdateInput, MemberInput, Placement } from '../../shared/registrySchemas';
import {
  CASE_STATES,
  duplicateFindings,
  findingsBlock,
  memberDisplayName,
  mergePlacement,
  validateFamilyMembers,
  type CaseState,
  type PlacementRecord,
  type DuplicateCandidate,
  type Finding,
} from '../../shared/rules/index';
import { foldPolish } from '../../shared/text';
import { isMasked, maskNiebieskaKarta, maskPesel, SCOPE_ENDING_STATES } from '../../shared/access/rules';
import type { Actor } from '../core';
import type { SqliteHandle } from '../open';
import { getCaseSettings } from './caseSettings';
import { audit, json, nowIso, todayOf, type ServiceCtx } from './context';

// ---- Visibility ---------------------------------------------------------------------------------

export interface Scope {
  sql: string;
  params: Record<string, unknown>;
}

const SCOPE_ENDING_SQL = `(${SCOPE_ENDING_STATES.map((s) => `'${s}'`).join(',')})`;

/** Families an assistant works with now: a case assigned to them that is not closed/archived (monitoring counts). */
const ASSISTANT_CASES_SQL = `SELECT sc.family_id FROM cases sc WHERE sc.assistant_id = @scopeUser AND sc.state NOT IN ${SCOPE_ENDING_SQL}`;
/** Families shared with the user for a substitution, active on @scopeToday (dates inclusive). */
const ACTIVE_SHARES_SQL =
  'SELECT fs.family_id FROM family_shares fs WHERE fs.user_id = @scopeUser AND fs.revoked_at IS NULL AND fs.from_on <= @scopeToday AND fs.until_on >= @scopeToday';

/**
 * SQL condition on `f` (families) limiting what the actor may see: the head all; an assistant
 * the families of cases assigned to them now (up to monitoring) plus active substitution
 * shares; a social worker all, or with area scoping the families they created or referred and
 * those of their area; the data protection officer none (audit log and retention queue only).
 * `today` is the Europe/Warsaw date the shares are checked against (the service clock).
 */
export function familyScope(sqlite: SqliteHandle, actor: Actor, today: string = warsawDate(new Date())!): Scope {
  const role = actor.user.role;
  if (role === 'admin') return { sql: '1', params: {} };
  if (role === 'assistant') {
    return {
      sql: `(f.id IN (${ASSISTANT_CASES_SQL}) OR f.id IN (${ACTIVE_SHARES_SQL}))`,
      params: { scopeUser: actor.user.id, scopeToday: today },
    };
  }
  if (role !== 'social_worker') return { sql: '0', params: {} };
  const settings = getCaseSettings(sqlite);
  if (!settings.areaScoping) return { sql: '1', params: {} };
  const area = (sqlite.prepare('SELECT area FROM users WHERE id = ?').get(actor.user.id) as { area: string | null } | undefined)?.area ?? '';
  return {
    sql:
      "((@scopeArea <> '' AND f.area = @scopeArea) OR f.created_by = @scopeUser" +
      ' OR f.id IN (SELECT sc.family_id FROM cases sc WHERE sc.referred_by = @scopeUser))',
    params: { scopeUser: actor.user.id, scopeArea: area.trim() },
  };
}

export function canSeeFamily(sqlite: SqliteHandle, actor: Actor, familyId: string, today?: string): boolean {
  const s = familyScope(sqlite, actor, today);
  return !!sqlite.prepare(`SELECT 1 FROM families f WHERE f.id = @id AND ${s.sql}`).get({ ...s.params, id: familyId });
}

/**
 * The active substitution share through which an assistant sees a family that is not theirs
 * (null when the family is their own through a case, or there is no active share).
 */
export function substitutionOf(sqlite: SqliteHandle, actor: Actor, familyId: string, today: string): { id: string; untilOn: string } | null {
  if (actor.user.role !== 'assistant') return null;
  const own = sqlite.prepare(`SELECT 1 FROM families f WHERE f.id = @id AND f.id IN (${ASSISTANT_CASES_SQL})`).get({ id: familyId, scopeUser: actor.user.id });
  if (own) return null;
  return (
    (sqlite
      .prepare(
        `SELECT fs.id, fs.until_on AS untilOn FROM family_shares fs WHERE fs.family_id = @id AND fs.user_id = @scopeUser AND fs.revoked_at IS NULL
           AND fs.from_on <= @scopeToday AND fs.until_on >= @scopeToday ORDER BY fs.until_on DESC LIMIT 1`,
      )
      .get({ id: familyId, scopeUser: actor.user.id, scopeToday: today }) as { id: string; untilOn: string } | undefined) ?? null
  );
}

/** Throws NOT_FOUND or (audited) FORBIDDEN unless the actor may see the family. */
export function requireFamilyVisible(ctx: ServiceCtx, actor: Actor, familyId: string, what = 'family.open_forbidden'): void {
  const exists = ctx.sqlite.prepare('SELECT 1 FROM families WHERE id = ?').get(familyId);
  if (!exists) throw new AppError('NOT_FOUND', 'Nie znaleziono rodziny.');
  if (!canSeeFamily(ctx.sqlite, actor, familyId, todayOf(ctx))) {
    audit(ctx, actor, what, { type: 'family', id: familyId }, { role: actor.user.role });
    throw new AppError(
      'FORBIDDEN',
      actor.user.role === 'dpo'
        ? 'Inspektor ochrony danych nie ma wglądu w dokumentację rodzin — tylko w dziennik zdarzeń i okresy przechowywania.'
        : 'Ta rodzina nie należy do Twoich spraw ani do Twojego rejonu.',
    );
  }
}

// ---- Masking of sensitive fields ----------------------------------------------------------------

/** The card as list and card outputs carry it: PESEL and NK details masked (revealed on demand). */
export function maskFamilyDetail(card: FamilyDetail): FamilyDetail {
  const nk = maskNiebieskaKarta(card.niebieskaKarta);
  return {
    ...card,
    members: card.members.map((m) => ({ ...m, pesel: maskPesel(m.pesel) })),
    niebieskaKarta: nk.value,
    masked: { niebieskaKarta: nk.masked },
  };
}

/**
 * Refuses any change to a family whose identifying data a retention run removed (families.
 * anonymised_on): the remaining record exists only to keep the statistics reproducible. A family
 * that comes back to the office is registered anew.
 */
export function refuseIfAnonymised(sqlite: SqliteHandle, familyId: string): void {
  const row = sqlite.prepare('SELECT anonymised_on AS on_ FROM families WHERE id = ?').get(familyId) as { on_: string | null } | undefined;
  if (!row?.on_) return;
  const [y, m, d] = row.on_.split('-');
  throw new AppError(
    'VALIDATION',
    `Dane tej rodziny zanonimizowano ${d}.${m}.${y} r. po upływie okresu przechowywania akt. Nie można ich zmieniać ani prowadzić w niej nowej sprawy; jeśli rodzina ponownie potrzebuje wsparcia, zarejestruj ją od nowa.`,
  );
}

// ---- List ----------------------------------------------------------------------------------------

export interface FamilyListQuery {
  query: string;
  page: number;
  pageSize: number;
  assistantId?: string;
  state?: CaseState;
  track?: 'general' | 'za-zyciem';
  sort?: 'name' | 'caseNumber' | 'updated';
}

const OPEN_STATES_SQL = "('ZAMKNIETA','ARCHIWUM')";

/**
 * The full-text query for the words typed in the family search: each word (folded like
 * search_text, so "Łucz" finds "Łuczak") must begin a word of a surname, the address, the place
 * or a case number — `"w"*`, a prefix phrase, so "4011.7" matches "GOPS.4011.7.2026". Null when
 * nothing searchable was typed.
 */
export function familySearchMatch(text: string): string | null {
  const words = foldPolish(text)
    .split(' ')
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, 5);
  return words.length ? words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ') : null;
}

/**
 * Diacritics-insensitive search: 11 digits = PESEL (exact), otherwise every word must begin a
 * word of a surname, the address, the place or a case number, looked up in the family_search
 * full-text index (migration 0009, kept by triggers on families.search_text).
 */
export function listFamilies(
  sqlite: SqliteHandle,
  actor: Actor,
  q: FamilyListQuery,
  today: string = warsawDate(new Date())!,
): { items: FamilyListItem[]; total: number } {
  const scope = familyScope(sqlite, actor, today);
  const where: string[] = [scope.sql];
  const params: Record<string, unknown> = { ...scope.params };
  const text = q.query.trim();
  const match = /^\d{11}$/.test(text) ? null : familySearchMatch(text);
  if (/^\d{11}$/.test(text)) {
    where.push('f.id IN (SELECT family_id FROM family_members WHERE pesel = @pesel)');
    params.pesel = text;
  } else if (match) {
    where.push(
      'f.id IN (SELECT s.family_id FROM family_search_ids s WHERE s.id IN (SELECT rowid FROM family_search WHERE family_search MATCH @match))',
    );
    params.match = match;
  }
  const caseConds: string[] = [];
  if (q.assistantId) {
    caseConds.push('c.assistant_id = @assistantId');
    params.assistantId = q.assistantId;
  }
  if (q.state) {
    caseConds.push('c.state = @state');
    params.state = q.state;
  }
  if (q.track) {
    caseConds.push('c.track = @track');
    params.track = q.track;
  }
  if (caseConds.length) where.push(`f.id IN (SELECT c.family_id FROM cases c WHERE ${caseConds.join(' AND ')})`);
  const whereSql = `WHERE ${where.join(' AND ')}`;
  const order =
    q.sort === 'updated' ? 'f.updated_at DESC, f.id' : q.sort === 'caseNumber' ? 'f.case_number IS NULL, f.case_number, f.id' : 'f.sort_name, f.id';
  const total = (sqlite.prepare(`SELECT count(*) AS c FROM families f ${whereSql}`).get(params) as { c: number }).c;
  // The page's ids first (filter, order, limit on the families table alone), then the columns
  // and per-family counts for those rows only: a search matching thousands of families computes
  // the head's name and the member counts for the fifty it shows.
  const rows = sqlite
    .prepare(
      `SELECT f.id, f.case_number AS caseNumber, f.address, f.place, f.area, f.nk_active AS nkActive,
              f.safety_note <> '' AS hasSafetyNote,
              (SELECT first_name || ' ' || last_name FROM family_members m WHERE m.family_id = f.id
                 ORDER BY is_head DESC, sort_order LIMIT 1) AS headName,
              (SELECT count(*) FROM family_members m WHERE m.family_id = f.id) AS membersCount,
              (SELECT count(*) FROM family_members m WHERE m.family_id = f.id AND m.is_child = 1) AS childrenCount,
              u.full_name AS assistantName
              ${
                actor.user.role === 'assistant'
                  ? `, CASE WHEN f.id IN (${ASSISTANT_CASES_SQL}) THEN NULL ELSE (SELECT max(fs.until_on) FROM family_shares fs
                       WHERE fs.family_id = f.id AND fs.user_id = @scopeUser AND fs.revoked_at IS NULL
                         AND fs.from_on <= @scopeToday AND fs.until_on >= @scopeToday) END AS sharedUntil`
                  : ', NULL AS sharedUntil'
              }
         FROM (SELECT f.id FROM families f ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset) page
         JOIN families f ON f.id = page.id LEFT JOIN users u ON u.id = f.assistant_id
        ORDER BY ${order}`,
    )
    .all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as Array<
    Omit<FamilyListItem, 'nkActive' | 'hasSafetyNote' | 'cases'> & { nkActive: number; hasSafetyNote: number }
  >;
  const casesByFamily = new Map<string, FamilyListItem['cases']>();
  if (rows.length) {
    const ids = rows.map((r) => r.id);
    const cs = sqlite
      .prepare(
        `SELECT id, family_id AS familyId, track, state, case_number AS caseNumber FROM cases
          WHERE family_id IN (${ids.map(() => '?').join(',')}) AND state NOT IN ${OPEN_STATES_SQL} ORDER BY seq_year, seq_no`,
      )
      .all(...ids) as Array<{ id: string; familyId: string; track: 'general' | 'za-zyciem'; state: CaseState; caseNumber: string }>;
    for (const c of cs) {
      const list = casesByFamily.get(c.familyId) ?? [];
      list.push({ id: c.id, track: c.track, state: c.state, caseNumber: c.caseNumber });
      casesByFamily.set(c.familyId, list);
    }
  }
  return {
    total,
    items: rows.map((r) => ({
      ...r,
      headName: r.headName ?? '',
      nkActive: r.nkActive === 1,
      hasSafetyNote: r.hasSafetyNote === 1,
      cases: casesByFamily.get(r.id) ?? [],
    })),
  };
}

// ---- Card ----------------------------------------------------------------------------------------

interface FamilyRow {
  id: string;
  anonymisedOn: string | null;
  caseNumber: string | null;
  address: string;
  postalCode: string;
  place: string;
  gmina: string;
  phone: string;
  assistantId: string | null;
  assistantName: string | null;
  version: number;
  area: string;
  parentalAuthority: FamilyDetail['parentalAuthority'];
  courtSupervision: string | null;
  niebieskaKarta: string | null;
  safetyNote: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/** The family card with real values (no audit, no scope check, no masking: callers do all three). */
export function familyCard(sqlite: SqliteHandle, id: string): FamilyDetail | undefined {
  const f = sqlite
    .prepare(
      `SELECT f.id, f.case_number AS caseNumber, f.address, f.postal_code AS postalCode, f.place, f.gmina, f.phone,
              f.assistant_id AS assistantId, u.full_name AS assistantName, f.version, f.area,
              f.parental_authority AS parentalAuthority, f.court_supervision AS courtSupervision,
              f.niebieska_karta AS niebieskaKarta, f.safety_note AS safetyNote, f.notes,
              f.created_at AS createdAt, f.updated_at AS updatedAt, f.anonymised_on AS anonymisedOn
         FROM families f LEFT JOIN users u ON u.id = f.assistant_id WHERE f.id = ?`,
    )
    .get(id) as FamilyRow | undefined;
  if (!f) return undefined;
  const members = (
    sqlite
      .prepare(
        `SELECT id, first_name AS firstName, last_name AS lastName, pesel, birth_date AS birthDate, sex, relation,
                is_child AS isChild, is_head AS isHead, phone, placement
           FROM family_members WHERE family_id = ? ORDER BY sort_order`,
      )
      .all(id) as Array<{
      id: string;
      firstName: string;
      lastName: string;
      pesel: string | null;
      birthDate: string;
      sex: 'F' | 'M' | null;
      relation: string;
      isChild: number;
      isHead: number;
      phone: string;
      placement: string | null;
    }>
  ).map((m) => ({ ...m, isChild: m.isChild === 1, isHead: m.isHead === 1, placement: json<Placement>(m.placement) }));
  const cases = caseSummaries(sqlite, id);
  const supportingFamilies = sqlite
    .prepare('SELECT id, name, status, case_id AS caseId FROM supporting_families WHERE family_id = ? ORDER BY created_at')
    .all(id) as FamilyDetail['supportingFamilies'];
  const history = familyHistory(sqlite, { familyId: id, limit: 100 });
  return {
    ...f,
    courtSupervision: json(f.courtSupervision),
    niebieskaKarta: json(f.niebieskaKarta),
    members,
    cases,
    supportingFamilies,
    history,
    masked: { niebieskaKarta: false },
    sharedUntil: null,
  };
}

export function caseSummaries(sqlite: SqliteHandle, familyId: string): FamilyDetail['cases'] {
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.track, c.source, c.state, c.case_number AS caseNumber, c.assistant_id AS assistantId,
              u.full_name AS assistantName, c.learned_on AS learnedOn, c.received_on AS receivedOn, c.assigned_on AS assignedOn,
              c.closed_on AS closedOn, c.closure_reason AS closureReason, c.updated_at AS updatedAt
         FROM cases c LEFT JOIN users u ON u.id = c.assistant_id WHERE c.family_id = ? ORDER BY c.seq_year DESC, c.seq_no DESC`,
    )
    .all(familyId) as Array<Omit<FamilyDetail['cases'][number], 'stateLabel'>>;
  return rows.map((r) => ({ ...r, stateLabel: CASE_STATES[r.state]?.label ?? r.state }));
}

export function familyHistory(
  sqlite: SqliteHandle,
  by: { familyId?: string; caseId?: string; limit: number },
): FamilyDetail['history'] {
  const where = by.caseId ? 'e.case_id = @caseId' : 'c.family_id = @familyId';
  const rows = sqlite
    .prepare(
      `SELECT e.id, e.case_id AS caseId, c.case_number AS caseNumber, e.at, e.user_name AS userName, e.action,
              e.from_state AS fromState, e.to_state AS toState, e.details
         FROM case_events e JOIN cases c ON c.id = e.case_id WHERE ${where} ORDER BY e.id DESC LIMIT @limit`,
    )
    .all({ familyId: by.familyId ?? null, caseId: by.caseId ?? null, limit: by.limit }) as Array<
    Omit<FamilyDetail['history'][number], 'details'> & { details: string | null }
  >;
  return rows.map((r) => {
    const details = json<Record<string, unknown>>(r.details);
    // The Za życiem verification records the medical documents: health data stays out of the history output.
    if (details && 'documents' in details) details.documents = 'ukryte';
    return { ...r, details };
  });
}

/**
 * Opening the card is audited (`family.open`, with the share when the assistant sees the family
 * as a substitute); a family outside the actor's scope is refused and audited. PESEL and the
 * Niebieska Karta details are masked (`sensitive:reveal` shows them, audited).
 */
export function openFamily(ctx: ServiceCtx, actor: Actor, id: string): FamilyDetail {
  requireFamilyVisible(ctx, actor, id);
  const card = familyCard(ctx.sqlite, id)!;
  const share = substitutionOf(ctx.sqlite, actor, id, todayOf(ctx));
  audit(ctx, actor, 'family.open', { type: 'family', id }, share ? { viaShare: share.id } : undefined);
  return { ...maskFamilyDetail(card), sharedUntil: share?.untilOn ?? null };
}

// ---- Derived index columns ------------------------------------------------------------------------

/**
 * Recomputes the family's denormalised columns from its members and cases: the search text
 * (surnames, address, place, every case number), the sort key, the newest case number and the
 * assistant of the newest case being worked on.
 */
export function refreshFamilyIndex(sqlite: SqliteHandle, familyId: string): void {
  const f = sqlite.prepare('SELECT address, place FROM families WHERE id = ?').get(familyId) as { address: string; place: string } | undefined;
  if (!f) return;
  const members = sqlite
    .prepare('SELECT first_name AS firstName, last_name AS lastName FROM family_members WHERE family_id = ? ORDER BY is_head DESC, sort_order')
    .all(familyId) as Array<{ firstName: string; lastName: string }>;
  const cs = sqlite
    .prepare('SELECT case_number AS n, state, assistant_id AS a FROM cases WHERE family_id = ? ORDER BY seq_year DESC, seq_no DESC')
    .all(familyId) as Array<{ n: string; state: CaseState; a: string | null }>;
  const surnames = [...new Set(members.map((m) => m.lastName))];
  const searchText = foldPolish([...surnames, f.address, f.place, ...cs.map((c) => c.n)].join(' '));
  const head = members[0];
  const sortName = head ? foldPolish(`${head.lastName} ${head.firstName}`) : '';
  const working = cs.find((c) => c.a && ['active', 'suspended', 'monitoring'].includes(CASE_STATES[c.state].phase));
  sqlite
    .prepare('UPDATE families SET search_text = ?, sort_name = ?, case_number = ?, assistant_id = ? WHERE id = ?')
    .run(searchText, sortName, cs[0]?.n ?? null, working?.a ?? null, familyId);
}

// ---- Duplicates -----------------------------------------------------------------------------------

/** A registry match, with whether the caller may see the family it was found in. */
export type FoundDuplicate = DuplicateCandidate & { memberIndex: number; inScope: boolean };

/**
 * Registry members who may be the same people as `members` (same PESEL, or same first name,
 * surname and birth date). With `scope` (the caller's family scope) each match says whether the
 * caller may see its family; without it every match counts as visible (internal use).
 */
export function findDuplicates(
  sqlite: SqliteHandle,
  members: ReadonlyArray<{ firstName: string; lastName: string; pesel?: string | null; birthDate?: string | null }>,
  excludeFamilyId?: string,
  scope?: Scope,
): FoundDuplicate[] {
  const out: FoundDuplicate[] = [];
  const visible = scope ? `CASE WHEN ${scope.sql} THEN 1 ELSE 0 END` : '1';
  const columns = `m.family_id AS familyId, m.first_name AS firstName, m.last_name AS lastName, m.pesel, m.birth_date AS birthDate,
            coalesce(f.case_number, f.address || ', ' || f.place) AS label, ${visible} AS visible`;
  const byPesel = sqlite.prepare(
    `SELECT ${columns} FROM family_members m JOIN families f ON f.id = m.family_id WHERE m.pesel = @pesel AND m.family_id <> @exclude`,
  );
  const byName = sqlite.prepare(
    `SELECT ${columns} FROM family_members m JOIN families f ON f.id = m.family_id
      WHERE m.last_name_folded = @lastName AND m.birth_date = @birthDate AND m.family_id <> @exclude`,
  );
  type Hit = { familyId: string; firstName: string; lastName: string; pesel: string | null; birthDate: string; label: string; visible: number };
  const params = { ...(scope?.params ?? {}), exclude: excludeFamilyId ?? '' };
  const candidate = (kind: 'pesel' | 'name-birth', h: Hit, memberIndex: number): FoundDuplicate => ({
    kind,
    familyId: h.familyId,
    familyLabel: h.label,
    memberName: `${h.firstName} ${h.lastName}`,
    pesel: h.pesel,
    birthDate: h.birthDate,
    memberIndex,
    inScope: h.visible === 1,
  });
  members.forEach((m, i) => {
    const seen = new Set<string>();
    if (m.pesel) {
      for (const h of byPesel.all({ ...params, pesel: m.pesel }) as Hit[]) {
        seen.add(h.familyId);
        out.push(candidate('pesel', h, i));
      }
    }
    if (m.birthDate && m.lastName) {
      const first = foldPolish(m.firstName ?? '');
      for (const h of byName.all({ ...params, lastName: foldPolish(m.lastName), birthDate: m.birthDate }) as Hit[]) {
        if (seen.has(h.familyId) || foldPolish(h.firstName) !== first) continue;
        // Two different valid PESELs are two different people.
        if (m.pesel && h.pesel && m.pesel !== h.pesel) continue;
        out.push(candidate('name-birth', h, i));
      }
    }
  });
  return out;
}

/**
 * What the caller may be told about the matches. A match in a family the caller may not see
 * still blocks (same PESEL) or must be acknowledged (same name and birth date), but it carries
 * no name, birth date, PESEL, address, case number or id: only that the person is already
 * registered in the office and that the head can say more. One such match per member and kind.
 */
export function shownDuplicates(dups: ReadonlyArray<FoundDuplicate>): Array<DuplicateCandidate & { memberIndex: number }> {
  const out: Array<DuplicateCandidate & { memberIndex: number }> = [];
  const hidden = new Set<string>();
  for (const { inScope, ...d } of dups) {
    if (inScope) {
      out.push(d);
      continue;
    }
    const key = `${d.memberIndex}:${d.kind}`;
    if (hidden.has(key)) continue;
    hidden.add(key);
    out.push({ kind: d.kind, familyId: '', familyLabel: '', memberName: '', pesel: null, birthDate: '', memberIndex: d.memberIndex, outsideScope: true });
  }
  return out;
}

/**
 * The audit trail of a duplicate lookup (ids only): one row per family a match was found in
 * (so the family's own access log shows it), or one row without an entity when nothing matched.
 */
function auditDuplicateLookup(ctx: ServiceCtx, actor: Actor, dups: ReadonlyArray<FoundDuplicate>, members: number, during: 'check' | 'create' | 'update'): void {
  const byFamily = new Map<string, { kinds: Set<string>; outsideScope: boolean }>();
  for (const d of dups) {
    const e = byFamily.get(d.familyId) ?? { kinds: new Set<string>(), outsideScope: !d.inScope };
    e.kinds.add(d.kind);
    byFamily.set(d.familyId, e);
  }
  if (byFamily.size === 0) {
    audit(ctx, actor, 'family.duplicate_check', null, { during, members, matches: 0 });
    return;
  }
  for (const [familyId, e] of byFamily) {
    audit(ctx, actor, 'family.duplicate_check', { type: 'family', id: familyId }, {
      during,
      members,
      matches: byFamily.size,
      kinds: [...e.kinds].sort(),
      outsideScope: e.outsideScope,
    });
  }
}

// ---- Create / update ------------------------------------------------------------------------------

type PreparedMember = {
  id: string;
  firstName: string;
  lastName: string;
  lastNameFolded: string;
  pesel: string | null;
  birthDate: string;
  sex: 'F' | 'M' | null;
  relation: string;
  isChild: number;
  isHead: number;
  sortOrder: number;
  phone: string;
  placement: string | null;
};

/** Validates members and duplicates; throws VALIDATION / DUPLICATE_* with fields and findings. */
function prepareMembers(
  ctx: ServiceCtx,
  actor: Actor,
  members: MemberInput[],
  opts: { excludeFamilyId?: string; acknowledgeDuplicates: boolean },
): { rows: PreparedMember[]; warnings: Finding[] } {
  const today = todayOf(ctx);
  const v = validateFamilyMembers(
    members.map((m) => ({ ...m, placement: m.placement ?? null })),
    today,
  );
  if (!v.valid) {
    const first = v.findings.find((f) => f.severity === 'blocker')!;
    throw new AppError('VALIDATION', first.message, { fields: v.fields, findings: v.findings });
  }
  // Duplicates (with derived birth dates, so a PESEL-only entry is compared by name too).
  const derived = members.map((m, i) => ({ ...m, birthDate: v.members[i]!.birthDate }));
  const found = findDuplicates(ctx.sqlite, derived, opts.excludeFamilyId, familyScope(ctx.sqlite, actor, today));
  // A refused save is a lookup too: record it (a save that goes through is audited as itself).
  if (found.length) auditDuplicateLookup(ctx, actor, found, members.length, opts.excludeFamilyId ? 'update' : 'create');
  const dups = shownDuplicates(found);
  const dupFindings = duplicateFindings(dups);
  const fieldsFor = (kind: 'pesel' | 'name-birth') => {
    const fields: Record<string, string> = {};
    dups.forEach((d, j) => {
      const key = kind === 'pesel' ? `members.${d.memberIndex}.pesel` : `members.${d.memberIndex}.lastName`;
      if (d.kind === kind && !fields[key]) fields[key] = dupFindings[j]!.message;
    });
    return fields;
  };
  if (findingsBlock(dupFindings)) {
    const first = dupFindings.find((f) => f.severity === 'blocker')!;
    throw new AppError('DUPLICATE_FAMILY', first.message, { fields: fieldsFor('pesel'), findings: dupFindings });
  }
  if (dupFindings.length && !opts.acknowledgeDuplicates) {
    throw new AppError('DUPLICATE_WARNING', undefined, { fields: fieldsFor('name-birth'), findings: dupFindings });
  }
  let headIdx = members.findIndex((m) => m.isHead && !m.isChild);
  if (headIdx < 0) headIdx = members.findIndex((m) => !m.isChild);
  const rows = members.map((m, i) => ({
    id: m.id ?? randomUUID(),
    firstName: m.firstName,
    lastName: m.lastName,
    lastNameFolded: foldPolish(m.lastName),
    pesel: m.pesel ?? null,
    birthDate: v.members[i]!.birthDate,
    sex: v.members[i]!.sex,
    relation: m.relation,
    isChild: m.isChild ? 1 : 0,
    isHead: i === headIdx ? 1 : 0,
    sortOrder: i,
    phone: m.phone ?? '',
    // The foster-care history is the core's (mergePlacement on update): never taken from a client.
    placement: m.isChild && m.placement ? JSON.stringify(withoutHistory(m.placement)) : null,
  }));
  return { rows, warnings: [...v.findings.filter((f) => f.severity !== 'blocker'), ...dupFindings] };
}

function withoutHistory<P extends { history?: unknown }>(p: P): Omit<P, 'history'> {
  const { history: _clientHistory, ...rest } = p;
  return rest;
}

function familyColumns(input: Omit<FamilyCreateInput, 'members' | 'acknowledgeDuplicates'>) {
  return {
    address: input.address,
    postalCode: input.postalCode ?? '',
    place: input.place,
    gmina: input.gmina,
    area: input.area ?? '',
    phone: input.phone ?? '',
    parentalAuthority: input.parentalAuthority ?? 'unknown',
    courtSupervision: input.courtSupervision ? JSON.stringify(input.courtSupervision) : null,
    nkActive: input.niebieskaKarta?.active ? 1 : 0,
    niebieskaKarta: input.niebieskaKarta ? JSON.stringify(input.niebieskaKarta) : null,
    safetyNote: input.safetyNote ?? '',
    notes: input.notes ?? '',
  };
}

/**
 * Masked PESELs in a create/update: the exact mask of the member's stored number means
 * "unchanged" (the stored number is kept); any other masked value is a VALIDATION error, so a
 * mask can never overwrite a PESEL.
 */
function refuseMaskedPesels(members: MemberInput[], stored: Map<string, string | null>): MemberInput[] {
  const fields: Record<string, string> = {};
  const out = members.map((m, i) => {
    if (!isMasked(m.pesel)) return m;
    const real = m.id ? stored.get(m.id) : undefined;
    if (real && maskPesel(real) === m.pesel) return { ...m, pesel: real };
    fields[`members.${i}.pesel`] = 'PESEL jest ukryty. Kliknij „Pokaż”, aby go zobaczyć i zmienić, albo wpisz cały numer (11 cyfr).';
    return m;
  });
  const first = Object.values(fields)[0];
  if (first) throw new AppError('VALIDATION', first, { fields });
  return out;
}

const INSERT_MEMBER = `INSERT INTO family_members (id, family_id, first_name, last_name, last_name_folded, pesel, birth_date, sex, relation, is_child, is_head, sort_order, phone, placement)
  VALUES (@id, @familyId, @firstName, @lastName, @lastNameFolded, @pesel, @birthDate, @sex, @relation, @isChild, @isHead, @sortOrder, @phone, @placement)`;

export function createFamily(ctx: ServiceCtx, actor: Actor, input: FamilyCreateInput): { family: FamilyDetail; warnings: Finding[] } {
  refuseMaskedPesels(input.members, new Map());
  const { rows, warnings } = prepareMembers(ctx, actor, input.members, { acknowledgeDuplicates: input.acknowledgeDuplicates ?? false });
  const id = randomUUID();
  const at = nowIso(ctx);
  const { sqlite } = ctx;
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO families (id, case_number, address, postal_code, place, gmina, phone, search_text, assistant_id, created_at, updated_at, version,
                               area, sort_name, parental_authority, court_supervision, nk_active, niebieska_karta, safety_note, notes, created_by)
         VALUES (@id, NULL, @address, @postalCode, @place, @gmina, @phone, '', NULL, @at, @at, 1,
                 @area, '', @parentalAuthority, @courtSupervision, @nkActive, @niebieskaKarta, @safetyNote, @notes, @createdBy)`,
      )
      .run({ id, at, createdBy: actor.user.id, ...familyColumns(input) });
    const ins = sqlite.prepare(INSERT_MEMBER);
    for (const m of rows) ins.run({ ...m, familyId: id });
    refreshFamilyIndex(sqlite, id);
    audit(ctx, actor, 'family.create', { type: 'family', id }, {
      members: rows.length,
      children: rows.filter((m) => m.isChild).length,
      acknowledgedDuplicates: warnings.filter((w) => w.code === 'FAMILY_DUPLICATE_NAME_BIRTH' || w.code === 'FAMILY_DUPLICATE_NAME_BIRTH_ELSEWHERE').length,
    });
  })();
  return { family: maskFamilyDetail(familyCard(sqlite, id)!), warnings };
}

export function updateFamily(ctx: ServiceCtx, actor: Actor, input: FamilyUpdateInput): { family: FamilyDetail; warnings: Finding[] } {
  const { sqlite } = ctx;
  requireFamilyVisible(ctx, actor, input.id, 'family.update_forbidden');
  refuseIfAnonymised(sqlite, input.id);
  const before = familyCard(sqlite, input.id)!;
  if (before.version !== input.version) throw new AppError('STALE_EDIT');
  const existingIds = new Set(before.members.map((m) => m.id));
  input.members.forEach((m, i) => {
    if (m.id && !existingIds.has(m.id)) {
      throw new AppError('VALIDATION', 'Członek rodziny nie należy do tej kartoteki.', { fields: { [`members.${i}`]: 'Nieznany członek rodziny.' } });
    }
  });
  // A masked PESEL sent back unchanged keeps the stored number; any other masked value is refused.
  input = {
    ...input,
    members: refuseMaskedPesels(input.members, new Map(before.members.map((m) => [m.id, m.pesel]))),
    // NK details not revealed in the form: keep the stored date and GDP contact.
    niebieskaKarta:
      input.keepNiebieskaKartaDetails && input.niebieskaKarta && before.niebieskaKarta
        ? { ...input.niebieskaKarta, startedOn: before.niebieskaKarta.startedOn ?? null, gdpContact: before.niebieskaKarta.gdpContact ?? '' }
        : input.niebieskaKarta,
  };
  const { rows, warnings } = prepareMembers(ctx, actor, input.members, {
    excludeFamilyId: input.id,
    acknowledgeDuplicates: input.acknowledgeDuplicates ?? false,
  });
  const at = nowIso(ctx);
  const keep = new Set(rows.map((r) => r.id));
  sqlite.transaction(() => {
    const res = sqlite
      .prepare(
        `UPDATE families SET address = @address, postal_code = @postalCode, place = @place, gmina = @gmina, phone = @phone, area = @area,
                parental_authority = @parentalAuthority, court_supervision = @courtSupervision, nk_active = @nkActive,
                niebieska_karta = @niebieskaKarta, safety_note = @safetyNote, notes = @notes, updated_at = @at, version = version + 1
          WHERE id = @id AND version = @version`,
      )
      .run({ id: input.id, version: input.version, at, ...familyColumns(input) });
    if (res.changes !== 1) throw new AppError('STALE_EDIT');
    const del = sqlite.prepare('DELETE FROM family_members WHERE id = ?');
    for (const m of before.members) if (!keep.has(m.id)) del.run(m.id);
    const upd = sqlite.prepare(
      `UPDATE family_members SET first_name = @firstName, last_name = @lastName, last_name_folded = @lastNameFolded, pesel = @pesel,
              birth_date = @birthDate, sex = @sex, relation = @relation, is_child = @isChild, is_head = @isHead, sort_order = @sortOrder,
              phone = @phone, placement = @placement WHERE id = @id AND family_id = @familyId`,
    );
    const ins = sqlite.prepare(INSERT_MEMBER);
    // The foster-care history is kept here, not by the form: a child leaving care closes its episode.
    const storedPlacement = new Map(before.members.map((m) => [m.id, (m.placement ?? null) as PlacementRecord | null]));
    const today = todayOf(ctx);
    for (const m of rows) {
      if (existingIds.has(m.id)) {
        const merged = m.isChild ? mergePlacement(storedPlacement.get(m.id), json<PlacementRecord>(m.placement), today) : null;
        upd.run({ ...m, placement: merged ? JSON.stringify(merged) : null, familyId: input.id });
      } else ins.run({ ...m, familyId: input.id });
    }
    refreshFamilyIndex(sqlite, input.id);
    const changed = (Object.keys(familyColumns(input)) as Array<keyof ReturnType<typeof familyColumns>>).filter((k) => {
      const b = (before as unknown as Record<string, unknown>)[k];
      const a = familyColumns(input)[k];
      const norm = (x: unknown) => (x === null || x === undefined ? null : typeof x === 'object' ? JSON.stringify(x) : String(x));
      return k !== 'nkActive' && norm(b) !== norm(a);
    });
    audit(ctx, actor, 'family.update', { type: 'family', id: input.id }, {
      fieldsChanged: changed,
      membersAdded: rows.filter((r) => !existingIds.has(r.id)).length,
      membersRemoved: before.members.filter((m) => !keep.has(m.id)).length,
      version: input.version + 1,
    });
  })();
  return { family: maskFamilyDetail(familyCard(sqlite, input.id)!), warnings };
}

export function checkDuplicates(
  ctx: ServiceCtx,
  actor: Actor,
  input: { members: Array<{ firstName: string; lastName: string; pesel?: string | null; birthDate?: string | null }>; excludeFamilyId?: string },
) {
  const today = todayOf(ctx);
  // A PESEL-only entry is compared by name with the birth date the PESEL encodes.
  const v = validateFamilyMembers(
    input.members.map((m) => ({ ...m, isChild: true })),
    today,
  );
  const members = input.members.map((m, i) => ({ ...m, birthDate: v.members[i]?.birthDate ?? m.birthDate ?? null }));
  const found = findDuplicates(ctx.sqlite, members, input.excludeFamilyId, familyScope(ctx.sqlite, actor, today));
  auditDuplicateLookup(ctx, actor, found, members.length, 'check');
  const dups = shownDuplicates(found);
  return {
    // Another family's member: the PESEL stays masked (the caller typed their own number anyway).
    duplicates: dups.map((d) => ({ ...d, pesel: maskPesel(d.pesel) })),
    findings: duplicateFindings(dups),
  };
}

/** "Nowak Anna, ul. Polna 3, Grębocin" — how a family is named in lists and messages. */
export function familyLabel(sqlite: SqliteHandle, familyId: string): string {
  const r = sqlite
    .prepare(
      `SELECT (SELECT first_name || ' ' || last_name FROM family_members m WHERE m.family_id = f.id ORDER BY is_head DESC, sort_order LIMIT 1) AS head,
              f.address, f.place FROM families f WHERE f.id = ?`,
    )
    .get(familyId) as { head: string | null; address: string; place: string } | undefined;
  if (!r) return '';
  return `${r.head ?? 'Rodzina'}, ${r.address}, ${r.place}`;
}

export { memberDisplayName };
