import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import workerThreads from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultRules } from '../../../main/config/rules';
import { workerParser } from '../../../main/imports/parseInWorker';
import { asFile, entraCsv, serials, value } from '../../support/admin';
import { createHarness, loginWithOtp, nextStep, type Harness } from '../../support/harness';
import { pskc } from '../seedFiles/pskcBuilder';

/**
 * Issue 11 finding 10: a token file is parsed in a worker thread, never on the main process's event loop (a 32 MiB
 * PSKC stalled it for about 25 s: bench/imports.bench.ts measures the longest stall now), and a file may hold at
 * most rules.imports.maxEntries key packages. The attack: hand the import a huge file and freeze the window.
 */
let h: Harness;
let sessionId: string;
beforeEach(async () => {
  h = await createHarness({ rules: { ...defaultRules, imports: { maxEntries: 3 } } });
  sessionId = (await loginWithOtp(h, 'kmb05871')).sessionId;
  nextStep(h);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await h.close();
});

const expiry = '<ExpiryDate>2031-03-31T23:59:59Z</ExpiryDate>';
const preview = (file: { format: 'csv' | 'pskc'; fileBase64: string }) => h.core.api.imports.preview({ sessionId, ...file });
const BUILT = fileURLToPath(new URL('../../../out/main/parseWorker.js', import.meta.url));

describe('issue 11 finding 10: import files are parsed in a worker thread, with a cap on their entries', () => {
  it('the preview starts one worker thread for the file and answers from it', async () => {
    // Listening on a Worker is how the answer comes back: a real worker thread, not a stand-in.
    const listened = vi.spyOn(workerThreads.Worker.prototype, 'on');
    expect(value(await preview(asFile('csv', entraCsv(serials(830000001, 2).map((serial) => ({ serial }))))))).toMatchObject({ newCount: 2 });
    expect(listened.mock.calls.filter(([event]) => event === 'message')).toHaveLength(1);
  });

  it('more key packages (or CSV rows) than rules.imports.maxEntries → IMPORT_REFUSED, TOO_MANY_ENTRIES', async () => {
    const many = serials(840000001, 4);
    const refused = { ok: false, error: { code: 'IMPORT_REFUSED', problem: 'TOO_MANY_ENTRIES' } };
    expect(await preview(asFile('pskc', pskc(many.map((serial) => ({ serial, device: expiry })))))).toEqual(refused);
    expect(await preview(asFile('csv', entraCsv(many.map((serial) => ({ serial })))))).toEqual(refused);
    expect(value(await preview(asFile('csv', entraCsv(many.slice(0, 3).map((serial) => ({ serial }))))))).toMatchObject({ newCount: 3 });
  });

  it.runIf(existsSync(BUILT))('the built worker (out/main/parseWorker.js, after npx electron-vite build) parses a file too', async () => {
    const parsed = await workerParser(pathToFileURL(BUILT))(asFile('csv', entraCsv([{ serial: '850000001' }])), 10);
    expect(parsed).toMatchObject({ ok: true, value: { tokens: [{ serial: '850000001', period: 60 }] } });
    expect(Buffer.isBuffer((parsed as { ok: true; value: { tokens: { seed: unknown }[] } }).value.tokens[0]!.seed)).toBe(true);
  });
  if (!existsSync(BUILT)) console.log(`parse worker: ${BUILT} not built (npx electron-vite build); its check is skipped`);
});
