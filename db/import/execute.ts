/**
 * Families from a sheet go through the same doors as the family form and the case screens
 * (issue 16): the contract's zod schemas, then createFamily, intake / the Za życiem request and
 * the lifecycle transitions, each with its own rules (PESEL checksum, dates, duplicates, the
 * caseload limit, eligibility). Nothing here decides a rule on its own.
 *
 * Everything runs inside one write transaction; each family in its own savepoint, so a family
 * the rules refuse is undone alone and reported on its rows. The preview runs exactly the same
 * code and rolls the whole transaction back at the end (so what the preview says is what the
 * import does, including families of the same sheet counted towards an assistant's limit); the
 * import commits only when every chosen family went through — all of them or none.
 *
 * A case enters the lifecycle at the state its dates justify: an intake (or Za życiem request)
 * on the date of referral, then — when the sheet names the assistant — the earlier steps on that
 * date with a note that they were recorded by the import, the head's assignment on its date, and
 * the consent (or the court order in its place). The deadlines engine then shows what is due.
 */
import type { Statement } from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { contract } from '../../shared/ipc/contract';
import { familyCreateSchema } from '../../shared/registrySchemas';
import { CASE_STATES, type CaseState } from '../../shared/rules/lifecycle';
import type { Finding } from '../../shared/rules/types';
import { foldPolish } from '../../shared/text';
import type { Actor } from '../core';
import { intake, transition, zzRequest } from '../services/cases';
import { audit, type ServiceCtx } from '../services/context';
import { createFamily } from '../services/registry';
import type { FamilyPlan, RowIssue } from './plan';

export type Status = 'ok' | 'warning' | 'error';

export interface FamilyOutcome {
  key: string;
  rows: number[];
  status: Status;
  issues: RowIssue[];
  /** "Anna Nowak, ul. Polna 3, Grębocin". */
  label: string;
  members: number;
  /** The state the case reaches (null: no case in the sheet, or the family was refused). */
  caseState: CaseState | null;
  /** Set only after a committed import. */
  familyId: string | null;
}

/** The note on every lifecycle step the import records on the sheet's dates. */
export const IMPORT_NOTE = 'Wpis z importu arkusza (przeniesienie dotychczasowej ewidencji).';
const EARLIER_STEP_NOTE =
  'Wpis z importu arkusza: etap sprzed przydzielenia asystenta, odnotowany z datą zgłoszenia, bo arkusz nie podaje jego daty.';
const REQUEST_JUSTIFICATION = 'Sprawa prowadzona przed wdrożeniem programu Asysta — przeniesiona z dotychczasowej ewidencji (import z arkusza).';

class FamilyRefused extends Error {}
class Rollback extends Error {}

interface Assistant {
  id: string;
  login: string;
  fullName: string;
}

function assistantsOf(ctx: ServiceCtx): Assistant[] {
  return ctx.sqlite
    .prepare("SELECT id, login, full_name AS fullName FROM users WHERE role = 'assistant' AND active = 1")
    .all() as Assistant[];
}

/** The assistant a sheet names (login or full name); an error message when none or several match. */
function resolveAssistant(all: Assistant[], text: string): Assistant | string {
  const t = foldPolish(text);
  const byLogin = all.find((a) => a.login.toLowerCase() === text.trim().toLowerCase());
  if (byLogin) return byLogin;
  const byName = all.filter((a) => foldPolish(a.fullName) === t);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) return `Asystent rodziny: „${text}” — jest kilka aktywnych kont o tym imieniu i nazwisku; wpisz login.`;
  return `Asystent rodziny: nie ma aktywnego asystenta „${text}” — wpisz login albo imię i nazwisko z listy kont użytkowników (rola: asystent rodziny).`;
}

export interface ExecuteOptions {
  mode: 'preview' | 'import';
  /** Import only these family keys (the import); all when absent (the preview). */
  only?: ReadonlySet<string>;
  sha256: string;
  /** Runs inside the transaction just before it commits (the import remembers its mapping). */
  beforeCommit?: () => void;
}

/**
 * The services prepare their statements on every call; an import calls them thousands of times
 * with the same SQL. This handle hands the services the real database with `prepare` answered
 * from a cache for the length of one import (each statement's read modes reset on reuse), so
 * the same services run, only without re-compiling the same SQL. Everything else is the real
 * handle's own method (transactions, pragmas).
 */
