/**
 * The core's memory at scale (issue 17): bundled with esbuild as the app's core worker is (npm
 * packages external) and run under plain Node in a fresh process by the reports bench, on its
 * seeded database. Opens the core as the app does, then uses it as an
 * office would in a morning — family search, a family card, the decision and morning screens,
 * the half-year and annual reports — and prints the process's resident set size as JSON.
 * A separate process, so the seeding and the other benches' heaps are not counted.
 */
import { AsystaCore } from '../../db/core';
import { TEST_SCRYPT } from '../../db/crypto';
import { decisionScreen } from '../../db/services/cases';
import type { ServiceCtx } from '../../db/services/context';
import { allDeadlines } from '../../db/services/deadlines';
import { familyCard, listFamilies } from '../../db/services/registry';
import { annualView, halfYearView } from '../../db/services/reports';
import { MemorySettingsStore } from '../../db/settings';
import type { CoreResources } from '../../db/resources';

const [dataDir, password, resourcesJson] = process.argv.slice(2) as [string, string, string];
const resources = JSON.parse(resourcesJson) as CoreResources;
const core = new AsystaCore({ dataDir, settings: new MemorySettingsStore(), resources, kdf: TEST_SCRYPT });
const { actor, db, sqlite } = await core.openForTool('admin', password);
const ctx: ServiceCtx = { db, sqlite, now: () => Date.now() };
const year = new Date().getFullYear();
let peak = 0;
for (let round = 0; round < 3; round++) {
  for (const q of ['', 'kowal', 'wojcik', '4011.7.']) {
    const { items } = listFamilies(sqlite, actor, { query: q, page: 1, pageSize: 50 });
    for (const f of items.slice(0, 5)) familyCard(sqlite, f.id);
  }
  decisionScreen(ctx);
  allDeadlines(ctx, actor);
  halfYearView(ctx, `${year}-H1`);
  annualView(ctx, actor, String(year));
  peak = Math.max(peak, process.memoryUsage().rss);
}
const m = process.memoryUsage();
core.shutdown();
console.log(JSON.stringify({ rssMb: m.rss / 2 ** 20, peakRssMb: peak / 2 ** 20, heapUsedMb: m.heapUsed / 2 ** 20 }));
