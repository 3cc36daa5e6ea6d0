import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type App } from '../fixtures/app';
import { expectInfo, fieldError, fillStepUp, required } from '../fixtures/admin';
import { freshCode, loginWithOtp, submitOtp, submitPassword } from '../fixtures/flows';
import { BACKUP_NAME, backupHarness, PASSPHRASE, writeBackup } from '../../tests/support/backup';
import { PASSWORDS } from '../../tests/support/harness';

/** 設定・管理 > バックアップ, offered to the master only. */
async function openBackup(app: App): Promise<void> {
  await app.page.getByRole('button', { name: '設定・管理' }).click();
  await app.page.getByRole('button', { name: 'バックアップ', exact: true }).click();
  await app.at('backup');
}

test.describe('backup (issue 15)', () => {
  test('the master writes a backup through the screen: the rule and the second entry checked first, then the step-up and the save dialog', async ({ app }, testInfo) => {
    // Several screens with axe in two languages each: past 90 s on a busy two-core machine.
    test.slow();
    const { page } = app;
    await loginWithOtp(app, 'kmb05871');
    await openBackup(app);
    await expect(page.getByText('バックアップファイルは、パスフレーズだけで開くことができます。', { exact: false })).toBeVisible();
    const passphrase = required(page, 'パスフレーズ');
    await passphrase.fill('short one');
    await expect(passphrase).toHaveAccessibleDescription(/12文字以上 ?: 満たしていません/);
    await required(page, 'パスフレーズ(確認用)').fill('short one');
    await fillStepUp(page, PASSWORDS.auth, await freshCode(app));
    await page.getByRole('button', { name: 'バックアップを作成' }).click();
    await expect(fieldError(page, 'backup-passphrase')).toHaveText('パスフレーズは12文字以上で入力してください。');
    await expect(passphrase).toBeFocused();
    await passphrase.fill(PASSPHRASE);
    await expect(passphrase).toHaveAccessibleDescription(/12文字以上 ?: 満たしています/);
    await page.getByRole('button', { name: 'バックアップを作成' }).click();
    await expect(fieldError(page, 'backup-passphrase-confirm')).toHaveText('パスフレーズ(確認用)が一致しません。同じパスフレーズを入力してください。');
    expect(app.bridge.calls).not.toContain('backup:create');
    await required(page, 'パスフレーズ(確認用)').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'バックアップを作成' }).click();
    await expectInfo(page, `バックアップを作成しました(ファイル: ${BACKUP_NAME})。`);
    expect(existsSync(join(testInfo.outputDir, BACKUP_NAME))).toBe(true);
    await app.at('backup');
    await app.shot('backup-done');
  });

  test('an admin is not offered バックアップ (the master\'s alone)', async ({ app }) => {
    await loginWithOtp(app, 'test12345');
    await app.page.getByRole('button', { name: '設定・管理' }).click();
    await expect(app.page.getByRole('button', { name: '利用者管理', exact: true })).toBeVisible();
    await expect(app.page.getByRole('button', { name: 'バックアップ', exact: true })).toHaveCount(0);
  });
});

test.describe('restore on a first run (issue 15)', () => {
  test.use({ seed: false });

  let file: Buffer;
  test.beforeAll(async () => {
    const source = await backupHarness();
    file = await writeBackup(source);
    await source.close();
  });

  const choose = (app: App, name: string, buffer: Buffer) =>
    app.page.getByLabel('バックアップファイル 必須').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });

  test('バックアップから復元 beside the new setup: a wrong passphrase and a changed file refused at their fields, then the company restored and the master logs in', async ({ app }) => {
    test.slow();
    const { page } = app;
    await app.at('setup');
    await page.getByRole('radio', { name: 'バックアップから復元' }).check();
    await expect(page.getByRole('heading', { name: 'バックアップから復元', level: 2 })).toBeVisible();
    await app.at('setup');
    await page.getByRole('button', { name: '復元', exact: true }).click();
    await expect(fieldError(page, 'restore-file')).toHaveText('バックアップファイルを選択してください。');

    await choose(app, BACKUP_NAME, file);
    await required(page, 'パスフレーズ').fill('not the passphrase');
    await page.getByRole('button', { name: '復元', exact: true }).click();
    await expect(fieldError(page, 'restore-passphrase')).toHaveText('パスフレーズが正しくありません。');

    const changed = Buffer.from(file);
    changed[changed.length - 20] = changed[changed.length - 20]! ^ 0xff;
    await choose(app, BACKUP_NAME, changed);
    await required(page, 'パスフレーズ').fill(PASSPHRASE);
    await page.getByRole('button', { name: '復元', exact: true }).click();
    await expect(fieldError(page, 'restore-file')).toHaveText('ファイルが壊れているか、変更されています。別のバックアップファイルを選択してください。');
    await app.at('setup');
    await app.shot('restore-refused');
    expect(await app.harness.store.db.selectFrom('companies').selectAll().execute()).toEqual([]);

    await choose(app, BACKUP_NAME, file);
    await page.getByRole('button', { name: '復元', exact: true }).click();
    await app.at('BLGI001');
    await expectInfo(page, 'バックアップから復元しました(企業コード: ');
    await submitPassword(app, 'kmb05871');
    await app.at('BLGI001-otp');
    // The source used this step and the next for its login and the backup's step-up (R-OTP-2): two steps on.
    app.harness.clock.advance(60_000);
    await submitOtp(app, await freshCode(app));
    await app.at('BTOP001');
  });

  test('the restore writes a file that came from another product nowhere', async ({ app }) => {
    await app.at('setup');
    await app.page.getByRole('radio', { name: 'バックアップから復元' }).check();
    await choose(app, 'tokens.csv', readFileSync('tests/main/seedFiles/fixtures/entra-shift_jis.csv'));
    await required(app.page, 'パスフレーズ').fill(PASSPHRASE);
    await app.page.getByRole('button', { name: '復元', exact: true }).click();
    await expect(fieldError(app.page, 'restore-file')).toHaveText('このファイルは本アプリのバックアップファイルではありません。');
    expect(await app.harness.store.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
  });
});
