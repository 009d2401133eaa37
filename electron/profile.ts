/**
 * Where the installed app keeps its profile (the encrypted data folder `dane`, workstation settings,
 * logs, Chromium's own files), and moving an existing profile out of the roaming folder.
 *
 * Windows: `%LOCALAPPDATA%\Asysta`, not Electron's default `%APPDATA%\Asysta` (Roaming). With
 * roaming profiles or folder redirection — common in offices joined to a domain — Roaming is
 * copied to a server at log-off or lives on a network share, and SQLite's WAL must never be on a
 * network file system (locks are unreliable there; the database can be damaged). Local AppData
 * never leaves the PC. Elsewhere Electron's default is kept.
 *
 * Versions before this change kept the profile in Roaming. On the first start of a new version,
 * `migrateRoamingProfile` moves it: the data folder entry by entry into a staging folder beside
 * the new one, then one rename makes it the data folder. Each step is a rename (or, across
 * volumes, a copy checked byte for byte before the original is removed), so a crash or power cut
 * at any point leaves every file either in the old place or in the staging folder, and the next
 * start simply carries on. The app never starts on an empty new folder while the old one still
 * holds an installation — the office would otherwise be asked to set up a new, empty database
 * and its records would seem to be gone.
 *
 * No data-folder lock is taken here: nothing else can have the old folder open (the installer
 * closes a running Asysta before an update, and the old version's single-instance lock is on the
 * old profile); a file held by an antivirus is retried (renameWithRetrySync). The functions take
 * paths and a platform, so tests run them under Node on real folders.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join, posix, resolve, win32 } from 'node:path';
import { renameWithRetrySync } from '../db/fsutil';

export const APP_FOLDER = 'Asysta';
export const DATA_FOLDER = 'dane';
/** electron-store file of the workstation settings (electron/settings.ts, name 'ustawienia'). */
export const SETTINGS_FILE = 'ustawienia.json';
const STAGING_SUFFIX = '.przenoszenie';

export interface ProfileEnv {
  platform: NodeJS.Platform;
  /** %LOCALAPPDATA% (Windows). */
  localAppData?: string | undefined;
  /** The user's home folder (fallback when %LOCALAPPDATA% is not set). */
  home: string;
  /** Electron's app.getPath('appData'): %APPDATA% (Roaming) on Windows. */
  appData: string;
}

/** The profile folder of the installed app on this system. */
export function profileDir(env: ProfileEnv): string {
  if (env.platform !== 'win32') return posix.join(env.appData, APP_FOLDER);
  const local = env.localAppData && env.localAppData.trim() !== '' ? env.localAppData : win32.join(env.home, 'AppData', 'Local');
  return win32.join(local, APP_FOLDER);
}

/** The profile folder of the versions that used Electron's default (Roaming on Windows). */
export function legacyProfileDir(env: ProfileEnv): string {
  return (env.platform === 'win32' ? win32 : posix).join(env.appData, APP_FOLDER);
}

/** Whether a data folder holds an installation (its key file or its database). */
export function hasInstallation(dataDir: string): boolean {
  return existsSync(join(dataDir, 'keys.json')) || existsSync(join(dataDir, 'asysta.db'));
}

export type MigrationResult =
  | { status: 'none' }
  /** Both folders hold an installation: the new one is used, the old one is left untouched. */
  | { status: 'both'; old: string }
  | { status: 'moved'; from: string; to: string; entries: number; leftoverKeptIn?: string };

/**
 * Moves the data folder and the workstation settings from the old (Roaming) profile into the new
 * one, when the old one holds an installation and the new one does not. Idempotent and resumable.
 * Throws (the original OS error) when a file cannot be moved; nothing is lost then, and the next
 * start tries again.
 */
export function migrateRoamingProfile(oldProfile: string, newProfile: string, now: Date = new Date()): MigrationResult {
  // Windows paths compare case-insensitively.
  const same = (a: string, b: string) => (process.platform === 'win32' ? resolve(a).toLowerCase() === resolve(b).toLowerCase() : resolve(a) === resolve(b));
  if (same(oldProfile, newProfile)) return { status: 'none' };
  const oldData = join(oldProfile, DATA_FOLDER);
  const newData = join(newProfile, DATA_FOLDER);
  const staging = newData + STAGING_SUFFIX;
  const oldHasData = existsSync(oldData) && readdirSync(oldData).length > 0;
  if (!oldHasData && !existsSync(staging)) return { status: 'none' };
  if (hasInstallation(newData)) return oldHasData && hasInstallation(oldData) ? { status: 'both', old: oldData } : { status: 'none' };
  if (!existsSync(staging) && !hasInstallation(oldData)) return { status: 'none' };

  mkdirSync(staging, { recursive: true });
  let entries = 0;
  if (existsSync(oldData)) {
    for (const name of readdirSync(oldData)) {
      moveEntry(join(oldData, name), join(staging, name));
      entries++;
    }
  }
  // The staging folder becomes the data folder in one step. Whatever an earlier start left in the
  // new data folder (no installation: at most a lock or throttle file) is kept aside, not deleted.
  let leftoverKeptIn: string | undefined;
  if (existsSync(newData)) {
    if (readdirSync(newData).length === 0) rmdirSync(newData);
    else {
      leftoverKeptIn = `${newData}.poprzedni-${now.toISOString().replace(/[:.]/g, '-')}`;
      renameWithRetrySync(newData, leftoverKeptIn);
    }
  }
  renameWithRetrySync(staging, newData);
  if (existsSync(oldData)) rmdirSync(oldData);

  // The workstation settings (window size, last backup folder, audit-chain anchors) follow.
  const oldSettings = join(oldProfile, SETTINGS_FILE);
  const newSettings = join(newProfile, SETTINGS_FILE);
  if (existsSync(oldSettings) && !existsSync(newSettings)) moveEntry(oldSettings, newSettings);
  return { status: 'moved', from: oldData, to: newData, entries, ...(leftoverKeptIn ? { leftoverKeptIn } : {}) };
}

/** Rename, or across volumes copy, check and remove the original (files and folders). */
function moveEntry(from: string, to: string): void {
  try {
    renameWithRetrySync(from, to);
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
  }
  rmSync(to, { recursive: true, force: true });
  if (statSync(from).isDirectory()) cpSync(from, to, { recursive: true, errorOnExist: true, force: false });
  else copyFileSync(from, to);
  if (!sameContent(from, to)) {
    rmSync(to, { recursive: true, force: true });
    throw Object.assign(new Error(`copy of ${from} differs from the original`), { code: 'EIO' });
  }
  rmSync(from, { recursive: true, force: true });
}

function sameContent(a: string, b: string): boolean {
  const sa = statSync(a);
  const sb = statSync(b);
  if (sa.isDirectory() !== sb.isDirectory()) return false;
  if (!sa.isDirectory()) return sa.size === sb.size && digest(a) === digest(b);
  const na = readdirSync(a).sort();
  const nb = readdirSync(b).sort();
  return na.length === nb.length && na.every((n, i) => n === nb[i] && sameContent(join(a, n), join(b, n)));
}

function digest(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
