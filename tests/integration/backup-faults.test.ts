import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../db/lockfile';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../../db/core';
import { insertFamilies } from '../../db/repos/families';
import { generateFamilies } from '../../db/demo/generate';
import { nodeTargetFs, verifyBackup, type TargetFs } from '../../db/backup';
import { ERROR_MESSAGES } from '../../shared/errors';
import { ADMIN, failure, removeDir, setUpOffice, tempDir, inProcessApp, type InProcessApp } from '../helpers';
import { failingFs } from './backup-fixtures';
import { devResources } from '../../build/dev-resources';

let dir: string;
let apps: InProcessApp[];
beforeEach(() => {
  dir = tempDir();
  apps = [];
});
afterEach(() => {
  for (const a of apps) a.core.shutdown();
  removeDir(dir);
});

const SECRET = { login: 'admin', password: ADMIN.password };
const CHUNK = 16 * 1024;

function app(sub: string): InProcessApp {
  const a = inProcessApp(join(dir, sub));
  apps.push(a);
  return a;
}

async function office(n: number) {
  const a = app('data');
  const { admin, recoveryKey } = await setUpOffice(a);
  insertFamilies(a.core.requireDb().sqlite, generateFamilies(n, { seed: 3 }).map((f) => ({ ...f, assistantId: null })), '2026-11-20T10:00:00.000Z');
  const usb = join(dir, 'USB');
  mkdirSync(usb);
  const actor: Actor = { user: (await admin.ok('app:status', {})).user!, sessionId: admin.id };
  return { a, admin, recoveryKey, usb, actor };
}

function liveState(a: InProcessApp) {
  const { sqlite } = a.core.requireDb();
  return {
    integrity: sqlite.pragma('integrity_check'),
    families: (sqlite.prepare('SELECT count(*) AS c FROM families').get() as { c: number }).c,
  };
}

describe('the stick is pulled or full while the backup is written', () => {
  const cases: Array<[string, string, string]> = [
    ['EIO after 40 KiB (stick pulled)', 'EIO', 'TARGET_REMOVED'],
    ['ENOENT after 40 KiB (folder gone)', 'ENOENT', 'TARGET_REMOVED'],
    ['ENODEV after 40 KiB (device gone)', 'ENODEV', 'TARGET_REMOVED'],
    ['ENOSPC after 40 KiB (disk full)', 'ENOSPC', 'DISK_FULL'],
    ['EROFS (read-only stick)', 'EROFS', 'TARGET_NOT_WRITABLE'],
  ];
  for (const [label, errno, code] of cases) {
    it(`${label}: Polish error ${code}, live data untouched, earlier backup intact, no valid-looking partial`, async () => {
      const { a, admin, usb, actor } = await office(200);
      const earlier = await admin.ok('backup:create', { folder: usb });
      const before = liveState(a);
      a.clock.now += 60_000;
      const err = await a.core.createBackup(actor, { folder: usb, chunkBytes: CHUNK, fs: failingFs(errno, 40 * 1024) }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code, message: ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES] });
      expect(readdirSync(usb)).toEqual([earlier.name]);
      expect(liveState(a)).toEqual(before);
      expect((await verifyBackup(earlier.file, SECRET, { migrationsFolder: devResources().migrationsFolder })).counts.families).toBe(200);
      // The failure is in the audit log; the status still shows the earlier backup.
      expect((await admin.ok('audit:list', { action: 'backup.failed' })).items[0]?.details).toMatchObject({ code });
      expect((await admin.ok('backup:status', {})).lastVerifiedBackupAt).toBe(earlier.createdAt);
    });
  }

  it('the whole folder is removed mid-write (real file system): TARGET_REMOVED and the live database untouched', async () => {
    const { a, usb, actor } = await office(200);
    const before = liveState(a);
    const err = await a.core
      .createBackup(actor, { folder: usb, chunkBytes: CHUNK, afterChunk: (i) => void (i === 2 && rmSync(usb, { recursive: true, force: true })) })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'TARGET_REMOVED' });
    expect(liveState(a)).toEqual(before);
  });

  // Root (as CI runs) ignores folder permissions, so there the OS refusal is injected where the
  // file is created — the same error objects open(2) gives (EACCES on Linux, EPERM often on
  // Windows); as a normal user the folder really is made read-only as well.
  it('a folder where no file may be created (permissions): TARGET_NOT_WRITABLE, nothing written, live data untouched', async () => {
    const { usb, a, actor } = await office(5);
    const before = liveState(a);
    for (const errno of ['EACCES', 'EPERM']) {
      const refusingFs: TargetFs = {
        ...nodeTargetFs,
        openForWrite: async (path) => {
          throw Object.assign(new Error(`${errno}: permission denied, open '${path}'`), { code: errno, syscall: 'open', path });
        },
      };
      const err = await a.core.createBackup(actor, { folder: usb, fs: refusingFs }).catch((e: unknown) => e);
      expect(err, errno).toMatchObject({ code: 'TARGET_NOT_WRITABLE', message: ERROR_MESSAGES.TARGET_NOT_WRITABLE });
    }
    if (process.getuid?.() !== 0 && process.platform !== 'win32') {
      chmodSync(usb, 0o500);
      try {
        const err = await a.core.createBackup(actor, { folder: usb }).catch((e: unknown) => e);
        expect(err).toMatchObject({ code: 'TARGET_NOT_WRITABLE' });
      } finally {
        chmodSync(usb, 0o700);
      }
    }
    expect(readdirSync(usb)).toEqual([]);
    expect(liveState(a)).toEqual(before);
  });

  it('a folder that does not exist (stick not plugged in) is refused before anything is written', async () => {
    const { a, actor } = await office(1);
    const err = await a.core.createBackup(actor, { folder: join(dir, 'E:', 'Kopie') }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'TARGET_REMOVED' });
  });
});

