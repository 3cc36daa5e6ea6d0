import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assign } from '../../../main/store/repos/provision';
import { assignments, dumpTables, tokenRow, userRecord } from '../../support/db';
import { auditRows, createHarness, loginWithOtp, nextStep, passwordStep, type Harness } from '../../support/harness';

let h: Harness;
let challengeId: string;
beforeEach(async () => {
  h = await createHarness();
  challengeId = await passwordStep(h, 'shinki01', 'needsTokenRegistration');
});
afterEach(async () => h.close());

const register = async (serial: string, otp?: string) =>
  h.core.api.tokens.register({ challengeId, serial, otp: otp ?? (await h.codeOf(serial.normalize('NFKC'))) });

describe('serial number input (SPEC R-TOK-5)', () => {
  it.each([
    ['7 digits', '6000000'],
    ['13 digits', '6000000010000'],
    ['letters', '60000000a'],
    ['a hyphen', '6000-0001'],
    ['empty', ''],
  ])('SPEC R-TOK-5: a serial of %s → VALIDATION on field serial, nothing written', async (_label, serial) => {
    const before = await dumpTables(h.store.db);
    expect(await register(serial, '123456')).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'serial' } });
    expect(await dumpTables(h.store.db)).toEqual(before);
  });

  it('SPEC R-TOK-5, R-LOG-3: full-width digits are normalised; the token is registered and a session opens at once', async () => {
    const result = await register('６０００００００１', await h.codeOf('600000001'));
    expect(result).toMatchObject({ ok: true, value: { loginId: 'shinki01', name: '新規 次郎', userType: 'general' } });
    if (!result.ok) return;
    expect(await h.core.api.auth.session({ sessionId: result.value.sessionId })).toMatchObject({ ok: true });
    const token = await tokenRow(h, '600000001');
    const user = await userRecord(h, 'shinki01');
    expect(token.company_id).toBe(user.company_id);
    expect((await assignments(h)).filter((a) => a.user_id === user.id)).toEqual([expect.objectContaining({ token_id: token.id, state: 'active' })]);
    expect((await auditRows(h)).at(-1)).toMatchObject({ actor_login_id: 'shinki01', action: 'token.register', target_login_id: 'shinki01', result: 'success' });
  });

  it('SPEC R-LOG-3: the challenge is spent by a successful registration', async () => {
    expect(await register('600000001')).toMatchObject({ ok: true });
    nextStep(h);
    expect(await register('600000001')).toEqual({ ok: false, error: { code: 'CHALLENGE_INVALID' } });
  });

  it('SPEC R-LOG-3: a wrong OTP registers nothing and consumes nothing; the challenge stays for a retry', async () => {
    expect(await register('600000001', await h.codeOf('600000001', 3))).toEqual({
      ok: false,
      error: { code: 'OTP_INVALID', field: 'otp', attemptsLeft: 4 },
    });
    expect(await tokenRow(h, '600000001')).toMatchObject({ company_id: null, last_step: -1 });
    expect(await register('600000001')).toMatchObject({ ok: true });
  });

  it('an unknown serial → TOKEN_NOT_FOUND on field serial, counted as a failed attempt', async () => {
    expect(await register('123456789', '123456')).toEqual({ ok: false, error: { code: 'TOKEN_NOT_FOUND', field: 'serial', attemptsLeft: 4 } });
  });
});

describe('token ownership (SPEC R-TOK-1..4)', () => {
  it('SPEC R-TOK-3: a token of another company → TOKEN_OTHER_COMPANY, its OTP not consumed', async () => {
    expect(await register('700000001')).toEqual({ ok: false, error: { code: 'TOKEN_OTHER_COMPANY', field: 'serial' } });
    expect(await tokenRow(h, '700000001')).toMatchObject({ last_step: -1 });
    expect((await auditRows(h)).at(-1)).toMatchObject({ actor_login_id: null, target_login_id: 'shinki01', action: 'token.register', result: 'failure', reason: 'TOKEN_OTHER_COMPANY' });
  });

  it('SPEC R-TOK-1: a token may be shared: shinki01 registers 523405696, already used by two users', async () => {
    expect(await register('523405696')).toMatchObject({ ok: true });
    const token = await tokenRow(h, '523405696');
    expect((await assignments(h)).filter((a) => a.token_id === token.id && a.state === 'active')).toHaveLength(3);
    // The earlier holders keep using it, each with a fresh code.
    nextStep(h);
    expect((await loginWithOtp(h, 'kmb05871')).loginId).toBe('kmb05871');
    nextStep(h);
    expect((await loginWithOtp(h, 'test12345')).loginId).toBe('test12345');
  });

  it('SPEC R-TOK-2: a user who got an active token meanwhile cannot register a second one', async () => {
    const user = await userRecord(h, 'shinki01');
    const other = await tokenRow(h, '523405696');
    await assign(h.store.db, user.id, other.id, h.clock.now());
    const before = await dumpTables(h.store.db);
    expect(await register('600000001')).toMatchObject({ ok: false, error: { code: 'ALREADY_HAS_TOKEN' } });
    const after = await dumpTables(h.store.db);
    expect(after.token_assignments).toEqual(before.token_assignments);
    expect(after.tokens).toEqual(before.tokens);
  });

  it('SPEC R-TOK-2: the store itself refuses a second active assignment', async () => {
    const user = await userRecord(h, 'shinki01');
    await assign(h.store.db, user.id, (await tokenRow(h, '523405696')).id, h.clock.now());
    await expect(assign(h.store.db, user.id, (await tokenRow(h, '600000001')).id, h.clock.now())).rejects.toThrow(/unique/i);
  });

  it('SPEC R-TOK-4: an expired token cannot be registered', async () => {
    const expired = await tokenRow(h, '523405698');
    expect(await register('523405698')).toEqual({ ok: false, error: { code: 'TOKEN_EXPIRED', expiredAt: new Date(expired.expires_at).toISOString() } });
  });

  it('a disabled token → TOKEN_DISABLED', async () => {
    await h.store.db.updateTable('tokens').set({ state: 'disabled' }).where('serial', '=', '600000001').execute();
    expect(await register('600000001')).toMatchObject({ ok: false, error: { code: 'TOKEN_DISABLED' } });
  });
});
