import { expect, test } from '../fixtures/app';
import { input, loginWithOtp, SHARED_SERIAL, submitOtp, submitPassword, wrongCode } from '../fixtures/flows';

test.describe('BLGI001 login with OTP', () => {
  test('a user with a token logs in with the OTP and sees the top page (R-LOG-1, R-LOG-2, R-TOP-1..4)', async ({ app }) => {
    const { page } = app;
    await app.at('BLGI001');
    await loginWithOtp(app, 'kmb05871');
    const menu = page.getByRole('navigation', { name: 'メインメニュー' });
    for (const entry of ['ホーム', '照会', '資金移動', '一括伝送', '承認', '設定・管理', 'でんさい', '明細オプション', '外為Web']) {
      await expect(menu).toContainText(entry);
    }
    await expect(menu.getByRole('link')).toHaveCount(0);
    await expect(page.getByText('照会準備中')).toBeVisible();
    await expect(page.getByRole('heading', { name: '未承認のお取引 (合計2件)' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'ログイン履歴' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'お知らせ (未読2件)' })).toBeVisible();
    await page.getByRole('button', { name: 'すべてのお知らせを表示' }).click();
    await page.getByRole('button', { name: 'ご利用開始のご案内' }).click();
    await expect(page.getByText('ビジネスバンキングWebのご利用を開始いただき')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'お知らせ (未読1件)' })).toBeVisible();
    await app.at('BTOP001');
    await app.shot('BTOP001');
  });

  test('a wrong OTP is refused next to the field, then the right one logs in (R-OTP-1, R-OTP-3)', async ({ app }) => {
    const { page } = app;
    await submitPassword(app, 'kmb05871');
    await app.at('BLGI001-otp');
    await submitOtp(app, await wrongCode(app));
    const field = input(page, 'ワンタイムパスワード');
    await expect(page.locator('#login-otp-error')).toHaveText('ワンタイムパスワードが正しくありません。(あと4回誤るとロックされます)');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAttribute('aria-describedby', 'login-otp-error');
    await expect(field).toBeFocused();
    await app.at('BLGI001-otp');
    await app.shot('BLGI001-otp-wrong');
    await submitOtp(app, await app.harness.codeOf(SHARED_SERIAL));
    await app.at('BTOP001');
  });

  test('an OTP used once is refused to every user of the token (R-OTP-2)', async ({ app }) => {
    const { page } = app;
    const code = await app.harness.codeOf(SHARED_SERIAL);
    await submitPassword(app, 'kmb05871');
    await submitOtp(app, code);
    await app.at('BTOP001');
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await app.at('BLGI001');
    await submitPassword(app, 'test12345');
    await app.at('BLGI001-otp');
    await submitOtp(app, code);
    await expect(page.locator('#login-otp-error')).toContainText('このワンタイムパスワードは使用済みです。');
    await app.at('BLGI001-otp');
    await app.shot('BLGI001-otp-reused');
  });

  test('an expired token is refused with its expiry date in Japan time and how to replace it (R-TOK-4)', async ({ app }) => {
    await submitPassword(app, 'kigen001');
    await app.at('BLGI001-otp');
    await submitOtp(app, await app.harness.codeOf('523405698'));
    await expect(app.page.getByRole('alert')).toHaveText(
      'ハードトークンの有効期限(2026年03月31日 23時59分)が過ぎています。マスターユーザか管理者ユーザにトークンの失効を依頼し、失効後に新しいハードトークンで利用開始登録をおこなってください。',
    );
    await app.at('BLGI001-otp');
    await app.shot('BLGI001-token-expired');
  });

  test('repeated failures lock the user; before the password is right nothing tells, then LOCKED (R-OTP-3, issue 11 finding 3)', async ({ app }) => {
    const { page } = app;
    const passwordError = page.locator('#login-password-error');
    const same = 'ログインIDまたはログインパスワードが正しくありません。';
    for (let i = 0; i < 5; i++) {
      await submitPassword(app, 'test12345', 'wrong-password');
      await expect(passwordError).toHaveText(same);
    }
    await app.at('BLGI001');
    // Locked now, yet a wrong password and an unknown ID are answered exactly like any wrong password.
    await submitPassword(app, 'test12345', 'wrong-password');
    await expect(passwordError).toHaveText(same);
    await submitPassword(app, 'nobody99', 'wrong-password');
    await expect(passwordError).toHaveText(same);
    const locked = 'このログインIDはロックされています。マスターユーザまたは管理者ユーザにロック解除を依頼してください。';
    await submitPassword(app, 'test12345');
    await expect(page.getByRole('alert').filter({ hasText: locked })).toBeVisible();
    await app.at('BLGI001');
    await app.shot('BLGI001-locked');
  });
});
