/**
 * The Electron main process: a thin shell around the Electron-free core (db/). It owns the
 * window, the app:// protocol, the single IPC channel and the mapping "renderer -> core session";
 * every validation, role check and error mapping happens in db/dispatcher.ts.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  screen,
  session,
  type MenuItemConstructorOptions,
  type Rectangle,
  type WebContents,
} from 'electron';
import { AsystaCore } from '../db/core';
import { createDispatcher, type Dispatcher } from '../db/dispatcher';
import { missingResources, packagedResources, type CoreResources } from '../db/resources';
import type { WorkstationSettings } from '../db/settings';
import { devResources } from '../build/dev-resources';
import { ERROR_MESSAGES, type Result } from '../shared/errors';
import { IPC_INVOKE } from '../shared/ipc/api';
import { createErrorLog, type ErrorLog } from './log';
import { APP_ENTRY_URL, applyDevCsp, handleAppScheme, registerAppScheme } from './protocol';
import { allowedOrigin, installWebContentsGuards, isTrustedSender, lockDownSession } from './security';
import { isPrintNavigation } from './print';
import { ElectronStoreSettings } from './settings';
import { registerShellIpc } from './shell';

const here = dirname(fileURLToPath(import.meta.url));
const isDev = !app.isPackaged;
/** Set by electron-vite in `electron-vite dev`; ignored in the packaged app. */
const devServerUrl = isDev ? process.env.ELECTRON_RENDERER_URL || undefined : undefined;
const origin = allowedOrigin(devServerUrl);

// ---- before ready ------------------------------------------------------------------------------

// Development/test only: an explicit data folder (the Playwright suite uses a temp folder). The
// Electron profile (settings, single-instance lock, logs) moves next to it so runs are isolated.
// Without it, development uses its own profile ("Asysta-dev"), never the installed app's data.
const dataDirOverride = isDev && process.env.ASYSTA_DATA_DIR ? resolve(process.env.ASYSTA_DATA_DIR) : null;
if (dataDirOverride) app.setPath('userData', `${dataDirOverride}-profil`);
else if (isDev) app.setPath('userData', join(app.getPath('appData'), 'Asysta-dev'));

app.commandLine.appendSwitch('lang', 'pl');
app.enableSandbox();
registerAppScheme();
if (process.platform === 'win32') app.setAppUserModelId('pl.asysta.app');

const log: ErrorLog = createErrorLog(join(app.getPath('userData'), 'logi'));

let mainWindow: BrowserWindow | null = null;
/** Web contents of windows this process created; only they may talk to the core. */
const ourContents = new Set<number>();
/** webContents id -> core session id. */
const sessions = new Map<number, string>();
let core: AsystaCore | null = null;
let shutDown = false;
/** The user agreed to close (or the process is being stopped): do not ask about the backup again. */
let closeConfirmed = false;
/** Development/test only: no reminder dialog on quit (automated runs close the app themselves). */
const noQuitPrompt = isDev && process.env.ASYSTA_NO_QUIT_PROMPT === '1';

function shutdownCore(): void {
  if (shutDown || !core) return;
  shutDown = true;
  // End the windows' sessions first so that a logged-in user's logout is audited, then close.
  for (const sid of sessions.values()) {
    try {
      core.endSession(sid);
    } catch (e) {
      log.error('endSession', e);
    }
  }
  sessions.clear();
  try {
    core.shutdown();
  } catch (e) {
    log.error('shutdown', e);
  }
}

function fatal(message: string): void {
  dialog.showErrorBox('Asysta', message);
  app.exit(1);
}

process.on('uncaughtException', (err) => {
  log.error('uncaughtException', err);
  dialog.showErrorBox('Asysta', `${ERROR_MESSAGES.INTERNAL}\nAplikacja zostanie zamknięta.`);
  closeConfirmed = true;
  app.quit();
});
process.on('unhandledRejection', (reason) => log.error('unhandledRejection', reason));
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    closeConfirmed = true;
    app.quit();
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Asysta is running with this profile: it gets focused (below) and we leave at once.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  installWebContentsGuards(origin, { allowSameOriginNavigation: devServerUrl !== undefined, isPrintNavigation }, (what) =>
    log.info(`blocked ${what}`),
  );
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    // Menu "Zakończ" / Ctrl+Q: the backup reminder first (the window's close event comes later,
    // after the core is already shut down).
    if (!confirmCloseWithoutBackup(mainWindow)) {
      event.preventDefault();
      return;
    }
    shutdownCore();
  });
  app.on('will-quit', shutdownCore);
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      log.error('startup', e);
      fatal(ERROR_MESSAGES.INTERNAL);
    });
}

