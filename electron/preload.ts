/**
 * Sandboxed preload (bundled to CommonJS by electron-vite, every import inlined except
 * `electron`). It exposes `window.api`, with one function per contract channel; each forwards to
 * the single `asysta:invoke` IPC channel. Besides it, the optional `window.asystaShell` (native
 * folder/file pickers for backups) forwards to `asysta:shell`. `ipcRenderer` itself, its events
 * and Node are never exposed; validation and authorisation happen in the main process.
 */
import { contextBridge, ipcRenderer } from 'electron';
// Names only (generated from the contract, imports nothing): the preload bundles what it imports,
// and the contract would bring zod and every schema. Lint allows nothing else here but types.
import { CHANNEL_NAMES, IPC_INVOKE, IPC_SHELL } from '../shared/ipc/names';
import type { Api } from '../shared/ipc/api';
import type { PrintRequest, PrintResult, SaveFileRequest, SaveFileResult, SavePdfRequest, SavePdfResult } from './shell-channel';

const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
for (const channel of CHANNEL_NAMES) {
  // Only a constant channel name and the caller's input cross the bridge; the reply is the
  // dispatcher's Result value ({ ok: true, value } | { ok: false, error }).
  api[channel] = (input?: unknown) => ipcRenderer.invoke(IPC_INVOKE, channel, input ?? {});
}

contextBridge.exposeInMainWorld('api', Object.freeze(api) as unknown as Api);

// Native pickers (electron/shell.ts): constant operation names; the only arguments from the page
// are the document HTML and its default file name for printing / saving as PDF (checked in main).
const shell = {
  chooseFolder: (): Promise<string | null> => ipcRenderer.invoke(IPC_SHELL, 'chooseFolder'),
  chooseFile: (): Promise<string | null> => ipcRenderer.invoke(IPC_SHELL, 'chooseFile'),
  chooseSpreadsheet: (): Promise<string | null> => ipcRenderer.invoke(IPC_SHELL, 'chooseSpreadsheet'),
  removableDrives: (): Promise<string[]> => ipcRenderer.invoke(IPC_SHELL, 'removableDrives'),
  savePdf: (req: SavePdfRequest): Promise<SavePdfResult> =>
    ipcRenderer.invoke(IPC_SHELL, 'savePdf', { html: String(req?.html ?? ''), fileName: String(req?.fileName ?? '') }),
  print: (req: PrintRequest): Promise<PrintResult> => ipcRenderer.invoke(IPC_SHELL, 'print', { html: String(req?.html ?? '') }),
  saveFile: (req: SaveFileRequest): Promise<SaveFileResult> =>
    ipcRenderer.invoke(IPC_SHELL, 'saveFile', { base64: String(req?.base64 ?? ''), fileName: String(req?.fileName ?? ''), kind: String(req?.kind ?? '') }),
};
contextBridge.exposeInMainWorld('asystaShell', Object.freeze(shell));
