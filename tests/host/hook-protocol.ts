/** Messages of the test-only probe into the core's worker (tests/host/hooks.ts <-> test-worker.ts). */
import type { MessagePort } from 'node:worker_threads';
import type { ErrorSummary } from '../../db/host/protocol';

export type SqlMode = 'get' | 'all' | 'run' | 'exec' | 'pragma';

export type ProbeRequest =
  | { op: 'sql'; mode: SqlMode; sql: string; params: unknown[]; pluck?: boolean; simple?: boolean }
  | { op: 'fixture'; name: string; args: unknown[] }
  | { op: 'core'; what: CoreProbeQuery; args: unknown[] };

export type ProbeReply = { ok: true; value: unknown } | { ok: false; error: ErrorSummary };

/** Questions about the core's state that tests ask directly (and `touch`, which keeps a session active). */
export type CoreProbeQuery = 'isOpen' | 'isSetUp' | 'listAudit' | 'auditAnchors' | 'touch';

/** What the test entry receives in `workerData.extra`. */
export interface ProbeInit {
  port: MessagePort;
  /** Int32 cell the worker sets to 1 (and notifies) when its reply is on the port. */
  flag: SharedArrayBuffer;
}
