/**
 * Issue 15, items 2 and 3, on real encrypted files: secrets tried against a backup go through
 * the login throttle (per target, kept across restarts, with a per-installation ceiling); a path
 * that is not an Asysta backup gets one answer whatever it is; key-derivation parameters from a
 * backup header or keys.json outside what the app writes are refused before deriving.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHeader, encodeHeader, headerLength, type BackupHeader } from '../../db/backup/format';
import { ADMIN, failure, removeDir, setUpOffice, tempDir, testApp, type TestApp, type TestSession } from '../helpers';

let dir: string;
let apps: TestApp[];
let app: TestApp;
let admin: TestSession;
let recoveryKey: string;
let usb: string;

const WORKER = { fullName: 'Katarzyna Bąkowska', login: 'kbakowska', role: 'social_worker' as const, password: 'Pracownik2026' };

function start(): TestApp {
  const a = testApp(join(dir, 'data'));
  if (apps.length) a.clock.now = apps[apps.length - 1]!.clock.now;
  apps.push(a);
  return a;
}

beforeEach(async () => {
  dir = tempDir();
  apps = [];
  app = start();
  ({ admin, recoveryKey } = await setUpOffice(app));
  await admin.ok('users:create', { ...WORKER, personalLimit: null });
  usb = join(dir, 'USB');
  mkdirSync(usb);
});

afterEach(async () => {
  for (const a of apps) await a.close();
  removeDir(dir);
});

async function loggedIn(a: TestApp, who: { login: string; password: string }): Promise<TestSession> {
  const s = a.session();
  await s.ok('auth:login', { login: who.login, password: who.password });
  return s;
}

const codeOf = async (p: Promise<{ ok: boolean; error?: { code: string } }>) => {
  const r = await p;
  return r.ok ? 'OK' : r.error!.code;
};

describe('backup:verify and backup:restore go through the login throttle', () => {
  it('guesses at the head’s password through a backup are slowed from the third, count with the login screen, and survive a restart', async () => {
    const made = await admin.ok('backup:create', { folder: usb });
    const worker = await loggedIn(app, WORKER);
    const guess = (password: string) => worker.call('backup:verify', { file: made.file, secret: { login: 'admin', password } });

    expect(failure(await guess('zgadywanie1')).code).toBe('BACKUP_WRONG_SECRET');
    expect(failure(await guess('zgadywanie2')).code).toBe('BACKUP_WRONG_SECRET');
    const third = failure(await guess('zgadywanie3'));
    expect(third).toMatchObject({ code: 'THROTTLED', retryAfterSeconds: 5, message: 'Zbyt wiele nieudanych prób. Spróbuj ponownie za 5 s.' });
    // During the delay even the right password is refused, before any key is derived...
    expect(failure(await guess(ADMIN.password)).code).toBe('THROTTLED');
    // ...and the same account's login screen waits too: one target, one count.
    expect(await codeOf(app.session().call('auth:login', { login: 'admin', password: 'zgadywanie4' }))).toBe('THROTTLED');
    // Other targets are not held up: another account, the recovery key.
    expect(await codeOf(app.session().call('auth:login', { login: WORKER.login, password: WORKER.password }))).toBe('OK');
    expect(failure(await worker.call('backup:verify', { file: made.file, secret: { recoveryKey: 'A'.repeat(52) } })).code).toBe('BACKUP_WRONG_SECRET');

    // A restart does not reset it (auth-state.json beside the database).
    await app.close();
    const again = start();
    const worker2 = await loggedIn(again, WORKER);
    const afterRestart = failure(await worker2.call('backup:verify', { file: made.file, secret: { login: 'admin', password: 'zgadywanie5' } }));
    expect(afterRestart.code).toBe('THROTTLED');
    expect(readFileSync(join(dir, 'data', 'auth-state.json'), 'utf8')).not.toContain('admin');

    // After the delay the right password opens the backup.
    again.clock.now += 6_000;
    const ok = await worker2.ok('backup:verify', { file: made.file, secret: { login: 'admin', password: ADMIN.password } });
    expect(ok.counts.users).toBe(2);
    // Each refusal is in the audit log with its code (no secret).
    const head = await loggedIn(again, ADMIN);
    const refused = (await head.ok('audit:list', { action: 'backup.verify_failed', pageSize: 50 })).items;
    expect(refused.map((r) => (r.details as { code: string }).code)).toEqual(
      expect.arrayContaining(['BACKUP_WRONG_SECRET', 'THROTTLED']),
    );
    expect(JSON.stringify(refused)).not.toContain('zgadywanie');
  });

  it('the recovery key of a backup is throttled the same way, also for a restore on a fresh installation', async () => {
    const made = await admin.ok('backup:create', { folder: usb });
    const fresh = testApp(join(dir, 'nowy-komputer'));
    apps.push(fresh);
    fresh.clock.now = app.clock.now;
    const s = fresh.session();
    const wrong = { recoveryKey: 'B'.repeat(52) };
    expect(failure(await s.call('backup:restore', { file: made.file, secret: wrong })).code).toBe('BACKUP_WRONG_SECRET');
    expect(failure(await s.call('backup:restore', { file: made.file, secret: wrong })).code).toBe('BACKUP_WRONG_SECRET');
    expect(failure(await s.call('backup:restore', { file: made.file, secret: wrong })).code).toBe('THROTTLED');
    expect(failure(await s.call('backup:verify', { file: made.file, secret: { recoveryKey } })).code).toBe('THROTTLED');
    fresh.clock.now += 6_000;
    const restored = await s.ok('backup:restore', { file: made.file, secret: { recoveryKey } });
    expect(restored.status).toBe('restored');
  });
});

describe('a per-installation ceiling on failed secrets', () => {
  it('one wrong password on each of many logins is slowed too; a success does not clear it; an hour of quiet does', async () => {
    const s = app.session();
    const spray = (i: number) => s.call('auth:login', { login: `osoba${i}`, password: 'Haslo2026' });
    // Eleven different logins, one try each: none reaches its own limit of three.
    for (let i = 1; i <= 11; i++) expect(await codeOf(spray(i)), `login ${i}`).toBe('WRONG_CREDENTIALS');
    // The twelfth failure in the burst starts the installation-wide delay.
    expect(failure(await spray(12))).toMatchObject({ code: 'THROTTLED', retryAfterSeconds: 5 });
    expect(failure(await spray(13))).toMatchObject({ code: 'THROTTLED' });
    // Everyone waits (the price of a ceiling), the head included...
    expect(await codeOf(app.session().call('auth:login', { login: 'admin', password: ADMIN.password }))).toBe('THROTTLED');
    app.clock.now += 6_000;
    await loggedIn(app, ADMIN);
    // ...and a success (e.g. an insider's own login) does not reset the spray count.
    expect(failure(await spray(14))).toMatchObject({ code: 'THROTTLED', retryAfterSeconds: 10 });
    // It is kept across a restart, and forgotten after an hour without failures.
    await app.close();
    const again = start();
    expect(await codeOf(again.session().call('auth:login', { login: 'osoba15', password: 'Haslo2026' }))).toBe('THROTTLED');
    again.clock.now += 61 * 60_000;
    expect(await codeOf(again.session().call('auth:login', { login: 'osoba16', password: 'Haslo2026' }))).toBe('WRONG_CREDENTIALS');
  });
});

describe('checking a path that is not a backup answers one thing, whatever the path is', () => {
  it('a text file, a folder, a missing file, a device: the same code, words and field, before and after setup', async () => {
    const made = await admin.ok('backup:create', { folder: usb });
    const passwd = join(dir, 'passwd');
    writeFileSync(passwd, 'root:x:0:0:root:/root:/bin/bash\n');
    const paths = [
      passwd,
      join(dir, 'passwd-kopia.asysta-backup'), // missing, even if named like a backup
      usb, // a folder
      join(dir, 'brak', 'plik.txt'), // missing folder
      made.file + '.x', // missing, next to a real backup
    ];
    if (process.platform !== 'win32') paths.push('/dev/zero', '/etc/passwd');
    writeFileSync(paths[1]!.replace('.asysta-backup', '.txt'), 'nie kopia');

    const fresh = testApp(join(dir, 'nowy'));
    apps.push(fresh);
    const answers = new Set<string>();
    for (const file of paths) {
      for (const [who, s] of [['worker', await loggedIn(app, WORKER)], ['fresh installation', fresh.session()]] as const) {
        const verify = failure(await s.call('backup:verify', { file, secret: { login: 'admin', password: ADMIN.password } }));
        answers.add(JSON.stringify(verify));
        if (who === 'fresh installation') {
          answers.add(JSON.stringify(failure(await s.call('backup:restore', { file, secret: { recoveryKey } }))));
        }
      }
    }
    expect([...answers]).toEqual([
      JSON.stringify({
        code: 'BACKUP_CORRUPT',
        message: 'To nie jest czytelny plik kopii zapasowej Asysty. Wskaż plik kopii (.asysta-backup) i sprawdź, czy nośnik jest podłączony.',
        fields: { file: 'To nie jest czytelny plik kopii zapasowej Asysty. Wskaż plik kopii (.asysta-backup) i sprawdź, czy nośnik jest podłączony.' },
      }),
    ]);
    // None of this counted as a wrong secret.
    expect(await codeOf((await loggedIn(app, WORKER)).call('backup:verify', { file: made.file, secret: { login: 'admin', password: ADMIN.password } }))).toBe('OK');
    // A backup file cut to nothing (the stick pulled at once) is still told apart.
    const empty = join(usb, 'asysta-pusta.asysta-backup');
    writeFileSync(empty, '');
    expect(failure(await fresh.session().call('backup:verify', { file: empty, secret: { recoveryKey } })).message).toContain('pusty (0 bajtów)');
  });
});

describe('key-derivation parameters outside what the app writes are refused before deriving', () => {
  /** The backup with every slot's KDF parameters replaced and the header checksum recomputed (as an attacker can). */
  function tampered(file: string, kdf: Record<string, unknown>, name: string): string {
    const bytes = readFileSync(file);
    const len = headerLength(bytes.subarray(0, 14));
    const { header } = decodeHeader(bytes.subarray(0, len));
    const changed: BackupHeader = JSON.parse(JSON.stringify(header)) as BackupHeader;
    for (const slot of changed.keystore.slots) (slot.wrap as unknown as { kdf: unknown }).kdf = kdf;
    const out = join(usb, `${name}.asysta-backup`);
    writeFileSync(out, Buffer.concat([encodeHeader(changed).bytes, bytes.subarray(len)]));
    return out;
  }

  const UNSUPPORTED = 'Kopia zapasowa ma nieobsługiwane parametry klucza (nagłówek zmieniony albo kopia nie pochodzi z Asysty). Nic nie zostało przywrócone.';

  it('N = 2^22 (4 GiB, ~30 s), N = 2^30 (malloc failure), p = 24, r = 1, N not a power of two, another algorithm: BACKUP_CORRUPT at once', async () => {
    const made = await admin.ok('backup:create', { folder: usb });
    const variants: Array<[string, Record<string, unknown>]> = [
      ['N-2-22', { algo: 'scrypt', N: 2 ** 22, r: 8, p: 1 }],
      ['N-2-30', { algo: 'scrypt', N: 2 ** 30, r: 8, p: 1 }],
      ['p-24', { algo: 'scrypt', N: 2 ** 10, r: 8, p: 24 }],
      ['r-1', { algo: 'scrypt', N: 2 ** 10, r: 1, p: 1 }],
      ['N-1000', { algo: 'scrypt', N: 1000, r: 8, p: 1 }],
      ['N-2-9', { algo: 'scrypt', N: 2 ** 9, r: 8, p: 1 }],
      ['argon2', { algo: 'argon2id', N: 2 ** 10, r: 8, p: 1 }],
      ['N-string', { algo: 'scrypt', N: '1024', r: 8, p: 1 }],
    ];
    const worker = await loggedIn(app, WORKER);
    for (const [name, kdf] of variants) {
      const file = tampered(made.file, kdf, name);
      for (const secret of [{ login: 'admin', password: ADMIN.password }, { recoveryKey }]) {
        const err = failure(await worker.call('backup:verify', { file, secret }));
        expect(err, name).toEqual({ code: 'BACKUP_CORRUPT', message: UNSUPPORTED });
      }
    }
    // Sixteen refusals and not one of them counted as a wrong password.
    expect(await codeOf(worker.call('backup:verify', { file: made.file, secret: { login: 'admin', password: ADMIN.password } }))).toBe('OK');
    // The production set (2^17) and the test set (2^10) are accepted: the real backup verifies.
    const restoreInto = testApp(join(dir, 'nowy'));
    apps.push(restoreInto);
    const refused = failure(await restoreInto.session().call('backup:restore', { file: tampered(made.file, variants[0]![1], 'r'), secret: { recoveryKey } }));
    expect(refused.message).toBe(UNSUPPORTED);
    expect(restoreInto.probe.isSetUp()).toBe(false);
  });

  it('keys.json with such parameters is refused at login with a typed Polish error, not an allocation failure', async () => {
    await app.close();
    const keysPath = join(dir, 'data', 'keys.json');
    const keys = JSON.parse(readFileSync(keysPath, 'utf8')) as { slots: Array<{ wrap: { kdf: Record<string, unknown> } }> };
    for (const slot of keys.slots) slot.wrap.kdf = { algo: 'scrypt', N: 2 ** 30, r: 8, p: 1 };
    writeFileSync(keysPath, JSON.stringify(keys));
    const again = start();
    const r = failure(await again.session().call('auth:login', { login: 'admin', password: ADMIN.password }));
    expect(r).toEqual({
      code: 'DB_CORRUPT',
      message: 'Plik kluczy (keys.json) ma nieobsługiwane parametry klucza (zmieniony lub nie pochodzi z Asysty). Przywróć dane z kopii zapasowej.',
    });
  });
});
