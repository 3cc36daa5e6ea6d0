import { setImmediate } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../main/context/previews';
import { asFile, entraCsv, serials, value } from '../../support/admin';
import { eachCompanyWorld } from '../../support/companyWorld';
import { stepUp, type Harness } from '../../support/harness';

let h: Harness;
let master: string;
eachCompanyWorld('kmb05871', (w) => ({ h, sessionId: master } = w));

const COUNT = 10_000;

describe('a 10,000-token import with a progress bar (issue: provisioning)', () => {
  it('imports.progress is answered during the commit with intermediate counts, then done; every token is written', async () => {
    const file = asFile('csv', entraCsv(serials(900_000_000, COUNT).map((serial) => ({ serial }))));
    const { previewId, newCount } = value(await h.core.api.imports.preview({ sessionId: master, ...file }));
    expect(newCount).toBe(COUNT);
    const seen: ImportProgress[] = [];
    let finished = false;
    const committing = h.core.api.imports.commit({ sessionId: master, previewId, ...(await stepUp(h)) }).finally(() => (finished = true));
    while (!finished) {
      seen.push(value(await h.core.api.imports.progress({ sessionId: master, previewId })));
      await setImmediate();
    }
    expect(await committing).toEqual({ ok: true, value: { imported: COUNT } });
    const running = seen.filter((p) => p.state === 'running');
    expect(running.filter((p) => p.done > 0 && p.done < COUNT).length).toBeGreaterThan(10);
    expect(running.every((p, i) => p.total === COUNT && (i === 0 || p.done >= running[i - 1]!.done))).toBe(true);
    expect(value(await h.core.api.imports.progress({ sessionId: master, previewId }))).toEqual({ state: 'done', done: COUNT, total: COUNT });
    const stored = await h.store.db.selectFrom('tokens').select((eb) => eb.fn.countAll<number>().as('n')).where('serial', '>=', '900000000').executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(COUNT);
  }, 60_000);
});
