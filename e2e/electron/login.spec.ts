import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinaryPath, whyElectronCannotRun } from './electronApp';

const reason = whyElectronCannotRun();
if (reason) console.log(`Skipping the real-Electron test: ${reason}`);

/** What the demo token shows now, read through the same CLI a person would use. */
function demoCode(dataDir: string): string {
  const out = spawnSync('npx', ['tsx', 'main/cli/demo-code.ts', '523405696', '--data-dir', dataDir], { encoding: 'utf8' });
  const code = /^(\d{6})/.exec(out.stdout)?.[1];
  if (!code) throw new Error(`demo:code failed: ${out.stderr}`);
  return code;
}

test('the real app logs the demo master in with the demo OTP and reaches the top page', async () => {
  test.skip(reason !== undefined, reason);
  const dataDir = mkdtempSync(join(tmpdir(), 'otp-electron-'));
  const app = await electron.launch({
    executablePath: electronBinaryPath()!,
    args: ['.'],
    env: { ...process.env, OTP_DESKTOP_DEMO_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByText('BLGI001')).toBeVisible();
    await page.getByLabel('ログインID').fill('kmb05871');
    await page.getByLabel('ログインパスワード').fill('Login#2026');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByLabel('ワンタイムパスワード').fill(demoCode(dataDir));
    await page.getByRole('button', { name: /認証|ログイン/ }).click();
    await expect(page.getByText('BTOP001')).toBeVisible();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL())).toMatch(/^app:\/\/bundle\//);
  } finally {
    await app.close();
  }
});
