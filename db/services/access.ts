/**
 * Substitution shares (zastępstwa) and revealing masked sensitive values (issue 7).
 *
 * The head shares a family with another assistant for a period and a reason (an absence of the
 * assigned assistant); while the share is active the substitute sees the family (familyScope)
 * and may keep its work documentation (requireCaseEdit), but does not become the case's
 * assistant. Grants, revocations and every reveal of a masked value are written to the audit log
 * with ids and codes only (never names, PESEL or the reason's text).
 */
import { randomUUID } from 'node:crypto';
import { isShareActive, MAX_SHARE_DAYS, shareStatus, type ShareGrantInput } from '../../shared/access/rules';
import { AppError } from '../../shared/errors';
import type { ChannelInput, ChannelOutput, FamilyShare } from '../../shared/ipc/contract';
import type { Actor } from '../core';
import type { SqliteHandle } from '../open';
import { getCaseRow } from './cases';
import { audit, json, nowIso, todayOf, type ServiceCtx } from './context';
import { familyLabel, requireFamilyVisible } from './registry';

interface ShareRow {
  id: string;
  familyId: string;
  caseNumber: string | null;
  userId: string;
  userName: string;
  fromOn: string;
  untilOn: string;
  reason: string;
  grantedBy: string | null;
  grantedByName: string | null;
  createdAt: string;
  revokedAt: string | null;
  revokedByName: string | null;
}

const SHARE_SELECT = `SELECT s.id, s.family_id AS familyId, f.case_number AS caseNumber, s.user_id AS userId, u.full_name AS userName,
    s.from_on AS fromOn, s.until_on AS untilOn, s.reason, s.granted_by AS grantedBy, g.full_name AS grantedByName,
    s.created_at AS createdAt, s.revoked_at AS revokedAt, r.full_name AS revokedByName
  FROM family_shares s JOIN families f ON f.id = s.family_id JOIN users u ON u.id = s.user_id
  LEFT JOIN users g ON g.id = s.granted_by LEFT JOIN users r ON r.id = s.revoked_by`;

function toShare(sqlite: SqliteHandle, r: ShareRow, today: string): FamilyShare {
  return { ...r, familyLabel: familyLabel(sqlite, r.familyId), status: shareStatus(r, today) };
}

function shareById(ctx: ServiceCtx, id: string): FamilyShare {
  const r = ctx.sqlite.prepare(`${SHARE_SELECT} WHERE s.id = ?`).get(id) as ShareRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Nie znaleziono zastępstwa.');
  return toShare(ctx.sqlite, r, todayOf(ctx));
}

/**
 * Shares of a family and/or of a user, newest first (active and planned only, unless
 * `includeInactive`). An assistant lists only the shares granted to them.
 */
export function listShares(ctx: ServiceCtx, actor: Actor, input: { familyId?: string | undefined; userId?: string | undefined; includeInactive?: boolean }): FamilyShare[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (actor.user.role !== 'admin') {
    if (input.userId && input.userId !== actor.user.id) {
      audit(ctx, actor, 'share.list_forbidden', { type: 'user', id: input.userId });
      throw new AppError('FORBIDDEN', 'Możesz zobaczyć tylko zastępstwa udostępnione Tobie.');
    }
    where.push('s.user_id = @me');
    params.me = actor.user.id;
  } else if (input.userId) {
    where.push('s.user_id = @userId');
    params.userId = input.userId;
  }
  if (input.familyId) {
    where.push('s.family_id = @familyId');
    params.familyId = input.familyId;
  }
  const today = todayOf(ctx);
  if (!input.includeInactive) {
    where.push('s.revoked_at IS NULL AND s.until_on >= @today');
    params.today = today;
  }
  const rows = ctx.sqlite
    .prepare(`${SHARE_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.from_on DESC, s.created_at DESC`)
    .all(params) as ShareRow[];
  return rows.map((r) => toShare(ctx.sqlite, r, today));
}

/** The head shares a family with an active assistant (not its own assistant) for ≤ 90 days. */
export function grantShare(ctx: ServiceCtx, actor: Actor, input: ShareGrantInput): FamilyShare {
  const { sqlite } = ctx;
  if (actor.user.role !== 'admin') throw new AppError('FORBIDDEN', 'Zastępstwa ustanawia kierownik.');
  if (!sqlite.prepare('SELECT 1 FROM families WHERE id = ?').get(input.familyId)) throw new AppError('NOT_FOUND', 'Nie znaleziono rodziny.');
  const user = sqlite.prepare('SELECT role, active FROM users WHERE id = ?').get(input.userId) as { role: string; active: number } | undefined;
  if (!user || user.role !== 'assistant' || user.active !== 1) {
    throw new AppError('VALIDATION', 'Asystent zastępujący: wybierz aktywne konto asystenta rodziny.', {
      fields: { userId: 'Wybierz aktywne konto asystenta rodziny.' },
    });
  }
  const today = todayOf(ctx);
  if (input.untilOn < today) {
    throw new AppError('VALIDATION', 'Zastępstwo do: data już minęła.', { fields: { untilOn: 'Data końca zastępstwa już minęła.' } });
  }
  const ownCase = sqlite
    .prepare("SELECT 1 FROM cases WHERE family_id = ? AND assistant_id = ? AND state NOT IN ('ZAMKNIETA','ARCHIWUM')")
    .get(input.familyId, input.userId);
  if (ownCase) {
    throw new AppError('VALIDATION', 'Ta osoba prowadzi już sprawę tej rodziny — zastępstwo nie jest potrzebne.', {
      fields: { userId: 'Ta osoba prowadzi już sprawę tej rodziny.' },
    });
  }
  const overlap = sqlite
    .prepare('SELECT 1 FROM family_shares WHERE family_id = ? AND user_id = ? AND revoked_at IS NULL AND from_on <= ? AND until_on >= ?')
    .get(input.familyId, input.userId, input.untilOn, input.fromOn);
  if (overlap) {
    throw new AppError('VALIDATION', 'Ta osoba ma już zastępstwo w tej rodzinie w tym okresie. Odwołaj je albo wybierz inne daty.', {
      fields: { fromOn: 'Okres nakłada się na istniejące zastępstwo.' },
    });
  }
  const id = randomUUID();
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO family_shares (id, family_id, user_id, from_on, until_on, reason, granted_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.familyId, input.userId, input.fromOn, input.untilOn, input.reason, actor.user.id, nowIso(ctx));
    // Ids and dates only: the reason is free text and stays out of the append-only log.
    audit(ctx, actor, 'share.grant', { type: 'family', id: input.familyId }, {
      shareId: id,
      userId: input.userId,
      fromOn: input.fromOn,
      untilOn: input.untilOn,
      maxDays: MAX_SHARE_DAYS,
    });
  })();
  return shareById(ctx, id);
}

