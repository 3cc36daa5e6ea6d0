import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rendererChannels } from '../../shared/contract/api';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, windowOptions } from '../../main/shell/policy';

/**
 * Issue 12 item 9: the built main bundle (out/main/index.js, ESM) started in plain Node, with `electron`
 * resolved by a module-resolution hook to a recording stand-in (tests/build/standin/). It catches what only a
 * real start shows: module format, bundle-relative paths, and the order of the start-up calls.
 */
const MAIN = resolve('out/main/index.js');
const HOOK = resolve('tests/build/standin/register.mjs');

type Entry = { call: string; ready: boolean } & Record<string, unknown>;
type Boot = { code: number | null; journal: Entry[]; stderr: string };

let dir: string;
let userData: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shell-boot-'));
  userData = join(dir, 'userData');
});
/** A start that hangs fails its test by timeout; its process must not outlive the test. */
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the bundle and waits for it to end by itself (app.quit or app.exit of the stand-in). */
function boot(env: Record<string, string> = {}, args: string[] = []): Promise<Boot> {
  const journal = join(dir, 'journal.jsonl');
  rmSync(journal, { force: true });
  const { ELECTRON_RENDERER_URL: _dev, OTP_DESKTOP_DEMO_DIR: _demo, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', HOOK, MAIN, ...args], {
    env: { ...inherited, STANDIN_JOURNAL: journal, STANDIN_USERDATA: userData, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) =>
    child.on('exit', (code) => {
      running.delete(child);
      const lines = existsSync(journal) ? readFileSync(journal, 'utf8').trim().split('\n') : [];
      done({ code, stderr, journal: lines.filter(Boolean).map((line) => JSON.parse(line) as Entry) });
    }),
  );
}

