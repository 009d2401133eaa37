/**
 * Builds the core's worker for tests (tests/host/test-worker.ts: the app's worker plus the test
 * probe) into one ES module under node_modules/.cache, where its npm imports resolve as in the
 * app. esbuild, because a worker thread cannot load TypeScript; the modules are the ones
 * electron-vite bundles into out/main/core-worker.js for the app.
 *
 * Code that still finds files relative to its own source (`import.meta.url`) keeps its source
 * file's URL, as when the tests import it directly.
 */
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'node_modules', '.cache', 'asysta-tests');

/** Where the built test worker is announced to the test processes. */
export const TEST_WORKER_ENV = 'ASYSTA_TEST_CORE_WORKER';

const keepSourceUrl: Plugin = {
  name: 'asysta:source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

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
    plugins: [keepSourceUrl],
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
