import { loginWithOtp as apiLogin, PASSWORDS, stepUp } from '../../tests/support/harness';
import { expect, test } from '../fixtures/app';
import { expectInfo, fieldError, fillNewPassword, fillStepUp, openUserTask, pickUser, required } from '../fixtures/admin';
import { freshCode, loginWithOtp, logout, openRevocation, submitOtp, submitPassword } from '../fixtures/flows';
import type { PageGlobals } from '../fixtures/pageGlobals';

const TASKS = ['利用者登録', '利用者情報変更', '利用者削除', 'ロック解除', '操作履歴', 'ハードトークン取込', 'トークンの同期', 'トークンの失効'];

test.describe('利用者管理 (設定・管理)', () => {
  test('利用者登録: rules as typed, a mismatch, a taken login ID and a wrong authentication password each at their field, then the user (R-OTP-4, R-GEN-3)', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'kmb05871');
    await openUserTask(app, '利用者登録', 'userRegister');
    await required(page, 'ログインID').fill('ippan001');
    await required(page, '利用者名').fill('経理 三郎');
    await page.getByRole('radio', { name: '一般ユーザ' }).check();
    await required(page, '初期ログインパスワード').fill('short1');
    await expect(page.locator('#register-initial-login-password-rules li.rule-unmet')).toHaveText(['8文字以上32文字以内: 満たしていません']);
    await required(page, '初期ログインパスワード(確認用)').fill('short1');
    await fillNewPassword(page, '初期認証パスワード', 'Keiri#Auth1');
    await required(page, '初期認証パスワード(確認用)').fill('Keiri#Auth2');
    await fillStepUp(page, PASSWORDS.auth, await freshCode(app));
    await page.getByRole('button', { name: '登録', exact: true }).click();
    await expect(fieldError(page, 'register-initial-login-password')).toHaveText('条件を満たしていないパスワードです。表示されている条件をご確認ください。');
    await expect(fieldError(page, 'register-initial-auth-password-confirm')).toHaveText('確認用のパスワードが一致しません。もう一度入力してください。');
    expect(app.bridge.calls).not.toContain('users:register');
    await app.at('userRegister');
    await app.shot('user-register-invalid');

    await fillNewPassword(page, '初期ログインパスワード', 'Keiri#0001');
    await fillNewPassword(page, '初期認証パスワード', 'Keiri#Auth1');
    await page.getByRole('button', { name: '登録', exact: true }).click();
    await expect(fieldError(page, 'register-login-id')).toHaveText('このログインIDはすでに使用されています。別のログインIDを入力してください。');
    await expect(required(page, 'ログインID')).toBeFocused();

    await required(page, 'ログインID').fill('keiri001');
    await fillStepUp(page, 'not-the-auth-password', await freshCode(app));
    await page.getByRole('button', { name: '登録', exact: true }).click();
    await expect(fieldError(page, 'register-auth-password')).toHaveText('認証パスワードが正しくありません。(あと4回誤るとロックされます)');

    await fillStepUp(page, PASSWORDS.auth, await app.harness.codeOf('523405696'));
    await page.getByRole('button', { name: '登録', exact: true }).click();
    await expectInfo(page, '以下の利用者を登録しました。');
    await expect(page.getByRole('row', { name: /keiri001/ })).toContainText('経理 三郎一般ユーザなし未登録');
    await app.at('userRegister');
    await app.shot('user-register-done');
  });

  test('利用者情報変更: nothing changed is refused at its field; the master keeps their type (R-OTP-4)', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'test12345');
    await openUserTask(app, '利用者情報変更', 'userUpdate');
    await pickUser(page, 'kmb05871').check();
    await expect(page.getByRole('radiogroup', { name: '利用者区分 必須' }).getByRole('radio').first()).toBeDisabled();
    await expect(page.getByText('マスターユーザの利用者区分は変更できません')).toBeVisible();
    await pickUser(page, 'ippan001').check();
    await expect(required(page, '利用者名')).toHaveValue('一般 花子');
    await fillStepUp(page, PASSWORDS.auth, await freshCode(app));
    await page.getByRole('button', { name: '変更', exact: true }).click();
    await expect(fieldError(page, 'update-name')).toHaveText('利用者名または利用者区分を変更してください。');
    await required(page, '利用者名').fill('一般 花子(経理)');
    await page.getByRole('radio', { name: '管理者ユーザ' }).check();
    await app.at('userUpdate');
    await app.shot('user-update');
    await page.getByRole('button', { name: '変更', exact: true }).click();
    await expectInfo(page, '以下の利用者の情報を変更しました。');
    await expect(page.getByRole('row', { name: /ippan001/ })).toContainText('一般 花子(経理)管理者ユーザ');
  });

  test('利用者削除 with its consequences; the master and oneself cannot be deleted (R-OTP-4)', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'test12345');
    await openUserTask(app, '利用者削除', 'userRemove');
    await expect(pickUser(page, 'kmb05871')).toBeDisabled();
    await expect(pickUser(page, 'test12345')).toBeDisabled();
    await expect(page.getByText('削除した利用者のログインIDは、再度使用することはできません。')).toBeVisible();
    await pickUser(page, 'shinki01').check();
    await fillStepUp(page, PASSWORDS.auth, await freshCode(app));
    await page.getByRole('button', { name: '削除', exact: true }).click();
    await expect(fieldError(page, 'remove-confirm')).toHaveText('内容を確認し、「上記の内容を確認しました」にチェックを入れてください。');
    await page.getByRole('checkbox', { name: '上記の内容を確認しました' }).check();
    await app.at('userRemove');
    await app.shot('user-remove');
    await page.getByRole('button', { name: '削除', exact: true }).click();
    await expectInfo(page, 'shinki01 新規 次郎 を削除しました。');
    await expect(pickUser(page, 'shinki01')).toHaveCount(0);
  });

  test('the user list warns of tokens near or past expiry (R-TOK-4)', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'test12345');
    await openRevocation(app);
    await expect(page.getByRole('row', { name: /ippan001/ })).toContainText('期限間近');
    await expect(page.getByRole('row', { name: /kigen001/ })).toContainText('2026年03月31日 23時59分期限切れ');
    await expect(page.getByRole('row', { name: /kmb05871/ })).not.toContainText('期限');
  });

  test('紛失届 revokes another user\'s token with the re-registration time in JST (R-TOK-6, R-REV-5)', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'test12345');
    await page.getByRole('button', { name: '設定・管理' }).click();
    await page.getByRole('button', { name: 'ハードトークンを紛失した場合' }).click();
    await app.at('lostToken');
    await expect(page.getByText('管理者ユーザにトークンの失効を依頼し、失効後に新しいハードトークンで利用開始登録をおこなってください。')).toBeVisible();
    await expect(page.getByText('すべての利用者が以後一切利用できなくなります', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: '紛失届', exact: true }).click();
    await app.at('lostReport');
    await expect(pickUser(page, 'test12345')).toBeDisabled();
    await expect(pickUser(page, 'shinki01')).toBeDisabled();
    await pickUser(page, 'ippan001').check();
    await fillStepUp(page, PASSWORDS.auth, await freshCode(app));
    await app.at('lostReport');
    await app.shot('lost-report');
    await page.getByRole('button', { name: '届出', exact: true }).click();
    await expectInfo(page, '紛失届を登録し、以下の利用者のワンタイムパスワードを失効しました。');
    await expect(page.getByRole('row', { name: /ippan001/ })).toContainText('失効中 (紛失)');
    await expect(page.getByText('2026年11月24日 10時31分以降に、新しいハードトークンで利用開始登録が可能になります。')).toBeVisible();
    await app.at('lostReport');
    await app.shot('lost-report-done');
  });

  test('利用者管理 lists its tasks to the master, and to an admin with R-REV-6\'s task too (R-REV-1, R-REV-6)', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'kmb05871');
    await page.getByRole('button', { name: '設定・管理' }).click();
    await page.getByRole('button', { name: '利用者管理', exact: true }).click();
    await app.at('userMenu');
    await expect(page.locator('.task-button')).toHaveText(TASKS);
    await logout(app);

    // The master used the shared token's code: the admin waits for the next one (R-OTP-2).
    app.harness.clock.advance(60_000);
    await loginWithOtp(app, 'test12345');
    await page.getByRole('button', { name: '設定・管理' }).click();
    await page.getByRole('button', { name: '利用者管理', exact: true }).click();
    await expect(page.locator('.task-button')).toHaveText([...TASKS.slice(0, 4), 'マスターユーザの認証パスワード変更', ...TASKS.slice(4)]);
    await app.at('userMenu');
    await app.shot('user-management-admin');
  });

  test('a general user sees neither 利用者管理 nor its tasks, and the main process refuses them (R-REV-1)', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'ippan001', '523405697');
    await page.getByRole('button', { name: '設定・管理' }).click();
    await expect(page.locator('#settings-menu')).toBeVisible();
    await expect(page.getByRole('button', { name: '利用者管理', exact: true })).toHaveCount(0);
    for (const task of [...TASKS, 'マスターユーザの認証パスワード変更', '紛失届']) await expect(page.getByRole('button', { name: task, exact: true })).toHaveCount(0);
    await page.locator('#settings-menu').getByRole('button', { name: 'ハードトークンを紛失した場合' }).click();
    await app.at('lostToken');
    await expect(page.getByRole('button', { name: '紛失届', exact: true })).toHaveCount(0);
    const sessionId = app.bridge.sessionIds.at(-1)!;
    const answers = await page.evaluate(async ([sid, authPassword]) => {
      const api = (globalThis as unknown as PageGlobals).api;
      const stepUp = { authPassword, otp: '123456' };
      return [
        await api.audit.list({ sessionId: sid, filter: {}, offset: 0, limit: 10 }),
        await api.users.register({ sessionId: sid, loginId: 'zzzz0001', name: 'x', userType: 'general', initialLoginPassword: 'Abcd#1234', initialAuthPassword: 'Abcd#5678', ...stepUp }),
        await api.tokens.reportLost({ sessionId: sid, loginId: 'kmb05871', ...stepUp }),
      ];
    }, [sessionId, PASSWORDS.auth] as const);
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
  });

  test('パスワード変更 from the header: a wrong current password at its field, then the new login password works (R-GEN-3)', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'ippan001', '523405697');
    await page.getByRole('button', { name: 'パスワード変更' }).click();
    await app.at('passwordChange');
    await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toBeVisible();
    await page.getByRole('button', { name: '変更', exact: true }).click();
    await expect(fieldError(page, 'pw-current-login')).toHaveText('変更するパスワードを入力してください。');
    await page.getByLabel('現在のログインパスワード', { exact: true }).fill('Login#2025');
    await fillNewPassword(page, '新しいログインパスワード', 'Hanako#2027');
    await page.getByRole('button', { name: '変更', exact: true }).click();
    await expect(fieldError(page, 'pw-current-login')).toHaveText('現在のログインパスワードが正しくありません。(あと4回誤るとロックされます)');
    await app.at('passwordChange');
    await app.shot('password-change-refused');
    await page.getByLabel('現在のログインパスワード', { exact: true }).fill(PASSWORDS.login);
    await fillNewPassword(page, '新しいログインパスワード', PASSWORDS.auth);
    await page.getByRole('button', { name: '変更', exact: true }).click();
    await expect(fieldError(page, 'pw-next-login')).toHaveText(/^パスワードが条件を満たしていません。.*ログインパスワードと認証パスワードが異なる/);
    await fillNewPassword(page, '新しいログインパスワード', 'Hanako#2027');
    await page.getByRole('button', { name: '変更', exact: true }).click();
    await expectInfo(page, 'ログインパスワードを変更しました。');
    await logout(app);
    await submitPassword(app, 'ippan001', 'Hanako#2027');
    await app.at('BLGI001-otp');
    await submitOtp(app, await freshCode(app, '523405697'));
    await app.at('BTOP001');
  });

  test('the master is never held after an admin set a temporary authentication password, and is told who did it (R-REV-6, issue 11 finding 2)', async ({ app }) => {
    const { page, harness } = app;
    await loginWithOtp(app, 'kmb05871');
    harness.clock.advance(60_000);
    const admin = await apiLogin(harness, 'test12345');
    harness.clock.advance(60_000);
    const changed = await harness.core.api.users.changeMasterAuthPassword({ sessionId: admin.sessionId, newAuthPassword: 'Reset#Auth26', ...(await stepUp(harness)) });
    expect(changed).toEqual({ ok: true, value: {} });

    await page.getByRole('button', { name: 'ホーム' }).click();
    await app.at('BTOP001');
    await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toBeVisible();
    await expect(page.getByRole('note').filter({ hasText: 'test12345' })).toBeVisible();
    await expect(page.getByRole('button', { name: '認証パスワードの再設定' })).toBeVisible();
  });
});
