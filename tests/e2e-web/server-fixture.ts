/**
 * Starts the real core behind the loopback bridge — the core host with the core in its worker
 * thread, the same dispatcher, validation and role checks as the Electron app — on a fresh
 * encrypted data folder for each test file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devResources } from '../../build/dev-resources';
import { test } from './a11y';
import { seedDemo, type SeedSummary } from '../../db/demo/seed';
import { CoreHost } from '../../db/host/host';
import { HostClock, type WorkerCoreOptions } from '../../db/host/protocol';
import { MemorySettingsStore, type SettingsStore } from '../../db/settings';
import { startPreviewServer, type PreviewServer } from '../bridge/server';
import { buildTestWorker, TEST_WORKER_ENV } from '../host/build';
import { Probe, type CoreProbe, type ProbeSql } from '../host/hooks';

export const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export interface StartOptions extends Partial<WorkerCoreOptions> {
  settings?: SettingsStore;
  /** A fixed clock for the core (milliseconds); the real clock without it. */
  clockStart?: number;
  /** Fill the data folder with the demo installation (db/demo/seed.ts) before the server starts. */
  seed?: { families: number; password: string; seed?: number };
  /** Folder where "Zapisz jako PDF…" writes in the preview (tests/bridge/server.ts). */
  pdfDir?: string;
}

export interface RunningApp extends PreviewServer {
  dataDir: string;
  seeded: SeedSummary | null;
  /** Synchronous reads (and fixture writes) on the core's open database (tests/host/hooks.ts). */
  sql: ProbeSql;
  probe: CoreProbe;
  fixture: Probe['fixture'];
  /** The core's clock when started with `clockStart` (null on the real clock): move it between steps. */
  clock: HostClock | null;
  dispose(): Promise<void>;
}

export async function startApp(opts: StartOptions = {}): Promise<RunningApp> {
  const { seed, pdfDir, settings = new MemorySettingsStore(), clockStart, resources = devResources(), ...coreOpts } = opts;
  const dataDir = mkdtempSync(join(tmpdir(), 'asysta-e2e-Łódź-'));
  const seeded = seed ? await seedDemo({ dataDir, settings, resources, families: seed.families, password: seed.password, seed: seed.seed, kdf: coreOpts.kdf }) : null;
  const probe = new Probe();
  const clock = clockStart !== undefined ? new HostClock(clockStart) : null;
  const host = await CoreHost.start({
    workerEntry: process.env[TEST_WORKER_ENV] ?? (await buildTestWorker()),
    core: { dataDir, ...coreOpts, resources },
    settings,
    ...(clock ? { clock } : {}),
    ...probe.init,
    onInternalError: (place, err) => console.error(`[asysta] internal error on ${place}: ${err.name}`),
  });
  const server = await startPreviewServer({ host, fontsFolder: resources.fontsFolder, rendererDir, pdfDir });
  return {
    ...server,
    dataDir,
    seeded,
    sql: probe.sql,
    probe: probe.core,
    fixture: probe.fixture.bind(probe),
    clock,
    async dispose() {
      await server.close();
      await host.shutdown({ timeoutMs: 10_000 });
      probe.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every spec takes `test` from here: it checks each page state with axe-core (see a11y.ts). */
export { checkA11y, expect, test, textOverlaps } from './a11y';

/**
 * One app for the whole spec file: started before its first test, disposed after its last; `use`
 * receives it (typically assigning the file's `app`), as useStaffedOffice does in the integration tests.
 */
export function appForFile(use: (app: RunningApp) => void, opts?: StartOptions): void {
  let current: RunningApp | null = null;
  test.beforeAll(async () => {
    current = await startApp(opts);
    use(current);
  });
  test.afterAll(async () => {
    await current?.dispose();
    current = null;
  });
}
