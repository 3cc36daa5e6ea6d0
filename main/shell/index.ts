import { app, BrowserWindow, ipcMain, powerMonitor, session } from 'electron';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDemoStore } from '../demo/demoStore';
import { seedDemo } from '../demo/demoData';
import { defaultKdf } from '../crypto/password';
import { createCore, type Core } from '../core/createCore';
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

async function openData() {
  if (demoDir) {
    const demo = await openDemoStore(demoDir);
    if (demo.fresh) await seedDemo({ db: demo.store.db, kdf: defaultKdf, sealKey: demo.sealKey, now: new Date() });
    return demo;
  }
  const dir = app.getPath('userData');
  return { store: await openStore(join(dir, 'otp-desktop.sqlite')), sealKey: loadSealKey(dir) };
}

function createWindow(core: Core): BrowserWindow {
  const window = new BrowserWindow(windowOptions(join(import.meta.dirname, '../preload/preload.cjs'), !app.isPackaged));
  hardenContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  // The session ends with the window (NIST SP 800-63B §7.2: nothing outlives the user's presence).
  window.on('closed', () => core.deps.sessions.endAll('logout', new Date()));
  void window.loadURL(devServer ?? `${APP_ORIGIN}/index.html`);
  return window;
}

function lockOnSystemEvents(core: Core): void {
  const lock = () => core.deps.sessions.endAll('suspended', new Date());
  powerMonitor.on('lock-screen', lock);
  powerMonitor.on('suspend', lock);
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  if (!devServer) serveRenderer(join(import.meta.dirname, '../renderer'));
  const { store, sealKey } = await openData();
  const core = createCore({ store, sealKey, parseWorker: pathToFileURL(join(import.meta.dirname, 'parseWorker.js')) });
  registerIpc(ipcMain, core.dispatch, ownUrl);
  lockOnSystemEvents(core);
  const window = createWindow(core);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => void store.close().finally(() => app.quit()));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  declareAppScheme();
  start().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    app.exit(1);
  });
}
