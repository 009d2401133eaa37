/**
 * Retention and anonymisation (domain.md §7.3): the per-document-type settings (office_settings
 * 'retention.rules', zod-validated), the queue of closed cases with their clocks (no names or
 * addresses), and the anonymisation run. "Prepare" returns the exact list with a token (hash of
 * the sorted case ids and the settings version); "run" needs the head to send that token back and
 * refuses when the list changed. The run replaces identifying data of every eligible family in
 * one transaction, keeps what the statistics need (dates, states, codes, ratings, flags,
 * is_child, placement kind, assistant), records a retention_runs row and an audit entry with ids
 * only, then checkpoints the WAL and VACUUMs with secure_delete on, so that the old values
 * survive neither in free pages nor in the WAL.
 */
import type { Statement } from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { ChannelOutput } from '../../shared/ipc/contract';
import {
  CLOSED_STATES,
  DEFAULT_RETENTION_RULES,
  RETENTION_SETTINGS_KEY,
  retentionOf,
  retentionRulesSchema,
  reportRetention,
  type RetentionCaseFacts,
  type RetentionRules,
} from '../../shared/retention/rules';
import { ANONYMISED, birthYearOnly, scrubJson, scrubText } from '../../shared/retention/scrub';
import { CASE_STATES, isCaseState } from '../../shared/rules/lifecycle';
import type { Actor } from '../core';
import type { SqliteHandle } from '../open';
import { audit, json, nowIso, todayOf, type ServiceCtx } from './context';
import { refreshFamilyIndex } from './registry';

type QueueItem = ChannelOutput<'retention:queue'>['items'][number];
type RunSummary = ChannelOutput<'retention:run'>['run']['summary'];

// ---- Settings -------------------------------------------------------------------------------------

export interface StoredRetentionSettings {
  rules: RetentionRules['rules'];
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  isDefault: boolean;
}

export function getRetentionSettings(sqlite: SqliteHandle): StoredRetentionSettings {
  const row = sqlite
    .prepare('SELECT value, version, updated_at AS updatedAt, updated_by AS updatedBy FROM office_settings WHERE key = ?')
    .get(RETENTION_SETTINGS_KEY) as { value: string; version: number; updatedAt: string; updatedBy: string | null } | undefined;
  if (!row) return { rules: DEFAULT_RETENTION_RULES.rules, version: 0, updatedAt: null, updatedBy: null, isDefault: true };
  const parsed = retentionRulesSchema.safeParse(json(row.value));
  // A stored value the current schema does not accept (e.g. an older shape) falls back to the defaults.
  if (!parsed.success) return { rules: DEFAULT_RETENTION_RULES.rules, version: row.version, updatedAt: row.updatedAt, updatedBy: row.updatedBy, isDefault: true };
  return { rules: parsed.data.rules, version: row.version, updatedAt: row.updatedAt, updatedBy: row.updatedBy, isDefault: false };
}

export function saveRetentionSettings(ctx: ServiceCtx, actor: Actor, input: RetentionRules & { version: number }): StoredRetentionSettings {
  const parsed = retentionRulesSchema.parse({ rules: input.rules });
  const before = getRetentionSettings(ctx.sqlite);
  if (before.version !== input.version) throw new AppError('STALE_EDIT');
  const at = nowIso(ctx);
  ctx.sqlite.transaction(() => {
    const res = ctx.sqlite
      .prepare(
        `INSERT INTO office_settings (key, value, version, updated_at, updated_by) VALUES (@key, @value, @next, @at, @by)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, version = excluded.version, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by WHERE office_settings.version = @version`,
      )
      .run({ key: RETENTION_SETTINGS_KEY, value: JSON.stringify(parsed), next: input.version + 1, at, by: actor.user.id, version: input.version });
    if (res.changes !== 1) throw new AppError('STALE_EDIT');
    // Codes and numbers only (JRWA symbols and categories are the office's own classification).
    const changed = Object.keys(parsed.rules).filter(
      (k) => JSON.stringify(parsed.rules[k as keyof typeof parsed.rules]) !== JSON.stringify(before.rules[k as keyof typeof before.rules]),
    );
    audit(ctx, actor, 'retention.settings_update', { type: 'office_settings', id: RETENTION_SETTINGS_KEY }, {
      version: input.version + 1,
      changed,
      after: Object.fromEntries(changed.map((k) => [k, parsed.rules[k as keyof typeof parsed.rules]])),
    });
  })();
  return getRetentionSettings(ctx.sqlite);
}

