import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, failure, removeDir, setUpOffice, tempDir, testApp, type TestApp, type TestSession } from '../helpers';

let dir: string;
let app: TestApp;
let admin: TestSession;
let recoveryKey: string;

const ASSISTANT = { fullName: 'Małgorzata Kęsik', login: 'mkesik', role: 'assistant' as const, password: 'Asystentka2026' };

beforeEach(async () => {
  dir = tempDir();
  app = testApp(dir);
  ({ admin, recoveryKey } = await setUpOffice(app));
});
afterEach(async () => {
  await app.close();
  removeDir(dir);
});

async function codeOf(p: Promise<{ ok: boolean; error?: { code: string } }>): Promise<string | undefined> {
  const r = await p;
  return r.ok ? undefined : r.error?.code;
}

describe('accounts: the administrator creates, deactivates and resets accounts', () => {
  it('a new assistant can log in with the password the administrator gave', async () => {
    const acc = await admin.ok('users:create', ASSISTANT);
    expect(acc).toMatchObject({ login: 'mkesik', role: 'assistant', active: true, version: 1 });
    const s = app.session();
    const { user } = await s.ok('auth:login', { login: 'mkesik', password: ASSISTANT.password });
    expect(user.fullName).toBe('Małgorzata Kęsik');
  });

  it('a login is unique', async () => {
    await admin.ok('users:create', ASSISTANT);
    const r = await admin.call('users:create', { ...ASSISTANT, fullName: 'Inna Osoba' });
    expect(failure(r).fields?.login).toContain('zajęty');
  });

  it('a deactivated account cannot log in; reactivation requires a new password', async () => {
    const acc = await admin.ok('users:create', ASSISTANT);
    const off = await admin.ok('users:setActive', { id: acc.id, version: acc.version, active: false });
    expect(off.active).toBe(false);
    expect(await codeOf(app.session().call('auth:login', { login: 'mkesik', password: ASSISTANT.password }))).toBe(
      'WRONG_CREDENTIALS',
    );
    expect(await codeOf(admin.call('users:setActive', { id: acc.id, version: off.version, active: true }))).toBe('VALIDATION');
    await admin.ok('users:setActive', { id: acc.id, version: off.version, active: true, newPassword: 'NoweHasło2026' });
    await app.session().ok('auth:login', { login: 'mkesik', password: 'NoweHasło2026' });
  });

  it('a password reset re-wraps the key: the old password stops working, the database is not re-encrypted', async () => {
    const acc = await admin.ok('users:create', ASSISTANT);
    const before = readFileSync(join(dir, 'asysta.db')).subarray(0, 4096);
    await admin.ok('users:resetPassword', { id: acc.id, newPassword: 'ZresetowaneHasło9' });
    expect(await codeOf(app.session().call('auth:login', { login: 'mkesik', password: ASSISTANT.password }))).toBe(
      'WRONG_CREDENTIALS',
    );
    await app.session().ok('auth:login', { login: 'mkesik', password: 'ZresetowaneHasło9' });
    // Same first page (salt + encrypted header): the data key did not change.
    expect(readFileSync(join(dir, 'asysta.db')).subarray(0, 16)).toEqual(before.subarray(0, 16));
  });

  it('a user changes their own password only with the current one', async () => {
    await admin.ok('users:create', ASSISTANT);
    const s = app.session();
    await s.ok('auth:login', { login: 'mkesik', password: ASSISTANT.password });
    const bad = await s.call('auth:changePassword', { currentPassword: 'zle-haslo-123', newPassword: 'NoweHasło2027' });
    expect(failure(bad).fields?.currentPassword).toBeTruthy();
    await s.ok('auth:changePassword', { currentPassword: ASSISTANT.password, newPassword: 'NoweHasło2027' });
    await app.session().ok('auth:login', { login: 'mkesik', password: 'NoweHasło2027' });
  });

  it('the last active administrator cannot be deactivated or demoted', async () => {
    const me = (await admin.ok('users:list', {})).find((u) => u.login === ADMIN.login)!;
    expect(await codeOf(admin.call('users:setActive', { id: me.id, version: me.version, active: false }))).toBe('LAST_ADMIN');
    expect(
      await codeOf(admin.call('users:update', { id: me.id, version: me.version, fullName: me.fullName, role: 'assistant' })),
    ).toBe('LAST_ADMIN');
  });

  it('a stale edit (another window saved first) is refused, never silently overwritten', async () => {
    const acc = await admin.ok('users:create', ASSISTANT);
    await admin.ok('users:update', { id: acc.id, version: acc.version, fullName: 'Małgorzata Kęsik-Nowak', role: 'assistant' });
    const r = await admin.call('users:update', { id: acc.id, version: acc.version, fullName: 'Stara Wersja', role: 'assistant' });
    expect(failure(r).code).toBe('STALE_EDIT');
    const list = await admin.ok('users:list', {});
    expect(list.find((u) => u.id === acc.id)?.fullName).toBe('Małgorzata Kęsik-Nowak');
  });

  it('a personal caseload limit above 15 is refused with the legal basis (art. 15 ust. 4)', async () => {
    const r = await admin.call('users:create', { ...ASSISTANT, personalLimit: 16 });
    expect(failure(r).fields?.personalLimit).toContain('art. 15 ust. 4');
  });
});

