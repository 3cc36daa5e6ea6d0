import { expect, test, type App } from '../fixtures/app';
import { fieldError, fillStepUp, openUserTask, required } from '../fixtures/admin';
import { freshCode, input, loginWithOtp, logout, submitPassword, wrongCode } from '../fixtures/flows';
import { PASSWORDS } from '../../tests/support/harness';
import { base32, codeOf, entraCsv, newToken } from '../fixtures/tokenFiles';
import { MAC_KEY, PSK, pskcXml } from '../../tests/main/seedFiles/pskcBuilder';

const good = newToken('900000001');
const seed = base32(newToken('0').seed);

/** One good row, then one row for every kind of problem the preview reports (line numbers count the header). */
const faultyCsv = entraCsv(
  [good],
  [
    `,abc,${seed},60,Example,HT-60,2031-03-31`,
    `,900000002,${seed},45,Example,HT-60,2031-03-31`,
    `,900000002,${seed},60,Example,HT-60,2031-03-31`, // line 4's serial again: refused (a duplicate of a good row would refuse both)
    `,523405696,${seed},60,Example,HT-60,2031-03-31`,
    `,700000001,${seed},60,Example,HT-60,2031-03-31`,
    `,900000003,${seed},60,Example,HT-60,2031/02/30`,
    `,900000004,${seed},60`,
  ],
);

async function choose(app: App, name: string, buffer: Buffer, mimeType: string, key = ''): Promise<void> {
  await app.page.getByLabel('ファイル 必須').setInputFiles({ name, mimeType, buffer });
  await app.page.getByLabel('事前共有鍵').fill(key);
  await app.page.getByRole('button', { name: '確認' }).click();
}

