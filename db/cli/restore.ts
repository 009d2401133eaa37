/**
 * `npm run restore -- --file FILE --data-dir DIR [--login NAME | --recovery-key] [--secret-stdin] [--yes]`
 * Verifies the whole file, stages and checks it, then swaps it into DIR (a new folder, or an
 * existing installation — which needs `--yes` when it holds changes newer than the backup; the
 * previous files are kept in DIR/before-restore-<time>/). Prints one JSON line.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { devResources } from '../../build/dev-resources';
import { AsystaCore } from '../core';
import { JsonFileSettingsStore } from '../settings';
import { fail, readSecret, usage } from './backup-common';

async function main() {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      'data-dir': { type: 'string' },
      login: { type: 'string' },
      'recovery-key': { type: 'boolean', default: false },
      'secret-stdin': { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
    },
  });
  if (!values.file || !values['data-dir']) {
    usage('npm run restore -- --file PLIK --data-dir KATALOG [--login LOGIN | --recovery-key] [--secret-stdin] [--yes]');
  }
  const dataDir = resolve(values['data-dir']);
  const secret = await readSecret({ login: values.login ?? 'admin', recoveryKey: values['recovery-key'], stdin: values['secret-stdin'] });
  const core = new AsystaCore({ dataDir, settings: new JsonFileSettingsStore(join(dataDir, 'settings.json')), resources: devResources() });
  try {
    const r = await core.restoreBackup(null, { file: resolve(values.file), secret, confirm: values.yes });
    if (r.status === 'needsConfirmation') {
      const c = r.current;
      const what = c.readable
        ? `${c.changesAfterBackup} zmian(y) zapisanych po wykonaniu kopii (ostatnia: ${c.lastChangeAt ?? '—'}); rodzin teraz: ${c.counts?.families ?? '—'}, w kopii: ${r.backup.counts.families ?? '—'}`
        : 'folder zawiera dane innej instalacji (nie da się ich odczytać kluczem z kopii)';
      console.error(`Przywrócenie zastąpi obecne dane: ${what}. Uruchom ponownie z --yes, aby potwierdzić (poprzednie pliki zostaną zachowane w before-restore-*).`);
      process.exit(3);
    }
    console.log(JSON.stringify({ ok: true, ...r }));
  } finally {
    core.shutdown();
  }
}

main().catch(fail);
