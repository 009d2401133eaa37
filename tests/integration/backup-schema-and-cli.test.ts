import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../db/lockfile';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor } from '../../db/core';
import { createBackup, verifyBackup } from '../../db/backup';
import { newDataKey, newSealKeyPair, TEST_SCRYPT } from '../../db/crypto';
import { Keystore } from '../../db/keystore';
import { journalEntries, openDatabase, schemaVersion } from '../../db/open';
import { insertFamilies } from '../../db/repos/families';
import { generateFamilies } from '../../db/demo/generate';
import { ADMIN, failure, OFFICE, removeDir, setUpOffice, tempDir, inProcessApp } from '../helpers';
import { devResources } from '../../build/dev-resources';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = { login: 'admin', password: ADMIN.password };
let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

/** The migrations folder of the previous app version (without the newest migration). */
function previousMigrations(): string {
  const prev = join(dir, 'migrations-prev');
  mkdirSync(join(prev, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(devResources().migrationsFolder, 'meta', '_journal.json'), 'utf8'));
  const older = journalEntries(devResources().migrationsFolder).slice(0, -1);
  for (const e of older) cpSync(join(devResources().migrationsFolder, `${e.tag}.sql`), join(prev, `${e.tag}.sql`));
  writeFileSync(join(prev, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }));
  return prev;
}

describe('schema versions', () => {
  it('a backup made by the previous app version is migrated forward on restore', async () => {
    // The previous version's installation, built with its migrations and its own SQL (today's
    // core writes columns the old schema does not have).
    const prev = previousMigrations();
    const oldDir = join(dir, 'old');
    mkdirSync(oldDir);
    const dataKey = newDataKey();
    const ks = Keystore.create(oldDir, newSealKeyPair().publicKeyPem, TEST_SCRYPT);
    ks.initialise([await ks.prepareUserSlot('u-admin', 'admin', ADMIN.password, dataKey)]);
    const old = openDatabase(join(oldDir, 'asysta.db'), dataKey, { migrationsFolder: prev });
    old.sqlite.prepare(`INSERT INTO office (id, name, address, postal_code, place, gmina, head_name, updated_at) VALUES (1, ?, 'ul. Polna 1', '87-122', 'Grębocin', 'Lubicz', 'Ola Źdźbło', 'x')`).run(OFFICE.name);
    old.sqlite.prepare(`INSERT INTO users (id, login, full_name, role, active, created_at, updated_at) VALUES ('u-admin', 'admin', 'Ola Źdźbło', 'admin', 1, 'x', 'x')`).run();
    const known = journalEntries(devResources().migrationsFolder).length;
    expect(schemaVersion(old.sqlite)).toBe(known - 1);
    const usb = join(dir, 'USB');
    mkdirSync(usb);
    const made = await createBackup({
      sqlite: old.sqlite,
      dataKey,
      keystore: ks.snapshot(),
      out: { folder: usb },
      workBase: oldDir,
      createdBy: 'admin',
      appVersion: '0.0.9',
      now: new Date('2026-10-01T08:00:00Z'),
      keepCount: 10,
    });
    old.sqlite.close();
    expect(made.schemaVersion).toBe(known - 1);

    const b = inProcessApp(join(dir, 'new'));
    const r = await b.session().ok('backup:restore', { file: made.file, secret: SECRET });
    expect(r).toMatchObject({ status: 'restored', schemaVersion: known, backup: { schemaVersion: known - 1, appVersion: '0.0.9' } });
    const s = b.session();
    await s.ok('auth:login', { login: 'admin', password: ADMIN.password });
    expect(schemaVersion(b.core.requireDb().sqlite)).toBe(known);
    expect(b.core.requireDb().sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect((await s.ok('users:list', {}))[0]).toMatchObject({ login: 'admin', fullName: 'Ola Źdźbło' });
    expect((await s.ok('audit:list', { action: 'backup.restored' })).items[0]?.details).toMatchObject({
      schemaVersionInBackup: known - 1,
      schemaVersionNow: known,
    });
    b.core.shutdown();
  });

  it('a backup from a newer app version is refused with a clear message, and nothing is written', async () => {
    const a = inProcessApp(join(dir, 'data'));
    const { admin } = await setUpOffice(a);
    a.core.requireDb().sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() * 2);
    const usb = join(dir, 'USB');
    mkdirSync(usb);
    const made = await admin.ok('backup:create', { folder: usb });
    a.core.shutdown();
    expect((await verifyBackup(made.file, SECRET, { migrationsFolder: devResources().migrationsFolder })).restorable).toBe(false);
    const b = inProcessApp(join(dir, 'new'));
    const r = await b.session().call('backup:restore', { file: made.file, secret: SECRET });
    expect(failure(r)).toMatchObject({ code: 'BACKUP_FROM_FUTURE', message: expect.stringMatching(/nowszej wersji/) });
    // Nothing but the (empty, data-free) lock file the restore took (db/lockfile.ts).
    expect(readdirSync(b.dataDir).filter((n) => n !== LOCK_FILE)).toEqual([]);
  });
});

