import { defineConfig } from '@playwright/test';

/** The real Electron app, driven by Playwright's _electron; runs wherever an Electron binary exists. */
export default defineConfig({
  testDir: 'e2e/electron',
  outputDir: 'test-results/electron',
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json']],
});
