import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../main/remote/pin';
import { createRemote, type Remote } from '../../../main/remote/remoteDispatch';
import { startFaultProxy, type FaultMode, type FaultProxy } from '../../support/faultProxy';
import { PASSWORDS } from '../../support/harness';
import { startServer, type ServerHarness } from '../../support/server';

let s: ServerHarness;
let proxy: FaultProxy;
let remote: Remote;

beforeAll(async () => {
  s = await startServer();
  proxy = await startFaultProxy({ host: '127.0.0.1', port: s.port });
  const fingerprint = fingerprintOf(new X509Certificate(s.ca).raw);
  // The stall case ends in the dispatch's own deadline; shortened so the test does not sit for 10 s.
  remote = createRemote({ url: proxy.url, fingerprint, retryDelayMs: 0, readRetries: 0, timeouts: { normalMs: 1_500, longMs: 1_500 } });
});
afterAll(async () => {
  await remote.close();
  await proxy.close();
  await s.close();
});

const login = () => remote.dispatch('auth:login', { loginId: 'kmb05871', password: PASSWORDS.login });

describe('the desktop through a loopback fault proxy to the real server (tests/support/faultProxy.ts)', () => {
  it.each<FaultMode>(['drop', 'reset', 'stall'])('SPEC R-SRV-2: %s between desktop and server is SERVER_UNREACHABLE, and passing again works', async (mode) => {
    expect(await login()).toMatchObject({ ok: true, value: { kind: 'needsOtp' } });
    proxy.mode(mode);
    expect(await login()).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
    expect(await remote.ready()).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
    proxy.mode('pass');
    expect(await login()).toMatchObject({ ok: true, value: { kind: 'needsOtp' } });
  });
});
