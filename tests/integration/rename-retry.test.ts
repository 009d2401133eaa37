/**
 * Windows: an antivirus scanning a new file, or Excel / a PDF viewer holding the old one, makes a
 * rename fail with EBUSY / EPERM / EACCES for a moment. Every rename that gives a file its final
 * name (the core's key and settings files, the backup on the stick, a saved PDF or report) is
 * retried a few times on Windows, then fails with a clear error and leaves no half file behind.
 * The lock is simulated here (injected rename and platform), on real files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeTargetFs, type TargetFs } from '../../db/backup';
import type { Actor } from '../../db/core';
import { retryWhileLocked, retryWhileLockedSync, RENAME_RETRY_DELAYS_MS } from '../../db/fsutil';
import { verifyBackup } from '../../db/backup';
import { devResources } from '../../build/dev-resources';
import { ADMIN, removeDir, setUpOffice, tempDir, inProcessApp, type InProcessApp } from '../helpers';

const locked = (code = 'EBUSY') => Object.assign(new Error(`${code}: resource busy or locked, rename`), { code });
const WINDOWS = { platform: 'win32' as const, delaysMs: [1, 1, 1, 1] };

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

describe('rename with retry while Windows reports the file locked', () => {
  for (const code of ['EBUSY', 'EPERM', 'EACCES']) {
    it(`${code} twice, then free: the file gets its final name on the third attempt`, async () => {
      writeFileSync(join(dir, 'a.partial'), 'treść');
      let attempts = 0;
      await retryWhileLocked(async () => {
        attempts++;
        if (attempts <= 2) throw locked(code);
        renameSync(join(dir, 'a.partial'), join(dir, 'a.pdf'));
      }, WINDOWS);
      expect(attempts).toBe(3);
      expect(readFileSync(join(dir, 'a.pdf'), 'utf8')).toBe('treść');
      expect(existsSync(join(dir, 'a.partial'))).toBe(false);
    });
  }

  it('the synchronous variant (the core’s own files) retries the same way', () => {
    writeFileSync(join(dir, 'keys.json.tmp'), '{}');
    let attempts = 0;
    retryWhileLockedSync(() => {
      attempts++;
      if (attempts === 1) throw locked('EPERM');
      renameSync(join(dir, 'keys.json.tmp'), join(dir, 'keys.json'));
    }, WINDOWS);
    expect(attempts).toBe(2);
    expect(existsSync(join(dir, 'keys.json'))).toBe(true);
  });

  it('a file that stays locked: gives up after the last pause with the original error', async () => {
    let attempts = 0;
    const err = await retryWhileLocked(async () => {
      attempts++;
      throw locked();
    }, WINDOWS).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'EBUSY' });
    expect(attempts).toBe(WINDOWS.delaysMs.length + 1);
    expect(() => retryWhileLockedSync(() => { throw locked(); }, WINDOWS)).toThrowError(expect.objectContaining({ code: 'EBUSY' }));
  });

  it('the default pauses stay short (a file open in Excel must fail within seconds, not a minute)', () => {
    const total = RENAME_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(2000);
    expect(total).toBeLessThanOrEqual(5000);
  });

  it('other errors (a missing folder) and other systems are not retried', async () => {
    let attempts = 0;
    await expect(retryWhileLocked(async () => { attempts++; throw locked('ENOENT'); }, WINDOWS)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(attempts).toBe(1);
    attempts = 0;
    await expect(retryWhileLocked(async () => { attempts++; throw locked('EBUSY'); }, { ...WINDOWS, platform: 'linux' })).rejects.toMatchObject({ code: 'EBUSY' });
    expect(attempts).toBe(1);
  });
});

describe('backup to a stick while the antivirus scans the new file', () => {
  let a: InProcessApp;
  afterEach(() => a?.core.shutdown());

  /** The target's rename fails with EBUSY `times` times, then works. */
  function lockedRenameFs(times: number): TargetFs & { renames: number } {
    const fs = {
      ...nodeTargetFs,
      renames: 0,
      async rename(from: string, to: string) {
        fs.renames++;
        if (fs.renames <= times) throw locked();
        await nodeTargetFs.rename(from, to);
      },
    };
    return fs;
  }

  async function office() {
    a = inProcessApp(join(dir, 'data'));
    const { admin } = await setUpOffice(a);
    const usb = join(dir, 'USB');
    mkdirSync(usb);
    const actor: Actor = { user: (await admin.ok('app:status', {})).user!, sessionId: admin.id };
    return { usb, actor };
  }

  it('EBUSY twice on the final rename: the backup is written, renamed and verifies', async () => {
    const { usb, actor } = await office();
    const fs = lockedRenameFs(2);
    const made = await a.core.createBackup(actor, { folder: usb, fs, renameRetry: WINDOWS });
    expect(fs.renames).toBe(3);
    expect(readdirSync(usb)).toEqual([made.name]);
    const info = await verifyBackup(made.file, { login: 'admin', password: ADMIN.password }, { migrationsFolder: devResources().migrationsFolder });
    expect(info.restorable).toBe(true);
  });

  it('locked for good: a Polish error naming the other program, and no file left on the stick', async () => {
    const { usb, actor } = await office();
    const err = await a.core.createBackup(actor, { folder: usb, fs: lockedRenameFs(100), renameRetry: WINDOWS }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'TARGET_NOT_WRITABLE', message: expect.stringMatching(/zablokowany przez inny program/) });
    expect(readdirSync(usb)).toEqual([]);
  });
});
