/**
 * Reports (issue 7): the half-year figures (sprawozdanie rzeczowo-finansowe, family-assistant
 * part) over the seeded 2,000-family dataset — reading the case facts from the encrypted
 * database and counting every figure with its drill-down ids — plus the annual report /
 * dashboard and an XLSX export. Median and p95. Target: half-year report p95 < 300 ms.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AsystaCore } from '../../db/core';
import { TEST_SCRYPT } from '../../db/crypto';
import { seedDemo } from '../../db/demo/seed';
import type { ServiceCtx } from '../../db/services/context';
import { annualView, exportReport, halfYearView } from '../../db/services/reports';
import { MemorySettingsStore } from '../../db/settings';
import { fmt, median, p95, time } from './stats';
import { devResources } from '../../build/dev-resources';

/** tests/bench/core-rss.ts bundled as the app's worker is (esbuild, npm packages external). */
async function buildCoreRss(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = fileURLToPath(new URL('../../node_modules/.cache/asysta-bench/core-rss.mjs', import.meta.url));
  await build({ entryPoints: [fileURLToPath(new URL('./core-rss.ts', import.meta.url))], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  return outfile;
}

function measure(fn: () => unknown, runs = 40): { median: number; p95: number } {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(time(fn)[0]);
  const s = xs.slice(5);
  return { median: median(s), p95: p95(s) };
}

export async function benchReports(families = Number(process.env.BENCH_FAMILIES ?? 2000)): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'asysta-bench-reports-'));
  const password = 'BenchHaslo2026';
  try {
    await seedDemo({ dataDir: dir, password, families, settings: new MemorySettingsStore(), resources: devResources(), kdf: TEST_SCRYPT });
    const core = new AsystaCore({ dataDir: dir, settings: new MemorySettingsStore(), resources: devResources(), kdf: TEST_SCRYPT });
    const { actor, db, sqlite } = await core.openForTool('admin', password);
    const ctx: ServiceCtx = { db, sqlite, now: () => Date.now() };
    const year = new Date().getFullYear();
    const period = `${year}-H1`;
    const cases = (sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    const first = halfYearView(ctx, period);
    const supported = first.figures.find((f) => f.id === 'families_supported')!.value;
    console.log(`Reports (issue 7) — ${families} families, ${cases} cases; ${period}: ${supported} families supported`);
    const half = measure(() => halfYearView(ctx, period));
    const annual = measure(() => annualView(ctx, actor, String(year)), 20);
    const xs: number[] = [];
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      await exportReport(ctx, actor, { report: 'half-year', period, format: 'xlsx' });
      xs.push(performance.now() - t0);
    }
    const ok = half.p95 < 300;
    console.log(`half-year report ${period} — median ${fmt(half.median)}, p95 ${fmt(half.p95)}   (target < 300 ms) ${ok ? 'OK' : 'SLOW'}`);
    console.log(`annual report / dashboard ${year} — median ${fmt(annual.median)}, p95 ${fmt(annual.p95)}`);
    console.log(`half-year XLSX export — median ${fmt(median(xs.slice(2)))}`);
    core.shutdown();
    // The core's resident memory after a morning's use, in a fresh process (tests/bench/core-rss.ts).
    const out = execFileSync(process.execPath, [await buildCoreRss(), dir, password, JSON.stringify(devResources())], { encoding: 'utf8' });
    const mem = JSON.parse(out.trim().split('\n').pop()!) as { rssMb: number; peakRssMb: number; heapUsedMb: number };
    const memOk = mem.peakRssMb < 150;
    console.log(
      `core process RSS after search, cards, decision and morning screens, reports — ${mem.rssMb.toFixed(0)} MB (peak ${mem.peakRssMb.toFixed(0)} MB, JS heap ${mem.heapUsedMb.toFixed(0)} MB)   (target < 150 MB) ${memOk ? 'OK' : 'ABOVE TARGET'}`,
    );
    return ok && memOk;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchReports().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
