import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../main/config/rules';
import { USER_SORTS, type UserSort } from '../../../shared/contract/models';
import { eachCompanyWorld } from '../../support/companyWorld';
import { tokenRow } from '../../support/db';
import { createHarness, loginWithOtp, nextStep, stepUp, type Harness } from '../../support/harness';

let h: Harness;
let master: string;
eachCompanyWorld('kmb05871', (w) => ({ h, sessionId: master } = w), { nextStep: false });

async function list(sort: UserSort = 'loginId-asc', sessionId = master) {
  const result = await h.core.api.users.list({ sessionId, sort });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.users;
}

/** Sorted orders of the demo company (ties broken by login ID ascending). */
const ORDERS: Record<UserSort, string[]> = {
  'loginId-asc': ['ippan001', 'kigen001', 'kmb05871', 'shinki01', 'test12345'],
  'loginId-desc': ['test12345', 'shinki01', 'kmb05871', 'kigen001', 'ippan001'],
  // 'aaaaa' < 一 (U+4E00) < 新 (U+65B0) < 期 (U+671F) < 熊 (U+718A)
  'name-asc': ['test12345', 'ippan001', 'shinki01', 'kigen001', 'kmb05871'],
  'name-desc': ['kmb05871', 'kigen001', 'shinki01', 'ippan001', 'test12345'],
  'userType-asc': ['kmb05871', 'test12345', 'ippan001', 'kigen001', 'shinki01'],
  'userType-desc': ['ippan001', 'kigen001', 'shinki01', 'test12345', 'kmb05871'],
  'otpState-asc': ['ippan001', 'kigen001', 'kmb05871', 'test12345', 'shinki01'],
  // No token first, then by expiry: 2026-03-31, in 30 days, 2031-03-31 (two users).
  'tokenExpiresAt-asc': ['shinki01', 'kigen001', 'ippan001', 'kmb05871', 'test12345'],
};

describe('the users list of BRSK027 (SPEC R-REV-2)', () => {
  it('SPEC R-REV-2, R-TOK-4: every user of the company with every column (expiry warning included), none of the other company', async () => {
    const near = new Date((await tokenRow(h, '523405697')).expires_at).toISOString();
    expect(await list()).toEqual([
      { loginId: 'ippan001', name: '一般 花子', userType: 'general', serial: '523405697', otpState: 'active', tokenExpiresAt: near, tokenExpiry: 'soon', reRegistrationAt: null },
      { loginId: 'kigen001', name: '期限 切子', userType: 'general', serial: '523405698', otpState: 'active', tokenExpiresAt: '2026-03-31T14:59:00.000Z', tokenExpiry: 'expired', reRegistrationAt: null },
      { loginId: 'kmb05871', name: '熊瀬 太郎', userType: 'master', serial: '523405696', otpState: 'active', tokenExpiresAt: '2031-03-31T14:59:00.000Z', tokenExpiry: 'ok', reRegistrationAt: null },
      { loginId: 'shinki01', name: '新規 次郎', userType: 'general', serial: null, otpState: 'none', tokenExpiresAt: null, tokenExpiry: null, reRegistrationAt: null },
      { loginId: 'test12345', name: 'aaaaa', userType: 'admin', serial: '523405696', otpState: 'active', tokenExpiresAt: '2031-03-31T14:59:00.000Z', tokenExpiry: 'ok', reRegistrationAt: null },
    ]);
  });

  it.each(USER_SORTS.map((s) => [s]))('SPEC R-REV-2: sort %s gives its order', async (sort) => {
    expect((await list(sort)).map((u) => u.loginId)).toEqual(ORDERS[sort]);
  });

  it('SPEC R-REV-2: otpState shows active, revoked (with the serial and re-registration time), none and locked', async () => {
    nextStep(h);
    expect(await h.core.api.tokens.revoke({ sessionId: master, loginIds: ['test12345'], ...(await stepUp(h)) })).toMatchObject({ ok: true });
    for (let i = 0; i < 5; i++) await h.core.api.auth.login({ loginId: 'ippan001', password: 'wrong' });
    const byId = Object.fromEntries((await list()).map((u) => [u.loginId, u]));
    expect(byId.kmb05871).toMatchObject({ otpState: 'active' });
    expect(byId.test12345).toMatchObject({ otpState: 'revoked', serial: '523405696', reRegistrationAt: new Date(h.clock.now().getTime() + 30 * 60_000).toISOString() });
    expect(byId.shinki01).toMatchObject({ otpState: 'none', serial: null });
    expect(byId.ippan001).toMatchObject({ otpState: 'locked', serial: '523405697' });
    expect((await list('otpState-asc')).map((u) => [u.loginId, u.otpState])).toEqual([
      ['kigen001', 'active'],
      ['kmb05871', 'active'],
      ['ippan001', 'locked'],
      ['shinki01', 'none'],
      ['test12345', 'revoked'],
    ]);
  });

  it('SPEC R-REV-2: an admin sees the same list; the other company\'s master sees only their own', async () => {
    nextStep(h);
    const admin = await loginWithOtp(h, 'test12345');
    expect((await list('loginId-asc', admin.sessionId)).map((u) => u.loginId)).toEqual(ORDERS['loginId-asc']);
    const other = await loginWithOtp(h, 'tasha001', '700000001');
    expect((await list('loginId-asc', other.sessionId)).map((u) => u.loginId)).toEqual(['tasha001']);
  });

  it('SPEC R-TOK-4 Reading: the warning period is the configured one; a token is expired from its expiry instant', async () => {
    const short = await createHarness({ rules: { ...defaultRules, tokenExpiryWarningDays: 29 } });
    try {
      const session = await loginWithOtp(short, 'kmb05871');
      const rows = await short.core.api.users.list({ sessionId: session.sessionId, sort: 'loginId-asc' });
      if (!rows.ok) throw new Error(JSON.stringify(rows));
      expect(rows.value.users.find((u) => u.loginId === 'ippan001')?.tokenExpiry).toBe('ok');
      short.clock.set(new Date((await tokenRow(short, '523405697')).expires_at));
      const later = await loginWithOtp(short, 'kmb05871');
      const atExpiry = await short.core.api.users.list({ sessionId: later.sessionId, sort: 'loginId-asc' });
      expect(atExpiry.ok && atExpiry.value.users.find((u) => u.loginId === 'ippan001')?.tokenExpiry).toBe('expired');
    } finally {
      await short.close();
    }
  });

  it('DESIGN-NOTES 6: a row carries no hash, seed or internal ID', async () => {
    for (const row of await list()) {
      expect(Object.keys(row).sort()).toEqual(['loginId', 'name', 'otpState', 'reRegistrationAt', 'serial', 'tokenExpiresAt', 'tokenExpiry', 'userType']);
    }
  });
});
