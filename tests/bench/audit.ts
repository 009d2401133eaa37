/**
 * Audit-chain benchmark (issue 7): builds N chained audit entries (default 1,000,000) in an
 * encrypted database (one bulk transaction, hashes computed as the app does), then times
 * verifyAuditChain — the whole log walked by id, streaming, every hash recomputed. Target: under
 * 5 s for a million entries. Also times appending one entry through writeAudit at that size.
 *
 * `npx tsx tests/bench/audit.ts` (size from BENCH_AUDIT_ENTRIES), or `await benchAudit()` from
 * tests/bench/run.ts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { auditHash, verifyAuditChain, ZERO_HASH } from '../../db/audit/chain';
import { openDatabase } from '../../db/open';
import { writeAudit } from '../../db/repos/audit';
import { devResources } from '../../build/dev-resources';

const ACTIONS = ['family.open', 'entry.create', 'document.preview', 'case.open', 'assessment.update', 'auth.login'] as const;

export async function benchAudit(entries = Number(process.env.BENCH_AUDIT_ENTRIES ?? 1_000_000)): Promise<{ seconds: number; perSecond: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'asysta-bench-audit-'));
  try {
    const path = join(dir, 'audit.db');
    const { sqlite, db } = openDatabase(path, randomBytes(32), { migrationsFolder: devResources().migrationsFolder });
    const users = Array.from({ length: 8 }, () => ({ id: randomUUID(), login: `user${Math.floor(Math.random() * 1000)}` }));
    const ids = Array.from({ length: 2000 }, () => randomUUID());
    const t0 = performance.now();
    const ins = sqlite.prepare('INSERT INTO audit_log (id, at, user_id, user_login, action, entity_type, entity_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const start = Date.parse('2020-01-01T07:00:00Z');
    sqlite.transaction(() => {
      let prev = ZERO_HASH;
      for (let id = 1; id <= entries; id++) {
        const u = users[id % users.length]!;
        const action = ACTIONS[id % ACTIONS.length]!;
        const f = {
          id,
          at: new Date(start + id * 7_000).toISOString(),
          userId: u.id,
          userLogin: u.login,
          action,
          entityType: action.split('.')[0]!,
          entityId: ids[id % ids.length]!,
          details: id % 3 === 0 ? JSON.stringify({ caseId: ids[(id * 7) % ids.length], kind: 'visit' }) : null,
        };
        const h = auditHash(prev, f);
        ins.run(f.id, f.at, f.userId, f.userLogin, f.action, f.entityType, f.entityId, f.details, prev, h);
        prev = h;
      }
    })();
    const buildMs = performance.now() - t0;
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const mib = statSync(path).size / 1024 / 1024;
    console.log(`built ${entries.toLocaleString('en')} chained entries in ${(buildMs / 1000).toFixed(1)} s (encrypted file ${mib.toFixed(0)} MiB)`);

    // Verification (twice: cold-ish page cache of SQLCipher, then warm); report the first.
    // CPU time beside wall time: on a busy machine (other processes on the same cores) the CPU
    // time of this process is what the verification costs on an idle core.
    const runs: number[] = [];
    const cpu: number[] = [];
    let checked = 0;
    for (let i = 0; i < 2; i++) {
      const c0 = process.cpuUsage();
      const v0 = performance.now();
      const r = verifyAuditChain(sqlite);
      runs.push(performance.now() - v0);
      const c1 = process.cpuUsage(c0);
      cpu.push((c1.user + c1.system) / 1000);
      if (!r.ok || r.checked !== entries) throw new Error(`verification failed: ${JSON.stringify(r)}`);
      checked = r.checked;
    }
    const seconds = runs[0]! / 1000;
    const perSecond = checked / seconds;
    console.log(
      `verifyAuditChain: ${checked.toLocaleString('en')} entries in ${seconds.toFixed(2)} s wall, ${(cpu[0]! / 1000).toFixed(2)} s CPU (${Math.round(perSecond).toLocaleString('en')} entries/s; second run ${(runs[1]! / 1000).toFixed(2)} s wall, ${(cpu[1]! / 1000).toFixed(2)} s CPU) — target < 5 s: ${seconds < 5 ? 'met' : 'NOT met'} (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
    );

    // One more entry through the app's write path (head lookup + hash + insert in a transaction).
    const w: number[] = [];
    for (let i = 0; i < 50; i++) {
      const a = performance.now();
      writeAudit(db, { at: new Date().toISOString(), userId: users[0]!.id, userLogin: users[0]!.login, action: 'family.open', entityType: 'family', entityId: ids[i]!, details: null });
      w.push(performance.now() - a);
    }
    w.sort((x, y) => x - y);
    console.log(`writeAudit at ${entries.toLocaleString('en')} entries: median ${w[Math.floor(w.length / 2)]!.toFixed(2)} ms per entry (synchronous=FULL commit)`);
    if (!verifyAuditChain(sqlite).ok) throw new Error('chain broken after writeAudit');
    sqlite.close();
    return { seconds, perSecond };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchAudit().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
