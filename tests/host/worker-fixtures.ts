/**
 * Test-only helpers that run inside the core's worker thread, on its open database (see
 * tests/host/hooks.ts). Only the test entry of the worker (tests/host/test-worker.ts) has them;
 * the app's worker entry has no such door.
 */
import type { AsystaCore } from '../../db/core';
import { readCaseData } from '../../db/documents/data';
import { richestCaseOf } from '../../db/documents/service';
import { schemaVersion } from '../../db/open';
import { insertFamilies, type NewFamilyRow } from '../../db/repos/families';
import { computeHalfYearReport } from '../../db/services/reports';
import { ANONYMISED, scrubJson } from '../../shared/retention/scrub';

let releaseHeld: (() => void) | null = null;

export const workerFixtures = {
  /**
   * The next backup of this core writes 16 KiB records and waits after record `holdAt` until
   * `releaseHeldBackup`; later backups run normally (a slow stick, so a test can watch and cancel).
   */
  holdNextBackup: (core: AsystaCore, holdAt: number) => {
    const held = new Promise<void>((r) => (releaseHeld = r));
    const real = core.createBackup.bind(core);
    core.createBackup = (actor, opts) => {
      core.createBackup = real;
      return real(actor, { ...opts, chunkBytes: 16 * 1024, afterChunk: async (i) => void (i === holdAt && (await held)) });
    };
  },
  releaseHeldBackup: () => {
    releaseHeld?.();
    releaseHeld = null;
  },

  insertFamilies: (core: AsystaCore, rows: NewFamilyRow[], at: string) => insertFamilies(core.requireDb().sqlite, rows, at),
  richestCaseOf: (core: AsystaCore) => richestCaseOf(core.requireDb().sqlite),
  readCaseData: (core: AsystaCore, caseId: string) => readCaseData(core.requireDb().sqlite, caseId),
  schemaVersion: (core: AsystaCore) => schemaVersion(core.requireDb().sqlite),
  computeHalfYearReport: (core: AsystaCore, periodId: string) => computeHalfYearReport(core.requireDb().sqlite, periodId),
  /** Statements run in one transaction (each with its parameters). */
  transaction: (core: AsystaCore, statements: Array<{ sql: string; params?: unknown[] }>) => {
    const { sqlite } = core.requireDb();
    sqlite.transaction(() => {
      for (const st of statements) sqlite.prepare(st.sql).run(...(st.params ?? []));
    })();
  },
  /** What a retention run does to every personal column, without its bookkeeping (reports must not change). */
  scrubAsRetentionDoes: (core: AsystaCore) => {
    const { sqlite } = core.requireDb();
    sqlite.transaction(() => {
      const A = ANONYMISED;
      for (const [table, cols] of [
        ['case_events', ['details']],
        ['cases', ['details', 'court_order', 'zz_documents', 'suspension']],
        ['family_members', ['placement']],
        ['supporting_families', ['act', 'contract', 'members', 'head_opinion']],
        ['assessments', ['areas', 'body']],
        ['case_entries', ['body']],
      ] as const) {
        const rows = sqlite.prepare(`SELECT rowid AS r, ${cols.join(', ')} FROM ${table}`).all() as Array<Record<string, string | null>>;
        const upd = sqlite.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE rowid = ?`);
        for (const row of rows) upd.run(...cols.map((c) => scrubJson(row[c] ?? null)), row.r);
      }
      sqlite.prepare(`UPDATE family_members SET first_name = ?, last_name = ?, last_name_folded = ?, pesel = NULL, phone = '', birth_date = substr(birth_date, 1, 4) || '-01-01'`).run(A, A, A);
      sqlite.prepare(`UPDATE families SET address = ?, place = ?, phone = '', notes = '', anonymised_on = '2026-11-22'`).run(A, A);
      sqlite.prepare(`UPDATE supporting_families SET name = ?, address = ?, place = ?, relation_to_child = ?`).run(A, A, A, A);
      sqlite.prepare(`UPDATE supporting_reimbursements SET description = ?`).run(A);
    })();
  },
};

export type WorkerFixtures = typeof workerFixtures;
