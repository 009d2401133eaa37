/**
 * The staff register (kadra, issue 13 item 1) behind the staff:* channels, and the office papers
 * (the RODO clause's DPO contact and retention, the statistics basis). The head reads and edits
 * the register; every account may read its own entry. The documents read the register for the
 * form of address, the position under the signature, the own contact and the declension override;
 * the half-yearly report reads the assistants' employment from here.
 */
import { AppError } from '../../shared/errors';
import type { NameForms } from '../../shared/grammar';
import type { ReportStaff } from '../../shared/reports/conventions';
import { staffRegisterFindings } from '../../shared/rules/staff';
import type { Finding } from '../../shared/rules/types';
import {
  declarationsSchema,
  EMPTY_OFFICE_PAPERS,
  EMPTY_STAFF,
  nameFormsSchema,
  OFFICE_PAPERS_KEY,
  officePapersSchema,
  qualificationSchema,
  staffFieldsSchema,
  compactNameForms,
  type OfficePapers,
  type StaffFields,
} from '../../shared/staff';
import type { Role } from '../../shared/roles';
import type { Actor } from '../core';
import type { SqliteHandle } from '../open';
import { audit, nowIso, todayOf, type ServiceCtx } from './context';

interface Row {
  userId: string;
  salutation: 'Pani' | 'Pan' | null;
  position: string;
  phone: string;
  email: string;
  nameForms: string | null;
  employmentForm: 'employment-contract' | 'service-contract' | null;
  taskBasedTime: number;
  fte: number | null;
  employedFrom: string | null;
  employedTo: string | null;
  qualification: string | null;
  declarations: string | null;
  version: number;
  updatedAt: string;
}

const SELECT = `SELECT user_id AS userId, salutation, position, phone, email, name_forms AS nameForms, employment_form AS employmentForm,
  task_based_time AS taskBasedTime, fte, employed_from AS employedFrom, employed_to AS employedTo, qualification, declarations, version,
  updated_at AS updatedAt FROM staff_register`;

const parse = <T>(schema: { safeParse: (v: unknown) => { success: boolean; data?: T } }, s: string | null): T | null => {
  if (!s) return null;
  try {
    const r = schema.safeParse(JSON.parse(s));
    return r.success ? (r.data as T) : null;
  } catch {
    return null;
  }
};

function fieldsOf(r: Row | undefined): StaffFields {
  if (!r) return { ...EMPTY_STAFF };
  return {
    salutation: r.salutation === 'Pani' || r.salutation === 'Pan' ? r.salutation : null,
    position: r.position,
    phone: r.phone,
    email: r.email,
    nameForms: compactNameForms(parse(nameFormsSchema, r.nameForms)),
    employmentForm: r.employmentForm,
    taskBasedTime: r.taskBasedTime === 1,
    fte: r.fte,
    employedFrom: r.employedFrom,
    employedTo: r.employedTo,
    qualification: parse(qualificationSchema, r.qualification),
    declarations: parse(declarationsSchema, r.declarations),
  };
}

export interface StaffEntry {
  userId: string;
  fullName: string;
  role: Role;
  active: boolean;
  fields: StaffFields;
  version: number;
  updatedAt: string | null;
  findings: Finding[];
}

interface UserLite {
  id: string;
  fullName: string;
  role: Role;
  active: number;
}

function entryOf(ctx: ServiceCtx, u: UserLite, r: Row | undefined): StaffEntry {
  const fields = fieldsOf(r);
  return {
    userId: u.id,
    fullName: u.fullName,
    role: u.role,
    active: u.active === 1,
    fields,
    version: r?.version ?? 0,
    updatedAt: r?.updatedAt ?? null,
    findings: u.active === 1 ? staffRegisterFindings(fields, u.role, todayOf(ctx)) : [],
  };
}

const requireHead = (actor: Actor) => {
  if (actor.user.role !== 'admin') throw new AppError('FORBIDDEN', 'Kadrę prowadzi kierownik ośrodka.');
};

/** Every account with its register entry and findings (the head). */
export function listStaff(ctx: ServiceCtx, actor: Actor): StaffEntry[] {
  requireHead(actor);
  const users = ctx.sqlite.prepare('SELECT id, full_name AS fullName, role, active FROM users ORDER BY active DESC, full_name').all() as UserLite[];
  const rows = new Map((ctx.sqlite.prepare(SELECT).all() as Row[]).map((r) => [r.userId, r]));
  return users.map((u) => entryOf(ctx, u, rows.get(u.id)));
}

/** One account's entry: the head, or the account itself. */
export function getStaff(ctx: ServiceCtx, actor: Actor, userId: string): StaffEntry {
  if (actor.user.role !== 'admin' && actor.user.id !== userId) throw new AppError('FORBIDDEN', 'Dane kadrowe innych pracowników widzi kierownik ośrodka.');
  const u = ctx.sqlite.prepare('SELECT id, full_name AS fullName, role, active FROM users WHERE id = ?').get(userId) as UserLite | undefined;
  if (!u) throw new AppError('NOT_FOUND', 'Nie znaleziono konta.');
  const r = ctx.sqlite.prepare(`${SELECT} WHERE user_id = ?`).get(userId) as Row | undefined;
  return entryOf(ctx, u, r);
}

/** Which groups of fields changed (the audit names them; no personal data in the audit). */
function changedGroups(a: StaffFields, b: StaffFields): string[] {
  const groups: Record<string, Array<keyof StaffFields>> = {
    address: ['salutation', 'position', 'nameForms'],
    contact: ['phone', 'email'],
    employment: ['employmentForm', 'taskBasedTime', 'fte', 'employedFrom', 'employedTo'],
    qualification: ['qualification'],
    declarations: ['declarations'],
  };
  return Object.entries(groups)
    .filter(([, keys]) => keys.some((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])))
    .map(([g]) => g);
}

