import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type CoreOptions } from '../../../main/core/createCore';
import { stepAt } from '../../../main/otp/totp';
import { StoredSessionStore } from '../../../main/session/storedSessions';
import { tokenRow } from '../../support/db';
import { auditRows, createHarness, passwordStep, type Harness } from '../../support/harness';

/**
 * One login challenge opens at most one session (SPEC R-OTP-2, DESIGN-NOTES 1: a single conditional write, never
 * a read followed by a write). The attack: the password step's challenge is submitted several times at once, each
 * with a code the drift window accepts (the previous, the current and the next step). Spending the challenge is
 * the login transaction's own conditional write, so one submission wins and the others are refused with
 * CHALLENGE_INVALID, their codes left unused. Where a higher step commits first (PostgreSQL runs them in any
 * order) a lower one is refused before that, as used (OTP_REUSED) or, its window moved with the drift, OTP_INVALID.
 */
const LOSERS = ['CHALLENGE_INVALID', 'OTP_REUSED', 'OTP_INVALID'];
const SERIAL = '523405696';
const ROUNDS = 4;
const cores: [string, ((o: CoreOptions) => ReturnType<typeof createCore>) | undefined][] = [
  ['sessions in memory (desktop)', undefined],
  ['sessions in the store (company server)', (o) => createCore({ ...o, sessions: (timeouts) => new StoredSessionStore(o.store.db, timeouts) })],
];

let h: Harness;
afterEach(() => h.close());

describe.each(cores)('one challenge, one session: %s', (_kind, makeCore) => {
  it('SPEC R-OTP-2: three valid codes submitted at once on one challenge open exactly one session; the losers change nothing', async () => {
    h = await createHarness(makeCore ? { makeCore } : {});
    for (let round = 0; round < ROUNDS; round++) {
      h.clock.advance(3 * 60_000);
      const challengeId = await passwordStep(h, 'kmb05871');
      // The window follows the token's drift (SPEC R-OTP-1): the codes one step either side of where it is centred.
      const { drift } = await tokenRow(h, SERIAL);
      const codes = await Promise.all([-1, 0, 1].map((offset) => h.codeOf(SERIAL, drift + offset)));
      const before = (await auditRows(h)).length;
      const answers = await Promise.all(codes.map((otp) => h.core.api.auth.verifyOtp({ challengeId, otp })));
      const won = answers.filter((a) => a.ok);
      expect(won, `round ${round}: ${JSON.stringify(answers)}`).toHaveLength(1);
      for (const lost of answers.filter((a) => !a.ok)) expect(LOSERS, `round ${round}: ${JSON.stringify(answers)}`).toContain(lost.error.code);
      // The one session is live; the token's step is the winner's, not the highest submitted.
      const winner = won[0]!;
      if (!winner.ok) throw new Error('unreachable');
      expect(await h.core.api.auth.session({ sessionId: winner.value.sessionId })).toMatchObject({ ok: true, value: { loginId: 'kmb05871' } });
      const rows = (await auditRows(h)).slice(before).filter((r) => r.action === 'login.otp');
      expect(rows.filter((r) => r.result === 'success')).toHaveLength(1);
      // A loser refused inside its transaction is audited; one that starts after the winner committed finds no challenge and is not.
      expect(rows.filter((r) => r.result === 'failure').length).toBeLessThanOrEqual(2);
      expect((await tokenRow(h, SERIAL)).last_step).toBe(stepAt(h.clock.now(), 60) + drift + answers.indexOf(winner) - 1);
      // Spent: the challenge refuses even a fresh code afterwards.
      expect(await h.core.api.auth.verifyOtp({ challengeId, otp: await h.codeOf(SERIAL, 1) })).toEqual({ ok: false, error: { code: 'CHALLENGE_INVALID' } });
    }
  });

  it('SPEC R-LOG-3: two registrations racing on one BLGI020 challenge register once and open one session', async () => {
    h = await createHarness(makeCore ? { makeCore } : {});
    const challengeId = await passwordStep(h, 'shinki01', 'needsTokenRegistration');
    const codes = await Promise.all([0, 1].map((offset) => h.codeOf('600000001', offset)));
    const answers = await Promise.all(codes.map((otp) => h.core.api.tokens.register({ challengeId, serial: '600000001', otp })));
    expect(answers.filter((a) => a.ok), JSON.stringify(answers)).toHaveLength(1);
    const successes = (await auditRows(h)).filter((r) => r.action === 'token.register' && r.result === 'success');
    expect(successes).toHaveLength(1);
  });
});
