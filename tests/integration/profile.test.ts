/**
 * The installed app keeps its data in %LOCALAPPDATA%\Asysta (never the roaming profile, which a
 * domain may copy to a server or redirect to a network share where SQLite's WAL is unsafe). An
 * office upgrading from a version that used %APPDATA%\Asysta finds its records after the update:
 * the old data folder is moved — resumably, and checked byte for byte across volumes — and the
 * app never starts on an empty new folder while the old one holds the installation.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { legacyProfileDir, migrateRoamingProfile, profileDir, SETTINGS_FILE } from '../../electron/profile';
import { ADMIN, OFFICE, removeDir, setUpOffice, tempDir, testApp } from '../helpers';

describe('profile folder', () => {
  const win = { platform: 'win32' as const, home: 'C:\\Users\\Łucja', appData: 'C:\\Users\\Łucja\\AppData\\Roaming' };

  it('Windows: %LOCALAPPDATA%\\Asysta, not the roaming %APPDATA%\\Asysta', () => {
    expect(profileDir({ ...win, localAppData: 'C:\\Users\\Łucja\\AppData\\Local' })).toBe('C:\\Users\\Łucja\\AppData\\Local\\Asysta');
    expect(legacyProfileDir(win)).toBe('C:\\Users\\Łucja\\AppData\\Roaming\\Asysta');
  });

  it('Windows without %LOCALAPPDATA% in the environment: the local folder of the home directory', () => {
    expect(profileDir({ ...win, localAppData: undefined })).toBe('C:\\Users\\Łucja\\AppData\\Local\\Asysta');
    expect(profileDir({ ...win, localAppData: '  ' })).toBe('C:\\Users\\Łucja\\AppData\\Local\\Asysta');
  });

  it('Linux keeps Electron’s default (~/.config/Asysta)', () => {
    expect(profileDir({ platform: 'linux', home: '/home/lucja', appData: '/home/lucja/.config' })).toBe('/home/lucja/.config/Asysta');
  });
});

describe('moving the data out of the roaming profile', () => {
  let root: string;
  let roaming: string;
  let local: string;
  beforeEach(() => {
    root = tempDir();
    roaming = join(root, 'Roaming', 'Asysta');
    local = join(root, 'Local', 'Asysta');
  });
  afterEach(() => removeDir(root));

  /** An installation made by the old version in `profile`/dane (office, head, keys, audit). */
  async function oldInstallation(profile: string): Promise<void> {
    const app = testApp(join(profile, 'dane'));
    await setUpOffice(app);
    await app.close();
    writeFileSync(join(profile, SETTINGS_FILE), JSON.stringify({ lastBackupFolder: 'E:\\Kopie' }));
  }

  async function officeNameIn(dataDir: string): Promise<string> {
    const app = testApp(dataDir);
    try {
      const s = app.session();
      await s.ok('auth:login', { login: ADMIN.login, password: ADMIN.password });
      return (await s.ok('office:get', {})).name;
    } finally {
      await app.close();
    }
  }

  it('moves the installation and the workstation settings; the office logs in as before', async () => {
    await oldInstallation(roaming);
    const before = readdirSync(join(roaming, 'dane')).sort();
    const r = migrateRoamingProfile(roaming, local);
    expect(r).toMatchObject({ status: 'moved', to: join(local, 'dane'), entries: before.length });
    expect(readdirSync(join(local, 'dane')).sort()).toEqual(before);
    expect(existsSync(join(roaming, 'dane'))).toBe(false);
    expect(JSON.parse(readFileSync(join(local, SETTINGS_FILE), 'utf8'))).toEqual({ lastBackupFolder: 'E:\\Kopie' });
    expect(await officeNameIn(join(local, 'dane'))).toBe(OFFICE.name);
    // A second start: nothing left to move.
    expect(migrateRoamingProfile(roaming, local)).toEqual({ status: 'none' });
  });

  it('a move interrupted half way (power cut) is finished at the next start', async () => {
    await oldInstallation(roaming);
    const names = readdirSync(join(roaming, 'dane'));
    const staging = join(local, 'dane.przenoszenie');
    mkdirSync(staging, { recursive: true });
    // The first half made it into the staging folder before the cut.
    for (const n of names.slice(0, Math.ceil(names.length / 2))) renameSync(join(roaming, 'dane', n), join(staging, n));
    expect(migrateRoamingProfile(roaming, local)).toMatchObject({ status: 'moved' });
    expect(readdirSync(join(local, 'dane')).sort()).toEqual([...names].sort());
    expect(existsSync(staging)).toBe(false);
    expect(await officeNameIn(join(local, 'dane'))).toBe(OFFICE.name);
  });

  // /dev/shm is a different file system from the temp folder here, so rename gives a real EXDEV.
  it.skipIf(!existsSync('/dev/shm'))('across volumes (roaming folder redirected elsewhere): copied, compared, then removed', async () => {
    const other = mkdtempSync('/dev/shm/asysta-roaming-Łódź-');
    try {
      const redirected = join(other, 'Asysta');
      await oldInstallation(redirected);
      const r = migrateRoamingProfile(redirected, local);
      expect(r).toMatchObject({ status: 'moved' });
      expect(existsSync(join(redirected, 'dane'))).toBe(false);
      expect(await officeNameIn(join(local, 'dane'))).toBe(OFFICE.name);
    } finally {
      removeDir(other);
    }
  });

  it('both folders hold an installation: the local one is used, the roaming one is left untouched', async () => {
    await oldInstallation(roaming);
    await oldInstallation(local);
    const before = readdirSync(join(roaming, 'dane')).sort();
    expect(migrateRoamingProfile(roaming, local)).toEqual({ status: 'both', old: join(roaming, 'dane') });
    expect(readdirSync(join(roaming, 'dane')).sort()).toEqual(before);
  });

  it('leftovers of an earlier start in the new data folder (no installation) are kept aside, not deleted', async () => {
    await oldInstallation(roaming);
    mkdirSync(join(local, 'dane'), { recursive: true });
    writeFileSync(join(local, 'dane', 'auth-state.json'), '{}');
    const r = migrateRoamingProfile(roaming, local, new Date('2026-11-22T09:00:00Z'));
    expect(r).toMatchObject({ status: 'moved', leftoverKeptIn: join(local, 'dane.poprzedni-2026-11-22T09-00-00-000Z') });
    expect(readdirSync(join(local, 'dane.poprzedni-2026-11-22T09-00-00-000Z'))).toEqual(['auth-state.json']);
    expect(await officeNameIn(join(local, 'dane'))).toBe(OFFICE.name);
  });

  it('no old installation (a new office, or already moved): nothing happens', () => {
    expect(migrateRoamingProfile(roaming, local)).toEqual({ status: 'none' });
    mkdirSync(join(roaming, 'dane'), { recursive: true });
    writeFileSync(join(roaming, 'dane', '.asysta.lock'), '');
    expect(migrateRoamingProfile(roaming, local)).toEqual({ status: 'none' });
    expect(existsSync(join(local, 'dane'))).toBe(false);
  });
});
