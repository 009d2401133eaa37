import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyBackup } from '../../db/backup';
import { insertFamilies } from '../../db/repos/families';
import { generateFamilies } from '../../db/demo/generate';
import { ADMIN, removeDir, setUpOffice, tempDir, inProcessApp } from '../helpers';
import { devResources } from '../../build/dev-resources';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = { login: 'admin', password: ADMIN.password };
let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

/** Runs a backup or restore in a child process that SIGKILLs itself at `point`. */
async function runChild(dataDir: string, point: string, op: string): Promise<NodeJS.Signals | number | null> {
  const script = join(dir, `child-${Math.random().toString(36).slice(2)}.mts`);
  writeFileSync(
    script,
    `import { inProcessApp, ADMIN } from ${JSON.stringify(join(root, 'tests/helpers.ts'))};
     const app = inProcessApp(${JSON.stringify(dataDir)});
     const s = app.session();
     const user = await s.ok('auth:login', { login: ADMIN.login, password: ADMIN.password });
     const actor = { user: user.user, sessionId: s.id };
     ${op}
     process.stdout.write('finished\\n');
     app.core.shutdown();`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ASYSTA_CRASH_AT: point },
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
}

async function installation(sub: string, families: number) {
  const a = inProcessApp(join(dir, sub));
  const { admin } = await setUpOffice(a);
  insertFamilies(a.core.requireDb().sqlite, generateFamilies(families, { seed: 5 }).map((f) => ({ ...f, assistantId: null })), '2026-11-20T10:00:00.000Z');
  return { a, admin };
}

/** Open the folder as the app would at the next start and describe what it holds. */
async function nextStart(dataDir: string) {
  const a = inProcessApp(dataDir);
  try {
    const s = a.session();
    await s.ok('auth:login', { login: ADMIN.login, password: ADMIN.password });
    const { sqlite } = a.core.requireDb();
    const logins = (await s.ok('users:list', {})).map((u) => u.login).sort();
    const integrity = sqlite.pragma('integrity_check');
    const families = (sqlite.prepare('SELECT count(*) AS c FROM families').get() as { c: number }).c;
    a.core.shutdown();
    // The key file matches the database: every account listed can log in.
    const nowy = await a.session().call('auth:login', { login: 'nowy', password: 'Asystent2026' });
    return { logins, integrity, families, nowyCanLogIn: nowy.ok, leftovers: readdirSync(dataDir).filter((n) => n.startsWith('.asysta-') || n === 'restore-journal.json') };
  } finally {
    a.core.shutdown();
  }
}

describe('the app is killed (SIGKILL) during a backup', () => {
  it('at each step: the live data is complete; the stick holds only complete backups (a .partial never looks valid)', async () => {
    const { a } = await installation('data', 300);
    a.core.shutdown();
    const usb = join(dir, 'USB');
    mkdirSync(usb);
    const points = ['backup:snapshot', 'backup:writing', 'backup:written', 'backup:renamed', 'backup:verified'];
    for (const point of points) {
      const out = await runChild(join(dir, 'data'), point, `await app.core.createBackup(actor, { folder: ${JSON.stringify(usb)}, chunkBytes: 16384 });`);
      expect(out, point).toBe('SIGKILL');
      const state = await nextStart(join(dir, 'data'));
      expect(state, point).toMatchObject({ integrity: [{ integrity_check: 'ok' }], families: 300, leftovers: [] });
      for (const name of readdirSync(usb).filter((n) => n.endsWith('.asysta-backup'))) {
        // Whatever carries the real name is complete and verifies.
        expect((await verifyBackup(join(usb, name), SECRET, { migrationsFolder: devResources().migrationsFolder })).counts.families, `${point} ${name}`).toBe(300);
      }
    }
    // The interrupted partials are cleaned up by the next successful backup.
    const done = await runChild(join(dir, 'data'), 'none', `await app.core.createBackup(actor, { folder: ${JSON.stringify(usb)} });`);
    expect(done).toBe(0);
    expect(readdirSync(usb).filter((n) => n.endsWith('.partial'))).toEqual([]);
  }, 120_000);
});

describe('the app is killed (SIGKILL) during a restore', () => {
  it('at each step the next start finds the old state or the new state, complete, integrity_check ok', async () => {
    // Old state: 120 families and an extra account `nowy`; the backup has 50 families and no `nowy`.
    const { a, admin } = await installation('data', 50);
    const usb = join(dir, 'USB');
    mkdirSync(usb);
    const made = await admin.ok('backup:create', { folder: usb });
    await admin.ok('users:create', { fullName: 'Nowy Asystent', login: 'nowy', role: 'assistant', password: 'Asystent2026' });
    insertFamilies(a.core.requireDb().sqlite, generateFamilies(70, { seed: 99 }).map((f) => ({ ...f, assistantId: null })), '2026-11-21T10:00:00.000Z');
    a.core.shutdown();

    const OLD = { logins: ['admin', 'nowy'], families: 120, nowyCanLogIn: true };
    const NEW = { logins: ['admin'], families: 50, nowyCanLogIn: false };
    const expected: Record<string, typeof OLD> = {
      'restore:extracted': OLD,
      'restore:journal': OLD,
      'restore:moving-aside': OLD,
      'restore:aside': OLD,
      'restore:moved-in': OLD,
      'restore:opened': OLD,
      'restore:swapped': NEW,
    };
    const op = `await app.core.restoreBackup(actor, { file: ${JSON.stringify(made.file)}, secret: ${JSON.stringify(SECRET)}, confirm: true });`;
    await Promise.all(
      Object.entries(expected).map(async ([point, want]) => {
        const copy = join(dir, `copy-${point.replace(/\W/g, '-')}`);
        cpSync(join(dir, 'data'), copy, { recursive: true });
        expect(await runChild(copy, point, op), point).toBe('SIGKILL');
        const state = await nextStart(copy);
        expect(state, point).toMatchObject({ ...want, integrity: [{ integrity_check: 'ok' }], leftovers: [] });
      }),
    );
  }, 120_000);

  it('into a fresh folder: killed before the swap completed leaves no installation; after it, a complete one', async () => {
    const { a, admin } = await installation('data', 20);
    const usb = join(dir, 'USB');
    mkdirSync(usb);
    const made = await admin.ok('backup:create', { folder: usb });
    a.core.shutdown();
    const script = (target: string) => `
      import { inProcessApp } from ${JSON.stringify(join(root, 'tests/helpers.ts'))};
      const app = inProcessApp(${JSON.stringify(target)});
      await app.core.restoreBackup(null, { file: ${JSON.stringify(made.file)}, secret: ${JSON.stringify(SECRET)} });`;
    for (const [point, setUp] of [['restore:moved-in', false], ['restore:swapped', true]] as const) {
      const target = join(dir, `fresh-${point.replace(/\W/g, '-')}`);
      const file = join(dir, `fresh-child-${setUp}.mts`);
      writeFileSync(file, script(target));
      const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: root, stdio: 'inherit', env: { ...process.env, ASYSTA_CRASH_AT: point } });
      expect(await new Promise((r) => child.on('exit', (c, s) => r(s ?? c)))).toBe('SIGKILL');
      const b = inProcessApp(target);
      expect(b.core.isSetUp(), point).toBe(setUp);
      expect(existsSync(join(target, 'restore-journal.json'))).toBe(false);
      if (setUp) expect((await nextStart(target)).families).toBe(20);
      // Only the dead process's lock file remains (taken over at the next open).
      else expect(readdirSync(target).filter((n) => n !== '.asysta.lock')).toEqual([]);
      b.core.shutdown();
    }
  }, 120_000);
});
