/**
 * `npm run smoke:packaged` — the packaged layout works without the source tree (issue 17).
 *
 * 1. Builds the app with electron-vite (out/main, out/preload, out/renderer).
 * 2. Lays out a folder as electron-builder would: resources/app/{out, package.json, production
 *    node_modules only} (electron-builder packs the same into app.asar), and the extraResources of
 *    electron-builder.yml (resources/migrations, resources/fonts), read from that file.
 * 3. Runs a small driver from that folder in a separate Node process under Node's permission
 *    model: it may read only the laid-out folder and write only its data folder — any file the
 *    built code looks for in the source tree (or a module missing from the production
 *    dependencies) fails the run. The driver starts the core host from the built Electron-free
 *    entry (out/main/core-host.js) with the resources paths a packaged app passes
 *    (packagedResources(process.resourcesPath)), sets up an office, registers a family and a case,
 *    and asks the core for a printable case document.
 * 4. Renders that document to PDF in Chromium (/usr/bin/chromium, as the tests do: Electron's
 *    printToPDF is the same engine) and checks the Polish text and the embedded print font.
 *
 * Prints one line, `packaged layout: ok`, and exits 0 — or names what is missing and exits 1.
 * Options: --no-build (reuse a fresh out/), --keep (leave the temp folder for inspection).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../dev-resources';
import { ChromiumPdfEngine } from '../../db/print/pdf';

const root = repoRoot();
const args = new Set(process.argv.slice(2));
const requireFromRoot = createRequire(join(root, 'package.json'));

class SmokeFailure extends Error {}
const fail = (what: string): never => {
  throw new SmokeFailure(what);
};

// ---- 1. build ---------------------------------------------------------------------------------

function build(): void {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout}\n${r.stderr}\n`);
    fail('electron-vite build failed');
  }
}

// ---- 2. layout ----------------------------------------------------------------------------------

/** Hard links where possible (same disk: instant, no space), copies otherwise. */
function linkTree(from: string, to: string): void {
  const st = lstatSync(from);
  if (st.isSymbolicLink()) return; // node_modules/.bin links: not part of a package
  if (st.isDirectory()) {
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from)) linkTree(join(from, name), join(to, name));
    return;
  }
  if (existsSync(to)) return;
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** The packages electron-builder ships: `dependencies` and theirs (npm's own resolution). */
function productionPackages(): string[] {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && l !== root.replace(/[\\/]$/, '') && l.includes(`${sep}node_modules${sep}`));
}

/** A glob of electron-builder.yml (`**`, `*`) as a regular expression over `/`-separated paths. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (lstatSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

type ExtraResource = { from: string; to: string; filter?: string[] };

function layOut(appRoot: string): { resourcesPath: string } {
  const resourcesPath = join(appRoot, 'resources');
  const app = join(resourcesPath, 'app');
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) fail('out/main/index.js is missing (the build did not run)');
  // A path of this machine's source tree baked into the build would point nowhere on an office PC.
  const here = root.replace(/[\\/]$/, '');
  for (const f of filesUnder(join(root, 'out', 'main'))) {
    if (readFileSync(f, 'utf8').includes(here)) fail(`${relative(root, f)} contains the source tree's path ${here}`);
  }
  linkTree(join(root, 'out'), join(app, 'out'));
  copyFileSync(join(root, 'package.json'), join(app, 'package.json'));
  for (const pkg of productionPackages()) linkTree(pkg, join(app, relative(root, pkg)));

  const yaml = requireFromRoot('js-yaml') as { load(s: string): unknown };
  const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { extraResources?: ExtraResource[] };
  for (const r of config.extraResources ?? []) {
    const from = join(root, r.from);
    const filters = (r.filter ?? ['**/*']).map(globToRegExp);
    let n = 0;
    for (const file of filesUnder(from)) {
      const rel = relative(from, file).split(sep).join('/');
      if (!filters.some((f) => f.test(rel))) continue;
      mkdirSync(dirname(join(resourcesPath, r.to, rel)), { recursive: true });
      cpSync(file, join(resourcesPath, r.to, rel));
      n++;
    }
    if (n === 0) fail(`extraResources ${r.from} -> ${r.to}: no files match ${JSON.stringify(r.filter)}`);
  }
  return { resourcesPath };
}

