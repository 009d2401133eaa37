/**
 * `npm run verify-backup -- --file FILE [--login NAME | --recovery-key] [--secret-stdin]`
 * Decrypts and authenticates the whole file and checks the database inside (integrity_check),
 * without restoring anything. Prints one JSON line: date, office, versions, counts.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { devResources } from '../../build/dev-resources';
import { verifyBackup } from '../backup';
import { fail, readSecret, usage } from './backup-common';

async function main() {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      login: { type: 'string' },
      'recovery-key': { type: 'boolean', default: false },
      'secret-stdin': { type: 'boolean', default: false },
    },
  });
  if (!values.file) usage('npm run verify-backup -- --file PLIK [--login LOGIN | --recovery-key] [--secret-stdin]');
  const secret = await readSecret({ login: values.login ?? 'admin', recoveryKey: values['recovery-key'], stdin: values['secret-stdin'] });
  const info = await verifyBackup(resolve(values.file), secret, { migrationsFolder: devResources().migrationsFolder });
  console.log(JSON.stringify({ ok: true, ...info }));
}

main().catch(fail);
