/**
 * Per-workstation settings (idle lock time, window size, last backup folder). The Electron shell
 * backs this with electron-store; plain Node (CLI, tests, web preview) with a JSON file.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { DisplayPrefs } from '../shared/display';
import { writeFileAtomic } from './fsutil';

export interface WorkstationSettings {
  idleMinutes: number;
  windowBounds?: { width: number; height: number; x?: number; y?: number };
  lastBackupFolder?: string;
  /** Folder of the last document saved as PDF. */
  lastDocumentsFolder?: string;
  /** The office's name, shown on the login screen while the database is closed (not personal data). */
  officeName?: string;
  /** How many backups to keep in the backup folder (older ones are deleted after a new one verified). */
  backupKeepCount?: number;
  /** Remind about a backup when the last verified one is older than this many days. */
  backupReminderDays?: number;
  /** ISO time of the last backup that was written and read back successfully from this workstation. */
  lastVerifiedBackupAt?: string;
  /**
   * Heads of the audit-log hash chain (entry number + hash, no personal data) seen on this
   * workstation at successful verifications and backups: an anchor outside the database, so a
   * chain recomputed by someone holding the data key no longer verifies. Newest last, capped.
   */
  auditAnchors?: Array<{ id: number; hash: string; at: string }>;
  /** The last text size / contrast chosen on this workstation (the login screen's look). */
  displayPrefs?: DisplayPrefs;
}

export const DEFAULT_SETTINGS: WorkstationSettings = { idleMinutes: 10 };

/** Every key of WorkstationSettings (the compiler checks that none is missing). */
const SETTING_KEYS = {
  idleMinutes: true,
  windowBounds: true,
  lastBackupFolder: true,
  lastDocumentsFolder: true,
  officeName: true,
  backupKeepCount: true,
  backupReminderDays: true,
  lastVerifiedBackupAt: true,
  auditAnchors: true,
  displayPrefs: true,
} satisfies Record<keyof WorkstationSettings, true>;

export const WORKSTATION_SETTING_KEYS = Object.keys(SETTING_KEYS) as Array<keyof WorkstationSettings>;

/** The current values of every setting (the core host hands them to the core's worker). */
export function settingsSnapshot(store: SettingsStore): Partial<WorkstationSettings> {
  const out: Partial<Record<keyof WorkstationSettings, unknown>> = {};
  for (const key of WORKSTATION_SETTING_KEYS) {
    const v = store.get(key);
    if (v !== undefined) out[key] = v;
  }
  return out as Partial<WorkstationSettings>;
}

export interface SettingsStore {
  get<K extends keyof WorkstationSettings>(key: K): WorkstationSettings[K];
  set<K extends keyof WorkstationSettings>(key: K, value: WorkstationSettings[K]): void;
}

export class JsonFileSettingsStore implements SettingsStore {
  private data: WorkstationSettings;

  constructor(private readonly path: string) {
    let loaded: Partial<WorkstationSettings> = {};
    if (existsSync(path)) {
      try {
        loaded = JSON.parse(readFileSync(path, 'utf8')) as Partial<WorkstationSettings>;
      } catch {
        loaded = {};
      }
    }
    this.data = { ...DEFAULT_SETTINGS, ...loaded };
  }

  get<K extends keyof WorkstationSettings>(key: K): WorkstationSettings[K] {
    return this.data[key];
  }

  set<K extends keyof WorkstationSettings>(key: K, value: WorkstationSettings[K]): void {
    this.data = { ...this.data, [key]: value };
    writeFileAtomic(this.path, JSON.stringify(this.data, null, 2));
  }
}

export class MemorySettingsStore implements SettingsStore {
  private data: WorkstationSettings = { ...DEFAULT_SETTINGS };
  get<K extends keyof WorkstationSettings>(key: K): WorkstationSettings[K] {
    return this.data[key];
  }
  set<K extends keyof WorkstationSettings>(key: K, value: WorkstationSettings[K]): void {
    this.data = { ...this.data, [key]: value };
  }
}
