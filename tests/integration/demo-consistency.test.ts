/**
 * The demo office obeys the same rules as the users' data (issue 13 item 4): every case of a
 * seeded demo (real encrypted files, seeded as `npm run demo:seed` does) is run through the
 * consistency rules of the case file (shared/rules/records.ts) — no plan after the closure,
 * assessments that assess the plan's goals and name the next date, final assessments with the
 * monitoring plan, requests with the analysis, the KRPZ named — and must have no blocking
 * finding; the registry has no parent under 14 at a child's birth and no two children of a
 * family with the same name.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devResources } from '../../build/dev-resources';
import { TEST_SCRYPT } from '../../db/crypto';
import { caseRecordFindings } from '../../db/documents/record';
import { seedDemo } from '../../db/demo/seed';
import { warsawDate } from '../../shared/dates';
import { lastFinishedHalfYear } from '../../shared/reports/period';
import { JsonFileSettingsStore } from '../../db/settings';
import type { RecordFinding } from '../../shared/rules/records';
import { removeDir, tempDir, testApp, type TestApp } from '../helpers';

const PASSWORD = 'Haslo-Testowe-123!';
let dir: string;
let app: TestApp;

beforeAll(async () => {
  dir = tempDir('asysta-demo-rules-');
  await seedDemo({ dataDir: dir, password: PASSWORD, families: 140, settings: new JsonFileSettingsStore(join(dir, 'settings.json')), resources: devResources(), kdf: TEST_SCRYPT, seed: 5 });
  app = testApp(dir, { settings: new JsonFileSettingsStore(join(dir, 'settings.json')), realClock: true });
  const admin = app.session();
  await admin.ok('auth:login', { login: 'admin', password: PASSWORD });
}, 180_000);

afterAll(async () => {
  await app?.close();
  removeDir(dir);
});

describe('the demo seed obeys the rules of the case file', () => {
  it('no case of the demo has a blocking finding; no implausible ages or repeated children\'s names', () => {
    const sqlite = app.sql;
    const ids = (sqlite.prepare('SELECT id, case_number AS no FROM cases ORDER BY seq_year, seq_no').all() as Array<{ id: string; no: string }>);
    expect(ids.length).toBeGreaterThan(100);
    const all: Array<RecordFinding & { caseNumber: string }> = [];
    const seen = { plans: 0, periodic: 0, final: 0, requests: 0, closedWithPlan: 0 };
    for (const { id, no } of ids) {
      const c = app.fixture('readCaseData', id)!;
      seen.plans += c.plans.length;
      seen.periodic += c.assessments.filter((a) => a.kind === 'periodic').length;
      seen.final += c.assessments.filter((a) => a.kind === 'final').length;
      if (c.row.requestOn) seen.requests += 1;
      if (c.row.closedOn && c.plans.length) seen.closedWithPlan += 1;
      all.push(...caseRecordFindings(c).map((f) => ({ ...f, caseNumber: no })));
    }
    // The rules had something to check.
    expect(seen.plans).toBeGreaterThan(10);
    expect(seen.periodic).toBeGreaterThan(5);
    expect(seen.final).toBeGreaterThan(3);
    expect(seen.requests).toBeGreaterThan(20);
    expect(seen.closedWithPlan).toBeGreaterThan(2);
    const show = (fs: typeof all) => fs.map((f) => `${f.caseNumber} ${f.document}: ${f.message}`);
    expect(show(all.filter((f) => f.severity === 'blocker'))).toEqual([]);
    expect(show(all.filter((f) => ['MEMBER_PARENT_TOO_YOUNG', 'MEMBER_PARENT_BORN_AFTER_CHILD', 'FAMILY_CHILDREN_SAME_NAME', 'ASSESSMENT_PERIOD_TOO_LONG'].includes(f.code)))).toEqual([]);
  });
});

describe('the demo\'s report figures match its case data (issue 13 item 6)', () => {
  it('every S7 family has its placement dated; for the last two half-years and the last two years each list has exactly the figure\'s count', async () => {
    const admin = app.session();
    await admin.ok('auth:login', { login: 'admin', password: PASSWORD });
    const today = warsawDate(new Date())!;
    const year = Number(today.slice(0, 4));
    const periods = [lastFinishedHalfYear(today), `${year}-${today.slice(5, 7) <= '06' ? 'H1' : 'H2'}`, String(year - 1), String(year)];
    let checked = 0;
    for (const period of periods) {
      const r = period.includes('-H') ? await admin.ok('reports:halfYear', { period }) : await admin.ok('reports:annual', { period });
      expect(r.warnings.map((w) => w.code).filter((c) => c.startsWith('FOSTER_')), period).toEqual([]);
      expect(r.warnings.some((w) => w.code === 'PERIOD_NOT_ENDED'), period).toBe(r.period.to >= today);
      for (const f of r.figures) {
        if (f.drill === 'none' || f.unit === 'amount-gr') continue;
        const d = await admin.ok('reports:drilldown', { period, figureId: f.id });
        expect(d.kind === 'assistants' ? d.assistants.length : d.rows.length, `${period} ${f.id}`).toBe(f.value);
        if (f.value > 0) checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  }, 120_000);
});

