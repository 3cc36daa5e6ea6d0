import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import workerThreads from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultRules } from '../../../main/config/rules';
import { workerParser } from '../../../main/imports/parseInWorker';
import type { PackedTokens } from '../../../main/seedFiles/packed';
import { asFile, entraCsv, serials, value } from '../../support/admin';
import { createHarness, loginWithOtp, nextStep, type Harness } from '../../support/harness';
import { pskc } from '../seedFiles/pskcBuilder';

/**
 * Issue 11 finding 10: a token file is parsed in a worker thread, never on the main process's event loop (a 32 MiB
 * PSKC stalled it for about 25 s: bench/responsiveness.bench.ts measures the longest stall now), and a file may hold at
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
const SOURCE = new URL('../../../main/imports/parseWorker.ts', import.meta.url);
const options = { maxEntries: 2_000, stepSeconds: 60, companyId: 1, now: Date.parse('2026-11-24T01:00:00Z') };

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

  it('the worker sorts the file: the main thread answers its store lookups, 500 serials each, and gets the new tokens packed', async () => {
    const asked: number[] = [];
    const lookup = async (batch: string[]): Promise<[string, { companyId: number }][]> => {
      asked.push(batch.length);
      return batch.includes('860000001') ? [['860000001', { companyId: 2 }]] : [];
    };
    const file = asFile('csv', entraCsv(serials(860000001, 1_001).map((serial) => ({ serial }))));
    const sorted = value(await workerParser(SOURCE)(file, options, lookup));
    expect(asked).toEqual([500, 500, 1]);
    expect(sorted.preview).toMatchObject({ total: 1_001, newCount: 1_000, otherCompanyCount: 1 });
    expect([sorted.tokens.count, sorted.tokens.seeds.length]).toEqual([1_000, 20_000]);
  });

  it.runIf(existsSync(BUILT))('the built worker (out/main/parseWorker.js, after npx electron-vite build) parses a file too', async () => {
    const parsed = await workerParser(pathToFileURL(BUILT))(asFile('csv', entraCsv([{ serial: '850000001' }])), options, async () => []);
    expect(parsed).toMatchObject({ ok: true, value: { preview: { newCount: 1, sampleTokens: [{ serial: '850000001', periodSeconds: 60 }] } } });
    const { tokens } = (parsed as { ok: true; value: { tokens: PackedTokens } }).value;
    expect([tokens.count, tokens.serials, tokens.seeds.length]).toEqual([1, '850000001', 20]);
  });
  if (!existsSync(BUILT)) console.log(`parse worker: ${BUILT} not built (npx electron-vite build); its check is skipped`);
});
