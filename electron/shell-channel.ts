/**
 * The second, optional IPC channel: native helpers of the desktop shell (folder and file pickers
 * for backups, issue 6; printing and saving documents as PDF, issue 5). It never touches the core
 * or the data; the core contract stays the one `asysta:invoke` channel. Shared by the preload and
 * the main process.
 */
export const IPC_SHELL = 'asysta:shell';

export const SHELL_OPS = ['chooseFolder', 'chooseFile', 'removableDrives', 'savePdf', 'print'] as const;
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

/** Largest document HTML accepted over the shell channel (the fonts alone are about 2 MB). */
export const MAX_PRINT_HTML = 64 * 1024 * 1024;
