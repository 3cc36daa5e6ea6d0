import { defaultRules, type RulesConfig } from '../../main/config/rules';
import { loginWithOtp as apiLogin, nextStep, PASSWORDS, stepUp } from '../../tests/support/harness';
import { expect } from '../fixtures/app';
import { expectInfo, fillNewPassword, fillStepUp, openUserTask, pickUser, required } from '../fixtures/admin';
import { openDesktop, TestDesktop } from '../fixtures/connected';
import { freshCode, logout, openRevocation, revokeUsers, submitOtp, submitPassword } from '../fixtures/flows';
import { companyTest, type CompanyServer } from '../fixtures/postgresCompany';
import type { App } from '../fixtures/app';
import type { Browser, Page, TestInfo } from '@playwright/test';

/** Cheap step hashes: the cost of a real block is measured in bench/, never in a browser test. */
const RULES: RulesConfig = { ...defaultRules, offline: { ...defaultRules.offline, blockSteps: 300, stepHashIterations: 10 } };

const test = companyTest(RULES);

const desktops: TestDesktop[] = [];
test.afterEach(async () => {
  await Promise.all(desktops.splice(0).map((d) => d.close()));
});

/** A connected desktop that can go offline, behind a real fault proxy, in a page of its own. */
async function offlineDesktop(browser: Browser, company: CompanyServer, rendererUrl: string, testInfo: TestInfo) {
  const desktop = await TestDesktop.offlineCapable(company, RULES);
  desktops.push(desktop);
  return { desktop, app: await openDesktop(browser, company.harness, rendererUrl, testInfo, desktop) };
}

const indicator = (page: Page) => page.locator('.link-state');
/** The indicator's polite live region: what a screen reader hears. */
const heard = (page: Page) => page.locator('.brand-block [aria-live="polite"]');
const REPLICA = /^オフライン表示 \(最終同期 \d{1,2}月\d{1,2}日 \d\d時\d\d分\)$/;

/** Online login of the admin, then the server goes away and the admin logs in again, offline (R-OFF-1). */
async function loginOfflineAfterOnline(app: App, desktop: TestDesktop): Promise<void> {
  const { page } = app;
  await app.at('BLGI001');
  await expect(indicator(page)).toHaveText('接続状態 オンライン');
  await submitPassword(app, 'test12345');
  await app.at('BLGI001-otp');
  await submitOtp(app, await freshCode(app));
  await app.at('BTOP001');
  await expect(page.getByText(REPLICA)).toHaveCount(0);
  // The block that lets this admin log in offline is fetched after the online login.
  await desktop.idle();
  await desktop.cut();
  await expect(indicator(page)).toHaveText('接続状態 オフライン（送信待ち 0件）');
  await expect(heard(page)).toHaveText('接続状態 オフライン（送信待ち 0件）');
  await app.at('BTOP001');
  // The online session's work is the server's: ログアウト forgets it here whatever the server answers.
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await app.at('BLGI001');
  await submitPassword(app, 'test12345');
  await app.at('BLGI001-otp');
  await submitOtp(app, await freshCode(app));
  await app.at('BTOP001');
}

/** The token states the server holds now, as its master sees them. */
async function serverStates(company: CompanyServer): Promise<Record<string, string>> {
  nextStep(company.harness);
  const session = await apiLogin(company.harness, 'kmb05871');
  const list = await company.harness.core.api.users.list({ sessionId: session.sessionId, sort: 'loginId-asc' });
  if (!list.ok) throw new Error(JSON.stringify(list));
  return Object.fromEntries(list.value.users.map((u) => [u.loginId, u.otpState]));
}

