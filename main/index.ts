/**
 * Electron lifecycle only: single instance, one locked-down window, the
 * runtime over the data folder, and the IPC door. Everything else is plain Node.
 */
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppRuntime } from './bootstrap.ts';
import { loadBundledMigrations } from './db/migrations/bundled.ts';
import { defaultDataDir } from './domain/paths.ts';
import { registerIpc, sendEvent } from './ipc/register.ts';
import { APP_VERSION } from './version.ts';
import { installGuards, secureWebPreferences } from './window.ts';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let runtime: AppRuntime | null = null;

  const rendererUrl = process.env.ELECTRON_RENDERER_URL;
  const appEntryUrl = rendererUrl ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    installGuards(contents, contents.session, appEntryUrl, (url) => void shell.openExternal(url));
  });

  const createWindow = () => {
    const webPreferences = secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs'));
    // Kept for the Electron test suite, which asserts what the window was created with.
    (globalThis as { safeledgerWebPreferences?: unknown }).safeledgerWebPreferences = webPreferences;
    mainWindow = new BrowserWindow({
      width: 1360,
      height: 860,
      minWidth: 1100,
      minHeight: 680,
      show: false,
      title: 'SafeLedger 安全生产台账',
      backgroundColor: '#f5f6f8',
      autoHideMenuBar: true,
      webPreferences,
    });
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    if (rendererUrl) void mainWindow.loadURL(rendererUrl);
    else void mainWindow.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  };

  app.whenReady().then(async () => {
    const dataDir = defaultDataDir(process.platform, process.env, homedir());
    runtime = await AppRuntime.open({
      dataDir,
      resourcesDir: join(app.getAppPath(), 'resources'),
      migrations: loadBundledMigrations(),
      appVersion: APP_VERSION,
      channel: 'UI',
      onEvent: (event, payload) => sendEvent(mainWindow?.webContents ?? null, event, payload),
    });
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    registerIpc(ipcMain, () => runtime!, appEntryUrl, (err, method) => console.error(`[${method}]`, err));
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  }, (err: unknown) => {
    console.error(err);
    app.exit(1);
  });

  app.on('window-all-closed', () => {
    runtime?.close();
    runtime = null;
    if (process.platform !== 'darwin') app.quit();
  });
}
