/**
 * Progress and cancel of a backup through the dispatcher, as the UI uses them: `backup:create` is
 * awaited while the same session polls `backup:progress` and may call `backup:cancel`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Actor } from '../../db/core';
import { generateFamilies } from '../../db/demo/generate';
import { insertFamilies } from '../../db/repos/families';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { ADMIN, failure, removeDir, setUpOffice, tempDir, inProcessApp, type InProcessApp, type TestSession } from '../helpers';

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

type Progress = ChannelOutput<'backup:progress'>;

/**
 * Every backup made through this core writes small records and waits a little after each (a slow
 * USB stick), so a test can watch it run and cancel it midway; with `holdAt` it stops after that
 * record until `release()` (so the test decides, not the timing). The handler calls
 * `core.createBackup`, so this reaches backups started through `backup:create`.
 */
function slowStick(a: InProcessApp, opts: { delayMs: number; holdAt?: number }): { release: () => void } {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  const real = a.core.createBackup.bind(a.core);
  a.core.createBackup = (actor, o) =>
    real(actor, {
      ...o,
      chunkBytes: 16 * 1024,
      afterChunk: async (i) => {
        if (i === opts.holdAt) await held;
        await sleep(opts.delayMs);
      },
    });
  return { release };
}

async function office(families = 300): Promise<{ a: InProcessApp; admin: TestSession; usb: string }> {
  const a = inProcessApp(join(dir, 'data'));
  apps.push(a);
  const { admin } = await setUpOffice(a);
  insertFamilies(a.core.requireDb().sqlite, generateFamilies(families, { seed: 5 }).map((f) => ({ ...f, assistantId: null })), '2026-11-20T10:00:00.000Z');
  const usb = join(dir, 'USB');
  mkdirSync(usb);
  return { a, admin, usb };
}

/** Polls `backup:progress` until `until` holds (or fails after a few seconds). */
async function waitForProgress(s: TestSession, until: (p: Progress) => boolean): Promise<Progress> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const p = await s.ok('backup:progress', {});
    if (until(p)) return p;
    if (Date.now() > deadline) throw new Error(`progress never reached the expected state; last: ${JSON.stringify(p)}`);
    await sleep(5);
  }
}

describe('backup progress and cancel through the dispatcher', () => {
  it('progress is reported while backup:create runs; backup:cancel aborts it: BACKUP_CANCELLED, nothing left on the stick, audited', async () => {
    const { a, admin, usb } = await office();
    const stick = slowStick(a, { delayMs: 2, holdAt: 3 });
    expect(await admin.ok('backup:progress', {})).toEqual({ running: false, phase: null, doneBytes: 0, totalBytes: 0 });

    const pending = admin.call('backup:create', { folder: usb });
    const writing = await waitForProgress(admin, (p) => p.phase === 'write' && p.doneBytes >= 3 * 16 * 1024);
    expect(writing.running).toBe(true);
    expect(writing.totalBytes).toBeGreaterThan(writing.doneBytes);
    // The partial file is on the stick while it is written.
    expect(readdirSync(usb).every((n) => n.endsWith('.asysta-backup.partial'))).toBe(true);

    // Another session (the same administrator in a second window) sees no backup of its own and
    // cannot cancel this one.
    const other = a.session();
    await other.ok('auth:login', { login: ADMIN.login, password: ADMIN.password });
    expect((await other.ok('backup:progress', {})).running).toBe(false);
    expect(await other.ok('backup:cancel', {})).toEqual({ cancelled: false });
    // Nor can the same session start a second backup meanwhile.
    const second = await admin.call('backup:create', { folder: usb });
    expect(failure(second).code).toBe('VALIDATION');

    expect(await admin.ok('backup:cancel', {})).toEqual({ cancelled: true });
    stick.release();
    const r = await pending;
    expect(failure(r).code).toBe('BACKUP_CANCELLED');

    // No .partial and nothing that looks like a backup.
    expect(readdirSync(usb)).toEqual([]);
    expect(await admin.ok('backup:progress', {})).toEqual({ running: false, phase: null, doneBytes: 0, totalBytes: 0 });
    const status = await admin.ok('backup:status', {});
    expect(status.lastVerifiedBackupAt).toBeNull();

    const cancels = (await admin.ok('audit:list', { action: 'backup.cancel' })).items;
    expect(cancels).toHaveLength(1);
    expect(cancels[0]).toMatchObject({ userLogin: ADMIN.login, details: { phase: 'write' } });
    expect((await admin.ok('audit:list', { action: 'backup.failed' })).items[0]?.details).toMatchObject({ code: 'BACKUP_CANCELLED' });
    expect(a.core.requireDb().sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);

    // The next backup runs to the end; afterwards nothing is running.
    const made = await admin.ok('backup:create', { folder: usb });
    expect(readdirSync(usb)).toEqual([made.name]);
    expect((await admin.ok('backup:progress', {})).running).toBe(false);
  });

  it('phases come in order while polling, and a cancel with nothing running is a no-op (not audited)', async () => {
    const { a, admin, usb } = await office(100);
    slowStick(a, { delayMs: 5 });
    expect(await admin.ok('backup:cancel', {})).toEqual({ cancelled: false });
    const pending = admin.ok('backup:create', { folder: usb });
    let done = false;
    void pending.finally(() => (done = true));
    const seen: string[] = [];
    let lastDone = -1;
    while (!done) {
      const p = await admin.ok('backup:progress', {});
      if (p.running && p.phase) {
        if (seen.at(-1) !== p.phase) {
          seen.push(p.phase);
          lastDone = -1;
        }
        expect(p.doneBytes).toBeGreaterThanOrEqual(lastDone);
        expect(p.doneBytes).toBeLessThanOrEqual(p.totalBytes);
        lastDone = p.doneBytes;
      }
      await sleep(2);
    }
    const made = await pending;
    expect(made.counts.families).toBe(100);
    expect(seen).toContain('write');
    const order = ['snapshot', 'write', 'verify', 'prune'];
    expect(seen.map((p) => order.indexOf(p))).toEqual([...seen.map((p) => order.indexOf(p))].sort((x, y) => x - y));
    expect((await admin.ok('backup:progress', {})).running).toBe(false);
    expect((await admin.ok('audit:list', { action: 'backup.cancel' })).items).toHaveLength(0);
  });

  it('a cancel while the written file is being read back removes the renamed (unverified) file too', async () => {
    const { a, admin, usb } = await office(100);
    const actor: Actor = { user: (await admin.ok('app:status', {})).user!, sessionId: admin.id };
    const err = await a.core
      .createBackup(actor, {
        folder: usb,
        chunkBytes: 16 * 1024,
        onProgress: (p) => {
          if (p.phase === 'verify' && p.doneBytes > 0) a.core.cancelBackup(actor);
        },
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BACKUP_CANCELLED' });
    expect(readdirSync(usb)).toEqual([]);
    expect((await admin.ok('audit:list', { action: 'backup.cancel' })).items[0]?.details).toMatchObject({ phase: 'verify' });
    expect(a.core.backupProgress(admin.id).running).toBe(false);
  });
});
