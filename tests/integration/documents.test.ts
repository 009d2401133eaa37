/**
 * Issue 5 on a real encrypted demo installation: every document of the richest case through the
 * documents:* channels, rendered in Chromium and read back with pdftotext; scoping (another
 * assistant gets FORBIDDEN, audited); the export record with pages; the docs:render CLI.
 * Page 1 of every document goes to tests/artifacts/documents-db/ as PNG for a person to look at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SCRYPT } from '../../db/crypto';
import { seedDemo } from '../../db/demo/seed';
import { ChromiumPdfEngine, chromiumPath } from '../../db/print/pdf';
import { JsonFileSettingsStore } from '../../db/settings';
import { PRINTABLE_KINDS } from '../../shared/ipc/channels/documents';
import { DEFAULT_TEXTS } from '../../shared/print/texts';
import { removeDir, tempDir, testApp, type TestApp } from '../helpers';
import { devResources } from '../../build/dev-resources';

const hasTool = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = [...(existsSync(chromiumPath()) ? [] : ['chromium']), ...['pdftotext', 'pdftoppm'].filter((t) => !hasTool(t))];
if (missing.length) console.warn(`[documents] PDF checks SKIPPED: missing ${missing.join(', ')}`);

const PASSWORD = 'Haslo-Testowe-123!';
const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts', 'documents-db');
const BAD = /undefined|\bnull\b|NaN|\b\d{4}-\d{2}-\d{2}\b/;

let dir: string;
let work: string;
let app: TestApp;
let engine: ChromiumPdfEngine;
let caseId: string;

beforeAll(async () => {
  dir = tempDir('asysta-docs-');
  work = tempDir('asysta-docs-out-');
  await seedDemo({ dataDir: dir, password: PASSWORD, families: 30, settings: new JsonFileSettingsStore(join(dir, 'settings.json')), resources: devResources(), kdf: TEST_SCRYPT, seed: 7 });
  app = testApp(dir, { settings: new JsonFileSettingsStore(join(dir, 'settings.json')), realClock: true });
  engine = new ChromiumPdfEngine({ fontsFolder: devResources().fontsFolder });
}, 120_000);

afterAll(async () => {
  await engine?.close();
  await app?.close();
  removeDir(dir);
  removeDir(work);
});

async function login(name: string) {
  const s = app.session();
  await s.ok('auth:login', { login: name, password: PASSWORD });
  return s;
}

function pdfText(pdf: Buffer, name: string): string {
  const f = join(work, `${name}.pdf`);
  writeFileSync(f, pdf);
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', f, join(ARTIFACTS, name)]);
  return execFileSync('pdftotext', ['-layout', f, '-']).toString('utf8');
}

/** Kinds only the Za życiem showcase case has (see db/demo/work.ts seedShowcaseCases). */
const ZZ_KINDS = ['consent', 'support-catalogue', 'za-zyciem-request'] as const;

async function renderChecked(admin: Awaited<ReturnType<typeof login>>, id: string, kind: (typeof PRINTABLE_KINDS)[number], ref: string | null, caseNumber: string | null, name: string = kind) {
  const doc = await admin.ok('documents:html', { caseId: id, kind, ...(ref ? { ref } : {}) });
  expect(doc.html).toContain('<!DOCTYPE html>');
  if (missing.length) return;
  const r = await engine.render(doc.html);
  expect(r.pages, kind).toBeGreaterThan(0);
  const text = pdfText(r.pdf, name);
  expect(text, kind).toMatch(/[ąćęłńóśźż]/);
  expect(text.match(BAD)?.[0] ?? null, `${kind}: ${text.match(BAD)?.[0]}`).toBeNull();
  if (caseNumber) expect(text).toContain(caseNumber);
}

