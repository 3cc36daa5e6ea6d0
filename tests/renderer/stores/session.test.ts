// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useNavigation } from '../../../renderer/src/stores/navigation';
import { useRevocation } from '../../../renderer/src/stores/revocation';
import { useSession } from '../../../renderer/src/stores/session';
import { useUserAdmin } from '../../../renderer/src/stores/userAdmin';
import { PASSWORDS, type Harness } from '../../support/harness';
import { bridgedHarness } from '../support/bridge';

const MINUTE = 60_000;
let h: Harness & { calls: string[] };

beforeEach(async () => {
  h = await bridgedHarness();
  useNavigation.setState({ view: 'login', visit: 0, returnTo: 'login' });
  useSession.setState({ info: null, pending: null, farewell: null });
});
afterEach(() => h.close());

async function logIn(loginId: string, serial = '523405696') {
  expect(await useSession.getState().login(loginId, PASSWORDS.login)).toBeNull();
  h.clock.advance(MINUTE);
  expect(await useSession.getState().verifyOtp(await h.codeOf(serial))).toBeNull();
}

describe('session store over the real services (SPEC R-LOG-1, R-LOG-2)', () => {
  it('password then OTP: the OTP step, then the top page with the session', async () => {
    expect(await useSession.getState().login('kmb05871', PASSWORDS.login)).toBeNull();
    expect(useNavigation.getState().view).toBe('otp');
    expect(useSession.getState().pending?.kind).toBe('needsOtp');
    expect(await useSession.getState().verifyOtp(await h.codeOf('523405696'))).toBeNull();
    expect(useNavigation.getState().view).toBe('top');
    expect(useSession.getState().info?.loginId).toBe('kmb05871');
    expect(useSession.getState().pending).toBeNull();
  });

  it('SPEC R-LOG-2: a user without a token goes to BLGI020', async () => {
    expect(await useSession.getState().login('shinki01', PASSWORDS.login)).toBeNull();
    expect(useNavigation.getState().view).toBe('register');
  });

  it('SPEC R-OTP-3: a wrong password is answered without the attempts left (issue 11 finding 3) and stays on login', async () => {
    const error = await useSession.getState().login('kmb05871', 'not-the-password');
    expect(error).toEqual({ code: 'BAD_CREDENTIALS', field: 'password' });
    expect(useNavigation.getState().view).toBe('login');
    expect(useSession.getState().pending).toBeNull();
  });

  it('ログアウト forgets the session and says why on BLGI001', async () => {
    await logIn('kmb05871');
    await useSession.getState().logout();
    expect(useSession.getState().info).toBeNull();
    expect(useSession.getState().farewell).toEqual({ code: 'SESSION_EXPIRED', reason: 'logout' });
    expect(useNavigation.getState().view).toBe('login');
  });
});

describe('revocation store (SPEC R-REV-2, R-REV-3)', () => {
  it('全て selects only users whose token can be revoked, and 再表示 keeps the selection of users still listed', async () => {
    await logIn('kmb05871');
    await useRevocation.getState().load('loginId-asc');
    expect(useRevocation.getState().users.map((u) => u.loginId)).toEqual(['ippan001', 'kigen001', 'kmb05871', 'shinki01', 'test12345']);
    useRevocation.getState().toggleAll();
    expect([...useRevocation.getState().selected].sort()).toEqual(['ippan001', 'kigen001', 'kmb05871', 'test12345']);
    await useRevocation.getState().load('name-desc');
    expect(useRevocation.getState().selected.size).toBe(4);
    useRevocation.getState().toggleAll();
    expect(useRevocation.getState().selected.size).toBe(0);
  });

  it('revokes the selection and opens BRSK028 with the users 失効中', async () => {
    await logIn('kmb05871');
    await useRevocation.getState().load('loginId-asc');
    useRevocation.getState().toggle('ippan001');
    h.clock.advance(MINUTE);
    expect(await useRevocation.getState().revoke(PASSWORDS.auth, await h.codeOf('523405696'))).toBeNull();
    expect(useNavigation.getState().view).toBe('revokeResult');
    expect(useRevocation.getState().result?.revoked.map((u) => [u.loginId, u.otpState])).toEqual([['ippan001', 'revoked']]);
    expect(useRevocation.getState().selected.size).toBe(0);
  });

  it('a new session starts with an empty selection', async () => {
    await logIn('kmb05871');
    await useRevocation.getState().load('loginId-asc');
    useRevocation.getState().toggle('ippan001');
    await useSession.getState().logout();
    expect(useRevocation.getState().selected.size).toBe(0);
    expect(useRevocation.getState().loaded).toBe(false);
  });
});

describe('トークンの同期 through the admin store (SPEC R-OTP-1)', () => {
  it('two consecutive codes of a drifted token resynchronise it; the outcome names the serial', async () => {
    await logIn('test12345');
    const request = { serial: '５２３４０５６９７', firstOtp: await h.codeOf('523405697', 5), secondOtp: await h.codeOf('523405697', 6), authPassword: PASSWORDS.auth };
    expect(await useUserAdmin.getState().resync(request)).toBeNull();
    expect(useUserAdmin.getState().outcome).toEqual({ kind: 'resynced', serial: '523405697' });
    expect(h.calls).toContain('tokens:resync');
  });

  it('codes that are not consecutive are refused at the first code', async () => {
    await logIn('test12345');
    const request = { serial: '523405697', firstOtp: await h.codeOf('523405697', 5), secondOtp: await h.codeOf('523405697', 7), authPassword: PASSWORDS.auth };
    // A failed resync counts toward the operator's lock (issue 11 finding 8).
    expect(await useUserAdmin.getState().resync(request)).toEqual({ code: 'RESYNC_FAILED', field: 'firstOtp', attemptsLeft: 4 });
  });
});
