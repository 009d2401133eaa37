/**
 * `npm run import -- --template FILE`
 * `npm run import -- --data-dir DIR --password PASS --file FILE [--login NAME] [--file-password PASS] [--dry-run]`
 *
 * Import of families and their current cases from a spreadsheet (issue 16) from the command line:
 * the same reading, rules and services as the "Import z arkusza" screen. Every family in the file
 * is imported, in one transaction — all or none: with any error nothing is written. Prints the
 * JSON summary { "families", "members", "cases", "warnings", "errors" } (plus "written"); exit
 * code 0 when the import (or the dry run) has no errors. Logs in as the head (`admin` by default).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { devResources } from '../../build/dev-resources';
import { AppError } from '../../shared/errors';
import { AsystaCore } from '../core';
import { importFile } from '../import/service';
import { buildTemplate } from '../import/template';
import { serviceCtx } from '../services/context';
import { JsonFileSettingsStore } from '../settings';
import { fail, usage } from './backup-common';

const USAGE =
  'npm run import -- --template PLIK\n' +
  '       npm run import -- --data-dir KATALOG --password HASŁO --file PLIK [--login LOGIN] [--file-password HASŁO_PLIKU] [--dry-run]';

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        template: { type: 'string' },
        'data-dir': { type: 'string' },
        password: { type: 'string' },
        file: { type: 'string' },
        'file-password': { type: 'string' },
        login: { type: 'string', default: 'admin' },
        'dry-run': { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    usage(`${USAGE}\n${(e as Error).message}`);
  }
  if (values.template) {
    const out = resolve(values.template);
    writeFileSync(out, await buildTemplate());
    console.error(`Zapisano wzór / template written: ${out}`);
    return;
  }
  if (!values['data-dir'] || !values.password || !values.file) usage(USAGE);
  const dataDir = resolve(values['data-dir']);
  const core = new AsystaCore({ dataDir, settings: new JsonFileSettingsStore(join(dataDir, 'settings.json')), resources: devResources() });
  let failed = false;
  try {
    if (!core.isSetUp()) throw new AppError('NOT_SET_UP', `${dataDir}: to nie jest folder danych Asysty / not an Asysta data folder`);
    const { actor } = await core.openForTool(values.login ?? 'admin', values.password);
    if (actor.user.role !== 'admin') throw new AppError('FORBIDDEN', 'Import z arkusza może wykonać tylko kierownik ośrodka.');
    const r = await importFile(serviceCtx(core), actor, {
      path: resolve(values.file),
      password: values['file-password'] ?? null,
      dryRun: values['dry-run'] ?? false,
    });
    const { written, families, members, cases, warnings, errors } = r;
    process.stdout.write(JSON.stringify({ families, members, cases, warnings, errors, written }, null, 2) + '\n');
    failed = errors.length > 0;
  } finally {
    core.shutdown();
  }
  if (failed) process.exit(1);
}

main().catch(fail);
