import { app, BrowserWindow, dialog, ipcMain, powerMonitor, safeStorage, session } from 'electron';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDemoStore } from '../demo/demoStore';
import { seedDemo } from '../demo/demoData';
import { defaultKdf } from '../crypto/password';
import { startDesktop, type Desktop } from '../connection/desktop';
import { createCore } from '../core/createCore';
import { openSupportLog, type SupportLog } from '../log';
import { failureMessage } from '../startup/failureMessage';
import { loadSealKey } from '../startup/sealKey';
import { openAppStore, STORE_FILE } from '../startup/storeFile';
import type { Store } from '../store/open';
import { hardenContents, hardenSession } from './harden';
import { backupDialog } from './backupDialog';
import { registerIpc } from './ipc';
import { APP_ORIGIN, isAppUrl, windowOptions } from './policy';
import { declareAppScheme, serveRenderer } from './protocol';

/**
 * The demo store: `npm run demo` sets OTP_DESKTOP_DEMO_DIR; `electron . --demo[=DIR]` works too. A packaged
 * build ignores both, so production never creates accounts by itself.
 */
function demoDirectory(): string | undefined {
  if (app.isPackaged) return undefined;
  const flag = process.argv.find((arg) => arg === '--demo' || arg.startsWith('--demo='));
  return process.env.OTP_DESKTOP_DEMO_DIR ?? (flag ? resolve(flag.slice('--demo='.length) || '.demo-data') : undefined);
}
const demoDir = demoDirectory();
const devServer = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const ownUrl = (url: string) => isAppUrl(url, devServer);

async function openData(dataDir: string): Promise<{ store: Store; sealKey: Buffer }> {
  if (demoDir) {
    const demo = await openDemoStore(demoDir);
    if (demo.fresh) await seedDemo({ db: demo.store.db, kdf: defaultKdf, sealKey: demo.sealKey, now: new Date() });
    return demo;
  }
  const { store, sample } = await openAppStore(dataDir);
  try {
    return { store, sealKey: loadSealKey(dataDir, safeStorage, process.platform, sample) };
  } catch (error) {
    await store.close();
    throw error;
  }
}

function openLocal(dataDir: string, support: SupportLog) {
  return async () => {
    const { store, sealKey } = await openData(dataDir);
    const core = createCore({
      store,
      sealKey,
      logBug: support.log.bug,
      backupFiles: backupDialog,
      parseWorker: pathToFileURL(join(import.meta.dirname, 'parseWorker.js')),
    });
    const close = () => store.close().catch((error: unknown) => support.log.storeError('close', error));
    return { core, close };
  };
}

/** A change of mode or server takes effect in a new process (main/connection/handlers.ts says why). */
function restart(): void {
  // After the IPC answer went out, so the window can say that the app restarts.
  setTimeout(() => {
    app.relaunch();
    app.quit();
  }, 500);
}

function createWindow(desktop: Desktop): BrowserWindow {
  const window = new BrowserWindow(windowOptions(join(import.meta.dirname, '../preload/preload.cjs'), !app.isPackaged));
  hardenContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  // The session ends with the window (NIST SP 800-63B §7.2: nothing outlives the user's presence).
  window.on('closed', () => void desktop.endAll('logout'));
  void window.loadURL(devServer ?? `${APP_ORIGIN}/index.html`);
  return window;
}

function lockOnSystemEvents(desktop: Desktop): void {
  const lock = () => void desktop.endAll('suspended');
  powerMonitor.on('lock-screen', lock);
  powerMonitor.on('suspend', lock);
}

async function start(support: SupportLog, dataDir: string): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  if (!devServer) serveRenderer(join(import.meta.dirname, '../renderer'));
  // The demo folder always holds a store: a demo desktop is standalone unless its folder says otherwise.
  const storeExists = Boolean(demoDir) || existsSync(join(dataDir, STORE_FILE));
  // Connected, the keychain key seals the offline files only (a connected desktop holds no store and no seed).
  const sealKey = () => loadSealKey(dataDir, safeStorage, process.platform, undefined);
  const desktop = await startDesktop({ dir: dataDir, storeExists, openLocal: openLocal(dataDir, support), restart, sealKey });
  registerIpc(ipcMain, desktop.dispatch, ownUrl, support.log.ipcRefused);
  lockOnSystemEvents(desktop);
  const window = createWindow(desktop);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => void desktop.endAll('logout').finally(() => void desktop.close().finally(() => app.quit())));
}

/** A start that fails says why in a native dialog (Japanese, then English) and in the support log, then ends. */
function failStart(error: unknown, support: SupportLog | undefined): void {
  const message = failureMessage(error, support?.file);
  support?.log.startFailed(message.reason, error);
  console.error(`start-up failed: ${message.reason}`);
  dialog.showErrorBox(message.title, message.body);
  app.exit(1);
}

function boot(): void {
  // Whatever the app creates (store, its WAL, the seal key, the log) is readable by this user only.
  process.umask(0o077);
  const dataDir = demoDir ?? app.getPath('userData');
  let support: SupportLog | undefined;
  try {
    support = openSupportLog(dataDir);
  } catch (error) {
    failStart(error, undefined);
    return;
  }
  start(support, dataDir).catch((error: unknown) => failStart(error, support));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  declareAppScheme();
  boot();
}
