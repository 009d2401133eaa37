import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { journalEntries, openDatabase, schemaVersion } from '../../db/open';
import { listFamilies } from '../../db/services/registry';
import { contract } from '../../shared/ipc/contract';
import { removeDir, setUpOffice, tempDir, testApp, type TestApp } from '../helpers';
import { devResources } from '../../build/dev-resources';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

describe('audit log', () => {
  let app: TestApp;
  afterEach(() => app.close());

  it('records logins, account changes and the opening of a family file with who and when', async () => {
    app = testApp(dir);
    const { admin } = await setUpOffice(app);
    await admin.ok('users:create', { fullName: 'Jan Ćwik', login: 'jcwik', role: 'social_worker', password: 'Pracownik2026' });
    const { items } = await admin.ok('audit:list', {});
    const actions = items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['setup.initialize', 'auth.login', 'user.create']));
    const create = items.find((e) => e.action === 'user.create')!;
    expect(create).toMatchObject({ userLogin: 'admin', entityType: 'user', at: '2026-11-22T09:00:00.000Z' });
  });

  it('the API offers no way to change or delete entries', () => {
    const auditChannels = Object.keys(contract).filter((c) => c.startsWith('audit:'));
    // Read, verify, print (and record the print): nothing edits or deletes (issue 7 added the rest).
    expect(auditChannels.sort()).toEqual(['audit:extract', 'audit:extractExported', 'audit:list', 'audit:search', 'audit:verify']);
  });

  it('the database itself refuses UPDATE and DELETE on the audit log', async () => {
    app = testApp(dir);
    await setUpOffice(app);
    const sqlite = app.sql;
    expect(() => sqlite.prepare(`UPDATE audit_log SET action = 'x'`).run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('migrations', () => {
  it('journal timestamps strictly increase (an older timestamp would be skipped forever)', () => {
    const entries = journalEntries(devResources().migrationsFolder);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.when).toBeGreaterThan(entries[i - 1]!.when);
  });

  it('a database made by the previous schema version is migrated at open, keeping its data', () => {
    // Build a previous version: the same migrations folder up to the last one with a data
    // migration (0007, checked below); every later migration runs at open too.
    const prev = join(dir, 'migrations-prev');
    mkdirSync(join(prev, 'meta'), { recursive: true });
    const entries = journalEntries(devResources().migrationsFolder);
    const cut = entries.findIndex((e) => e.tag === '0007_staff_register');
    expect(cut).toBeGreaterThan(0);
    const older = entries.slice(0, cut);
    for (const e of older) cpSync(join(devResources().migrationsFolder, `${e.tag}.sql`), join(prev, `${e.tag}.sql`));
    const journal = JSON.parse(readFileSync(join(devResources().migrationsFolder, 'meta', '_journal.json'), 'utf8'));
    writeFileSync(join(prev, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));

    const key = randomBytes(32);
    const path = join(dir, 'asysta.db');
    const v1 = openDatabase(path, key, { migrationsFolder: prev });
    expect(schemaVersion(v1.sqlite)).toBe(older.length);
    v1.sqlite
      .prepare(`INSERT INTO users (id, login, full_name, role, active, created_at, updated_at) VALUES ('u1','ola','Ola Źdźbło','assistant',1,'x','x')`)
      .run();
    // Before 0007 the assistants' form of employment lived in the report settings.
    v1.sqlite
      .prepare(`INSERT INTO office_settings (key, value, version, updated_at) VALUES ('report.staff', ?, 1, '2026-01-02T10:00:00.000Z')`)
      .run(JSON.stringify({ u1: { form: 'employment-contract', taskBasedTime: true }, gone: { form: 'service-contract', taskBasedTime: false } }));
    // A family recorded before the search index (0009/0010) existed.
    v1.sqlite
      .prepare(`INSERT INTO families (id, address, place, gmina, search_text, created_at, updated_at) VALUES ('f0','ul. Jarzębinowa 3','Grębocin','Lubicz','wisniewska jarzebinowa 3 grebocin','x','x')`)
      .run();
    v1.sqlite.close();

    const v2 = openDatabase(path, key, { migrationsFolder: devResources().migrationsFolder });
    expect(schemaVersion(v2.sqlite)).toBe(entries.length);
    expect(v2.sqlite.prepare('SELECT full_name AS n FROM users').get()).toEqual({ n: 'Ola Źdźbło' });
    // The newest migration's tables exist and work with the old rows.
    v2.sqlite
      .prepare(`INSERT INTO families (id, address, place, gmina, search_text, assistant_id, created_at, updated_at) VALUES ('f1','ul. Polna 1','Grębocin','Lubicz','x','u1','x','x')`)
      .run();
    expect(v2.sqlite.prepare('SELECT count(*) AS c FROM families').get()).toEqual({ c: 2 });
    // 0009_scale_indexes + 0010_family_search: the older family is in the search index, and a
    // family added after the upgrade is indexed by the triggers (typed with diacritics, any case).
    const head = { user: { id: 'u0', login: 'kierownik', fullName: 'Kierownik', role: 'admin' as const }, sessionId: 's' };
    const found = (query: string) => listFamilies(v2.sqlite, head, { query, page: 1, pageSize: 50 }).items.map((f) => f.id).sort();
    expect(found('Wiśniewsk')).toEqual(['f0']);
    expect(found('jarzębinowa grębocin')).toEqual(['f0']);
    expect(found('Polna')).toEqual([]);
    v2.sqlite.prepare(`UPDATE families SET search_text = 'nowak polna 1 grebocin' WHERE id = 'f1'`).run();
    expect(found('GRĘBOCIN')).toEqual(['f0', 'f1']);
    expect(found('polna')).toEqual(['f1']);
    // The indexes and triggers of the newest schema exist (a later migration that rebuilds
    // \`families\` must recreate the triggers: this fails if it does not).
    const objects = v2.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')`).pluck().all();
    expect(objects).toEqual(
      expect.arrayContaining(['family_search_ai', 'family_search_au', 'family_search_ad', 'cases_report_idx', 'case_events_report_idx', 'members_children_report_idx']),
    );
    // 0006_catalogue_decided_on: the catalogue's "Data uzyskania / odmowy" column exists, empty for old rows.
    expect((v2.sqlite.prepare('PRAGMA table_info(catalogue_items)').all() as Array<{ name: string }>).map((c) => c.name)).toContain('decided_on');
    // 0007_staff_register: the form of employment moved into the staff register (accounts that
    // no longer exist dropped) and the old settings list is gone.
    expect(v2.sqlite.prepare('SELECT user_id AS u, employment_form AS f, task_based_time AS t FROM staff_register').all()).toEqual([
      { u: 'u1', f: 'employment-contract', t: 1 },
    ]);
    expect(v2.sqlite.prepare(`SELECT count(*) AS c FROM office_settings WHERE key = 'report.staff'`).get()).toEqual({ c: 0 });
    // 0008_user_display_prefs: an existing account can keep its text size and contrast.
    v2.sqlite.prepare(`INSERT INTO user_display_prefs (user_id, text_size, contrast, updated_at) VALUES ('u1', 'A++', 'high', 'x')`).run();
    expect(v2.sqlite.prepare('SELECT text_size AS s, contrast AS c FROM user_display_prefs').get()).toEqual({ s: 'A++', c: 'high' });
    v2.sqlite.close();
  });

  it('checks foreign keys after a migration, not on every open (opening costs the same at any size)', () => {
    const prev = join(dir, 'migrations-prev');
    mkdirSync(join(prev, 'meta'), { recursive: true });
    const all = devResources().migrationsFolder;
    const entries = journalEntries(all);
    for (const e of entries.slice(0, -1)) cpSync(join(all, `${e.tag}.sql`), join(prev, `${e.tag}.sql`));
    const journal = JSON.parse(readFileSync(join(all, 'meta', '_journal.json'), 'utf8'));
    writeFileSync(join(prev, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }));
    const key = randomBytes(32);
    const path = join(dir, 'asysta.db');
    const dangling = (db: ReturnType<typeof openDatabase>) => {
      // A reference to an account that does not exist, written with the checks off.
      db.sqlite.pragma('foreign_keys = OFF');
      db.sqlite.prepare(`INSERT INTO user_display_prefs (user_id, text_size, contrast, updated_at) VALUES ('nobody', 'A', 'normal', 'x')`).run();
      db.sqlite.close();
    };
    dangling(openDatabase(path, key, { migrationsFolder: prev }));
    // A migration ran: the dangling reference is found and the database refused.
    expect(() => openDatabase(path, key, { migrationsFolder: all })).toThrowError(expect.objectContaining({ code: 'DB_CORRUPT' }));
    // The migration is committed, but the refusal stands until the data is consistent.
    expect(() => openDatabase(path, key, { migrationsFolder: all })).toThrowError(expect.objectContaining({ code: 'DB_CORRUPT' }));

    const path2 = join(dir, 'current.db');
    dangling(openDatabase(path2, key, { migrationsFolder: all }));
    // Up to date and checked at this version: no whole-database scan at open.
    const again = openDatabase(path2, key, { migrationsFolder: all });
    expect(schemaVersion(again.sqlite)).toBe(entries.length);
    again.sqlite.close();
  });

  it('a database from a newer app version is refused with a clear message', () => {
    const key = randomBytes(32);
    const path = join(dir, 'asysta.db');
    const db = openDatabase(path, key, { migrationsFolder: devResources().migrationsFolder });
    db.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() * 2);
    db.sqlite.close();
    expect(() => openDatabase(path, key, { migrationsFolder: devResources().migrationsFolder })).toThrowError(expect.objectContaining({ code: 'DB_FROM_FUTURE' }));
  });
});
