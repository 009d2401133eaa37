import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { insertFamilies } from '../../db/repos/families';
import { generateFamilies } from '../../db/demo/generate';
import { verifyBackup } from '../../db/backup';
import { failingFs, setClock } from './backup-fixtures';
import { ADMIN, failure, inProcessApp, OFFICE, plaintextHits, removeDir, setUpOffice, tempDir, testApp, type TestApp, type TestSession } from '../helpers';
import { devResources } from '../../build/dev-resources';

let dir: string;
let apps: TestApp[];
beforeEach(() => {
  dir = tempDir();
  apps = [];
});
afterEach(async () => {
  for (const a of apps) await a.close();
  removeDir(dir);
});

function app(sub: string): TestApp {
  const a = testApp(join(dir, sub));
  apps.push(a);
  return a;
}

/** An office with an assistant account and `n` families (real encrypted files). */
async function seededOffice(n = 30): Promise<{ a: TestApp; admin: TestSession; recoveryKey: string; usb: string }> {
  const a = app('data');
  const { admin, recoveryKey } = await setUpOffice(a);
  await admin.ok('users:create', { fullName: 'Zdzisław Kęsy', login: 'zkesy', role: 'assistant', password: 'Asystent2026' });
  a.fixture('insertFamilies', generateFamilies(n, { seed: 7 }).map((f) => ({ ...f, assistantId: null })), '2026-11-20T10:00:00.000Z');
  const usb = join(dir, 'USB');
  mkdirSync(usb);
  return { a, admin, recoveryKey, usb };
}

function familyNames(a: TestApp): string[] {
  return (a.sql.prepare('SELECT last_name FROM family_members ORDER BY id').all() as Array<{ last_name: string }>).map((r) => r.last_name);
}

