import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium as launcher, type Browser, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { chromium } from '../../playwright.config';

/** Builds bench/blank with the renderer's toolchain (Vite + React plugin, minified) into a temporary folder. */
export async function buildBlankPage(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'otp-blank-'));
  await build({ root: resolve('bench/blank'), base: './', logLevel: 'error', plugins: [react()], build: { outDir, minify: true } });
  return outDir;
}

export const launchChromium = (): Promise<Browser> => launcher.launch(chromium);

/**
 * Milliseconds from navigation start until `selector` exists in the page, read with the page's own clock by a
 * MutationObserver installed before any script runs.
 */
export async function timeToSelector(page: Page, url: string, selector: string): Promise<number> {
  // A string, not a function: tsx rewrites named functions with a helper (__name) that the page lacks.
  await page.addInitScript(`(() => {
    const selector = ${JSON.stringify(selector)};
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      window.__readyAt = performance.now();
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  })();`);
  await page.goto(url);
  // A function, not a string: the page's CSP forbids evaluating strings inside it (no 'unsafe-eval').
  await page.waitForFunction(() => (globalThis as { __readyAt?: number }).__readyAt !== undefined);
  return page.evaluate('window.__readyAt');
}
