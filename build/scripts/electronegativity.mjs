#!/usr/bin/env node
/**
 * Security lint of the Electron shell with @doyensec/electronegativity (part of `npm run lint`).
 *
 * Scans electron/ (TypeScript is parsed by the tool itself) with every check enabled, prints a
 * short summary of all findings and fails (exit 1) on any HIGH severity finding or on a file the
 * tool could not parse (an unparsed file is an unchecked file). MEDIUM/LOW/INFORMATIONAL findings
 * are shown for review but do not fail the build.
 *
 * Usage: node build/scripts/electronegativity.mjs [path ...]   (default: electron)
 *
 * Note: the tool tries two network look-ups (updated translations and the list of Electron
 * releases for its "available security fixes" check); offline both fail after a few seconds and
 * the scan continues.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const require = createRequire(join(projectRoot, 'package.json'));

const FAIL_AT = 'HIGH';
const SEVERITY_RANK = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

function electronVersion() {
  try {
    return require('electron/package.json').version;
  } catch {
    return undefined;
  }
}

async function scan(input) {
  const mod = require('@doyensec/electronegativity');
  const run = mod.default ?? mod;
  // The tool's translations fall back to English only for known locale names.
  const lang = process.env.LANG;
  process.env.LANG = 'en-US';
  try {
    return await run(
      {
        input,
        output: undefined,
        isSarif: false,
        customScan: [],
        excludeFromScan: [],
        severitySet: undefined,
        confidenceSet: undefined,
        isRelative: true,
        isVerbose: false,
        electronUpgrade: undefined,
        electronVersionOverride: electronVersion(),
        parserPlugins: [],
      },
      false,
    );
  } finally {
    if (lang === undefined) delete process.env.LANG;
    else process.env.LANG = lang;
  }
}

async function main() {
  const inputs = (process.argv.slice(2).length ? process.argv.slice(2) : ['electron']).map((p) => resolve(projectRoot, p));
  let failed = false;
  for (const input of inputs) {
    const label = relative(projectRoot, input) || '.';
    if (!existsSync(input)) {
      console.error(`electronegativity: ${label} does not exist`);
      failed = true;
      continue;
    }
    const res = await scan(input);
    const issues = [...res.issues].sort(
      (a, b) => (SEVERITY_RANK[b.severity.name] ?? 0) - (SEVERITY_RANK[a.severity.name] ?? 0),
    );
    const counts = { HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 };
    for (const i of issues) counts[i.severity.name] = (counts[i.severity.name] ?? 0) + 1;
    console.log(
      `electronegativity ${label}: ${res.globalChecks + res.atomicChecks} checks, ` +
        `HIGH ${counts.HIGH}, MEDIUM ${counts.MEDIUM}, LOW ${counts.LOW}, INFO ${counts.INFORMATIONAL}`,
    );
    for (const i of issues) {
      const where = `${i.file}:${i.location?.line ?? '?'}:${i.location?.column ?? '?'}`;
      const review = i.manualReview ? ' (manual review)' : '';
      console.log(`  ${i.severity.name.padEnd(13)} ${i.confidence.name.padEnd(9)} ${i.id.padEnd(34)} ${where}${review}`);
      if ((SEVERITY_RANK[i.severity.name] ?? 0) >= SEVERITY_RANK[FAIL_AT]) failed = true;
    }
    for (const e of res.errors) {
      console.log(`  ${e.tolerable ? 'WARNING' : 'PARSE ERROR'} ${relative(input, e.file)}: ${e.message}`);
      if (!e.tolerable) failed = true;
    }
  }
  if (failed) {
    console.error(`electronegativity: FAILED (a ${FAIL_AT} severity finding or a file that could not be scanned).`);
    process.exit(1);
  }
  console.log(`electronegativity: OK (no ${FAIL_AT} severity findings).`);
}

main().catch((e) => {
  console.error(`electronegativity: could not run: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
