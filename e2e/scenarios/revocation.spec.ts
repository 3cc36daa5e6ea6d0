import { expect, test } from '../fixtures/app';
import { freshCode, input, loginWithOtp, openRevocation, revokeUsers, rowCheckbox } from '../fixtures/flows';
import { PASSWORDS } from '../../tests/support/harness';
import type { PageGlobals } from '../fixtures/pageGlobals';

const COLUMNS = ['全て', 'ログインID', '利用者名', '利用者区分', 'シリアル番号', 'ワンタイムパスワード状態', 'トークン有効期限'];

test.describe('BRSK027 / BRSK028 token revocation', () => {
  test('an admin revokes two users at once and sees them 失効中 (R-REV-1..4, R-REV-2a, R-OTP-4)', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'test12345');
    await openRevocation(app);
    await expect(page.getByRole('list', { name: '手順' }).getByRole('listitem')).toHaveText(['トークン失効の対象利用者を選択', '変更完了']);
    await expect(page.locator('[aria-current="step"]')).toHaveText('トークン失効の対象利用者を選択');
    await expect(page.getByText('トークン失効を行うと、選択された利用者はログインできなくなります。')).toBeVisible();
    await expect(page.getByRole('columnheader')).toHaveText(COLUMNS);
    const table = page.getByRole('table', { name: '利用者一覧' });
    const firstColumn = () => table.locator('tbody tr:not(.spacer) td:nth-child(2)').allTextContents();
    expect(await firstColumn()).toEqual(['ippan001', 'kigen001', 'kmb05871', 'shinki01', 'test12345']);
    await expect(table.getByRole('row', { name: /kmb05871/ })).toContainText('熊瀬 太郎マスターユーザ523405696サービス利用中2031年03月31日 23時59分');
    await expect(table.getByRole('row', { name: /shinki01/ })).toContainText('未登録');
    await expect(rowCheckbox(app, 'shinki01')).toBeDisabled();

    await page.getByLabel('並び順').selectOption({ label: '利用者名 降順' });
    await page.getByRole('button', { name: '再表示' }).click();
    // The main process orders names by code point (熊 > 期 > 新 > 一 > a), not by reading.
    await expect.poll(firstColumn).toEqual(['kmb05871', 'kigen001', 'shinki01', 'ippan001', 'test12345']);

    await page.getByRole('checkbox', { name: '全て' }).check();
    await expect(page.getByText('5件中 4件選択中')).toBeVisible();
    await page.getByRole('checkbox', { name: '全て' }).uncheck();
    await page.getByRole('button', { name: '失効', exact: true }).click();
    await expect(page.locator('#revoke-auth-password-error')).toHaveText('認証パスワードを入力してください。');

    await input(page, '認証パスワード').fill('not-the-auth-password');
    await input(page, 'ワンタイムパスワード').fill(await freshCode(app));
    await page.getByRole('button', { name: '失効', exact: true }).click();
    await expect(page.locator('#selection-error')).toHaveText('失効する利用者を選択してください。');

    await rowCheckbox(app, 'ippan001').check();
    await page.getByRole('button', { name: '失効', exact: true }).click();
    await expect(page.locator('#revoke-auth-password-error')).toHaveText('認証パスワードが正しくありません。(あと4回誤るとロックされます)');
    await expect(input(page, '認証パスワード')).toBeFocused();
    await app.at('BRSK027');
    await app.shot('BRSK027-refused');

    await rowCheckbox(app, 'ippan001').uncheck();
    await revokeUsers(app, ['ippan001', 'kigen001']);
    await app.at('BRSK028');
    await expect(page.locator('[aria-current="step"]')).toHaveText('変更完了');
    const result = page.getByRole('table', { name: '対象利用者' });
    await expect(result.locator('tbody tr:not(.spacer)')).toHaveCount(2);
    await expect(result.getByRole('row', { name: /ippan001/ })).toContainText('失効中');
    await expect(result.getByRole('row', { name: /kigen001/ })).toContainText('失効中');
    await expect(page.getByText('2026年11月24日 10時32分以降に再度ハードトークンの利用登録が可能になります')).toBeVisible();
    await expect(page.getByRole('button', { name: '閉じる' })).toHaveCount(0);
    await app.shot('BRSK028');
    await page.getByRole('button', { name: '利用者管理メニューへ' }).click();
    await app.at('userMenu');
    await page.getByRole('button', { name: 'トークンの失効' }).click();
    await app.at('BRSK027');
    await expect(page.getByRole('row', { name: /ippan001/ })).toContainText('失効中');
    await expect(rowCheckbox(app, 'ippan001')).toBeDisabled();
  });

  test('a master who revokes themself gets only 閉じる, and the session is gone (R-REV-4)', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'kmb05871');
    await openRevocation(app);
    await revokeUsers(app, ['kmb05871']);
    await app.at('BRSK028');
    await expect(page.getByRole('row', { name: /kmb05871/ })).toContainText('失効中');
    await expect(page.getByText('ご自身のトークンを失効したため、ログアウトしました。')).toBeVisible();
    await expect(page.getByRole('button', { name: 'トップページへ' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '利用者管理メニューへ' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'ログアウト' })).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toHaveCount(0);
    await app.shot('BRSK028-self');
    await page.getByRole('button', { name: '閉じる' }).click();
    await app.at('BLGI001');
    await expect(page.getByRole('alert').first()).toHaveText('ハードトークンが失効されたため、ログアウトしました。');
    const sessionId = app.bridge.sessionIds.at(-1)!;
    expect(await app.harness.core.api.auth.session({ sessionId })).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'revoked' } });
  });

  test('a general user sees no トークンの失効, and a direct call with their session is refused (R-REV-1, R-TOK-4)', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'ippan001', '523405697');
    await expect(page.getByRole('note')).toContainText('ご利用のハードトークン(シリアル番号 523405697)の有効期限は 2026年12月24日 10時00分 です。');
    await app.shot('BTOP001-expiry-warning');
    await page.getByRole('button', { name: '設定・管理' }).click();
    await expect(page.getByRole('button', { name: 'ハードトークンを紛失した場合' }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: '利用者管理', exact: true })).toHaveCount(0);
    await expect(page.getByText('トークンの失効')).toHaveCount(0);
    const sessionId = app.bridge.sessionIds.at(-1)!;
    const answer = await page.evaluate(
      ([sid, authPassword]) =>
        (globalThis as unknown as PageGlobals).api.tokens.revoke({ sessionId: sid, loginIds: ['kmb05871'], authPassword, otp: '123456' }),
      [sessionId, PASSWORDS.auth] as const,
    );
    expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    const list = await page.evaluate((sid) => (globalThis as unknown as PageGlobals).api.users.list({ sessionId: sid, sort: 'loginId-asc' }), sessionId);
    expect(list).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
