/**
 * The second, optional IPC channel: native helpers of the desktop shell (folder and file pickers
 * for backups, issue 6; printing and saving documents as PDF, issue 5). It never touches the core
 * or the data; the core contract stays the one `asysta:invoke` channel. Shared by the preload and
 * the main process.
 */
export { IPC_SHELL } from '../shared/ipc/names';

export const SHELL_OPS = ['chooseFolder', 'chooseFile', 'chooseSpreadsheet', 'removableDrives', 'savePdf', 'print', 'saveFile'] as const;
export type ShellOp = (typeof SHELL_OPS)[number];

/** `savePdf`: the document HTML (from documents:html / documents:pack) and its default file name. */
export interface SavePdfRequest {
  html: string;
  fileName: string;
}
/** `saved: false` when the user cancelled the save dialog (or it failed: `failed: true`). */
export interface SavePdfResult {
  saved: boolean;
  path?: string;
  pages: number;
  failed?: boolean;
}

export interface PrintRequest {
  html: string;
}
/** `printed: false` when the user cancelled the print dialog (or it failed: `failed: true`). */
export interface PrintResult {
  printed: boolean;
  pages: number;
  failed?: boolean;
}

/** `saveFile`: bytes made by the core (a report as XLSX or CSV, base64) and the default file
 *  name, which carries no personal data. Only these two kinds of file are written. */
export const SAVE_FILE_KINDS = ['xlsx', 'csv', 'json'] as const;
export type SaveFileKind = (typeof SAVE_FILE_KINDS)[number];
export interface SaveFileRequest {
  base64: string;
  fileName: string;
  kind: SaveFileKind;
}
/** `saved: false` when the user cancelled the save dialog (or it failed: `failed: true`). */
export interface SaveFileResult {
  saved: boolean;
  path?: string;
  failed?: boolean;
}
/** Largest file accepted by `saveFile` (base64 characters). */
export const MAX_SAVE_FILE_BASE64 = 48 * 1024 * 1024;

/** Largest document HTML accepted over the shell channel (the fonts alone are about 2 MB). */
export const MAX_PRINT_HTML = 64 * 1024 * 1024;