describe('backup to a USB folder and restore on a new PC', () => {
  it('round trip: backup, verify, restore into a new folder, log in with the old password, same data; the recovery key works after restore', async () => {
    const { a, admin, recoveryKey, usb } = await seededOffice(40);
    const before = familyNames(a);
    setClock(a, admin, Date.parse('2026-11-22T14:30:00Z'));
    const made = await admin.ok('backup:create', { folder: usb });
    expect(made.name).toMatch(/^asysta-GOPS-Grebocinie-2026-11-22T\d{4}\.asysta-backup$/);
    expect(readdirSync(usb)).toEqual([made.name]);
    expect(made.counts.families).toBe(40);
    expect(statSync(made.file).size).toBe(made.bytes);

    // The stick in the drawer: verify without restoring.
    const info = await admin.ok('backup:verify', { file: made.file, secret: { recoveryKey } });
    expect(info).toMatchObject({ officeName: OFFICE.name, createdAt: '2026-11-22T14:30:00.000Z', createdBy: 'admin', restorable: true });
    expect(info.counts).toMatchObject({ families: 40, users: 2 });

    // A new PC: first-run wizard restores without a session.
    let b = app('new-pc');
    const fresh = b.session();
    const r = await fresh.ok('backup:restore', { file: made.file, secret: { login: 'admin', password: ADMIN.password } });
    expect(r.status).toBe('restored');
    expect(r.status === 'restored' && r.previousDataKeptIn).toBeNull();

    const s = b.session();
    await s.ok('auth:login', { login: ADMIN.login, password: ADMIN.password });
    expect(familyNames(b)).toEqual(before);
    expect((await s.ok('users:list', {})).map((u) => u.login).sort()).toEqual(['admin', 'zkesy']);
    const sqlite = b.sql;
    expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    // The restore is in the restored database's audit log.
    const audit = await s.ok('audit:list', { action: 'backup.restored' });
    expect(audit.items[0]?.details).toMatchObject({ file: made.name });
    b = await b.reopen();
    apps.push(b);

    // The assistant's password from backup time works, and so does the recovery key.
    await b.session().ok('auth:login', { login: 'zkesy', password: 'Asystent2026' });
    b = await b.reopen();
    apps.push(b);
    await b.session().ok('auth:recover', { recoveryKey, login: 'admin', newPassword: 'NoweHaslo2027!' });

    // The original installation recorded the backup and the verification.
    const log = (await admin.ok('audit:list', {})).items.map((e) => e.action);
    expect(log).toEqual(expect.arrayContaining(['backup.created', 'backup.verified']));
  });

  it('the backup file holds no personal data in plaintext, and nothing plaintext is left in the data folder', async () => {
    const { a, admin, usb } = await seededOffice(20);
    const names = (a.sql.prepare('SELECT last_name, pesel FROM family_members WHERE pesel IS NOT NULL LIMIT 5').all() as Array<{ last_name: string; pesel: string }>);
    await admin.ok('backup:create', { folder: usb });
    const needles = [OFFICE.name, 'Grębocin', OFFICE.headName, 'Zdzisław', 'zkesy', 'SQLite format 3', ...names.flatMap((n) => [n.last_name, n.pesel])];
    expect(plaintextHits(usb, needles)).toEqual([]);
    const file = join(usb, readdirSync(usb)[0]!);
    expect(readFileSync(file).subarray(0, 8).toString('latin1')).toBe('ASYSTABK');
    // No work or staging folders remain in the data folder.
    expect(readdirSync(a.dataDir).filter((n) => n.startsWith('.asysta-'))).toEqual([]);
  });

  it('keeps the last N backups in the folder and deletes older ones only after the new one verified', async () => {
    const { a, admin, usb } = await seededOffice(5);
    await admin.ok('backup:updateSettings', { keepCount: 3, reminderDays: 7, roles: [] });
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      setClock(a, admin, Date.parse(`2026-11-2${i}T10:00:00Z`));
      made.push((await admin.ok('backup:create', { folder: usb })).name);
    }
    expect(readdirSync(usb).sort()).toEqual(made.slice(2).sort());
  });

  it('a failing backup (the stick is full) deletes none of the kept ones (core API with a failing file system)', async () => {
    const a = inProcessApp(join(dir, 'in-process'));
    const { admin } = await setUpOffice(a);
    const usb = join(dir, 'USB');
    mkdirSync(usb);
    await admin.ok('backup:updateSettings', { keepCount: 3, reminderDays: 7, roles: [] });
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      setClock(a, admin, Date.parse(`2026-11-2${i}T10:00:00Z`));
      made.push((await admin.ok('backup:create', { folder: usb })).name);
    }
    setClock(a, admin, Date.parse('2026-11-27T10:00:00Z'));
    const err = await a.core
      .createBackup({ user: (await admin.ok('app:status', {})).user!, sessionId: admin.id }, {
        folder: usb,
        fs: failingFs('ENOSPC', 10_000),
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DISK_FULL' });
    expect(readdirSync(usb).sort()).toEqual(made.sort());
    a.core.shutdown();
  });

  it('status: reminder due when never backed up or older than the configured days; changes since the last backup', async () => {
    const { a, admin, usb } = await seededOffice(3);
    let st = await admin.ok('backup:status', {});
    expect(st).toMatchObject({ lastVerifiedBackupAt: null, reminderDue: true, changesSinceLastBackup: true, keepCount: 10, reminderDays: 7, canCreate: true });
    expect(a.probe.auditAnchors()).toEqual([]);
    await admin.ok('backup:create', { folder: usb });
    st = await admin.ok('backup:status', {});
    expect(st).toMatchObject({ reminderDue: false, changesSinceLastBackup: false, lastBackupFolder: usb });
    // The audit chain's head at backup time is kept on this workstation as an anchor.
    const [anchor] = a.probe.auditAnchors();
    expect(a.sql.prepare('SELECT hash FROM audit_log WHERE id = ?').get(anchor!.id)).toEqual({ hash: anchor!.hash });
    setClock(a, admin, a.clock.now + 8 * 86_400_000);
    await admin.ok('users:create', { fullName: 'Ola Nowa', login: 'onowa', role: 'social_worker', password: 'Pracownik2026' });
    st = await admin.ok('backup:status', {});
    expect(st).toMatchObject({ reminderDue: true, changesSinceLastBackup: true });
  });

  it('other roles make backups only when the office allows it', async () => {
    const { admin, usb } = await seededOffice(2);
    const { a } = { a: apps[0]! };
    const assistant = a.session();
    await assistant.ok('auth:login', { login: 'zkesy', password: 'Asystent2026' });
    const r = await assistant.call('backup:create', { folder: usb });
    expect(failure(r).code).toBe('FORBIDDEN');
    await admin.ok('backup:updateSettings', { keepCount: 10, reminderDays: 7, roles: ['assistant'] });
    expect((await assistant.ok('backup:create', { folder: usb })).counts.families).toBe(2);
    // Restore stays with the administrator.
    const rr = await assistant.call('backup:restore', { file: join(usb, readdirSync(usb)[0]!), secret: { login: 'zkesy', password: 'Asystent2026' } });
    expect(failure(rr).code).toBe('FORBIDDEN');
  });

  it('progress reaches the host as events (snapshot, write, verify, prune), then the backup is finished', async () => {
    const { a, admin, usb } = await seededOffice(300);
    await admin.ok('backup:create', { folder: usb });
    const mine = a.events.filter((e) => e.sessionId === admin.id);
    const phases = [...new Set(mine.flatMap((e) => (e.kind === 'backup:progress' ? [e.progress.phase] : [])))];
    expect(phases).toEqual(['snapshot', 'write', 'verify', 'prune']);
    expect(mine.at(-1)).toEqual({ kind: 'backup:finished', sessionId: admin.id });
  });

  it('a cancel midway leaves nothing that looks like a backup (core API with a chunk hook)', async () => {
    const a = inProcessApp(join(dir, 'in-process'));
    const { admin } = await setUpOffice(a);
    insertFamilies(a.core.requireDb().sqlite, generateFamilies(300, { seed: 7 }).map((f) => ({ ...f, assistantId: null })), '2026-11-20T10:00:00.000Z');
    const usb = join(dir, 'USB');
    mkdirSync(usb);
    const actor = { user: (await admin.ok('app:status', {})).user!, sessionId: admin.id };
    await a.core.createBackup(actor, { folder: usb, chunkBytes: 16 * 1024 });
    const before = readdirSync(usb);

    const ctl = new AbortController();
    setClock(a, admin, a.clock.now + 60_000);
    const err = await a.core
      .createBackup(actor, { folder: usb, chunkBytes: 16 * 1024, signal: ctl.signal, afterChunk: (i) => void (i === 3 && ctl.abort()) })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BACKUP_CANCELLED' });
    expect(readdirSync(usb)).toEqual(before);
    expect(await verifyBackup(join(usb, before[0]!), { login: 'admin', password: ADMIN.password }, { migrationsFolder: devResources().migrationsFolder })).toMatchObject({ restorable: true });
    a.core.shutdown();
  });
});
