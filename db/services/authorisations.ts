/**
 * Written authorisations of the family (upoważnienia, domain.md §3.2, §4.7): general or special,
 * scope (institutions, matters), grantee, validity and revocation; `mayActForFamily` decides
 * whether an action on the family's behalf is covered.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { ageOn, finding, mayActForFamily, validateAuthorisation, type AuthorisationFacts, type Finding } from '../../shared/rules/index';
import type { z } from 'zod';
import type { authorisationCreateSchema } from '../../shared/workSchemas';
import type { Actor } from '../core';
import type { SqliteHandle } from '../open';
import { audit, nowIso, todayOf, type ServiceCtx } from './context';
import { requireFamilyVisible } from './registry';
import { refuseIfBlocked } from './workCommon';

type CreateInput = z.output<typeof authorisationCreateSchema>;

interface Row {
  id: string;
  familyId: string;
  caseId: string | null;
  kind: 'general' | 'special';
  grantors: string;
  granteeId: string;
  granteeName: string | null;
  scope: string;
  signedOn: string;
  validFrom: string;
  validTo: string | null;
  revokedOn: string | null;
  revocationNote: string;
  version: number;
}

const SELECT = `SELECT a.id, a.family_id AS familyId, a.case_id AS caseId, a.kind, a.grantors, a.grantee_id AS granteeId, u.full_name AS granteeName,
  a.scope, a.signed_on AS signedOn, a.valid_from AS validFrom, a.valid_to AS validTo, a.revoked_on AS revokedOn, a.revocation_note AS revocationNote,
  a.version FROM authorisations a LEFT JOIN users u ON u.id = a.grantee_id`;

function out(r: Row, today: string) {
  const scope = JSON.parse(r.scope) as { institutions: string[]; matters: string[]; description: string };
  const validNow = !(r.revokedOn && r.revokedOn <= today) && today >= r.validFrom && !(r.validTo && today > r.validTo);
  return {
    id: r.id,
    familyId: r.familyId,
    caseId: r.caseId,
    kind: r.kind,
    grantors: JSON.parse(r.grantors) as Array<{ memberId: string | null; name: string }>,
    granteeId: r.granteeId,
    granteeName: r.granteeName,
    institutions: scope.institutions,
    matters: scope.matters,
    description: scope.description,
    signedOn: r.signedOn,
    validFrom: r.validFrom,
    validTo: r.validTo,
    revokedOn: r.revokedOn,
    revocationNote: r.revocationNote,
    validNow,
    version: r.version,
  };
}

/** The family's authorisations as facts for mayActForFamily (stored ones were checked for an adult grantor). */
export function authorisationFacts(sqlite: SqliteHandle, familyId: string): AuthorisationFacts[] {
  return (sqlite.prepare(`${SELECT} WHERE a.family_id = ? ORDER BY a.signed_on DESC`).all(familyId) as Row[]).map((r) => {
    const s = JSON.parse(r.scope) as { institutions: string[]; matters: string[] };
    return {
      id: r.id,
      kind: r.kind,
      granteeId: r.granteeId,
      signedByAdult: true,
      signedOn: r.signedOn,
      institutions: s.institutions,
      matters: s.matters,
      validFrom: r.validFrom,
      validTo: r.validTo,
      revokedOn: r.revokedOn,
    };
  });
}

export function listAuthorisations(ctx: ServiceCtx, actor: Actor, familyId: string) {
  requireFamilyVisible(ctx, actor, familyId);
  const today = todayOf(ctx);
  return (ctx.sqlite.prepare(`${SELECT} WHERE a.family_id = ? ORDER BY a.signed_on DESC`).all(familyId) as Row[]).map((r) => out(r, today));
}

function requireFamilyEdit(ctx: ServiceCtx, actor: Actor, familyId: string): void {
  requireFamilyVisible(ctx, actor, familyId, 'authorisation.forbidden');
  if (actor.user.role === 'admin') return;
  const own = ctx.sqlite.prepare(`SELECT 1 FROM cases WHERE family_id = ? AND assistant_id = ? AND state NOT IN ('ZAMKNIETA','ARCHIWUM')`).get(familyId, actor.user.id);
  if (!own) {
    audit(ctx, actor, 'authorisation.forbidden', { type: 'family', id: familyId });
    throw new AppError('FORBIDDEN', 'Upoważnienia rodziny rejestruje jej asystent albo kierownik.');
  }
}

