/**
 * Main-process side of `window.asystaShell` (electron/shell-channel.ts): the system folder and
 * file dialogs for backups and, where the OS tells cheaply, the list of removable drives; printing
 * a document and saving it as PDF (electron/print.ts). The
 * sender is validated exactly like the contract channel; the answers are only paths the user
 * picked (or drive roots), which the renderer then passes to `backup:create` / `backup:verify`,
 * where the core does all the checking.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { renameWithRetry } from '../db/fsutil';
import { safeSaveFileName } from './fileNames';
import { printDocument, savePdf } from './print';
import {
  IPC_SHELL,
  MAX_PRINT_HTML,
  MAX_SAVE_FILE_BASE64,
  SAVE_FILE_KINDS,
  SHELL_OPS,
  type PrintRequest,
  type SaveFileKind,
  type SaveFileResult,
  type SavePdfRequest,
  type ShellOp,
} from './shell-channel';
import { isTrustedSender } from './security';

export interface ShellIpcOptions {
  origin: string;
  ourContents: ReadonlySet<number>;
  /** Where the folder dialog opens (the last backup folder, from the workstation settings). */
  lastBackupFolder: () => string | undefined;
  /** Where the "save PDF" dialog opens: the last documents folder, else the system Documents. */
  lastDocumentsFolder: () => string | undefined;
  rememberDocumentsFolder: (folder: string) => void;
  onBlocked: () => void;
  onError: (what: string, e: unknown) => void;
}

const BACKUP_EXTENSION = 'asysta-backup';

export function registerShellIpc(opts: ShellIpcOptions): void {
  ipcMain.handle(IPC_SHELL, async (event, op: unknown, arg: unknown) => {
    if (!isTrustedSender(event.sender, event.senderFrame, opts.origin, opts.ourContents)) {
      opts.onBlocked();
      return null;
    }
    if (typeof op !== 'string' || !(SHELL_OPS as readonly string[]).includes(op)) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    try {
      if (op === 'savePdf' || op === 'print') return await runPrint(op, arg, win, opts);
      if (op === 'saveFile') return await runSaveFile(arg, win, opts);
      return await run(op as ShellOp, win, opts);
    } catch (e) {
      opts.onError(`shell:${op}`, e);
      if (op === 'savePdf') return { saved: false, pages: 0, failed: true };
      if (op === 'print') return { printed: false, pages: 0, failed: true };
      if (op === 'saveFile') return { saved: false, failed: true };
      return op === 'removableDrives' ? [] : null;
    }
  });
}

/** The only ops with an argument: the document HTML (and the default file name), checked here. */
async function runPrint(op: 'savePdf' | 'print', arg: unknown, win: BrowserWindow | null, opts: ShellIpcOptions) {
  const a = (typeof arg === 'object' && arg !== null ? arg : {}) as Partial<Record<keyof SavePdfRequest, unknown>>;
  if (typeof a.html !== 'string' || a.html.length === 0 || a.html.length > MAX_PRINT_HTML) throw new Error('invalid html');
  if (op === 'print') return printDocument(win, { html: a.html } satisfies PrintRequest);
  const fileName = typeof a.fileName === 'string' && a.fileName.length <= 300 ? a.fileName : 'dokument.pdf';
  return savePdf(
    win,
    { html: a.html, fileName },
    { last: () => existingDir(opts.lastDocumentsFolder()), remember: (dir) => opts.rememberDocumentsFolder(dir) },
  );
}

const SAVE_FILE_FILTERS: Readonly<Record<SaveFileKind, { name: string; title: string }>> = {
  xlsx: { name: 'Skoroszyt Excel (XLSX)', title: 'Zapisz sprawozdanie jako XLSX' },
  csv: { name: 'Plik CSV (średnik, UTF-8)', title: 'Zapisz sprawozdanie jako CSV' },
  // The art. 15 RODO export (issue 7, privacy): the machine-readable copy of a person's data.
  json: { name: 'Plik JSON (UTF-8)', title: 'Zapisz dane jako JSON' },
};

/** `saveFile`: bytes from the core (a report as XLSX/CSV) saved where the user chooses, as
 *  `<name>.partial` renamed to `<name>`. The page gives only the bytes, a kind from a fixed list
 *  and a suggested name; the path comes from the system dialog. */
