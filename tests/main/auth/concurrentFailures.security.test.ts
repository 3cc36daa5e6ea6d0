import { afterEach, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../main/config/rules';
import { userRecord } from '../../support/db';
import { createCore } from '../../../main/core/createCore';
import { StoredSessionStore } from '../../../main/session/storedSessions';
import type { Store } from '../../../main/store/store';
import { auditRows, createHarness, PASSWORDS, TEST_KDF, type Harness } from '../../support/harness';
import { openAt } from '../../support/stores';

/**
 * Every failed attempt counts (SPEC R-OTP-3, RFC 4226 §7.3): the counter is one atomic UPDATE, so failures arriving
 * at once on one user (a guessing script, or many server instances) are each counted, none lost to a retry that
 * ran out, and the lock is reached and recorded once. The attack: many wrong passwords for one ID in parallel.
 */
let h: Harness;
const extra: Store[] = [];
afterEach(async () => {
  await Promise.all(extra.splice(0).map((s) => s.close()));
  await h.close();
});

const SAME = { ok: false, error: { code: 'BAD_CREDENTIALS', field: 'password' } };
const guesses = (n: number) => Promise.all(Array.from({ length: n }, (_, i) => h.core.api.auth.login({ loginId: 'kmb05871', password: `Guess#${i}x` })));

describe('concurrent failures on one user are all counted (SPEC R-OTP-3)', () => {
  it('SPEC R-OTP-3: 40 wrong passwords at once → a count of 40, 40 audit rows, every answer the same', async () => {
    h = await createHarness({ rules: { ...defaultRules, maxConsecutiveFailures: 1_000 } });
    const answers = await guesses(40);
    expect(answers).toEqual(answers.map(() => SAME));
    expect((await userRecord(h, 'kmb05871')).failed_attempts).toBe(40);
    const rows = (await auditRows(h)).filter((r) => r.action === 'login.password');
    expect(rows).toHaveLength(40);
  });

  it('SPEC R-OTP-3: 200 wrong codes at once on one OTP step, through ten instances over one store → a count of 200', async () => {
    h = await createHarness({ rules: { ...defaultRules, maxConsecutiveFailures: 1_000 } });
    // Ten company-server instances, each with its own connections, sharing the challenge through the store; a
    // wrong code costs no KDF, so the failures reach the counter together.
    const stores = await Promise.all(Array.from({ length: 10 }, () => openAt(h.location)));
    extra.push(...stores);
    const instances = stores.map((store) =>
      createCore({
        store,
        sealKey: h.sealKey,
        kdf: TEST_KDF,
        clock: h.clock.now,
        rules: h.core.deps.rules,
        logBug: (_c, e) => h.bugs.push(e),
        sessions: (t) => new StoredSessionStore(store.db, t),
      }),
    );
    const step = await instances[0]!.api.auth.login({ loginId: 'kmb05871', password: PASSWORDS.login });
    if (!step.ok) throw new Error('password step refused');
    const wrong = await h.codeOf('523405696', 5);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => instances[i % instances.length]!.api.auth.verifyOtp({ challengeId: step.value.challengeId, otp: wrong })),
    );
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(answers.map(() => 'OTP_INVALID'));
    expect((await userRecord(h, 'kmb05871')).failed_attempts).toBe(200);
    expect((await auditRows(h)).filter((r) => r.action === 'login.otp' && r.result === 'failure')).toHaveLength(200);
  });

  it('SPEC R-OTP-3: 12 wrong passwords at once with a limit of 5 → a count of 12, locked, one user.lock row', async () => {
    h = await createHarness({ rules: { ...defaultRules, maxConsecutiveFailures: 5 } });
    const answers = await guesses(12);
    expect(answers).toEqual(answers.map(() => SAME));
    const user = await userRecord(h, 'kmb05871');
    expect(user.failed_attempts).toBe(12);
    expect(user.locked_at).not.toBeNull();
    const rows = await auditRows(h);
    expect(rows.filter((r) => r.action === 'login.password')).toHaveLength(12);
    expect(rows.filter((r) => r.action === 'user.lock').map((r) => [r.actor_login_id, r.target_login_id, r.reason])).toEqual([[null, 'kmb05871', 'FAILURE_LIMIT']]);
  });
});
