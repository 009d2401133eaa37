/**
 * Printing and saving documents as PDF (issue 5), main process. The renderer hands over the
 * standalone document HTML it got from `documents:html` / `documents:pack` (embedded fonts, no
 * scripts, its own strict CSP, A4 and "strona X z Y" from CSS @page); here it is laid out by the
 * same Chromium as the preview, in a hidden window:
 *
 * - its own in-memory session (partition without "persist:": no cache, no cookies, nothing on
 *   disk), with every permission denied and every request cancelled except the one document URL;
 * - JavaScript disabled, sandboxed, context-isolated, no preload (no IPC at all);
 * - the HTML is served from memory at a one-time URL `app://print/<random>.html` by a protocol
 *   handler of that session only. A data: URL is not used: with the four embedded font faces the
 *   document is over Chromium's 2 MB URL limit ("Refusing to load URL as it exceeds 2097152
 *   characters"). The origin `app://print` is not the app's `app://asysta`, so the window can
 *   never pass `isTrustedSender` (it is not in `ourContents` either), and the navigation guards
 *   (security.ts) let it load exactly that one URL and nothing else (`isPrintNavigation`).
 *
 * Nothing goes to a temp folder: the PDF is a Buffer in memory until it is written to the path
 * the user chose, as `<name>.partial` renamed to `<name>` (removed if writing fails).
 */
import { randomBytes } from 'node:crypto';
import { unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  session,
  type PrintToPDFOptions,
  type SaveDialogOptions,
  type Session,
  type WebContents,
} from 'electron';
import { renameWithRetry } from '../db/fsutil';
import { countPdfPages as countPages } from '../db/print/pages';
import { safePdfFileName } from './fileNames';
import { APP_SCHEME } from './policy';
import { lockDownSession } from './security';
import type { PrintRequest, PrintResult, SavePdfRequest, SavePdfResult } from './shell-channel';

const PRINT_PARTITION = 'asysta-print';
export const PRINT_ORIGIN = `${APP_SCHEME}://print`;

/** Response header of the served document (the document also carries a meta CSP of its own). */
export const PRINT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; script-src 'none'; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Same settings as ChromiumPdfEngine (db/print/pdf.ts): A4, backgrounds, CSS @page size and
 * margins win (preferCSSPageSize); zero paper margins here, as Playwright's default there, so that
 * the document's own @page margins (and its margin boxes with the page numbers) are used.
 */
export const PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
};

/** URL -> HTML, only while a hidden window loads it. */
const documents = new Map<string, string>();
/** webContents id of a hidden print window -> the one URL it may show. */
const printWindows = new Map<number, string>();

/** For the navigation guards: a hidden print window loading its own document. */
export function isPrintNavigation(contents: WebContents, url: string): boolean {
  return printWindows.get(contents.id) === url;
}

let printSession: Session | null = null;

function getPrintSession(): Session {
  if (printSession) return printSession;
  const ses = session.fromPartition(PRINT_PARTITION, { cache: false });
  lockDownSession(ses);
  ses.protocol.handle(APP_SCHEME, (request) => {
    const html = request.method === 'GET' ? documents.get(request.url) : undefined;
    const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    if (html === undefined) return new Response(null, { status: 404, headers: { ...headers, 'Content-Type': 'text/plain' } });
    return new Response(html, {
      status: 200,
      headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CSP },
    });
  });
  // Nothing leaves the machine: only the document itself (and data: URLs inside it) load.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(documents.has(details.url) || details.url.startsWith('data:')) });
  });
  printSession = ses;
  return ses;
}

/**
 * Loads `html` into a fresh hidden window, runs `fn`, and always destroys the window. The hidden
 * window is a child of the window that asked (`parent`): the system print dialog is owned by the
 * print window, and on Windows an unowned hidden window's dialog can open behind the main window,
 * where the user does not see it and the app seems to hang.
 */
async function withDocument<T>(parent: BrowserWindow | null, html: string, fn: (contents: WebContents) => Promise<T>): Promise<T> {
  const ses = getPrintSession();
  const url = `${PRINT_ORIGIN}/${randomBytes(16).toString('hex')}.html`;
  documents.set(url, html);
  const win = new BrowserWindow({
    show: false,
    ...(parent && !parent.isDestroyed() ? { parent } : {}),
    // A4 at 96 dpi: the layout viewport while loading (printing lays the pages out itself).
    width: 794,
    height: 1123,
    paintWhenInitiallyHidden: true,
    webPreferences: {
      session: ses,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      // No middle-click link opening in a document window (Electronegativity AUXCLICK check).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: false,
      backgroundThrottling: false,
    },
  });
  const wcId = win.webContents.id;
  printWindows.set(wcId, url);
  try {
    // Resolves on did-finish-load: the load event waits for the embedded (data:) fonts the page
    // uses, so the PDF gets the real glyphs (JavaScript is off, document.fonts cannot be asked).
    await win.loadURL(url);
    documents.delete(url);
    return await fn(win.webContents);
  } finally {
    documents.delete(url);
    printWindows.delete(wcId);
    if (!win.isDestroyed()) win.destroy();
  }
}

/** Number of pages of a PDF (db/print/pages.ts); the save-as name (electron/fileNames.ts). */
export { countPdfPages as countPages } from '../db/print/pages';
export { safePdfFileName } from './fileNames';

export interface DocumentsFolder {
  /** The folder the save dialog opens in (the last one used), if it still exists. */
  last(): string | undefined;
  remember(folder: string): void;
}

/** Write `<target>.partial`, then rename: a half-written PDF never carries the final name. */
async function writePdf(target: string, pdf: Buffer): Promise<void> {
  const partial = `${target}.partial`;
  try {
    await writeFile(partial, pdf);
    // An antivirus or a PDF viewer holding the old file: retried (db/fsutil.ts).
    await renameWithRetry(partial, target);
  } catch (e) {
    await unlink(partial).catch(() => undefined);
    throw e;
  }
}

export async function savePdf(parent: BrowserWindow | null, req: SavePdfRequest, folder: DocumentsFolder): Promise<SavePdfResult> {
  const pdf = await withDocument(parent, req.html, (wc) => wc.printToPDF(PDF_OPTIONS));
  const pages = countPages(pdf);
  const options: SaveDialogOptions = {
    title: 'Zapisz dokument jako PDF',
    buttonLabel: 'Zapisz',
    defaultPath: join(folder.last() ?? app.getPath('documents'), safePdfFileName(req.fileName)),
    filters: [{ name: 'Dokument PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return { saved: false, pages };
  const target = /\.pdf$/i.test(r.filePath) ? r.filePath : `${r.filePath}.pdf`;
  await writePdf(target, pdf);
  folder.remember(dirname(target));
  return { saved: true, path: target, pages };
}

const CANCELLED = /cancel/i;

export async function printDocument(parent: BrowserWindow | null, req: PrintRequest): Promise<PrintResult> {
  return withDocument(parent, req.html, async (wc) => {
    // The page count comes from a PDF pass of the same content with the same settings.
    const pages = countPages(await wc.printToPDF(PDF_OPTIONS));
    // The system print dialog: the user picks the printer, copies and pages there.
    const { success, reason } = await new Promise<{ success: boolean; reason: string }>((resolve) =>
      wc.print({ silent: false, printBackground: true }, (ok, failureReason) => resolve({ success: ok, reason: failureReason })),
    );
    if (success) return { printed: true, pages };
    return CANCELLED.test(reason) ? { printed: false, pages } : { printed: false, pages, failed: true };
  });
}
