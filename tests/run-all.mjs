#!/usr/bin/env node
/**
 * `npm test`: unit + integration tests (Vitest, Node, real encrypted files), the packaged-layout
 * smoke test (npm run smoke:packaged) and end-to-end tests (Playwright: the real renderer in
 * Debian Chromium with the real core behind the bridge, plus the _electron suite that skips
 * without an Electron binary). Ends with one line:
 * "N passed, N failed, N skipped".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = join(root, 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const only = process.argv[2]; // optional: 'unit' | 'e2e'
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let passed = 0;
let failed = 0;
let skipped = 0;
let exit = 0;

if (only !== 'e2e') {
  const out = join(reports, 'vitest.json');
  const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) failed += r.numFailedTestSuites;
  } else failed += 1;
  if (code !== 0) exit = 1;
}

if (only !== 'unit') {
  // npm run smoke:packaged: electron-vite builds the whole app (out/renderer is also what the web
  // E2E suite serves), then the packaged layout runs from a copy without the source tree. It
  // prints "packaged layout: ok" or what is missing; it counts as one test.
  const smokeOk = run('npx', ['tsx', 'build/scripts/smoke-packaged.ts']) === 0;
  if (smokeOk) passed += 1;
  else {
    failed += 1;
    exit = 1;
  }
  // The web E2E suite needs the built renderer (built above, unless the smoke test failed).
  const build = smokeOk && existsSync(join(root, 'out', 'renderer', 'index.html'))
    ? 0
    : run('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  if (build !== 0) {
    failed += 1;
    exit = 1;
  } else {
    const out = join(reports, 'playwright.json');
    const code = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    if (existsSync(out)) {
      const s = JSON.parse(readFileSync(out, 'utf8')).stats;
      // Playwright's outcome, not its status: `expected` includes a test.fail() that failed as
      // declared (the list reporter marks it with a green ✘); `unexpected` holds real failures and
      // a test.fail() that passed.
      passed += s.expected + (s.flaky ?? 0);
      failed += s.unexpected;
      skipped += s.skipped;
    } else failed += 1;
    if (code !== 0) exit = 1;
  }
}

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(exit || (failed > 0 ? 1 : 0));
