import { describe, expect, it } from 'vitest';
import { value } from '../../support/admin';
import { eachHarness } from '../../support/companyWorld';
import { loginWithOtp, nextStep, passwordStep, stepUp, type Harness } from '../../support/harness';

let h: Harness;
eachHarness((harness) => (h = harness));

describe('an expired token, and replacing a token (SPEC R-TOK-4, R-REV-5, R-LOG-3)', () => {
  it('SPEC R-TOK-4: an expired token is refused with its expiry, then replaced: revoke, and after the cool-down register the new one', async () => {
    const challengeId = await passwordStep(h, 'kigen001');
    expect(await h.core.api.auth.verifyOtp({ challengeId, otp: await h.codeOf('523405698') })).toEqual({
      ok: false,
      error: { code: 'TOKEN_EXPIRED', expiredAt: '2026-03-31T14:59:00.000Z' },
    });
    const admin = (await loginWithOtp(h, 'test12345')).sessionId;
    nextStep(h);
    expect(await h.core.api.tokens.revoke({ sessionId: admin, loginIds: ['kigen001'], ...(await stepUp(h)) })).toMatchObject({ ok: true });
    h.clock.advance(30 * 60_000);
    const registration = await passwordStep(h, 'kigen001', 'needsTokenRegistration');
    const session = value(await h.core.api.tokens.register({ challengeId: registration, serial: '600000001', otp: await h.codeOf('600000001') }));
    expect(session.loginId).toBe('kigen001');
    const again = (await loginWithOtp(h, 'test12345')).sessionId; // the first session idled out meanwhile
    const listed = value(await h.core.api.users.list({ sessionId: again, sort: 'loginId-asc' })).users.find((u) => u.loginId === 'kigen001');
    expect(listed).toMatchObject({ serial: '600000001', otpState: 'active', tokenExpiry: 'ok' });
  });
});
