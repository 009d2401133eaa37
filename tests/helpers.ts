/** Test helpers: real encrypted installations in temporary folders. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devResources } from '../build/dev-resources';
import { AsystaCore, type CoreEvent, type CoreOptions } from '../db/core';
import { TEST_SCRYPT } from '../db/crypto';
import { createDispatcher, type Dispatcher } from '../db/dispatcher';
import { CoreHost } from '../db/host/host';
import { HostClock, type WorkerCoreOptions } from '../db/host/protocol';
import { MemorySettingsStore, type SettingsStore } from '../db/settings';
import { testWorkerEntry } from './host/build';
import { Probe, type CoreProbe, type ProbeSql } from './host/hooks';
import type { AppErrorPayload, Result } from '../shared/errors';
import type { Channel, ChannelInput, ChannelOutput } from '../shared/ipc/contract';

export function tempDir(prefix = 'asysta-test-'): string {
  // A Polish letter in the path, as on a Windows profile like C:\Users\Łucja.
  return mkdtempSync(join(tmpdir(), `${prefix}Łucja-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Asserts that a call failed and returns its error, so a test can go on to check the code,
 * message or fields. Use it instead of `expect(!r.ok && r.error…)`, which passes vacuously when
 * the call succeeds (`false` is defined, equal to nothing, …): here a success fails the test,
 * naming what the call returned.
 */
export function failure<T>(r: Result<T>): AppErrorPayload {
  if (r.ok) {
    let shown: string;
    try {
      shown = JSON.stringify(r.value) ?? String(r.value);
    } catch {
      shown = String(r.value);
    }
    if (shown.length > 400) shown = `${shown.slice(0, 400)}…`;
    throw new Error(`expected the call to fail, but it succeeded with: ${shown}`);
  }
  return r.error;
}

