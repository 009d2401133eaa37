/**
 * Supporting families (rodziny wspierające, art. 29–31): register a candidate linked to the
 * supported case and its assistant, record the establishing act (only when the rules allow),
 * the cost-reimbursement contract and reimbursements (grosze, integers).
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { keepMaskedPesel, MASKED_PESEL_MESSAGE, maskPesel } from '../../shared/access/rules';
import { AppError } from '../../shared/errors';
import type { SupportingFamily } from '../../shared/ipc/contract';
import type {
  supportingActSchema,
  supportingContractSchema,
  supportingFieldsSchema,
} from '../../shared/registrySchemas';
import {
  checkHeadOpinionDates,
  checkReimbursement,
  checkSupportingFamily,
  headOpinionFieldOf,
  type CaseState,
  type Finding,
} from '../../shared/rules/index';
import type { Actor } from '../core';
import type { SqliteHandle } from '../open';
import { getCaseRow } from './cases';
import { audit, json, nowIso, todayOf, type ServiceCtx } from './context';
import { familyLabel, familyScope, requireFamilyVisible } from './registry';
import { refuseIfBlocked } from './workCommon';

type Fields = z.output<typeof supportingFieldsSchema>;
type Act = z.output<typeof supportingActSchema>;
type Contract = z.output<typeof supportingContractSchema>;

interface SfRow {
  id: string;
  caseId: string;
  caseNumber: string;
  familyId: string;
  assistantId: string | null;
  assistantName: string | null;
  name: string;
  address: string;
  place: string;
  phone: string;
  relationToChild: string;
  members: string;
  convictionStatementOn: string | null;
  headOpinion: string | null;
  status: SupportingFamily['status'];
  act: string | null;
  contract: string | null;
  version: number;
  caseState: CaseState;
  caseAssistantId: string | null;
}

const SF_SELECT = `SELECT s.id, s.case_id AS caseId, c.case_number AS caseNumber, s.family_id AS familyId, s.assistant_id AS assistantId,
  u.full_name AS assistantName, s.name, s.address, s.place, s.phone, s.relation_to_child AS relationToChild, s.members,
  s.conviction_statement_on AS convictionStatementOn, s.head_opinion AS headOpinion, s.status, s.act, s.contract, s.version,
  c.state AS caseState, c.assistant_id AS caseAssistantId
  FROM supporting_families s JOIN cases c ON c.id = s.case_id LEFT JOIN users u ON u.id = s.assistant_id`;

function toModel(sqlite: SqliteHandle, r: SfRow, asOf: string): SupportingFamily {
  const reimbursements = sqlite
    .prepare(
      'SELECT id, paid_on AS paidOn, amount_gr AS amountGr, description, created_at AS createdAt FROM supporting_reimbursements WHERE supporting_family_id = ? ORDER BY paid_on, created_at',
    )
    .all(r.id) as SupportingFamily['reimbursements'];
  const members = json<SupportingFamily['members']>(r.members) ?? [];
  const headOpinion = json<SupportingFamily['headOpinion']>(r.headOpinion);
  const act = json<Act>(r.act);
  const check = checkSupportingFamily({
    asOf,
    relationToChild: r.relationToChild,
    members,
    convictionStatementOn: r.convictionStatementOn,
    headOpinion,
    supportedCase: { state: r.caseState, assistantId: r.caseAssistantId },
    act: act ?? undefined,
  });
  return {
    id: r.id,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    familyId: r.familyId,
    familyLabel: familyLabel(sqlite, r.familyId),
    assistantId: r.assistantId,
    assistantName: r.assistantName,
    name: r.name,
    address: r.address,
    place: r.place,
    phone: r.phone,
    relationToChild: r.relationToChild,
    // PESEL masked in every output (sensitive:reveal shows one, audited); documents read the table.
    members: members.map((m) => ({ ...m, pesel: maskPesel(m.pesel) })),
    convictionStatementOn: r.convictionStatementOn,
    headOpinion,
    status: r.status,
    act,
    contract: json<Contract>(r.contract),
    reimbursements,
    reimbursedTotalGr: reimbursements.reduce((s, x) => s + x.amountGr, 0),
    findings: r.status === 'candidate' ? check.findings : check.findings.filter((f) => f.severity !== 'blocker'),
    version: r.version,
  };
}

function load(ctx: ServiceCtx, actor: Actor, id: string): SfRow {
  const r = ctx.sqlite.prepare(`${SF_SELECT} WHERE s.id = ?`).get(id) as SfRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Nie znaleziono rodziny wspierającej.');
  requireFamilyVisible(ctx, actor, r.familyId, 'supporting.open_forbidden');
  return r;
}

export function listSupporting(ctx: ServiceCtx, actor: Actor, familyId?: string): SupportingFamily[] {
  const scope = familyScope(ctx.sqlite, actor, todayOf(ctx));
  const rows = ctx.sqlite
    .prepare(
      `${SF_SELECT} JOIN families f ON f.id = s.family_id WHERE ${scope.sql} ${familyId ? 'AND s.family_id = @familyId' : ''} ORDER BY s.created_at`,
    )
    .all({ ...scope.params, ...(familyId ? { familyId } : {}) }) as SfRow[];
  const today = todayOf(ctx);
  return rows.map((r) => toModel(ctx.sqlite, r, today));
}

export function getSupporting(ctx: ServiceCtx, actor: Actor, id: string): SupportingFamily {
  const r = load(ctx, actor, id);
  audit(ctx, actor, 'supporting.open', { type: 'supporting_family', id });
  return toModel(ctx.sqlite, r, todayOf(ctx));
}

function fieldColumns(f: Fields) {
  return {
    name: f.name,
    address: f.address,
    place: f.place,
    phone: f.phone ?? '',
    relationToChild: f.relationToChild,
    members: JSON.stringify(f.members),
    convictionStatementOn: f.convictionStatementOn ?? null,
    headOpinion: f.headOpinion ? JSON.stringify(f.headOpinion) : null,
  };
}

function result(ctx: ServiceCtx, actor: Actor, id: string): { supportingFamily: SupportingFamily; warnings: Finding[] } {
  const sf = toModel(ctx.sqlite, load(ctx, actor, id), todayOf(ctx));
  return { supportingFamily: sf, warnings: sf.findings };
}

export function registerSupporting(ctx: ServiceCtx, actor: Actor, input: Fields & { caseId: string }) {
  const c = getCaseRow(ctx.sqlite, input.caseId);
  if (!c) throw new AppError('NOT_FOUND', 'Nie znaleziono sprawy wspieranej rodziny.');
  requireFamilyVisible(ctx, actor, c.familyId, 'supporting.register_forbidden');
  if (actor.user.role === 'assistant' && c.assistantId !== actor.user.id) {
    audit(ctx, actor, 'supporting.register_forbidden', { type: 'case', id: c.id });
    throw new AppError('FORBIDDEN', 'Rodzinę wspierającą rejestruje asystent przydzielony do sprawy, pracownik socjalny albo kierownik.');
  }
  refuseIfBlocked(ctx, actor, 'supporting.register', { type: 'case', id: c.id }, checkHeadOpinionDates(input.headOpinion, todayOf(ctx)), headOpinionFieldOf);
  const id = randomUUID();
  const at = nowIso(ctx);
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        `INSERT INTO supporting_families (id, case_id, family_id, assistant_id, name, address, place, phone, relation_to_child, members,
                                          conviction_statement_on, head_opinion, status, act, contract, created_at, updated_at, version)
         VALUES (@id, @caseId, @familyId, @assistantId, @name, @address, @place, @phone, @relationToChild, @members,
                 @convictionStatementOn, @headOpinion, 'candidate', NULL, NULL, @at, @at, 1)`,
      )
      .run({ id, caseId: c.id, familyId: c.familyId, assistantId: c.assistantId, at, ...fieldColumns(input) });
    audit(ctx, actor, 'supporting.register', { type: 'supporting_family', id }, { caseId: c.id, members: input.members.length });
  })();
  return result(ctx, actor, id);
}

function bump(ctx: ServiceCtx, id: string, version: number, sets: Record<string, unknown>): void {
  const cols = Object.keys(sets).map((k) => `${k} = @${k}`);
  const res = ctx.sqlite
    .prepare(`UPDATE supporting_families SET ${cols.join(', ')}, updated_at = @at, version = version + 1 WHERE id = @id AND version = @version`)
    .run({ ...sets, at: nowIso(ctx), id, version });
  if (res.changes !== 1) throw new AppError('STALE_EDIT');
}

type Member = SupportingFamily['members'][number];
const folded = (m: { firstName: string; lastName: string }) => `${m.firstName} ${m.lastName}`.trim().toLocaleLowerCase('pl');

/**
 * Masked PESELs in an edit (members have no ids): a mask equal to the mask of the member's own
 * stored number keeps that number. The member is the stored one at the same index or, when the
 * list changed, the only stored member of the same name. Any other masked value is refused.
 */
