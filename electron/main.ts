/**
 * The Electron main process: a thin shell around the Electron-free core (db/). It owns the
 * window, the app:// protocol, the single IPC channel and the mapping "renderer -> core session".
 * The core runs in a worker thread behind the core host (db/host/host.ts), so no query, backup or
 * migration ever blocks the window; every validation, role check and error mapping happens there,
 * in db/dispatcher.ts. Main only relays calls, sessions and progress.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  screen,
  session,
  type MenuItemConstructorOptions,
  type Rectangle,
  type WebContents,
  webContents,
} from 'electron';
import type { CoreEvent } from '../db/host/protocol';
import { CoreHost } from '../db/host/host';
import { missingResources, packagedResources, type CoreResources } from '../db/resources';
import type { WorkstationSettings } from '../db/settings';
import { devResources } from '../build/dev-resources';
import { ERROR_MESSAGES, type Result } from '../shared/errors';
import { IPC_INVOKE } from '../shared/ipc/api';
import { createErrorLog, type ErrorLog } from './log';
import { APP_ENTRY_URL, applyDevCsp, handleAppScheme, registerAppScheme } from './protocol';
import { allowedOrigin, installWebContentsGuards, isTrustedSender, lockDownSession } from './security';
import { isPrintNavigation } from './print';
import { legacyProfileDir, migrateRoamingProfile, profileDir, type ProfileEnv } from './profile';
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
else useProfile(profileDir(profileEnv()));

/** The installed app on this system (electron/profile.ts): %LOCALAPPDATA%\Asysta on Windows. */
function profileEnv(): ProfileEnv {
  return { platform: process.platform, localAppData: process.env.LOCALAPPDATA, home: app.getPath('home'), appData: app.getPath('appData') };
}

/** Profile (settings, logs, single-instance lock, data) and Chromium's session data in `dir`. */
function useProfile(dir: string): void {
  mkdirSync(dir, { recursive: true });
  app.setPath('userData', dir);
  app.setPath('sessionData', dir);
}

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
let core: CoreHost | null = null;
/** Set once the core has been asked to shut down (it then ends every session, audited). */
let coreStopping: Promise<void> | null = null;
/** The user agreed to close (or the process is being stopped): do not ask about the backup again. */
let closeConfirmed = false;
/** Development/test only: no reminder dialog on quit (automated runs close the app themselves). */
const noQuitPrompt = isDev && process.env.ASYSTA_NO_QUIT_PROMPT === '1';

/** How long quitting waits for the core to log the sessions out and close the database. */
const CORE_SHUTDOWN_TIMEOUT_MS = 8_000;

/**
 * Orderly end of the core: every logged-in session is logged out (audited), the database is
 * checkpointed and closed, the worker ends. Resolves after at most CORE_SHUTDOWN_TIMEOUT_MS.
 */
function shutdownCore(): Promise<void> {
  if (!core) return Promise.resolve();
  if (!coreStopping) {
    const c = core;
    sessions.clear();
    coreStopping = c
      .shutdown({ timeoutMs: CORE_SHUTDOWN_TIMEOUT_MS })
      .then((r) => {
        if (r.timedOut) log.error('shutdown', Object.assign(new Error(), { code: 'CORE_SHUTDOWN_TIMEOUT' }));
      })
      .catch((e: unknown) => log.error('shutdown', e));
  }
  return coreStopping;
}

/**
 * Windows shutdown, restart or log-off (`query-session-end`, then `session-end` on the window),
 * or the system going down on Linux/macOS (`powerMonitor` `shutdown`): no `before-quit` or
 * `will-quit` comes, and Windows ends the process soon after `session-end`. The orderly core
 * shutdown (logged-in users logged out and audited, database closed) starts at the first of
 * these, without the backup question, and the app then exits by itself. Should Windows end the
 * process first, nothing committed is lost (synchronous=FULL) and the data folder's lock dies
 * with the process (db/lockfile.ts).
 */
let sessionEnding = false;
function onSessionEnding(what: 'query-session-end' | 'session-end' | 'shutdown'): void {
  if (sessionEnding) return;
  sessionEnding = true;
  log.info(`system session ending (${what})`);
  closeConfirmed = true;
  void shutdownCore().finally(() => app.exit(0));
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
    // Menu "Zakończ" / Ctrl+Q: the backup reminder first (the window's close event comes later).
    if (closeConfirmed) return;
    event.preventDefault();
    void confirmClose(mainWindow).then((ok) => ok && app.quit());
  });
  app.on('will-quit', (event) => {
    // The core is stopped before the process ends: quitting waits for the audited logouts and
    // the closed database, then goes on.
    if (!core || core.stopped) return;
    event.preventDefault();
    void shutdownCore().finally(() => app.quit());
  });
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
 * The core's worker thread: electron-vite builds db/host/worker-entry.ts next to this bundle
 * (out/main/core-worker.js, inside app.asar when packaged — Electron loads worker scripts from
 * the archive, as Signal Desktop does for its SQL worker). Found from the running main bundle,
 * never from a source file.
 */
