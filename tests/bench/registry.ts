/**
 * Registry and case figures (issue 3) on the seeded dataset: family search by surname prefix and
 * by PESEL, the family card, the head's decision screen — median and p95 on the encrypted
 * database beside the same query on an unencrypted SQLite file with the same data.
 * Target: every one under 20 ms p95.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { join } from 'node:path';
import { AsystaCore, type Actor } from '../../db/core';
import { finishDemoFamilies, seedDemoCases } from '../../db/demo/cases';
import { generateFamilies } from '../../db/demo/generate';
import { type SqliteHandle } from '../../db/open';
import { insertFamilies } from '../../db/repos/families';
import { decisionScreen } from '../../db/services/cases';
import type { ServiceCtx } from '../../db/services/context';
import * as schema from '../../db/schema';
import { familyCard, listFamilies, openFamily } from '../../db/services/registry';
import { MemorySettingsStore } from '../../db/settings';
import { fmt, median, p95, time } from './stats';
import { devResources } from '../../build/dev-resources';

const TARGET_MS = 20;

function openPlain(path: string): SqliteHandle {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('temp_store = MEMORY');
  migrate(drizzle(sqlite, { schema }), { migrationsFolder: devResources().migrationsFolder });
  return sqlite;
}

/** The same families, staff and cases as the encrypted demo, in a plain file. */
function buildPlain(enc: SqliteHandle, path: string, families: number, adminLogin: string): SqliteHandle {
  const plain = openPlain(path);
  const users = enc.prepare('SELECT * FROM users').all() as Array<Record<string, unknown>>;
  const cols = Object.keys(users[0]!);
  const ins = plain.prepare(`INSERT INTO users (${cols.join(',')}) VALUES (${cols.map((c) => `@${c}`).join(',')})`);
  for (const u of users) ins.run(u);
  const at = new Date().toISOString();
  const fams = generateFamilies(families);
  insertFamilies(plain, fams.map((f) => ({ ...f, assistantId: null })), at);
  const staff = users.map((u) => ({
    id: u.id as string,
    login: u.login as string,
    fullName: u.full_name as string,
    role: u.role as string,
    personalLimit: u.personal_limit as number | null,
  }));
  const admin = staff.find((s) => s.login === adminLogin)!;
  plain.transaction(() => {
    seedDemoCases(plain, fams.map((f) => f.id), staff.filter((s) => s.id !== admin.id), admin, { today: at.slice(0, 10), at });
    finishDemoFamilies(plain, fams.map((f) => f.id));
  })();
  return plain;
}

function measure(fn: () => unknown, runs = 60): { median: number; p95: number } {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(time(fn)[0]);
  const s = xs.slice(10);
  return { median: median(s), p95: p95(s) };
}

export async function benchRegistry(opts: { dataDir: string; password: string; workDir: string; families: number }): Promise<boolean> {
  const core = new AsystaCore({ dataDir: opts.dataDir, settings: new MemorySettingsStore(), resources: devResources() });
  const { actor, sqlite: enc } = await core.openForTool('admin', opts.password);
  const plain = buildPlain(enc, join(opts.workDir, 'plain-registry.db'), opts.families, 'admin');
  const assistantOf = (db: SqliteHandle): Actor => {
    const u = db.prepare(`SELECT id, login, full_name AS fullName, role FROM users WHERE role = 'assistant' ORDER BY login LIMIT 1`).get() as Actor['user'];
    return { user: u, sessionId: 'bench' };
  };
  const adminOf = (db: SqliteHandle): Actor => {
    const u = db.prepare(`SELECT id, login, full_name AS fullName, role FROM users WHERE login = 'admin'`).get() as Actor['user'];
    return { user: u, sessionId: 'bench' };
  };
  const pesel = (db: SqliteHandle) =>
    (db.prepare('SELECT pesel FROM family_members WHERE pesel IS NOT NULL ORDER BY pesel LIMIT 1 OFFSET 700').get() as { pesel: string }).pesel;
  // A busy family: the one with the most history.
  const busy = (db: SqliteHandle) =>
    (db.prepare('SELECT c.family_id AS id FROM case_events e JOIN cases c ON c.id = e.case_id GROUP BY c.family_id ORDER BY count(*) DESC LIMIT 1').get() as { id: string }).id;
  const ctxOf = (db: SqliteHandle): ServiceCtx => ({ db: drizzle(db, { schema }) as unknown as ServiceCtx['db'], sqlite: db, now: () => Date.now() });
  const encCtx: ServiceCtx = { ...ctxOf(enc), db: core.requireDb().db };
  const plainCtx = ctxOf(plain);

  const cases: Array<[string, (db: SqliteHandle, ctx: ServiceCtx) => () => unknown]> = [
    ['list, first page (50), head', (db) => { const a = adminOf(db); return () => listFamilies(db, a, { query: '', page: 1, pageSize: 50 }); }],
    ['search surname prefix "kowal"', (db) => { const a = adminOf(db); return () => listFamilies(db, a, { query: 'kowal', page: 1, pageSize: 50 }); }],
    ['search diacritics-insensitive "wojcik"', (db) => { const a = adminOf(db); return () => listFamilies(db, a, { query: 'wojcik', page: 1, pageSize: 50 }); }],
    ['search by PESEL', (db) => { const a = adminOf(db); const p = pesel(db); return () => listFamilies(db, a, { query: p, page: 1, pageSize: 50 }); }],
    ['search by case number "4011.7"', (db) => { const a = adminOf(db); return () => listFamilies(db, a, { query: '4011.7.', page: 1, pageSize: 50 }); }],
    ['list filtered by state REALIZACJA', (db) => { const a = adminOf(db); return () => listFamilies(db, a, { query: '', page: 1, pageSize: 50, state: 'REALIZACJA' }); }],
    ['list as an assistant (scoped)', (db) => { const a = assistantOf(db); return () => listFamilies(db, a, { query: '', page: 1, pageSize: 50 }); }],
    ['family card (read)', (db) => { const id = busy(db); return () => familyCard(db, id); }],
    ['family card + audit write (families:get)', (db, ctx) => { const id = busy(db); const a = adminOf(db); return () => openFamily(ctx, a, id); }],
    ["head's decision screen", (_db, ctx) => () => decisionScreen(ctx)],
  ];

  console.log(`\nRegistry and cases (issue 3) — target p95 < ${TARGET_MS} ms`);
  console.log(`${'operation'.padEnd(48)} ${'enc median'.padStart(11)} ${'enc p95'.padStart(10)} ${'plain med.'.padStart(11)} ${'plain p95'.padStart(10)}`);
  let allOk = true;
  for (const [label, make] of cases) {
    const e = measure(make(enc, encCtx));
    const p = measure(make(plain, plainCtx));
    const ok = e.p95 < TARGET_MS;
    allOk &&= ok;
    console.log(
      `${label.padEnd(48)} ${fmt(e.median).padStart(11)} ${fmt(e.p95).padStart(10)} ${fmt(p.median).padStart(11)} ${fmt(p.p95).padStart(10)}  ${ok ? 'OK' : 'ABOVE TARGET'}`,
    );
  }
  void actor;
  plain.close();
  core.shutdown();
  return allOk;
}
