/**
 * The messages between the core host (db/host/host.ts, in the Electron main process or a Node
 * process) and the core's worker thread (db/host/worker.ts). Everything here is structured-clone
 * data: the core's errors travel as `Result` values from the dispatcher; what crosses besides
 * them is the host's bookkeeping (sessions, settings, shutdown) and the core's progress events.
 */
import type { Result } from '../../shared/errors';
import type { SessionUser } from '../../shared/ipc/contract';
import type { CoreEvent, CoreOptions } from '../core';
import type { WorkstationSettings } from '../settings';

export type { CoreEvent };

/** Core options that can cross into the worker (the settings and the clock are provided by the host). */
export type WorkerCoreOptions = Omit<CoreOptions, 'settings' | 'now' | 'onEvent'>;

/** `workerData` of the core's worker. */
export interface WorkerInit {
  core: WorkerCoreOptions;
  /** The workstation settings at start; the worker keeps a copy and sends every change back. */
  settings: Partial<WorkstationSettings>;
  /** A movable clock for tests (see HostClock); absent: the real clock. */
  clock?: SharedArrayBuffer;
  /** Anything an entry of its own (a test entry) needs besides the core. */
  extra?: unknown;
}

/** The host's requests; each is answered by one `reply` with the same `id`. */
export type HostRequest =
  | { t: 'invoke'; id: number; sessionId: string; channel: string; input: unknown }
  | { t: 'endSession'; id: number; sessionId: string }
  | { t: 'sessionInfo'; id: number; sessionId: string }
  | { t: 'closeCheck'; id: number; sessionId: string }
  | { t: 'shutdown'; id: number };

/** Sent without an answer: the host makes session ids itself, so creating one never waits. */
export type HostNotice = { t: 'createSession'; sessionId: string };

export type HostMessage = HostRequest | HostNotice;

/** Only a class name, a machine code and (for the host's console in tests) the message. */
export interface ErrorSummary {
  name: string;
  code?: string;
  message: string;
}

export type WorkerMessage =
  | { t: 'ready' }
  | { t: 'startFailed'; error: ErrorSummary }
  | { t: 'reply'; id: number; ok: true; value: unknown }
  | { t: 'reply'; id: number; ok: false; error: ErrorSummary }
  | { t: 'settings'; key: keyof WorkstationSettings; value: unknown }
  | { t: 'event'; event: CoreEvent }
  | { t: 'internalError'; channel: string; error: ErrorSummary };

/** Replies of each request kind. */
export interface HostReplies {
  invoke: Result<unknown>;
  endSession: null;
  sessionInfo: SessionInfo | null;
  closeCheck: { remindAboutBackup: boolean };
  shutdown: { loggedOut: number };
}

export interface SessionInfo {
  user: SessionUser | null;
  locked: boolean;
}

export function summariseError(e: unknown): ErrorSummary {
  const err = e as { name?: unknown; code?: unknown; message?: unknown; constructor?: { name?: unknown } } | null;
  const name = typeof err?.constructor?.name === 'string' ? err.constructor.name : typeof err?.name === 'string' ? err.name : 'Error';
  return {
    name,
    ...(typeof err?.code === 'string' ? { code: err.code } : {}),
    message: typeof err?.message === 'string' ? err.message : String(e),
  };
}

/** An Error standing for one that happened in the worker (class name and code kept for the log). */
export function errorFromSummary(s: ErrorSummary): Error {
  const e = new Error(s.message) as Error & { code?: string };
  e.name = s.name;
  if (s.code) e.code = s.code;
  Object.defineProperty(e, 'constructor', { value: { name: s.name }, enumerable: false });
  return e;
}

// ---- the movable clock --------------------------------------------------------------------------

/** No time set: the worker reads the real clock. */
const REAL_TIME = -1n;

/**
 * A clock the host (a test) sets and the worker reads, shared memory so the worker sees a change
 * at once, without a message. Unset (the default) it is the real clock.
 */
export class HostClock {
  readonly buffer = new SharedArrayBuffer(8);
  private readonly cell = new BigInt64Array(this.buffer);

  constructor(startMs?: number) {
    Atomics.store(this.cell, 0, startMs === undefined ? REAL_TIME : BigInt(Math.round(startMs)));
  }

  get now(): number {
    return readClock(this.cell);
  }

  set now(ms: number) {
    Atomics.store(this.cell, 0, BigInt(Math.round(ms)));
  }
}

function readClock(cell: BigInt64Array): number {
  const v = Atomics.load(cell, 0);
  return v === REAL_TIME ? Date.now() : Number(v);
}

/** The worker's `now` for a shared clock. */
export function clockReader(buffer: SharedArrayBuffer): () => number {
  const cell = new BigInt64Array(buffer);
  return () => readClock(cell);
}