// ---- 3. the driver, run from the laid-out folder ----------------------------------------------

/**
 * Plain ES module run by Node from the temp folder. It imports only the built code. Office data
 * with Polish letters; the password only protects this throw-away installation.
 */
const DRIVER = String.raw`
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [resourcesPath, dataDir, outDir] = process.argv.slice(2);
const main = join(resourcesPath, 'app', 'out', 'main');
const say = (line) => process.stdout.write(line + '\n');
const missing = (what) => { say('packaged layout: ' + what); process.exit(1); };

const entry = join(main, 'core-host.js');
let api;
try {
  api = await import(pathToFileURL(entry).href);
} catch (e) {
  missing('cannot load the core host entry ' + entry + ': ' + (e.code ?? '') + ' ' + e.message);
}
const { CoreHost, packagedResources, missingResources, MemorySettingsStore } = api;
const resources = packagedResources(resourcesPath);
const absent = missingResources(resources);
if (absent.length) missing('missing resources: ' + absent.join(', '));

const errors = [];
const host = await CoreHost.start({
  workerEntry: join(main, 'core-worker.js'),
  core: { dataDir, resources, appVersion: 'smoke' },
  settings: new MemorySettingsStore(),
  onInternalError: (place, err) => errors.push(place + ': ' + (err.code ?? err.name) + ' ' + err.message),
}).catch((e) => missing('the core did not start: ' + (e.code ?? e.name) + ' ' + e.message));

async function call(sid, channel, input) {
  const r = await host.invoke(sid, channel, input);
  if (!r.ok) missing(channel + ' failed: ' + r.error.code + ' ' + r.error.message + (errors.length ? ' [' + errors.join('; ') + ']' : ''));
  return r.value;
}

const office = {
  name: 'Gminny Ośrodek Pomocy Społecznej w Łęcznej Wólce',
  address: 'ul. Źródlana 7', postalCode: '21-010', place: 'Łęczna Wólka', gmina: 'Łęczna', headName: 'Bożena Żółtowska',
};
const head = { fullName: office.headName, login: 'kierownik', password: 'Kierownik2026!' };
const worker = { fullName: 'Katarzyna Bąkowska', login: 'kbakowska', role: 'social_worker', password: 'Pracownik2026!', personalLimit: null };

const s = host.createSession();
const { recoveryKey } = await call(s, 'setup:initialize', { office, admin: head });
await call(s, 'setup:confirmRecoveryKey', { recoveryKey });
await call(s, 'auth:login', { login: head.login, password: head.password });
await call(s, 'users:create', worker);
const w = host.createSession();
await call(w, 'auth:login', { login: worker.login, password: worker.password });
const { family } = await call(w, 'families:create', {
  address: 'ul. Polna 3', postalCode: '21-010', place: 'Łęczna Wólka', gmina: 'Łęczna', area: 'Rejon I', phone: '600 100 200',
  members: [
    { firstName: 'Anna', lastName: 'Wójcik', birthDate: '1990-04-12', isChild: false, relation: 'matka', isHead: true },
    { firstName: 'Zuzanna', lastName: 'Wójcik', birthDate: '2015-06-01', isChild: true, relation: 'córka' },
  ],
});
// A week ago: a past date wherever and whenever the smoke runs.
const learnedOn = new Date(Date.now() - 7 * 86400000).toISOString().slice(0, 10);
const { case: kase } = await call(w, 'cases:intake', { familyId: family.id, source: 'social-worker', learnedOn, urgent: false });
const list = await call(w, 'documents:list', { caseId: kase.id });
const doc = list.documents[0];
if (!doc) missing('no printable document for a new case');
const printed = await call(w, 'documents:html', { caseId: kase.id, kind: doc.kind, ...(doc.ref ? { ref: doc.ref } : {}) });
await host.shutdown({ timeoutMs: 10000 });
if (errors.length) missing('internal errors in the core: ' + errors.join('; '));
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'document.html'), printed.html);
say(JSON.stringify({ kind: doc.kind, title: printed.title, office: office.name }));
`;

