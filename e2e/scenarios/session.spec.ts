import { expect, test } from '../fixtures/app';
import { loginWithOtp, logout } from '../fixtures/flows';

const MINUTE = 60_000;

test.describe('session end', () => {
  test('after 16 idle minutes the next action returns to login with the reason (SESSION_EXPIRED idle)', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'kmb05871');
    app.harness.clock.advance(16 * MINUTE);
    await page.getByRole('button', { name: 'ハードトークン有効期限のお知らせ' }).click();
    await app.at('BLGI001');
    await expect(page.getByRole('alert').first()).toHaveText('一定時間操作がなかったため、ログアウトしました。再度ログインしてください。');
    await expect(page.getByRole('button', { name: 'ログアウト' })).toHaveCount(0);
    await app.shot('BLGI001-session-timeout');
  });

  test('ログアウト ends the session and says so', async ({ app }) => {
    await loginWithOtp(app, 'kmb05871');
    await logout(app);
    await app.shot('BLGI001-logged-out');
    const sessionId = app.bridge.sessionIds.at(-1)!;
    expect(await app.harness.core.api.auth.session({ sessionId })).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'logout' } });
  });

  test('the lost-token guidance is reachable from login and from the top page (R-TOK-6, R-TOK-7)', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'ハードトークンを紛失した場合' }).click();
    await app.at('lostToken');
    await expect(page.getByText('0120-771-152')).toBeVisible();
    await expect(page.getByText('1個につき1,100円(税込)の再発行手数料')).toBeVisible();
    await expect(page.getByText('ハードトークンにログインIDやパスワードを記載することは')).toBeVisible();
    await expect(page.getByRole('button', { name: 'トークンの失効へ' })).toHaveCount(0);
    await app.shot('lost-token');
    await page.getByRole('button', { name: '戻る' }).click();
    await app.at('BLGI001');

    await loginWithOtp(app, 'kmb05871');
    await page.getByRole('button', { name: '設定・管理' }).click();
    await page.getByRole('button', { name: 'ハードトークンを紛失した場合' }).click();
    await app.at('lostToken');
    await page.getByRole('button', { name: 'トークンの失効へ' }).click();
    await app.at('BRSK027');
  });
});
