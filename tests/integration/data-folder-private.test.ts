/**
 * Issue 15, item 5: the data folder is private to the account running Asysta — on POSIX the
 * folder 0700 and every file in it 0600 (asysta.db and its -wal and -shm included, which SQLite
 * would otherwise create 0644), for a new installation, an older one opened again, and a
 * restore. (Windows has no POSIX modes; there the folder's place in the user's profile gives the
 * same — see db/private.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, removeDir, setUpOffice, tempDir, testApp, type TestApp } from '../helpers';

const mode = (p: string) => statSync(p).mode & 0o777;

let dir: string;
let apps: TestApp[];
let umask: number;

beforeEach(() => {
  dir = tempDir();
  apps = [];
  // The usual default: without care, new files would be 0644 and folders 0755.
  umask = process.umask(0o022);
});

afterEach(async () => {
  for (const a of apps) await a.close();
  process.umask(umask);
  removeDir(dir);
});

function start(sub: string): TestApp {
  const a = testApp(join(dir, sub));
  apps.push(a);
  return a;
}

/** Every file and folder of the data folder with its mode (work folders left by nothing). */
function modes(dataDir: string): Record<string, string> {
  const out: Record<string, string> = { '.': mode(dataDir).toString(8) };
  for (const n of readdirSync(dataDir)) out[n] = mode(join(dataDir, n)).toString(8);
  return out;
}

describe.runIf(process.platform !== 'win32')('the data folder is private to the account (POSIX modes)', () => {
  it('a new installation: the folder 0700, the database with its -wal and -shm and every other file 0600', async () => {
    const a = start('dane');
    const { admin } = await setUpOffice(a);
    await a.session().call('auth:login', { login: 'admin', password: 'zle-haslo' }); // auth-state.json
    await admin.ok('users:create', { fullName: 'Nowa Osoba', login: 'nowa', role: 'assistant', password: 'Asystent2026', personalLimit: null });
    const m = modes(a.dataDir);
    expect(Object.keys(m)).toEqual(expect.arrayContaining(['asysta.db', 'asysta.db-wal', 'asysta.db-shm', 'keys.json', 'auth-state.json']));
    for (const [name, value] of Object.entries(m)) expect(value, name).toBe(name === '.' ? '700' : '600');
  });

  it('an installation made before this (0755 folder, 0644 files) is made private when it is opened again', async () => {
    const a = start('dane');
    await setUpOffice(a);
    await a.close();
    chmodSync(a.dataDir, 0o755);
    for (const n of readdirSync(a.dataDir)) chmodSync(join(a.dataDir, n), 0o644);
    const again = start('dane');
    const s = again.session();
    await s.ok('auth:login', { login: 'admin', password: ADMIN.password });
    const m = modes(again.dataDir);
    for (const [name, value] of Object.entries(m)) expect(value, name).toBe(name === '.' ? '700' : '600');
  });

  it('data restored from a backup into a new folder is private too', async () => {
    const a = start('dane');
    const { admin, recoveryKey } = await setUpOffice(a);
    const usb = join(dir, 'USB');
    mkdirSync(usb);
    const made = await admin.ok('backup:create', { folder: usb });
    expect(mode(made.file).toString(8)).toBe('600');
    const fresh = start('nowy');
    const restored = await fresh.session().ok('backup:restore', { file: made.file, secret: { recoveryKey } });
    expect(restored.status).toBe('restored');
    await fresh.session().ok('auth:login', { login: 'admin', password: ADMIN.password });
    expect(existsSync(join(fresh.dataDir, 'asysta.db-wal'))).toBe(true);
    for (const [name, value] of Object.entries(modes(fresh.dataDir))) expect(value, name).toBe(name === '.' ? '700' : '600');
  });
});
