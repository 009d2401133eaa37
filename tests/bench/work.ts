/**
 * Work with the family (issue 4): the head's morning screen (deadlines:all — every deadline of
 * every case, with caseloads) on the seeded 2,000-family dataset, also with every case open (the
 * worst case), and the trend chart data of a case with 20 assessments. Median and p95.
 * Targets: morning screen p95 < 100 ms; trend p95 < 20 ms.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AsystaCore, type Actor } from '../../db/core';
import { TEST_SCRYPT } from '../../db/crypto';
import { seedDemo } from '../../db/demo/seed';
import { trendOfCase } from '../../db/services/assessments';
import type { ServiceCtx } from '../../db/services/context';
import { allDeadlines, myDeadlines } from '../../db/services/deadlines';
import { MemorySettingsStore } from '../../db/settings';
import { ASSESSMENT_AREAS } from '../../shared/rules/index';
import { fmt, median, p95, time } from './stats';
import { devResources } from '../../build/dev-resources';

function measure(fn: () => unknown, runs = 60): { median: number; p95: number } {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(time(fn)[0]);
  const s = xs.slice(10);
  return { median: median(s), p95: p95(s) };
}

export async function benchWork(families = Number(process.env.BENCH_FAMILIES ?? 2000)): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'asysta-bench-work-'));
  const password = 'BenchHaslo2026';
  try {
    const summary = await seedDemo({ dataDir: dir, password, families, settings: new MemorySettingsStore(), resources: devResources(), kdf: TEST_SCRYPT });
    const core = new AsystaCore({ dataDir: dir, settings: new MemorySettingsStore(), resources: devResources(), kdf: TEST_SCRYPT });
    const { actor, db, sqlite } = await core.openForTool('admin', password);
    const ctx: ServiceCtx = { db, sqlite, now: () => Date.now() };
    const assistant = sqlite.prepare(`SELECT id, login, full_name AS fullName, role FROM users WHERE role = 'assistant' ORDER BY login LIMIT 1`).get() as Actor['user'];
    const open = (sqlite.prepare(`SELECT count(*) AS n FROM cases WHERE state NOT IN ('ZAMKNIETA','ARCHIWUM')`).get() as { n: number }).n;
    console.log(`\nWork with the family (issue 4) — ${families} families, ${open} open cases; demo work: ${JSON.stringify(summary.work)}`);
    const rows: Array<[string, { median: number; p95: number }, number]> = [];
    const head = allDeadlines(ctx, actor);
    rows.push([`morning screen, head (deadlines:all; ${head.counts.overdue} overdue, ${head.counts.dueSoon} due soon)`, measure(() => allDeadlines(ctx, actor)), 100]);
    rows.push(['morning screen, assistant (deadlines:mine)', measure(() => myDeadlines(ctx, { user: assistant, sessionId: 'bench' })), 100]);
    // Worst case: every case of the 2,000 families open (rolled back afterwards).
    sqlite.exec('BEGIN');
    try {
      sqlite.prepare(`UPDATE cases SET state = 'REALIZACJA', closed_on = NULL WHERE state IN ('ZAMKNIETA','ARCHIWUM') AND consent_on IS NOT NULL`).run();
      sqlite.prepare(`UPDATE cases SET state = 'ZGLOSZENIE' WHERE state IN ('ZAMKNIETA','ARCHIWUM')`).run();
      const all = (sqlite.prepare(`SELECT count(*) AS n FROM cases WHERE state NOT IN ('ZAMKNIETA','ARCHIWUM')`).get() as { n: number }).n;
      rows.push([`stress: head, all ${all} cases open (not the seeded dataset)`, measure(() => allDeadlines(ctx, actor), 40), 0]);
      // Trend chart: a case with 20 assessments.
      const c = sqlite.prepare(`SELECT id, family_id AS familyId FROM cases WHERE state = 'REALIZACJA' LIMIT 1`).get() as { id: string; familyId: string };
      const ins = sqlite.prepare(
        `INSERT INTO assessments (id, case_id, family_id, kind, assessed_on, areas, body, recommendation, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, '{}', 'continue', ?, ?, 1)`,
      );
      for (let i = 0; i < 20; i++) {
        const areas = Object.fromEntries(ASSESSMENT_AREAS.map((a, k) => [a.code, { rating: ((i + k) % 6) - 3, justification: 'Obserwacja podczas wizyt domowych i rozmowy z rodziną.' }]));
        const on = `${2016 + Math.floor(i / 2)}-${i % 2 ? '09' : '03'}-15`;
        ins.run(randomUUID(), c.id, c.familyId, i === 0 ? 'initial' : 'periodic', on, JSON.stringify(areas), `${on}T10:00:00Z`, `${on}T10:00:00Z`);
      }
      rows.push(['trend chart data, case with 20 assessments', measure(() => trendOfCase(ctx, actor, c.id)), 20]);
    } finally {
      sqlite.exec('ROLLBACK');
    }
    let ok = true;
    console.log(`${'operation'.padEnd(72)} ${'median'.padStart(10)} ${'p95'.padStart(10)}  target`);
    for (const [label, m, target] of rows) {
      const pass = target === 0 || m.p95 < target;
      ok &&= pass;
      const verdict = target === 0 ? '(informational)' : `< ${target} ms ${pass ? 'OK' : 'ABOVE TARGET'}`;
      console.log(`${label.padEnd(72)} ${fmt(m.median).padStart(10)} ${fmt(m.p95).padStart(10)}  ${verdict}`);
    }
    core.shutdown();
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
