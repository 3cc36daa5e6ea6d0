import { describe, expect, it } from 'vitest';
import { stepAt } from '../../../main/otp/totp';
import { value } from '../../support/admin';
import { eachHarness } from '../../support/companyWorld';
import { userRecord } from '../../support/db';
import { auditRows, PASSWORDS, type Harness } from '../../support/harness';

const SHARED = '523405696';
let h: Harness;
eachHarness((harness) => (h = harness));

const nowStep = () => stepAt(h.clock.now(), 60);
const setLastStep = (step: number) => h.store.db.updateTable('tokens').set({ last_step: step }).where('serial', '=', SHARED).execute();

async function tryCode(loginId: string) {
  const challenge = value(await h.core.api.auth.login({ loginId, password: PASSWORDS.login }));
  if (challenge.kind !== 'needsOtp') throw new Error('no OTP step');
  return h.core.api.auth.verifyOtp({ challengeId: challenge.challengeId, otp: await h.codeOf(SHARED) });
}

/**
 * Issue 19 finding 2: a token's last step ahead of the top of the drift window can only be a record no
 * legitimate use explains (an offline report recorded before reports were checked against the clock). The
 * current code is still refused, since its step may be spent, but the refusal counts towards nobody's lock.
 */
describe('refusals caused by a step recorded ahead of the clock (SPEC R-OTP-2, R-OTP-3)', () => {
  it('SPEC R-OTP-3: with last_step 480 steps ahead, every co-holder\'s current code is refused OTP_AHEAD_OF_CLOCK, audited, and nobody is locked', async () => {
    await setLastStep(nowStep() + 480);
    const limit = h.core.deps.rules.maxConsecutiveFailures;
    for (let i = 0; i <= limit; i++) {
      for (const loginId of ['kmb05871', 'test12345']) expect(await tryCode(loginId)).toEqual({ ok: false, error: { code: 'OTP_AHEAD_OF_CLOCK', field: 'otp' } });
      h.clock.advance(60_000);
    }
    for (const loginId of ['kmb05871', 'test12345']) expect(await userRecord(h, loginId)).toMatchObject({ failed_attempts: 0, locked_at: null });
    const refusals = (await auditRows(h)).filter((r) => r.action === 'login.otp');
    expect(refusals).toHaveLength(2 * (limit + 1));
    expect(new Set(refusals.map((r) => `${r.result}:${r.reason}`))).toEqual(new Set(['failure:OTP_AHEAD_OF_CLOCK']));
  });

  it('SPEC R-OTP-2, R-OTP-3: a step within the window (used legitimately) still answers OTP_REUSED and counts; at the top of the window too', async () => {
    await setLastStep(nowStep());
    expect(await tryCode('test12345')).toMatchObject({ ok: false, error: { code: 'OTP_REUSED', attemptsLeft: h.core.deps.rules.maxConsecutiveFailures - 1 } });
    await setLastStep(nowStep() + h.core.deps.rules.otp.driftWindowSteps);
    expect(await tryCode('test12345')).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
    expect(await userRecord(h, 'test12345')).toMatchObject({ failed_attempts: 2 });
  });
});
