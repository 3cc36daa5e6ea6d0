import { expect, test } from '../fixtures/app';
import { setLanguage } from '../fixtures/a11y';
import { loginWithOtp, openRevocation, revokeUsers } from '../fixtures/flows';

/** Issue 12.5: phrase-aware line breaks in Japanese, and no stray space before 以降. */
test.describe('Japanese line breaks (R-GEN-1)', () => {
  test('Japanese text breaks by phrase (word-break: auto-phrase), English does not', async ({ app }) => {
    const { page } = app;
    const lead = page.locator('p.lead').first();
    await expect(lead).toHaveCSS('word-break', 'auto-phrase');
    await setLanguage(page, 'en');
    await expect(lead).not.toHaveCSS('word-break', 'auto-phrase');
    await setLanguage(page, 'ja');
  });

  test('BRSK028 says 「…分以降に」 with no space before 以降 (R-REV-5)', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'kmb05871');
    await openRevocation(app);
    await revokeUsers(app, ['ippan001']);
    await app.at('BRSK028');
    const note = page.getByText(/※失効された利用者は、/);
    await expect(note).toContainText(/\d{2}時\d{2}分以降に/);
    await expect(note).not.toContainText('分 以降');
  });
});
