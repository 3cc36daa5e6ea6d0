import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PREVIEW_TTL_MS } from '../../../main/context/previews';
import type { PackedTokens } from '../../../main/seedFiles/packed';
import { asFile, entraCsv, serials, value } from '../../support/admin';
import { createHarness, loginWithOtp, nextStep, stepUp, type Harness } from '../../support/harness';

/**
 * Issue 11 finding 7 (DESIGN-NOTES 4, 6): an import preview holds plaintext seeds; they must not outlive the
 * session that made it, nor 10 minutes. The attack: preview a file, walk away (log out, idle, lock the screen,
 * close the window), and find the seeds still in memory.
 */
let h: Harness;
let sessionId: string;
let held: PackedTokens[];
beforeEach(async () => {
  h = await createHarness();
  sessionId = (await loginWithOtp(h, 'kmb05871')).sessionId;
  nextStep(h);
  held = [];
  // The real store still runs; the spy only keeps a reference to what it was handed, to look at the seeds later.
  const put = h.core.deps.previews.put.bind(h.core.deps.previews);
  vi.spyOn(h.core.deps.previews, 'put').mockImplementation((owner, companyId, tokens, now) => {
    held.push(tokens);
    return put(owner, companyId, tokens, now);
  });
});
afterEach(async () => {
  vi.useRealTimers();
  await h.close();
});

const preview = async () =>
  value(await h.core.api.imports.preview({ sessionId, ...asFile('csv', entraCsv(serials(800000001, 3).map((serial) => ({ serial })))) }));
const wiped = () => held.every((t) => t.seeds.every((b) => b === 0));

describe('issue 11 finding 7: import previews end with their session and after 10 minutes, their seeds overwritten', () => {
  it.each([
    ['logout', async () => value(await h.core.api.auth.logout({ sessionId }))],
    ['lock screen or window closed', async () => h.core.localSessions!.endAll('suspended', h.clock.now())],
    ['idle timeout', async () => {
      h.clock.advance(h.core.deps.rules.session.idleTimeoutMs);
      expect(await h.core.api.auth.session({ sessionId })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'idle' } });
    }],
  ])('DESIGN-NOTES 6: %s wipes the seeds at once', async (_label, end) => {
    const { previewId } = await preview();
    expect(held.reduce((n, t) => n + t.count, 0)).toBe(3);
    expect(wiped()).toBe(false);
    await end();
    expect(wiped()).toBe(true);
    sessionId = (await loginWithOtp(h, 'kmb05871')).sessionId;
    nextStep(h);
    expect(await h.core.api.imports.commit({ sessionId, previewId, ...(await stepUp(h)) })).toMatchObject({ ok: false, error: { code: 'PREVIEW_INVALID' } });
  });

  it('DESIGN-NOTES 6: after 10 minutes the seeds are wiped even if nobody touches the app again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await preview();
    vi.advanceTimersByTime(PREVIEW_TTL_MS - 1);
    expect(wiped()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(wiped()).toBe(true);
  });
});
