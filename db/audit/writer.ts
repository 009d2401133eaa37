/**
 * The one audit writer: every audit row in the core — the account and session operations of
 * db/core/, the services (through services/context.ts `audit`), events recorded while the
 * database was closed and the restore record — is built here and appended through the chained
 * `writeAudit`. Pass a transaction to have the entry commit (or roll back) with the change it
 * records.
 */
import type { DbOrTx } from '../open';
import { writeAudit, type AuditWrite } from '../repos/audit';

/** Who an entry is about when there is no session user (a failed login, the recovery key). */
export interface AuditWho {
  userId: string | null;
  userLogin: string | null;
}

/** A session caller (`Actor`) or an explicit identity. */
export type AuditCaller = { user: { id: string; login: string } } | AuditWho;

export interface AuditEntity {
  type: string;
  id: string;
}

function whoOf(caller: AuditCaller): AuditWho {
  return 'user' in caller ? { userId: caller.user.id, userLogin: caller.user.login } : caller;
}

/** The row for one entry (`at` is an ISO time from the core's clock). */
export function auditEntry(
  at: string,
  caller: AuditCaller,
  action: string,
  entity?: AuditEntity | null,
  details?: Record<string, unknown> | null,
): AuditWrite {
  return {
    at,
    ...whoOf(caller),
    action,
    entityType: entity?.type ?? null,
    entityId: entity?.id ?? null,
    details: details ?? null,
  };
}

/** Append one chained entry; returns its id. */
export function recordAudit(
  db: DbOrTx,
  at: string,
  caller: AuditCaller,
  action: string,
  entity?: AuditEntity | null,
  details?: Record<string, unknown> | null,
): number {
  return writeAudit(db, auditEntry(at, caller, action, entity, details));
}
