import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN, OFFICE, removeDir, setUpOffice, tempDir, testApp } from '../helpers';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

// The data folder lock (a live holder, a killed holder, a reused PID): tests/integration/lockfile.test.ts.

describe('a committed change survives the app being killed', () => {
  it('SIGKILL right after a commit: on reopen the change is there and integrity_check is ok', async () => {
    const script = join(dir, 'child.mts');
    writeFileSync(
      script,
      `import { testApp, setUpOffice } from ${JSON.stringify(join(root, 'tests/helpers.ts'))};
       const app = testApp(${JSON.stringify(dir)});
       const { admin } = await setUpOffice(app);
       await admin.ok('users:create', { fullName: 'Zdzisław Kęsy', login: 'zkesy', role: 'assistant', password: 'Asystent2026' });
       process.stdout.write('committed\\n');
       setInterval(() => {}, 1000);`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('committed') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));

    const app = testApp(dir);
    const s = app.session();
    await s.ok('auth:login', { login: ADMIN.login, password: ADMIN.password });
    expect((await s.ok('users:list', {})).map((u) => u.login)).toContain('zkesy');
    const sqlite = app.sql;
    expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    // The new account's key slot was written durably too.
    await app.session().ok('auth:login', { login: 'zkesy', password: 'Asystent2026' });
    await app.close();
  });
});

describe('setup never destroys data', () => {
  it('a database left without its key file is moved aside, not deleted, when the office sets up again', async () => {
    const a = testApp(dir);
    await setUpOffice(a);
    await a.close();
    const { renameSync, readdirSync } = await import('node:fs');
    renameSync(join(dir, 'keys.json'), join(dir, 'keys.json.lost'));
    const b = testApp(dir);
    expect((await b.session().ok('app:status', {})).setupDone).toBe(false);
    await b.session().ok('setup:initialize', { office: OFFICE, admin: ADMIN });
    expect(readdirSync(dir).some((f) => f.startsWith('asysta.db.bez-kluczy-'))).toBe(true);
    await b.close();
  });
});
