/**
 * `npm run bench`: figures for the foundation on a seeded 2,000-family dataset, each beside the
 * same operation on an unencrypted SQLite file. Prints medians (and p95 where it matters).
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AsystaCore } from '../../db/core';
import { DEFAULT_SCRYPT, deriveKey } from '../../db/crypto';
import { Keystore } from '../../db/keystore';
import { generateFamilies } from '../../db/demo/generate';
import { seedDemo } from '../../db/demo/seed';
import { openDatabase } from '../../db/open';
import { insertFamilies } from '../../db/repos/families';
import { listFamilies } from '../../db/services/registry';
import { MemorySettingsStore } from '../../db/settings';
import { benchBackup } from './backup';
import { benchRegistry } from './registry';
import { benchWork } from './work';
import { benchDocuments } from './documents';
import { benchAudit } from './audit';
import { benchReports } from './reports';
import { benchImport } from './import';
import { fmt, median, p95, time, timeAsync } from './stats';
import { devResources } from '../../build/dev-resources';

const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 2000);
const PASSWORD = 'BenchHaslo2026';

function openPlain(path: string) {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('temp_store = MEMORY');
  migrate(drizzle(sqlite), { migrationsFolder: devResources().migrationsFolder });
  return sqlite;
}

function row(label: string, enc: number, plain: number, unit = 'ms', extra = '') {
  const ratio = plain > 0 ? enc / plain : NaN;
  const f = (v: number) => (unit === 'ms' ? fmt(v) : `${v.toFixed(0)} ${unit}`);
  console.log(`${label.padEnd(48)} ${f(enc).padStart(12)}  ${f(plain).padStart(12)}  ${ratio.toFixed(2).padStart(6)}×${extra}`);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'asysta-bench-'));
  try {
    console.log(`Asysta bench — ${FAMILIES} families, Node ${process.version}, scrypt N=2^${Math.log2(DEFAULT_SCRYPT.N)} r=${DEFAULT_SCRYPT.r}`);
    const dataDir = join(dir, 'enc');
    const [seedMs, summary] = await timeAsync(() =>
      seedDemo({ dataDir, password: PASSWORD, families: FAMILIES, settings: new MemorySettingsStore(), resources: devResources() }),
    );
    console.log(`seeded ${summary.families} families / ${summary.members} members in ${fmt(seedMs)} (incl. ${summary.users.length} KDF wraps)`);

    // The same data, unencrypted, for comparison.
    const plainPath = join(dir, 'plain.db');
    const plain = openPlain(plainPath);
    const fams = generateFamilies(FAMILIES);
    insertFamilies(plain, fams.map((f) => ({ ...f, assistantId: null })), new Date().toISOString());
    plain.close();

    // KDF alone.
    const kdfTimes: number[] = [];
    for (let i = 0; i < 5; i++) kdfTimes.push((await timeAsync(() => deriveKey(PASSWORD, randomBytes(16), DEFAULT_SCRYPT)))[0]);

    console.log(`\n${'operation'.padEnd(48)} ${'encrypted'.padStart(12)}  ${'plain'.padStart(12)}  ratio`);
    console.log(`${'scrypt key derivation (one password)'.padEnd(48)} ${fmt(median(kdfTimes)).padStart(12)}  ${'—'.padStart(12)}`);

    // Open + unlock: password -> unwrap -> SQLCipher open -> migrations check -> first query.
    const openEnc: number[] = [];
    for (let i = 0; i < 5; i++) {
      const core = new AsystaCore({ dataDir, settings: new MemorySettingsStore(), resources: devResources() });
      const [ms] = await timeAsync(async () => {
        const { sqlite } = await core.openForTool('admin', PASSWORD);
        sqlite.prepare('SELECT count(*) FROM families').get();
      });
      openEnc.push(ms);
      core.shutdown();
    }
    const openPlainTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [ms] = time(() => {
        const db = openPlain(plainPath);
        db.prepare('SELECT count(*) FROM families').get();
        db.close();
      });
      openPlainTimes.push(ms);
    }
    row('open + unlock (median of 5)', median(openEnc), median(openPlainTimes), 'ms', '  (encrypted includes the KDF)');

    // Encrypted open with the data key already unwrapped: the cipher's own cost.
    {
      const key = (await Keystore.load(dataDir, DEFAULT_SCRYPT).unlockWithPassword('admin', PASSWORD))!.dataKey;
      const e: number[] = [];
      for (let i = 0; i < 5; i++) {
        e.push(
          time(() => {
            const o = openDatabase(join(dataDir, 'asysta.db'), key, { migrationsFolder: devResources().migrationsFolder });
            o.sqlite.prepare('SELECT count(*) FROM families').get();
            o.sqlite.close();
          })[0],
        );
      }
      row('open with the unwrapped key (no KDF)', median(e), median(openPlainTimes));
      key.fill(0);
    }

    const core = new AsystaCore({ dataDir, settings: new MemorySettingsStore(), resources: devResources() });
    const { sqlite: enc, actor } = await core.openForTool('admin', PASSWORD);
    const pl = openPlain(plainPath);

    const queries: Array<[string, { query: string; page: number; pageSize: number }]> = [
      ['family list, first page (50)', { query: '', page: 1, pageSize: 50 }],
      ['search by surname prefix "kowal"', { query: 'kowal', page: 1, pageSize: 50 }],
      ['search diacritics-insensitive "wojcik"', { query: 'wojcik', page: 1, pageSize: 50 }],
      ['search by address "polna"', { query: 'polna', page: 1, pageSize: 50 }],
    ];
    const somePesel = (enc.prepare('SELECT pesel FROM family_members WHERE pesel IS NOT NULL LIMIT 1 OFFSET 500').get() as { pesel: string }).pesel;
    queries.push(['search by PESEL', { query: somePesel, page: 1, pageSize: 50 }]);
    for (const [label, q] of queries) {
      const e: number[] = [];
      const p: number[] = [];
      for (let i = 0; i < 60; i++) {
        e.push(time(() => listFamilies(enc, actor, q))[0]);
        p.push(time(() => listFamilies(pl, actor, q))[0]);
      }
      row(`${label} — median`, median(e.slice(10)), median(p.slice(10)));
      row(`${label} — p95`, p95(e.slice(10)), p95(p.slice(10)));
    }

    // Insert throughput: 500 families (≈2,000 rows) in one transaction, repeated.
    const ins = (db: Database.Database, seed: number) => {
      const batch = generateFamilies(500, { seed }).map((f) => ({ ...f, assistantId: null }));
      return time(() => insertFamilies(db, batch, new Date().toISOString()))[0];
    };
    const ie: number[] = [];
    const ip: number[] = [];
    for (let i = 0; i < 5; i++) {
      ie.push(ins(enc, 100 + i));
      ip.push(ins(pl, 100 + i));
    }
    row('insert throughput (families/s, 500 per tx)', 500 / (median(ie) / 1000), 500 / (median(ip) / 1000), 'fam/s');
    // Single-row commits (each one fsynced: synchronous=FULL).
    const single = (db: Database.Database, seed: number) => {
      const batch = generateFamilies(50, { seed }).map((f) => ({ ...f, assistantId: null }));
      return time(() => {
        for (const f of batch) insertFamilies(db, [f], new Date().toISOString());
      })[0];
    };
    const se = single(enc, 900);
    const sp = single(pl, 900);
    row('insert, one family per commit (commits/s)', 50 / (se / 1000), 50 / (sp / 1000), 'commits/s');

    pl.close();
    core.shutdown();

    // Issue 3: registry search, family card, decision screen (own plain copy with cases).
    await benchRegistry({ dataDir, password: PASSWORD, workDir: dir, families: FAMILIES });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main()
  .then(async () => {
    console.log('\n== Backups (issue 6)');
    await benchBackup();
  })
  .then(async () => {
    console.log('\n== Work with the family, morning screen (issue 4)');
    await benchWork(FAMILIES);
  })
  .then(async () => {
    console.log('\n== Documents (issue 5)');
    await benchDocuments();
  })
  .then(async () => {
    console.log('\n== Audit log hash chain (issue 7)');
    await benchAudit();
  })
  .then(async () => {
    console.log('\n== Reports (issue 7)');
    await benchReports(FAMILIES);
  })
  .then(async () => {
    console.log('\n== Import from spreadsheets (issue 16)');
    await benchImport();
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
