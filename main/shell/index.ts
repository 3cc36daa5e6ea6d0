import { app, BrowserWindow, dialog, ipcMain, powerMonitor, session } from 'electron';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDemoStore } from '../demo/demoStore';
import { seedDemo } from '../demo/demoData';
import { defaultKdf } from '../crypto/password';
import { startDesktop, type Desktop } from '../connection/desktop';
import { createCore } from '../core/createCore';
import { openStore } from '../store/open';
import { hardenContents, hardenSession } from './harden';
import { registerIpc } from './ipc';
import { APP_ORIGIN, isAppUrl, windowOptions } from './policy';
import { declareAppScheme, serveRenderer } from './protocol';
import { loadSealKey } from './sealKey';

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

const dataDir = demoDir ?? app.getPath('userData');
const storeFile = join(dataDir, 'otp-desktop.sqlite');

async function openData() {
  if (demoDir) {
    const demo = await openDemoStore(demoDir);
    if (demo.fresh) await seedDemo({ db: demo.store.db, kdf: defaultKdf, sealKey: demo.sealKey, now: new Date() });
    return demo;
  }
  return { store: await openStore(storeFile), sealKey: loadSealKey(dataDir) };
}

async function openLocal() {
  const { store, sealKey } = await openData();
  return { core: createCore({ store, sealKey }), close: () => store.close() };
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

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  if (!devServer) serveRenderer(join(import.meta.dirname, '../renderer'));
  // The demo folder always holds a store: a demo desktop is standalone unless its folder says otherwise.
  const desktop = await startDesktop({ dir: dataDir, storeExists: Boolean(demoDir) || existsSync(storeFile), openLocal, restart });
  registerIpc(ipcMain, desktop.dispatch, ownUrl);
  lockOnSystemEvents(desktop);
  const window = createWindow(desktop);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => void desktop.endAll('logout').finally(() => void desktop.close().finally(() => app.quit())));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  declareAppScheme();
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(message);
    // A broken connection.json or store: say so rather than vanish (the window may not exist yet).
    if (app.isReady()) dialog.showErrorBox('OTP Desktop', message);
    app.exit(1);
  });
}
