import { X509Certificate } from 'node:crypto';
import { defaultRules, type RulesConfig } from '../../main/config/rules';
import { fingerprintOf } from '../../main/remote/pin';
import { serverCore } from '../../main/server/serverCore';
import { createHarness, loginWithOtp as apiLogin, nextStep, PASSWORDS, stepUp, TEST_KDF } from '../../tests/support/harness';
import { startServer } from '../../tests/support/server';
import { fillStepUp, openUserTask, pickUser, required } from '../fixtures/admin';
import { expect, openApp, test } from '../fixtures/app';
import { TestDesktop } from '../fixtures/connected';
import { freshCode, openRevocation, revokeUsers, submitOtp, submitPassword } from '../fixtures/flows';
import { capture } from './capture';

const RULES: RulesConfig = { ...defaultRules, offline: { ...defaultRules.offline, blockSteps: 300, stepHashIterations: 10 } };

test.describe('offline work (issue 14)', () => {
  test('the indicator, replica banners, a queued revocation and 同期できなかった操作', async ({ page, rendererUrl }, testInfo) => {
    const harness = await createHarness({ rules: RULES });
    const core = serverCore({ store: harness.store, sealKey: harness.sealKey, setupPolicy: 'closed', kdf: TEST_KDF, clock: harness.clock.now, rules: RULES, logBug: (_c, e) => harness.bugs.push(e) });
    const server = await startServer({ harness, core });
    const company = { url: server.base, fingerprint: fingerprintOf(new X509Certificate(server.ca).raw), harness };
    const desktop = await TestDesktop.offlineCapable(company, RULES);
    try {
      const app = await openApp(page, harness, rendererUrl, testInfo, desktop.route);
      await app.at('BLGI001');
      await expect(page.locator('.link-state')).toHaveText('接続状態 オンライン');
      await submitPassword(app, 'test12345');
      await submitOtp(app, await freshCode(app));
      await app.at('BTOP001');
      await desktop.idle();
      await desktop.cut();
      await page.getByRole('button', { name: 'ログアウト' }).click();
      await app.at('BLGI001');
      await expect(page.locator('.link-state')).toHaveText('接続状態 オフライン（送信待ち 0件）');
      await capture(page, 'BLGI001-offline');
      await submitPassword(app, 'test12345');
      await submitOtp(app, await freshCode(app));
      await app.at('BTOP001');
      await capture(page, 'BTOP001-offline');
      await openRevocation(app);
      await capture(page, 'BRSK027-offline');
      await revokeUsers(app, ['ippan001']);
      await app.at('BRSK028');
      await capture(page, 'BRSK028-queued');

      // A change made offline to a user the master removes online meanwhile: refused at the sync (R-OFF-8).
      await openUserTask(app, '利用者情報変更', 'userUpdate');
      await pickUser(page, 'kigen001').check();
      await required(page, '利用者名').fill('期限 太郎(経理)');
      await fillStepUp(page, PASSWORDS.auth, await freshCode(app));
      await page.getByRole('button', { name: '変更', exact: true }).click();
      await expect(page.locator('.link-state')).toHaveText('接続状態 オフライン（送信待ち 2件）');
      nextStep(harness);
      const master = await apiLogin(harness, 'kmb05871');
      nextStep(harness);
      await harness.core.api.users.remove({ sessionId: master.sessionId, loginId: 'kigen001', ...(await stepUp(harness)) });
      await desktop.restore();
      await expect(page.locator('.link-state')).toHaveText('接続状態 オンライン');
      await page.getByRole('button', { name: '設定・管理' }).click();
      await page.getByRole('button', { name: '同期できなかった操作 1件' }).focus();
      await capture(page, 'offline-failed-menu');
      await page.getByRole('button', { name: '同期できなかった操作 1件' }).click();
      await app.at('offlineFailed');
      await capture(page, 'offline-failed');
      await page.getByRole('button', { name: /^やり直す: / }).click();
      await page.getByRole('button', { name: 'やり直す', exact: true }).click();
      await expect(page.locator('.error-summary-list li')).toHaveCount(2);
      await capture(page, 'offline-failed-redo-errors');
      await page.getByRole('button', { name: 'キャンセル' }).click();
      await page.getByRole('button', { name: /^破棄: / }).click();
      await capture(page, 'offline-failed-discard');
      await page.getByRole('button', { name: '破棄する' }).click();
      await expect(page.getByText('同期できなかった操作はありません。')).toBeVisible();
      await capture(page, 'offline-failed-empty');
    } finally {
      await desktop.close();
      await server.close();
      await harness.close();
    }
  });
});
