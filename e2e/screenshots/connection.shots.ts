import { X509Certificate } from 'node:crypto';
import { fingerprintOf } from '../../main/remote/pin';
import { startServer } from '../../tests/support/server';
import { expect, openApp, test } from '../fixtures/app';
import { TestDesktop } from '../fixtures/connected';
import { input, loginWithOtp } from '../fixtures/flows';
import { capture } from './capture';

test.describe('standalone or connected', () => {
  test('the first-run choice, the server form with a refused pin, サーバーに接続できません and 接続設定', async ({ page, harness, rendererUrl, app }, testInfo) => {
    const server = await startServer({ harness });
    const fingerprint = fingerprintOf(new X509Certificate(server.ca).raw);
    const fresh = new TestDesktop();
    await fresh.start();
    const away = await TestDesktop.connectedTo({ url: 'https://127.0.0.1:9', fingerprint });
    try {
      // 接続設定 of a standalone desktop, by the admin (the fixture's own page).
      await loginWithOtp(app, 'test12345');
      await page.getByRole('button', { name: '設定・管理' }).click();
      await page.getByRole('button', { name: '接続設定' }).click();
      await app.at('connection');
      await capture(page, 'connection');

      const first = await page.context().newPage();
      const firstApp = await openApp(first, harness, rendererUrl, testInfo, fresh.route);
      await firstApp.at('setup');
      await capture(first, 'first-run-choice');
      await first.getByRole('radio', { name: '会社のサーバーに接続する' }).check();
      await first.getByRole('button', { name: '次へ' }).click();
      await input(first, 'サーバーのURL').fill(server.base);
      await input(first, '証明書のフィンガープリント (SHA-256)').fill('12'.repeat(32));
      await first.getByRole('button', { name: '接続テスト' }).click();
      await expect(first.getByRole('alert').filter({ hasText: 'フィンガープリントと一致しません' })).toBeVisible();
      await capture(first, 'first-run-server-mismatch');

      const down = await page.context().newPage();
      const downApp = await openApp(down, harness, rendererUrl, testInfo, away.route);
      await downApp.at('unreachable');
      await capture(down, 'server-unreachable');
    } finally {
      await fresh.close();
      await away.close();
      await server.close();
    }
  });
});
