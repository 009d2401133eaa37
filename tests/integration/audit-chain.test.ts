/**
 * The tamper-evident audit log on real encrypted files: every entry is chained to the previous
 * one; verification reports the first broken link when the file is edited around the triggers
 * (opened with the data key, trigger dropped); entries from before migration 0005 are chained
 * once on open.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditHash, verifyAuditChain, ZERO_HASH } from '../../db/audit/chain';
import { TEST_SCRYPT } from '../../db/crypto';
import { Keystore } from '../../db/keystore';
import { DB_FILE, journalEntries, openDatabase, type OpenedDb } from '../../db/open';
import { writeAudit } from '../../db/repos/audit';
import { MemorySettingsStore } from '../../db/settings';
import { chainVerdict } from '../../shared/print/auditExtract';
import { ADMIN, removeDir, setUpOffice, tempDir, inProcessApp, type InProcessApp } from '../helpers';
import { family } from './registryFixtures';
import { devResources } from '../../build/dev-resources';

let dir: string;
let app: InProcessApp | null;
let raw: OpenedDb | null;
beforeEach(() => {
  dir = tempDir();
  app = null;
  raw = null;
});
afterEach(() => {
  raw?.sqlite.close();
  app?.core.shutdown();
  removeDir(dir);
});

type Row = { id: number; at: string; user_id: string | null; user_login: string | null; action: string; entity_type: string | null; entity_id: string | null; details: string | null; prev_hash: string | null; hash: string | null };

/** An office with some history: setup, logins, an account, a family registered and opened. */
async function officeWithHistory() {
  app = inProcessApp(dir);
  const { admin } = await setUpOffice(app);
  await admin.ok('users:create', { fullName: 'Olga Dąbrowska', login: 'iod', role: 'dpo', password: 'Inspektor2026!' });
  await admin.ok('users:create', { fullName: 'Jan Ćwik', login: 'jcwik', role: 'social_worker', password: 'Pracownik2026' });
  const ps = app.session();
  await ps.ok('auth:login', { login: 'jcwik', password: 'Pracownik2026' });
  const f = (await ps.ok('families:create', family('Wiśniewska'))).family;
  await admin.ok('families:get', { id: f.id });
  return { admin, ps, familyId: f.id };
}

/** Close the app and open its file directly with the data key (as someone with a password could). */
async function openWithKey(): Promise<OpenedDb> {
  app!.core.shutdown();
  app = null;
  const unlocked = await Keystore.load(dir, TEST_SCRYPT).unlockWithPassword(ADMIN.login, ADMIN.password);
  expect(unlocked).not.toBeNull();
  raw = openDatabase(join(dir, DB_FILE), unlocked!.dataKey, { skipMigrations: true });
  return raw;
}

const rows = (o: OpenedDb) => o.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];

