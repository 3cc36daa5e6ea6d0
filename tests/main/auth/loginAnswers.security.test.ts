import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../main/config/rules';
import { eachHarness } from '../../support/companyWorld';
import { userRecord } from '../../support/db';
import { loginWithOtp, passwordStep, PASSWORDS, type Harness } from '../../support/harness';
import { countKdfRuns } from '../../support/kdfCount';

/**
 * Issue 11 finding 3 (SPEC R-LOG-1, R-OTP-3): before the password is proven, the login answer must not tell
 * which IDs exist or which are locked. The attack: probe an unknown ID, a known ID with a wrong password and a
 * locked ID, and compare answers and work.
 */
let h: Harness;
eachHarness((harness) => (h = harness), { rules: { ...defaultRules, maxConsecutiveFailures: 3 } });

const SAME = { ok: false, error: { code: 'BAD_CREDENTIALS', field: 'password' } };
const probe = (loginId: string, password = 'Wrong#2026') => countKdfRuns(() => h.core.api.auth.login({ loginId, password }));

describe('issue 11 finding 3: login answers nothing before the password is proven', () => {
  it('SPEC R-LOG-1: unknown ID, wrong password and locked account give one answer after one scrypt each', async () => {
    await h.store.db.updateTable('users').set({ locked_at: h.clock.now().getTime() }).where('login_id', '=', 'ippan001').execute();
    const answers = [await probe('nobody99'), await probe('kmb05871'), await probe('ippan001')];
    expect(answers.map((a) => a.result)).toEqual([SAME, SAME, SAME]);
    expect(answers.map((a) => a.runs)).toEqual([1, 1, 1]);
  });

  it('SPEC R-OTP-3: the wrong password that locks the account is answered like the others; LOCKED only with the right password', async () => {
    const answers = [await probe('kmb05871'), await probe('kmb05871'), await probe('kmb05871')];
    expect(answers.map((a) => a.result)).toEqual([SAME, SAME, SAME]);
    expect((await userRecord(h, 'kmb05871')).locked_at).not.toBeNull();
    expect((await probe('kmb05871')).result).toEqual(SAME);
    const right = await probe('kmb05871', PASSWORDS.login);
    expect(right).toEqual({ result: { ok: false, error: { code: 'LOCKED' } }, runs: 1 });
  });

  it('SPEC R-OTP-3: the OTP step, where the password is proven, keeps its remaining-attempt hint', async () => {
    const challengeId = await passwordStep(h, 'kmb05871');
    const wrong = await h.core.api.auth.verifyOtp({ challengeId, otp: await h.codeOf('523405696', 5) });
    expect(wrong).toEqual({ ok: false, error: { code: 'OTP_INVALID', field: 'otp', attemptsLeft: 2 } });
    await loginWithOtp(h, 'test12345');
  });
});