function keepMaskedPesels(members: Fields['members'], stored: Member[]): Fields['members'] {
  const fields: Record<string, string> = {};
  const out = members.map((m, i) => {
    const atIndex = stored[i];
    const sameName = stored.filter((x) => folded(x) === folded(m));
    const own = atIndex && folded(atIndex) === folded(m) ? atIndex : sameName.length === 1 ? sameName[0] : atIndex;
    const kept = keepMaskedPesel(m.pesel, own?.pesel);
    if (kept.ok) return { ...m, pesel: kept.pesel };
    fields[`members.${i}.pesel`] = MASKED_PESEL_MESSAGE;
    return m;
  });
  const first = Object.values(fields)[0];
  if (first) throw new AppError('VALIDATION', first, { fields });
  return out;
}

export function updateSupporting(ctx: ServiceCtx, actor: Actor, raw: Fields & { id: string; version: number }) {
  const r = load(ctx, actor, raw.id);
  if (r.version !== raw.version) throw new AppError('STALE_EDIT');
  const input = { ...raw, members: keepMaskedPesels(raw.members, json<Member[]>(r.members) ?? []) };
  // The head's opinion: not dated in the future, the interview not after it (art. 30).
  refuseIfBlocked(ctx, actor, 'supporting.update', { type: 'supporting_family', id: r.id }, checkHeadOpinionDates(input.headOpinion, todayOf(ctx)), headOpinionFieldOf);
  if (r.status === 'established') {
    // An established family must stay eligible: a new conviction entry is refused.
    const check = checkSupportingFamily({
      asOf: todayOf(ctx),
      relationToChild: input.relationToChild,
      members: input.members,
      convictionStatementOn: input.convictionStatementOn,
      headOpinion: input.headOpinion,
      supportedCase: { state: r.caseState, assistantId: r.caseAssistantId },
    });
    const conv = check.findings.filter((f) => f.code === 'SUPPORTING_CONVICTION');
    if (conv.length) throw new AppError('RULE_BLOCKED', conv[0]!.message, { findings: conv });
  }
  const c = fieldColumns(input);
  ctx.sqlite.transaction(() => {
    bump(ctx, r.id, input.version, {
      name: c.name,
      address: c.address,
      place: c.place,
      phone: c.phone,
      relation_to_child: c.relationToChild,
      members: c.members,
      conviction_statement_on: c.convictionStatementOn,
      head_opinion: c.headOpinion,
    });
    audit(ctx, actor, 'supporting.update', { type: 'supporting_family', id: r.id });
  })();
  return result(ctx, actor, r.id);
}