/**
 * Node 20's (experimental) permission model refuses fs.fsync and fs.fdatasync outright (fd APIs
 * it cannot check). What the smoke checks is where files are read from, not durability, so in
 * the driver's process and its worker (the preload runs in both) they become no-ops.
 */
const PRELOAD = String.raw`
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
fs.fsyncSync = () => {};
fs.fdatasyncSync = () => {};
fs.fsync = (_fd, cb) => cb(null);
fs.fdatasync = (_fd, cb) => cb(null);
syncBuiltinESMExports();
`;

function runDriver(tmp: string, resourcesPath: string): { kind: string; title: string; office: string; html: string } {
  const driver = join(tmp, 'smoke-driver.mjs');
  writeFileSync(driver, DRIVER);
  const preload = join(tmp, 'smoke-preload.mjs');
  writeFileSync(preload, PRELOAD);
  const dataDir = join(tmp, 'dane');
  const outDir = join(tmp, 'wynik');
  mkdirSync(dataDir);
  mkdirSync(outDir);
  // Node's permission model: the driver and the core's worker may read only the temp folder and
  // write only the data and output folders; the repository is out of reach.
  const r = spawnSync(
    process.execPath,
    [
      '--experimental-permission',
      `--allow-fs-read=${tmp}`,
      `--allow-fs-write=${dataDir}`,
      `--allow-fs-write=${outDir}`,
      '--allow-worker',
      '--allow-addons',
      '--no-warnings',
      '--import',
      pathToFileURL(preload).href,
      driver,
      resourcesPath,
      dataDir,
      outDir,
    ],
    { cwd: tmp, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TZ: 'Europe/Warsaw' }, timeout: 240_000 },
  );
  const lines = `${r.stdout ?? ''}`.trim().split('\n');
  const last = lines.at(-1) ?? '';
  if (r.status !== 0) {
    const why = last.startsWith('packaged layout: ') ? last.slice('packaged layout: '.length) : `${r.error?.message ?? `exit ${r.status}`}\n${r.stderr}`;
    const denied = /ERR_ACCESS_DENIED[\s\S]*?resource: '([^']+)'/.exec(r.stderr ?? '');
    fail(denied ? `the built code reads outside the packaged folder: ${denied[1]}` : why);
  }
  return { ...(JSON.parse(last) as { kind: string; title: string; office: string }), html: readFileSync(join(outDir, 'document.html'), 'utf8') };
}

// ---- 4. PDF through Chromium ----------------------------------------------------------------------

async function renderPdf(tmp: string, resourcesPath: string, html: string, expect: string[]): Promise<void> {
  // The document embeds the font itself (data: URLs from resources/fonts); the engine is told the
  // same packaged folder for the font URLs of its own templates.
  const engine = new ChromiumPdfEngine({ fontsFolder: join(resourcesPath, 'fonts') });
  let pdf: Buffer;
  try {
    pdf = (await engine.render(html)).pdf;
  } finally {
    await engine.close();
  }
  const file = join(tmp, 'wynik', 'dokument.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  for (const e of expect) if (!text.includes(e)) fail(`the PDF does not contain "${e}"`);
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  if (!/LiberationSerif\S*\s.*\byes\b/.test(fonts)) fail(`the print font is not embedded in the PDF:\n${fonts}`);
}

// ---- main --------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!args.has('--no-build')) build();
  const tmp = mkdtempSync(join(tmpdir(), 'asysta-packaged-Łódź-'));
  try {
    const { resourcesPath } = layOut(join(tmp, 'Asysta'));
    const r = runDriver(tmp, resourcesPath);
    await renderPdf(tmp, resourcesPath, r.html, [r.office, r.title]);
    console.log('packaged layout: ok');
  } finally {
    if (args.has('--keep')) console.error(`(kept ${tmp})`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.log(`packaged layout: ${e instanceof SmokeFailure ? e.message : e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
