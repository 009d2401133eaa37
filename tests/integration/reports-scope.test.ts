/**
 * Reports read only the cases of their period (issue 17, scale headroom): the half-year figures,
 * the annual report and the closures by reason computed from the facts read for a period
 * (db/services/reports.ts loadReportFacts(sqlite, period), filtered in SQL) are exactly those
 * computed from every case of the office — every figure, every drill-down list, every warning —
 * over a seeded demo office (real encrypted file) and then over the same office with its case
 * dates, states and waiting-list / archive history scrambled into every corner case (work
 * starting or ending on a period's first or last day, consent after the closure, monitoring with
 * and without an end, archive dates from the history, open and closed waiting-list episodes),
 * for every half-year and year from 2015 to 2028, under several counting conventions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devResources } from '../../build/dev-resources';
import { AsystaCore } from '../../db/core';
import { TEST_SCRYPT } from '../../db/crypto';
import { seedDemo } from '../../db/demo/seed';
import type { SqliteHandle } from '../../db/open';
import { loadAnnualToday, loadReportCases, loadReportFacts, reportStaff } from '../../db/services/reports';
import { MemorySettingsStore } from '../../db/settings';
import {
  closuresInPeriod,
  computeAnnual,
  computeHalfYear,
  DEFAULT_REPORT_CONVENTIONS,
  parsePeriod,
  type ReportConventions,
  type ReportFacts,
  type StaffRow,
} from '../../shared/reports/index';
import { removeDir, tempDir } from '../helpers';

const PASSWORD = 'Haslo-Testowe-123!';
let dir: string;
let core: AsystaCore;
let sqlite: SqliteHandle;

const PERIODS: string[] = [];
for (let y = 2015; y <= 2028; y++) PERIODS.push(`${y}-H1`, `${y}-H2`, String(y));

const CONVENTIONS: ReportConventions[] = [
  DEFAULT_REPORT_CONVENTIONS,
  { ...DEFAULT_REPORT_CONVENTIONS, startDate: 'consentOn', monitoringCountsAsSupported: true, waitingAt: 'any-time' },
  { ...DEFAULT_REPORT_CONVENTIONS, unit: 'case', countNoConsentClosures: true, durationOf: 'supported', assistantsCounted: 'worked-in-period' },
  { ...DEFAULT_REPORT_CONVENTIONS, monitoringCountsAsSupported: true, childrenIncludeFosterCare: false, startDate: 'consentOn', countNoConsentClosures: true },
];

function staffRows(): StaffRow[] {
  return (sqlite.prepare('SELECT id, full_name AS fullName, role, active, personal_limit AS personalLimit FROM users ORDER BY full_name').all() as Array<Omit<StaffRow, 'active'> & { active: number }>).map(
    (u) => ({ ...u, active: Boolean(u.active) }),
  );
}

/** Every period and convention: the facts read for the period count exactly as every case. */
function expectSameReports(): { scopedCases: number; allCases: number } {
  const all: ReportFacts = loadReportFacts(sqlite);
  const forms = reportStaff(sqlite);
  const staff = staffRows();
  const today = loadAnnualToday(sqlite);
  let scopedCases = 0;
  for (const id of PERIODS) {
    const p = parsePeriod(id);
    const scoped = loadReportFacts(sqlite, p);
    scopedCases += scoped.cases.length;
    // Each case read is read whole, exactly as in the full read.
    const byId = new Map(all.cases.map((c) => [c.caseId, c]));
    for (const c of scoped.cases) expect(c).toEqual(byId.get(c.caseId));
    expect(closuresInPeriod(scoped.cases, p), id).toEqual(closuresInPeriod(all.cases, p));
    for (const conv of CONVENTIONS) {
      const want = computeHalfYear(all, p, conv, forms);
      const got = computeHalfYear(scoped, p, conv, forms);
      expect(got, `${id} ${JSON.stringify(conv)}`).toEqual(want);
      const annual = (cases: ReportFacts['cases'], t?: typeof today) =>
        computeAnnual({ period: p, conventions: conv, cases, staff, visits: [], assessments: [], countMonitoring: conv.monitoringCountsAsSupported, ...(t ? { today: t } : {}) });
      expect(annual(scoped.cases, today), `${id} annual`).toEqual(annual(all.cases));
    }
  }
  // The drill-down reads its cases by id: the same facts.
  const some = all.cases.filter((_, i) => i % 3 === 0).map((c) => c.caseId);
  expect(loadReportCases(sqlite, { caseIds: some })).toEqual(all.cases.filter((c) => some.includes(c.caseId)));
  expect(loadReportCases(sqlite, { caseIds: [] })).toEqual([]);
  return { scopedCases, allCases: all.cases.length * PERIODS.length };
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  dir = tempDir('asysta-report-scope-');
  await seedDemo({ dataDir: dir, password: PASSWORD, families: 160, settings: new MemorySettingsStore(), resources: devResources(), kdf: TEST_SCRYPT, seed: 11 });
  core = new AsystaCore({ dataDir: dir, settings: new MemorySettingsStore(), resources: devResources(), kdf: TEST_SCRYPT });
  ({ sqlite } = await core.openForTool('admin', PASSWORD));
}, 180_000);

