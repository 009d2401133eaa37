/**
 * The core host: starts the core in a worker thread and relays to it. The Electron main process,
 * the web-preview bridge and the integration tests all use this class, so the code path the
 * tests drive is the one the app runs:
 *
 *   const host = await CoreHost.start({ workerEntry, core: { dataDir, … }, settings });
 *   const sid = host.createSession();                 // one per window (no wait)
 *   const r = await host.invoke(sid, 'families:list', input);   // Result, never throws
 *   await host.endSession(sid);                       // window closed (logout audited)
 *   await host.shutdown({ timeoutMs: 5000 });         // end sessions, close the database
 *
 * The host owns the workstation settings store (electron-store in the app) and applies the
 * changes the core makes; it never touches the database. Plain Node, no Electron.
 */
import { randomUUID } from 'node:crypto';
import { Worker, type Transferable } from 'node:worker_threads';
import { ERROR_MESSAGES, type Result } from '../../shared/errors';
import type { CoreEvent } from '../core';
import { settingsSnapshot, type SettingsStore } from '../settings';
import {
  errorFromSummary,
  type HostClock,
  type HostMessage,
  type HostReplies,
  type HostRequest,
  type SessionInfo,
  type WorkerCoreOptions,
  type WorkerInit,
  type WorkerMessage,
} from './protocol';

export interface CoreHostOptions {
  /**
   * The worker's entry file: the built out/main/core-worker.js in the app (found from the
   * running main bundle), a test build in tests. Never a path relative to a source file.
   */
  workerEntry: string | URL;
  core: WorkerCoreOptions;
  /** The workstation settings (electron-store in the app); the core's changes are written here. */
  settings: SettingsStore;
  /** Tests: a clock the test moves. */
  clock?: HostClock;
  /** For an entry of its own (tests): extra `workerData` and the ports it transfers. */
  extra?: unknown;
  transferList?: Transferable[];
  /** Unexpected errors inside the core (the dispatcher's, or the worker's own). */
  onInternalError?: (place: string, err: Error) => void;
  /** Progress of long work (a backup), for the shell (a taskbar progress bar). */
  onEvent?: (e: CoreEvent) => void;
  /** The worker stopped without being asked to (a crash): the core is gone. */
  onExit?: (exitCode: number) => void;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; t: HostRequest['t'] };

const INTERNAL: Result<never> = { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } };

export class CoreHost {
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  private state: 'running' | 'stopping' | 'stopped' = 'running';
  private readonly exited: Promise<number>;

  /** Settles when the core has started (rejects when it could not). */
  readonly ready: Promise<void>;
  private settleReady: (e: Error | null) => void = () => {};

