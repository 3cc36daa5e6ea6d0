import { defineConfig } from '@playwright/test';
import { chromium } from './playwright.config';

/**
 * `npm run screenshots`: one tour of every screen on the demo data, pictured in Japanese and English at
 * 1280×800 into docs/screenshots/{ja,en}/. Not part of `npm test` (the *.shots.ts files match no test pattern).
 */
export default defineConfig({
  testDir: 'e2e/screenshots',
  testMatch: '**/*.shots.ts',
  workers: 1,
  timeout: 300_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/screenshots',
  use: {
    browserName: 'chromium',
    launchOptions: chromium,
    viewport: { width: 1280, height: 800 },
    locale: 'ja-JP',
    timezoneId: 'America/Los_Angeles',
  },
});
