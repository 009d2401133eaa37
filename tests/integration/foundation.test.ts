import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ADMIN, failure, OFFICE, plaintextHits, removeDir, setUpOffice, tempDir, testApp, type TestApp } from '../helpers';
import { devResources } from '../../build/dev-resources';

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

describe('first run: the office sets up Asysta', () => {
  it('creates an encrypted database, a key file with wrapped keys only, and a recovery key', async () => {
    const s = app.session();
    expect((await s.ok('app:status', {})).setupDone).toBe(false);
    const { recoveryKey } = await s.ok('setup:initialize', { office: OFFICE, admin: ADMIN });
    expect(recoveryKey).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/);
    const status = await s.ok('app:status', {});
    expect(status.setupDone).toBe(true);
    expect(status.recoveryKeyConfirmed).toBe(false);

    const db = readFileSync(join(dir, 'asysta.db'));
    expect(db.subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
    const keys = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8'));
    expect(keys.slots).toHaveLength(2);
    expect(JSON.stringify(keys)).not.toContain(ADMIN.login);
    expect(plaintextHits(dir, ['Grębocin', 'Wójcik', 'Centralna', 'Kierowniczka2026'])).toEqual([]);
  });

  it('refuses a second setup', async () => {
    await setUpOffice(app);
    const r = await app.session().call('setup:initialize', { office: OFFICE, admin: ADMIN });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('ALREADY_SET_UP');
  });

  it('confirms the recovery key only when it is typed back correctly (dashes and case do not matter)', async () => {
    const s = app.session();
    const { recoveryKey } = await s.ok('setup:initialize', { office: OFFICE, admin: ADMIN });
    const wrong = await s.call('setup:confirmRecoveryKey', { recoveryKey: 'A'.repeat(52) });
    expect(failure(wrong).code).toBe('WRONG_RECOVERY_KEY');
    await s.ok('setup:confirmRecoveryKey', { recoveryKey: recoveryKey.replace(/-/g, ' ').toLowerCase() });
    expect((await s.ok('app:status', {})).recoveryKeyConfirmed).toBe(true);
  });

  it('rejects an invalid office profile with Polish messages naming the fields', async () => {
    const r = await app.session().call('setup:initialize', {
      office: { ...OFFICE, postalCode: '87122', name: '' },
      admin: { ...ADMIN, password: 'krótkie' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.fields?.['office.postalCode']).toBe('Kod pocztowy: wpisz w formacie 00-000.');
    expect(r.error.fields?.['office.name']).toContain('Nazwa ośrodka');
    expect(r.error.fields?.['admin.password']).toContain('Hasło');
    expect(app.probe.isSetUp()).toBe(false);
  });
});

describe('the database file is unreadable without the key', () => {
  it('a wrong key fails with a clear error, not "corrupt"', async () => {
    await setUpOffice(app);
    await app.close();
    const raw = new Database(join(dir, 'asysta.db'));
    raw.pragma(`cipher='sqlcipher'`);
    raw.pragma('legacy=4');
    raw.pragma(`key="x'${'ab'.repeat(32)}'"`);
    expect(() => raw.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    raw.close();
    const { openDatabase } = await import('../../db/open');
    expect(() => openDatabase(join(dir, 'asysta.db'), Buffer.alloc(32, 7), { migrationsFolder: devResources().migrationsFolder })).toThrowError(
      expect.objectContaining({ code: 'WRONG_PASSWORD' }),
    );
  });

  it('no personal data in plaintext in the db, its -wal/-shm, key file or any other file after writes', async () => {
    const { admin } = await setUpOffice(app);
    await admin.ok('users:create', {
      fullName: 'Grzegorz Brzęczyszczykiewicz',
      login: 'gbrzeczyszczykiewicz',
      role: 'assistant',
      password: 'AsystentHasło1',
    });
    // The database is still open: the WAL holds the fresh pages.
    expect(existsSync(join(dir, 'asysta.db-wal'))).toBe(true);
    expect(plaintextHits(dir, ['Brzęczyszczykiewicz', 'gbrzeczyszczykiewicz', 'AsystentHasło1', 'Grębocin'])).toEqual([]);
  });
});

describe('login screen', () => {
  it('shows the office name even while the database is closed (it is not personal data)', async () => {
    const { admin } = await setUpOffice(app);
    await admin.ok('auth:logout', {});
    expect(app.probe.isOpen()).toBe(false);
    expect((await app.session().ok('app:status', {})).officeName).toBe(OFFICE.name);
  });

  it('an unknown login is refused like a wrong password, after the same key derivation', async () => {
    await setUpOffice(app);
    const r = await app.session().call('auth:login', { login: 'nieistniejacy', password: 'Cokolwiek123' });
    expect(failure(r)).toMatchObject({ code: 'WRONG_CREDENTIALS', message: 'Nieprawidłowy login lub hasło.' });
  });
});
