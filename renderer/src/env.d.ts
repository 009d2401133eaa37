/// <reference types="vite/client" />
import type { Api } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** Exposed by the preload script (or the web-preview bridge). The only way to the core. */
    api: Api;
    /**
     * Optional native helpers of the Electron shell (electron/preload.ts): folder and file
     * pickers for backups. Absent in the browser preview, where the screens fall back to typing
     * a path. Not part of the core contract: it never touches the data.
     */
    asystaShell?: {
      /** The system "choose folder" dialog (opens at the last backup folder). Null when cancelled. */
      chooseFolder(): Promise<string | null>;
      /** The system "open file" dialog filtered to *.asysta-backup. Null when cancelled. */
      chooseFile(): Promise<string | null>;
      /** The system "open file" dialog filtered to *.xlsx and *.csv (import from spreadsheets). Null when cancelled. */
      chooseSpreadsheet?(): Promise<string | null>;
      /** Removable drives the OS reports (e.g. "E:\\"), for quick buttons; may be empty. */
      removableDrives?(): Promise<string[]>;
      /**
       * Lays the document HTML out as an A4 PDF (the same Chromium as the preview) and saves it
       * where the user chooses in the system "save" dialog (default name: `fileName`). In the
       * browser preview the development bridge provides only this one (tests/bridge/server.ts).
       * `saved: false` when cancelled; `failed: true` when it could not be done.
       */
      savePdf?(req: { html: string; fileName: string }): Promise<{ saved: boolean; path?: string; pages: number; failed?: boolean }>;
      /** The system print dialog for the document (the user picks the printer). */
      print?(req: { html: string }): Promise<{ printed: boolean; pages: number; failed?: boolean }>;
      /**
       * Saves bytes made by the core (a report as XLSX or CSV, base64) where the user chooses in
       * the system "save" dialog (default name: `fileName`, without personal data). Also provided
       * by the development bridge in the browser preview.
       */
      saveFile?(req: { base64: string; fileName: string; kind: 'xlsx' | 'csv' | 'json' }): Promise<{ saved: boolean; path?: string; failed?: boolean }>;
    };
  }
}

export {};
