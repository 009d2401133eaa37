/** `npm run demo:seed -- --data-dir DIR --password PASS [--families N]` */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { passwordSchema } from '../../shared/schemas';
import { devResources } from '../../build/dev-resources';
import { seedDemo } from '../demo/seed';
import { JsonFileSettingsStore } from '../settings';

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      password: { type: 'string' },
      families: { type: 'string', default: '200' },
    },
  });
  const dataDir = values['data-dir'];
  const password = values.password;
  if (!dataDir || !password) {
    console.error('Użycie / usage: npm run demo:seed -- --data-dir KATALOG --password HASŁO [--families N]');
    process.exit(2);
  }
  const pw = passwordSchema.safeParse(password);
  if (!pw.success) {
    console.error(pw.error.issues[0]?.message ?? 'Nieprawidłowe hasło.');
    process.exit(2);
  }
  const families = Number.parseInt(values.families ?? '200', 10);
  if (!Number.isInteger(families) || families < 0 || families > 100_000) {
    console.error('--families: podaj liczbę od 0 do 100000.');
    process.exit(2);
  }
  const dir = resolve(dataDir);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    console.error(`Katalog ${dir} nie jest pusty: demo tworzy nową instalację w pustym katalogu.`);
    process.exit(2);
  }
  const summary = await seedDemo({
    dataDir: dir,
    password,
    families,
    settings: new JsonFileSettingsStore(join(dir, 'settings.json')),
    resources: devResources(),
  });
  console.log(JSON.stringify(summary));
}

main().catch((e: unknown) => {
  console.error(`Błąd: ${(e as Error).message}`);
  process.exit(1);
});