const calls = (b: Boot, call: string) => b.journal.filter((e) => e.call === call);
const order = (b: Boot, call: string) => b.journal.findIndex((e) => e.call === call);
const mode = (file: string) => statSync(file).mode & 0o777;
const logLines = () => readFileSync(join(userData, 'logs', 'otp-desktop.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

// Each test starts one or two Node processes that load the whole bundle: generous for two busy cores.
const BOOT = { timeout: 60_000 };

describe('boot of the built main bundle', BOOT, () => {
  it('is built (npm test builds before the unit tests)', () => {
    expect(existsSync(MAIN), 'run `npx electron-vite build` first').toBe(true);
  });

  it('starts in order: lock, privileged scheme before ready, permissions, app://, one IPC handler per channel, the window, the page', async () => {
    const b = await boot();
    expect(b.code, b.stderr).toBe(0);
    expect(b.journal[0]?.call).toBe('app.requestSingleInstanceLock');
    const [scheme] = calls(b, 'protocol.registerSchemesAsPrivileged');
    expect(scheme).toMatchObject({ ready: false, schemes: [{ scheme: 'app', privileges: { standard: true, secure: true } }] });
    expect(order(b, 'protocol.registerSchemesAsPrivileged')).toBeLessThan(order(b, 'ready'));
    for (const handler of ['session.setPermissionRequestHandler', 'session.setPermissionCheckHandler']) {
      expect(calls(b, handler), handler).toEqual([{ call: handler, ready: true, allowsProbe: false }]);
    }
    expect(calls(b, 'protocol.handle')).toEqual([{ call: 'protocol.handle', ready: true, scheme: 'app' }]);
    expect(calls(b, 'protocol.response').map(({ url, status, csp, hasRoot }) => ({ url, status, csp, hasRoot }))).toEqual([
      { url: `${APP_ORIGIN}/index.html`, status: 200, csp: CONTENT_SECURITY_POLICY, hasRoot: true },
      // An encoded slash gets past URL parsing: the handler itself must refuse the way out of out/renderer.
      { url: `${APP_ORIGIN}/..%2fmain%2findex.js`, status: 404, csp: null, hasRoot: false },
    ]);
    const channels = calls(b, 'ipcMain.handle').map((e) => e.channel);
    expect([...channels].sort()).toEqual(rendererChannels().map((c) => c.name).sort());
    expect(new Set(channels).size).toBe(channels.length);
    expect(order(b, 'ipcMain.handle')).toBeGreaterThan(order(b, 'ready'));
  });

  it('opens the window with windowOptions() and an existing preload, loads the app origin, and wires IPC to the store under userData', async () => {
    const b = await boot();
    expect(b.code, b.stderr).toBe(0);
    const [window] = calls(b, 'new BrowserWindow') as [Entry & { options: ReturnType<typeof windowOptions> }];
    const preload = window.options.webPreferences.preload;
    expect(window.options).toEqual(windowOptions(resolve('out/preload/preload.cjs'), true));
    expect(existsSync(preload)).toBe(true);
    expect(calls(b, 'window.loadURL')).toEqual([{ call: 'window.loadURL', ready: true, url: `${APP_ORIGIN}/index.html` }]);
    expect(calls(b, 'ipc.ownCall')[0]?.result).toEqual({ ok: true, value: { needsSetup: true, canResume: false } });
    expect(calls(b, 'ipc.foreignCall')[0]?.result).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(calls(b, 'app.quit')).toHaveLength(1);
    // finding 6: what the start created is private.
    for (const file of ['otp-desktop.sqlite', 'seal-key.bin', 'logs/otp-desktop.log']) expect(mode(join(userData, file)), file).toBe(0o600);
    // finding 11: the foreign call is in the support log, without its payload.
    expect(logLines()).toEqual([expect.objectContaining({ event: 'ipc-refused', channel: 'auth:login', origin: 'https://evil.example' })]);
    expect(readFileSync(join(userData, 'logs', 'otp-desktop.log'), 'utf8')).not.toMatch(/Planted|nobody|123456/);
  });

  it('ignores the demo switch when packaged: no demo store, the store under userData, no DevTools', async () => {
    const demo = join(dir, 'demo');
    const b = await boot({ STANDIN_PACKAGED: '1', OTP_DESKTOP_DEMO_DIR: demo }, [`--demo=${demo}`]);
    expect(b.code, b.stderr).toBe(0);
    expect(existsSync(demo)).toBe(false);
    expect(existsSync(join(userData, 'otp-desktop.sqlite'))).toBe(true);
    const [window] = calls(b, 'new BrowserWindow') as [Entry & { options: ReturnType<typeof windowOptions> }];
    expect(window.options.webPreferences.devTools).toBe(false);
  });

  it('a second instance only quits: no scheme, no store, no window', async () => {
    const b = await boot({ STANDIN_LOCK: '0' });
    expect(b.code).toBe(0);
    expect(b.journal.map((e) => e.call)).toEqual(['app.requestSingleInstanceLock', 'app.quit']);
    expect(existsSync(userData)).toBe(false);
  });
});

describe('a start that fails ends with an error dialog, a log line and exit 1 (issue 11 finding 6)', BOOT, () => {
  async function failedStart(env: Record<string, string>): Promise<{ b: Boot; dialog: Entry }> {
    const b = await boot(env);
    expect(b.code, b.stderr).toBe(1);
    expect(calls(b, 'app.exit')).toEqual([{ call: 'app.exit', ready: true, code: 1 }]);
    expect(calls(b, 'new BrowserWindow')).toEqual([]);
    const [dialog] = calls(b, 'dialog.showErrorBox');
    expect(dialog?.title).toMatch(/起動できません/);
    return { b, dialog: dialog! };
  }

  /** A desktop that chose 「この端末だけで使う」: its start opens the store and the seal key (a first run waits for the choice). */
  const standalone = () => {
    mkdirSync(userData, { recursive: true });
    writeFileSync(join(userData, 'connection.json'), JSON.stringify({ mode: 'standalone' }));
  };

  it('no keychain: refused, no key written', async () => {
    standalone();
    const { dialog } = await failedStart({ STANDIN_KEYCHAIN: 'none' });
    expect(dialog.content).toMatch(/キーチェーン[\s\S]*keychain is unavailable/);
    expect(existsSync(join(userData, 'seal-key.bin'))).toBe(false);
    expect(logLines()).toEqual([expect.objectContaining({ event: 'start-failed', reason: 'KEYCHAIN_UNAVAILABLE' })]);
  });

  it("Linux's basic_text keychain: refused, naming the keyring needed", async () => {
    standalone();
    const { dialog } = await failedStart({ STANDIN_KEYCHAIN: 'basic_text' });
    expect(dialog.content).toMatch(/gnome-libsecret[\s\S]*KWallet/);
    expect(logLines()).toEqual([expect.objectContaining({ reason: 'KEYCHAIN_BASIC_TEXT' })]);
  });

  it('a damaged store: refused and left untouched', async () => {
    mkdirSync(userData, { recursive: true });
    const damaged = Buffer.concat([Buffer.from('SQLite format 3\0'), randomBytes(8192)]);
    writeFileSync(join(userData, 'otp-desktop.sqlite'), damaged);
    const { dialog } = await failedStart({});
    expect(dialog.content).toMatch(/破損[\s\S]*damaged/);
    expect(readFileSync(join(userData, 'otp-desktop.sqlite')).equals(damaged)).toBe(true);
    expect(logLines()).toEqual([expect.objectContaining({ event: 'start-failed', reason: 'STORE_DAMAGED' })]);
  });

  it('a seal key gone while the store holds tokens: refused, no new key', async () => {
    const first = await boot();
    expect(first.code, first.stderr).toBe(0);
    // A token in the store, sealed under the key of that start.
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(userData, 'otp-desktop.sqlite'));
    db.prepare(
      "insert into tokens (serial, seed_sealed, algorithm, digits, period, expires_at, created_at) values ('600000009', ?, 'SHA1', 6, 60, 0, 0)",
    ).run(randomBytes(48));
    db.close();
    rmSync(join(userData, 'seal-key.bin'));
    const { dialog } = await failedStart({});
    expect(dialog.content).toMatch(/seal-key\.bin[\s\S]*missing/);
    expect(existsSync(join(userData, 'seal-key.bin'))).toBe(false);
  });
});
