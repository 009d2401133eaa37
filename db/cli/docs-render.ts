/**
 * `npm run docs:render -- --data-dir DIR --password PASS --out OUTDIR [--case ID] [--login NAME]`
 *
 * Renders every document type of one case (by default the case with data for the most document
 * types) as PDF into OUTDIR, one file per type plus the teczka pack, records each export in the
 * audit log and prints a JSON list of what it wrote. File names carry the znak sprawy and the
 * document type, no personal data.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { devResources } from '../../build/dev-resources';
import { AsystaCore } from '../core';
import { availableDocuments, fileNameOf } from '../documents/build';
import { readCaseData } from '../documents/data';
import { documentPart, packRequest, recordExport, richestCaseOf } from '../documents/service';
import { ChromiumPdfEngine } from '../print/pdf';
import { renderDocumentPdf, renderPackPdf } from '../print/render';
import { serviceCtx } from '../services/context';
import { JsonFileSettingsStore } from '../settings';
import type { PrintableKind } from '../../shared/ipc/channels/documents';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      password: { type: 'string' },
      out: { type: 'string' },
      case: { type: 'string' },
      login: { type: 'string', default: 'admin' },
    },
  });
  if (!values['data-dir'] || !values.password || !values.out) {
    console.error('Użycie / usage: npm run docs:render -- --data-dir KATALOG --password HASŁO --out KATALOG [--case ID] [--login LOGIN]');
    process.exit(2);
  }
  const dataDir = resolve(values['data-dir']);
  const out = resolve(values.out);
  const core = new AsystaCore({ dataDir, settings: new JsonFileSettingsStore(join(dataDir, 'settings.json')), resources: devResources() });
  if (!core.isSetUp()) throw new Error(`${dataDir}: to nie jest folder danych Asysty / not an Asysta data folder`);
  const engine = new ChromiumPdfEngine({ fontsFolder: devResources().fontsFolder });
  try {
    const { actor, sqlite } = await core.openForTool(values.login ?? 'admin', values.password);
    const ctx = serviceCtx(core);
    const caseId = values.case ?? richestCaseOf(sqlite);
    if (!caseId) throw new Error('Brak spraw w tej instalacji.');
    const c = readCaseData(sqlite, caseId);
    if (!c) throw new Error(`Nie znaleziono sprawy ${caseId}.`);
    mkdirSync(out, { recursive: true });
    // One file per document type: the newest record of each kind.
    const byKind = new Map<PrintableKind, ReturnType<typeof availableDocuments>[number]>();
    for (const x of availableDocuments(c)) byKind.set(x.kind, x);
    const written: Array<{ file: string; kind: string; pages: number }> = [];
    for (const x of byKind.values()) {
      const req = { caseId, kind: x.kind, ref: x.ref ?? undefined };
      const { part } = documentPart(ctx, actor, req);
      const r = await renderDocumentPdf(engine, part, { documentTitle: part.title });
      const file = fileNameOf(c.row.caseNumber, x.kind);
      writeFileSync(join(out, file), r.pdf);
      recordExport(ctx, actor, { ...req, pages: r.pages, target: 'pdf' });
      written.push({ file, kind: x.kind, pages: r.pages });
    }
    const { request, fileName } = packRequest(ctx, actor, { caseId });
    const pack = await renderPackPdf(engine, request);
    writeFileSync(join(out, fileName), pack.pdf);
    recordExport(ctx, actor, { caseId, kind: 'pack', pages: pack.pages, target: 'pdf' });
    written.push({ file: fileName, kind: 'pack', pages: pack.pages });
    console.log(JSON.stringify({ caseId, caseNumber: c.row.caseNumber, out, files: written }, null, 2));
  } finally {
    await engine.close();
    core.shutdown();
  }
}

main().catch((e: unknown) => {
  console.error(`Błąd: ${(e as Error).message}`);
  process.exit(1);
});
