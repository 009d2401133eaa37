/**
 * The test side of the probe into the core's worker: synchronous reads of the open database and
 * fixtures run there (the test thread waits on shared memory until the worker answers). Tests use
 * it to set up data and check what was stored; every operation under test still goes through
 * `host.invoke`, as in the app.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { errorFromSummary } from '../../db/host/protocol';
import type { ChainAnchor } from '../../db/audit/chain';
import type { AsystaCore } from '../../db/core';
import type { CoreProbeQuery, ProbeInit, ProbeReply, ProbeRequest, SqlMode } from './hook-protocol';
import type { WorkerFixtures } from './worker-fixtures';

const TIMEOUT_MS = 120_000;

export interface SqlStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number; lastInsertRowid: number };
  /** Only the first column of each row. */
  pluck(): { get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
}

/** A small, synchronous better-sqlite3-like view of the core's open database. */
export interface ProbeSql {
  prepare(sql: string): SqlStatement;
  exec(sql: string): void;
  pragma(pragma: string, opts?: { simple?: boolean }): unknown;
}

export interface CoreProbe {
  isOpen(): boolean;
  isSetUp(): boolean;
  listAudit(f: Parameters<AsystaCore['listAudit']>[0]): ReturnType<AsystaCore['listAudit']>;
  auditAnchors(): ChainAnchor[];
  touch(sessionId: string): void;
}

type Fixture<K extends keyof WorkerFixtures> = WorkerFixtures[K] extends (core: AsystaCore, ...args: infer A) => infer R
  ? (...args: A) => Awaited<R>
  : never;

export class Probe {
  private readonly local: MessagePort;
  private readonly remote: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.local = port1;
    this.remote = port2;
  }

  /** For the host: the worker's end of the probe (workerData.extra + transferList). */
  get init(): { extra: ProbeInit; transferList: [MessagePort] } {
    return { extra: { port: this.remote, flag: this.flag.buffer as SharedArrayBuffer }, transferList: [this.remote] };
  }

  private call(req: ProbeRequest): unknown {
    Atomics.store(this.flag, 0, 0);
    this.local.postMessage(req);
    if (Atomics.wait(this.flag, 0, 0, TIMEOUT_MS) === 'timed-out') throw new Error('the core worker did not answer the test probe');
    const msg = receiveMessageOnPort(this.local);
    if (!msg) throw new Error('the core worker answered the test probe without a message');
    const reply = msg.message as ProbeReply;
    if (!reply.ok) throw errorFromSummary(reply.error);
    return reply.value;
  }

  readonly sql: ProbeSql = {
    prepare: (sql) => {
      const q = (mode: SqlMode, params: unknown[], pluck = false) => this.call({ op: 'sql', mode, sql, params, pluck });
      return {
        get: (...p) => q('get', p),
        all: (...p) => q('all', p) as unknown[],
        run: (...p) => q('run', p) as { changes: number; lastInsertRowid: number },
        pluck: () => ({ get: (...p) => q('get', p, true), all: (...p) => q('all', p, true) as unknown[] }),
      };
    },
    exec: (sql) => {
      this.call({ op: 'sql', mode: 'exec', sql, params: [] });
    },
    pragma: (sql, opts) => this.call({ op: 'sql', mode: 'pragma', sql, params: [], simple: !!opts?.simple }),
  };

  private ask(what: CoreProbeQuery, ...args: unknown[]): unknown {
    return this.call({ op: 'core', what, args });
  }

  readonly core: CoreProbe = {
    isOpen: () => this.ask('isOpen') as boolean,
    isSetUp: () => this.ask('isSetUp') as boolean,
    listAudit: (f) => this.ask('listAudit', f) as ReturnType<CoreProbe['listAudit']>,
    auditAnchors: () => this.ask('auditAnchors') as ChainAnchor[],
    touch: (sessionId) => void this.ask('touch', sessionId),
  };

  /** Run a fixture of tests/host/worker-fixtures.ts on the worker's open database. */
  fixture<K extends keyof WorkerFixtures>(name: K, ...args: Parameters<Fixture<K>>): ReturnType<Fixture<K>> {
    return this.call({ op: 'fixture', name, args }) as ReturnType<Fixture<K>>;
  }

  close(): void {
    this.local.close();
  }
}