// ---- The queue ------------------------------------------------------------------------------------

interface CaseFactRow {
  id: string;
  familyId: string;
  caseNumber: string;
  track: 'general' | 'za-zyciem';
  state: string;
  closedOn: string | null;
  closureReason: string | null;
  monitoringEndsOn: string | null;
  monitoringEndedOn: string | null;
  anonymisedOn: string | null;
  court: number;
  supporting: number;
}

/** Every case of every family that has at least one closed (or monitored) case. */
function caseFacts(sqlite: SqliteHandle): CaseFactRow[] {
  return sqlite
    .prepare(
      `SELECT c.id, c.family_id AS familyId, c.case_number AS caseNumber, c.track, c.state, c.closed_on AS closedOn,
              c.closure_reason AS closureReason, c.monitoring_ends_on AS monitoringEndsOn, c.anonymised_on AS anonymisedOn,
              (SELECT json_extract(e.details, '$.on') FROM case_events e WHERE e.case_id = c.id AND e.action = 'archive' ORDER BY e.id DESC LIMIT 1)
                AS monitoringEndedOn,
              EXISTS (SELECT 1 FROM court_requests r WHERE r.case_id = c.id) AS court,
              EXISTS (SELECT 1 FROM supporting_families s WHERE s.case_id = c.id) AS supporting
         FROM cases c
        WHERE c.family_id IN (SELECT family_id FROM cases WHERE state IN ('MONITORING','ZAMKNIETA','ARCHIWUM'))
        ORDER BY c.seq_year, c.seq_no`,
    )
    .all() as CaseFactRow[];
}

function factsOf(r: CaseFactRow): RetentionCaseFacts {
  return {
    track: r.track,
    state: r.state,
    closedOn: r.closedOn,
    monitoringEndedOn: typeof r.monitoringEndedOn === 'string' ? r.monitoringEndedOn : null,
    monitoringEndsOn: r.monitoringEndsOn,
    hasCourtRequests: r.court === 1,
    hasSupportingFamily: r.supporting === 1,
  };
}

/** Clocks of all cases of families with a closed case, and the family-level eligibility. */
function evaluateAll(sqlite: SqliteHandle, rules: RetentionRules, asOf: string): QueueItem[] {
  const rows = caseFacts(sqlite);
  const items = rows.map((r) => {
    const clock = retentionOf(factsOf(r), rules, asOf);
    const item: QueueItem = {
      caseId: r.id,
      familyId: r.familyId,
      caseNumber: r.caseNumber,
      track: r.track,
      state: r.state,
      stateLabel: isCaseState(r.state) ? CASE_STATES[r.state].label : r.state,
      closedOn: r.closedOn,
      closureReason: r.closureReason,
      monitoringEndedOn: factsOf(r).monitoringEndedOn,
      endOfWorkOn: clock.closedOrMonitoringEndOn,
      basis: clock.basis,
      category: clock.category,
      jrwaSymbol: clock.jrwaSymbol,
      docType: clock.docType,
      startsOn: clock.startsOn,
      endsOn: clock.endsOn,
      eligibleFrom: clock.eligibleFrom,
      status: clock.status,
      eligible: clock.eligible && !r.anonymisedOn,
      familyEligible: false,
      anonymisedOn: r.anonymisedOn,
      findings: clock.findings,
    };
    return item;
  });
  const byFamily = new Map<string, QueueItem[]>();
  for (const i of items) byFamily.set(i.familyId, [...(byFamily.get(i.familyId) ?? []), i]);
  for (const list of byFamily.values()) {
    const ok = list.every((i) => i.eligible);
    for (const i of list) {
      i.familyEligible = ok;
      if (i.eligible && !ok) {
        const blocking = list.filter((x) => !x.eligible && !x.anonymisedOn).map((x) => x.caseNumber);
        i.findings = [
          ...i.findings,
          {
            code: 'RETENTION_FAMILY_HELD',
            severity: 'info',
            message: `Rodzina ma inną sprawę, której okres przechowywania jeszcze trwa lub która nie jest zakończona (${blocking.join(', ')}) — dane rodziny zostaną zanonimizowane dopiero razem z nią.`,
            basis: 'jednolity rzeczowy wykaz akt i instrukcja kancelaryjna ośrodka',
          },
        ];
      }
    }
  }
  return items;
}

