import { jst } from '../../tests/support/clock';
import { setLanguage } from '../fixtures/a11y';
import { expect, test, type App } from '../fixtures/app';
import { input, loginWithOtp, logout, openRevocation, revokeUsers, submitPassword } from '../fixtures/flows';

const NEAR_EXPIRY_SERIAL = '523405697';

/** The admin revokes ippan001 through BRSK027 and logs out. */
async function adminRevokesIppan(app: App): Promise<void> {
  await loginWithOtp(app, 'test12345');
  await openRevocation(app);
  await revokeUsers(app, ['ippan001']);
  await app.at('BRSK028');
  await logout(app);
}

/** ippan001 passes the password, registers the token again on BLGI020 and lands on the top page. */
async function ippanRegisters(app: App): Promise<void> {
  await submitPassword(app, 'ippan001');
  await app.at('BLGI020');
  await input(app.page, 'シリアル番号').fill(NEAR_EXPIRY_SERIAL);
  await input(app.page, 'ワンタイムパスワード').fill(await app.harness.codeOf(NEAR_EXPIRY_SERIAL));
  await app.page.getByRole('button', { name: '認証確認' }).click();
  await app.at('BTOP001');
}

async function expectRefusedUntil(app: App, ja: string, en: string): Promise<void> {
  await submitPassword(app, 'ippan001');
  const alert = app.page.getByRole('alert').filter({ hasText: 'ハードトークンが失効されているため' });
  await expect(alert).toHaveText(`ハードトークンが失効されているため、ログインできません。${ja}以降にハードトークンの利用開始登録が可能になります。`);
  await setLanguage(app.page, 'en');
  await expect(app.page.getByRole('alert').filter({ hasText: 'revoked' })).toContainText(`You can register a token again from ${en}.`);
  await setLanguage(app.page, 'ja');
  await app.at('BLGI001');
}

test.describe('re-registration after revocation (R-REV-5, R-LOG-4)', () => {
  test('a revoked user is refused with the time re-registration opens, in Japan time', async ({ app }) => {
    app.harness.clock.set(jst('2026-11-24T10:04:00'));
    await adminRevokesIppan(app);
    await expectRefusedUntil(app, '2026年11月24日 10時35分', 'Nov 24, 2026 10:35 JST');
    await app.shot('BLGI001-revoked');
  });

  test('once the cool-down has passed, the revoked user registers the token again', async ({ app }) => {
    app.harness.clock.set(jst('2026-11-24T10:04:00'));
    await adminRevokesIppan(app);
    app.harness.clock.set(jst('2026-11-24T10:35:00'));
    await ippanRegisters(app);
  });

  test('revoked at 21:00 JST: refused at 07:59, allowed at 08:10 the next day', async ({ app }) => {
    app.harness.clock.set(jst('2026-11-24T20:59:30'));
    await adminRevokesIppan(app);
    app.harness.clock.set(jst('2026-11-25T07:59:00'));
    await expectRefusedUntil(app, '2026年11月25日 08時10分', 'Nov 25, 2026 08:10 JST');
    app.harness.clock.set(jst('2026-11-25T08:10:00'));
    await ippanRegisters(app);
  });
});