export function createAuthorisation(ctx: ServiceCtx, actor: Actor, input: CreateInput) {
  requireFamilyEdit(ctx, actor, input.familyId);
  const grantee = ctx.sqlite.prepare('SELECT id, active FROM users WHERE id = ?').get(input.granteeId) as { id: string; active: number } | undefined;
  if (!grantee) throw new AppError('VALIDATION', 'Upoważniony: wybierz asystenta z listy.', { fields: { granteeId: 'Upoważniony: wybierz asystenta z listy.' } });
  // Grantors from the registry must be adults on the day of signing; their names are the
  // registry's (stored beside the member id). A typed name ("inna osoba") is kept as typed.
  let adult = true;
  const seen = new Set<string>();
  const grantors = input.grantors.map((g) => {
    if (!g.memberId) return { memberId: null, name: g.name };
    if (seen.has(g.memberId)) {
      const message = 'Upoważniający: ta sama osoba wskazana dwa razy.';
      throw new AppError('VALIDATION', message, { fields: { grantors: message } });
    }
    seen.add(g.memberId);
    const m = ctx.sqlite
      .prepare('SELECT birth_date AS birthDate, is_child AS isChild, first_name AS firstName, last_name AS lastName FROM family_members WHERE id = ? AND family_id = ?')
      .get(g.memberId, input.familyId) as { birthDate: string | null; isChild: number; firstName: string; lastName: string } | undefined;
    if (!m || m.isChild === 1 || (m.birthDate && ageOn(m.birthDate, input.signedOn) < 18)) adult = false;
    return { memberId: g.memberId, name: m ? `${m.firstName} ${m.lastName}`.trim() : g.name };
  });
  const findings: Finding[] = validateAuthorisation({
    kind: input.kind,
    signedByAdult: adult,
    institutions: input.institutions,
    matters: input.matters,
    validFrom: input.validFrom,
    validTo: input.validTo,
  });
  const today = todayOf(ctx);
  if (input.signedOn > today) findings.push(finding('DATE_IN_FUTURE', { field: 'Data podpisania', date: input.signedOn, asOf: today }));
  refuseIfBlocked(ctx, actor, 'authorisation.create', { type: 'family', id: input.familyId }, findings);
  const id = randomUUID();
  const at = nowIso(ctx);
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        `INSERT INTO authorisations (id, family_id, case_id, kind, grantors, grantee_id, scope, signed_on, valid_from, valid_to, created_at, updated_at, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      )
      .run(
        id,
        input.familyId,
        input.caseId,
        input.kind,
        JSON.stringify(grantors),
        input.granteeId,
        JSON.stringify({ institutions: input.institutions, matters: input.matters, description: input.description }),
        input.signedOn,
        input.validFrom,
        input.validTo,
        at,
        at,
      );
    audit(ctx, actor, 'authorisation.create', { type: 'authorisation', id }, { familyId: input.familyId, kind: input.kind, granteeId: input.granteeId });
  })();
  return { authorisation: out(ctx.sqlite.prepare(`${SELECT} WHERE a.id = ?`).get(id) as Row, today), findings };
}

export function revokeAuthorisation(ctx: ServiceCtx, actor: Actor, input: { id: string; version: number; revokedOn: string; note: string }) {
  const r = ctx.sqlite.prepare(`${SELECT} WHERE a.id = ?`).get(input.id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND');
  requireFamilyEdit(ctx, actor, r.familyId);
  const today = todayOf(ctx);
  const findings: Finding[] = input.revokedOn > today ? [finding('DATE_IN_FUTURE', { field: 'Data odwołania', date: input.revokedOn, asOf: today })] : [];
  refuseIfBlocked(ctx, actor, 'authorisation.revoke', { type: 'authorisation', id: r.id }, findings);
  ctx.sqlite.transaction(() => {
    const res = ctx.sqlite
      .prepare('UPDATE authorisations SET revoked_on = ?, revocation_note = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?')
      .run(input.revokedOn, input.note, nowIso(ctx), r.id, input.version);
    if (res.changes !== 1) throw new AppError('STALE_EDIT');
    audit(ctx, actor, 'authorisation.revoke', { type: 'authorisation', id: r.id }, { familyId: r.familyId, revokedOn: input.revokedOn });
  })();
  return { authorisation: out(ctx.sqlite.prepare(`${SELECT} WHERE a.id = ?`).get(r.id) as Row, today), findings };
}

export function checkAuthorisation(ctx: ServiceCtx, actor: Actor, input: { familyId: string; granteeId: string; institution: string; matter: string; on: string }) {
  requireFamilyVisible(ctx, actor, input.familyId);
  const name = (ctx.sqlite.prepare('SELECT full_name AS n FROM users WHERE id = ?').get(input.granteeId) as { n: string } | undefined)?.n;
  return mayActForFamily({ ...input, authorisations: authorisationFacts(ctx.sqlite, input.familyId), granteeName: name });
}