export function retentionQueue(ctx: ServiceCtx, actor: Actor, input: { scope: 'due' | 'closed' }): ChannelOutput<'retention:queue'> {
  const settings = getRetentionSettings(ctx.sqlite);
  const asOf = todayOf(ctx);
  const all = evaluateAll(ctx.sqlite, settings, asOf);
  const closedish = all.filter((i) => i.state === 'MONITORING' || CLOSED_STATES.includes(i.state));
  const due = closedish.filter((i) => i.eligible);
  const items = input.scope === 'due' ? due : closedish;
  const reports = (ctx.sqlite.prepare('SELECT period, filed_on AS filedOn FROM statistics_filed ORDER BY period').all() as Array<{ period: string; filedOn: string }>)
    .map((r) => {
      const rr = reportRetention(r.period, settings);
      return rr ? { period: r.period, filedOn: r.filedOn, category: rr.category, startsOn: rr.startsOn, endsOn: rr.endsOn } : null;
    })
    .filter((r): r is NonNullable<typeof r> => r !== null);
  audit(ctx, actor, 'retention.queue', null, { scope: input.scope, items: items.length });
  return {
    asOf,
    settingsVersion: settings.version,
    items,
    counts: {
      closed: closedish.filter((i) => !i.anonymisedOn).length,
      due: due.length,
      dueFamilies: new Set(due.filter((i) => i.familyEligible).map((i) => i.familyId)).size,
      anonymised: closedish.filter((i) => i.anonymisedOn).length,
    },
    reports,
  };
}

// ---- Prepare and run ------------------------------------------------------------------------------

function tokenOf(caseIds: string[], settingsVersion: number, asOf: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ caseIds: [...caseIds].sort(), settingsVersion, asOf }))
    .digest('hex');
}

function preparedList(sqlite: SqliteHandle, asOf: string) {
  const settings = getRetentionSettings(sqlite);
  const all = evaluateAll(sqlite, settings, asOf);
  const cases = all.filter((i) => i.eligible && i.familyEligible);
  const heldBack = all
    .filter((i) => i.eligible && !i.familyEligible)
    .map((i) => ({ caseNumber: i.caseNumber, reason: i.findings.find((f) => f.code === 'RETENTION_FAMILY_HELD')?.message ?? '' }));
  return { settings, cases, heldBack, token: tokenOf(cases.map((c) => c.caseId), settings.version, asOf) };
}

export function prepareRun(ctx: ServiceCtx, actor: Actor): ChannelOutput<'retention:prepare'> {
  const asOf = todayOf(ctx);
  const p = preparedList(ctx.sqlite, asOf);
  const families = new Set(p.cases.map((c) => c.familyId)).size;
  audit(ctx, actor, 'retention.prepare', null, { cases: p.cases.length, families, settingsVersion: p.settings.version });
  return { token: p.token, asOf, settingsVersion: p.settings.version, cases: p.cases, families, heldBack: p.heldBack };
}

/** Lower-case words only ('matka', 'córka', 'syn'): a relation code, kept; anything else is text. */
function relationCode(s: string): string {
  return /^[a-ząćęłńóśźż -]{1,40}$/.test(s.trim()) ? s : ANONYMISED;
}

type Counts = Omit<RunSummary, 'settingsVersion' | 'archiveConsent'>;

/** Replaces the identifying data of one family and everything recorded about it. */
/** Statements compiled once per connection (a run touches thousands of rows). */
const statementCache = new WeakMap<SqliteHandle, Map<string, Statement>>();
function prepared(db: SqliteHandle, sql: string): Statement {
  let m = statementCache.get(db);
  if (!m) statementCache.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare(sql)));
  return st;
}