function coreWorkerEntry(): string {
  return join(here, 'core-worker.js');
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
  if (!moveProfileOutOfRoaming()) return;
  // Linux/macOS: delay the shutdown until the core has closed the database (systemd inhibitor).
  powerMonitor.on('shutdown', (e?: { preventDefault?: () => void }) => {
    e?.preventDefault?.();
    onSessionEnding('shutdown');
  });
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
    core = await CoreHost.start({
      workerEntry: coreWorkerEntry(),
      core: { dataDir: dataDir(), resources, nativeBinding: binding, appVersion: app.getVersion() },
      settings,
      onInternalError: (place, err) => log.error(place, err),
      onEvent: showProgress,
      onExit: () => {
        // The core is gone (a crash in its thread): nothing can be saved any more.
        log.error('core', Object.assign(new Error(), { code: 'CORE_EXITED' }));
        closeConfirmed = true;
        fatal(`${ERROR_MESSAGES.INTERNAL}\nAplikacja zostanie zamknięta.`);
      },
    });
  } catch (e) {
    log.error('startup', e);
    fatal('Nie można przygotować folderu danych Asysty. Sprawdź uprawnienia do dysku.');
    return;
  }

  const ses = session.defaultSession;
  lockDownSession(ses, origin);
  if (devServerUrl) applyDevCsp(ses, devServerUrl);
  else handleAppScheme(ses, join(here, '..', 'renderer'), (e) => log.error('protocol', e));

  registerIpc(core);
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

/**
 * Earlier builds kept the profile in the roaming %APPDATA%\Asysta: move it to %LOCALAPPDATA%
 * before anything opens it (electron/profile.ts). Returns false when the app must not go on.
 */
function moveProfileOutOfRoaming(): boolean {
  if (!app.isPackaged || process.platform !== 'win32') return true;
  try {
    const r = migrateRoamingProfile(legacyProfileDir(profileEnv()), app.getPath('userData'));
    if (r.status === 'moved') log.info(`profile moved out of the roaming folder (${r.entries} entries)`);
    if (r.status === 'both') log.info('roaming profile left in place: the local profile holds an installation too');
    return true;
  } catch (e) {
    log.error('profileMove', e);
    fatal(
      'Nie udało się przenieść danych Asysty z folderu profilu mobilnego (%APPDATA%\\Asysta) do %LOCALAPPDATA%\\Asysta.\n' +
        'Dane są bezpieczne w dotychczasowym miejscu. Zamknij inne programy, które mogą używać tych plików ' +
        '(np. skanowanie antywirusowe), i uruchom Asystę ponownie.',
    );
    return false;
  }
}

// ---- IPC ---------------------------------------------------------------------------------------

const FORBIDDEN: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN } };

function registerIpc(c: CoreHost): void {
  const endSessionOf = (id: number) => {
    const sid = sessions.get(id);
    if (!sid) return;
    sessions.delete(id);
    c.endSession(sid).catch((e: unknown) => log.error('endSession', e));
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
    return c.invoke(sessionFor(event.sender), typeof channel === 'string' ? channel : '', input);
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
  // Windows: shutdown, restart or log-off (see onSessionEnding).
  win.on('query-session-end', () => onSessionEnding('query-session-end'));
  win.on('session-end', () => onSessionEnding('session-end'));
  win.on('close', (event) => {
    if (!closeConfirmed) {
      // Ask (asynchronously) first; the window closes again once the answer allows it.
      event.preventDefault();
      void confirmClose(win).then((ok) => ok && !win.isDestroyed() && win.close());
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

/** While the question is on screen, a second close (another click on X, Ctrl+Q) asks nothing more. */
let confirming: Promise<boolean> | null = null;

/**
 * When a user who may make backups is logged in and the data changed since the last verified
 * backup, ask before closing. Resolves true when closing may go on (and then never asks again).
 * Any doubt (no core, no session, an error reading the status) lets the app close: the reminder
 * must never trap the user. The core answers from its thread; the window stays responsive.
 */
function confirmClose(win: BrowserWindow | null): Promise<boolean> {
  if (closeConfirmed || noQuitPrompt || !core?.running || !win || win.isDestroyed()) {
    closeConfirmed = true;
    return Promise.resolve(true);
  }
  confirming ??= (async () => {
    let ask = false;
    const sid = sessions.get(win.webContents.id);
    if (sid && core) {
      try {
        ask = (await core.closeCheck(sid)).remindAboutBackup;
      } catch (e) {
        log.error('backupStatusOnClose', e);
      }
    }
    if (ask && !win.isDestroyed()) {
      const { response } = await dialog.showMessageBox(win, {
        type: 'warning',
        title: 'Asysta',
        message: 'Od ostatniej kopii zapasowej wprowadzono zmiany. Czy zamknąć bez kopii?',
        detail: 'Kopię wykonasz w sekcji „Kopia zapasowa” (najlepiej na pendrivie lub dysku zewnętrznym).',
        buttons: ['Zamknij bez kopii', 'Anuluj'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      if (response !== 0) return false;
    }
    closeConfirmed = true;
    return true;
  })().finally(() => {
    confirming = null;
  });
  return confirming;
}

// ---- progress of long work -----------------------------------------------------------------------

/**
 * A backup's progress on the taskbar button of the window that started it (Windows shows it on
 * the button, as Explorer does for a copy): indeterminate while the snapshot is taken, then the
 * write and the read-back, cleared when the backup ends.
 */
function showProgress(e: CoreEvent): void {
  const wcId = [...sessions].find(([, sid]) => sid === e.sessionId)?.[0];
  const wc = wcId === undefined ? undefined : webContents.fromId(wcId);
  const win = wc ? BrowserWindow.fromWebContents(wc) : null;
  if (!win || win.isDestroyed()) return;
  if (e.kind === 'backup:finished') {
    win.setProgressBar(-1);
    return;
  }
  const { phase, doneBytes, totalBytes } = e.progress;
  const part = totalBytes > 0 ? Math.min(1, doneBytes / totalBytes) : 0;
  if (phase === 'write') win.setProgressBar(part / 2);
  else if (phase === 'verify') win.setProgressBar(0.5 + part / 2);
  else if (phase === 'prune') win.setProgressBar(1);
  else win.setProgressBar(2, { mode: 'indeterminate' });
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
