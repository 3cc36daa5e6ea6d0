import { loginWithOtp as loginByApi, PASSWORDS } from '../../tests/support/harness';
import { expect, test, type App } from '../fixtures/app';
import { input, rowCheckbox, SHARED_SERIAL, submitOtp, submitPassword } from '../fixtures/flows';
import { expectScreen } from '../fixtures/screens';
import { tabTo, typeInto } from '../fixtures/keyboard';

const MINUTE = 60_000;

async function keyboardLogin(app: App, loginId: string): Promise<void> {
  const { page } = app;
  await typeInto(page, input(page, 'ログインID'), loginId);
  await typeInto(page, input(page, 'ログインパスワード'), PASSWORDS.login);
  await page.keyboard.press('Enter');
}

/** 設定・管理 (a disclosure in the menu above the screen) > 利用者管理 > トークンの失効, by Tab and Enter. */
async function keyboardOpenRevocation(app: App): Promise<void> {
  const { page } = app;
  const settings = page.getByRole('button', { name: '設定・管理' });
  await tabTo(page, settings, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(settings).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(settings).toHaveAttribute('aria-expanded', 'false');
  await expect(settings).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: '利用者管理', exact: true }));
  await page.keyboard.press('Enter');
  await app.at('userMenu');
  await tabTo(page, page.getByRole('button', { name: 'トークンの失効' }));
  await page.keyboard.press('Enter');
  await app.at('BRSK027');
}

async function keyboardRevoke(app: App, loginId: string): Promise<void> {
  const { page } = app;
  await tabTo(page, rowCheckbox(app, loginId));
  await page.keyboard.press('Space');
  await expect(rowCheckbox(app, loginId)).toBeChecked();
  await typeInto(page, input(page, '認証パスワード'), PASSWORDS.auth);
  app.harness.clock.advance(MINUTE);
  await typeInto(page, input(page, 'ワンタイムパスワード'), await app.harness.codeOf(SHARED_SERIAL));
  await page.keyboard.press('Enter');
  await app.at('BRSK028');
}

// The keyboard-only story in three tests, each short on a busy machine (issue 12 item 8); every step a test
// checks is done with the keyboard alone, while the state it starts from is arranged through the services.

test('keyboard alone: login with the OTP and the menu to BRSK027 (R-LOG-1, R-LOG-2)', async ({ app }) => {
  const { page } = app;
  await app.at('BLGI001');
  await keyboardLogin(app, 'kmb05871');
  await app.at('BLGI001-otp');
  await typeInto(page, input(page, 'ワンタイムパスワード'), await app.harness.codeOf(SHARED_SERIAL));
  await page.keyboard.press('Enter');
  await app.at('BTOP001');
  await keyboardOpenRevocation(app);
});

/** A login by mouse, for the tests whose keyboard part starts on the top page (the first test checks BLGI001). */
async function signIn(app: App): Promise<void> {
  await submitPassword(app, 'kmb05871');
  await expectScreen(app.page, 'BLGI001-otp');
  await submitOtp(app, await app.harness.codeOf(SHARED_SERIAL));
  await expectScreen(app.page, 'BTOP001');
}

test('keyboard alone: revocation of another user, back to the top page (R-REV-3, R-REV-4)', async ({ app }) => {
  const { page } = app;
  await signIn(app);
  await keyboardOpenRevocation(app);
  await keyboardRevoke(app, 'ippan001');
  await expect(page.getByRole('row', { name: /ippan001/ })).toContainText('失効中');
  await tabTo(page, page.getByRole('button', { name: 'トップページへ' }));
  await page.keyboard.press('Enter');
  await app.at('BTOP001');
  await app.shot('BTOP001-keyboard-only');
});

test('keyboard alone: revoking one\'s own token ends the session on BLGI001 (R-REV-3, R-REV-4)', async ({ app }) => {
  const { page } = app;
  await signIn(app);
  await keyboardOpenRevocation(app);
  await keyboardRevoke(app, 'kmb05871');
  await tabTo(page, page.getByRole('button', { name: '閉じる' }));
  await page.keyboard.press('Enter');
  await app.at('BLGI001');
});

test('keyboard alone: after a self-revocation, token registration on BLGI020 (R-LOG-1, R-LOG-3, R-REV-5)', async ({ app }) => {
  const { page, harness } = app;
  const { sessionId } = await loginByApi(harness, 'kmb05871');
  harness.clock.advance(MINUTE);
  const revoked = await harness.core.api.tokens.revoke({ sessionId, loginIds: ['kmb05871'], authPassword: PASSWORDS.auth, otp: await harness.codeOf(SHARED_SERIAL) });
  expect(revoked.ok).toBe(true);
  harness.clock.advance(31 * MINUTE);

  await keyboardLogin(app, 'kmb05871');
  await app.at('BLGI020');
  await typeInto(page, input(page, 'シリアル番号'), SHARED_SERIAL);
  await typeInto(page, input(page, 'ワンタイムパスワード'), await harness.codeOf(SHARED_SERIAL));
  await page.keyboard.press('Enter');
  await app.at('BTOP001');
});
