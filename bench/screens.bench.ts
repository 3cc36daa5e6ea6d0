import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { bridgeApi, type Bridge } from '../e2e/fixtures/bridge';
import { startStaticServer } from '../e2e/fixtures/staticServer';
import { createHarness, PASSWORDS, type Harness } from '../tests/support/harness';
import { buildBlankPage, launchChromium, timeToSelector } from './lib/browser';
import { report, summarise, type Row } from './lib/measure';

/** The renderer in Debian's Chromium on the real services (the browser tests' bridge); `npm run build` first. */
const section = 'Screens in Chromium';
const RENDERER = resolve('out/renderer');

async function withPage<T>(browser: Browser, harness: Harness | undefined, use: (page: Page, bridge?: Bridge) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const bridge = harness ? await bridgeApi(page, harness) : undefined;
  try {
    return await use(page, bridge);
  } finally {
    await context.close();
  }
}

async function loginFormVsBlank(browser: Browser): Promise<Row[]> {
  const renderer = await startStaticServer(RENDERER);
  const blank = await startStaticServer(await buildBlankPage());
  const login: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < 17; i++) {
    const harness = await createHarness();
    login.push(await withPage(browser, harness, (page) => timeToSelector(page, renderer.url, '#login-submit')));
    await harness.close();
    baseline.push(await withPage(browser, undefined, (page) => timeToSelector(page, blank.url, 'button')));
  }
  await Promise.all([renderer.close(), blank.close()]);
  const [l, b] = [summarise(login.slice(2)), summarise(baseline.slice(2))];
  const ratio = l.median / b.median;
  return [
    { section, figure: 'navigation → interactive login form (BLGI001)', unit: 'ms', ...l, ratio, ratioOf: 'blank React page', goal: '≤ 1.5× blank', met: ratio <= 1.5 },
    { section, figure: 'navigation → blank React page built by the same toolchain', unit: 'ms', ...b },
  ];
}

async function addUsers(harness: Harness, count: number): Promise<void> {
  const { id } = await harness.store.db.selectFrom('companies').select('id').where('code', '=', 'C0001').executeTakeFirstOrThrow();
  const rows = Array.from({ length: count }, (_, i) => ({
    company_id: id, login_id: `user${String(i).padStart(5, '0')}`, name: `利用者 ${i}`, user_type: 'general' as const,
    login_password_hash: 'unusable', auth_password_hash: 'unusable', locked_at: null, created_at: 0,
  }));
  for (let i = 0; i < rows.length; i += 500) await harness.store.db.insertInto('users').values(rows.slice(i, i + 500)).execute();
}

/**
 * Scrolls the user list to its end one step per animation frame; answers every frame's duration. A string, not
 * a function: tsx rewrites named functions with a helper (__name) that the page lacks.
 */
const scrollFrames = (page: Page): Promise<number[]> =>
  page.evaluate(`new Promise((done) => {
    const list = document.querySelector('.table-scroll');
    const frames = [];
    let last = performance.now();
    const step = (t) => {
      frames.push(t - last);
      last = t;
      list.scrollTop += 800;
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) done(frames.slice(1));
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  })`);

/**
 * Splits the list call: the time the page waits (the Playwright bridge serialises 10,000 rows as JSON through
 * the DevTools protocol, which Electron's structured-clone IPC does not) and the main process's own share.
 */
async function timeListCalls(page: Page, harness: Harness, sessionId: string) {
  const dispatch = harness.core.dispatch;
  const main: number[] = [];
  const inPage: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await dispatch('users:list', { sessionId, sort: 'loginId-asc' });
    main.push(performance.now() - start);
    inPage.push(
      await page.evaluate(`(async () => {
        const t = performance.now();
        await window.api.users.list({ sessionId: ${JSON.stringify(sessionId)}, sort: 'loginId-asc' });
        return performance.now() - t;
      })()`),
    );
  }
  return { main: summarise(main), page: summarise(inPage) };
}

async function bigUserList(browser: Browser): Promise<Row[]> {
  const harness = await createHarness();
  await addUsers(harness, 10_000);
  const renderer = await startStaticServer(RENDERER);
  const rows = await withPage(browser, harness, async (page, bridge) => {
    await page.goto(renderer.url);
    await page.locator('#login-submit').waitFor();
    await page.getByLabel('ログインID').and(page.locator('input')).fill('test12345');
    await page.getByLabel('ログインパスワード').and(page.locator('input')).fill(PASSWORDS.login);
    await page.locator('#login-submit').click();
    await page.getByLabel('ワンタイムパスワード').and(page.locator('input')).fill(await harness.codeOf('523405696'));
    await page.getByRole('button', { name: '認証', exact: true }).click();
    await page.getByRole('button', { name: '設定・管理' }).click();
    await page.getByRole('button', { name: '利用者管理', exact: true }).click();
    const firstRows: number[] = [];
    for (let i = 0; i < 6; i++) {
      if (i > 0) await page.getByRole('button', { name: /利用者管理メニューへ/ }).click();
      const start = performance.now();
      await page.getByRole('button', { name: 'トークンの失効' }).click();
      await page.locator('.user-table tbody tr:not(.spacer)').first().waitFor();
      firstRows.push(performance.now() - start);
    }
    const listCalls = await timeListCalls(page, harness, bridge!.sessionIds.at(-1)!);
    const frames = await scrollFrames(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
    const worst = [...frames].sort((a, b) => b - a);
    const shown = summarise(firstRows.slice(1));
    return [
      { section, figure: 'BRSK027, 10,000 users: click → first rows visible (test bridge included)', unit: 'ms', ...shown },
      { section, figure: '  users.list of 10,000 as the page sees it through the test bridge', unit: 'ms', ...listCalls.page },
      { section, figure: '  of which the main process (dispatch, store, schemas)', unit: 'ms', ...listCalls.main },
      { section, figure: '  click → first rows without the bridge transport (render and store)', unit: 'ms', median: shown.median - listCalls.page.median + listCalls.main.median, p95: shown.p95 - listCalls.page.median + listCalls.main.median },
      { section, figure: `BRSK027 scrolled to the end: ${frames.length} frames (p95 col = worst; next: ${worst.slice(1, 4).map((f) => f.toFixed(0)).join(', ')})`, unit: 'ms', median: summarise(frames).median, p95: worst[0]!, goal: 'no frame > 50 ms', met: worst[0]! <= 50 },
      { section: 'Memory', figure: "renderer JS heap after BRSK027 shows 10,000 users (after GC)", unit: 'MiB', median: heap, p95: heap },
    ];
  });
  await renderer.close();
  await harness.close();
  return rows;
}

function bundleSize(): Row[] {
  const dir = join(RENDERER, 'assets');
  const js = readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, f)));
  const raw = js.reduce((n, b) => n + b.length, 0) / 1024;
  const gzip = js.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) / 1024;
  return [
    { section, figure: 'renderer JavaScript, raw', unit: 'KB', median: raw, p95: raw },
    { section, figure: 'renderer JavaScript, gzip -9', unit: 'KB', median: gzip, p95: gzip, goal: '≤ 150 KB', met: gzip <= 150 },
  ];
}

async function main() {
  const browser = await launchChromium();
  try {
    report([...(await loginFormVsBlank(browser)), ...(await bigUserList(browser)), ...bundleSize()]);
  } finally {
    await browser.close();
  }
}

void main();