function withStatementCache(ctx: ServiceCtx): ServiceCtx {
  const real = ctx.sqlite;
  const cache = new Map<string, Statement>();
  const prepare = (source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      stmt = real.prepare(source);
      if (cache.size < 1000) cache.set(source, stmt);
      return stmt;
    }
    if (stmt.reader) stmt.pluck(false).expand(false).raw(false);
    return stmt;
  };
  const sqlite = new Proxy(real, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { ...ctx, sqlite };
}

export function executePlans(rawCtx: ServiceCtx, actor: Actor, plans: FamilyPlan[], opts: ExecuteOptions): { outcomes: FamilyOutcome[]; committed: boolean } {
  const ctx = withStatementCache(rawCtx);
  const outcomes: FamilyOutcome[] = [];
  let committed = false;
  const run = ctx.sqlite.transaction(() => {
    const assistants = assistantsOf(ctx);
    for (const plan of plans) {
      if (opts.only && !opts.only.has(plan.key)) continue;
      outcomes.push(runFamily(ctx, actor, plan, assistants, opts));
    }
    if (opts.mode === 'preview') throw new Rollback();
    if (outcomes.some((o) => o.status === 'error')) throw new Rollback();
    opts.beforeCommit?.();
  });
  try {
    run.immediate();
    committed = true;
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  if (!committed) for (const o of outcomes) o.familyId = null;
  return { outcomes, committed };
}

function statusOf(issues: RowIssue[]): Status {
  if (issues.some((i) => i.severity === 'error')) return 'error';
  return issues.some((i) => i.severity === 'warning') ? 'warning' : 'ok';
}

/** The row a finding is about: the member named in its message, else the family's first row. */
function rowOfFinding(plan: FamilyPlan, message: string): number {
  const m = plan.members.find((x) => x.firstName && x.lastName && message.includes(`${x.firstName} ${x.lastName}`));
  return m?.row ?? plan.rows[0]!;
}

/** Field paths ("members.2.pesel") of a refusal mapped to sheet rows. */
function rowOfPath(plan: FamilyPlan, path: string): number {
  const m = /^members\.(\d+)/.exec(path);
  if (m) return plan.members[Number(m[1])]?.row ?? plan.rows[0]!;
  return plan.rows[0]!;
}

function refusalIssues(plan: FamilyPlan, e: AppError, fallbackRow: number): RowIssue[] {
  const out: RowIssue[] = [];
  const seen = new Set<string>();
  const push = (row: number, message: string) => {
    const k = `${row}|${message}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ row, severity: 'error', message });
  };
  for (const [path, message] of Object.entries(e.fields ?? {})) push(path.startsWith('members') ? rowOfPath(plan, path) : fallbackRow, message);
  for (const f of e.findings ?? []) if (f.severity === 'blocker') push(rowOfFinding(plan, f.message), f.message);
  if (out.length === 0) push(fallbackRow, e.message);
  return out;
}

function warningsOf(plan: FamilyPlan, findings: ReadonlyArray<Finding>, row?: number): RowIssue[] {
  return findings
    .filter((f) => f.severity === 'warning')
    .map((f) => ({ row: row ?? rowOfFinding(plan, f.message), severity: 'warning' as const, message: f.message }));
}

function runFamily(ctx: ServiceCtx, actor: Actor, plan: FamilyPlan, assistants: Assistant[], opts: ExecuteOptions): FamilyOutcome {
  const issues: RowIssue[] = [...plan.issues];
  const head = plan.members.find((m) => !m.isChild) ?? plan.members[0];
  const outcome: FamilyOutcome = {
    key: plan.key,
    rows: plan.rows,
    status: 'ok',
    issues,
    label: [head ? `${head.firstName} ${head.lastName}`.trim() : '', plan.address, plan.place].filter(Boolean).join(', '),
    members: plan.members.length,
    caseState: null,
    familyId: null,
  };
  const firstRow = plan.rows[0]!;
  if (plan.members.length === 0) {
    outcome.status = statusOf(issues);
    return outcome;
  }
  const preErrors = issues.some((i) => i.severity === 'error');
  try {
    ctx.sqlite.transaction(() => {
      // 1. The family, exactly as the family form sends it.
      const parsed = familyCreateSchema.safeParse({
        address: plan.address,
        postalCode: plan.postalCode,
        place: plan.place,
        gmina: plan.gmina,
        area: plan.area,
        phone: plan.phone,
        members: plan.members.map((m) => ({
          firstName: m.firstName,
          lastName: m.lastName,
          pesel: m.pesel,
          birthDate: m.birthDate,
          isChild: m.isChild,
          relation: m.relation,
          phone: m.phone,
        })),
        // Name + birth-date matches in other families become warnings on the rows; the head
        // acknowledges them by choosing the family for import.
        acknowledgeDuplicates: true,
      });
      if (!parsed.success) {
        for (const z of parsed.error.issues) {
          const path = z.path.map(String).join('.');
          issues.push({ row: rowOfPath(plan, path), severity: 'error', message: z.message });
        }
        throw new FamilyRefused();
      }
      let created;
      try {
        created = createFamily(ctx, actor, parsed.data);
      } catch (e) {
        if (e instanceof AppError) {
          issues.push(...refusalIssues(plan, e, firstRow));
          throw new FamilyRefused();
        }
        throw e;
      }
      issues.push(...warningsOf(plan, created.warnings));
      const familyId = created.family.id;

      // 2. The case, entering the lifecycle at the state its dates justify.
      if (plan.casePlan) outcome.caseState = runCase(ctx, actor, plan, familyId, assistants, issues);

      if (preErrors || issues.some((i) => i.severity === 'error')) throw new FamilyRefused();
      // 3. Every imported row audited as `import` with the file's SHA-256 only.
      created.family.members.forEach((m) => audit(ctx, actor, 'import', { type: 'family_member', id: m.id }, { sha256: opts.sha256 }));
      outcome.familyId = familyId;
    })();
  } catch (e) {
    if (!(e instanceof FamilyRefused)) throw e;
    outcome.caseState = null;
    outcome.familyId = null;
  }
  outcome.status = statusOf(issues);
  return outcome;
}

/** Runs one service step; a refusal becomes row errors (and FamilyRefused). */
function step<T>(plan: FamilyPlan, issues: RowIssue[], row: number, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError) {
      issues.push(...refusalIssues(plan, e, row));
      throw new FamilyRefused();
    }
    throw e;
  }
}

/** Parses a service input with the contract's own schema (as the dispatcher does). */
function viaContract<C extends 'cases:intake' | 'cases:transition' | 'zz:request' | 'zz:verify'>(channel: C, raw: unknown, issues: RowIssue[], row: number) {
  const parsed = contract[channel].input.safeParse(raw);
  if (!parsed.success) {
    for (const z of parsed.error.issues) issues.push({ row, severity: 'error', message: z.message });
    throw new FamilyRefused();
  }
  return parsed.data as never;
}

function runCase(ctx: ServiceCtx, actor: Actor, plan: FamilyPlan, familyId: string, assistants: Assistant[], issues: RowIssue[]): CaseState {
  const cp = plan.casePlan!;
  const row = cp.row;
  let assistant: Assistant | null = null;
  if (cp.assistant) {
    const a = resolveAssistant(assistants, cp.assistant);
    if (typeof a === 'string') {
      issues.push({ row, severity: 'error', message: a });
      throw new FamilyRefused();
    }
    assistant = a;
  }
  const referredOn = (cp.learnedOn ?? cp.assignedOn)!;
  let r =
    cp.track === 'general'
      ? step(plan, issues, row, () =>
          intake(
            ctx,
            actor,
            viaContract(
              'cases:intake',
              { familyId, source: cp.source, learnedOn: referredOn, urgent: false, reportedBy: '', description: IMPORT_NOTE, courtOrder: cp.courtOrder },
              issues,
              row,
            ),
          ),
        )
      : step(plan, issues, row, () =>
          zzRequest(
            ctx,
            actor,
            viaContract(
              'zz:request',
              {
                familyId,
                category: cp.zzCategory,
                receivedOn: referredOn,
                documents: { pregnancyDocument: cp.pregnancyDocument, certificate: null, medicalCareFromWeek10: null },
                description: IMPORT_NOTE,
              },
              issues,
              row,
            ),
          ),
        );
  let last: ReadonlyArray<Finding> = r.findings;
  const next = (payload: Record<string, unknown>) => {
    r = step(plan, issues, row, () => transition(ctx, actor, viaContract('cases:transition', { caseId: r.case.id, version: r.case.version, payload }, issues, row)));
    last = r.findings;
  };
  /** A step the rules may refuse without refusing the family: the case waits there for the head. */
  /** The transition input as its channel validates it (`zz:verify` has its own channel). */
  const transitionInput = (payload: Record<string, unknown>) => {
    if (payload.action !== 'verifyZz') return viaContract('cases:transition', { caseId: r.case.id, version: r.case.version, payload }, issues, row);
    const { action: _a, ...rest } = payload;
    const v = viaContract('zz:verify', { caseId: r.case.id, version: r.case.version, ...rest }, issues, row) as unknown as {
      caseId: string;
      version: number;
      verifiedOn: string;
      category: string;
      documents: unknown;
    };
    return { caseId: v.caseId, version: v.version, payload: { action: 'verifyZz', verifiedOn: v.verifiedOn, category: v.category, documents: v.documents } } as never;
  };
  const tryNext = (payload: Record<string, unknown>, waitCodes: ReadonlyArray<string>, explain: (message: string) => string): boolean => {
    try {
      r = transition(ctx, actor, transitionInput(payload));
      last = r.findings;
      return true;
    } catch (e) {
      if (e instanceof AppError && (waitCodes.includes(e.code) || e.findings?.some((f) => f.severity === 'blocker' && waitCodes.includes(f.code)))) {
        const blocker = e.findings?.find((f) => f.severity === 'blocker')?.message ?? e.message;
        issues.push({ row, severity: 'warning', message: explain(blocker) });
        last = [];
        return false;
      }
      if (e instanceof AppError) {
        issues.push(...refusalIssues(plan, e, row));
        throw new FamilyRefused();
      }
      throw e;
    }
  };
  if (assistant && cp.assignedOn) {
    const decided = (state: string) => (m: string) =>
      `${m} Sprawa zostanie zaimportowana w stanie „${state}” — przydzielenie asystenta (${assistant!.fullName}) z arkusza nie zostało wpisane; kierownik zdecyduje na ekranie „Decyzje”.`;
    if (cp.track === 'general') {
      next({ action: 'recordInterview', interviewOn: referredOn, note: EARLIER_STEP_NOTE });
      next({ action: 'recordAnalysis', analysisOn: referredOn, careDifficultiesFound: true, note: EARLIER_STEP_NOTE });
      next({ action: 'submitRequest', requestOn: referredOn, justification: REQUEST_JUSTIFICATION, attachments: [] });
      if (!tryNext({ action: 'assign', assistantId: assistant.id, decidedOn: cp.assignedOn, note: IMPORT_NOTE }, ['CASELOAD_LIMIT_REACHED'], decided(CASE_STATES.WNIOSEK_PS.label))) {
        return r.case.state;
      }
    } else {
      const verified = tryNext(
        { action: 'verifyZz', verifiedOn: referredOn, category: cp.zzCategory, documents: { pregnancyDocument: cp.pregnancyDocument, certificate: null, medicalCareFromWeek10: null } },
        ['RULE_BLOCKED'],
        (m) =>
          `${m} Sprawa „Za życiem” zostanie zaimportowana jako wniosek do weryfikacji dokumentów — przydzielenie asystenta z arkusza nie zostało wpisane; uzupełnij dokumenty na karcie sprawy.`,
      );
      if (!verified) return r.case.state;
      if (!tryNext({ action: 'assign', assistantId: assistant.id, decidedOn: cp.assignedOn, note: IMPORT_NOTE }, ['CASELOAD_LIMIT_REACHED'], decided(CASE_STATES.WERYFIKACJA.label))) {
        return r.case.state;
      }
    }
    if (cp.courtOrder && cp.track === 'general') {
      next({ action: 'recordConsent', basis: { kind: 'court-order', ...cp.courtOrder }, note: IMPORT_NOTE });
    } else if (cp.consentOn) {
      next({ action: 'recordConsent', basis: { kind: 'written-consent', consentOn: cp.consentOn }, note: IMPORT_NOTE });
    }
  }
  issues.push(...warningsOf(plan, last, row));
  return r.case.state;
}