function anonymiseFamily(db: SqliteHandle, familyId: string, caseIds: string[], today: string, at: string, counts: Counts): void {
  const A = ANONYMISED;
  const sqlite = { prepare: (sql: string) => prepared(db, sql) };
  const rowsOf = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[];
  // Every record of the family hangs on one of its cases (all of them are in the run): indexed by case.
  const inList = caseIds.map(() => '?').join(',');

  // The family.
  const fam = sqlite.prepare('SELECT court_supervision AS cs, niebieska_karta AS nk FROM families WHERE id = ?').get(familyId) as { cs: string | null; nk: string | null };
  sqlite
    .prepare(
      `UPDATE families SET address = @A, postal_code = '', place = @A, phone = '', court_supervision = @cs, niebieska_karta = @nk,
              safety_note = CASE WHEN trim(safety_note) = '' THEN safety_note ELSE @A END,
              notes = CASE WHEN trim(notes) = '' THEN notes ELSE @A END,
              anonymised_on = @today, updated_at = @at, version = version + 1
        WHERE id = @id`,
    )
    .run({ A, cs: scrubJson(fam.cs), nk: scrubJson(fam.nk), today, at, id: familyId });
  counts.families += 1;

  // Members: names, PESEL, phone, exact birth date; kept: is_child, is_head, sex, relation code, placement kind.
  const members = rowsOf<{ id: string; birthDate: string; relation: string; placement: string | null }>(
    'SELECT id, birth_date AS birthDate, relation, placement FROM family_members WHERE family_id = ?',
    familyId,
  );
  const updMember = sqlite.prepare(
    `UPDATE family_members SET first_name = @A, last_name = @A, last_name_folded = @A, pesel = NULL, phone = '',
            birth_date = @birthDate, relation = @relation, placement = @placement WHERE id = @id`,
  );
  for (const m of members) {
    updMember.run({ A, id: m.id, birthDate: birthYearOnly(m.birthDate) ?? m.birthDate, relation: relationCode(m.relation), placement: scrubJson(m.placement) });
    counts.members += 1;
  }

  // Cases: free details; kept: dates, states, closure reason, court-ordered (the order's date), Za życiem category, assistant.
  const updCase = sqlite.prepare(
    `UPDATE cases SET details = @details, court_order = @courtOrder, zz_documents = @zz, suspension = @suspension,
            forwarded_to = @forwardedTo, anonymised_on = @today, updated_at = @at, version = version + 1 WHERE id = @id`,
  );
  for (const id of caseIds) {
    const c = sqlite.prepare('SELECT details, court_order AS courtOrder, zz_documents AS zz, suspension, forwarded_to AS forwardedTo FROM cases WHERE id = ?').get(id) as {
      details: string | null;
      courtOrder: string | null;
      zz: string | null;
      suspension: string | null;
      forwardedTo: string | null;
    };
    updCase.run({
      id,
      details: scrubJson(c.details),
      courtOrder: scrubJson(c.courtOrder),
      zz: scrubJson(c.zz),
      suspension: scrubJson(c.suspension),
      forwardedTo: scrubText(c.forwardedTo),
      today,
      at,
    });
    counts.cases += 1;
    // The case history keeps its actions, states and dates; notes and free reasons go.
    const events = rowsOf<{ id: number; details: string | null }>('SELECT id, details FROM case_events WHERE case_id = ?', id);
    const updEvent = sqlite.prepare('UPDATE case_events SET details = ? WHERE id = ?');
    for (const e of events) {
      updEvent.run(scrubJson(e.details), e.id);
      counts.caseEvents += 1;
    }
    const addenda = sqlite.prepare(`UPDATE entry_addenda SET text = ? WHERE case_id = ? AND trim(text) <> ''`).run(A, id);
    counts.addenda += addenda.changes;
  }

  // Assessments: area ratings stay (change per area); justifications and the rest of the form go.
  for (const r of rowsOf<{ id: string; areas: string; body: string; distribution: string | null }>(
    `SELECT id, areas, body, distribution FROM assessments WHERE case_id IN (${inList})`,
    ...caseIds,
  )) {
    sqlite.prepare('UPDATE assessments SET areas = ?, body = ?, distribution = ?, updated_at = ? WHERE id = ?').run(scrubJson(r.areas), scrubJson(r.body), scrubJson(r.distribution), at, r.id);
    counts.assessments += 1;
  }
  for (const r of rowsOf<{ id: string; content: string; changeNote: string; diff: string | null }>(
    `SELECT id, content, change_note AS changeNote, diff FROM work_plans WHERE case_id IN (${inList})`,
    ...caseIds,
  )) {
    sqlite.prepare('UPDATE work_plans SET content = ?, change_note = ?, diff = ? WHERE id = ?').run(scrubJson(r.content), scrubText(r.changeNote), scrubJson(r.diff), r.id);
    counts.workPlans += 1;
  }
  for (const r of rowsOf<{ id: string; body: string }>(`SELECT id, body FROM case_entries WHERE case_id IN (${inList})`, ...caseIds)) {
    sqlite.prepare('UPDATE case_entries SET body = ?, updated_at = ? WHERE id = ?').run(scrubJson(r.body), at, r.id);
    counts.entries += 1;
  }
  counts.courtRequests += sqlite
    .prepare(
      `UPDATE court_requests SET court = @A, department = CASE WHEN department = '' THEN '' ELSE @A END, case_ref = @A,
              scope = CASE WHEN trim(scope) = '' THEN scope ELSE @A END, note = CASE WHEN trim(note) = '' THEN note ELSE @A END, updated_at = @at
        WHERE case_id IN (${inList})`,
    )
    .run({ A, at }, ...caseIds).changes;
  counts.catalogueItems += sqlite
    .prepare(
      `UPDATE catalogue_items SET title = @A, provider = @A, contact = CASE WHEN contact = '' THEN '' ELSE @A END,
              conditions = CASE WHEN conditions = '' THEN '' ELSE @A END, cost = CASE WHEN cost = '' THEN '' ELSE @A END,
              note = CASE WHEN note = '' THEN '' ELSE @A END, updated_at = @at
        WHERE case_id IN (${inList})`,
    )
    .run({ A, at }, ...caseIds).changes;
  for (const r of rowsOf<{ id: string; grantors: string; scope: string; note: string }>(
    'SELECT id, grantors, scope, revocation_note AS note FROM authorisations WHERE family_id = ?',
    familyId,
  )) {
    sqlite.prepare('UPDATE authorisations SET grantors = ?, scope = ?, revocation_note = ?, updated_at = ? WHERE id = ?').run(scrubJson(r.grantors), scrubJson(r.scope), scrubText(r.note), at, r.id);
    counts.authorisations += 1;
  }
  for (const r of rowsOf<{ id: string; members: string; headOpinion: string | null; act: string | null; contract: string | null }>(
    'SELECT id, members, head_opinion AS headOpinion, act, contract FROM supporting_families WHERE family_id = ?',
    familyId,
  )) {
    sqlite
      .prepare(
        `UPDATE supporting_families SET name = @A, address = @A, place = @A, phone = '', relation_to_child = @A, members = @members,
                head_opinion = @headOpinion, act = @act, contract = @contract, updated_at = @at, version = version + 1 WHERE id = @id`,
      )
      .run({ A, id: r.id, members: scrubJson(r.members), headOpinion: scrubJson(r.headOpinion), act: scrubJson(r.act), contract: scrubJson(r.contract), at });
    counts.supportingFamilies += 1;
    counts.reimbursements += sqlite
      .prepare(`UPDATE supporting_reimbursements SET description = ? WHERE supporting_family_id = ? AND trim(description) <> ''`)
      .run(A, r.id).changes;
  }
  counts.shares += sqlite.prepare(`UPDATE family_shares SET reason = ? WHERE family_id = ? AND trim(reason) <> ''`).run(A, familyId).changes;
  // Autosaved drafts of this family's forms (keys like 'entry:<caseId>:visit', 'plan:<caseId>').
  for (const id of [familyId, ...caseIds]) {
    counts.drafts += sqlite.prepare('DELETE FROM drafts WHERE instr(form_key, ?) > 0').run(id).changes;
  }
  // Search text and sort name rebuilt from the anonymised members (case numbers stay searchable).
  refreshFamilyIndex(db, familyId);
}

