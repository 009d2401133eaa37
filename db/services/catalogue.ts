/**
 * The "Za życiem" support catalogue (katalog wsparcia, art. 8; domain.md §4.17): items by area,
 * provider, status. An item the assistant submits on the family's behalf must be covered by a
 * valid written authorisation (mayActForFamily); otherwise it is refused and nothing is stored.
 * The first item moves the case from KONTAKT_I_ZGODA to KATALOG_WSPARCIA.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { catalogueFieldOf, checkCatalogueDecision, finding, mayActForFamily, type Finding } from '../../shared/rules/index';
import type { z } from 'zod';
import type { catalogueItemFieldsSchema } from '../../shared/workSchemas';
import type { Actor } from '../core';
import { authorisationFacts } from './authorisations';
import { caseDetail, getCaseRow, transition, type CaseRow } from './cases';
import { audit, nowIso, todayOf, type ServiceCtx } from './context';
import { refuseIfBlocked, requireCaseWrite, requireCaseRead, tx } from './workCommon';

type Fields = z.output<typeof catalogueItemFieldsSchema>;
interface Row extends Fields {
  id: string;
  caseId: string;
  familyId: string;
  authorisationId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const SELECT = `SELECT id, case_id AS caseId, family_id AS familyId, area, title, provider, contact, conditions, cost, status, on_behalf AS onBehalf,
  applied_on AS appliedOn, decided_on AS decidedOn, authorisation_id AS authorisationId, note, created_at AS createdAt, updated_at AS updatedAt, version FROM catalogue_items`;

/** Form field of a blocking finding (field errors under the inputs). */
const fieldOf = (code: string): string | null => {
  if (code === 'AUTHORISATION_NONE') return 'onBehalf';
  if (code === 'DATE_IN_FUTURE') return 'appliedOn';
  return catalogueFieldOf(code);
};

const out = (r: Row) => ({ ...r, onBehalf: !!r.onBehalf });

/** Findings of an item; for an action on the family's behalf, the authorisation that covers it. */
function check(ctx: ServiceCtx, c: CaseRow, f: Fields): { findings: Finding[]; authorisationId: string | null } {
  const findings: Finding[] = [];
  if (c.track !== 'za-zyciem') findings.push(finding('CATALOGUE_NOT_ZA_ZYCIEM'));
  const today = todayOf(ctx);
  if (f.appliedOn && f.appliedOn > today) findings.push(finding('DATE_IN_FUTURE', { field: 'Data złożenia wniosku', date: f.appliedOn, asOf: today }));
  findings.push(...checkCatalogueDecision({ status: f.status, appliedOn: f.appliedOn, decidedOn: f.decidedOn, asOf: today }));
  let authorisationId: string | null = null;
  if (f.onBehalf && f.status !== 'proposed') {
    const granteeId = c.assistantId ?? '';
    const r = mayActForFamily({
      authorisations: authorisationFacts(ctx.sqlite, c.familyId),
      granteeId,
      granteeName: c.assistantName ?? undefined,
      institution: f.provider,
      matter: f.title,
      on: f.appliedOn ?? today,
    });
    findings.push(...r.findings);
    authorisationId = r.authorisationId;
  }
  return { findings, authorisationId };
}

export function listCatalogue(ctx: ServiceCtx, actor: Actor, caseId: string) {
  requireCaseRead(ctx, actor, caseId);
  return (ctx.sqlite.prepare(`${SELECT} WHERE case_id = ? ORDER BY created_at`).all(caseId) as Row[]).map(out);
}

export function createCatalogueItem(ctx: ServiceCtx, actor: Actor, input: Fields & { caseId: string }) {
  const c0 = requireCaseWrite(ctx, actor, input.caseId, 'catalogue.create');
  const id = randomUUID();
  let findings: Finding[] = [];
  let caseOut: ReturnType<typeof caseDetail> | null = null;
  tx(ctx, actor, () => {
    const c = getCaseRow(ctx.sqlite, c0.id)!;
    const r = check(ctx, c, input);
    findings = r.findings;
    refuseIfBlocked(ctx, actor, 'catalogue.create', { type: 'case', id: c.id }, findings, fieldOf);
    const at = nowIso(ctx);
    ctx.sqlite
      .prepare(
        `INSERT INTO catalogue_items (id, case_id, family_id, area, title, provider, contact, conditions, cost, status, on_behalf, applied_on,
                                      decided_on, authorisation_id, note, created_at, updated_at, version)
         VALUES (@id, @caseId, @familyId, @area, @title, @provider, @contact, @conditions, @cost, @status, @onBehalf, @appliedOn, @decidedOn,
                 @authorisationId, @note, @at, @at, 1)`,
      )
      .run({ ...input, id, caseId: c.id, familyId: c.familyId, onBehalf: input.onBehalf ? 1 : 0, decidedOn: input.decidedOn ?? null, authorisationId: r.authorisationId, at });
    audit(ctx, actor, 'catalogue.create', { type: 'catalogue_item', id }, { caseId: c.id, area: input.area, status: input.status, onBehalf: input.onBehalf });
    if (c.state === 'KONTAKT_I_ZGODA') {
      caseOut = transition(ctx, actor, { caseId: c.id, version: c.version, payload: { action: 'drawUpCatalogue', on: todayOf(ctx) } }).case;
    }
  });
  return { item: out(ctx.sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as Row), findings, case: caseOut };
}

export function updateCatalogueItem(ctx: ServiceCtx, actor: Actor, input: Fields & { id: string; version: number }) {
  const r0 = ctx.sqlite.prepare(`${SELECT} WHERE id = ?`).get(input.id) as Row | undefined;
  if (!r0) throw new AppError('NOT_FOUND');
  const c = requireCaseWrite(ctx, actor, r0.caseId, 'catalogue.update');
  const r = check(ctx, c, input);
  refuseIfBlocked(ctx, actor, 'catalogue.update', { type: 'catalogue_item', id: r0.id }, r.findings, fieldOf);
  tx(ctx, actor, () => {
    const res = ctx.sqlite
      .prepare(
        `UPDATE catalogue_items SET area = @area, title = @title, provider = @provider, contact = @contact, conditions = @conditions, cost = @cost,
                status = @status, on_behalf = @onBehalf, applied_on = @appliedOn, decided_on = @decidedOn, authorisation_id = @authorisationId, note = @note, updated_at = @at,
                version = version + 1 WHERE id = @id AND version = @version`,
      )
      .run({ ...input, onBehalf: input.onBehalf ? 1 : 0, decidedOn: input.decidedOn ?? null, authorisationId: r.authorisationId, at: nowIso(ctx) });
    if (res.changes !== 1) throw new AppError('STALE_EDIT');
    audit(ctx, actor, 'catalogue.update', { type: 'catalogue_item', id: r0.id }, { caseId: r0.caseId, status: input.status, onBehalf: input.onBehalf });
  });
  return { item: out(ctx.sqlite.prepare(`${SELECT} WHERE id = ?`).get(input.id) as Row), findings: r.findings };
}
