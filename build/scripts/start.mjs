#!/usr/bin/env node
/**
 * `npm start`: run Asysta in Electron for development.
 *   1. check that the Electron runtime is installed (it is downloaded from GitHub by `npm install`);
 *   2. prepare the Electron-ABI build of better-sqlite3 (build/scripts/electron-native.mjs);
 *   3. run `electron-vite dev` with ASYSTA_NATIVE_BINDING set, forwarding arguments and exit code.
 * Extra arguments go to electron-vite, e.g. `npm start -- --sourcemap`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const require = createRequire(join(projectRoot, 'package.json'));

const MISSING_ELECTRON =
  'Brak środowiska uruchomieniowego Electron: pakiet npm „electron” jest zainstalowany, ale bez ' +
  'programu Electron, który `npm install` zwykle pobiera z GitHuba (na tym komputerze pobranie się ' +
  'nie odbyło lub jest zablokowane). Zainstaluj zależności ponownie z dostępem do GitHuba ' +
  '(`npm install` albo `node node_modules/electron/install.js`), a na komputerze bez dostępu do sieci przeklikaj aplikację ' +
  'w przeglądarce: `npm run preview:web -- --data-dir KATALOG`. / The Electron runtime is missing: ' +
  'the "electron" npm package is installed but not the Electron binary that `npm install` normally ' +
  'downloads from GitHub. Reinstall with GitHub access; on an offline machine use ' +
  '`npm run preview:web -- --data-dir DIR` to click through the app in a browser.';

/** Path of the Electron executable, or null when it is not installed. Never throws. */
export function electronBinary() {
  try {
    const p = require('electron');
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

async function main() {
  if (!electronBinary()) {
    console.error(MISSING_ELECTRON);
    process.exit(1);
  }

  const { prepareElectronNative, NativeModuleError } = await import('./electron-native.mjs');
  let binding;
  try {
    binding = await prepareElectronNative();
  } catch (e) {
    if (e instanceof NativeModuleError) {
      console.error(`Nie udało się przygotować modułu bazy danych dla Electrona. / ${e.message}`);
      process.exit(1);
    }
    throw e;
  }

  const electronVite = join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const child = spawn(process.execPath, [electronVite, 'dev', ...process.argv.slice(2)], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, ASYSTA_NATIVE_BINDING: binding },
  });
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      if (!child.killed) child.kill(sig);
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (err) => {
    console.error(`Nie można uruchomić electron-vite / cannot start electron-vite: ${err.message}`);
    process.exit(1);
  });
}

await main();
