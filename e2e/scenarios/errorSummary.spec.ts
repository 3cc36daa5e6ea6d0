import { expect, test } from '../fixtures/app';
import { input, submitPassword, wrongCode } from '../fixtures/flows';

/** Issue 12.2: every field's error of a submit at once, with GOV.UK's error summary; nothing typed is lost. */
test.describe('all errors of a submit at once (GOV.UK error summary, SPEC R-GEN-3)', () => {
  test('BLGI020: a 7-digit serial and an empty OTP show both errors, listed in the summary with links', async ({ app }) => {
    const { page } = app;
    await submitPassword(app, 'shinki01');
    await app.at('BLGI020');
    const serial = input(page, 'シリアル番号');
    const otp = input(page, 'ワンタイムパスワード');
    await serial.fill('1234567');
    await page.getByRole('button', { name: '認証確認' }).click();

    await expect(page.locator('#register-serial-error')).toHaveText('シリアル番号は半角数字8桁以上12桁以内で入力してください。');
    await expect(page.locator('#register-otp-error')).toHaveText('ワンタイムパスワードを入力してください。');
    const summary = page.locator('.error-summary');
    await expect(summary.getByRole('heading')).toHaveText('入力内容に誤りがあります');
    const links = summary.getByRole('link');
    await expect(links).toHaveText(['シリアル番号は半角数字8桁以上12桁以内で入力してください。', 'ワンタイムパスワードを入力してください。']);
    await expect(serial).toHaveValue('1234567');
    await app.at('BLGI020');
    await app.shot('BLGI020-error-summary');

    await links.nth(1).click();
    await expect(otp).toBeFocused();
  });

  test('BLGI020: an unknown serial keeps the OTP (it was not used); a wrong OTP is cleared', async ({ app }) => {
    const { page } = app;
    await submitPassword(app, 'shinki01');
    await app.at('BLGI020');
    const serial = input(page, 'シリアル番号');
    const otp = input(page, 'ワンタイムパスワード');
    const code = await app.harness.codeOf('600000001');
    await serial.fill('99999999');
    await otp.fill(code);
    await page.getByRole('button', { name: '認証確認' }).click();
    await expect(page.locator('#register-serial-error')).toContainText('入力されたシリアル番号のハードトークンはありません。');
    await expect(serial).toHaveValue('99999999');
    await expect(otp).toHaveValue(code);

    await serial.fill('600000001');
    await expect(page.locator('#register-serial-error')).toHaveText('');
    await otp.fill(await wrongCode(app, '600000001'));
    await page.getByRole('button', { name: '認証確認' }).click();
    await expect(page.locator('#register-otp-error')).toContainText('ワンタイムパスワードが正しくありません。');
    await expect(otp).toHaveValue('');
    await expect(serial).toHaveValue('600000001');
  });
});
