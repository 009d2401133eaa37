/**
 * Starting Asysta for the `_electron` suite, in one of two ways:
 *
 * - development (default): `electron .` from the repository, after `electron-vite build` and an
 *   Electron-ABI build of better-sqlite3 (build/scripts/electron-native.mjs); the data folder is
 *   chosen with ASYSTA_DATA_DIR (honoured only when the app is not packaged);
 * - the installed app: ASYSTA_E2E_EXECUTABLE=release/win-unpacked/Asysta.exe (the Windows
 *   workflow, after `npm run dist`). The packaged app honours no test variable; each test gets
 *   its own profile by pointing LOCALAPPDATA at a temp folder, where the app keeps its profile on
 *   Windows (electron/profile.ts) — so the data lands in <temp>\Asysta\dane as on an office PC.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';

export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const requireFromRoot = createRequire(join(projectRoot, 'package.json'));

/** The installed app under test, if the run is against one. */
export const packagedExecutable: string | null = process.env.ASYSTA_E2E_EXECUTABLE ? resolve(projectRoot, process.env.ASYSTA_E2E_EXECUTABLE) : null;

export function electronBinaryPath(): string | null {
  try {
    const p: unknown = requireFromRoot('electron');
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** Why the suite cannot run here, or null when it can. */
export function unavailableReason(): string | null {
  if (packagedExecutable) return existsSync(packagedExecutable) ? null : `ASYSTA_E2E_EXECUTABLE ${packagedExecutable} does not exist (run npm run dist first).`;
  return electronBinaryPath() ? null : 'Electron binary not installed here (it is downloaded from GitHub by npm install); skipping the _electron suite.';
}

/** Development runs: build the app and the Electron-ABI SQLite module; returns the module's path. */
export function prepareDevelopmentBuild(): string | null {
  if (packagedExecutable) return null;
  if (process.env.ASYSTA_E2E_SKIP_BUILD !== '1') {
    execFileSync(process.execPath, [join(projectRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: projectRoot, stdio: 'inherit' });
  }
  // Prints the path of an Electron-ABI better_sqlite3.node (building it once per Electron version).
  const out = execFileSync(process.execPath, [join(projectRoot, 'build/scripts/electron-native.mjs')], {
    cwd: projectRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim().split('\n').pop() ?? null;
}

/** Where one test's installation lives under its temp folder `root`. */
export function layoutOf(root: string): { dataDir: string; profileDir: string } {
  if (packagedExecutable) return { dataDir: join(root, 'Asysta', 'dane'), profileDir: join(root, 'Asysta') };
  return { dataDir: join(root, 'dane'), profileDir: `${join(root, 'dane')}-profil` };
}

export function launchEnv(root: string, nativeBinding: string | null): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.ELECTRON_RENDERER_URL; // always the built renderer on app://
  delete env.ELECTRON_RUN_AS_NODE;
  if (packagedExecutable) {
    env.LOCALAPPDATA = root;
    return env;
  }
  env.ASYSTA_DATA_DIR = layoutOf(root).dataDir;
  if (nativeBinding) env.ASYSTA_NATIVE_BINDING = nativeBinding;
  // No "close without a backup?" dialog when the test closes the app (development builds only).
  env.ASYSTA_NO_QUIT_PROMPT = '1';
  return env;
}

export function launchArgs(): string[] {
  const args = packagedExecutable ? [] : ['.'];
  // Chromium refuses to start as root (containers, CI) unless its OS sandbox is off.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

/** The executable a second instance is started with (the same one the test launched). */
export function executablePath(): string {
  return packagedExecutable ?? electronBinaryPath()!;
}

export async function launchApp(root: string, nativeBinding: string | null): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    ...(packagedExecutable ? { executablePath: packagedExecutable } : {}),
    args: launchArgs(),
    cwd: projectRoot,
    env: launchEnv(root, nativeBinding),
    locale: 'pl-PL',
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

/**
 * Close the app the way a test should: log out first (the installed app asks "close without a
 * backup?" when a head with changes since the last backup closes it; the test variable that
 * turns the question off works only in development).
 */
export async function closeApp(app: ElectronApplication, page: Page | null): Promise<void> {
  if (page && !page.isClosed()) {
    await page
      .evaluate(() => (globalThis as unknown as { api?: Record<string, (i: unknown) => Promise<unknown>> }).api?.['auth:logout']?.({}))
      .catch(() => undefined);
  }
  await app.close().catch(() => undefined);
}
