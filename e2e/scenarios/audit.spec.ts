import { jst } from '../../tests/support/clock';
import { expect, test, type App } from '../fixtures/app';
import { fieldError, openUserTask } from '../fixtures/admin';
import { loginWithOtp } from '../fixtures/flows';

/** Failed logins of ippan001 written straight to the log: 59 today, one four days ago (all in Japan time). */
async function addFailedLogins(app: App): Promise<void> {
  const now = app.harness.clock.now().getTime();
  const row = (at: number) => ({ at, actor_login_id: 'ippan001', action: 'login.password' as const, target_login_id: 'ippan001', result: 'failure' as const, reason: 'BAD_CREDENTIALS', detail: null });
  const rows = [...Array.from({ length: 59 }, (_, i) => row(now - (i + 1) * 1000)), row(jst('2026-11-20T10:00:00').getTime())];
  await app.harness.store.db.insertInto('audit_log').values(rows).execute();
}

test('操作履歴: newest first in pages of 50, filtered by user, operation and a period of Japan days (SPEC R-GEN-2)', async ({ app }) => {
  const { page } = app;
  await addFailedLogins(app);
  await loginWithOtp(app, 'test12345');
  await openUserTask(app, '操作履歴', 'audit');
  const count = page.locator('.audit-count');
  await expect(count).toHaveText(/^全\d+件中 1〜50件を表示しています。$/);
  const total = Number(/全(\d+)件/.exec((await count.textContent()) ?? '')![1]);
  expect(total).toBeGreaterThan(60);
  const table = page.getByRole('table', { name: '操作履歴一覧' });
  await expect(table.locator('tbody tr')).toHaveCount(50);
  await expect(table.locator('tbody tr').first()).toContainText('test12345ログイン(ワンタイムパスワード)test12345成功');
  await expect(page.getByRole('button', { name: '前へ' })).toBeDisabled();
  await page.getByRole('button', { name: '次へ' }).click();
  await expect(count).toHaveText(`全${total}件中 51〜${total}件を表示しています。`);

  await page.getByLabel('利用者(ログインID)').fill('ippan001');
  await page.getByLabel('操作', { exact: true }).selectOption({ label: 'ログイン(パスワード)' });
  await page.getByRole('button', { name: '検索' }).click();
  await expect(count).toHaveText('全60件中 1〜50件を表示しています。');
  await expect(table.locator('tbody tr').first()).toContainText('ippan001ログイン(パスワード)ippan001失敗ログインIDまたはログインパスワードが正しくありません。');

  await page.getByLabel('期間(開始日)').fill('2026-11-21');
  await page.getByLabel('期間(終了日)').fill('2026-11-20');
  await page.getByRole('button', { name: '検索' }).click();
  await expect(fieldError(page, 'audit-to')).toHaveText('終了日は開始日以降の日付を入力してください。');
  await page.getByLabel('期間(開始日)').fill('2026-11-20');
  await page.getByRole('button', { name: '検索' }).click();
  await expect(count).toHaveText('全1件中 1〜1件を表示しています。');
  await expect(table.locator('tbody tr')).toHaveText(['2026年11月20日 10時00分ippan001ログイン(パスワード)ippan001失敗ログインIDまたはログインパスワードが正しくありません。']);
  await expect(page.getByRole('button', { name: '次へ' })).toBeDisabled();
  await app.at('audit');
  await app.shot('audit-filtered');

  await page.getByLabel('期間(開始日)').fill('2026-11-25');
  await page.getByLabel('期間(終了日)').fill('2026-11-25');
  await page.getByRole('button', { name: '検索' }).click();
  await expect(count).toHaveText('該当する操作履歴はありません。');
  await expect(table).toHaveCount(0);
});