/** Saves an account's register entry (the head); refuses a stale version. */
export function updateStaff(ctx: ServiceCtx, actor: Actor, input: { userId: string; version: number; fields: unknown }): StaffEntry {
  requireHead(actor);
  const parsed = staffFieldsSchema.safeParse(input.fields);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
    throw new AppError('VALIDATION', parsed.error.issues[0]?.message ?? 'Nieprawidłowe dane kadrowe.', { fields });
  }
  const f = parsed.data;
  const before = getStaff(ctx, actor, input.userId);
  if (before.version !== input.version) throw new AppError('STALE_EDIT');
  const row = {
    userId: input.userId,
    salutation: f.salutation,
    position: f.position,
    phone: f.phone,
    email: f.email,
    nameForms: f.nameForms ? JSON.stringify(f.nameForms) : null,
    employmentForm: f.employmentForm,
    taskBasedTime: f.taskBasedTime ? 1 : 0,
    fte: f.fte,
    employedFrom: f.employedFrom,
    employedTo: f.employedTo,
    qualification: f.qualification ? JSON.stringify(f.qualification) : null,
    declarations: f.declarations ? JSON.stringify(f.declarations) : null,
    version: before.version + 1,
    at: nowIso(ctx),
    by: actor.user.id,
  };
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        `INSERT INTO staff_register (user_id, salutation, position, phone, email, name_forms, employment_form, task_based_time, fte, employed_from,
           employed_to, qualification, declarations, version, updated_at, updated_by)
         VALUES (@userId, @salutation, @position, @phone, @email, @nameForms, @employmentForm, @taskBasedTime, @fte, @employedFrom,
           @employedTo, @qualification, @declarations, @version, @at, @by)
         ON CONFLICT(user_id) DO UPDATE SET salutation = excluded.salutation, position = excluded.position, phone = excluded.phone,
           email = excluded.email, name_forms = excluded.name_forms, employment_form = excluded.employment_form,
           task_based_time = excluded.task_based_time, fte = excluded.fte, employed_from = excluded.employed_from,
           employed_to = excluded.employed_to, qualification = excluded.qualification, declarations = excluded.declarations,
           version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(row);
    audit(ctx, actor, 'staff.update', { type: 'user', id: input.userId }, { changed: changedGroups(before.fields, f) });
  })();
  return getStaff(ctx, actor, input.userId);
}

// ---- For the documents and the report --------------------------------------------------------------

/** What a document prints about a worker. */
export interface StaffForDocuments {
  salutation: 'Pani' | 'Pan' | null;
  position: string;
  phone: string;
  email: string;
  nameForms: NameForms | null;
}

/** The register entries the documents need, by user id (no authorisation: the caller's). */
export function staffForDocuments(sqlite: SqliteHandle): Map<string, StaffForDocuments> {
  const rows = sqlite.prepare(SELECT).all() as Row[];
  return new Map(
    rows.map((r) => {
      const f = fieldsOf(r);
      return [r.userId, { salutation: f.salutation, position: f.position, phone: f.phone, email: f.email, nameForms: f.nameForms }];
    }),
  );
}

/** The assistants' employment for the half-yearly report (userId → form, task-based time). */
export function reportStaffFromRegister(sqlite: SqliteHandle): ReportStaff {
  const rows = sqlite.prepare(SELECT).all() as Row[];
  return Object.fromEntries(rows.map((r) => [r.userId, { form: r.employmentForm, taskBasedTime: r.employmentForm === 'employment-contract' && r.taskBasedTime === 1 }]));
}

// ---- Office papers --------------------------------------------------------------------------------

export function readOfficePapers(sqlite: SqliteHandle): OfficePapers {
  const r = sqlite.prepare('SELECT value FROM office_settings WHERE key = ?').get(OFFICE_PAPERS_KEY) as { value: string } | undefined;
  const parsed = r ? parse<OfficePapers>(officePapersSchema, r.value) : null;
  return parsed ?? { ...EMPTY_OFFICE_PAPERS };
}

export function getOfficePapers(ctx: ServiceCtx, actor: Actor): OfficePapers & { version: number } {
  requireHead(actor);
  const r = ctx.sqlite.prepare('SELECT version FROM office_settings WHERE key = ?').get(OFFICE_PAPERS_KEY) as { version: number } | undefined;
  return { ...readOfficePapers(ctx.sqlite), version: r?.version ?? 0 };
}

export function setOfficePapers(ctx: ServiceCtx, actor: Actor, input: OfficePapers & { version: number }): OfficePapers & { version: number } {
  requireHead(actor);
  const before = getOfficePapers(ctx, actor);
  if (before.version !== input.version) throw new AppError('STALE_EDIT');
  const value = officePapersSchema.parse({ dpoContact: input.dpoContact, retention: input.retention, statisticsBasis: input.statisticsBasis });
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        `INSERT INTO office_settings (key, value, version, updated_at, updated_by) VALUES (?, ?, 1, ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, version = office_settings.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(OFFICE_PAPERS_KEY, JSON.stringify(value), nowIso(ctx), actor.user.id);
    const changed = (Object.keys(value) as Array<keyof OfficePapers>).filter((k) => value[k] !== before[k]);
    audit(ctx, actor, 'office.papers_update', { type: 'office', id: '1' }, { changed });
  })();
  return getOfficePapers(ctx, actor);
}