/** Runs one of the npm CLIs (through tsx) with `stdin` as the secret. */
function cli(script: string, args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'db/cli', script), ...args], { cwd: root, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('command-line tools for support staff', () => {
  it('backup, verify-backup and restore: JSON on success, exit 0; a one-line error and non-zero otherwise', async () => {
    const a = inProcessApp(join(dir, 'data'));
    const { admin, recoveryKey } = await setUpOffice(a);
    insertFamilies(a.core.requireDb().sqlite, generateFamilies(25, { seed: 1 }).map((f) => ({ ...f, assistantId: null })), '2026-11-20T10:00:00.000Z');
    void admin;
    a.core.shutdown();
    const usb = join(dir, 'USB');
    mkdirSync(usb);

    const b = await cli('backup.ts', ['--data-dir', join(dir, 'data'), '--out', usb, '--login', 'admin', '--secret-stdin'], ADMIN.password);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    const made = JSON.parse(b.stdout.trim()) as { file: string; counts: { families: number } };
    expect(made.counts.families).toBe(25);

    const v = await cli('verify-backup.ts', ['--file', made.file, '--recovery-key', '--secret-stdin'], `${recoveryKey}\n`);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout.trim())).toMatchObject({ ok: true, counts: { families: 25 }, restorable: true });

    const wrong = await cli('verify-backup.ts', ['--file', made.file, '--login', 'admin', '--secret-stdin'], 'ZleHaslo');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).toMatch(/BACKUP_WRONG_SECRET/);

    const target = join(dir, 'nowy-komputer');
    const r = await cli('restore.ts', ['--file', made.file, '--data-dir', target, '--recovery-key', '--secret-stdin'], recoveryKey);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ ok: true, status: 'restored' });
    const c = inProcessApp(target);
    await c.session().ok('auth:login', { login: 'admin', password: ADMIN.password });
    expect((c.core.requireDb().sqlite.prepare('SELECT count(*) AS n FROM families').get() as { n: number }).n).toBe(25);

    // Restoring over an installation with newer changes needs --yes.
    const actor: Actor = { user: (await c.session().ok('auth:login', { login: 'admin', password: ADMIN.password })).user, sessionId: 'x' };
    c.clock.now = Date.now() + 3_600_000;
    await c.core.createAccount(actor, { fullName: 'Ewa Późna', login: 'epozna', role: 'assistant', password: 'Asystent2026' });
    c.core.shutdown();
    const again = await cli('restore.ts', ['--file', made.file, '--data-dir', target, '--login', 'admin', '--secret-stdin'], ADMIN.password);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/--yes/);
    const yes = await cli('restore.ts', ['--file', made.file, '--data-dir', target, '--login', 'admin', '--secret-stdin', '--yes'], ADMIN.password);
    expect(yes.code).toBe(0);
    expect(readdirSync(target).some((n) => n.startsWith('before-restore-'))).toBe(true);

    const missing = await cli('backup.ts', ['--data-dir', join(dir, 'data'), '--out', join(dir, 'brak'), '--secret-stdin'], ADMIN.password);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/TARGET_REMOVED/);
  }, 120_000);

  it('npm run backup with --recovery-key: exit 0, one JSON line, the file verifies; audited as a tool login by the recovery key', async () => {
    const a = inProcessApp(join(dir, 'data'));
    const { recoveryKey } = await setUpOffice(a);
    insertFamilies(a.core.requireDb().sqlite, generateFamilies(12, { seed: 2 }).map((f) => ({ ...f, assistantId: null })), '2026-11-20T10:00:00.000Z');
    a.core.shutdown();
    const usb = join(dir, 'USB');
    mkdirSync(usb);

    const b = await cli('backup.ts', ['--data-dir', join(dir, 'data'), '--out', usb, '--recovery-key', '--secret-stdin'], `${recoveryKey}\n`);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(b.stdout.trim().split('\n')).toHaveLength(1);
    const made = JSON.parse(b.stdout.trim()) as { ok: boolean; file: string; name: string; counts: { families: number } };
    expect(made).toMatchObject({ ok: true, counts: { families: 12 } });
    expect(readdirSync(usb)).toEqual([made.name]);
    expect(await verifyBackup(made.file, { recoveryKey }, { migrationsFolder: devResources().migrationsFolder })).toMatchObject({ counts: { families: 12 }, createdBy: 'klucz-odzyskiwania', restorable: true });
    expect((await verifyBackup(made.file, SECRET, { migrationsFolder: devResources().migrationsFolder })).counts.families).toBe(12);

    const c = inProcessApp(join(dir, 'data'));
    const s = c.session();
    await s.ok('auth:login', { login: ADMIN.login, password: ADMIN.password });
    expect((await s.ok('audit:list', { action: 'auth.tool_login' })).items).toMatchObject([
      { userId: 'recovery-key', userLogin: 'klucz-odzyskiwania', details: { via: 'recovery-key' } },
    ]);
    expect((await s.ok('audit:list', { action: 'backup.created' })).items[0]).toMatchObject({ userLogin: 'klucz-odzyskiwania' });
    c.core.shutdown();

    // A wrong key: a one-line error, non-zero, nothing written. Both --login and --recovery-key: usage.
    const wrong = await cli('backup.ts', ['--data-dir', join(dir, 'data'), '--out', usb, '--recovery-key', '--secret-stdin'], 'AAAA-BBBB-CCCC-DDDD');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).toMatch(/WRONG_RECOVERY_KEY/);
    expect(readdirSync(usb)).toEqual([made.name]);
    const both = await cli('backup.ts', ['--data-dir', join(dir, 'data'), '--out', usb, '--login', 'admin', '--recovery-key', '--secret-stdin'], recoveryKey);
    expect(both.code).toBe(2);
  }, 120_000);
});