export function runAnonymisation(
  ctx: ServiceCtx,
  actor: Actor,
  input: { token: string; confirmed: true; archiveConsent: string },
): ChannelOutput<'retention:run'> {
  const { sqlite } = ctx;
  const asOf = todayOf(ctx);
  const at = nowIso(ctx);
  const runId = randomUUID();
  const counts: Counts = {
    families: 0,
    cases: 0,
    members: 0,
    caseEvents: 0,
    assessments: 0,
    workPlans: 0,
    entries: 0,
    addenda: 0,
    courtRequests: 0,
    catalogueItems: 0,
    authorisations: 0,
    supportingFamilies: 0,
    reimbursements: 0,
    shares: 0,
    drafts: 0,
  };
  let summary!: RunSummary;
  let caseIds: string[] = [];
  // Freed pages and cells are overwritten with zeros (also the default of this SQLite build).
  sqlite.pragma('secure_delete = ON');
  const run = sqlite.transaction(() => {
    // The list is recomputed inside the write transaction: what runs is exactly what was confirmed.
    const p = preparedList(sqlite, asOf);
    if (p.token !== input.token) {
      throw new AppError(
        'STALE_EDIT',
        'Lista spraw do anonimizacji zmieniła się od jej przygotowania (inna data, zmienione ustawienia albo sprawy). Przygotuj listę ponownie i potwierdź ją jeszcze raz.',
      );
    }
    if (p.cases.length === 0) throw new AppError('RULE_BLOCKED', 'Nie ma spraw, których okres przechowywania upłynął — nie ma czego anonimizować.');
    caseIds = p.cases.map((c) => c.caseId);
    const byFamily = new Map<string, string[]>();
    for (const c of p.cases) byFamily.set(c.familyId, [...(byFamily.get(c.familyId) ?? []), c.caseId]);
    for (const [familyId, ids] of byFamily) anonymiseFamily(sqlite, familyId, ids, asOf, at, counts);
    // The search index drops the anonymised words only when its segments are merged: merge them
    // all now, so the VACUUM below leaves no old surname or address in the file.
    sqlite.prepare(`INSERT INTO family_search (family_search) VALUES ('optimize')`).run();
    summary = { ...counts, settingsVersion: p.settings.version, archiveConsent: input.archiveConsent.trim() || null };
    sqlite
      .prepare('INSERT INTO retention_runs (id, at, by_user, case_ids, summary) VALUES (?, ?, ?, ?, ?)')
      .run(runId, at, actor.user.id, JSON.stringify(caseIds), JSON.stringify(summary));
    audit(ctx, actor, 'retention.run', { type: 'retention_run', id: runId }, {
      caseIds,
      familyIds: [...byFamily.keys()],
      counts,
      settingsVersion: p.settings.version,
    });
  });
  try {
    run.immediate();
  } catch (e) {
    if (e instanceof AppError && e.code === 'STALE_EDIT') audit(ctx, actor, 'retention.run_refused', null, { reason: 'list-changed' });
    throw e;
  }
  const compaction = compactDatabase(sqlite);
  return { run: getRun(sqlite, runId)!, compaction };
}

