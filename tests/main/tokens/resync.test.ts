import { describe, expect, it } from 'vitest';
import { eachCompanyWorld } from '../../support/companyWorld';
import { tokenRow } from '../../support/db';
import { auditRows, loginWithOtp, nextStep, passwordStep, PASSWORDS, type Harness } from '../../support/harness';

let h: Harness;
let master: string;
eachCompanyWorld('kmb05871', (w) => ({ h, sessionId: master } = w), { nextStep: false });

const resync = async (serial: string, first: number, second: number, sessionId = master, authPassword: string = PASSWORDS.auth) =>
  h.core.api.tokens.resync({ sessionId, serial, firstOtp: await h.codeOf(serial, first), secondOtp: await h.codeOf(serial, second), authPassword });

describe('admin resynchronisation (SPEC R-OTP-1)', () => {
  it('SPEC R-OTP-1: two consecutive codes at +8/+9 re-anchor the drift, audited', async () => {
    const auditBefore = (await auditRows(h)).length;
    expect(await resync('523405697', 8, 9)).toEqual({ ok: true, value: { driftSteps: 9 } });
    expect((await tokenRow(h, '523405697')).drift).toBe(9);
    expect((await auditRows(h)).slice(auditBefore)).toEqual([
      expect.objectContaining({ actor_login_id: 'kmb05871', action: 'token.resync', target_login_id: '523405697', result: 'success', detail: JSON.stringify({ driftSteps: 9 }) }),
    ]);
    // The owner's next login is verified around the new drift: one minute later, a code 9 steps ahead passes.
    nextStep(h);
    const challengeId = await passwordStep(h, 'ippan001');
    expect(await h.core.api.auth.verifyOtp({ challengeId, otp: await h.codeOf('523405697', 9) })).toMatchObject({ ok: true });
  });

  it('SPEC R-OTP-1: the resynchronised codes cannot be used again', async () => {
    const first = await h.codeOf('523405697', 8);
    const second = await h.codeOf('523405697', 9);
    const call = () => h.core.api.tokens.resync({ sessionId: master, serial: '523405697', firstOtp: first, secondOtp: second, authPassword: PASSWORDS.auth });
    expect(await call()).toMatchObject({ ok: true });
    expect(await call()).toEqual({ ok: false, error: { code: 'RESYNC_FAILED', field: 'firstOtp', attemptsLeft: 4 } });
  });

  it('SPEC R-OTP-1: a non-consecutive pair → RESYNC_FAILED, drift unchanged, audited', async () => {
    expect(await resync('523405697', 7, 9)).toEqual({ ok: false, error: { code: 'RESYNC_FAILED', field: 'firstOtp', attemptsLeft: 4 } });
    expect(await resync('523405697', 9, 8)).toMatchObject({ ok: false, error: { code: 'RESYNC_FAILED' } });
    expect((await tokenRow(h, '523405697')).drift).toBe(0);
    expect((await auditRows(h)).at(-1)).toMatchObject({ action: 'token.resync', result: 'failure', reason: 'RESYNC_FAILED' });
  });

  it('SPEC R-OTP-1: a pair beyond the configured search window → RESYNC_FAILED', async () => {
    expect(await resync('523405697', 45, 46)).toMatchObject({ ok: false, error: { code: 'RESYNC_FAILED' } });
  });

  it('SPEC R-OTP-4: a wrong authentication password → BAD_AUTH_PASSWORD, drift unchanged', async () => {
    expect(await resync('523405697', 10, 11, master, 'wrong')).toEqual({
      ok: false,
      error: { code: 'BAD_AUTH_PASSWORD', field: 'authPassword', attemptsLeft: 4 },
    });
    expect((await tokenRow(h, '523405697')).drift).toBe(0);
  });

  it('SPEC R-TOK-3: a token of another company is not found', async () => {
    expect(await resync('700000001', 10, 11)).toEqual({ ok: false, error: { code: 'TOKEN_NOT_FOUND', field: 'serial' } });
  });

  it('SPEC R-REV-1: a general user → FORBIDDEN', async () => {
    nextStep(h);
    const general = await loginWithOtp(h, 'ippan001', '523405697');
    expect(await resync('523405696', 10, 11, general.sessionId)).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await tokenRow(h, '523405696')).drift).toBe(0);
  });
});
