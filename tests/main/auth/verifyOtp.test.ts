import { describe, expect, it } from 'vitest';
import { eachHarness } from '../../support/companyWorld';
import { tokenRow } from '../../support/db';
import { auditRows, PASSWORDS, passwordStep, type Harness } from '../../support/harness';

let h: Harness;
eachHarness((harness) => (h = harness));

describe('the OTP step of the login (SPEC R-LOG-2, R-TOK-4)', () => {
  it('SPEC R-TOK-4: kigen001, whose token 523405698 expired, is refused with TOKEN_EXPIRED at the OTP step', async () => {
    const challengeId = await passwordStep(h, 'kigen001');
    const expired = await tokenRow(h, '523405698');
    const result = await h.core.api.auth.verifyOtp({ challengeId, otp: await h.codeOf('523405698') });
    expect(result).toEqual({ ok: false, error: { code: 'TOKEN_EXPIRED', expiredAt: new Date(expired.expires_at).toISOString() } });
    expect(new Date(expired.expires_at).toISOString()).toBe('2026-03-31T14:59:00.000Z');
    expect((await tokenRow(h, '523405698')).last_step).toBe(-1);
    expect((await auditRows(h)).at(-1)).toMatchObject({ actor_login_id: null, target_login_id: 'kigen001', action: 'login.otp', result: 'failure', reason: 'TOKEN_EXPIRED' });
  });

  it('a challenge expires 5 minutes after the password step', async () => {
    const challengeId = await passwordStep(h, 'kmb05871');
    h.clock.advance(5 * 60_000 - 1_000);
    const early = await h.core.api.auth.verifyOtp({ challengeId, otp: await h.codeOf('523405696', 3) });
    expect(early).toMatchObject({ ok: false, error: { code: 'OTP_INVALID' } });
    h.clock.advance(1_000);
    const late = await h.core.api.auth.verifyOtp({ challengeId, otp: await h.codeOf('523405696') });
    expect(late).toEqual({ ok: false, error: { code: 'CHALLENGE_INVALID' } });
  });

  it('a challenge for token registration cannot be used at the OTP step, nor the reverse', async () => {
    const registration = await passwordStep(h, 'shinki01', 'needsTokenRegistration');
    expect(await h.core.api.auth.verifyOtp({ challengeId: registration, otp: await h.codeOf('523405696') })).toEqual({
      ok: false,
      error: { code: 'CHALLENGE_INVALID' },
    });
    const otp = await passwordStep(h, 'kmb05871');
    expect(await h.core.api.tokens.register({ challengeId: otp, serial: '600000001', otp: await h.codeOf('600000001') })).toEqual({
      ok: false,
      error: { code: 'CHALLENGE_INVALID' },
    });
  });

  it('SPEC R-LOG-1: the login password and the authentication password are different secrets', async () => {
    expect(await h.core.api.auth.login({ loginId: 'kmb05871', password: PASSWORDS.auth })).toMatchObject({
      ok: false,
      error: { code: 'BAD_CREDENTIALS' },
    });
  });
});