describe('a damaged, truncated or wrongly unlocked backup is refused, saying which, never half-restored', () => {
  async function damagedFixture() {
    const { a, admin, recoveryKey, usb, actor } = await office(300);
    const made = await a.core.createBackup(actor, { folder: usb, chunkBytes: CHUNK });
    const good = readFileSync(made.file);
    const headerEnd = 14 + good.readUInt32BE(10) + 32;
    return { a, admin, recoveryKey, usb, made, good, headerEnd };
  }

  function variant(name: string, bytes: Buffer): string {
    const p = join(dir, 'USB', name);
    writeFileSync(p, bytes);
    return p;
  }

  function flip(buf: Buffer, at: number): Buffer {
    const b = Buffer.from(buf);
    b[at] = b[at]! ^ 0x01;
    return b;
  }

  it('flipped byte in the header, a middle chunk and the last chunk; truncated; appended; wrong secret', async () => {
    const { good, headerEnd, recoveryKey } = await damagedFixture();
    const chunks = Math.ceil((good.length - headerEnd) / (CHUNK + 16));
    expect(chunks).toBeGreaterThan(4);
    const cases: Array<[string, Buffer, string, RegExp]> = [
      ['magic', flip(good, 0), 'BACKUP_CORRUPT', /^To nie jest czytelny plik kopii zapasowej Asysty/],
      ['header JSON', flip(good, 40), 'BACKUP_CORRUPT', /Nagłówek/],
      ['header checksum', flip(good, headerEnd - 1), 'BACKUP_CORRUPT', /Nagłówek/],
      ['middle chunk', flip(good, headerEnd + Math.floor(chunks / 2) * (CHUNK + 16) + 100), 'BACKUP_CORRUPT', new RegExp(`fragment ${Math.floor(chunks / 2) + 1} z ${chunks}`)],
      ['last chunk tag', flip(good, good.length - 1), 'BACKUP_CORRUPT', new RegExp(`fragment ${chunks} z ${chunks}`)],
      ['truncated at a chunk boundary', good.subarray(0, headerEnd + 2 * (CHUNK + 16)), 'BACKUP_TRUNCATED', /niekompletny/],
      ['truncated mid-chunk', good.subarray(0, good.length - 5), 'BACKUP_TRUNCATED', /niekompletny/],
      ['truncated in the header', good.subarray(0, 30), 'BACKUP_TRUNCATED', /niekompletny/],
      ['zero-length (exFAT card pulled)', Buffer.alloc(0), 'BACKUP_TRUNCATED', /pusty/],
      ['bytes appended', Buffer.concat([good, Buffer.from('x')]), 'BACKUP_CORRUPT', /dopisane/],
    ];
    for (const [name, bytes, code, msg] of cases) {
      const p = variant(`${name.replace(/\W+/g, '-')}.asysta-backup`, bytes);
      const err = await verifyBackup(p, { recoveryKey }, { migrationsFolder: devResources().migrationsFolder }).catch((e: unknown) => e);
      expect(err, name).toMatchObject({ code });
      expect((err as Error).message, name).toMatch(msg);
    }
    const p = variant('ok.asysta-backup', good);
    await expect(verifyBackup(p, { login: 'admin', password: 'ZleHaslo2026' }, { migrationsFolder: devResources().migrationsFolder })).rejects.toMatchObject({ code: 'BACKUP_WRONG_SECRET', message: expect.stringMatching(/hasło/) });
    await expect(verifyBackup(p, { login: 'nieznany', password: ADMIN.password }, { migrationsFolder: devResources().migrationsFolder })).rejects.toMatchObject({ code: 'BACKUP_WRONG_SECRET' });
    await expect(verifyBackup(p, { recoveryKey: 'A'.repeat(52) }, { migrationsFolder: devResources().migrationsFolder })).rejects.toMatchObject({ code: 'BACKUP_WRONG_SECRET', message: expect.stringMatching(/Klucz odzyskiwania/) });
  });

  it('one flipped byte anywhere in the file is never accepted', async () => {
    const { good, headerEnd } = await damagedFixture();
    const positions = [...Array.from({ length: headerEnd }, (_, i) => i).filter((i) => i < 20 || i % 97 === 0), headerEnd - 1];
    for (let i = 0; i < 25; i++) positions.push(headerEnd + Math.floor(((good.length - headerEnd) * i) / 25));
    positions.push(good.length - 17, good.length - 16, good.length - 1);
    for (const at of positions) {
      const p = variant('flip.asysta-backup', flip(good, at));
      const err = await verifyBackup(p, SECRET, { migrationsFolder: devResources().migrationsFolder }).catch((e: unknown) => e);
      expect((err as { code?: string }).code, `byte ${at}`).toMatch(/^BACKUP_(CORRUPT|TRUNCATED|FROM_FUTURE)$/);
    }
  });

  it('restoring a damaged file changes nothing: a fresh folder stays empty, an existing installation stays as it was', async () => {
    const { a, admin, good, headerEnd } = await damagedFixture();
    const bad = variant('bad.asysta-backup', flip(good, good.length - 3));
    const fresh = app('fresh');
    const r = await fresh.session().call('backup:restore', { file: bad, secret: SECRET });
    expect(failure(r).code).toBe('BACKUP_CORRUPT');
    // Nothing but the (empty, data-free) lock file the restore took (db/lockfile.ts).
    expect(readdirSync(fresh.dataDir).filter((n) => n !== LOCK_FILE)).toEqual([]);
    expect(fresh.core.isSetUp()).toBe(false);

    const before = liveState(a);
    const r2 = await admin.call('backup:restore', { file: variant('cut.asysta-backup', good.subarray(0, headerEnd + 100)), secret: SECRET, confirm: true });
    expect(failure(r2).code).toBe('BACKUP_TRUNCATED');
    expect(liveState(a)).toEqual(before);
    expect(readdirSync(a.dataDir).filter((n) => n.startsWith('.asysta-') || n.startsWith('before-restore'))).toEqual([]);
  });
});