describe('documents from the database', () => {
  it('lists, previews and renders every document of the richest case', async () => {
    const admin = await login('admin');
    caseId = app.fixture('richestCaseOf')!;
    expect(caseId).toBeTruthy();
    const list = await admin.ok('documents:list', { caseId });
    const kinds = new Set(list.documents.map((x) => x.kind));
    // The default (court-ordered general) case has every kind but those it cannot have: the
    // consent (court-ordered: the acknowledgement instead) and the Za życiem documents.
    expect(PRINTABLE_KINDS.filter((k) => !kinds.has(k)).sort()).toEqual([...ZZ_KINDS].sort());
    for (const x of list.documents) {
      expect(x.fileName).toMatch(/\.pdf$/);
      expect(x.fileName.startsWith(list.caseNumber ?? '')).toBe(true);
    }
    const seen = new Set<string>();
    for (const x of list.documents) {
      if (seen.has(x.kind)) continue;
      seen.add(x.kind);
      const doc = await admin.ok('documents:html', { caseId, kind: x.kind, ...(x.ref ? { ref: x.ref } : {}) });
      expect(doc.html).toContain('<!DOCTYPE html>');
      expect(doc.html).toContain('data:font/ttf;base64,');
      if (missing.length) continue;
      const r = await engine.render(doc.html);
      expect(r.pages, x.kind).toBeGreaterThan(0);
      const text = pdfText(r.pdf, x.kind);
      expect(text, x.kind).toMatch(/[ąćęłńóśźż]/);
      expect(text.match(BAD)?.[0] ?? null, `${x.kind}: ${text.match(BAD)?.[0]}`).toBeNull();
      expect(text).toContain(list.caseNumber!);
    }
    const pack = await admin.ok('documents:pack', { caseId });
    if (!missing.length) {
      const r = await engine.render(pack.html);
      expect(r.pages).toBeGreaterThan(seen.size);
      const text = pdfText(r.pdf, 'pack');
      expect(text).toContain('Spis');
      expect(text.match(BAD)?.[0] ?? null).toBeNull();
    }
  }, 180_000);

  it('renders the Za życiem documents of the Za życiem case with a catalogue', async () => {
    const admin = await login('admin');
    const sqlite = app.sql;
    const zz = sqlite.prepare("SELECT DISTINCT c.id FROM cases c JOIN catalogue_items ci ON ci.case_id = c.id WHERE c.track = 'za-zyciem' ORDER BY c.seq_year, c.seq_no LIMIT 1").get() as { id: string } | undefined;
    expect(zz).toBeTruthy();
    const list = await admin.ok('documents:list', { caseId: zz!.id });
    const kinds = new Set(list.documents.map((x) => x.kind));
    for (const k of ZZ_KINDS) expect(kinds.has(k), k).toBe(true);
    for (const k of ZZ_KINDS) {
      const x = list.documents.find((d) => d.kind === k)!;
      await renderChecked(admin, zz!.id, k, x.ref, list.caseNumber, `zz-${k}`);
    }
  }, 120_000);

  it('lets the head edit an office text and restore the default (admin only, audited)', async () => {
    const admin = await login('admin');
    const sqlite = app.sql;
    const texts = await admin.ok('documents:textsGet', {});
    expect(texts.map((x) => x.key).sort()).toEqual(Object.keys(DEFAULT_TEXTS).sort());
    const rodo = texts.find((x) => x.key === 'rodoClause')!;
    expect(rodo.isDefault).toBe(true);
    expect(rodo.label).toContain('RODO');
    expect(rodo.placeholders).toContain('officeName');
    const body = 'Administratorem danych jest {officeName}. Klauzula <b>ośrodka</b> & nasza.';
    const saved = await admin.ok('documents:textsSet', { key: 'rodoClause', body });
    expect(saved).toMatchObject({ isDefault: false, body });
    const doc = await admin.ok('documents:html', { caseId, kind: 'rodo-clause' });
    expect(doc.html).toContain('Klauzula &lt;b&gt;ośrodka&lt;/b&gt; &amp; nasza.');
    expect(doc.html).not.toContain('<b>ośrodka</b>');
    const audited = sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'document.texts_update'").get() as { n: number };
    expect(audited.n).toBe(1);

    const bad = await admin.call('documents:textsSet', { key: 'rodoClause', body: 'Dane {officeName} i {peselDziecka}.' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('VALIDATION');
      expect(bad.error.message).toContain('{peselDziecka}');
    }
    const unknownKey = await admin.call('documents:textsSet', { key: 'nieMaTakiego', body: 'x' });
    expect(unknownKey.ok).toBe(false);

    const reset = await admin.ok('documents:textsReset', { key: 'rodoClause' });
    expect(reset).toMatchObject({ isDefault: true, body: DEFAULT_TEXTS.rodoClause });
    const again = await admin.ok('documents:html', { caseId, kind: 'rodo-clause' });
    expect(again.html).not.toContain('Klauzula &lt;b&gt;ośrodka');
    expect(again.html).toContain('Prezesa Urzędu Ochrony Danych Osobowych');
    expect((sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'document.texts_reset'").get() as { n: number }).n).toBe(1);

    const assistant = sqlite.prepare("SELECT login FROM users WHERE role = 'assistant' LIMIT 1").get() as { login: string };
    const s = await login(assistant.login);
    for (const [ch, input] of [
      ['documents:textsGet', {}],
      ['documents:textsSet', { key: 'rodoClause', body: 'x' }],
      ['documents:textsReset', { key: 'rodoClause' }],
    ] as const) {
      const r = await s.call(ch, input as never);
      expect(r.ok, ch).toBe(false);
      if (!r.ok) expect(r.error.code, ch).toBe('FORBIDDEN');
    }
  });

  it('refuses another family’s assistant (audited) and records exports with pages', async () => {
    const sqlite = app.sql;
    const owner = sqlite.prepare('SELECT assistant_id AS a FROM cases WHERE id = ?').get(caseId) as { a: string };
    const other = sqlite.prepare("SELECT login FROM users WHERE role = 'assistant' AND id != ? LIMIT 1").get(owner.a) as { login: string };
    const s = await login(other.login);
    const r = await s.call('documents:html', { caseId, kind: 'rodo-clause' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
    const denied = sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'document.preview_forbidden' AND user_login = ?").get(other.login) as { n: number };
    expect(denied.n).toBeGreaterThan(0);
    const admin = await login('admin');
    await admin.ok('documents:exported', { caseId, kind: 'work-plan', pages: 3, target: 'pdf' });
    const row = sqlite.prepare("SELECT details FROM audit_log WHERE action = 'document.export_pdf' AND entity_id = ? ORDER BY id DESC LIMIT 1").get(caseId) as { details: string };
    expect(JSON.parse(row.details)).toMatchObject({ kind: 'work-plan', pages: 3, target: 'pdf' });
    const previews = sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'document.preview' AND entity_id = ?").get(caseId) as { n: number };
    expect(previews.n).toBeGreaterThan(0);
  });

  it.skipIf(missing.length > 0)('docs:render CLI writes one PDF per type plus the pack and prints JSON', async () => {
    await app.close();
    const out = join(work, 'cli');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'db/cli/docs-render.ts', '--data-dir', dir, '--password', PASSWORD, '--out', out], {
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { files: Array<{ file: string; kind: string; pages: number }> };
    expect(json.files.length).toBeGreaterThan(5);
    expect(json.files.some((f) => f.kind === 'pack')).toBe(true);
    const written = new Set(json.files.map((f) => f.kind));
    expect(PRINTABLE_KINDS.filter((k) => !written.has(k)).sort()).toEqual([...ZZ_KINDS].sort());
    const files = readdirSync(out);
    for (const f of json.files) {
      expect(files).toContain(f.file);
      expect(f.pages).toBeGreaterThan(0);
    }
  }, 180_000);
});
