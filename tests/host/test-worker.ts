/**
 * The core's worker entry for tests: the app's worker (db/host/worker.ts `serveCore`) plus a
 * probe port through which a test reads the database and runs fixtures synchronously
 * (tests/host/hooks.ts). Built by tests/host/build.ts; never part of the app.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AsystaCore } from '../../db/core';
import { summariseError, type WorkerInit } from '../../db/host/protocol';
import { serveCore } from '../../db/host/worker';
import type { ProbeInit, ProbeReply, ProbeRequest } from './hook-protocol';
import { workerFixtures } from './worker-fixtures';

function runSql(core: AsystaCore, r: Extract<ProbeRequest, { op: 'sql' }>): unknown {
  const { sqlite } = core.requireDb();
  if (r.mode === 'exec') {
    sqlite.exec(r.sql);
    return null;
  }
  if (r.mode === 'pragma') return sqlite.pragma(r.sql, { simple: !!r.simple });
  const st = sqlite.prepare(r.sql);
  if (r.mode === 'run') {
    const res = st.run(...r.params);
    return { changes: res.changes, lastInsertRowid: Number(res.lastInsertRowid) };
  }
  if (r.pluck) st.pluck();
  return r.mode === 'get' ? st.get(...r.params) : st.all(...r.params);
}

async function answer(core: AsystaCore, r: ProbeRequest): Promise<unknown> {
  switch (r.op) {
    case 'sql':
      return runSql(core, r);
    case 'fixture': {
      const fn = (workerFixtures as Record<string, (core: AsystaCore, ...args: unknown[]) => unknown>)[r.name];
      if (!fn) throw new Error(`no worker fixture ${r.name}`);
      return await fn(core, ...r.args);
    }
    case 'core':
      switch (r.what) {
        case 'isOpen':
          return core.isOpen;
        case 'isSetUp':
          return core.isSetUp();
        case 'listAudit':
          return core.listAudit(r.args[0] as Parameters<AsystaCore['listAudit']>[0]);
        case 'auditAnchors':
          return core.auditAnchors();
        case 'touch':
          core.touch(core.session(r.args[0] as string));
          return null;
      }
  }
}

function installProbe(core: AsystaCore, init: ProbeInit): void {
  const port = init.port;
  const flag = new Int32Array(init.flag);
  port.on('message', (r: ProbeRequest) => {
    const reply = (m: ProbeReply) => {
      port.postMessage(m);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    };
    answer(core, r).then(
      (value) => reply({ ok: true, value }),
      (e: unknown) => reply({ ok: false, error: summariseError(e) }),
    );
  });
  // The probe never keeps the worker alive after the host asked it to shut down.
  port.unref();
}

const init = workerData as WorkerInit;
const probe = init.extra as ProbeInit | undefined;
serveCore(parentPort!, init, { onCore: probe ? (core) => installProbe(core, probe) : undefined });