export interface TestSession {
  id: string;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Like call, but throws with the error code when the call fails. */
  ok<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

function testSession(id: string, invoke: (id: string, channel: string, input: unknown) => Promise<Result<unknown>>): TestSession {
  const call = <C extends Channel>(channel: C, input: ChannelInput<C>) => invoke(id, channel, input) as Promise<Result<ChannelOutput<C>>>;
  return {
    id,
    call,
    async ok<C extends Channel>(channel: C, input: ChannelInput<C>) {
      const r = await call(channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
  };
}

/** The test clock's start: a Sunday morning in late November 2026 (Europe/Warsaw). */
export const TEST_NOW = Date.parse('2026-11-22T09:00:00Z');

export interface TestAppOptions extends Partial<WorkerCoreOptions> {
  settings?: SettingsStore;
  /** The real clock instead of the movable one starting at TEST_NOW. */
  realClock?: boolean;
  /** Where the movable clock starts (default TEST_NOW). */
  clockStart?: number;
}

/**
 * An installation run as the app runs it: the core in its worker thread behind the core host
 * (db/host/host.ts). The test talks to it through sessions (`host.invoke`, like a window),
 * moves its clock, and reads its database through the probe (tests/host/hooks.ts).
 */
export interface TestApp {
  host: CoreHost;
  dataDir: string;
  /** The core's clock; set `now` to move it (the worker sees the change at once). */
  clock: { now: number };
  /** The workstation settings the host keeps (the core's changes land here). */
  settings: SettingsStore;
  /** Synchronous reads (and fixture writes) on the core's open database. */
  sql: ProbeSql;
  probe: CoreProbe;
  fixture: Probe['fixture'];
  /** Progress events the core sent while it ran (backups). */
  events: CoreEvent[];
  session(): TestSession;
  /** Count the session as active now (so a moved clock does not idle-lock it). */
  touch(sessionId: string): void;
  /** Orderly shutdown of the core (logouts audited, database closed, worker ended). */
  close(): Promise<void>;
  /** The app closed and started again on the same data folder and settings, the clock where it was. */
  reopen(): Promise<TestApp>;
}

export function testApp(dataDir: string, opts: TestAppOptions = {}): TestApp {
  const { settings = new MemorySettingsStore(), realClock, clockStart, ...core } = opts;
  const clock = new HostClock(realClock ? undefined : (clockStart ?? TEST_NOW));
  const probe = new Probe();
  const events: CoreEvent[] = [];
  const host = CoreHost.launch({
    workerEntry: testWorkerEntry(),
    core: { dataDir, kdf: TEST_SCRYPT, resources: devResources(), ...core },
    settings,
    clock,
    ...probe.init,
    onEvent: (e) => events.push(e),
    // Surface unexpected errors in test output.
    onInternalError: (place, err) => console.error(`internal error on ${place}:`, err),
  });
  const close = async () => {
    await host.shutdown();
    probe.close();
  };
  return {
    host,
    dataDir,
    clock,
    settings,
    sql: probe.sql,
    probe: probe.core,
    fixture: probe.fixture.bind(probe),
    events,
    session: () => testSession(host.createSession(), (id, channel, input) => host.invoke(id, channel, input)),
    touch: (sessionId) => probe.core.touch(sessionId),
    close,
    async reopen() {
      await close();
      return testApp(dataDir, { ...opts, settings, ...(realClock ? {} : { clockStart: clock.now }) });
    },
  };
}

/**
 * The core in this thread, for the few tests of its internals that need its Node API (a backup
 * with an injected failing file system, crash points, the audit chain's writer). Everything
 * else goes through `testApp`.
 */
export interface InProcessApp {
  core: AsystaCore;
  dispatcher: Dispatcher;
  dataDir: string;
  clock: { now: number };
  session(): TestSession;
  touch(sessionId: string): void;
}

export function inProcessApp(dataDir: string, opts: Partial<CoreOptions> = {}): InProcessApp {
  const clock = { now: TEST_NOW };
  const core = new AsystaCore({
    dataDir,
    settings: new MemorySettingsStore(),
    kdf: TEST_SCRYPT,
    now: () => clock.now,
    resources: devResources(),
    ...opts,
  });
  const dispatcher = createDispatcher(core, {
    onInternalError: (channel, err) => console.error(`internal error on ${channel}:`, err),
  });
  return {
    core,
    dispatcher,
    dataDir,
    clock,
    session: () => testSession(core.createSession(), (id, channel, input) => dispatcher.invoke(id, channel, input)),
    touch: (sessionId) => core.touch(core.session(sessionId)),
  };
}

export const OFFICE = {
  name: 'Gminny Ośrodek Pomocy Społecznej w Grębocinie',
  address: 'ul. Centralna 7',
  postalCode: '87-122',
  place: 'Grębocin',
  gmina: 'Lubicz',
  headName: 'Żaneta Wójcik-Łęcka',
  phone: '56 678 12 34',
  email: 'gops@grebocin.example.pl',
};

export const ADMIN = { fullName: 'Żaneta Wójcik-Łęcka', login: 'admin', password: 'Kierowniczka2026' };

/** A set-up installation with the administrator logged in on a fresh session. */
export async function setUpOffice(app: Pick<TestApp, 'session'>): Promise<{ admin: TestSession; recoveryKey: string }> {
  const s = app.session();
  const { recoveryKey } = await s.ok('setup:initialize', { office: OFFICE, admin: ADMIN });
  await s.ok('auth:login', { login: ADMIN.login, password: ADMIN.password });
  return { admin: s, recoveryKey };
}

/** Every file in the folder (recursively), for plaintext scans. */
export function allFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...allFiles(p));
    else out.push(p);
  }
  return out;
}

/** Files in `dir` that contain any of `needles` (UTF-8 and UTF-16LE), with what they contain. */
export function plaintextHits(dir: string, needles: string[]): Array<{ file: string; needle: string }> {
  const hits: Array<{ file: string; needle: string }> = [];
  for (const file of allFiles(dir)) {
    const buf = readFileSync(file);
    for (const n of needles) {
      if (buf.includes(Buffer.from(n, 'utf8')) || buf.includes(Buffer.from(n, 'utf16le'))) hits.push({ file, needle: n });
    }
  }
  return hits;
}
