/**
 * Electron lifecycle only: single instance, one locked-down window, the
 * runtime over the data folder, and the IPC door. Everything else is plain Node.
 */
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppRuntime } from './bootstrap.ts';
import type { Platform } from './context.ts';
import { AppError } from './errors.ts';
import { loadBundledMigrations } from './db/migrations/bundled.ts';
import { defaultDataDir } from './domain/paths.ts';
import { registerIpc, sendEvent } from './ipc/register.ts';
import { APP_VERSION } from './version.ts';
import { startDesktopNotices } from './desktopNotices.ts';
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
    // A page with unsaved edits (e.g. the four-colour map) cancels unload; ask rather than refuse silently.
    mainWindow.webContents.on('will-prevent-unload', (event) => {
      const win = mainWindow;
      if (!win) return;
      const choice = dialog.showMessageBoxSync(win, {
        type: 'question',
        buttons: ['不保存并关闭', '返回继续编辑'],
        defaultId: 1,
        cancelId: 1,
        title: '有未保存的修改',
        message: '当前页面有未保存的修改，关闭后这些修改将丢失。',
      });
      if (choice === 0) event.preventDefault();
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    if (rendererUrl) void mainWindow.loadURL(rendererUrl);
    else void mainWindow.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  };

  /** Native dialogs and the system PDF viewer: the only Electron-specific services. */
  const platform: Platform = {
    chooseSavePath: async ({ title, defaultName, extensions }) => {
      const options = { title, defaultPath: join(app.getPath('documents'), defaultName), filters: [{ name: extensions.join('/').toUpperCase(), extensions }] };
      const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    chooseOpenPaths: async ({ title, extensions, multiple }) => {
      const options = { title, filters: [{ name: '文件', extensions }], properties: multiple ? (['openFile', 'multiSelections'] as const) : (['openFile'] as const) };
      const r = mainWindow ? await dialog.showOpenDialog(mainWindow, { ...options, properties: [...options.properties] }) : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
      return r.canceled ? null : r.filePaths;
    },
    openPath: async (file) => {
      const err = await shell.openPath(file);
      if (err) throw new AppError('RULE', `无法用系统程序打开文件：${err}。文件已保存在 ${file}`);
    },
    tempDir: join(app.getPath('temp'), 'SafeLedger'),
  };

  app.whenReady().then(async () => {
    const dataDir = defaultDataDir(process.platform, process.env, homedir());
    runtime = await AppRuntime.open({
      dataDir,
      resourcesDir: join(app.getAppPath(), 'resources'),
      migrations: loadBundledMigrations(),
      appVersion: APP_VERSION,
      channel: 'UI',
      platform,
      onEvent: (event, payload) => sendEvent(mainWindow?.webContents ?? null, event, payload),
    });
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    registerIpc(ipcMain, () => runtime!, appEntryUrl, (err, method) => console.error(`[${method}]`, err));
    createWindow();
    startDesktopNotices(() => runtime, () => mainWindow);
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