afterAll(() => {
  core?.shutdown();
  removeDir(dir);
});

describe('a report reads only the cases of its period and counts exactly as over every case', () => {
  it('the seeded demo office: every half-year and year 2015–2028, four sets of conventions', () => {
    const { scopedCases, allCases } = expectSameReports();
    // The filter did filter: far fewer cases read than every case for every period.
    expect(scopedCases).toBeLessThan(allCases / 2);
  });

  it('the same office with dates, states and history scrambled into the corner cases', () => {
    const random = rng(20261207);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    // Dates near the periods' edges, plus any day.
    const edges: string[] = [];
    for (let y = 2015; y <= 2028; y++) edges.push(`${y}-01-01`, `${y}-06-30`, `${y}-07-01`, `${y}-12-31`, `${y - 1}-12-31`, `${y}-06-29`, `${y}-07-02`);
    const day = () =>
      random() < 0.5 ? pick(edges) : `${2014 + Math.floor(random() * 16)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const maybe = (p: number) => (random() < p ? day() : null);
    // A timestamp late in the evening (UTC) is the next day in Warsaw.
    const at = () => `${day()}T${pick(['08:15', '22:30', '23:45'])}:00.000Z`;
    const states = ['REALIZACJA', 'MONITORING', 'ARCHIWUM', 'ZAMKNIETA', 'LISTA_OCZEKUJACYCH', 'ZAWIESZENIE', 'PRZYDZIELONY', 'ZGLOSZENIE'];
    const reasons = [null, 'CEL', 'REZYGNACJA', 'BRAK_WSPOLPRACY', 'ZMIANA_MIEJSCA', 'INNE', 'BRAK_ZGODY', 'ODMOWA_PRZYDZIELENIA', 'NIEZNANY_KOD'];
    const ids = sqlite.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as string[];
    const update = sqlite.prepare(
      'UPDATE cases SET assigned_on = ?, consent_on = ?, closed_on = ?, monitoring_ends_on = ?, state = ?, closure_reason = ? WHERE id = ?',
    );
    const event = sqlite.prepare("INSERT INTO case_events (case_id, at, action, from_state, to_state, details) VALUES (?, ?, 'test', ?, ?, ?)");
    const details = () => {
      const r = random();
      if (r < 0.3) return JSON.stringify({ decidedOn: day() });
      if (r < 0.5) return JSON.stringify({ on: day() });
      if (r < 0.6) return JSON.stringify({ decidedOn: 'niedatowane', on: day() });
      return null;
    };
    sqlite.transaction(() => {
      for (const id of ids) {
        if (random() < 0.2) continue; // some cases keep the demo's own facts
        const closed = maybe(0.6);
        // Monitoring mostly ends after the closure (a period's edge after it), sometimes anywhere.
        const later = edges.filter((e) => closed !== null && e > closed);
        const monitoringEnds = later.length && random() < 0.6 ? pick(later) : maybe(0.3);
        update.run(maybe(0.85), maybe(0.6), closed, monitoringEnds, pick(states), pick(reasons), id);
        const history = Math.floor(random() * 4);
        for (let i = 0; i < history; i++) {
          const r = random();
          if (r < 0.4) event.run(id, at(), pick([null, 'ANALIZA', 'WNIOSEK_PS']), 'LISTA_OCZEKUJACYCH', details());
          else if (r < 0.7) event.run(id, at(), 'LISTA_OCZEKUJACYCH', pick(['PRZYDZIELONY', 'ZAMKNIETA', 'LISTA_OCZEKUJACYCH']), details());
          else event.run(id, at(), pick(['MONITORING', 'ZAMKNIETA']), 'ARCHIWUM', details());
        }
      }
    })();
    // Archived just around a period's first day, dated by the step's instant only: 23:30 UTC on
    // 31.12 is already 1.01 in Warsaw, 22:59 UTC is not; 22:30 UTC on 30.06 is 1.07 (summer time).
    const [a, b, c] = ids.slice(-3) as [string, string, string];
    const archivedAt = (id: string, closedOn: string, instant: string) => {
      update.run('2019-03-01', '2019-03-05', closedOn, null, 'ARCHIWUM', 'CEL', id);
      event.run(id, instant, 'MONITORING', 'ARCHIWUM', null);
    };
    archivedAt(a, '2019-11-15', '2019-12-31T23:30:00.000Z');
    archivedAt(b, '2019-11-15', '2019-12-31T22:59:00.000Z');
    archivedAt(c, '2020-03-02', '2020-06-30T22:30:00.000Z');
    const supported = (period: string) =>
      computeHalfYear(loadReportFacts(sqlite, parsePeriod(period)), parsePeriod(period), CONVENTIONS[1]!, reportStaff(sqlite)).figures.find((f) => f.id === 'families_supported')!.caseIds;
    expect(supported('2020-H1')).toContain(a);
    expect(supported('2020-H1')).not.toContain(b);
    expect(supported('2020-H2')).toContain(c);
    const { scopedCases, allCases } = expectSameReports();
    expect(scopedCases).toBeLessThan(allCases);
  });
});
