/**
 * One writer per data folder, with a lock that dies with its process. On Windows, shutting down
 * or logging off can end Asysta without `will-quit`; at the next start the lock's owner is gone
 * (its PID may even belong to another program by then) and the folder must open. A process that
 * is alive and holds the folder still keeps everyone else out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, LOCK_FILE } from '../../db/lockfile';
import { repoRoot } from '../../build/dev-resources';
import { ADMIN, failure, removeDir, setUpOffice, tempDir, testApp } from '../helpers';

let dir: string;
let children: ChildProcess[];
beforeEach(() => {
  dir = tempDir();
  children = [];
});
afterEach(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  removeDir(dir);
});

/** Another process (a second Asysta, a CLI tool) that takes the folder's lock and keeps running. */
async function holder(): Promise<ChildProcess> {
  const code = `import { acquireDataDirLock } from ${JSON.stringify(join(repoRoot(), 'db/lockfile.ts'))};
    acquireDataDirLock(${JSON.stringify(dir)});
    process.stdout.write('locked ' + process.pid + '\\n');
    process.stdin.on('data', () => process.exit(0));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: repoRoot(), stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.on('exit', (c) => reject(new Error(`lock holder exited early with ${c}`)));
  });
  return child;
}

const exited = (c: ChildProcess) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));

async function loginCode(): Promise<string | null> {
  const app = testApp(dir);
  try {
    const r = await app.session().call('auth:login', { login: ADMIN.login, password: ADMIN.password });
    return r.ok ? null : failure(r).code;
  } finally {
    await app.close();
  }
}

describe('the data folder lock', () => {
  beforeEach(async () => {
    const a = testApp(dir);
    await setUpOffice(a);
    await a.close();
  });

  it('a live process holding the folder keeps the app out (DB_LOCKED_BY_OTHER); once it quits, the app opens', async () => {
    const child = await holder();
    expect(await loginCode()).toBe('DB_LOCKED_BY_OTHER');
    child.stdin!.write('quit\n');
    await exited(child);
    expect(await loginCode()).toBeNull();
  });

  it('a process killed while holding it (Windows shutdown, power cut) leaves no lock behind', async () => {
    const child = await holder();
    child.kill('SIGKILL');
    await exited(child);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    expect(await loginCode()).toBeNull();
  });

  it('a stale lock naming a PID that is now another live program is not "locked"', async () => {
    // The old PID lock format, with the PID of a process that is certainly alive (our parent).
    writeFileSync(join(dir, LOCK_FILE), String(process.ppid));
    expect(await loginCode()).toBeNull();
    // and again after the app replaced it with its own lock and closed
    expect(await loginCode()).toBeNull();
  });

  it('a second core in the same process (a second window or the preview) is kept out until the first closes', async () => {
    const first = testApp(dir);
    await first.session().ok('auth:login', { login: ADMIN.login, password: ADMIN.password });
    expect(await loginCode()).toBe('DB_LOCKED_BY_OTHER');
    await first.close();
    expect(await loginCode()).toBeNull();
  });

  it('release is idempotent and lets the next holder in', () => {
    const a = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrowError(expect.objectContaining({ code: 'DB_LOCKED_BY_OTHER' }));
    a.release();
    a.release();
    acquireDataDirLock(dir).release();
  });
});
