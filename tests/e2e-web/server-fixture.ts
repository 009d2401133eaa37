/**
 * Starts the real core behind the loopback bridge (the same dispatcher, validation and role
 * checks as the Electron IPC registration) on a fresh encrypted data folder for each test file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemorySettingsStore } from '../../db/settings';
import { startPreviewServer, type PreviewServer } from '../bridge/server';
import type { CoreOptions } from '../../db/core';

export const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export async function startApp(opts: Partial<CoreOptions> = {}): Promise<PreviewServer & { dataDir: string; dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'asysta-e2e-Łódź-'));
  const server = await startPreviewServer({ dataDir, rendererDir, settings: new MemorySettingsStore(), ...opts });
  return {
    ...server,
    dataDir,
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
