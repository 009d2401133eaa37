/**
 * `npm run backup -- --data-dir DIR --out FILE_OR_DIR [--login NAME | --recovery-key] [--secret-stdin]`
 * Logs in as the account (default admin) or opens the data with the recovery key (acting as the
 * synthetic identity "klucz-odzyskiwania", see AsystaCore.openForToolWithRecoveryKey); either is
 * audited. Writes an encrypted backup, reads it back and verifies it, prunes older ones in a
 * folder. Prints one JSON line.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { devResources } from '../../build/dev-resources';
import { AsystaCore } from '../core';
import { JsonFileSettingsStore } from '../settings';
import { BACKUP_EXTENSION } from '../backup';
import { fail, readSecret, usage } from './backup-common';

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      out: { type: 'string' },
      login: { type: 'string' },
      'recovery-key': { type: 'boolean', default: false },
      'secret-stdin': { type: 'boolean', default: false },
    },
  });
  if (!values['data-dir'] || !values.out) {
    usage('npm run backup -- --data-dir KATALOG --out PLIK_LUB_FOLDER [--login LOGIN | --recovery-key] [--secret-stdin]');
  }
  if (values.login && values['recovery-key']) usage('podaj --login albo --recovery-key, nie oba / use either --login or --recovery-key');
  const dataDir = resolve(values['data-dir']);
  const out = resolve(values.out);
  const core = new AsystaCore({ dataDir, settings: new JsonFileSettingsStore(join(dataDir, 'settings.json')), resources: devResources() });
  if (!core.isSetUp()) throw new Error(`${dataDir}: to nie jest folder danych Asysty / not an Asysta data folder`);
  const login = values.login ?? 'admin';
  const secret = await readSecret({ login, recoveryKey: values['recovery-key'], stdin: values['secret-stdin'] });
  const ctl = new AbortController();
  process.once('SIGINT', () => ctl.abort());
  try {
    const { actor } =
      'recoveryKey' in secret ? await core.openForToolWithRecoveryKey(secret.recoveryKey) : await core.openForTool(secret.login, secret.password);
    const r = await core.createBackup(actor, {
      ...(out.endsWith(BACKUP_EXTENSION) ? { file: out } : { folder: out }),
      signal: ctl.signal,
    });
    console.log(JSON.stringify({ ok: true, ...r }));
  } finally {
    core.shutdown();
  }
}

main().catch(fail);
