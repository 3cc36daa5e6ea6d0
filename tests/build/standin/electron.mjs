// A recording stand-in for the `electron` module, for tests/build/boot.test.ts: no Electron code, just enough
// behaviour to run the built main bundle's start-up in Node. Every call is appended, synchronously, to the JSON
// lines file STANDIN_JOURNAL. Set by the test: STANDIN_USERDATA, STANDIN_PACKAGED=1, STANDIN_KEYCHAIN
// (ok | none | basic_text), STANDIN_LOCK=0 (another instance holds the lock).
import { EventEmitter } from 'node:events';
import { appendFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const env = process.env;
let ready = false;
const record = (call, details = {}) => appendFileSync(env.STANDIN_JOURNAL, `${JSON.stringify({ call, ready, ...details })}\n`);

const appEvents = new EventEmitter();
const handlers = new Map();

export const app = {
  isPackaged: env.STANDIN_PACKAGED === '1',
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return env.STANDIN_LOCK !== '0';
  },
  whenReady() {
    record('app.whenReady');
    return new Promise((resolve) =>
      setImmediate(() => {
        ready = true;
        record('ready');
        resolve();
      }),
    );
  },
  getPath(name) {
    record('app.getPath', { name });
    if (name !== 'userData') throw new Error(`stand-in knows only userData, not ${name}`);
    return env.STANDIN_USERDATA;
  },
  on(event, listener) {
    record('app.on', { event });
    appEvents.on(event, listener);
    return app;
  },
  quit() {
    record('app.quit');
    setImmediate(() => process.exit(0));
  },
  exit(code = 0) {
    record('app.exit', { code });
    process.exit(code);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', { schemes });
  },
  /** Records the scheme, then asks the handler for the page and for a file outside the renderer folder. */
  handle(scheme, handler) {
    record('protocol.handle', { scheme });
    const ask = async (url) => {
      const response = await handler(new Request(url));
      const body = await response.text();
      record('protocol.response', { url, status: response.status, csp: response.headers.get('content-security-policy'), hasRoot: body.includes('id="root"') });
    };
    void ask(`${scheme}://bundle/index.html`).then(() => ask(`${scheme}://bundle/..%2fmain%2findex.js`));
  },
};

export const net = {
  /** file:// only, which is all the app's protocol handler fetches. */
  async fetch(url) {
    try {
      return new Response(readFileSync(fileURLToPath(url)), { status: 200, headers: { 'content-type': 'text/html' } });
    } catch {
      return new Response('missing', { status: 404 });
    }
  },
};

const permissionProbe = (kind) => (handler) => {
  let answer;
  if (kind === 'request') handler(null, 'media', (allowed) => (answer = allowed));
  else answer = handler(null, 'notifications');
  record(`session.setPermission${kind === 'request' ? 'Request' : 'Check'}Handler`, { allowsProbe: answer });
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: permissionProbe('request'),
    setPermissionCheckHandler: permissionProbe('check'),
  },
};

export const ipcMain = {
  handle(channel, handler) {
    record('ipcMain.handle', { channel });
    handlers.set(channel, handler);
  },
};

const frame = (url, parent = null) => ({ senderFrame: { url, parent } });

/** After the page is asked for: one call from the page, one from a foreign page, then the window closes. */
async function driveSession(window, url) {
  const own = await handlers.get('setup:status')?.(frame(url), {});
  record('ipc.ownCall', { result: own });
  const foreign = await handlers.get('auth:login')?.(frame('https://evil.example/x?otp=123456'), { loginId: 'nobody', password: 'Planted#Pw1' });
  record('ipc.foreignCall', { result: foreign });
  window.emit('closed');
  appEvents.emit('window-all-closed');
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    record('new BrowserWindow', { options });
    this.webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler: () => record('webContents.setWindowOpenHandler') });
  }
  loadURL(url) {
    record('window.loadURL', { url });
    setImmediate(() => void driveSession(this, url));
    return Promise.resolve();
  }
  show() {}
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
}

export const powerMonitor = { on: (event) => record('powerMonitor.on', { event }) };

const keychain = env.STANDIN_KEYCHAIN ?? 'ok';
export const safeStorage = {
  isEncryptionAvailable: () => keychain !== 'none',
  getSelectedStorageBackend: () => (keychain === 'basic_text' ? 'basic_text' : 'gnome_libsecret'),
  encryptString: (text) => Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`),
  decryptString: (data) => {
    const text = data.toString();
    if (!text.startsWith('sealed:')) throw new Error('not ours');
    return Buffer.from(text.slice('sealed:'.length), 'base64').toString();
  },
};

export const dialog = {
  showErrorBox(title, content) {
    record('dialog.showErrorBox', { title, content });
  },
};
