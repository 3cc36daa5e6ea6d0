import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { rendererChannels } from '../../../shared/contract/api';
import { hardenContents, hardenSession } from '../../../main/shell/harden';
import { isTrustedSender, registerIpc } from '../../../main/shell/ipc';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, isAppUrl, windowOptions } from '../../../main/shell/policy';
import { FakeContents, frame } from './fakes';

/** Electron's security checklist (docs/tutorial/security.md), item by item, against the shell's real settings. */
const prefs = windowOptions('/app/preload.cjs', false).webPreferences;
const read = (path: string) => readFileSync(path, 'utf8');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });

describe('Electron security checklist', () => {
  it('1 only loads secure content: its own bundle, nothing remote', () => {
    expect(read('main/shell/index.ts')).toContain('`${APP_ORIGIN}/index.html`');
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl('https://evil.example/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(read('renderer/index.html')).not.toMatch(/https?:\/\//);
  });

  it('2 no Node.js integration in any renderer, worker or sub-frame', () => {
    expect(prefs).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });

  it('3 context isolation on', () => expect(prefs.contextIsolation).toBe(true));
  it('4 process sandbox on', () => expect(prefs.sandbox).toBe(true));

  it('5 every permission request and check is denied', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    hardenSession(session as never);
    const [request] = session.setPermissionRequestHandler.mock.calls[0]!;
    const [check] = session.setPermissionCheckHandler.mock.calls[0]!;
    for (const permission of ['notifications', 'media', 'clipboard-read', 'openExternal', 'geolocation']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check({}, permission)).toBe(false);
    }
  });

  it('6 webSecurity stays on', () => expect(prefs.webSecurity).toBe(true));

  it('7 a restrictive Content-Security-Policy, sent by the protocol handler', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(read('main/shell/protocol.ts')).toMatch(/headers\.set\('Content-Security-Policy', CONTENT_SECURITY_POLICY\)/);
  });

  it('8 no insecure content', () => expect(prefs.allowRunningInsecureContent).toBe(false));
  it('9 no experimental features', () => expect(prefs.experimentalFeatures).toBe(false));
  it('10 no enableBlinkFeatures', () => expect(prefs.enableBlinkFeatures).toBe(''));

  it('11-12 no <webview>: the tag is off and any attach is prevented', () => {
    expect(prefs.webviewTag).toBe(false);
    const contents = new FakeContents();
    hardenContents(contents as never);
    expect(contents.attempt('will-attach-webview', { allowpopups: true }, {})).toBe(true);
  });

  it('13 navigation and redirects are prevented', () => {
    const contents = new FakeContents();
    hardenContents(contents as never);
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('14 new windows are denied', () => {
    const contents = new FakeContents();
    hardenContents(contents as never);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('15 shell.openExternal is never used', () => {
    for (const file of sources('main')) expect(read(file), file).not.toContain('openExternal');
  });

  it('16 a current Electron, pinned', () => {
    const version = JSON.parse(read('package.json')).devDependencies.electron as string;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });

  it('17 IPC senders are validated: own top frame only', async () => {
    const handlers = new Map<string, (event: unknown, raw: unknown) => unknown>();
    const dispatch = vi.fn(async () => ({ ok: true as const, value: {} }));
    const refused: unknown[] = [];
    registerIpc({ handle: (name: string, fn: never) => handlers.set(name, fn) } as never, dispatch, (u) => isAppUrl(u), (...call) => refused.push(call));
    expect([...handlers.keys()].sort()).toEqual(rendererChannels().map((c) => c.name).sort());
    const login = handlers.get('auth:login')!;
    expect(await login(frame('https://evil.example/'), {})).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await login(frame(`${APP_ORIGIN}/index.html`, {}), {})).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(isTrustedSender({ senderFrame: null } as never, () => true)).toBe(false);
    expect(dispatch).not.toHaveBeenCalled();
    expect(refused).toEqual([
      ['auth:login', { origin: 'https://evil.example', frame: 'top' }],
      ['auth:login', { origin: APP_ORIGIN, frame: 'sub' }],
    ]);
    await login(frame(`${APP_ORIGIN}/index.html`), { loginId: 'x' });
    expect(dispatch).toHaveBeenCalledWith('auth:login', { loginId: 'x' });
  });

  it('18 no file:// pages: content comes through protocol.handle', () => {
    expect(isAppUrl('file:///app/out/renderer/index.html')).toBe(false);
    expect(read('main/shell/protocol.ts')).toContain('protocol.handle(APP_SCHEME');
    expect(read('main/shell/index.ts')).not.toMatch(/loadFile|file:\/\//);
  });

  it('19 fuses: no RunAsNode, no NODE_OPTIONS, no inspect arguments, asar integrity on', () => {
    const fuses = JSON.parse(read('build/fuses.json'));
    expect(fuses).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('DevTools are off in production builds', () => {
    expect(prefs.devTools).toBe(false);
    expect(read('main/shell/index.ts')).toContain('!app.isPackaged)');
  });
});
