/**
 * Issue 14: text size (A / A+ / A++) and high contrast are remembered per user, in the encrypted
 * database; before anyone logs in the workstation's last choice applies.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, failure, removeDir, setUpOffice, tempDir, testApp, type TestApp } from '../helpers';
import { DEFAULT_DISPLAY_PREFS } from '../../shared/display';

let dir: string;
let app: TestApp;

beforeEach(() => {
  dir = tempDir();
  app = testApp(dir);
});
afterEach(async () => {
  await app.close();
  removeDir(dir);
});

const ASSISTANT = { fullName: 'Małgorzata Kęsik', login: 'mkesik', role: 'assistant' as const, password: 'Asystentka2026', personalLimit: null };

describe('display preferences', () => {
  it('follow each user across log-ins; the login screen shows the workstation’s last choice', async () => {
    const { admin } = await setUpOffice(app);
    await admin.ok('users:create', ASSISTANT);
    // A fresh installation: the standard look.
    expect(await app.session().ok('display:get', {})).toEqual(DEFAULT_DISPLAY_PREFS);

    // The head chooses the largest text and high contrast.
    expect(await admin.ok('display:set', { textSize: 'A++', contrast: 'high' })).toEqual({ textSize: 'A++', contrast: 'high' });
    await admin.ok('auth:logout', {});
    // Logged out: the workstation's last choice (the head's).
    expect(await admin.ok('display:get', {})).toEqual({ textSize: 'A++', contrast: 'high' });

    // The assistant has no choice yet: starts with the workstation's look, then picks A+.
    const assistant = app.session();
    await assistant.ok('auth:login', { login: ASSISTANT.login, password: ASSISTANT.password });
    expect(await assistant.ok('display:get', {})).toEqual({ textSize: 'A++', contrast: 'high' });
    await assistant.ok('display:set', { textSize: 'A+', contrast: 'standard' });
    await assistant.ok('auth:logout', {});

    // The head logs in again: her own choice, not the assistant's (the workstation's last).
    const head = app.session();
    expect(await head.ok('display:get', {})).toEqual({ textSize: 'A+', contrast: 'standard' });
    await head.ok('auth:login', { login: ADMIN.login, password: ADMIN.password });
    expect(await head.ok('display:get', {})).toEqual({ textSize: 'A++', contrast: 'high' });
  });

  it('survive a restart of the core (stored in the database, not in memory)', async () => {
    const { admin } = await setUpOffice(app);
    await admin.ok('display:set', { textSize: 'A+', contrast: 'high' });
    await app.close();
    app = testApp(dir); // a new workstation settings store: only the database remembers
    const s = app.session();
    expect(await s.ok('display:get', {})).toEqual(DEFAULT_DISPLAY_PREFS);
    await s.ok('auth:login', { login: ADMIN.login, password: ADMIN.password });
    expect(await s.ok('display:get', {})).toEqual({ textSize: 'A+', contrast: 'high' });
  });

  it('accept only the offered values, with a Polish message', async () => {
    const s = app.session();
    const r = await s.call('display:set', { textSize: 'A+++', contrast: 'standard' } as never);
    expect(failure(r).code).toBe('VALIDATION');
    expect(failure(r).message).toBe('Wielkość tekstu: wybierz A, A+ albo A++.');
    const extra = await s.call('display:set', { textSize: 'A', contrast: 'high', fontFamily: 'Comic Sans' } as never);
    expect(failure(extra).code).toBe('VALIDATION');
  });
});
