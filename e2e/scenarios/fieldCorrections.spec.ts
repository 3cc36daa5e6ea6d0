import { expect, test } from '../fixtures/app';
import { input, submitPassword } from '../fixtures/flows';

/** Issue 12.1: after a submit has shown errors, each field's message follows its value as the user types. */
test.describe('messages follow the corrections (GOV.UK, SPEC R-GEN-3)', () => {
  test('BLGI020: a correct full-width serial loses its error and aria-invalid as it is typed (R-TOK-5)', async ({ app }) => {
    const { page } = app;
    await submitPassword(app, 'shinki01');
    await app.at('BLGI020');
    const serial = input(page, 'シリアル番号');
    const otp = input(page, 'ワンタイムパスワード');
    const serialError = page.locator('#register-serial-error');
    const otpError = page.locator('#register-otp-error');

    await page.getByRole('button', { name: '認証確認' }).click();
    await expect(serialError).toHaveText('シリアル番号を入力してください。');
    await expect(otpError).toHaveText('ワンタイムパスワードを入力してください。');

    // Typed by a Japanese IME: full-width digits are what the main process accepts too (NFKC).
    await serial.fill('５２３４');
    await expect(serialError).toHaveText('シリアル番号は半角数字8桁以上12桁以内で入力してください。');
    await serial.fill('５２３４０５６９６');
    await expect(serialError).toHaveText('');
    await expect(serial).not.toHaveAttribute('aria-invalid', 'true');
    await expect(otp).toHaveAttribute('aria-invalid', 'true');

    await otp.fill('12');
    await expect(otpError).toHaveText('ワンタイムパスワードは数字6桁で入力してください。');
    await otp.fill('123456');
    await expect(otpError).toHaveText('');
    await expect(otp).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.error-summary')).toHaveCount(0);
    // Nothing was sent while the fields were wrong.
    expect(app.bridge.calls.filter((c) => c === 'tokens:register')).toEqual([]);
    await app.at('BLGI020');
  });

  test('BLGI001: a login ID typed after an empty submit loses its message, the empty password keeps its own', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await expect(page.locator('#login-id-error')).toHaveText('ログインIDを入力してください。');
    await expect(page.locator('#login-password-error')).toHaveText('ログインパスワードを入力してください。');
    await input(page, 'ログインID').fill('kmb05871');
    await expect(page.locator('#login-id-error')).toHaveText('');
    await expect(input(page, 'ログインID')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#login-password-error')).toHaveText('ログインパスワードを入力してください。');
  });
});
