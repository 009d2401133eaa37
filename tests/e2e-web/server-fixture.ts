/**
 * Starts the real core behind the loopback bridge (the same dispatcher, validation and role
 * checks as the Electron IPC registration) on a fresh encrypted data folder for each test file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devResources } from '../../build/dev-resources';
import { test } from './a11y';
import { seedDemo, type SeedSummary } from '../../db/demo/seed';
import { MemorySettingsStore } from '../../db/settings';
import { startPreviewServer, type PreviewServer } from '../bridge/server';
import type { CoreOptions } from '../../db/core';

export const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export interface StartOptions extends Partial<CoreOptions> {
  /** Fill the data folder with the demo installation (db/demo/seed.ts) before the server starts. */
  seed?: { families: number; password: string; seed?: number };
  /** Folder where "Zapisz jako PDF…" writes in the preview (tests/bridge/server.ts). */
  pdfDir?: string;
}

export async function startApp(
  opts: StartOptions = {},
): Promise<PreviewServer & { dataDir: string; seeded: SeedSummary | null; dispose(): Promise<void> }> {
  const { seed, ...coreOpts } = opts;
  const dataDir = mkdtempSync(join(tmpdir(), 'asysta-e2e-Łódź-'));
  const settings = coreOpts.settings ?? new MemorySettingsStore();
  const resources = coreOpts.resources ?? devResources();
  const seeded = seed ? await seedDemo({ dataDir, settings, resources, families: seed.families, password: seed.password, seed: seed.seed, kdf: coreOpts.kdf }) : null;
  const server = await startPreviewServer({ dataDir, rendererDir, ...coreOpts, settings, resources });
  return {
    ...server,
    dataDir,
    seeded,
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every spec takes `test` from here: it checks each page state with axe-core (see a11y.ts). */
export { checkA11y, expect, test } from './a11y';

export type RunningApp = Awaited<ReturnType<typeof startApp>>;

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
