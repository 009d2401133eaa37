/**
 * `npm run report -- --data-dir DIR --password PASS --period 2026-H1 [--format json|xlsx|pdf] [--out FILE] [--login NAME]`
 *
 * The half-year figures of the sprawozdanie rzeczowo-finansowe (family-assistant part) from the
 * command line, for support staff and for checking the numbers outside the app: JSON to standard
 * output by default (or to --out), XLSX or PDF into --out. Aggregate figures only (no personal
 * data). Logs in as the head (`admin` by default); the report and any export are audited like in
 * the app. Exit code 0 only on success.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { devResources } from '../../build/dev-resources';
import { AsystaCore } from '../core';
import { ChromiumPdfEngine } from '../print/pdf';
import { serviceCtx } from '../services/context';
import { exportReport, halfYearReport, recordReportExport, reportHtmlFor } from '../services/reports';
import { JsonFileSettingsStore } from '../settings';
import { fail, usage } from './backup-common';

const USAGE = 'npm run report -- --data-dir KATALOG --password HASŁO --period 2026-H1 [--format json|xlsx|pdf] [--out PLIK] [--login LOGIN]';

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'data-dir': { type: 'string' },
        password: { type: 'string' },
        period: { type: 'string' },
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        login: { type: 'string', default: 'admin' },
      },
    }));
  } catch (e) {
    usage(`${USAGE}\n${(e as Error).message}`);
  }
  if (!values['data-dir'] || !values.password || !values.period) usage(USAGE);
  const format = values.format ?? 'json';
  if (!['json', 'xlsx', 'pdf'].includes(format)) usage(`${USAGE}\n--format: json, xlsx albo pdf / json, xlsx or pdf`);
  if (!/^\d{4}-H[12]$/.test(values.period)) usage(`${USAGE}\n--period: np. 2026-H1 (1.01–30.06) albo 2026-H2 (1.07–31.12)`);
  if (format !== 'json' && !values.out) usage(`${USAGE}\n--out jest wymagane dla ${format} / --out is required for ${format}`);

  const dataDir = resolve(values['data-dir']);
  const core = new AsystaCore({ dataDir, settings: new JsonFileSettingsStore(join(dataDir, 'settings.json')), resources: devResources() });
  let engine: ChromiumPdfEngine | null = null;
  try {
    if (!core.isSetUp()) throw new AppError('NOT_SET_UP', `${dataDir}: to nie jest folder danych Asysty / not an Asysta data folder`);
    const { actor } = await core.openForTool(values.login ?? 'admin', values.password);
    const ctx = serviceCtx(core);
    const input = { report: 'half-year' as const, period: values.period };
    if (format === 'json') {
      const r = halfYearReport(ctx, actor, { period: values.period });
      const json = JSON.stringify(
        {
          period: r.period,
          asOf: r.asOf,
          filedOn: r.filedOn,
          figures: r.figures.map((f) => ({ id: f.id, no: f.no, label: f.label, value: f.value, display: f.display, unit: f.unit, definition: f.definition })),
          // What the head must know about the figures (period not ended, foster care not recorded): no case ids.
          warnings: r.warnings.map((w) => ({ code: w.code, severity: w.severity, message: w.message, cases: w.caseIds.length })),
          conventions: r.conventionLines,
        },
        null,
        2,
      );
      if (values.out) {
        writeFileSync(resolve(values.out), json + '\n');
        console.error(`Zapisano / written: ${resolve(values.out)}`);
      } else process.stdout.write(json + '\n');
    } else if (format === 'xlsx') {
      const x = await exportReport(ctx, actor, { ...input, format: 'xlsx' });
      writeFileSync(resolve(values.out!), Buffer.from(x.base64, 'base64'));
      console.error(`Zapisano / written: ${resolve(values.out!)}`);
    } else {
      engine = new ChromiumPdfEngine({ fontsFolder: devResources().fontsFolder });
      const h = reportHtmlFor(ctx, actor, input, engine.fonts);
      const pdf = await engine.render(h.html);
      writeFileSync(resolve(values.out!), pdf.pdf);
      recordReportExport(ctx, actor, { ...input, pages: pdf.pages, target: 'pdf' });
      console.error(`Zapisano / written: ${resolve(values.out!)} (${pdf.pages} str.)`);
    }
  } finally {
    await engine?.close();
    core.shutdown();
  }
}

main().catch(fail);
