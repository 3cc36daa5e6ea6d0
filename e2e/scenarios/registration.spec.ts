import { expect, test } from '../fixtures/app';
import { input, submitPassword } from '../fixtures/flows';
import type { PageGlobals } from '../fixtures/pageGlobals';

test.describe('BLGI020 token registration', () => {
  test('a first login goes to BLGI020, which takes full-width digits and opens the top page at once (R-LOG-2, R-LOG-3, R-TOK-5, R-TOK-7)', async ({ app }) => {
    const { page } = app;
    await submitPassword(app, 'shinki01');
    await app.at('BLGI020');
    await expect(page.getByText('ハードトークンの利用開始登録が必要となります。')).toBeVisible();
    await expect(page.getByText('ハードトークンにログインIDやパスワードを記載することは')).toBeVisible();
    const serial = input(page, 'シリアル番号');
    const otp = input(page, 'ワンタイムパスワード');

    await serial.fill('1234567');
    await otp.fill('123456');
    await page.getByRole('button', { name: '認証確認' }).click();
    await expect(page.locator('#register-serial-error')).toHaveText('シリアル番号は半角数字8桁以上12桁以内で入力してください。');
    await expect(serial).toHaveAttribute('aria-invalid', 'true');
    await expect(serial).toHaveAttribute('aria-describedby', 'register-serial-error register-serial-hint');
    await app.at('BLGI020');
    await app.shot('BLGI020-invalid-serial');

    await serial.fill('６０００００００１');
    await otp.focus();
    await expect(serial).toHaveValue('600000001');
    await otp.fill(await app.harness.codeOf('600000001'));
    await page.getByRole('button', { name: '認証確認' }).click();
    await app.at('BTOP001');
    await expect(page.getByText('新規 次郎 様')).toBeVisible();
    await app.shot('BTOP001-after-registration');
  });

  test('the software keyboard fills the password with randomly placed keys, no physical typing (R-LOG-1)', async ({ app }) => {
    const { page } = app;
    await input(page, 'ログインID').fill('kmb05871');
    await page.getByRole('checkbox', { name: 'ソフトウェアキーボードを使用する' }).check();
    const password = input(page, 'ログインパスワード');
    await expect(password).toHaveAttribute('readonly', '');
    const keyboard = page.getByRole('group', { name: 'ソフトウェアキーボード' });
    const digits = await keyboard.locator('.key-row').first().locator('.key').allTextContents();
    expect([...digits].sort()).toEqual([...'0123456789']);
    await app.at('BLGI001');
    await app.shot('BLGI001-software-keyboard');

    const key = (name: string) => keyboard.getByRole('button', { name, exact: true }).click();
    await key('大文字');
    await key('L');
    await key('大文字');
    for (const char of 'ogin#2026') await key(char);
    await expect(password).toHaveValue('Login#2026');
    await expect(keyboard).not.toContainText('Login#2026');

    // Reopened, the keys move: the letter order is shuffled again.
    const letters = () => keyboard.locator('.key-row').nth(1).locator('.key').allTextContents();
    const before = await letters();
    await page.getByRole('checkbox', { name: 'ソフトウェアキーボードを使用する' }).uncheck();
    await page.getByRole('checkbox', { name: 'ソフトウェアキーボードを使用する' }).check();
    expect(await letters()).not.toEqual(before);

    await key('入力完了');
    await expect(page.getByRole('button', { name: 'ログイン', exact: true })).toBeFocused();
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await app.at('BLGI001-otp');
  });

  test('Enter that confirms an IME conversion does not submit the form', async ({ app }) => {
    const { page } = app;
    const loginId = input(page, 'ログインID');
    await app.at('BLGI001');
    // The app's own start-up calls (connection:status, setup:status) are done; what follows must add no call until the real Enter.
    const startup = app.bridge.calls.length;
    expect(app.bridge.calls).toEqual(['connection:status', 'setup:status']);
    await loginId.fill('kmb0587');
    await input(page, 'ログインパスワード').fill('Login#2026');
    await loginId.focus();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: '１', selectionStart: 1, selectionEnd: 1 });
    await page.keyboard.press('Enter');
    // Proving that nothing happened, without waiting on time: a marker call crosses the same bridge, after any
    // call the Enter would have made.
    await page.evaluate(() => (globalThis as unknown as PageGlobals).api.setup.status({}));
    expect(app.bridge.calls.slice(startup)).toEqual(['setup:status']);
    await app.shot('BLGI001-ime-composing');
    await cdp.send('Input.insertText', { text: '1' });
    await expect(loginId).toHaveValue('kmb05871');
    await page.keyboard.press('Enter');
    await app.at('BLGI001-otp');
    expect(app.bridge.calls.slice(startup)).toEqual(['setup:status', 'auth:login']);
  });
});