test.describe('offline work on a connected desktop, through a real fault proxy to the company server on PostgreSQL 15 (issue 14)', () => {
  test('SPEC R-OFF-1/5/6/7: the admin logs in offline when the server went away, revokes a user; at reconnect it lands and the count goes to 0', async ({ browser, company, rendererUrl }, testInfo) => {
    test.slow(); // a dozen screens with axe in two languages, a cut and a sync
    const { desktop, app } = await offlineDesktop(browser, company, rendererUrl, testInfo);
    const { page } = app;
    try {
      await loginOfflineAfterOnline(app, desktop);
      // R-OFF-5: the top page's notices and login history are the replica's, and say so.
      await expect(page.getByText(REPLICA)).toBeVisible();
      await openRevocation(app);
      await expect(page.locator('#user-list-heading ~ .replica-banner')).toHaveText(/^オフライン表示 \(最終同期 /);
      await revokeUsers(app, ['ippan001']);
      await app.at('BRSK028');
      await expect(page.locator('.queued-note')).toHaveText('この操作は送信待ちです。サーバーに接続したときに反映されます（送信待ち 1件）。');
      await expect(indicator(page)).toHaveText('接続状態 オフライン（送信待ち 1件）');
      await expect(heard(page)).toHaveText('接続状態 オフライン（送信待ち 1件）');
      expect((await serverStates(company)).ippan001).toBe('active');
      await app.shot('BRSK028-queued');

      await desktop.restore();
      await expect(indicator(page)).toHaveText('接続状態 オンライン');
      await expect(heard(page)).toHaveText('接続状態 オンライン');
      expect((await serverStates(company)).ippan001).toBe('revoked');
      const status = await desktop.route.dispatch('connection:status', {});
      expect(status).toMatchObject({ ok: true, value: { offline: { link: 'online', waiting: 0, failed: 0 } } });
      await app.at('BRSK028');
      expect(app.problems).toEqual([]);
    } finally {
      await app.context.close();
    }
  });

  test('SPEC R-OFF-8: a change made offline to a user removed online is refused at sync; 同期できなかった操作 shows why, redo asks the step-up, discard asks first', async ({ browser, company, rendererUrl }, testInfo) => {
    test.slow();
    const { desktop, app } = await offlineDesktop(browser, company, rendererUrl, testInfo);
    const { page } = app;
    try {
      await loginOfflineAfterOnline(app, desktop);
      await openUserTask(app, '利用者情報変更', 'userUpdate');
      await expect(page.getByText(REPLICA)).toBeVisible();
      await pickUser(page, 'ippan001').check();
      await required(page, '利用者名').fill('一般 花子(経理)');
      await fillStepUp(page, PASSWORDS.auth, await freshCode(app));
      await page.getByRole('button', { name: '変更', exact: true }).click();
      await expectInfo(page, '以下の利用者の情報を変更しました。 この操作は送信待ちです。サーバーに接続したときに反映されます（送信待ち 1件）。');

      // Meanwhile the master removes the same user on the server (online, another desktop's work).
      nextStep(company.harness);
      const master = await apiLogin(company.harness, 'kmb05871');
      nextStep(company.harness);
      expect(await company.harness.core.api.users.remove({ sessionId: master.sessionId, loginId: 'ippan001', ...(await stepUp(company.harness)) })).toMatchObject({ ok: true });

      await desktop.restore();
      await expect(indicator(page)).toHaveText('接続状態 オンライン');
      await page.getByRole('button', { name: '設定・管理' }).click();
      await page.getByRole('button', { name: '同期できなかった操作 1件' }).click();
      await app.at('offlineFailed');
      const row = page.getByRole('row', { name: /利用者情報変更/ });
      await expect(row).toContainText('ippan001');
      await expect(row).toContainText('test12345');
      await expect(row).toContainText(/\d{4}年\d\d月\d\d日 \d\d時\d\d分/);
      await expect(row).toContainText('この利用者はオフラインで操作した後に、サーバーで失効または削除されていたため、反映できませんでした。');
      await app.shot('offline-failed');

      // やり直す names every missing field at once, as every form does.
      await row.getByRole('button', { name: /^やり直す: 利用者情報変更/ }).click();
      await expect(page.getByRole('heading', { name: '利用者情報変更をやり直す' })).toBeFocused();
      await page.getByRole('button', { name: 'やり直す', exact: true }).click();
      await expect(page.locator('.error-summary-list li')).toHaveText(['認証パスワードを入力してください。', 'ワンタイムパスワードを入力してください。']);
      await app.at('offlineFailed');
      await page.getByRole('button', { name: 'キャンセル' }).click();

      // 破棄 asks first; then the list is empty and the menu's count is gone.
      await row.getByRole('button', { name: /^破棄: 利用者情報変更/ }).click();
      await expect(page.getByRole('heading', { name: '利用者情報変更の操作を破棄しますか' })).toBeFocused();
      await app.at('offlineFailed');
      await page.getByRole('button', { name: '破棄する' }).click();
      await expectInfo(page, '操作を破棄しました。');
      await expect(page.getByText('同期できなかった操作はありません。')).toBeVisible();
      await app.at('offlineFailed');
      const status = await desktop.route.dispatch('connection:status', {});
      expect(status).toMatchObject({ ok: true, value: { offline: { failed: 0 } } });
      expect(app.problems).toEqual([]);
    } finally {
      await app.context.close();
    }
  });

  test('SPEC R-OFF-1/6: offline, パスワード変更 and ハードトークン取込 say they need the server and a submit is refused at the form; a user never seen here is told why', async ({ browser, company, rendererUrl }, testInfo) => {
    test.slow();
    const { desktop, app } = await offlineDesktop(browser, company, rendererUrl, testInfo);
    const { page } = app;
    const unavailable = 'この操作はオフラインでは行えません。サーバーに接続できるときに、改めてログインしてからおこなってください。';
    try {
      await loginOfflineAfterOnline(app, desktop);
      await page.getByRole('button', { name: 'パスワード変更' }).click();
      await app.at('passwordChange');
      await expect(page.locator('.banner-warning')).toHaveText(unavailable);
      await page.getByLabel('現在のログインパスワード', { exact: true }).fill(PASSWORDS.login);
      await fillNewPassword(page, '新しいログインパスワード', 'Hanako#2027');
      await page.getByRole('button', { name: '変更', exact: true }).click();
      await expect(page.getByRole('alert').filter({ hasText: unavailable })).toBeVisible();
      await app.at('passwordChange');
      await openUserTask(app, 'ハードトークン取込', 'tokenImport');
      await expect(page.locator('.banner-warning')).toHaveText(unavailable);

      await logout(app);
      await submitPassword(app, 'ippan001');
      await expect(page.getByRole('alert')).toHaveText(/^サーバーに接続できないため、ログインできません。オフラインでログインできるのは、この端末で最近/);
      await app.at('BLGI001');
      expect(app.problems).toEqual([]);
    } finally {
      await app.context.close();
    }
  });
});
