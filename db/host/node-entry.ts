/**
 * The Electron-free entry of the built main side (out/main/core-host.js): what a plain Node
 * process needs to run the packaged core — the core host (which starts out/main/core-worker.js),
 * the packaged resources layout and a settings store. `npm run smoke:packaged` starts the core
 * from it in a copy of the packaged folder; the Electron shell itself uses out/main/index.js.
 */
export { CoreHost, type CoreHostOptions } from './host';
export { missingResources, packagedResources, type CoreResources } from '../resources';
export { JsonFileSettingsStore, MemorySettingsStore } from '../settings';
