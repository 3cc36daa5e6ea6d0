import { expect, test } from '../fixtures/app';
import { setLanguage } from '../fixtures/a11y';
import { input, loginWithOtp, logout, submitOtp, submitPassword } from '../fixtures/flows';

/** Issue 12.4: the guide's words (who revokes), a banner that goes with the next action, no dead-end menu. */
test.describe('words of the screens (R-REV-1, R-TOP-4)', () => {
  test('the lost-token page and the expired-token refusal name the master or an admin user', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'ハードトークンを紛失した場合' }).click();
    await app.at('lostToken');
    await expect(page.getByText('マスターユーザか管理者ユーザにトークンの失効を依頼し')).toBeVisible();
    await page.getByRole('button', { name: '戻る' }).click();

    await submitPassword(app, 'kigen001');
    await app.at('BLGI001-otp');
    await submitOtp(app, await app.harness.codeOf('523405698'));
    await expect(page.getByRole('alert').filter({ hasText: 'マスターユーザか管理者ユーザにトークンの失効を依頼し' })).toBeVisible();
  });

  test('「ログアウトしました。」 goes away with the next login attempt', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'kmb05871');
    await logout(app);
    await submitPassword(app, 'test12345', 'not-the-password');
    await expect(page.locator('#login-password-error')).toContainText('ログインIDまたはログインパスワードが正しくありません。');
    await expect(page.getByText('ログアウトしました。')).toHaveCount(0);
    await expect(input(page, 'ログインID')).toHaveValue('test12345');
  });

  test('未承認のお取引 does not send the user to the 準備中 承認 menu; English wording', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'kmb05871');
    const pending = page.getByRole('region', { name: /未承認のお取引/ });
    await expect(pending).toContainText('銀行のWebサービス');
    await expect(pending).not.toContainText('「承認」メニュー');
    await setLanguage(page, 'en');
    await expect(page.getByText('Showing the latest notice.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Change password', exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: /awaiting approval/ })).not.toContainText('"Approval" menu');
    await setLanguage(page, 'ja');
  });
});
