/**
 * Builds the core's worker for tests (tests/host/test-worker.ts: the app's worker plus the test
 * probe) into one ES module under node_modules/.cache, where its npm imports resolve as in the
 * app. esbuild, because a worker thread cannot load TypeScript; the modules are the ones
 * electron-vite bundles into out/main/core-worker.js for the app. Run-time files (migrations,
 * fonts) come from the host's `resources`, as in the app.
 */
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'node_modules', '.cache', 'asysta-tests');

/** Where the built test worker is announced to the test processes. */
export const TEST_WORKER_ENV = 'ASYSTA_TEST_CORE_WORKER';

/** Build the test worker and return its path (also set in TEST_WORKER_ENV for child processes). */
export async function buildTestWorker(): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const target = join(outDir, 'core-worker.mjs');
  const partial = join(outDir, `core-worker.${process.pid}.${Date.now()}.partial.mjs`);
  await build({
    entryPoints: [join(root, 'tests', 'host', 'test-worker.ts')],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  renameSync(partial, target);
  process.env[TEST_WORKER_ENV] = target;
  return target;
}

/** The test worker built for this run (by the Vitest/Playwright global setup). */
export function testWorkerEntry(): string {
  const p = process.env[TEST_WORKER_ENV];
  if (!p) throw new Error(`The test core worker is not built: run the tests through Vitest or Playwright (global setup), or call buildTestWorker() first.`);
  return p;
}
