/**
 * The files the core reads from disk at run time, handed in by its host. Nothing the app reads
 * at run time is found relative to a source file: packaged, the source tree is not there (the
 * code sits in app.asar, the files beside it in `resources/`). The Electron shell passes
 * `packagedResources(process.resourcesPath)`; development, tests, CLIs and the bench pass the
 * source tree's folders from one place (build/dev-resources.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FONT_FILES } from './print/fonts';

export interface CoreResources {
  /** drizzle-kit output: `meta/_journal.json` and one `<tag>.sql` per migration. */
  readonly migrationsFolder: string;
  /** The embedded print font (db/print/fonts.ts FONT_FILES). */
  readonly fontsFolder: string;
}

/**
 * Where electron-builder puts them (electron-builder.yml `extraResources`): `resources/migrations`
 * and `resources/fonts` beside app.asar. The one definition of the packaged layout, used by the
 * Electron shell and by `npm run smoke:packaged`.
 */
export function packagedResources(resourcesPath: string): CoreResources {
  return { migrationsFolder: join(resourcesPath, 'migrations'), fontsFolder: join(resourcesPath, 'fonts') };
}

/**
 * What is missing from a resources set, as paths (empty when complete): the migrations journal,
 * every migration it lists, and the four font faces. The host checks this before starting the
 * core, so a broken installation says which file is missing instead of failing at first print.
 */
export function missingResources(r: CoreResources): string[] {
  const missing: string[] = [];
  const journal = join(r.migrationsFolder, 'meta', '_journal.json');
  if (!existsSync(journal)) missing.push(journal);
  else {
    try {
      const entries = (JSON.parse(readFileSync(journal, 'utf8')) as { entries?: Array<{ tag: string }> }).entries ?? [];
      if (entries.length === 0) missing.push(`${journal} (bez migracji / no entries)`);
      for (const e of entries) {
        const sql = join(r.migrationsFolder, `${e.tag}.sql`);
        if (!existsSync(sql)) missing.push(sql);
      }
    } catch {
      missing.push(`${journal} (nieczytelny / unreadable)`);
    }
  }
  for (const file of Object.values(FONT_FILES)) {
    const p = join(r.fontsFolder, file);
    if (!existsSync(p)) missing.push(p);
  }
  return missing;
}