/** WAL checkpoint, VACUUM, checkpoint again: the file then holds only the current values. */
export function compactDatabase(sqlite: SqliteHandle): { done: boolean; ms: number; message: string | null } {
  const t0 = Date.now();
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.exec('VACUUM');
    const [cp] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (cp && cp.busy) {
      return { done: false, ms: Date.now() - t0, message: 'Plik dziennika bazy danych jest w użyciu (np. trwa kopia zapasowa) — zostanie wyczyszczony przy następnym zamknięciu programu.' };
    }
    return { done: true, ms: Date.now() - t0, message: null };
  } catch {
    return {
      done: false,
      ms: Date.now() - t0,
      message: 'Anonimizacja została zapisana, ale porządkowanie pliku bazy danych nie powiodło się (baza jest w użyciu). Zamknij i uruchom program ponownie.',
    };
  }
}

// ---- History --------------------------------------------------------------------------------------

function toRun(sqlite: SqliteHandle, r: { id: string; at: string; byUser: string | null; byUserName: string | null; caseIds: string; summary: string }) {
  const ids = json<string[]>(r.caseIds) ?? [];
  const numbers = ids.length
    ? (sqlite.prepare(`SELECT case_number AS n FROM cases WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY seq_year, seq_no`).all(...ids) as Array<{ n: string }>).map((x) => x.n)
    : [];
  return { id: r.id, at: r.at, byUserId: r.byUser, byUserName: r.byUserName, caseNumbers: numbers, summary: json<RunSummary>(r.summary)! };
}

const RUN_SELECT = `SELECT r.id, r.at, r.by_user AS byUser, u.full_name AS byUserName, r.case_ids AS caseIds, r.summary
  FROM retention_runs r LEFT JOIN users u ON u.id = r.by_user`;

function getRun(sqlite: SqliteHandle, id: string) {
  const r = sqlite.prepare(`${RUN_SELECT} WHERE r.id = ?`).get(id) as Parameters<typeof toRun>[1] | undefined;
  return r ? toRun(sqlite, r) : undefined;
}

export function listRuns(ctx: ServiceCtx): ChannelOutput<'retention:runs'> {
  const rows = ctx.sqlite.prepare(`${RUN_SELECT} ORDER BY r.at DESC`).all() as Array<Parameters<typeof toRun>[1]>;
  return rows.map((r) => toRun(ctx.sqlite, r));
}