describe('roles: every channel declares who may call it, and the main process enforces it', () => {
  it('an assistant cannot list accounts, create accounts or read the audit log; the attempt is audited', async () => {
    await admin.ok('users:create', ASSISTANT);
    const s = app.session();
    await s.ok('auth:login', { login: 'mkesik', password: ASSISTANT.password });
    expect(await codeOf(s.call('users:list', {}))).toBe('FORBIDDEN');
    expect(await codeOf(s.call('users:create', { ...ASSISTANT, login: 'inny' }))).toBe('FORBIDDEN');
    expect(await codeOf(s.call('audit:list', {}))).toBe('FORBIDDEN');
    expect(await codeOf(s.call('settings:update', { idleMinutes: 60 }))).toBe('FORBIDDEN');
    const audit = await admin.ok('audit:list', { action: 'access.forbidden' });
    expect(audit.items.map((e) => e.details?.channel)).toEqual(
      expect.arrayContaining(['users:list', 'users:create', 'audit:list', 'settings:update']),
    );
  });

  it('nothing but public channels works without logging in', async () => {
    const s = app.session();
    expect(await codeOf(s.call('users:list', {}))).toBe('NOT_AUTHENTICATED');
    expect(await codeOf(s.call('families:list', {}))).toBe('NOT_AUTHENTICATED');
    expect((await s.call('app:status', {})).ok).toBe(true);
  });

  it('an unknown channel or a malformed payload gets a typed Polish error, no stack trace or SQL', async () => {
    const r1 = await app.host.invoke(admin.id, 'users:drop', {});
    expect(failure(r1)).toEqual({ code: 'NOT_FOUND', message: 'Nieznana operacja.' });
    const r2 = await app.host.invoke(admin.id, 'users:create', { login: 42 });
    expect(r2.ok).toBe(false);
    if (!r2.ok) {
      expect(r2.error.code).toBe('VALIDATION');
      expect(JSON.stringify(r2.error)).not.toMatch(/at |SQLITE|sqlite|Error:/);
    }
  });
});

describe('login throttling', () => {
  it('after three failures each attempt must wait a growing delay, with a Polish message', async () => {
    const s = app.session();
    for (let i = 0; i < 2; i++) {
      expect(await codeOf(s.call('auth:login', { login: 'admin', password: 'zle' }))).toBe('WRONG_CREDENTIALS');
    }
    const third = await s.call('auth:login', { login: 'admin', password: 'zle' });
    expect(failure(third).code).toBe('THROTTLED');
    expect(failure(third).retryAfterSeconds).toBe(5);
    expect(failure(third).message).toBe('Zbyt wiele nieudanych prób. Spróbuj ponownie za 5 s.');
    // Even the right password is refused during the delay...
    expect(await codeOf(s.call('auth:login', { login: 'admin', password: ADMIN.password }))).toBe('THROTTLED');
    app.clock.now += 6_000;
    const fourth = await s.call('auth:login', { login: 'admin', password: 'zle' });
    expect(failure(fourth).retryAfterSeconds).toBe(10);
    app.clock.now += 11_000;
    // ...and accepted after it; success resets the counter.
    await s.ok('auth:login', { login: 'admin', password: ADMIN.password });
  });

  it('the delay survives a restart of the app', async () => {
    const s = app.session();
    for (let i = 0; i < 3; i++) await s.call('auth:login', { login: 'nieznany', password: 'zle' });
    await app.close();
    const again = testApp(dir);
    again.clock.now = app.clock.now;
    expect(await codeOf(again.session().call('auth:login', { login: 'nieznany', password: 'zle' }))).toBe('THROTTLED');
    await again.close();
  });

  it('failed logins while the database is closed reach the audit log at the next open, sealed in between', async () => {
    await admin.ok('auth:logout', {});
    expect(app.probe.isOpen()).toBe(false);
    await app.session().call('auth:login', { login: 'intruz', password: 'zgadywanie1' });
    const pending = readFileSync(join(dir, 'pending-events.log'), 'utf8');
    expect(pending).not.toContain('intruz');
    const s = app.session();
    await s.ok('auth:login', { login: 'admin', password: ADMIN.password });
    const failed = await s.ok('audit:list', { action: 'auth.login_failed' });
    expect(failed.items[0]).toMatchObject({ userLogin: 'intruz', details: expect.objectContaining({ recordedWhileClosed: true }) });
  });
});

