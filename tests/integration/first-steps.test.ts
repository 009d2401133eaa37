/**
 * "Pierwsze kroki" (issue 14): a new office's set-up checklist on the head's home, ticked off from
 * the real state — accounts, areas, the confirmed recovery key, a verified backup, the details on
 * the office's letters — and only for the head.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { firstSteps } from '../../shared/firstSteps';
import { removeDir, setUpOffice, tempDir, testApp, type TestApp, type TestSession } from '../helpers';

let dir: string;
let app: TestApp;
let admin: TestSession;
let recoveryKey: string;
beforeEach(async () => {
  dir = tempDir();
  app = testApp(dir);
  ({ admin, recoveryKey } = await setUpOffice(app));
});
afterEach(async () => {
  await app.close();
  removeDir(dir);
});

const state = async () => Object.fromEntries((await admin.ok('office:firstSteps', {})).steps.map((s) => [s.key, s.done]));

describe('Pierwsze kroki of a new office', () => {
  it('a fresh office has everything to do; each step ticks off when the office really does it', async () => {
    expect(await state()).toEqual({ accounts: false, areas: false, 'recovery-key': false, backup: false, documents: false });

    await admin.ok('users:create', { login: 'asliwinska', fullName: 'Agnieszka Śliwińska', role: 'assistant', password: 'HasloTestowe2026', personalLimit: null });
    expect((await state()).accounts).toBe(false); // no social worker yet
    const ps = await admin.ok('users:create', { login: 'kbakowska', fullName: 'Katarzyna Bąkowska', role: 'social_worker', password: 'HasloTestowe2026', personalLimit: null });
    expect((await state()).accounts).toBe(true);
    expect((await state()).areas).toBe(false); // area scoping is on by default; the worker has no area
    await admin.ok('users:setArea', { id: ps.id, area: 'Rejon I' });
    expect((await state()).areas).toBe(true);

    await admin.ok('setup:confirmRecoveryKey', { recoveryKey });
    expect((await state())['recovery-key']).toBe(true);

    const folder = join(dir, 'pendrive');
    mkdirSync(folder);
    await admin.ok('backup:create', { folder });
    expect((await state()).backup).toBe(true);

    // The office's phone and e-mail are on the letterhead already (set up); the DPO contact is missing.
    const docs = (await admin.ok('office:firstSteps', {})).steps.find((s) => s.key === 'documents')!;
    expect(docs.detail).toBe('Brakuje: kontakt z inspektorem ochrony danych.');
    const papers = await admin.ok('office:papersGet', {});
    await admin.ok('office:papersUpdate', { ...papers, dpoContact: 'iod@grebocin.example.pl' });
    const all = await admin.ok('office:firstSteps', {});
    expect(all.done).toBe(true);
  });

  it('only the head sees it', async () => {
    await admin.ok('users:create', { login: 'asliwinska', fullName: 'Agnieszka Śliwińska', role: 'assistant', password: 'HasloTestowe2026', personalLimit: null });
    const s = app.session();
    await s.ok('auth:login', { login: 'asliwinska', password: 'HasloTestowe2026' });
    const r = await s.call('office:firstSteps', {});
    expect(r.ok).toBe(false);
  });

  it('the rules in plain words: no area scoping means no areas to set; counts in Polish', () => {
    const base = { assistants: 2, socialWorkers: 0, areaScoping: false, socialWorkersWithoutArea: 0, recoveryKeyConfirmed: true, backupFolder: null, lastBackupAt: null, office: { phone: '', email: '' }, dpoContact: '' };
    const steps = firstSteps(base);
    expect(steps.find((s) => s.key === 'areas')).toMatchObject({ done: true, detail: 'Ośrodek nie ogranicza pracowników socjalnych do rejonów.' });
    expect(steps.find((s) => s.key === 'accounts')!.detail).toBe('Konta: 2 asystentów rodziny, 0 pracowników socjalnych.');
    expect(steps.find((s) => s.key === 'documents')!.detail).toBe('Brakuje: telefon ośrodka, e-mail ośrodka, kontakt z inspektorem ochrony danych.');
    expect(firstSteps({ ...base, areaScoping: true, socialWorkers: 3, socialWorkersWithoutArea: 2 }).find((s) => s.key === 'areas')!.detail).toBe(
      'Bez rejonu: 2 pracowników socjalnych — nie zobaczy żadnej rodziny.',
    );
  });
});
