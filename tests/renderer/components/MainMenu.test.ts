// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MainMenu } from '../../../renderer/src/components/MainMenu';
import { UserManagementMenu } from '../../../renderer/src/screens/UserManagement/UserManagementMenu';
import { useNavigation } from '../../../renderer/src/stores/navigation';
import { useSession } from '../../../renderer/src/stores/session';
import { PASSWORDS, type Harness } from '../../support/harness';
import { bridgedHarness } from '../support/bridge';
import { click, render, type Rendered } from '../support/render';

let h: Harness;
let shown: Rendered | undefined;

beforeEach(async () => {
  h = await bridgedHarness();
  useSession.setState({ info: null, pending: null, farewell: null });
});
afterEach(async () => {
  shown?.unmount();
  await h.close();
});

async function logIn(loginId: string, serial: string) {
  await useSession.getState().login(loginId, PASSWORDS.login);
  // A code is accepted once per token (R-OTP-2): each login waits for the next one.
  h.clock.advance(60_000);
  expect(await useSession.getState().verifyOtp(await h.codeOf(serial))).toBeNull();
}

const buttons = (root: HTMLElement) => [...root.querySelectorAll('button')].map((b) => b.textContent);

async function settingsOf(loginId: string, serial: string) {
  await logIn(loginId, serial);
  shown = await render(MainMenu, {});
  const settings = [...shown.container.querySelectorAll('button')].find((b) => b.textContent === '設定・管理')!;
  await click(settings);
  return buttons(shown.container.querySelector('#settings-menu')!);
}

describe('the menu offers what the user type may do (SPEC R-TOP-1, R-REV-1)', () => {
  it('the guide order, with entries that have no screen yet marked 準備中', async () => {
    await logIn('kmb05871', '523405696');
    shown = await render(MainMenu, {});
    const items = [...shown.container.querySelectorAll('nav > ul > li')].map((li) => li.textContent);
    expect(items).toEqual(['ホーム', '照会準備中', '資金移動準備中', '一括伝送準備中', '承認準備中', '設定・管理利用者管理接続設定バックアップハードトークンを紛失した場合', 'でんさい準備中', '明細オプション準備中', '外為Web準備中']);
  });

  it('SPEC R-REV-1: 利用者管理 for the master and an admin, not for a general user', async () => {
    expect(await settingsOf('ippan001', '523405697')).toEqual(['ハードトークンを紛失した場合']);
  });

  it('SPEC R-REV-1: the master sees 利用者管理, 接続設定 and (issue 15) バックアップ', async () => {
    expect(await settingsOf('kmb05871', '523405696')).toEqual(['利用者管理', '接続設定', 'バックアップ', 'ハードトークンを紛失した場合']);
  });

  it('SPEC R-REV-6, R-OTP-1: 利用者管理 lists トークンの同期 for both, the master password change for an admin only', async () => {
    await logIn('test12345', '523405696');
    shown = await render(UserManagementMenu, {});
    const adminTasks = buttons(shown.container);
    expect(adminTasks).toContain('トークンの同期');
    expect(adminTasks).toContain('マスターユーザの認証パスワード変更');
    shown.unmount();
    await useSession.getState().logout();
    await logIn('kmb05871', '523405696');
    shown = await render(UserManagementMenu, {});
    expect(buttons(shown.container)).toContain('トークンの同期');
    expect(buttons(shown.container)).not.toContain('マスターユーザの認証パスワード変更');
  });

  it('choosing トークンの同期 opens its screen', async () => {
    await logIn('test12345', '523405696');
    shown = await render(UserManagementMenu, {});
    await click([...shown.container.querySelectorAll('button')].find((b) => b.textContent === 'トークンの同期')!);
    expect(useNavigation.getState().view).toBe('tokenResync');
  });
});
