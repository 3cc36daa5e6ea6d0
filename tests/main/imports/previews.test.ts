import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PREVIEW_TTL_MS, PreviewStore } from '../../../main/context/previews';
import { packTokens, type PackedTokens } from '../../../main/seedFiles/packed';
import { PRODUCT_TOKEN } from '../../../main/store/repos/provision';

const t0 = new Date('2026-11-24T01:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const tokens = (n: number): PackedTokens =>
  packTokens(Array.from({ length: n }, (_, i) => ({ ...PRODUCT_TOKEN, serial: String(900000000 + i), seed: randomBytes(20), expiresAt: new Date('2031-01-01') })));
const wiped = (list: PackedTokens) => list.seeds.every((b) => b === 0);

describe('import previews in memory (DESIGN-NOTES 4, 6)', () => {
  it('seeds are wiped once the commit settles, done or failed; the outcome stays readable', () => {
    const store = new PreviewStore();
    for (const outcome of ['done', 'failed'] as const) {
      const list = tokens(2);
      const id = store.put('session:a', 1, list, t0);
      expect(store.claim(id, 'session:a', 1, t0)).toEqual({ ok: true, value: list });
      expect(wiped(list)).toBe(false);
      store.settle(id, outcome, t0);
      expect(wiped(list)).toBe(true);
      expect(store.progressOf(id, 'session:a', t0)).toEqual({ ok: true, value: { state: outcome, done: outcome === 'done' ? 2 : 0, total: 2 } });
      expect(store.claim(id, 'session:a', 1, t0)).toEqual({ ok: false, error: { code: 'PREVIEW_INVALID' } });
    }
  });

  it('an expired preview is wiped at the next use of the store; one being committed is not', () => {
    const store = new PreviewStore();
    const [idle, busy] = [tokens(1), tokens(1)];
    const idleId = store.put('session:a', 1, idle, t0);
    const busyId = store.put('session:b', 1, busy, t0);
    store.claim(busyId, 'session:b', 1, t0);
    store.put('session:c', 1, tokens(1), at(PREVIEW_TTL_MS));
    expect(wiped(idle)).toBe(true);
    expect(wiped(busy)).toBe(false);
    expect(store.progressOf(idleId, 'session:a', at(PREVIEW_TTL_MS))).toEqual({ ok: false, error: { code: 'PREVIEW_INVALID' } });
    store.advance(busyId, 1);
    expect(store.progressOf(busyId, 'session:b', at(PREVIEW_TTL_MS))).toEqual({ ok: true, value: { state: 'running', done: 1, total: 1 } });
  });

  it("a second file of the same owner replaces (and wipes) the first; a finished setup's previews are wiped", () => {
    const store = new PreviewStore();
    const [first, second] = [tokens(1), tokens(1)];
    const firstId = store.put('setup:x', 1, first, t0);
    store.put('setup:x', 1, second, t0);
    expect(wiped(first)).toBe(true);
    expect(store.claim(firstId, 'setup:x', 1, t0)).toEqual({ ok: false, error: { code: 'PREVIEW_INVALID' } });
    store.dropOwner('setup:x');
    expect(wiped(second)).toBe(true);
  });

  it('claimed by another owner or company, or twice at once → PREVIEW_INVALID; released, it can be claimed again', () => {
    const store = new PreviewStore();
    const id = store.put('session:a', 1, tokens(1), t0);
    expect(store.claim(id, 'session:b', 1, t0).ok).toBe(false);
    expect(store.claim(id, 'session:a', 2, t0).ok).toBe(false);
    expect(store.claim(id, 'session:a', 1, t0).ok).toBe(true);
    expect(store.claim(id, 'session:a', 1, t0).ok).toBe(false);
    store.release(id);
    expect(store.claim(id, 'session:a', 1, t0).ok).toBe(true);
  });
});
