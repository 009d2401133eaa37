/**
 * The core's run-time files in the source tree (development, tests, CLIs, bench, demo seed): the
 * one place that knows where they live in the repository. The packaged app never uses this; it
 * passes `packagedResources(process.resourcesPath)` (db/resources.ts), laid out by
 * electron-builder.yml `extraResources` from these same folders.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CoreResources } from '../db/resources';

/** The repository root (this file is build/dev-resources.ts). Only valid when run from source. */
export function repoRoot(): string {
  return fileURLToPath(new URL('..', import.meta.url));
}

/** `root` defaults to this repository; the Electron shell in development passes app.getAppPath(). */
export function devResources(root: string = repoRoot()): CoreResources {
  return { migrationsFolder: join(root, 'db', 'migrations'), fontsFolder: join(root, 'build', 'fonts') };
}
