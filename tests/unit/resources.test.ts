/**
 * Packaged, the source tree is not there: the core reads its run-time files (migrations, print
 * font) only from the folders its host passes (db/resources.ts), and the host can name what is
 * missing before anything fails at the first print.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { devResources } from '../../build/dev-resources';
import { journalEntries } from '../../db/open';
import { FONT_FILES } from '../../db/print/fonts';
import { missingResources, packagedResources } from '../../db/resources';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A resources folder laid out as electron-builder.yml extraResources does. */
function packagedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'asysta-resources-Łódź-'));
  dirs.push(dir);
  const dev = devResources();
  cpSync(dev.migrationsFolder, join(dir, 'migrations'), { recursive: true });
  cpSync(dev.fontsFolder, join(dir, 'fonts'), { recursive: true });
  return dir;
}

describe('core resources (migrations and print font) come from the host', () => {
  it('the source tree has every migration in the journal and all four font faces', () => {
    expect(missingResources(devResources())).toEqual([]);
  });

  it('packaged: resources/migrations and resources/fonts beside app.asar', () => {
    const dir = packagedCopy();
    const r = packagedResources(dir);
    expect(r).toEqual({ migrationsFolder: join(dir, 'migrations'), fontsFolder: join(dir, 'fonts') });
    expect(missingResources(r)).toEqual([]);
  });

  it('names a missing migration file and a missing font face', () => {
    const dir = packagedCopy();
    const last = journalEntries(join(dir, 'migrations')).at(-1)!;
    rmSync(join(dir, 'migrations', `${last.tag}.sql`));
    rmSync(join(dir, 'fonts', FONT_FILES.bold));
    expect(missingResources(packagedResources(dir))).toEqual([
      join(dir, 'migrations', `${last.tag}.sql`),
      join(dir, 'fonts', FONT_FILES.bold),
    ]);
  });

  it('names a missing journal (an installation without its migrations)', () => {
    const dir = packagedCopy();
    rmSync(join(dir, 'migrations'), { recursive: true });
    expect(missingResources(packagedResources(dir))).toEqual([join(dir, 'migrations', 'meta', '_journal.json')]);
  });
});
