#!/usr/bin/env node
/**
 * Development helper: an Electron-ABI build of better-sqlite3 (better-sqlite3-multiple-ciphers).
 *
 * node_modules/better-sqlite3 is compiled for Node, because the unit and integration tests run
 * under Node. Electron has its own ABI, so `npm start` needs a second build. This script keeps it
 * in .cache/electron-native/<electron-version>/ and never touches node_modules:
 *
 *   1. copy node_modules/better-sqlite3 (without its build/ folder) into
 *      .cache/electron-native/<electron-version>/node_modules/better-sqlite3, next to a minimal
 *      package.json that depends on it;
 *   2. run @electron/rebuild programmatically on that folder (onlyModules: better-sqlite3). It first
 *      tries prebuild-install (a prebuilt binary for this Electron version from the module's
 *      GitHub releases), then falls back to node-gyp against the Electron headers
 *      (https://www.electronjs.org/headers, override with ASYSTA_ELECTRON_HEADER_URL);
 *   3. print the path of the resulting better_sqlite3.node on stdout (diagnostics go to stderr).
 *
 * The result is reused while the Electron version, the module version, platform and arch match.
 * main.ts receives the path via ASYSTA_NATIVE_BINDING (set by build/scripts/start.mjs) and hands it
 * to better-sqlite3 as `nativeBinding`. The packaged app does not use this: electron-builder
 * rebuilds native dependencies for Electron itself (npmRebuild: true).
 *
 * Usage: node build/scripts/electron-native.mjs [--force]
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const MODULE = 'better-sqlite3';

export class NativeModuleError extends Error {}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Versions that decide whether a cached build can be reused. */
export function nativeBuildKey(root = projectRoot) {
  const electronPkg = join(root, 'node_modules', 'electron', 'package.json');
  const modulePkg = join(root, 'node_modules', MODULE, 'package.json');
  if (!existsSync(electronPkg)) throw new NativeModuleError('node_modules/electron is missing — run `npm install`.');
  if (!existsSync(modulePkg)) throw new NativeModuleError(`node_modules/${MODULE} is missing — run \`npm install\`.`);
  const m = readJson(modulePkg);
  return {
    electronVersion: readJson(electronPkg).version,
    moduleName: m.name,
    moduleVersion: m.version,
    platform: process.platform,
    arch: process.arch,
  };
}

export function nativeCacheDir(key, root = projectRoot) {
  return join(root, '.cache', 'electron-native', key.electronVersion);
}

export function nativeBindingPath(key, root = projectRoot) {
  return join(nativeCacheDir(key, root), 'node_modules', MODULE, 'build', 'Release', 'better_sqlite3.node');
}

/**
 * Make sure the Electron-ABI binary exists; return its absolute path.
 * @param {{ force?: boolean, log?: (msg: string) => void, root?: string }} [opts]
 */
export async function prepareElectronNative(opts = {}) {
  const root = opts.root ?? projectRoot;
  const log = opts.log ?? ((msg) => process.stderr.write(`${msg}\n`));
  const key = nativeBuildKey(root);
  const cacheDir = nativeCacheDir(key, root);
  const binding = nativeBindingPath(key, root);
  const stampPath = join(cacheDir, 'asysta-native.json');
  const stamp = JSON.stringify(key);

  if (!opts.force && existsSync(binding) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) {
    return binding;
  }

  log(`[electron-native] Przygotowuję ${key.moduleName}@${key.moduleVersion} dla Electron ${key.electronVersion} (${key.platform}-${key.arch})…`);
  rmSync(cacheDir, { recursive: true, force: true });
  const source = join(root, 'node_modules', MODULE);
  const target = join(cacheDir, 'node_modules', MODULE);
  mkdirSync(target, { recursive: true });
  cpSync(source, target, {
    recursive: true,
    dereference: true,
    // The Node-ABI build output must not be mistaken for an Electron one.
    filter: (src) => {
      const rel = relative(source, src);
      return rel !== 'build' && !rel.startsWith(`build${sep}`) && rel !== 'node_modules' && !rel.startsWith(`node_modules${sep}`);
    },
  });
  writeFileSync(
    join(cacheDir, 'package.json'),
    JSON.stringify(
      { name: 'asysta-electron-native', private: true, version: '0.0.0', dependencies: { [MODULE]: key.moduleVersion } },
      null,
      2,
    ),
  );

  let rebuild;
  try {
    ({ rebuild } = await import('@electron/rebuild'));
  } catch {
    throw new NativeModuleError(
      '@electron/rebuild is not installed (it normally comes with electron-builder). Run `npm install`.',
    );
  }

  try {
    await rebuild({
      buildPath: cacheDir,
      projectRootPath: cacheDir,
      electronVersion: key.electronVersion,
      arch: key.arch,
      platform: key.platform,
      onlyModules: [MODULE],
      types: ['prod'],
      force: true,
      mode: 'sequential',
      ...(process.env.ASYSTA_ELECTRON_HEADER_URL ? { headerURL: process.env.ASYSTA_ELECTRON_HEADER_URL } : {}),
    });
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new NativeModuleError(
      `Could not build ${MODULE} for Electron ${key.electronVersion}: ${reason}\n` +
        'This step needs either a prebuilt binary (downloaded from the module\'s GitHub releases) or the\n' +
        'Electron headers (https://www.electronjs.org/headers) plus a C++ toolchain (Python 3, make/g++ or\n' +
        'Visual Studio Build Tools). On an offline machine use `npm run preview:web -- --data-dir DIR`.',
    );
  }

  if (!existsSync(binding)) {
    throw new NativeModuleError(`The rebuild finished but ${binding} was not produced.`);
  }
  writeFileSync(stampPath, stamp);
  log(`[electron-native] Gotowe: ${binding}`);
  return binding;
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  try {
    const path = await prepareElectronNative({ force: process.argv.includes('--force') });
    process.stdout.write(`${path}\n`);
  } catch (e) {
    if (e instanceof NativeModuleError) {
      process.stderr.write(`[electron-native] Błąd / error: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