// ---- paths -------------------------------------------------------------------------------------

function dataDir(): string {
  return dataDirOverride ?? join(app.getPath('userData'), 'dane');
}

/**
 * The core's run-time files. Packaged: resources/migrations and resources/fonts beside app.asar
 * (electron-builder.yml extraResources). Development: the source tree's folders.
 */
function coreResources(): CoreResources {
  return app.isPackaged ? packagedResources(process.resourcesPath) : devResources(app.getAppPath());
}

/**
 * Development only: better-sqlite3 in node_modules is built for Node (the tests run there);
 * build/scripts/start.mjs prepares an Electron build and passes its path here.
 */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const p = process.env.ASYSTA_NATIVE_BINDING;
  return p ? resolve(p) : undefined;
}

// ---- start -------------------------------------------------------------------------------------

async function start(): Promise<void> {
  const resources = coreResources();
  const missing = missingResources(resources);
  if (missing.length > 0) {
    log.error('startup', Object.assign(new Error(`missing: ${missing.join(', ')}`), { code: 'RESOURCES_MISSING' }));
    fatal(`Brak plików programu (migracje bazy danych lub czcionka wydruków):\n${missing.slice(0, 5).join('\n')}\nZainstaluj Asystę ponownie.`);
    return;
  }
  const binding = nativeBinding();
  if (binding && !existsSync(binding)) {
    fatal(`Nie znaleziono modułu better-sqlite3 dla Electrona: ${binding}\nUruchom aplikację przez "npm start".`);
    return;
  }

  let settings: ElectronStoreSettings;
  try {
    settings = new ElectronStoreSettings();
    core = new AsystaCore({
      dataDir: dataDir(),
      settings,
      resources,
      nativeBinding: binding,
      appVersion: app.getVersion(),
    });
  } catch (e) {
    log.error('startup', e);
    fatal('Nie można przygotować folderu danych Asysty. Sprawdź uprawnienia do dysku.');
    return;
  }
  const dispatcher = createDispatcher(core, { onInternalError: (channel, err) => log.error(channel, err) });

  const ses = session.defaultSession;
  lockDownSession(ses, origin);
  if (devServerUrl) applyDevCsp(ses, devServerUrl);
  else handleAppScheme(ses, join(here, '..', 'renderer'), (e) => log.error('protocol', e));

  registerIpc(core, dispatcher);
  registerShellIpc({
    origin,
    ourContents,
    lastBackupFolder: () => settings.get('lastBackupFolder'),
    // Where the next "save as PDF" dialog opens (a folder path, remembered per workstation).
    lastDocumentsFolder: () => settings.get('lastDocumentsFolder'),
    rememberDocumentsFolder: (folder) => settings.set('lastDocumentsFolder', folder),
    onBlocked: () => log.info('blocked shell ipc from untrusted sender'),
    onError: (what, e) => log.error(what, e),
  });
  Menu.setApplicationMenu(buildMenu());
  mainWindow = createWindow(settings);
}

// ---- IPC ---------------------------------------------------------------------------------------

const FORBIDDEN: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN } };

function registerIpc(c: AsystaCore, dispatcher: Dispatcher): void {
  const endSessionOf = (id: number) => {
    const sid = sessions.get(id);
    if (!sid) return;
    sessions.delete(id);
    try {
      c.endSession(sid);
    } catch (e) {
      log.error('endSession', e);
    }
  };

  const sessionFor = (wc: WebContents): string => {
    let sid = sessions.get(wc.id);
    if (!sid) {
      sid = c.createSession();
      sessions.set(wc.id, sid);
      const id = wc.id;
      wc.once('destroyed', () => endSessionOf(id));
    }
    return sid;
  };

  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event.sender, event.senderFrame, origin, ourContents)) {
      log.info('blocked ipc from untrusted sender');
      return FORBIDDEN;
    }
    return dispatcher.invoke(sessionFor(event.sender), typeof channel === 'string' ? channel : '', input);
  });

  // A crashed renderer loses its session: whoever is at the keyboard must log in again.
  app.on('render-process-gone', (_e, wc) => endSessionOf(wc.id));
}

// ---- window ------------------------------------------------------------------------------------

const DEFAULT_BOUNDS = { width: 1280, height: 860 };
const MIN_SIZE = { width: 1024, height: 680 };

