/**
 * The document linter over the demo (issue 13): every document type of every demo case is built
 * from the encrypted database, rendered to HTML and read as text; none may carry an alternative
 * form, a doubled word, a wrong plural, a dotted gap for what the settings hold, a legal fact
 * dated after the document or unmatched brackets. Page 1 of one document of each type goes to
 * tests/artifacts/documents/ as PNG for a person to look at (Chromium + pdftoppm, when present).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devResources } from '../../build/dev-resources';
import { TEST_SCRYPT } from '../../db/crypto';
import { seedDemo } from '../../db/demo/seed';
import { availableDocuments, buildDocument } from '../../db/documents/build';
import { readCaseData } from '../../db/documents/data';
import { loadPrintFonts } from '../../db/print/fonts';
import { ChromiumPdfEngine, chromiumPath } from '../../db/print/pdf';
import { JsonFileSettingsStore } from '../../db/settings';
import { AsystaCore } from '../../db/core';
import type { SqliteHandle } from '../../db/open';
import { withOverrides } from '../../shared/print/texts';
import { renderHtml } from '../../shared/print/layout';
import { htmlToText, lintDocumentText, type LintIssue } from '../lint/documentLint';
import { removeDir, tempDir } from '../helpers';

const PASSWORD = 'Haslo-Testowe-123!';
const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts', 'documents');
const hasTool = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const canRender = existsSync(chromiumPath()) && hasTool('pdftoppm');
if (!canRender) console.warn('[documents-lint] page-1 PNGs SKIPPED: Chromium or pdftoppm missing');

let dir: string;
let core: AsystaCore;
let sqlite: SqliteHandle;

beforeAll(async () => {
  dir = tempDir('asysta-lint-');
  const settings = new JsonFileSettingsStore(join(dir, 'settings.json'));
  await seedDemo({ dataDir: dir, password: PASSWORD, families: 30, settings, resources: devResources(), kdf: TEST_SCRYPT, seed: 7 });
  // The encrypted database opened as the command-line tools open it (docs:render).
  core = new AsystaCore({ dataDir: dir, settings, resources: devResources(), kdf: TEST_SCRYPT });
  sqlite = (await core.openForTool('admin', PASSWORD)).sqlite;
}, 180_000);

afterAll(() => {
  core?.shutdown();
  removeDir(dir);
});

describe('document linter over every demo case', () => {
  it('finds nothing a head would have to correct by hand', async () => {
    const rows = sqlite.prepare('SELECT key, body FROM document_texts').all() as Array<{ key: string; body: string }>;
    const ctx = { texts: withOverrides(Object.fromEntries(rows.map((r) => [r.key, r.body]))) };
    const today = new Date().toISOString().slice(0, 10);
    const ids = (sqlite.prepare('SELECT id FROM cases ORDER BY seq_year, seq_no').all() as Array<{ id: string }>).map((r) => r.id);
    const problems: Array<{ doc: string } & LintIssue> = [];
    /** One document of each type (for the PNGs): its case and reference. */
    const firstOfKind = new Map<string, { caseId: string; ref: string | null }>();
    let documents = 0;
    for (const id of ids) {
      const c = readCaseData(sqlite, id)!;
      for (const ref of availableDocuments(c)) {
        const part = buildDocument(c, ref.kind, { ref: ref.ref, today, ctx });
        const html = renderHtml(part, { documentTitle: part.title });
        documents++;
        if (!firstOfKind.has(ref.kind)) firstOfKind.set(ref.kind, { caseId: id, ref: ref.ref });
        for (const issue of lintDocumentText(htmlToText(html), { settingsHoldPapers: true })) problems.push({ doc: `${c.row.caseNumber} ${ref.kind}${ref.ref ? ` (${ref.ref})` : ''}`, ...issue });
      }
    }
    expect(documents).toBeGreaterThan(100);
    expect(firstOfKind.size).toBeGreaterThanOrEqual(25);
    // One line per distinct fault (the same template fault repeats in every case).
    const distinct = [...new Map(problems.map((p) => [`${p.rule}|${p.doc.split(' ').slice(1).join(' ').replace(/ \(.*\)$/, '')}|${p.excerpt.replace(/\d/g, '0').slice(20, 60)}`, `${p.rule} — ${p.doc}: …${p.excerpt}…`])).values()];
    expect(distinct).toEqual([]);

    if (!canRender) return;
    mkdirSync(ARTIFACTS, { recursive: true });
    const engine = new ChromiumPdfEngine({ fontsFolder: devResources().fontsFolder });
    try {
      const fonts = loadPrintFonts(devResources().fontsFolder);
      for (const [kind, at] of firstOfKind) {
        const c = readCaseData(sqlite, at.caseId)!;
        const part = buildDocument(c, kind as Parameters<typeof buildDocument>[1], { ref: at.ref, today, ctx });
        const r = await engine.render(renderHtml(part, { fonts, documentTitle: part.title }));
        const pdf = join(dir, `${kind}.pdf`);
        writeFileSync(pdf, r.pdf);
        execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, join(ARTIFACTS, kind)]);
      }
    } finally {
      await engine.close();
    }
  }, 300_000);
});
