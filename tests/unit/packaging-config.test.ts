/**
 * electron-builder.yml can only be exercised on a machine that builds the installer; here it is
 * checked against electron-builder's own configuration schema and for the decisions the packaged
 * app depends on (issue 17): the run-time files beside app.asar, a Polish per-user installer
 * without the install-mode page, signing only from the environment.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../build/dev-resources';

// Both come with electron-builder (app-builder-lib depends on them); the schema is its own.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(s: string): unknown };
const Ajv = require('ajv') as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } };
const schema = require('app-builder-lib/scheme.json') as object;

type Config = {
  files: string[];
  extraResources: Array<{ from: string; to: string; filter: string[] }>;
  nsis: Record<string, unknown>;
  win: Record<string, unknown>;
};
const root = repoRoot();
const config = yaml.load(readFileSync(`${root}/electron-builder.yml`, 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it('is valid against the installed electron-builder configuration schema', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const ok = validate(config);
    expect(validate.errors ?? null, JSON.stringify(validate.errors)).toBeNull();
    expect(ok).toBe(true);
  });

  it('ships the migrations and the print font as resources/migrations and resources/fonts (db/resources.ts)', () => {
    expect(config.extraResources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'db/migrations', to: 'migrations' }),
        expect.objectContaining({ from: 'build/fonts', to: 'fonts', filter: expect.arrayContaining(['*.ttf']) }),
      ]),
    );
    // No source folder is packed into app.asar: only the build output.
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['out/**', 'package.json']);
  });

  it('Polish per-user installer without the install-mode page', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      // electron-builder builds an English-only installer unless this is true (LangConfigurator).
      multiLanguageInstaller: true,
      installerLanguages: ['pl_PL'],
      displayLanguageSelector: false,
      include: 'build/installer.nsh',
      deleteAppDataOnUninstall: false,
    });
    const nsh = readFileSync(`${root}/build/installer.nsh`, 'utf8');
    expect(nsh).toMatch(/!macro customInstallMode\s+StrCpy \$isForceCurrentInstall "1"/);
  });

  it('signing settings come from the environment only (no certificate in the repo; unsigned builds work)', () => {
    // electron-builder reads WIN_CSC_LINK / CSC_LINK and the password from the environment itself.
    expect(config.win.signtoolOptions).toEqual({ signingHashAlgorithms: ['sha256'] });
    expect((config as Record<string, unknown>).forceCodeSigning ?? false).toBe(false);
    expect(existsSync(`${root}/build/installer.nsh`)).toBe(true);
  });
});
