import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { setLanguage } from '../fixtures/a11y';

const DOCS = resolve('docs/screenshots');

/** Pictures the screen as it is, in Japanese and in English: docs/screenshots/{ja,en}/<name>.png. */
export async function capture(page: Page, name: string): Promise<void> {
  // The pointer rests where nothing reacts to hover, so no button looks pressed in the picture.
  await page.mouse.move(1, 799);
  for (const lang of ['ja', 'en'] as const) {
    await setLanguage(page, lang);
    mkdirSync(join(DOCS, lang), { recursive: true });
    await page.screenshot({ path: join(DOCS, lang, `${name}.png`), fullPage: true });
  }
  await setLanguage(page, 'ja');
}