/** The end of a period (act, contract) cannot come before its start. */
function refuseEndBeforeStart(from: string | null | undefined, until: string | null | undefined, field: string, label: string): void {
  if (from && until && until < from) {
    const message = `${label}: data końcowa nie może być wcześniejsza niż ${from.split('-').reverse().join('.')}.`;
    throw new AppError('VALIDATION', message, { fields: { [field]: message } });
  }
}

export function establishSupporting(ctx: ServiceCtx, actor: Actor, input: { id: string; version: number; act: Act }) {
  const r = load(ctx, actor, input.id);
  if (r.version !== input.version) throw new AppError('STALE_EDIT');
  refuseEndBeforeStart(input.act.on, input.act.until, 'act.until', 'Ustanowienie do dnia');
  const check = checkSupportingFamily({
    asOf: todayOf(ctx),
    relationToChild: r.relationToChild,
    members: json<SupportingFamily['members']>(r.members) ?? [],
    convictionStatementOn: r.convictionStatementOn,
    headOpinion: json(r.headOpinion),
    supportedCase: { state: r.caseState, assistantId: r.caseAssistantId },
    act: input.act,
  });
  if (!check.allowed) {
    const first = check.findings.find((f) => f.severity === 'blocker')!;
    audit(ctx, actor, 'supporting.establish_refused', { type: 'supporting_family', id: r.id }, {
      codes: check.findings.filter((f) => f.severity === 'blocker').map((f) => f.code),
    });
    throw new AppError('RULE_BLOCKED', first.message, { findings: check.findings });
  }
  ctx.sqlite.transaction(() => {
    bump(ctx, r.id, input.version, { status: 'established', act: JSON.stringify(input.act), assistant_id: r.caseAssistantId });
    audit(ctx, actor, 'supporting.establish', { type: 'supporting_family', id: r.id }, { by: input.act.by, on: input.act.on });
  })();
  return result(ctx, actor, r.id);
}

