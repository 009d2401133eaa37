/**
 * `npm run preview:web -- --data-dir DIR [--port 5180]`: the real renderer in a browser with the
 * real core behind a loopback bridge. Development only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { devResources } from '../../build/dev-resources';
import { CoreHost } from '../../db/host/host';
import { JsonFileSettingsStore } from '../../db/settings';
import { buildTestWorker } from '../host/build';
import { startPreviewServer } from './server';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '5180' },
      rebuild: { type: 'boolean', default: false },
    },
  });
  const dataDir = values['data-dir'];
  if (!dataDir) {
    console.error('Użycie / usage: npm run preview:web -- --data-dir KATALOG [--port 5180] [--rebuild]');
    process.exit(2);
  }
  const rendererDir = join(projectRoot, 'out', 'renderer');
  if (values.rebuild || !existsSync(join(rendererDir, 'index.html'))) {
    console.log('Budowanie interfejsu (vite build)…');
    execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts'], { cwd: projectRoot, stdio: 'inherit' });
  }
  const dir = resolve(dataDir);
  const resources = devResources(projectRoot);
  // The core in its worker thread, as in the app (the test build of the worker entry).
  const host = await CoreHost.start({
    workerEntry: await buildTestWorker(),
    core: { dataDir: dir, resources },
    settings: new JsonFileSettingsStore(join(dir, 'settings.json')),
    onInternalError: (place, err) => console.error(`[asysta] internal error on ${place}: ${err.name}`),
  });
  const server = await startPreviewServer({ host, fontsFolder: resources.fontsFolder, rendererDir, port: Number(values.port) });
  console.log(`Asysta (podgląd w przeglądarce): ${server.url}`);
  console.log('Tylko na tym komputerze (127.0.0.1). Ctrl+C kończy.');
  const stop = async () => {
    await server.close();
    await host.shutdown({ timeoutMs: 5_000 });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`Błąd: ${(e as Error).message}`);
  process.exit(1);
});
