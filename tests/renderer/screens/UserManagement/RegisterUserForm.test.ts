// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApi } from '../../../../shared/contract/api';
import type { SessionInfo } from '../../../../shared/contract';
import { RegisterUserForm } from '../../../../renderer/src/screens/UserManagement/RegisterUserForm';
import { useLanguage } from '../../../../renderer/src/stores/language';
import { useSession } from '../../../../renderer/src/stores/session';
import type { ConnectedDesktop } from '../../../support/connectedDesktop';
import { loginWithOtp, nextStep, PASSWORDS, stepUp, type Harness } from '../../../support/harness';
import { eachOfflineWorld, type OfflineWorld } from '../../../support/offlineWorld';
import { byId, click, render, type, type Rendered } from '../../support/render';

let w: OfflineWorld;
let h: Harness;
let d: ConnectedDesktop;
let shown: Rendered | undefined;

eachOfflineWorld((world) => ({ h } = w = world));
beforeEach(async () => {
  d = await w.desktop();
  // The renderer's window.api over the real desktop core, as the preload gives it (structured clones both ways).
  const api = buildApi(async (channel, request) => structuredClone(await d.call(channel, structuredClone(request))));
  Object.defineProperty(window, 'api', { value: api, configurable: true });
  useLanguage.setState({ lang: 'ja' });
});
afterEach(() => shown?.unmount());

describe('利用者登録 offline (issue 19 finding 8, SPEC R-OFF-6)', () => {
  it('SPEC R-OFF-6: a removed user\'s login ID is refused at once offline, shown at the login ID field as online', async () => {
    const master = await loginWithOtp(h, 'kmb05871');
    nextStep(h);
    expect(await h.core.api.users.remove({ sessionId: master.sessionId, loginId: 'kigen001', ...(await stepUp(h)) })).toMatchObject({ ok: true });
    // Online once (the block and the replica that knows kigen001 removed), then offline.
    nextStep(h);
    await d.login('test12345');
    await d.cut();
    nextStep(h);
    const { sessionId } = await d.login('test12345');
    useSession.setState({ info: (await d.call('auth:session', { sessionId })).value as SessionInfo });
    shown = await render(RegisterUserForm, {});
    const fill: [string, string][] = [
      ['register-login-id', 'kigen001'],
      ['register-name', '期限 再子'],
      ['register-initial-login-password', 'Init#Login1'],
      ['register-initial-login-password-confirm', 'Init#Login1'],
      ['register-initial-auth-password', 'Init#Auth1'],
      ['register-initial-auth-password-confirm', 'Init#Auth1'],
      ['register-auth-password', PASSWORDS.auth],
    ];
    for (const [id, value] of fill) await type(byId<HTMLInputElement>(id), value);
    nextStep(h);
    await type(byId<HTMLInputElement>('register-otp'), await h.codeOf('523405696'));
    await click(shown.container.querySelector<HTMLElement>('button[type=submit]')!);
    await d.offline.idle();
    expect(byId('register-login-id-error').textContent).toContain('このログインIDはすでに使用されています');
    expect(d.offline.status()).toMatchObject({ link: 'offline', waiting: 0 });
  });
});