async function runSaveFile(arg: unknown, win: BrowserWindow | null, opts: ShellIpcOptions): Promise<SaveFileResult> {
  const a = (typeof arg === 'object' && arg !== null ? arg : {}) as Partial<Record<'base64' | 'fileName' | 'kind', unknown>>;
  if (typeof a.kind !== 'string' || !(SAVE_FILE_KINDS as readonly string[]).includes(a.kind)) throw new Error('invalid kind');
  const kind = a.kind as SaveFileKind;
  if (typeof a.base64 !== 'string' || a.base64.length === 0 || a.base64.length > MAX_SAVE_FILE_BASE64 || !/^[A-Za-z0-9+/]*={0,2}$/.test(a.base64)) {
    throw new Error('invalid file');
  }
  const bytes = Buffer.from(a.base64, 'base64');
  const fileName = safeSaveFileName(typeof a.fileName === 'string' && a.fileName.length <= 300 ? a.fileName : '', kind);
  const last = existingDir(opts.lastDocumentsFolder());
  const options: SaveDialogOptions = {
    title: SAVE_FILE_FILTERS[kind].title,
    buttonLabel: 'Zapisz',
    defaultPath: join(last ?? app.getPath('documents'), fileName),
    filters: [{ name: SAVE_FILE_FILTERS[kind].name, extensions: [kind] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return { saved: false };
  const target = new RegExp(`\\.${kind}$`, 'i').test(r.filePath) ? r.filePath : `${r.filePath}.${kind}`;
  const partial = `${target}.partial`;
  try {
    await writeFile(partial, bytes);
    // Excel holding the old file, or an antivirus scanning the new one: retried (db/fsutil.ts).
    await renameWithRetry(partial, target);
  } catch (e) {
    await unlink(partial).catch(() => undefined);
    throw e;
  }
  opts.rememberDocumentsFolder(dirname(target));
  return { saved: true, path: target };
}

async function run(op: ShellOp, win: BrowserWindow | null, opts: ShellIpcOptions): Promise<string | string[] | null> {
  const last = existingDir(opts.lastBackupFolder());
  if (op === 'removableDrives') return removableDrives();
  // Import from spreadsheets (issue 16): the path goes to `import:preview`, where the core reads
  // and checks the file (size limit first); the dialog opens in the Documents folder.
  if (op === 'chooseSpreadsheet') {
    const o: OpenDialogOptions = {
      title: 'Wybierz arkusz z rejestrem rodzin',
      buttonLabel: 'Wybierz plik',
      defaultPath: existingDir(opts.lastDocumentsFolder()) ?? app.getPath('documents'),
      properties: ['openFile'],
      filters: [
        { name: 'Arkusz (XLSX) lub CSV', extensions: ['xlsx', 'csv'] },
        { name: 'Wszystkie pliki', extensions: ['*'] },
      ],
    };
    const r = win ? await dialog.showOpenDialog(win, o) : await dialog.showOpenDialog(o);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  }
  const options: OpenDialogOptions =
    op === 'chooseFolder'
      ? {
          title: 'Wybierz folder na kopię zapasową',
          buttonLabel: 'Wybierz folder',
          defaultPath: last,
          properties: ['openDirectory', 'createDirectory'],
        }
      : {
          title: 'Wybierz plik kopii zapasowej',
          buttonLabel: 'Wybierz plik',
          defaultPath: last,
          properties: ['openFile'],
          filters: [
            { name: 'Kopia zapasowa Asysty', extensions: [BACKUP_EXTENSION] },
            { name: 'Wszystkie pliki', extensions: ['*'] },
          ],
        };
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

function existingDir(p: string | undefined): string | undefined {
  try {
    return p && existsSync(p) && statSync(p).isDirectory() ? p : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removable drives, for quick buttons: Windows drive letters of DriveType=2 (USB sticks, card
 * readers), Linux mounts under /media/USER and /run/media/USER. Empty when unknown.
 */
function removableDrives(): Promise<string[]> {
  if (process.platform === 'win32') {
    return new Promise((resolve) => {
      execFile(
        'powershell.exe',
        ['-NoProfile', '-NonInteractive', '-Command', "Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=2' | Select-Object -ExpandProperty DeviceID"],
        { timeout: 5000, windowsHide: true },
        (err, stdout) => {
          if (err) return resolve([]);
          resolve(
            String(stdout)
              .split(/\r?\n/)
              .map((l) => l.trim())
              .filter((l) => /^[A-Z]:$/i.test(l))
              .map((l) => `${l.toUpperCase()}\\`),
          );
        },
      );
    });
  }
  if (process.platform === 'linux') {
    let user = '';
    try {
      user = userInfo().username;
    } catch {
      return Promise.resolve([]);
    }
    const found: string[] = [];
    for (const base of [join('/media', user), join('/run/media', user)]) {
      try {
        for (const d of readdirSync(base, { withFileTypes: true })) if (d.isDirectory()) found.push(join(base, d.name));
      } catch {
        /* no such folder */
      }
    }
    return Promise.resolve(found);
  }
  return Promise.resolve([]);
}
