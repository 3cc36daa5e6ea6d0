import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';
import { openRevocation, submitOtp, submitPassword } from '../fixtures/flows';

/** 200 % of the 1024 × 768 minimum window: what Ctrl + + gives a member of staff with low vision. */
test.use({ viewport: { width: 512, height: 384 } });

const CONTROLS = 'button, input, select, textarea, a[href], [tabindex="0"]';

/**
 * Every control of the screen, scrolled into view, lies inside the viewport's width and is the element found at
 * its own centre (nothing covers it), and the page itself never scrolls sideways (WCAG 2.2 1.4.10).
 */
async function expectUsable(page: Page, screen: string): Promise<void> {
  const pageOverflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
  expect(pageOverflow, `${screen}: the page scrolls sideways`).toBeLessThanOrEqual(0);
  const controls = page.locator(CONTROLS).filter({ visible: true });
  const count = await controls.count();
  expect(count, `${screen}: controls`).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    const control = controls.nth(i);
    await control.scrollIntoViewIfNeeded();
    const problem = await control.evaluate((el) => {
      const r = el.getBoundingClientRect();
      // Inside a box that scrolls (the user table), the box is the edge; elsewhere the window is.
      const clip = el.closest('.table-scroll')?.getBoundingClientRect() ?? { left: 0, right: el.ownerDocument.documentElement.clientWidth };
      if (r.left < clip.left - 1 || r.right > clip.right + 1) return `cut off (${Math.round(r.left)}..${Math.round(r.right)})`;
      const hit = el.ownerDocument.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const label = el.closest('label');
      const own = hit !== null && (el.contains(hit) || hit.contains(el) || (label !== null && label.contains(hit)));
      return own ? null : `covered by ${hit?.outerHTML.slice(0, 80) ?? 'nothing'}`;
    });
    const name = await control.evaluate((el) => el.outerHTML.slice(0, 100));
    expect(problem, `${screen}: ${name}`).toBeNull();
  }
}

test('at 512×384 every control from login to BRSK027 is visible and reachable (WCAG 2.2 1.4.4, 1.4.10)', async ({ app }) => {
  const { page } = app;
  await expectUsable(page, 'BLGI001');
  await submitPassword(app, 'kmb05871');
  await app.at('BLGI001-otp');
  await expectUsable(page, 'BLGI001-otp');
  await submitOtp(app, await app.harness.codeOf('523405696'));
  await app.at('BTOP001');
  await expectUsable(page, 'BTOP001');
  await page.getByRole('button', { name: '設定・管理' }).click();
  await expectUsable(page, 'BTOP001 with 設定・管理 open');
  await page.getByRole('button', { name: '設定・管理' }).click();
  await openRevocation(app);
  await expectUsable(page, 'BRSK027');
  // The wide user table scrolls inside its own box, not the page.
  const table = page.locator('.table-scroll').first();
  expect(await table.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await page.getByRole('button', { name: '失効', exact: true }).click();
  await expectUsable(page, 'BRSK027 with errors');
  await app.shot('BRSK027-zoomed');
});
