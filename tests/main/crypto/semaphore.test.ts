import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../../main/crypto/semaphore';

describe('the KDF semaphore bounds concurrent runs (memory stays bounded in a login storm)', () => {
  it('never more than its slots at once; every run finishes, in arrival order once queued', async () => {
    const slots = new Semaphore(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const gates: (() => void)[] = [];
    const runs = Array.from({ length: 6 }, (_, i) =>
      slots.run(async () => {
        started.push(i);
        peak = Math.max(peak, ++active);
        await new Promise<void>((r) => gates.push(r));
        active--;
        return i;
      }),
    );
    while (started.length < 6) {
      await new Promise((r) => setImmediate(r));
      expect(active).toBeLessThanOrEqual(2);
      gates.shift()?.();
    }
    gates.forEach((g) => g());
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });

  it('a run that throws frees its slot', async () => {
    const slots = new Semaphore(1);
    await expect(slots.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await slots.run(async () => 'next')).toBe('next');
  });
});
