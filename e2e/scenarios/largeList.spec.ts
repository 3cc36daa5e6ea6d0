import type { Harness } from '../../tests/support/harness';
import { expect, test } from '../fixtures/app';
import { loginWithOtp, openRevocation } from '../fixtures/flows';

const EXTRA_USERS = 3000;

/** Users that never log in (their hashes match no password), written straight to the store in batches. */
async function addManyUsers(harness: Harness, count: number): Promise<void> {
  const { id: companyId } = await harness.store.db.selectFrom('companies').select('id').where('code', '=', 'C0001').executeTakeFirstOrThrow();
  const at = harness.clock.now().getTime();
  const rows = Array.from({ length: count }, (_, i) => ({
    company_id: companyId,
    login_id: `user${String(i).padStart(5, '0')}`,
    name: `利用者 ${i}`,
    user_type: 'general' as const,
    login_password_hash: 'unusable',
    auth_password_hash: 'unusable',
    locked_at: null,
    created_at: at,
  }));
  for (let i = 0; i < rows.length; i += 500) await harness.store.db.insertInto('users').values(rows.slice(i, i + 500)).execute();
}

test('BRSK027 keeps a list of thousands of users virtualised: few rows in the page, all reachable (R-REV-2)', async ({ app }) => {
  const { page, harness } = app;
  await addManyUsers(harness, EXTRA_USERS);
  await loginWithOtp(app, 'test12345');
  await openRevocation(app);
  const table = page.getByRole('table', { name: '利用者一覧' });
  const total = EXTRA_USERS + 5;
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
  await expect(page.getByText(`${total}件中 0件選択中`)).toBeVisible();
  const rendered = await table.locator('tbody tr:not(.spacer)').count();
  expect(rendered).toBeLessThan(60);

  await page.getByRole('region', { name: '利用者一覧(スクロールして全件を表示)' }).evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight }));
  await expect(table.getByRole('row', { name: /user02999/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /user02999/ })).toHaveAttribute('aria-rowindex', String(total + 1));
  expect(await table.locator('tbody tr:not(.spacer)').count()).toBeLessThan(60);

  await page.getByRole('checkbox', { name: '全て' }).check();
  await expect(page.getByText(`${total}件中 4件選択中`)).toBeVisible();
  await app.at('BRSK027');
  await app.shot('BRSK027-thousands');
});
