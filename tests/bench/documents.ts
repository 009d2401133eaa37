/**
 * Document bench (issue 5): time to produce the PDF of a long periodic assessment (about 10 pages)
 * and of a teczka pack of about 50 pages, in Debian Chromium (the engine of Electron's
 * printToPDF). Median of several runs after one warm-up; targets 1.5 s and 6 s.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ChromiumPdfEngine, chromiumPath } from '../../db/print/pdf';
import { renderDocumentPdf, renderPackPdf } from '../../db/print/render';
import { assessmentDocument, workPlanDocument } from '../../shared/print/documents/index';
import { allDocuments, assessmentView, BASE, FAMILY_NAME, workPlanView } from '../fixtures/documents';
import { fmt, median } from './stats';
import { devResources } from '../../build/dev-resources';

export async function benchDocuments(runs = 5): Promise<void> {
  if (!existsSync(chromiumPath())) {
    console.log(`documents: skipped (no Chromium at ${chromiumPath()})`);
    return;
  }
  const engine = new ChromiumPdfEngine({ fontsFolder: devResources().fontsFolder });
  try {
    const assessment = assessmentDocument(assessmentView('periodic', true));
    // A teczka of about 50 pages: every document type, plus long plans and assessments.
    const parts = [
      ...allDocuments(),
      workPlanDocument(workPlanView(40, 3)),
      assessmentDocument(assessmentView('initial', true)),
      assessmentDocument(assessmentView('final', true)),
    ];
    const pack = { index: { ...BASE, familyName: FAMILY_NAME, preparedBy: 'Małgorzata Ćwiklińska' }, parts };

    await renderDocumentPdf(engine, assessment); // warm-up (browser start)
    const a: number[] = [];
    let aPages = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      aPages = (await renderDocumentPdf(engine, assessment)).pages;
      a.push(performance.now() - t0);
    }
    const p: number[] = [];
    let pPages = 0;
    for (let i = 0; i < Math.max(2, Math.ceil(runs / 2)); i++) {
      const t0 = performance.now();
      pPages = (await renderPackPdf(engine, pack)).pages;
      p.push(performance.now() - t0);
    }
    console.log(`periodic assessment PDF (${aPages} pages) — median ${fmt(median(a))}   (target < 1.5 s)`);
    console.log(`teczka pack PDF with page ranges (${pPages} pages) — median ${fmt(median(p))}   (target < 6 s)`);
  } finally {
    await engine.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchDocuments().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
