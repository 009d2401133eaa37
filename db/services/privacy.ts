/**
 * Privacy services (issue 7): the audit log's hash-chain verification, its filtered search and
 * printable extract for an inspection, and the data-subject access export (art. 15 RODO).
 * Every call is audited with ids and codes only. Roles are checked by the dispatcher from the
 * contract; the services check them again (defence in depth) and record refusals.
 */
import { eq, inArray } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { AuditFilterInput, ChainVerificationResult } from '../../shared/ipc/channels/privacy';
import { auditExtractDocument } from '../../shared/print/auditExtract';
import { formatDateTime } from '../../shared/dates';
import { formatDate } from '../../shared/print/format';
import { renderHtml, type PrintFonts } from '../../shared/print/layout';
import { actionLabelOf, DEFAULT_RETENTION, subjectAccessDocument, subjectAccessInformation, type SubjectAccessData } from '../../shared/print/subjectAccess';
import { categoryLabel, RETENTION_SETTINGS_KEY, retentionRulesSchema } from '../../shared/retention/rules';
import { verifyAuditChain, type ChainAnchor, type ChainVerification } from '../audit/chain';
import type { Actor } from '../core';
import { readOffice } from '../documents/data';
import { auditRowsForPrint, listAudit, type AuditFilter } from '../repos/audit';
import {
  assessments,
  authorisations,
  caseEntries,
  caseEvents,
  cases,
  catalogueItems,
  courtRequests,
  entryAddenda,
  families,
  familyMembers,
  familyShares,
  supportingFamilies,
  supportingReimbursements,
  workPlans,
} from '../schema';
import { audit, nowIso, todayOf, type ServiceCtx } from './context';

/** Most entries one printed extract holds (a narrower filter prints the rest). */
export const EXTRACT_LIMIT = 5000;

function requireRole(ctx: ServiceCtx, actor: Actor, roles: ReadonlyArray<string>, action: string, message: string): void {
  if (roles.includes(actor.user.role)) return;
  audit(ctx, actor, action, null, { role: actor.user.role });
  throw new AppError('FORBIDDEN', message);
}

const requireAuditor = (ctx: ServiceCtx, actor: Actor, action: string) =>
  requireRole(ctx, actor, ['admin', 'dpo'], action, 'Dziennik zdarzeń przegląda kierownik ośrodka lub inspektor ochrony danych.');