describe('audit hash chain', () => {
  it('chains every entry to the previous one and verifies; the verification is logged with its result', async () => {
    const { admin } = await officeWithHistory();
    const { sqlite } = app!.core.requireDb();
    const all = sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];
    expect(all.length).toBeGreaterThan(5);
    let prev = ZERO_HASH;
    all.forEach((r, i) => {
      expect(r.id).toBe(i + 1);
      expect(r.prev_hash).toBe(prev);
      expect(r.hash).toBe(
        auditHash(prev, { id: r.id, at: r.at, userId: r.user_id, userLogin: r.user_login, action: r.action, entityType: r.entity_type, entityId: r.entity_id, details: r.details }),
      );
      prev = r.hash!;
    });

    const v = await admin.ok('audit:verify', {});
    expect(v).toMatchObject({ ok: true, checked: all.length, head: { id: all.length, hash: prev } });
    expect(v.firstBroken).toBeUndefined();
    const logged = (await admin.ok('audit:list', { action: 'audit.verify' })).items[0]!;
    expect(logged.details).toMatchObject({ ok: true, checked: all.length, headId: all.length, firstBrokenId: null });

    // The data protection officer may verify too; a social worker may not (refused, audited).
    const dpo = app!.session();
    await dpo.ok('auth:login', { login: 'iod', password: 'Inspektor2026!' });
    expect((await dpo.ok('audit:verify', {})).ok).toBe(true);
    const ps = app!.session();
    await ps.ok('auth:login', { login: 'jcwik', password: 'Pracownik2026' });
    const refused = await ps.call('audit:verify', {});
    expect(refused.ok ? 'OK' : refused.error.code).toBe('FORBIDDEN');
    // The whole log still verifies after all of that.
    expect((await dpo.ok('audit:verify', {})).ok).toBe(true);
  });

  it('entries written inside a caller\'s transaction are chained there; a rolled-back one leaves no hole', async () => {
    const { admin } = await officeWithHistory();
    const { db, sqlite } = app!.core.requireDb();
    const before = (sqlite.prepare('SELECT max(id) AS m FROM audit_log').get() as { m: number }).m;
    const entry = (action: string) => ({ at: '2026-11-22T09:30:00.000Z', userId: null, userLogin: 'test', action, entityType: null, entityId: null, details: { n: 1 } });
    // A caller's transaction that fails after writing its audit row: nothing stays, not even the id.
    expect(() =>
      db.transaction((tx) => {
        writeAudit(tx, entry('test.rolled_back'));
        throw new Error('the change failed');
      }),
    ).toThrow('the change failed');
    // Two rows in one transaction (the second sees the first as its predecessor), and one outside.
    const ids = db.transaction((tx) => [writeAudit(tx, entry('test.one')), writeAudit(tx, entry('test.two'))]);
    const third = writeAudit(db, entry('test.three'));
    expect([...ids, third]).toEqual([before + 1, before + 2, before + 3]);
    expect(sqlite.prepare(`SELECT count(*) AS c FROM audit_log WHERE action = 'test.rolled_back'`).get()).toEqual({ c: 0 });
    expect(await admin.ok('audit:verify', {})).toMatchObject({ ok: true, checked: before + 3 });
  });

  it('reports exactly the edited row when a row is changed in the file with the key', async () => {
    await officeWithHistory();
    const o = await openWithKey();
    const before = rows(o);
    const target = before.find((r) => r.action === 'family.create')!;
    expect(target.id).toBeLessThan(before.length);
    expect(verifyAuditChain(o.sqlite).ok).toBe(true);
    expect(() => o.sqlite.prepare('UPDATE audit_log SET details = ? WHERE id = ?').run('{"x":1}', target.id)).toThrow(/append-only/);
    o.sqlite.exec('DROP TRIGGER audit_log_no_update');
    o.sqlite.prepare('UPDATE audit_log SET user_login = ? WHERE id = ?').run('ktos', target.id);
    const v = verifyAuditChain(o.sqlite);
    expect(v).toMatchObject({ ok: false, checked: target.id, firstBroken: { id: target.id, at: target.at, reason: 'hash' } });

    // Recomputing the edited row's own hash just moves the break to the link of the next row.
    const edited = rows(o).find((r) => r.id === target.id)!;
    const newHash = auditHash(edited.prev_hash!, { id: edited.id, at: edited.at, userId: edited.user_id, userLogin: edited.user_login, action: edited.action, entityType: edited.entity_type, entityId: edited.entity_id, details: edited.details });
    o.sqlite.prepare('UPDATE audit_log SET hash = ? WHERE id = ?').run(newHash, target.id);
    expect(verifyAuditChain(o.sqlite).firstBroken).toMatchObject({ id: target.id + 1, reason: 'prev' });
  });

  it('reports a deleted row (a gap), a deleted first row, a truncated tail and swapped rows', async () => {
    await officeWithHistory();
    const o = await openWithKey();
    const all = rows(o);
    o.sqlite.exec('DROP TRIGGER audit_log_no_delete');
    o.sqlite.exec('DROP TRIGGER audit_log_no_update');

    // The tail: the AUTOINCREMENT counter still remembers the removed last entry.
    const last = all[all.length - 1]!;
    o.sqlite.prepare('DELETE FROM audit_log WHERE id = ?').run(last.id);
    expect(verifyAuditChain(o.sqlite)).toMatchObject({ ok: false, firstBroken: { id: last.id, at: null, reason: 'gap' } });

    // A row in the middle.
    const mid = all[Math.floor(all.length / 2)]!;
    o.sqlite.prepare('DELETE FROM audit_log WHERE id = ?').run(mid.id);
    expect(verifyAuditChain(o.sqlite).firstBroken).toMatchObject({ id: mid.id + 1, reason: 'gap' });

    // Two rows swapped (content exchanged between ids 3 and 4): the earlier one is reported.
    const [r3, r4] = [all[2]!, all[3]!];
    const put = o.sqlite.prepare('UPDATE audit_log SET at = ?, user_id = ?, user_login = ?, action = ?, entity_type = ?, entity_id = ?, details = ?, prev_hash = ?, hash = ? WHERE id = ?');
    put.run(r4.at, r4.user_id, r4.user_login, r4.action, r4.entity_type, r4.entity_id, r4.details, r4.prev_hash, r4.hash, r3.id);
    put.run(r3.at, r3.user_id, r3.user_login, r3.action, r3.entity_type, r3.entity_id, r3.details, r3.prev_hash, r3.hash, r4.id);
    expect(verifyAuditChain(o.sqlite).firstBroken).toMatchObject({ id: 3, reason: 'prev' });

    // The very first entry.
    o.sqlite.prepare('DELETE FROM audit_log WHERE id = 1').run();
    expect(verifyAuditChain(o.sqlite)).toMatchObject({ ok: false, checked: 1, firstBroken: { id: 2, reason: 'gap' } });
  });

  it('the head reports a broken log on screen terms after the file was edited, and the app keeps working', async () => {
    await officeWithHistory();
    const o = await openWithKey();
    o.sqlite.exec('DROP TRIGGER audit_log_no_update');
    o.sqlite.prepare(`UPDATE audit_log SET details = '{"edited":true}' WHERE id = 2`).run();
    o.sqlite.close();
    raw = null;
    app = inProcessApp(dir);
    const s = app.session();
    await s.ok('auth:login', { login: ADMIN.login, password: ADMIN.password });
    const v = await s.ok('audit:verify', {});
    expect(v).toMatchObject({ ok: false, checked: 2, firstBroken: { id: 2, reason: 'hash' } });
    // New entries are still appended and chained to the (stored) head.
    const { sqlite } = app.core.requireDb();
    const tail = sqlite.prepare('SELECT id, prev_hash, hash FROM audit_log ORDER BY id DESC LIMIT 2').all() as Row[];
    expect(tail[0]!.prev_hash).toBe(tail[1]!.hash);
  });
});

