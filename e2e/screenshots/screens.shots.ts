import { expect, test, type App } from '../fixtures/app';
import { input, loginWithOtp, logout, openRevocation, revokeUsers, rowCheckbox, submitOtp, submitPassword, wrongCode } from '../fixtures/flows';
import { capture } from './capture';

const MINUTE = 60_000;

async function loginScreens(app: App): Promise<void> {
  const { page } = app;
  await app.at('BLGI001');
  await capture(page, 'BLGI001');
  await page.getByRole('button', { name: 'ハードトークンを紛失した場合' }).click();
  await app.at('lostToken');
  await capture(page, 'lost-token');
  await page.getByRole('button', { name: '戻る' }).click();
  await input(page, 'ログインID').fill('kmb05871');
  await page.getByRole('checkbox', { name: 'ソフトウェアキーボードを使用する' }).check();
  await capture(page, 'BLGI001-software-keyboard');
  await page.getByRole('checkbox', { name: 'ソフトウェアキーボードを使用する' }).uncheck();
  await submitPassword(app, 'kmb05871', 'wrong-password');
  await expect(page.locator('#login-password-error')).not.toBeEmpty();
  await capture(page, 'BLGI001-error');
  await submitPassword(app, 'kmb05871');
  await app.at('BLGI001-otp');
  await capture(page, 'BLGI001-otp');
  await submitOtp(app, await wrongCode(app));
  await expect(page.locator('#login-otp-error')).not.toBeEmpty();
  await capture(page, 'BLGI001-otp-error');
  await submitOtp(app, await app.harness.codeOf('523405696'));
  await app.at('BTOP001');
}

async function masterScreens(app: App): Promise<void> {
  const { page } = app;
  await capture(page, 'BTOP001');
  await page.getByRole('button', { name: '設定・管理' }).click();
  await capture(page, 'BTOP001-settings-menu');
  await page.getByRole('button', { name: '設定・管理' }).click();
  await openRevocation(app);
  await rowCheckbox(app, 'kigen001').check();
  await rowCheckbox(app, 'test12345').check();
  await capture(page, 'BRSK027');
  for (const id of ['kigen001', 'test12345']) await rowCheckbox(app, id).uncheck();
  await revokeUsers(app, ['kigen001', 'test12345']);
  await app.at('BRSK028');
  await capture(page, 'BRSK028');
  await page.getByRole('button', { name: '利用者管理メニューへ' }).click();
  await app.at('userMenu');
  await capture(page, 'user-management');
  await page.getByRole('button', { name: 'トークンの同期' }).click();
  await app.at('tokenResync');
  await page.getByRole('button', { name: '同期', exact: true }).click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await capture(page, 'token-resync-errors');
  await logout(app);
  await capture(page, 'BLGI001-logged-out');
}

async function otherUsersScreens(app: App): Promise<void> {
  const { page } = app;
  await loginWithOtp(app, 'ippan001', '523405697');
  await capture(page, 'BTOP001-expiry-warning');
  await logout(app);
  await submitPassword(app, 'shinki01');
  await app.at('BLGI020');
  await capture(page, 'BLGI020');
  await input(page, 'シリアル番号').fill('５２３４');
  await input(page, 'ワンタイムパスワード').fill('123456');
  await page.getByRole('button', { name: '認証確認' }).click();
  await expect(page.locator('#register-serial-error')).not.toBeEmpty();
  await capture(page, 'BLGI020-error');
  await page.getByRole('button', { name: '戻る' }).click();
  await submitPassword(app, 'test12345');
  await expect(page.getByRole('alert').filter({ hasText: '失効' })).toBeVisible();
  await capture(page, 'BLGI001-revoked');
}

async function sessionEndScreens(app: App): Promise<void> {
  const { page } = app;
  app.harness.clock.advance(MINUTE);
  await loginWithOtp(app, 'kmb05871');
  app.harness.clock.advance(16 * MINUTE);
  await page.getByRole('button', { name: 'ホーム' }).click();
  await app.at('BLGI001');
  await capture(page, 'BLGI001-session-timeout');
  await loginWithOtp(app, 'kmb05871');
  await openRevocation(app);
  await revokeUsers(app, ['kmb05871']);
  await app.at('BRSK028');
  await capture(page, 'BRSK028-self');
}

test('every screen, in Japanese and English, on the demo data', async ({ app }) => {
  await loginScreens(app);
  await masterScreens(app);
  await otherUsersScreens(app);
  await sessionEndScreens(app);
});
