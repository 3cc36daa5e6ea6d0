import { expect, test } from '../fixtures/app';
import { input, submitPassword } from '../fixtures/flows';

/** Issue 12.6: a mistyped serial on BLGI020 counts towards the lock (SPEC R-OTP-3), and the message says so. */
test('BLGI020: an unknown serial says how many more mistakes lock the login ID (R-OTP-3)', async ({ app }) => {
  const { page } = app;
  await submitPassword(app, 'shinki01');
  await app.at('BLGI020');
  await input(page, 'シリアル番号').fill('99999999');
  await input(page, 'ワンタイムパスワード').fill('123456');
  await page.getByRole('button', { name: '認証確認' }).click();
  const message = page.locator('#register-serial-error');
  await expect(message).toContainText('入力されたシリアル番号のハードトークンはありません。');
  await expect(message).toContainText('(シリアル番号の誤りも回数に数えます。あと4回誤るとロックされます)');
  // The same values again: nothing typed was cleared, and the count goes on.
  await page.getByRole('button', { name: '認証確認' }).click();
  await expect(message).toContainText('あと3回誤ると');
});