describe('idle lock and logout', () => {
  it('after the idle time the main process locks the session whatever the UI does; the password unlocks it', async () => {
    app.clock.now += 10 * 60_000 + 1_000;
    expect(await codeOf(admin.call('users:list', {}))).toBe('SESSION_LOCKED');
    expect((await admin.ok('app:status', {})).locked).toBe(true);
    expect(await codeOf(admin.call('auth:unlock', { password: 'zle-haslo' }))).toBe('WRONG_PASSWORD');
    await admin.ok('auth:unlock', { password: ADMIN.password });
    expect((await admin.ok('users:list', {})).length).toBe(1);
    const audit = await admin.ok('audit:list', {});
    expect(audit.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['session.autolock', 'session.unlock_failed', 'session.unlock']),
    );
  });

  it('activity keeps the session open; the idle time is configurable', async () => {
    await admin.ok('settings:update', { idleMinutes: 2 });
    app.clock.now += 90_000;
    await admin.ok('session:activity', {});
    app.clock.now += 90_000;
    expect((await admin.call('users:list', {})).ok).toBe(true);
    app.clock.now += 121_000;
    expect(await codeOf(admin.call('users:list', {}))).toBe('SESSION_LOCKED');
  });

  it('logout ends the session and closes the database (the key leaves memory)', async () => {
    await admin.ok('auth:logout', {});
    expect(app.probe.isOpen()).toBe(false);
    expect(await codeOf(admin.call('users:list', {}))).toBe('NOT_AUTHENTICATED');
  });
});

describe('recovery key', () => {
  it('unlocks the data when every password is lost and lets the administrator set a new one', async () => {
    await admin.ok('auth:logout', {});
    const s = app.session();
    const r = await s.ok('auth:recover', { recoveryKey, login: 'admin', newPassword: 'OdzyskaneHasło1' });
    expect(r.user.role).toBe('admin');
    expect(await codeOf(app.session().call('auth:login', { login: 'admin', password: ADMIN.password }))).toBe(
      'WRONG_CREDENTIALS',
    );
    await app.session().ok('auth:login', { login: 'admin', password: 'OdzyskaneHasło1' });
  });

  it('does not set a password for a non-administrator account', async () => {
    await admin.ok('users:create', ASSISTANT);
    const r = await app.session().call('auth:recover', { recoveryKey, login: 'mkesik', newPassword: 'PrzejęteHasło1' });
    expect(failure(r).code).toBe('FORBIDDEN');
  });

  it('a wrong recovery key is refused and throttled', async () => {
    const s = app.session();
    const bad = 'B'.repeat(52);
    expect(await codeOf(s.call('auth:recover', { recoveryKey: bad, login: 'admin', newPassword: 'XyzXyzXyz1' }))).toBe(
      'WRONG_RECOVERY_KEY',
    );
  });

  it('an administrator can regenerate it; the old one stops working', async () => {
    const { recoveryKey: fresh } = await admin.ok('recovery:regenerate', { password: ADMIN.password });
    expect(fresh).not.toBe(recoveryKey);
    await admin.ok('auth:logout', {});
    expect(
      await codeOf(app.session().call('auth:recover', { recoveryKey, login: 'admin', newPassword: 'XyzXyzXyz1' })),
    ).toBe('WRONG_RECOVERY_KEY');
    await app.session().ok('auth:recover', { recoveryKey: fresh, login: 'admin', newPassword: 'XyzXyzXyz1' });
  });
});
