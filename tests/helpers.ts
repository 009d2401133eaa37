/** Test helpers: real encrypted installations in temporary folders. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devResources } from '../build/dev-resources';
import { AsystaCore, type CoreOptions } from '../db/core';
import { TEST_SCRYPT } from '../db/crypto';
import { createDispatcher, type Dispatcher } from '../db/dispatcher';
import { MemorySettingsStore } from '../db/settings';
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

export interface TestApp {
  core: AsystaCore;
  dispatcher: Dispatcher;
  dataDir: string;
  clock: { now: number };
  session(): TestSession;
}

export interface TestSession {
  id: string;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Like call, but throws with the error code when the call fails. */
  ok<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

export function testApp(dataDir: string, opts: Partial<CoreOptions> = {}): TestApp {
  const clock = { now: Date.parse('2026-11-22T09:00:00Z') };
  const core = new AsystaCore({
    dataDir,
    settings: new MemorySettingsStore(),
    kdf: TEST_SCRYPT,
    now: () => clock.now,
    resources: devResources(),
    ...opts,
  });
  const dispatcher = createDispatcher(core, {
    onInternalError: (channel, err) => {
      // Surface unexpected errors in test output.
      console.error(`internal error on ${channel}:`, err);
    },
  });
  return {
    core,
    dispatcher,
    dataDir,
    clock,
    session() {
      const id = core.createSession();
      const call = <C extends Channel>(channel: C, input: ChannelInput<C>) =>
        dispatcher.invoke(id, channel, input) as Promise<Result<ChannelOutput<C>>>;
      return {
        id,
        call,
        async ok<C extends Channel>(channel: C, input: ChannelInput<C>) {
          const r = await call(channel, input);
          if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
          return r.value;
        },
      };
    },
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
export async function setUpOffice(app: TestApp): Promise<{ admin: TestSession; recoveryKey: string }> {
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