/** Saved bounds, if they still fit on a connected display (a projector may be gone). */
function restoredBounds(saved: WorkstationSettings['windowBounds']): Partial<Rectangle> {
  if (!saved || !Number.isFinite(saved.width) || !Number.isFinite(saved.height)) return DEFAULT_BOUNDS;
  const width = Math.max(MIN_SIZE.width, Math.round(saved.width));
  const height = Math.max(MIN_SIZE.height, Math.round(saved.height));
  if (saved.x === undefined || saved.y === undefined) return { width, height };
  const rect = { x: Math.round(saved.x), y: Math.round(saved.y), width, height };
  const visible = screen.getAllDisplays().some(({ workArea: a }) => {
    const overlapX = Math.min(rect.x + rect.width, a.x + a.width) - Math.max(rect.x, a.x);
    const overlapY = Math.min(rect.y + rect.height, a.y + a.height) - Math.max(rect.y, a.y);
    return overlapX >= 100 && overlapY >= 100;
  });
  return visible ? rect : { width, height };
}

function createWindow(settings: ElectronStoreSettings): BrowserWindow {
  const win = new BrowserWindow({
    ...restoredBounds(settings.get('windowBounds')),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Asysta',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(here, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click must not open links in new windows (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      devTools: isDev,
    },
  });
  ourContents.add(win.webContents.id);
  const wcId = win.webContents.id;
  win.webContents.once('destroyed', () => ourContents.delete(wcId));

  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => {
    if (!confirmCloseWithoutBackup(win)) {
      event.preventDefault();
      return;
    }
    try {
      const b = win.getNormalBounds();
      settings.set('windowBounds', { x: b.x, y: b.y, width: b.width, height: b.height });
    } catch (e) {
      log.error('windowBounds', e);
    }
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });

  const url = devServerUrl ?? APP_ENTRY_URL;
  win.loadURL(url).catch((e) => log.error('loadURL', e));
  return win;
}

// ---- reminder on quit (issue 6) ------------------------------------------------------------------

/**
 * When a user who may make backups is logged in and the data changed since the last verified
 * backup, ask before closing. Returns true when closing may go on. Any doubt (no core, no session,
 * an error reading the status) lets the app close: the reminder must never trap the user.
 */
function confirmCloseWithoutBackup(win: BrowserWindow | null): boolean {
  if (closeConfirmed || noQuitPrompt || !core || shutDown || !win || win.isDestroyed()) return true;
  let ask = false;
  try {
    const sid = sessions.get(win.webContents.id);
    const user = sid ? core.session(sid).user : null;
    if (user) {
      const st = core.backupStatus(user);
      ask = st.canCreate && st.changesSinceLastBackup;
    }
  } catch (e) {
    log.error('backupStatusOnClose', e);
  }
  if (ask) {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      title: 'Asysta',
      message: 'Od ostatniej kopii zapasowej wprowadzono zmiany. Czy zamknąć bez kopii?',
      detail: 'Kopię wykonasz w sekcji „Kopia zapasowa” (najlepiej na pendrivie lub dysku zewnętrznym).',
      buttons: ['Zamknij bez kopii', 'Anuluj'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (choice !== 0) return false;
  }
  closeConfirmed = true;
  return true;
}

// ---- menu --------------------------------------------------------------------------------------

function showAbout(): void {
  const opts = {
    type: 'info' as const,
    title: 'O programie',
    message: 'Asysta',
    detail:
      `Wersja ${app.getVersion()}\n` +
      'Aplikacja asystenta rodziny dla ośrodka pomocy społecznej.\n' +
      'Dane są przechowywane wyłącznie na tym komputerze, w zaszyfrowanej bazie.\n\n' +
      `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node.js ${process.versions.node}`,
    buttons: ['Zamknij'],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, opts) : dialog.showMessageBox(opts));
}

function buildMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    { label: '&Plik', submenu: [{ role: 'quit', label: 'Zakończ', accelerator: 'CmdOrCtrl+Q' }] },
    {
      label: '&Edycja',
      submenu: [
        { role: 'undo', label: 'Cofnij' },
        { role: 'redo', label: 'Ponów' },
        { type: 'separator' },
        { role: 'cut', label: 'Wytnij' },
        { role: 'copy', label: 'Kopiuj' },
        { role: 'paste', label: 'Wklej' },
        { role: 'selectAll', label: 'Zaznacz wszystko' },
      ],
    },
  ];
  if (isDev) {
    template.push({
      label: '&Widok',
      submenu: [
        { role: 'reload', label: 'Przeładuj' },
        { role: 'toggleDevTools', label: 'Narzędzia programisty' },
      ],
    });
  }
  template.push({ label: 'Pomo&c', submenu: [{ label: 'O programie', click: showAbout }] });
  return Menu.buildFromTemplate(template);
}
