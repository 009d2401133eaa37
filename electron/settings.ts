/** `SettingsStore` (db/settings.ts) backed by electron-store, in the Electron user-data folder. */
import { ipcMain } from 'electron';
import Store from 'electron-store';
import { DEFAULT_SETTINGS, type SettingsStore, type WorkstationSettings } from '../db/settings';

export class ElectronStoreSettings implements SettingsStore {
  private readonly store: Store<WorkstationSettings>;

  constructor(opts: { cwd?: string } = {}) {
    this.store = new Store<WorkstationSettings>({
      name: 'ustawienia',
      cwd: opts.cwd,
      defaults: { ...DEFAULT_SETTINGS },
      // A damaged settings file must not stop the app: start again from the defaults.
      clearInvalidConfig: true,
      // Keys are flat; a dot in a key must never address a nested value.
      accessPropertiesByDotNotation: false,
      // Private to this account like the data folder (POSIX; on Windows the profile's ACL).
      configFileMode: 0o600,
    });
    // electron-store registers a synchronous IPC listener for renderer-side stores. Our renderer
    // never uses electron-store (it has no ipcRenderer at all); keep the IPC surface to our single
    // contract channel.
    ipcMain.removeAllListeners('electron-store-get-data');
  }

  get<K extends keyof WorkstationSettings>(key: K): WorkstationSettings[K] {
    return this.store.get(key);
  }

  set<K extends keyof WorkstationSettings>(key: K, value: WorkstationSettings[K]): void {
    // electron-store refuses `undefined`; clearing an optional setting means deleting it.
    if (value === undefined) this.store.delete(key);
    else this.store.set(key, value);
  }
}
