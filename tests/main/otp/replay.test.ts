import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../main/config/rules';
import { consumeOtp } from '../../../main/otp/consume';
import { stepAt } from '../../../main/otp/totp';
import { createCore } from '../../../main/core/createCore';
import { findTokenBySerial } from '../../../main/store/repos/tokens';
import { transact } from '../../../main/store/transaction';
import { eachHarness } from '../../support/companyWorld';
import { tokenRow } from '../../support/db';
import { DIALECT, openAt } from '../../support/stores';
import { auditRows, nextStep, passwordStep, PASSWORDS, TEST_KDF, type Harness } from '../../support/harness';

/** Two stores on one PostgreSQL are what two server instances are: there the race runs 100 rounds. */
const RACE_ROUNDS = DIALECT === 'postgres' ? 100 : 20;

/** Losing a race is a failed attempt (SPEC R-OTP-3); a high limit keeps the races below from locking anyone. */
const RULES = { ...defaultRules, maxConsecutiveFailures: 1000 };

let h: Harness;
eachHarness((harness) => (h = harness), { rules: RULES });

const verify = (challengeId: string, otp: string) => h.core.api.auth.verifyOtp({ challengeId, otp });
const outcome = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('one-time use per token (SPEC R-OTP-2)', () => {
  it('SPEC R-OTP-2: a code accepted for kmb05871 is refused for test12345, who shares token 523405696', async () => {
    const code = await h.codeOf('523405696');
    expect(await verify(await passwordStep(h, 'kmb05871'), code)).toMatchObject({ ok: true });
    expect(await verify(await passwordStep(h, 'test12345'), code)).toEqual({ ok: false, error: { code: 'OTP_REUSED', field: 'otp', attemptsLeft: 999 } });
    const last = (await auditRows(h)).at(-1);
    expect(last).toMatchObject({ actor_login_id: null, target_login_id: 'test12345', action: 'login.otp', result: 'failure', reason: 'OTP_REUSED' });
  });

  it('SPEC R-OTP-2: and for the same user again', async () => {
    const code = await h.codeOf('523405696');
    expect(await verify(await passwordStep(h, 'kmb05871'), code)).toMatchObject({ ok: true });
    expect(await verify(await passwordStep(h, 'kmb05871'), code)).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
    nextStep(h);
    expect(await verify(await passwordStep(h, 'kmb05871'), await h.codeOf('523405696'))).toMatchObject({ ok: true });
  });

  it('SPEC R-OTP-2: an earlier code of the window is refused once a later one was used', async () => {
    expect(await verify(await passwordStep(h, 'kmb05871'), await h.codeOf('523405696', 1))).toMatchObject({ ok: true });
    nextStep(h);
    // The machine's current step is the one just used (the token ran one step ahead).
    expect(await verify(await passwordStep(h, 'test12345'), await h.codeOf('523405696', 0))).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
  });

  it('SPEC R-OTP-2: two logins submitting the same code at once → exactly one ok', async () => {
    for (let round = 0; round < 10; round++) {
      const [a, b] = [await passwordStep(h, 'kmb05871'), await passwordStep(h, 'test12345')];
      const code = await h.codeOf('523405696');
      const results = await Promise.all([verify(a, code), verify(b, code)]);
      expect(results.map(outcome).sort()).toEqual(['OTP_REUSED', 'ok']);
      nextStep(h);
    }
  });

  it('SPEC R-OTP-2 / DESIGN-NOTES 1: a verification from a stale read loses the conditional write', async () => {
    const stale = (await findTokenBySerial(h.store.db, '523405696'))!;
    const code = await h.codeOf('523405696');
    const use = () => transact(h.store.db, (tx) => consumeOtp(tx, h.sealKey, h.core.deps.rules, stale, code, h.clock.now()));
    expect(await use()).toMatchObject({ ok: true });
    // Same snapshot, as if read before the first commit: the check passes but the write must refuse.
    expect(await use()).toEqual({ ok: false, error: { code: 'OTP_REUSED', field: 'otp' } });
    expect((await tokenRow(h, '523405696')).last_step).toBe(stepAt(h.clock.now(), 60));
  });

  it(`SPEC R-OTP-2: two store connections to one database racing the same code → exactly one accepted (${RACE_ROUNDS} rounds)`, async () => {
    const second = await openAt(h.location);
    const bugs: unknown[] = [];
    const other = createCore({ store: second, sealKey: h.sealKey, rules: RULES, kdf: TEST_KDF, clock: h.clock.now, logBug: (_c, e) => bugs.push(e) });
    try {
      for (let round = 0; round < RACE_ROUNDS; round++) {
        const a = await passwordStep(h, 'kmb05871');
        const b = await other.api.auth.login({ loginId: 'test12345', password: PASSWORDS.login });
        if (!b.ok) throw new Error(JSON.stringify(b));
        const code = await h.codeOf('523405696');
        const results = await Promise.all([verify(a, code), other.api.auth.verifyOtp({ challengeId: b.value.challengeId, otp: code })]);
        expect(results.map(outcome).sort()).toEqual(['OTP_REUSED', 'ok']);
        nextStep(h);
      }
      expect(bugs).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