export function setSupportingContract(ctx: ServiceCtx, actor: Actor, input: { id: string; version: number; contract: Contract }) {
  const r = load(ctx, actor, input.id);
  if (r.version !== input.version) throw new AppError('STALE_EDIT');
  if (r.status !== 'established') {
    throw new AppError('RULE_BLOCKED', 'Rodzina wspierająca nie została jeszcze ustanowiona — najpierw wpisz akt ustanowienia.');
  }
  if (input.contract.on > todayOf(ctx)) {
    throw new AppError('VALIDATION', `Data umowy ${input.contract.on} jest późniejsza niż dzisiejsza.`, {
      fields: { 'contract.on': 'Data umowy nie może być przyszła.' },
    });
  }
  refuseEndBeforeStart(input.contract.on, input.contract.until, 'contract.until', 'Umowa obowiązuje do dnia');
  ctx.sqlite.transaction(() => {
    bump(ctx, r.id, input.version, { contract: JSON.stringify(input.contract) });
    audit(ctx, actor, 'supporting.contract', { type: 'supporting_family', id: r.id }, { on: input.contract.on });
  })();
  return result(ctx, actor, r.id);
}

export function addReimbursement(
  ctx: ServiceCtx,
  actor: Actor,
  input: { supportingFamilyId: string; paidOn: string; amountGr: number; description: string },
) {
  const r = load(ctx, actor, input.supportingFamilyId);
  const contract = json<Contract>(r.contract);
  const paidSoFar = (
    ctx.sqlite.prepare('SELECT coalesce(sum(amount_gr), 0) AS s FROM supporting_reimbursements WHERE supporting_family_id = ?').get(r.id) as {
      s: number;
    }
  ).s;
  const findings = checkReimbursement({
    established: r.status === 'established',
    contract: contract ? { on: contract.on, totalLimitGr: contract.totalLimitGr } : null,
    paidSoFarGr: paidSoFar,
    amountGr: input.amountGr,
    paidOn: input.paidOn,
    asOf: todayOf(ctx),
  });
  const blocker = findings.find((f) => f.severity === 'blocker');
  if (blocker) throw new AppError('RULE_BLOCKED', blocker.message, { findings, fields: { amountGr: blocker.message } });
  const id = randomUUID();
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        `INSERT INTO supporting_reimbursements (id, supporting_family_id, paid_on, amount_gr, description, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, r.id, input.paidOn, input.amountGr, input.description, actor.user.id, nowIso(ctx));
    audit(ctx, actor, 'supporting.reimbursement', { type: 'supporting_family', id: r.id }, { amountGr: input.amountGr, paidOn: input.paidOn });
  })();
  const out = result(ctx, actor, r.id);
  return { ...out, warnings: [...out.warnings, ...findings] };
}