describe('anchors outside the database', () => {
  it('a chain recomputed from an earlier point with the key verifies on its own, but not against the head this workstation recorded', async () => {
    const settings = new MemorySettingsStore();
    app = inProcessApp(dir, { settings });
    const { admin } = await setUpOffice(app);
    await admin.ok('families:create', family('Zielińska'));
    const first = await admin.ok('audit:verify', {});
    expect(first.ok).toBe(true);
    const anchor = settings.get('auditAnchors')!.at(-1)!;
    expect(anchor).toMatchObject({ id: first.head!.id, hash: first.head!.hash });

    // Someone with a password opens the file, edits entry 2 and recomputes every later hash.
    const o = await openWithKey();
    o.sqlite.exec('DROP TRIGGER audit_log_no_update');
    o.sqlite.prepare(`UPDATE audit_log SET details = '{"rewritten":true}' WHERE id = 2`).run();
    let prev = rows(o).find((r) => r.id === 1)!.hash!;
    for (const r of rows(o).filter((x) => x.id >= 2)) {
      const h = auditHash(prev, { id: r.id, at: r.at, userId: r.user_id, userLogin: r.user_login, action: r.action, entityType: r.entity_type, entityId: r.entity_id, details: r.details });
      o.sqlite.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, h, r.id);
      prev = h;
    }
    expect(verifyAuditChain(o.sqlite).ok).toBe(true);
    expect(verifyAuditChain(o.sqlite, [anchor]).firstBroken).toMatchObject({ id: anchor.id, reason: 'anchor' });
    o.sqlite.close();
    raw = null;

    // On this workstation the head sees it named on screen terms.
    app = inProcessApp(dir, { settings });
    const s = app.session();
    await s.ok('auth:login', { login: ADMIN.login, password: ADMIN.password });
    const v = await s.ok('audit:verify', {});
    expect(v).toMatchObject({ ok: false, firstBroken: { id: anchor.id, reason: 'anchor' } });
    expect(chainVerdict(v)).toContain('dziennik przeliczono od nowa');
  });

  it('a removed tail (with the counter reset) is caught by the anchor', async () => {
    const settings = new MemorySettingsStore();
    app = inProcessApp(dir, { settings });
    const { admin } = await setUpOffice(app);
    await admin.ok('families:create', family('Zielińska'));
    const first = await admin.ok('audit:verify', {});
    const o = await openWithKey();
    o.sqlite.exec('DROP TRIGGER audit_log_no_delete');
    o.sqlite.prepare('DELETE FROM audit_log WHERE id >= ?').run(first.head!.id - 1);
    o.sqlite.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'`).run(first.head!.id - 2);
    expect(verifyAuditChain(o.sqlite).ok).toBe(true);
    expect(verifyAuditChain(o.sqlite, settings.get('auditAnchors')!).firstBroken).toMatchObject({ id: first.head!.id - 1, reason: 'anchor' });
  });
});

