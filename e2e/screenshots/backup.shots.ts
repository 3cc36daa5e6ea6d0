import { PASSWORDS } from '../../tests/support/harness';
import { BACKUP_NAME, backupHarness, PASSPHRASE, writeBackup } from '../../tests/support/backup';
import { expect, test } from '../fixtures/app';
import { fieldError, fillStepUp, required } from '../fixtures/admin';
import { freshCode, loginWithOtp } from '../fixtures/flows';
import { capture } from './capture';

test('設定・管理 > バックアップ, before and after writing a backup', async ({ app }) => {
  const { page } = app;
  await loginWithOtp(app, 'kmb05871');
  await page.getByRole('button', { name: '設定・管理' }).click();
  await page.getByRole('button', { name: 'バックアップ', exact: true }).click();
  await app.at('backup');
  await required(page, 'パスフレーズ').fill(PASSPHRASE);
  await capture(page, 'backup');
  await required(page, 'パスフレーズ(確認用)').fill(PASSPHRASE);
  await fillStepUp(page, PASSWORDS.auth, await freshCode(app));
  await page.getByRole('button', { name: 'バックアップを作成' }).click();
  await expect(page.getByRole('status').filter({ hasText: BACKUP_NAME })).toBeVisible();
  await capture(page, 'backup-done');
});

test.describe('first run', () => {
  test.use({ seed: false });

  test('バックアップから復元: the choice, a wrong passphrase, then BLGI001', async ({ app }) => {
    const source = await backupHarness();
    const file = await writeBackup(source);
    await source.close();
    const { page } = app;
    await app.at('setup');
    await page.getByRole('radio', { name: 'バックアップから復元' }).check();
    await page.getByLabel('バックアップファイル 必須').setInputFiles({ name: BACKUP_NAME, mimeType: 'application/octet-stream', buffer: file });
    await required(page, 'パスフレーズ').fill('not the passphrase');
    await page.getByRole('button', { name: '復元', exact: true }).click();
    await expect(fieldError(page, 'restore-passphrase')).not.toBeEmpty();
    await capture(page, 'restore-refused');
    await required(page, 'パスフレーズ').fill(PASSPHRASE);
    await page.getByRole('button', { name: '復元', exact: true }).click();
    await app.at('BLGI001');
    await capture(page, 'BLGI001-restored');
  });
});
