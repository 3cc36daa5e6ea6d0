import { defineConfig } from '@playwright/test';

/** Debian's Chromium, never a downloaded browser; flags for a container without a GPU or a sandbox. */
export const chromium = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/**
 * The renderer in Chromium against the real main-process services (e2e/fixtures). Expects
 * `npx electron-vite build` first. The browser runs in a non-Japanese time zone on purpose: every time on
 * screen must still be Japan time (SPEC R-REV-5).
 */
export default defineConfig({
  testDir: 'e2e',
  testIgnore: 'electron/**',
  workers: 2,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // scripts/test.mjs names the JSON file; a run by hand writes it beside the other reports, not to the terminal.
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'playwright-report/e2e.json' }]],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: chromium,
    viewport: { width: 1024, height: 768 },
    locale: 'ja-JP',
    timezoneId: 'America/Los_Angeles',
    trace: 'retain-on-failure',
  },
});