  private constructor(
    private readonly worker: Worker,
    private readonly opts: CoreHostOptions,
  ) {
    this.ready = new Promise<void>((resolve, reject) => {
      this.settleReady = (e) => {
        this.settleReady = () => {};
        if (e) reject(e);
        else resolve();
      };
    });
    this.ready.catch((e: Error) => opts.onInternalError?.('start', e));
    this.exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.on('message', (m: WorkerMessage) => this.onMessage(m));
    worker.on('error', (e) => {
      this.settleReady(e);
      opts.onInternalError?.('worker', e);
    });
    void this.exited.then((code) => {
      const unexpected = this.state === 'running';
      this.state = 'stopped';
      this.settleReady(new Error(`The core worker exited (code ${code}).`));
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        if (p.t === 'invoke') p.resolve(INTERNAL);
        else p.reject(new Error('Rdzeń Asysty zakończył pracę.'));
      }
      if (unexpected) opts.onExit?.(code);
    });
  }

  /** Start the worker and wait until the core is ready (rejects when it could not start). */
  static async start(opts: CoreHostOptions): Promise<CoreHost> {
    const host = CoreHost.launch(opts);
    await host.ready;
    return host;
  }

  /**
   * Start the worker without waiting: calls made at once are queued until the core is up. A
   * failure to start is reported to `onInternalError('start', …)` and every call then answers
   * INTERNAL (the tests use this; the app uses `start` to stop with a clear message instead).
   */
  static launch(opts: CoreHostOptions): CoreHost {
    const init: WorkerInit = {
      core: opts.core,
      settings: settingsSnapshot(opts.settings),
      ...(opts.clock ? { clock: opts.clock.buffer } : {}),
      ...(opts.extra !== undefined ? { extra: opts.extra } : {}),
    };
    const worker = new Worker(opts.workerEntry, { workerData: init, transferList: opts.transferList, name: 'asysta-core' });
    return new CoreHost(worker, opts);
  }

  get running(): boolean {
    return this.state === 'running';
  }

  /** The worker has ended (shut down, failed to start, or crashed). */
  get stopped(): boolean {
    return this.state === 'stopped';
  }

  private onMessage(m: WorkerMessage): void {
    switch (m.t) {
      case 'ready':
        this.settleReady(null);
        return;
      case 'startFailed':
        // The worker ends by itself; nothing it was asked is answered.
        this.state = 'stopped';
        this.settleReady(errorFromSummary(m.error));
        return;
      case 'reply': {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.ok) p.resolve(m.value);
        else p.reject(errorFromSummary(m.error));
        return;
      }
      case 'settings':
        try {
          this.opts.settings.set(m.key, m.value as never);
        } catch (e) {
          this.opts.onInternalError?.('settings', e as Error);
        }
        return;
      case 'event':
        this.opts.onEvent?.(m.event);
        return;
      case 'internalError':
        this.opts.onInternalError?.(m.channel, errorFromSummary(m.error));
        return;
      default:
        return;
    }
  }

  private request<T extends HostRequest['t']>(req: DistributiveOmit<Extract<HostRequest, { t: T }>, 'id'>): Promise<HostReplies[T]> {
    if (this.state !== 'running') return Promise.reject(new Error('Rdzeń Asysty nie działa.'));
    const id = ++this.seq;
    return new Promise<HostReplies[T]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, t: req.t });
      this.post({ ...req, id } as HostRequest);
    });
  }

  private post(m: HostMessage): void {
    this.worker.postMessage(m);
  }

  /** A new anonymous session (one per window); usable at once. */
  createSession(): string {
    const sessionId = randomUUID();
    if (this.state === 'running') this.post({ t: 'createSession', sessionId });
    return sessionId;
  }

  /** One contract call: validated, authorised and run by the core. Never throws. */
  async invoke(sessionId: string, channel: string, input: unknown): Promise<Result<unknown>> {
    if (this.state !== 'running') return INTERNAL;
    try {
      return await this.request<'invoke'>({ t: 'invoke', sessionId, channel, input });
    } catch (e) {
      this.opts.onInternalError?.(channel, e as Error);
      return INTERNAL;
    }
  }

  /** The window of this session closed: a logged-in user's logout is audited. */
  async endSession(sessionId: string): Promise<void> {
    if (this.state !== 'running') return;
    await this.request<'endSession'>({ t: 'endSession', sessionId });
  }

  /** Who is logged in on this session and whether it is locked (null: no such session). */
  sessionInfo(sessionId: string): Promise<SessionInfo | null> {
    return this.request<'sessionInfo'>({ t: 'sessionInfo', sessionId });
  }

  /** Whether closing this session's window should first remind about a backup. */
  closeCheck(sessionId: string): Promise<HostReplies['closeCheck']> {
    return this.request<'closeCheck'>({ t: 'closeCheck', sessionId });
  }

  /**
   * Orderly shutdown: every logged-in session is logged out (audited), the database is
   * checkpointed and closed, then the worker ends. When the core does not answer within
   * `timeoutMs` the worker is stopped anyway (SQLite's journal keeps the file consistent; the
   * logouts may then be missing from the audit log).
   */
  async shutdown(opts: { timeoutMs?: number } = {}): Promise<{ loggedOut: number; timedOut: boolean }> {
    if (this.state !== 'running') {
      await this.exited;
      return { loggedOut: 0, timedOut: false };
    }
    const answer = this.request<'shutdown'>({ t: 'shutdown' });
    this.state = 'stopping';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), opts.timeoutMs ?? 10_000);
    });
    try {
      const r = await Promise.race([answer, timeout]).catch((e: Error) => {
        this.opts.onInternalError?.('shutdown', e);
        return 'failed' as const;
      });
      if (r === 'timeout' || r === 'failed') {
        await this.worker.terminate();
        return { loggedOut: 0, timedOut: r === 'timeout' };
      }
      // The worker ends by itself once its port is closed; give it a moment, then make sure.
      let grace: NodeJS.Timeout | undefined;
      const ended = await Promise.race([this.exited.then(() => true), new Promise<boolean>((ok) => (grace = setTimeout(() => ok(false), 2_000)))]);
      clearTimeout(grace);
      if (!ended) await this.worker.terminate();
      return { loggedOut: r.loggedOut, timedOut: false };
    } finally {
      clearTimeout(timer);
      this.state = 'stopped';
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
