import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDesktop, type Desktop } from '../../../main/connection/desktop';
import { selfSigned, type Certificate } from '../../support/certificates';
import { createHarness, loginWithOtp, nextStep, type Harness } from '../../support/harness';
import { startHttpsDispatch, type TestServer } from '../../support/httpsDispatch';

let harness: Harness;
let certificate: Certificate;
let server: TestServer;
let dir: string;
let opened: number;
let restarts: number;
const desktops: Desktop[] = [];

const start = async (storeExists = false) => {
  const desktop = await startDesktop({
    dir,
    storeExists,
    openLocal: async () => {
      opened++;
      return { core: harness.core, close: async () => {} };
    },
    restart: () => restarts++,
    remote: { retryDelayMs: 0 },
  });
  desktops.push(desktop);
  return desktop;
};
const settingsFile = () => join(dir, 'connection.json');
const lowerNoColons = (fingerprint: string) => fingerprint.replaceAll(':', '').toLowerCase();

beforeAll(async () => {
  certificate = selfSigned();
  harness = await createHarness();
  server = await startHttpsDispatch(certificate, harness.core.dispatch);
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'client-desktop-'));
  opened = 0;
  restarts = 0;
});
afterEach(async () => {
  await Promise.all(desktops.splice(0).map((d) => d.close()));
  rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => {
  await server.close();
  await harness.close();
});

describe('main/connection: standalone or connected (SPEC R-SRV-1, R-SRV-2)', () => {
  it('SPEC R-SRV-1: a first run opens no store until standalone is chosen; choosing a server never opens one', async () => {
    const desktop = await start();
    expect(desktop.mode).toBe('unset');
    expect(await desktop.dispatch('connection:status', {})).toEqual({ ok: true, value: { mode: 'unset' } });
    const refused = await desktop.dispatch('connection:save', { mode: 'connected', url: server.url, fingerprint: selfSigned().fingerprint });
    expect(refused).toEqual({ ok: false, error: { code: 'PIN_MISMATCH' } });
    expect(existsSync(settingsFile())).toBe(false);
    const saved = await desktop.dispatch('connection:save', { mode: 'connected', url: `${server.url}/`, fingerprint: lowerNoColons(certificate.fingerprint) });
    expect(saved).toEqual({ ok: true, value: { restart: true } });
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).toEqual({ mode: 'connected', url: server.url, fingerprint: certificate.fingerprint });
    expect(restarts).toBe(1);
    expect(opened).toBe(0);
  });

  it('SPEC R-SRV-1: started connected, every contract call goes to the server and no store is opened', async () => {
    writeFileSync(settingsFile(), JSON.stringify({ mode: 'connected', url: server.url, fingerprint: certificate.fingerprint }));
    const desktop = await start(true);
    expect(desktop.mode).toBe('connected');
    server.hits.clear();
    expect(await desktop.dispatch('setup:status', {})).toEqual({ ok: true, value: { needsSetup: false, canResume: false } });
    expect(server.hits.get('/api/v1/setup:status')).toBe(1);
    // SPEC R-OFF-5..8: connected, the status carries the link (this desktop has no seal key: nothing waits offline).
    expect(await desktop.dispatch('connection:status', {})).toMatchObject({
      ok: true,
      value: { mode: 'connected', url: server.url, fingerprint: certificate.fingerprint, offline: { waiting: 0, failed: 0, syncedAt: null, sync: null } },
    });
    expect(server.hits.has('/api/v1/connection:status')).toBe(false);
    expect(opened).toBe(0);
  });

  it('choosing 「この端末だけで使う」 needs no restart: the store opens at the next call', async () => {
    const desktop = await start();
    expect(await desktop.dispatch('connection:save', { mode: 'standalone' })).toEqual({ ok: true, value: { restart: false } });
    expect(restarts).toBe(0);
    expect(await desktop.dispatch('setup:status', {})).toMatchObject({ ok: true });
    expect(opened).toBe(1);
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).toEqual({ mode: 'standalone' });
  });

  it('SPEC R-SRV-2: the test says what it met: http:// → INSECURE_URL, a bad URL or fingerprint → VALIDATION at the field', async () => {
    const desktop = await start();
    const test = (url: string, fingerprint = certificate.fingerprint) => desktop.dispatch('connection:test', { url, fingerprint });
    expect(await test(server.url.replace('https:', 'http:'))).toMatchObject({ ok: false, error: { code: 'INSECURE_URL' } });
    expect(await test('https://host/path')).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'url' } });
    expect(await test(server.url, 'AB:CD')).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'fingerprint' } });
    expect(await test(server.url)).toEqual({ ok: true, value: {} });
  });

  it('after the first run, 接続設定 is a master or admin action: no session and a general user are refused', async () => {
    const desktop = await start(true);
    const request = { mode: 'connected', url: server.url, fingerprint: certificate.fingerprint };
    expect(await desktop.dispatch('connection:save', request)).toMatchObject({ ok: false, error: { code: 'SESSION_INVALID' } });
    nextStep(harness);
    const general = await loginWithOtp(harness, 'ippan001', '523405697');
    expect(await desktop.dispatch('connection:test', { url: server.url, fingerprint: certificate.fingerprint, sessionId: general.sessionId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await desktop.dispatch('connection:save', { ...request, sessionId: general.sessionId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(existsSync(settingsFile())).toBe(false);
    const admin = await loginWithOtp(harness, 'test12345');
    expect(await desktop.dispatch('connection:save', { ...request, sessionId: admin.sessionId })).toEqual({ ok: true, value: { restart: true } });
  });

  it('a connection.json that does not parse stops the start', async () => {
    writeFileSync(settingsFile(), JSON.stringify({ mode: 'connected', url: server.url }));
    await expect(start()).rejects.toThrow(/not a valid connection setting/);
    expect(opened).toBe(0);
  });
});
