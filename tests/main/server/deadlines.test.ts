import { describe, expect, it } from 'vitest';
import { LONG_CHANNELS } from '../../../main/ipc/deadlines';
import { createHarness } from '../../support/harness';
import { startServer } from '../../support/server';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** The real dispatch, each named channel held at its own gate once it has entered: a slow handler, no clock. */
function gatedDispatch(dispatch: (name: string, raw: unknown) => Promise<unknown>, held: readonly string[]) {
  const gates = new Map(held.map((name) => [name, deferred()]));
  const entered = new Map(held.map((name) => [name, deferred()]));
  const running: Promise<unknown>[] = [];
  return {
    core: {
      dispatch: (name: string, raw: unknown) => {
        const call = (async () => {
          entered.get(name)?.resolve();
          await gates.get(name)?.promise;
          return dispatch(name, raw) as never;
        })();
        running.push(call);
        return call;
      },
      // Only public channels here: nothing for a bearer check to refuse.
      gate: async () => ({ ok: true as const, value: null }),
    },
    entered: (name: string) => entered.get(name)!.promise,
    release: (name: string) => gates.get(name)!.resolve(),
    /** Every gate opened and every call finished (one whose connection was cut still runs to its end). */
    async settle() {
      for (const gate of gates.values()) gate.resolve();
      await Promise.allSettled(running);
    },
  };
}

const ID = 'A'.repeat(43);

describe('request deadlines follow the channel, as on the desktop (issue 13)', () => {
  it('issue 13: a long channel keeps its connection past the ordinary deadline, an ordinary one is cut at it', async () => {
    expect(LONG_CHANNELS.has('setup:commit-import')).toBe(true);
    const h = await createHarness();
    const gated = gatedDispatch(h.core.dispatch, ['setup:commit-import', 'setup:status']);
    const t = await startServer({ harness: h, core: gated.core, deadlines: { normalMs: 1_000, longMs: 120_000 } });
    try {
      const long = t.call('setup:commit-import', { setupId: ID, previewId: ID });
      await gated.entered('setup:commit-import');
      // Started after the long one was already in its handler: once this one is cut, the long one has waited
      // longer than the ordinary deadline too.
      const ordinary = t.call('setup:status', {}).then(
        (answer) => `answered ${answer.status}`,
        (error: NodeJS.ErrnoException) => error.code ?? error.message,
      );
      await gated.entered('setup:status');
      expect(await ordinary).toBe('ECONNRESET');
      gated.release('setup:commit-import');
      expect(await long).toMatchObject({ status: 200, body: { ok: false, error: { code: 'SETUP_INVALID' } } });
    } finally {
      await gated.settle();
      await t.close();
      await h.close();
    }
  });

});
