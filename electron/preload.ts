/**
 * Sandboxed preload (bundled to CommonJS by electron-vite, every import inlined except
 * `electron`). It exposes exactly one object, `window.api`, with one function per contract
 * channel; each forwards to the single `asysta:invoke` IPC channel. `ipcRenderer` itself, its
 * events and Node are never exposed; validation and authorisation happen in the main process.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_INVOKE, type Api } from '../shared/ipc/api';
import { CHANNELS } from '../shared/ipc/contract';

const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
for (const channel of CHANNELS) {
  // Only a constant channel name and the caller's input cross the bridge; the reply is the
  // dispatcher's Result value ({ ok: true, value } | { ok: false, error }).
  api[channel] = (input?: unknown) => ipcRenderer.invoke(IPC_INVOKE, channel, input ?? {});
}

contextBridge.exposeInMainWorld('api', Object.freeze(api) as unknown as Api);
