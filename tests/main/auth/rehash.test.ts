import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/createCore';
import { userRecord } from '../../support/db';
import { createHarness, PASSWORDS, type Harness } from '../../support/harness';

const ARGON2 = { algorithm: 'argon2id', memoryKiB: 1024, t: 1, p: 1 } as const;

let h: Harness;
afterEach(async () => h.close());

describe('old password hashes are replaced at the next successful check (server KDF)', () => {
  it('a scrypt login password becomes Argon2id at the next good login; a wrong one changes nothing', async () => {
    h = await createHarness();
    const server = createCore({ store: h.store, sealKey: h.sealKey, clock: h.clock.now, kdf: ARGON2 });
    const before = (await userRecord(h, 'kmb05871')).login_password_hash;
    expect(before).toMatch(/^scrypt\$/);
    expect(await server.api.auth.login({ loginId: 'kmb05871', password: 'Wrong#2026' })).toMatchObject({ ok: false });
    expect((await userRecord(h, 'kmb05871')).login_password_hash).toBe(before);
    expect(await server.api.auth.login({ loginId: 'kmb05871', password: PASSWORDS.login })).toMatchObject({ ok: true });
    const after = await userRecord(h, 'kmb05871');
    expect(after.login_password_hash).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(after.auth_password_hash).toMatch(/^scrypt\$/);
    expect(await server.api.auth.login({ loginId: 'kmb05871', password: PASSWORDS.login })).toMatchObject({ ok: true });
  });

  it('the authentication password is replaced after a successful step-up', async () => {
    h = await createHarness();
    const server = createCore({ store: h.store, sealKey: h.sealKey, clock: h.clock.now, kdf: ARGON2 });
    const step = await server.api.auth.login({ loginId: 'kmb05871', password: PASSWORDS.login });
    if (!step.ok) throw new Error('login refused');
    const session = await server.api.auth.verifyOtp({ challengeId: step.value.challengeId, otp: await h.codeOf('523405696') });
    if (!session.ok) throw new Error('OTP refused');
    h.clock.advance(60_000);
    const unlock = await server.api.users.unlock({ sessionId: session.value.sessionId, loginId: 'ippan001', authPassword: PASSWORDS.auth, otp: await h.codeOf('523405696') });
    expect(unlock).toMatchObject({ ok: false, error: { code: 'NOT_LOCKED' } });
    expect((await userRecord(h, 'kmb05871')).auth_password_hash).toMatch(/^scrypt\$/);
    h.clock.advance(60_000);
    const revoke = await server.api.tokens.revoke({ sessionId: session.value.sessionId, loginIds: ['ippan001'], authPassword: PASSWORDS.auth, otp: await h.codeOf('523405696') });
    expect(revoke).toMatchObject({ ok: true });
    expect((await userRecord(h, 'kmb05871')).auth_password_hash).toMatch(/^\$argon2id\$/);
  });
});
