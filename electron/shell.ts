/**
 * Main-process side of `window.asystaShell` (electron/shell-channel.ts): the system folder and
 * file dialogs for backups and, where the OS tells cheaply, the list of removable drives. The
 * sender is validated exactly like the contract channel; the answers are only paths the user
 * picked (or drive roots), which the renderer then passes to `backup:create` / `backup:verify`,
 * where the core does all the checking.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow, dialog, ipcMain, type OpenDialogOptions } from 'electron';
import { IPC_SHELL, SHELL_OPS, type ShellOp } from './shell-channel';
import { isTrustedSender } from './security';

export interface ShellIpcOptions {
  origin: string;
  ourContents: ReadonlySet<number>;
  /** Where the folder dialog opens (the last backup folder, from the workstation settings). */
  lastBackupFolder: () => string | undefined;
  onBlocked: () => void;
  onError: (what: string, e: unknown) => void;
}

const BACKUP_EXTENSION = 'asysta-backup';

export function registerShellIpc(opts: ShellIpcOptions): void {
  ipcMain.handle(IPC_SHELL, async (event, op: unknown) => {
    if (!isTrustedSender(event.sender, event.senderFrame, opts.origin, opts.ourContents)) {
      opts.onBlocked();
      return null;
    }
    if (typeof op !== 'string' || !(SHELL_OPS as readonly string[]).includes(op)) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    try {
      return await run(op as ShellOp, win, opts);
    } catch (e) {
      opts.onError(`shell:${op}`, e);
      return op === 'removableDrives' ? [] : null;
    }
  });
}

async function run(op: ShellOp, win: BrowserWindow | null, opts: ShellIpcOptions): Promise<string | string[] | null> {
  const last = existingDir(opts.lastBackupFolder());
  if (op === 'removableDrives') return removableDrives();
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
