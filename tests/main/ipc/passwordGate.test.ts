import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allChannels } from '../../../shared/contract/api';
import { value } from '../../support/admin';
import { dumpTables, expectOnlyRefusalsAudited } from '../../support/db';
import { createHarness, loginWithOtp, nextStep, stepUp, type Harness } from '../../support/harness';
import { requestTemplates } from '../../support/templates';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  const master = (await loginWithOtp(h, 'kmb05871')).sessionId;
  nextStep(h);
  const initial = { initialLoginPassword: 'Init#Login1', initialAuthPassword: 'Init#Auth1' };
  value(await h.core.api.users.register({ sessionId: master, loginId: 'shinjin01', name: '新人 一郎', userType: 'admin', ...initial, ...(await stepUp(h)) }));
});
afterEach(async () => h.close());

/** The new user's first login: the password, then BLGI020 with the free token 600000001. */
async function firstLogin(): Promise<string> {
  const step = value(await h.core.api.auth.login({ loginId: 'shinjin01', password: 'Init#Login1' }));
  nextStep(h);
  return value(await h.core.api.tokens.register({ challengeId: step.challengeId, serial: '600000001', otp: await h.codeOf('600000001') })).sessionId;
}

const OPEN = ['auth:session', 'auth:logout', 'account:change-login-password', 'account:change-auth-password'];

describe('initial passwords must be changed first (issue: provisioning, mustChangePasswords)', () => {
  it('every other session channel → PASSWORD_CHANGE_REQUIRED, before its service runs: nothing changes but one audit row each (SPEC R-GEN-2)', async () => {
    const sessionId = await firstLogin();
    nextStep(h);
    const otp = await h.codeOf('600000001');
    const templates = requestTemplates({ sessionId, otpChallenge: '', registration: '', otp, resync: [otp, otp], target: 'kigen001' });
    const gated = allChannels().filter((c) => c.access !== 'public' && !OPEN.includes(c.name));
    expect(gated.length).toBeGreaterThan(15);
    const before = await dumpTables(h.store.db);
    for (const { name } of gated) {
      expect({ name, result: await h.core.dispatch(name, templates[name]) }).toEqual({ name, result: { ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } } });
    }
    const refusals = { count: gated.length, actor: 'shinjin01', reason: 'PASSWORD_CHANGE_REQUIRED' };
    expectOnlyRefusalsAudited(before, await dumpTables(h.store.db), refusals);
    expect(await h.core.api.auth.session({ sessionId })).toMatchObject({ ok: true, value: { mustChangePasswords: true } });
  });

  it('one password changed is not enough; with both, every live session of the user is free at once', async () => {
    const first = await firstLogin();
    const step = value(await h.core.api.auth.login({ loginId: 'shinjin01', password: 'Init#Login1' }));
    nextStep(h);
    const second = value(await h.core.api.auth.verifyOtp({ challengeId: step.challengeId, otp: await h.codeOf('600000001') }));
    expect(second.mustChangePasswords).toBe(true);
    expect(await h.core.api.account.changeLoginPassword({ sessionId: first, current: 'Init#Login1', next: 'Mine#Login1' })).toEqual({ ok: true, value: {} });
    expect(await h.core.api.top.get({ sessionId: first })).toEqual({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect(await h.core.api.auth.session({ sessionId: first })).toMatchObject({ ok: true, value: { mustChangePasswords: true } });
    expect(await h.core.api.account.changeAuthPassword({ sessionId: first, current: 'Init#Auth1', next: 'Mine#Auth1' })).toEqual({ ok: true, value: {} });
    for (const sessionId of [first, second.sessionId]) {
      expect(await h.core.api.top.get({ sessionId })).toMatchObject({ ok: true });
      expect(await h.core.api.auth.session({ sessionId })).toMatchObject({ ok: true, value: { mustChangePasswords: false } });
    }
    expect(await h.core.api.users.list({ sessionId: first, sort: 'loginId-asc' })).toMatchObject({ ok: true });
  });

  it('logging out stays possible while the change is pending', async () => {
    const sessionId = await firstLogin();
    expect(await h.core.api.auth.logout({ sessionId })).toEqual({ ok: true, value: {} });
  });
});
