/**
 * Issue 15, item 4: a full disk is named. The snapshot and the read-back of a backup, a restore
 * and a verify all work in the data folder; "no space" there is DISK_FULL about *that* disk, in
 * Polish, never "the USB stick is full" (which stays the answer when the stick is full). The
 * failures are injected at the file-system calls (node:fs copyFileSync, node:fs/promises open):
 * writes into a folder marked full fail with ENOSPC or EDQUOT, as the OS reports them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Actor } from '../../db/core';
import { ADMIN, failure, removeDir, setUpOffice, tempDir, inProcessApp, type InProcessApp, type TestSession } from '../helpers';
import { failingFs } from './backup-fixtures';

/** Folders whose disk is "full" and the error code the OS gives. */
const disk = vi.hoisted(() => ({ full: [] as string[], code: 'ENOSPC' }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const { resolve: res } = await import('node:path');
  const isFull = (p: unknown) => typeof p === 'string' && disk.full.some((d) => res(p).startsWith(res(d)));
  const copyFileSync: typeof real.copyFileSync = (src, dest, mode) => {
    if (isFull(dest)) throw Object.assign(new Error(`${disk.code}: no space left on device, copyfile -> '${String(dest)}'`), { code: disk.code, syscall: 'copyfile' });
    return real.copyFileSync(src, dest, mode);
  };
  return { ...real, default: { ...real, copyFileSync }, copyFileSync };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const { resolve: res } = await import('node:path');
  const isFull = (p: unknown) => typeof p === 'string' && disk.full.some((d) => res(p).startsWith(res(d)));
  const open = (async (path: string, flags?: string, mode?: number) => {
    const fh = await real.open(path, flags, mode);
    if (!flags || flags === 'r') return fh;
    // Writes to a full disk fail; everything else is the real handle.
    return new Proxy(fh, {
      get(target, prop) {
        if (prop === 'write' && isFull(path)) {
          return async () => {
            throw Object.assign(new Error(`${disk.code}: no space left on device, write`), { code: disk.code, syscall: 'write' });
          };
        }
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  }) as typeof real.open;
  return { ...real, default: { ...real, open }, open };
});

let dir: string;
let apps: InProcessApp[];
let app: InProcessApp;
let admin: TestSession;
let recoveryKey: string;
let usb: string;
let actor: Actor;

beforeEach(async () => {
  disk.full = [];
  dir = tempDir();
  apps = [];
  app = inProcessApp(join(dir, 'dane'));
  apps.push(app);
  ({ admin, recoveryKey } = await setUpOffice(app));
  usb = join(dir, 'PENDRIVE');
  mkdirSync(usb);
  actor = { user: (await admin.ok('app:status', {})).user!, sessionId: admin.id };
});

afterEach(() => {
  disk.full = [];
  for (const a of apps) a.core.shutdown();
  removeDir(dir);
});

const dataDisk = () => `Na dysku z folderem ${resolve(app.dataDir)}`;

function familiesNow(a: InProcessApp): number {
  return (a.core.requireDb().sqlite.prepare('SELECT count(*) AS c FROM families').get() as { c: number }).c;
}

describe('a full data disk while making a backup is named as the data disk, not the stick', () => {
  for (const code of ['ENOSPC', 'EDQUOT']) {
    it(`${code} during the snapshot: DISK_FULL about the data folder's disk; nothing on the stick, live data untouched`, async () => {
      disk.code = code;
      disk.full = [app.dataDir];
      const before = familiesNow(app);
      const err = await app.core.createBackup(actor, { folder: usb }).catch((e: unknown) => e);
      expect(err).toMatchObject({
        code: 'DISK_FULL',
        message: `${dataDisk()} zabrakło miejsca na kopię roboczą bazy danych. Zwolnij miejsce na tym dysku (nośnik docelowy kopii nie jest pełny) i spróbuj ponownie. Kopia NIE została wykonana; dane w programie są nienaruszone.`,
      });
      expect((err as Error).message).not.toContain('nośniku docelowym');
      expect(readdirSync(usb)).toEqual([]);
      expect(readdirSync(app.dataDir).filter((n) => n.startsWith('.asysta-'))).toEqual([]);
      expect(familiesNow(app)).toBe(before);
      disk.full = [];
      expect((await admin.ok('audit:list', { action: 'backup.failed' })).items[0]?.details).toMatchObject({ code: 'DISK_FULL' });
    });
  }

  it('ENOSPC while reading the new backup back (the check after writing it): the data disk, and the unverified file is removed', async () => {
    const err = await app.core
      .createBackup(actor, {
        folder: usb,
        chunkBytes: 4096,
        // The stick took the whole file; then the data disk fills up before the read-back.
        afterChunk: () => void (disk.full = [app.dataDir]),
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DISK_FULL' });
    expect((err as Error).message).toMatch(new RegExp(`^${dataDisk().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} zabrakło miejsca na kopię roboczą`));
    expect(readdirSync(usb)).toEqual([]);
  });

  it('a full stick is still the stick', async () => {
    const err = await app.core.createBackup(actor, { folder: usb, chunkBytes: 4096, fs: failingFs('ENOSPC', 8192) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/^Na nośniku docelowym zabrakło miejsca/) });
  });
});

describe('a full data disk while restoring or verifying', () => {
  it('restore on a new PC whose disk is full: DISK_FULL naming that disk, nothing restored, no staging left', async () => {
    const made = await admin.ok('backup:create', { folder: usb });
    const fresh = inProcessApp(join(dir, 'nowy-komputer'));
    apps.push(fresh);
    disk.full = [fresh.dataDir];
    const err = failure(await fresh.session().call('backup:restore', { file: made.file, secret: { recoveryKey } }));
    expect(err).toEqual({
      code: 'DISK_FULL',
      message: `Na dysku z folderem ${resolve(fresh.dataDir)} zabrakło miejsca na rozpakowanie kopii. Zwolnij miejsce na tym dysku i spróbuj ponownie. Nic nie zostało przywrócone; obecne dane są nienaruszone.`,
    });
    expect(fresh.core.isSetUp()).toBe(false);
    expect(readdirSync(fresh.dataDir).filter((n) => n.startsWith('.asysta-'))).toEqual([]);
    disk.full = [];
    expect((await fresh.session().ok('backup:restore', { file: made.file, secret: { recoveryKey } })).status).toBe('restored');
  });

  it('restore over an existing installation on a full disk leaves it as it was', async () => {
    const made = await admin.ok('backup:create', { folder: usb });
    const before = familiesNow(app);
    disk.full = [app.dataDir];
    const err = failure(await admin.call('backup:restore', { file: made.file, secret: { login: 'admin', password: ADMIN.password }, confirm: true }));
    expect(err.code).toBe('DISK_FULL');
    expect(err.message).toContain(`${dataDisk()} zabrakło miejsca na rozpakowanie kopii`);
    disk.full = [];
    expect(familiesNow(app)).toBe(before);
    expect(existsSync(join(app.dataDir, 'asysta.db'))).toBe(true);
    expect((await admin.ok('app:status', {})).user?.login).toBe('admin');
  });

  it('verify with a full data disk: DISK_FULL naming the disk, the backup itself unchanged', async () => {
    const made = await admin.ok('backup:create', { folder: usb });
    disk.full = [app.dataDir];
    const err = failure(await admin.call('backup:verify', { file: made.file, secret: { recoveryKey } }));
    expect(err.code).toBe('DISK_FULL');
    expect(err.message).toContain(`${dataDisk()} zabrakło miejsca na sprawdzenie kopii`);
    disk.full = [];
    expect((await admin.ok('backup:verify', { file: made.file, secret: { recoveryKey } })).name).toBe(made.name);
  });
});