/** The family a znak sprawy belongs to (of the family or of one of its cases). */
function familyOfCaseNumber(ctx: ServiceCtx, caseNumber: string): string {
  const row = ctx.sqlite
    .prepare('SELECT family_id AS id FROM cases WHERE case_number = ? UNION ALL SELECT id FROM families WHERE case_number = ? LIMIT 1')
    .get(caseNumber.trim(), caseNumber.trim()) as { id: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Nie znaleziono rodziny ani sprawy o znaku „${caseNumber.trim()}”.`);
  return row.id;
}

function repoFilter(ctx: ServiceCtx, f: AuditFilterInput): Omit<AuditFilter, 'page' | 'pageSize'> {
  let familyId = f.familyId;
  if (f.caseNumber) {
    const fromNumber = familyOfCaseNumber(ctx, f.caseNumber);
    if (familyId && familyId !== fromNumber) return { ...f, familyId: '\u0000none' };
    familyId = fromNumber;
  }
  return { from: f.from, to: f.to, userId: f.userId, action: f.action, familyId };
}

/** Ids and codes of the filter for the audit row (the znak sprawy is an office code, not personal). */
function filterDetails(f: AuditFilterInput): Record<string, unknown> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== ''));
}

export function searchAudit(ctx: ServiceCtx, actor: Actor, input: AuditFilterInput & { page: number; pageSize: number }) {
  requireAuditor(ctx, actor, 'audit.forbidden');
  const { page, pageSize, ...f } = input;
  return listAudit(ctx.db, { ...repoFilter(ctx, f), page, pageSize }, ctx.sqlite);
}

/**
 * Recomputes the whole chain, also against the heads recorded earlier on this workstation
 * (`anchors`); the result (with the head) is itself logged, and a sound head becomes an anchor.
 */
export function verifyAudit(
  ctx: ServiceCtx,
  actor: Actor,
  anchors: { list: ReadonlyArray<ChainAnchor>; record?: (head: ChainVerification['head']) => void } = { list: [] },
): ChainVerificationResult {
  requireAuditor(ctx, actor, 'audit.forbidden');
  const at = nowIso(ctx);
  const r = verifyAuditChain(ctx.sqlite, anchors.list);
  if (r.ok) anchors.record?.(r.head);
  audit(ctx, actor, 'audit.verify', null, {
    ok: r.ok,
    checked: r.checked,
    headId: r.head?.id ?? null,
    headHash: r.head?.hash ?? null,
    firstBrokenId: r.firstBroken?.id ?? null,
    reason: r.firstBroken?.reason ?? null,
  });
  return { ...r, at };
}

function userNames(ctx: ServiceCtx): Map<string, { login: string; fullName: string }> {
  const rows = ctx.sqlite.prepare('SELECT id, login, full_name AS fullName FROM users').all() as Array<{ id: string; login: string; fullName: string }>;
  return new Map(rows.map((r) => [r.id, { login: r.login, fullName: r.fullName }]));
}

/** The filter in words for the printout. */
function filterLines(ctx: ServiceCtx, f: AuditFilterInput, names: Map<string, { login: string; fullName: string }>): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  const day = (s: string) => formatDateTime(s);
  if (f.from) out.push(['Od dnia', day(f.from)]);
  if (f.to) out.push(['Do dnia', day(f.to)]);
  if (f.userId) {
    const u = names.get(f.userId);
    out.push(['Użytkownik', u ? `${u.fullName} (${u.login})` : f.userId]);
  }
  if (f.action) out.push(['Czynność', actionLabelOf(f.action)]);
  if (f.caseNumber) out.push(['Znak sprawy', f.caseNumber]);
  if (f.familyId) {
    const n = ctx.sqlite.prepare('SELECT case_number AS n FROM families WHERE id = ?').get(f.familyId) as { n: string | null } | undefined;
    out.push(['Rodzina', n?.n ? `znak sprawy ${n.n}` : `identyfikator ${f.familyId}`]);
  }
  return out;
}

/** The printable extract of the filtered log (chronological), with the chain verification. */
export function auditExtract(ctx: ServiceCtx, actor: Actor, f: AuditFilterInput, fonts: PrintFonts, anchors: ReadonlyArray<ChainAnchor> = []) {
  requireAuditor(ctx, actor, 'audit.forbidden');
  const names = userNames(ctx);
  const { items, total } = auditRowsForPrint(ctx.db, ctx.sqlite, repoFilter(ctx, f), EXTRACT_LIMIT);
  const verification = verifyAuditChain(ctx.sqlite, anchors);
  const generatedAt = nowIso(ctx);
  const part = auditExtractDocument({
    office: readOffice(ctx.sqlite),
    date: todayOf(ctx),
    generatedAt,
    generatedBy: `${actor.user.fullName} (${actor.user.login})`,
    filter: filterLines(ctx, f, names),
    entries: items.map((e) => ({ ...e, userName: e.userId ? (names.get(e.userId)?.fullName ?? null) : null })),
    total,
    verification,
  });
  const title = 'Wyciąg z dziennika zdarzeń';
  const html = renderHtml(part, { fonts, documentTitle: title, footerLabel: `Wyciąg z dziennika zdarzeń z dnia ${formatDate(todayOf(ctx))}` });
  audit(ctx, actor, 'audit.extract', null, { filter: filterDetails(f), entries: items.length, total, chainOk: verification.ok, headId: verification.head?.id ?? null });
  return { html, title, fileName: `Wyciąg z dziennika zdarzeń ${todayOf(ctx)}.pdf`, entries: items.length, total };
}

export function recordAuditExtractExport(ctx: ServiceCtx, actor: Actor, input: { filter: AuditFilterInput; pages: number; target: 'pdf' | 'print' }) {
  requireAuditor(ctx, actor, 'audit.forbidden');
  audit(ctx, actor, input.target === 'pdf' ? 'audit.extract_pdf' : 'audit.extract_print', null, { filter: filterDetails(input.filter), pages: input.pages });
  return { ok: true as const };
}

// ---- art. 15 RODO -----------------------------------------------------------------------------

/** JSON columns parsed, technical search columns dropped. */
function clean<T extends Record<string, unknown>>(row: T, drop: ReadonlyArray<string> = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (drop.includes(k)) continue;
    if (typeof v === 'string' && (v.startsWith('{') || v.startsWith('['))) {
      try {
        out[k] = JSON.parse(v) as unknown;
        continue;
      } catch {
        /* plain text that looks like JSON */
      }
    }
    out[k] = v;
  }
  return out;
}

const fold = (s: unknown) => (typeof s === 'string' ? s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim() : '');

/** The retention sentence from the office's rules (case file), or the default. */
function retentionText(ctx: ServiceCtx): string {
  const row = ctx.sqlite.prepare('SELECT value FROM office_settings WHERE key = ?').get(RETENTION_SETTINGS_KEY) as { value: string } | undefined;
  if (!row) return DEFAULT_RETENTION;
  const parsed = retentionRulesSchema.safeParse(JSON.parse(row.value));
  if (!parsed.success) return DEFAULT_RETENTION;
  const r = parsed.data.rules['case-file'];
  if (r.category === 'A') return 'akta pracy asystenta rodziny są materiałami archiwalnymi (kategoria A): przechowuje się je wieczyście i przekazuje do archiwum państwowego';
  return `akta pracy asystenta rodziny przechowuje się przez ${r.years} lat (kategoria ${categoryLabel(r)}${r.jrwaSymbol ? `, symbol JRWA ${r.jrwaSymbol}` : ''}), licząc od 1 stycznia roku następującego po zakończeniu sprawy (w tym monitoringu); następnie dokumentacja podlega brakowaniu za zgodą archiwum państwowego`;
}

/** Everything held about one family member (the data subject), as data. */
export function subjectAccessData(ctx: ServiceCtx, actor: Actor, memberId: string): SubjectAccessData {
  const member = ctx.db.select().from(familyMembers).where(eq(familyMembers.id, memberId)).get();
  if (!member) throw new AppError('NOT_FOUND', 'Nie znaleziono osoby.');
  const familyId = member.familyId;
  const family = ctx.db.select().from(families).where(eq(families.id, familyId)).get();
  if (!family) throw new AppError('NOT_FOUND', 'Nie znaleziono rodziny.');
  const names = userNames(ctx);
  const nameOf = (id: unknown) => (typeof id === 'string' ? (names.get(id)?.fullName ?? null) : null);

  const household = ctx.db
    .select()
    .from(familyMembers)
    .where(eq(familyMembers.familyId, familyId))
    .all()
    .filter((m) => m.id !== member.id)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((m) => ({ id: m.id, firstName: m.firstName, lastName: m.lastName, birthDate: m.birthDate, relation: m.relation, isChild: m.isChild, isHead: m.isHead }));

  const caseRows = ctx.db.select().from(cases).where(eq(cases.familyId, familyId)).all().sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const caseIds = caseRows.map((c) => c.id);
  const history = caseIds.length ? ctx.db.select().from(caseEvents).where(inArray(caseEvents.caseId, caseIds)).all() : [];
  const casesOut = caseRows.map((c) => ({
    ...clean(c),
    assistantName: nameOf(c.assistantId),
    decidedByName: nameOf(c.decidedBy),
    history: history.filter((h) => h.caseId === c.id).sort((a, b) => a.id - b.id).map((h) => clean(h)),
  }));

  const byFamily = <T extends Record<string, unknown>>(rows: T[], key: keyof T) => rows.sort((a, b) => String(a[key] ?? '').localeCompare(String(b[key] ?? ''))).map((r) => clean(r));
  const entries = byFamily(ctx.db.select().from(caseEntries).where(eq(caseEntries.familyId, familyId)).all(), 'onDate');
  const addenda = caseIds.length ? byFamily(ctx.db.select().from(entryAddenda).where(inArray(entryAddenda.caseId, caseIds)).all(), 'createdAt') : [];
  const assessmentRows = byFamily(ctx.db.select().from(assessments).where(eq(assessments.familyId, familyId)).all(), 'assessedOn');
  const plans = byFamily(ctx.db.select().from(workPlans).where(eq(workPlans.familyId, familyId)).all(), 'createdAt');
  const court = byFamily(ctx.db.select().from(courtRequests).where(eq(courtRequests.familyId, familyId)).all(), 'requestedOn');
  const auths = byFamily(ctx.db.select().from(authorisations).where(eq(authorisations.familyId, familyId)).all(), 'signedOn').map((a) => ({ ...a, granteeName: nameOf(a.granteeId) }));
  const catalogue = byFamily(ctx.db.select().from(catalogueItems).where(eq(catalogueItems.familyId, familyId)).all(), 'createdAt');

  const reimbursementsOf = (sfId: string) => ctx.db.select().from(supportingReimbursements).where(eq(supportingReimbursements.supportingFamilyId, sfId)).all().map((r) => clean(r));
  const sfForFamily = ctx.db
    .select()
    .from(supportingFamilies)
    .where(eq(supportingFamilies.familyId, familyId))
    .all()
    .map((sf) => {
      // The supporting family's own members are other people: only the arrangement is given.
      const { members: _m, address: _a, phone: _p, ...rest } = sf;
      return clean(rest);
    });
  const sfAsMember = ctx.db
    .select()
    .from(supportingFamilies)
    .all()
    .filter((sf) => {
      const ms = (JSON.parse(sf.members) as Array<{ firstName?: string; lastName?: string; pesel?: string | null; birthDate?: string | null }>) ?? [];
      return ms.some((m) =>
        member.pesel && m.pesel
          ? m.pesel === member.pesel
          : fold(m.firstName) === fold(member.firstName) && fold(m.lastName) === fold(member.lastName) && !!m.birthDate && m.birthDate === member.birthDate,
      );
    })
    .map((sf) => ({ ...clean(sf), reimbursements: reimbursementsOf(sf.id) }));

  const shares = ctx.db
    .select()
    .from(familyShares)
    .where(eq(familyShares.familyId, familyId))
    .all()
    .map((x) => ({ ...clean(x), userName: nameOf(x.userId) }));

  const log = auditRowsForPrint(ctx.db, ctx.sqlite, { familyId }, 100_000).items.map((e) => ({
    id: e.id,
    at: e.at,
    userLogin: e.userLogin,
    userName: e.userId ? (names.get(e.userId)?.fullName ?? null) : null,
    action: e.action,
    actionLabel: actionLabelOf(e.action),
    entityType: e.entityType,
    entityId: e.entityId,
  }));

  const zaZyciem = caseRows.some((c) => c.track === 'za-zyciem');
  return {
    format: 'asysta-art15-v1',
    generatedAt: nowIso(ctx),
    generatedBy: { login: actor.user.login, fullName: actor.user.fullName },
    controller: readOffice(ctx.sqlite),
    information: subjectAccessInformation({ zaZyciem, courtInvolved: court.length > 0 || !!family.courtSupervision, retention: retentionText(ctx) }),
    subject: clean(member, ['lastNameFolded']),
    family: clean(family, ['searchText', 'sortName']),
    household,
    cases: casesOut,
    entries: entries.map((e) => ({ ...e, authorName: e.authorName ?? nameOf(e.authorId) })),
    addenda,
    assessments: assessmentRows.map((a) => ({ ...a, authorName: nameOf(a.authorId) })),
    workPlans: plans.map((p) => ({ ...p, authorName: nameOf(p.authorId) })),
    courtRequests: court,
    authorisations: auths,
    catalogueItems: catalogue,
    supportingFamiliesForFamily: sfForFamily,
    supportingFamiliesAsMember: sfAsMember,
    shares,
    accessLog: log,
  };
}

/** The art. 15 answer: printable HTML and the same data as UTF-8 JSON. Head only; logged. */
export function subjectExport(ctx: ServiceCtx, actor: Actor, input: { memberId: string }, fonts: PrintFonts) {
  requireRole(ctx, actor, ['admin'], 'rodo.subject_export_forbidden', 'Informację z art. 15 RODO przygotowuje kierownik ośrodka.');
  const data = subjectAccessData(ctx, actor, input.memberId);
  const date = todayOf(ctx);
  const part = subjectAccessDocument(data, date);
  const title = part.title;
  const html = renderHtml(part, { fonts, documentTitle: title, footerLabel: 'Informacja z art. 15 RODO' });
  const json = JSON.stringify(data, null, 2);
  const familyId = String(data.family.id);
  audit(ctx, actor, 'rodo.subject_export', { type: 'family_member', id: input.memberId }, { familyId, caseIds: data.cases.map((c) => c.id), accessEntries: data.accessLog.length });
  // No personal name in file names: the office's znak sprawy and the date only.
  const ref = typeof data.family.caseNumber === 'string' && data.family.caseNumber ? `${data.family.caseNumber} – ` : '';
  const base = `${ref}Informacja art. 15 RODO ${date}`.replace(/[\\/:*?"<>|]+/g, '_');
  return { html, title, fileName: `${base}.pdf`, json, jsonFileName: `${base}.json` };
}

export function recordSubjectExport(ctx: ServiceCtx, actor: Actor, input: { memberId: string; target: 'pdf' | 'print' | 'json'; pages?: number | undefined }) {
  requireRole(ctx, actor, ['admin'], 'rodo.subject_export_forbidden', 'Informację z art. 15 RODO przygotowuje kierownik ośrodka.');
  const m = ctx.db.select({ familyId: familyMembers.familyId }).from(familyMembers).where(eq(familyMembers.id, input.memberId)).get();
  if (!m) throw new AppError('NOT_FOUND', 'Nie znaleziono osoby.');
  audit(ctx, actor, `rodo.subject_export_${input.target}`, { type: 'family_member', id: input.memberId }, { familyId: m.familyId, pages: input.pages ?? null });
  return { ok: true as const };
}
