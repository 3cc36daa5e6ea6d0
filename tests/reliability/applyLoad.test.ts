import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverKdf } from '../../main/crypto/password';
import { uuidv7 } from '../../main/offline/uuidv7';
import { serverCore } from '../../main/server/serverCore';
import { createHarness, PASSWORDS } from '../support/harness';
import { startServer, type ServerHarness } from '../support/server';
import { SHARED, stepFrom, type Desk } from '../support/sync';

/**
 * Issue 19 finding 6, under load, through the real HTTPS server with the server's own KDF (Argon2id, the cost
 * under test): while a desktop of company A sends batches of bogus queued registrations (an unproved step, a
 * wrong operator), company B's logins keep their latency. Before the fix each bogus registration ran two
 * Argon2id hashes on the KDF slots every company's logins share.
 */
const LOGINS = 16;
/** Registrations per bogus batch: the cap of one sync:apply (PER_BATCH), written out so the test runs on the code before it too. */
const PER_BATCH = 10;
/** Bogus batches A sends as each of B's logins starts. */
const PER_LOGIN = 4;
// Generous: the machine is shared. The baseline is B beside the same traffic of bogus unlocks, so the TLS, the
// parsing and the store's work of the bogus requests are in it; what is left is the KDF.
const RATIO = 2.5;

let s: ServerHarness;
let desk: Desk;

async function value<T>(answer: Promise<{ status: number; body: unknown }>): Promise<T> {
  const { status, body } = await answer;
  if (status !== 200 || !(body as { ok: boolean }).ok) throw new Error(`refused: ${status} ${JSON.stringify(body)}`);
  return (body as { value: T }).value;
}

async function sessionOf(loginId: string, serial: string): Promise<string> {
  s.h.clock.advance(60_000);
  const { challengeId } = await value<{ challengeId: string }>(s.call('auth:login', { loginId, password: PASSWORDS.login }));
  const otp = await s.h.codeOf(serial);
  return (await value<{ sessionId: string }>(s.call('auth:verify-otp', { challengeId, otp }))).sessionId;
}

beforeAll(async () => {
  const h = await createHarness();
  const core = serverCore({ store: h.store, sealKey: h.sealKey, setupPolicy: 'closed', kdf: serverKdf, clock: h.clock.now, logBug: (_c, e) => h.bugs.push(e) });
  s = await startServer({ harness: h, core });
  desk = await value<Desk>(s.call('sync:register-desktop', { sessionId: await sessionOf('kmb05871', SHARED) }));
  // B's first login moves its hash to the server's KDF (rehash): every measured login verifies the same way.
  await sessionOf('tasha001', '700000001');
});
afterAll(async () => {
  await s?.close();
  await s?.h.close();
  expect(s?.h.bugs ?? []).toEqual([]);
});

const newcomer = (i: number) => ({ loginId: `gizou${String(i).padStart(3, '0')}`, name: '偽 登録', userType: 'general', initialLoginPassword: 'Init#Login1', initialAuthPassword: 'Init#Auth1' });

/**
 * One batch of A's desktop, operations no step proves, half of them by an operator not of A: registrations, or
 * (the control) unlocks, which never hashed anything on any code.
 */
function bogusBatch(channel: 'users:register' | 'users:unlock') {
  // A MAC of the right shape that proves nothing: a bogus desktop can send any bytes there.
  const proof = { serial: SHARED, step: stepFrom(s.h, 30), mac: Buffer.alloc(32, 7).toString('base64') };
  return Array.from({ length: PER_BATCH }, (_, i) => ({
    key: uuidv7(new Date()),
    channel,
    request: channel === 'users:register' ? newcomer(i) : { loginId: 'ippan001' },
    operator: i % 2 ? 'kmb05871' : 'tasha001',
    proof,
    baseVersions: {},
    queuedAt: s.h.clock.now().getTime(),
  }));
}

/** B's password step, one after another, each beside what `beside` starts: each one's time in ms. */
async function loginTimes(beside: () => void = () => {}): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < LOGINS; i++) {
    beside();
    const started = performance.now();
    await value(s.call('auth:login', { loginId: 'tasha001', password: PASSWORDS.login }));
    times.push(performance.now() - started);
  }
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * B's login median beside A's bogus batches of `channel`, paced by B's logins (as the server's per-address rate
 * limit paces a real sender): the same load on any code; what differs is what each costs the KDF slots B waits for.
 */
async function besideBogus(channel: 'users:register' | 'users:unlock'): Promise<number> {
  const sent: Promise<void>[] = [];
  const refusals = new Set<string>();
  const send = async () => {
    const { outcomes } = await value<{ outcomes: { reason?: string }[] }>(s.call('sync:apply', { ...desk, operations: bogusBatch(channel) }));
    for (const o of outcomes) refusals.add(o.reason ?? 'accepted');
  };
  const times = await loginTimes(() => sent.push(...Array.from({ length: PER_LOGIN }, send)));
  await Promise.all(sent);
  expect([...refusals].sort()).toEqual(['OFFLINE_OPERATOR_INVALID', 'OFFLINE_REPLAY']);
  return median(times);
}

describe('sync:apply under load (issue 19 finding 6, SPEC R-SRV-3)', () => {
  it('SPEC R-SRV-3: bogus queued registrations of company A cost company B\'s logins no more than bogus unlocks do', async () => {
    const alone = median(await loginTimes());
    const before = await besideBogus('users:unlock');
    const loaded = await besideBogus('users:register');
    // The control before and after: the store grows with each refusal kept, and the machine's other load drifts.
    const control = Math.max(before, await besideBogus('users:unlock'));
    console.log(
      `apply load: B's login median ${alone.toFixed(1)} ms alone, ${control.toFixed(1)} ms beside ${LOGINS * PER_LOGIN} bogus batches of ${PER_BATCH} unlocks, ` +
        `${loaded.toFixed(1)} ms beside as many of registrations (${(loaded / control).toFixed(2)}x)`,
    );
    expect(loaded).toBeLessThan(RATIO * control);
  }, 60_000);
});