export function revokeShare(ctx: ServiceCtx, actor: Actor, id: string): FamilyShare {
  if (actor.user.role !== 'admin') throw new AppError('FORBIDDEN', 'Zastępstwa odwołuje kierownik.');
  const share = shareById(ctx, id);
  if (share.revokedAt) throw new AppError('VALIDATION', 'To zastępstwo zostało już odwołane.');
  ctx.sqlite.transaction(() => {
    ctx.sqlite.prepare('UPDATE family_shares SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL').run(nowIso(ctx), actor.user.id, id);
    audit(ctx, actor, 'share.revoke', { type: 'family', id: share.familyId }, { shareId: id, userId: share.userId, wasActive: isShareActive(share, todayOf(ctx)) });
  })();
  return shareById(ctx, id);
}

type RevealInput = ChannelInput<'sensitive:reveal'>;

/**
 * The real value of one masked field of one family (member), supporting-family member or case,
 * for someone who may see the (supported) family. Audited as `sensitive.reveal` with the field name and ids only.
 */
export function revealSensitive(ctx: ServiceCtx, actor: Actor, input: RevealInput): ChannelOutput<'sensitive:reveal'> {
  const { sqlite } = ctx;
  const purpose = input.purpose ?? 'view';
  if (input.field === 'zzDocuments') {
    const c = getCaseRow(sqlite, input.caseId);
    if (!c) throw new AppError('NOT_FOUND', 'Nie znaleziono sprawy.');
    requireFamilyVisible(ctx, actor, c.familyId, 'sensitive.reveal_forbidden');
    audit(ctx, actor, 'sensitive.reveal', { type: 'case', id: c.id }, { field: 'zzDocuments', familyId: c.familyId, purpose });
    return { field: 'zzDocuments', value: json(c.zzDocuments) };
  }
  if (input.field === 'supportingPesel') {
    // A supporting family's member: its members live in a JSON list without ids, so the index.
    const s = sqlite.prepare('SELECT id, family_id AS familyId, members FROM supporting_families WHERE id = ?').get(input.supportingFamilyId) as
      | { id: string; familyId: string; members: string }
      | undefined;
    if (!s) throw new AppError('NOT_FOUND', 'Nie znaleziono rodziny wspierającej.');
    requireFamilyVisible(ctx, actor, s.familyId, 'sensitive.reveal_forbidden');
    const m = (json<Array<{ pesel?: string | null }>>(s.members) ?? [])[input.memberIndex];
    if (!m) throw new AppError('NOT_FOUND', 'Nie znaleziono członka rodziny wspierającej.');
    audit(ctx, actor, 'sensitive.reveal', { type: 'supporting_family', id: s.id }, { field: 'supportingPesel', familyId: s.familyId, memberIndex: input.memberIndex, purpose });
    return { field: 'supportingPesel', value: m.pesel ?? null };
  }
  requireFamilyVisible(ctx, actor, input.familyId, 'sensitive.reveal_forbidden');
  if (input.field === 'pesel') {
    const m = sqlite.prepare('SELECT pesel FROM family_members WHERE id = ? AND family_id = ?').get(input.memberId, input.familyId) as { pesel: string | null } | undefined;
    if (!m) throw new AppError('NOT_FOUND', 'Nie znaleziono członka rodziny.');
    audit(ctx, actor, 'sensitive.reveal', { type: 'family', id: input.familyId }, { field: 'pesel', memberId: input.memberId, purpose });
    return { field: 'pesel', value: m.pesel };
  }
  const f = sqlite.prepare('SELECT niebieska_karta AS nk FROM families WHERE id = ?').get(input.familyId) as { nk: string | null };
  audit(ctx, actor, 'sensitive.reveal', { type: 'family', id: input.familyId }, { field: 'niebieskaKarta', purpose });
  return { field: 'niebieskaKarta', value: json(f.nk) };
}

/** The active share through which an assistant may work on a family (null if none). */
export function activeShareOf(ctx: ServiceCtx, userId: string, familyId: string): string | null {
  const today = todayOf(ctx);
  const r = ctx.sqlite
    .prepare('SELECT id FROM family_shares WHERE family_id = ? AND user_id = ? AND revoked_at IS NULL AND from_on <= ? AND until_on >= ? LIMIT 1')
    .get(familyId, userId, today, today) as { id: string } | undefined;
  return r?.id ?? null;
}