describe('restore over newer data, and schema versions', () => {
  it('restore into an installation with newer changes says what would be lost and needs confirmation', async () => {
    const { a, admin, usb } = await office(10);
    const made = await admin.ok('backup:create', { folder: usb });
    a.clock.now += 60_000;
    a.core.touch(a.core.session(admin.id));
    await admin.ok('users:create', { fullName: 'Nowa Osoba', login: 'nowa', role: 'assistant', password: 'Asystent2026' });

    const preview = await admin.ok('backup:restore', { file: made.file, secret: SECRET });
    expect(preview.status).toBe('needsConfirmation');
    if (preview.status !== 'needsConfirmation') return;
    expect(preview.current).toMatchObject({ setUp: true, readable: true, changesAfterBackup: 1, counts: { users: 2, families: 10 } });
    expect(preview.backup.counts.users).toBe(1);
    // Nothing changed yet.
    expect((await admin.ok('users:list', {})).map((u) => u.login)).toContain('nowa');

    const done = await admin.ok('backup:restore', { file: made.file, secret: SECRET, confirm: true });
    expect(done.status).toBe('restored');
    // Everyone is logged out; the previous files are kept aside.
    expect((await admin.ok('app:status', {})).user).toBeNull();
    const aside = done.status === 'restored' ? done.previousDataKeptIn! : '';
    expect(readdirSync(aside)).toEqual(expect.arrayContaining(['asysta.db', 'keys.json']));
    const s = a.session();
    await s.ok('auth:login', { login: 'admin', password: ADMIN.password });
    expect((await s.ok('users:list', {})).map((u) => u.login)).toEqual(['admin']);
    const r = await a.session().call('auth:login', { login: 'nowa', password: 'Asystent2026' });
    expect(failure(r).code).toBe('WRONG_CREDENTIALS');
    // Before and after are both in the logs: the old database (aside) and the restored one.
    expect((await s.ok('audit:list', { action: 'backup.restored' })).total).toBe(1);
  });

  it('a backup of another installation over existing data needs confirmation (its key cannot read the current data)', async () => {
    const { admin, usb } = await office(2);
    const made = await admin.ok('backup:create', { folder: usb });
    const other = app('other');
    await setUpOffice(other);
    other.core.shutdown();
    const r = await other.core.restoreBackup(null, { file: made.file, secret: SECRET });
    expect(r).toMatchObject({ status: 'needsConfirmation', current: { setUp: true, readable: false } });
    const r2 = await other.core.restoreBackup(null, { file: made.file, secret: SECRET, confirm: true });
    expect(r2.status).toBe('restored');
  });
});