describe('entries from before the hash chain', () => {
  it('are chained once, in id order, when a database of the previous schema is opened', () => {
    // Schema before migration 0005.
    const prev = join(dir, 'migrations-0004');
    mkdirSync(join(prev, 'meta'), { recursive: true });
    const entries = journalEntries(devResources().migrationsFolder);
    const upto = entries.findIndex((e) => e.tag.startsWith('0005'));
    expect(upto).toBeGreaterThan(0);
    for (const e of entries.slice(0, upto)) cpSync(join(devResources().migrationsFolder, `${e.tag}.sql`), join(prev, `${e.tag}.sql`));
    const journal = JSON.parse(readFileSync(join(devResources().migrationsFolder, 'meta', '_journal.json'), 'utf8'));
    writeFileSync(join(prev, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, upto) }));

    const key = randomBytes(32);
    const path = join(dir, DB_FILE);
    const old = openDatabase(path, key, { migrationsFolder: prev });
    const ins = old.sqlite.prepare('INSERT INTO audit_log (at, user_id, user_login, action, entity_type, entity_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)');
    ins.run('2026-01-02T08:00:00.000Z', null, 'admin', 'setup.initialize', null, null, null);
    ins.run('2026-01-02T08:01:00.000Z', 'u1', 'admin', 'auth.login', null, null, null);
    ins.run('2026-01-03T09:00:00.000Z', 'u1', 'admin', 'family.open', 'family', 'f1', '{"via":"list"}');
    old.sqlite.close();

    raw = openDatabase(path, key, { migrationsFolder: devResources().migrationsFolder });
    const chained = rows(raw);
    expect(chained).toHaveLength(3);
    expect(chained[0]!.prev_hash).toBe(ZERO_HASH);
    expect(chained[1]!.prev_hash).toBe(chained[0]!.hash);
    expect(chained[2]!.prev_hash).toBe(chained[1]!.hash);
    expect(verifyAuditChain(raw.sqlite)).toMatchObject({ ok: true, checked: 3 });
    // Chained once: the trigger now refuses to touch them again.
    expect(() => raw!.sqlite.prepare('UPDATE audit_log SET hash = NULL, prev_hash = NULL WHERE id = 1').run()).toThrow(/append-only/);
    raw.sqlite.close();
    // Opening again changes nothing.
    raw = openDatabase(path, key, { migrationsFolder: devResources().migrationsFolder });
    expect(rows(raw).map((r) => r.hash)).toEqual(chained.map((r) => r.hash));
  });
});
