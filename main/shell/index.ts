import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { openDemoStore } from '../demo/demoStore';
import { seedDemo } from '../demo/demoData';
import { defaultKdf } from '../crypto/password';
import { createCore } from '../services';
import { openStore } from '../store/open';
import { registerIpc } from './ipc';
import { declareAppScheme, serveRenderer } from './protocol';
import { loadSealKey } from './sealKey';
import { APP_ORIGIN, secureWebPreferences } from './webPreferences';

/** `npm run demo` sets this; a packaged build ignores it, so production never creates accounts by itself. */
const demoDir = app.isPackaged ? undefined : process.env.OTP_DESKTOP_DEMO_DIR;
const devServer = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

async function openData() {
  if (demoDir) {
    const demo = await openDemoStore(demoDir);
    if (demo.fresh) await seedDemo({ db: demo.store.db, kdf: defaultKdf, sealKey: demo.sealKey, now: new Date() });
    return demo;
  }
  const dir = app.getPath('userData');
  return { store: await openStore(join(dir, 'otp-desktop.sqlite')), sealKey: loadSealKey(dir) };
}

const isOwnOrigin = (url: string) => (devServer ? url.startsWith(devServer) : url.startsWith(`${APP_ORIGIN}/`));

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 768,
    show: false,
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/preload.cjs')),
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServer ?? `${APP_ORIGIN}/index.html`);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  if (!devServer) serveRenderer(join(import.meta.dirname, '../renderer'));
  const { store, sealKey } = await openData();
  const core = createCore({ store, sealKey });
  registerIpc(core.dispatch, isOwnOrigin);
  createWindow();
  app.on('window-all-closed', () => {
    void store.close().finally(() => app.quit());
  });
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
