import { expect, test } from '../fixtures/app';
import { loginWithOtp, openRevocation } from '../fixtures/flows';

/** Issue 12.3: BRSK027 shows an expired token as the main process sees it, and names an empty selection at once. */
test.describe('BRSK027 states and selection message (R-REV-2, R-TOK-4)', () => {
  test('an expired token reads 期限切れ, not サービス利用中', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'kmb05871');
    await openRevocation(app);
    const table = page.getByRole('table', { name: '利用者一覧' });
    const expired = table.getByRole('row', { name: /kigen001/ });
    await expect(expired.locator('td.state')).toHaveText('期限切れ');
    await expect(expired).not.toContainText('サービス利用中');
    await expect(table.getByRole('row', { name: /kmb05871/ }).locator('td.state')).toHaveText('サービス利用中');
  });

  test('an empty submit names the selection beside the list together with the step-up fields', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'kmb05871');
    await openRevocation(app);
    await page.getByRole('button', { name: '失効', exact: true }).click();
    const list = page.getByRole('region', { name: '利用者一覧', exact: true });
    await expect(list.locator('#selection-error')).toHaveText('失効する利用者を選択してください。');
    await expect(page.locator('#revoke-auth-password-error')).toHaveText('認証パスワードを入力してください。');
    await expect(page.locator('#revoke-otp-error')).toHaveText('ワンタイムパスワードを入力してください。');
    await expect(page.locator('.error-summary').getByRole('link')).toHaveCount(3);
    await app.at('BRSK027');
  });

  test('at the minimum window (1024×768) the table shows its badges whole', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'kmb05871');
    await openRevocation(app);
    const box = page.locator('.table-scroll').first();
    const overflow = await box.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, 'horizontal overflow of the user table at 1024 px').toBeLessThanOrEqual(0);
    const edge = (await box.boundingBox())!;
    for (const badge of await page.locator('.user-table .badge').all()) {
      const b = (await badge.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(edge.x + edge.width);
    }
  });
});