test.describe('ハードトークン取込 (設定・管理 > 利用者管理)', () => {
  test('a faulty CSV: each problem with its line and a Japanese reason, then the good token imported with the step-up (SPEC R-TOK-3, R-TOK-4, R-TOK-5, R-OTP-4)', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'test12345');
    await openUserTask(app, 'ハードトークン取込', 'tokenImport');
    await expect(page.locator('[aria-current="step"]')).toHaveText('ファイルの選択');
    await page.getByRole('button', { name: '確認' }).click();
    await expect(fieldError(page, 'import-file')).toHaveText('ファイルを選択してください。');
    await choose(app, 'tokens.csv', faultyCsv, 'text/csv');
    await expect(page.locator('[aria-current="step"]')).toHaveText('内容の確認');

    await expect(page.getByRole('table', { name: '件数' }).getByRole('row')).toHaveText([
      '新規1件',
      '登録済み1件',
      '他企業で登録済み1件',
      '有効期限切れ0件',
      '不備5件',
      '合計8件',
    ]);
    const problems = page.getByRole('table', { name: '取り込まないハードトークンと不備' });
    await expect(problems.locator('tbody tr')).toHaveText([
      '3行目シリアル番号が正しくありません(半角数字8桁以上12桁以内)。',
      '4行目ワンタイムパスワードの更新間隔に対応していません。',
      '5行目同じシリアル番号がファイル内で重複しています。',
      '6行目登録済みのハードトークンのため、取り込みません(登録済みの内容は変わりません)。',
      '7行目他の企業で登録済みのハードトークンのため、取り込みません。',
      '8行目有効期限が正しくありません。',
      '9行目項目の数または形式が正しくありません。',
    ]);
    await expect(page.getByRole('table', { name: '取り込むハードトークン(抜粋)' }).locator('tbody tr')).toHaveText(['90000000160秒6桁取り込みます']);
    await app.at('tokenImport');
    await app.shot('token-import-preview');

    await fillStepUp(page, 'not-the-auth-password', await freshCode(app));
    await page.getByRole('button', { name: '取込', exact: true }).click();
    await expect(fieldError(page, 'import-auth-password')).toHaveText('認証パスワードが正しくありません。(あと4回誤るとロックされます)');
    await expect(required(page.getByRole('group', { name: '認証項目' }), '認証パスワード')).toBeFocused();

    await fillStepUp(page, PASSWORDS.auth, await wrongCode(app));
    await page.getByRole('button', { name: '取込', exact: true }).click();
    await expect(fieldError(page, 'import-otp')).toHaveText(/^ワンタイムパスワードが正しくありません。/);

    await fillStepUp(page, PASSWORDS.auth, await app.harness.codeOf('523405696'));
    await page.getByRole('button', { name: '取込', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '1件のハードトークンを取り込みました。' })).toBeVisible();
    const progress = page.getByRole('progressbar', { name: '取込状況' });
    await expect(progress).toHaveAttribute('value', '1');
    await expect(progress).toHaveAccessibleDescription('1件中 1件');
    await expect(page.locator('[aria-current="step"]')).toHaveText('取込完了');
    await app.at('tokenImport');
    await app.shot('token-import-done');
    const stored = await app.harness.store.db.selectFrom('tokens').select('serial').where('serial', 'like', '9%').execute();
    expect(stored.map((t) => t.serial)).toEqual(['900000001']);
  });

  test('a file refused as a whole says why at the file; a malformed key is refused at the key (R-GEN-3)', async ({ app }) => {
    const { page } = app;
    await loginWithOtp(app, 'kmb05871');
    await openUserTask(app, 'ハードトークン取込', 'tokenImport');
    const dtd = '<?xml version="1.0"?>\n<!DOCTYPE KeyContainer [<!ENTITY x "y">]>\n<KeyContainer Version="1.0" xmlns="urn:ietf:params:xml:ns:keyprov:pskc"/>\n';
    await choose(app, 'tokens.xml', Buffer.from(dtd), 'text/xml');
    await expect(page.getByLabel('ファイル形式 必須')).toHaveValue('pskc');
    await expect(fieldError(page, 'import-file')).toHaveText('ファイルを読み込めませんでした。DTD(文書型定義)を含むファイルは、安全のため読み込めません。');
    await expect(page.getByLabel('ファイル 必須')).toHaveAttribute('aria-invalid', 'true');
    await app.at('tokenImport');
    await app.shot('token-import-refused');

    await choose(app, 'tokens.csv', entraCsv([newToken('900000005')]), 'text/csv', '12345');
    await expect(fieldError(page, 'import-key')).toHaveText('事前共有鍵は16進数32桁・48桁・64桁で入力してください。');
  });

  test('a file of 5,000 tokens: the progress bar follows imports:progress while the commit runs', async ({ app }) => {
    const { page } = app;
    const many = Array.from({ length: 5000 }, (_, i) => newToken(String(910000000 + i)));
    await loginWithOtp(app, 'test12345');
    await openUserTask(app, 'ハードトークン取込', 'tokenImport');
    await choose(app, 'many.csv', entraCsv(many), 'text/csv');
    await expect(page.getByRole('table', { name: '件数' }).getByRole('row').first()).toHaveText('新規5000件');
    await fillStepUp(page, PASSWORDS.auth, await freshCode(app));
    await page.getByRole('button', { name: '取込', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '5000件のハードトークンを取り込みました。' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('progressbar', { name: '取込状況' })).toHaveAttribute('value', '5000');
    expect(app.bridge.calls.filter((c) => c === 'imports:progress').length).toBeGreaterThan(0);
    expect(app.bridge.calls.indexOf('imports:progress')).toBeGreaterThan(app.bridge.calls.indexOf('imports:commit'));
  });

  test('an encrypted PSKC file: the key is asked for, a wrong one refused, the right one imports tokens a user then registers (RFC 6030, R-LOG-3)', async ({ app }) => {
    const { page } = app;
    const tokens = [newToken('920000001'), newToken('920000002')];
    const expiry = '<ExpiryDate>2031-03-31T14:59:00Z</ExpiryDate>';
    const xml = pskcXml(tokens.map((t) => ({ serial: t.serial, seed: t.seed, device: expiry })), { psk: PSK, macKey: MAC_KEY });
    const file = Buffer.from(xml, 'utf8');
    await loginWithOtp(app, 'test12345');
    await openUserTask(app, 'ハードトークン取込', 'tokenImport');
    await choose(app, 'tokens.pskcxml', file, 'application/xml');
    await expect(fieldError(page, 'import-key')).toHaveText('ファイルを読み込めませんでした。ファイルが暗号化されています。事前共有鍵を入力してください。');
    await expect(page.getByLabel('事前共有鍵')).toBeFocused();
    await choose(app, 'tokens.pskcxml', file, 'application/xml', 'ff'.repeat(16));
    await expect(fieldError(page, 'import-key')).toHaveText('ファイルを読み込めませんでした。事前共有鍵が正しくありません。');
    await choose(app, 'tokens.pskcxml', file, 'application/xml', PSK.toString('hex'));
    await expect(page.getByRole('table', { name: '件数' }).getByRole('row').first()).toHaveText('新規2件');
    await expect(page.getByRole('table', { name: '取り込むハードトークン(抜粋)' }).locator('tbody td:first-child')).toHaveText(['920000001', '920000002']);
    await fillStepUp(page, PASSWORDS.auth, await freshCode(app));
    await page.getByRole('button', { name: '取込', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '2件のハードトークンを取り込みました。' })).toBeVisible();
    await logout(app);

    await submitPassword(app, 'shinki01');
    await app.at('BLGI020');
    await input(page, 'シリアル番号').fill(tokens[1]!.serial);
    await input(page, 'ワンタイムパスワード').fill(codeOf(app, tokens[1]!));
    await page.getByRole('button', { name: '認証確認' }).click();
    await app.at('BTOP001');
  });
});
