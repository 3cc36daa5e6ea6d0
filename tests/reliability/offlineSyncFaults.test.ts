import { describe, expect, it } from 'vitest';
import { FAULT_RULES, faultRun } from '../support/faultSync';
import { createHarness } from '../support/harness';

const LONG = process.env.LONG === '1';
/** The full run under `npm run test:long`; `npm test` runs a smaller one with the same checks. */
const CYCLES = LONG ? 100 : 12;
const OPERATIONS = LONG ? 200 : 30;
const SEED = Number(process.env.SEED ?? Date.now() % 2 ** 31);

describe('the sync at reconnect under real network faults (issue 14, tests/support/faultProxy.ts)', () => {
  it(
    `SPEC R-OFF-7: ${CYCLES} cut/restore cycles during the sync of ${OPERATIONS} queued operations: each applied once or refused with its reason`,
    { timeout: LONG ? 900_000 : 120_000 },
    async () => {
      console.log(`offline sync fault run: seed ${SEED} (replay with SEED=${SEED})`);
      const figures = await faultRun(await createHarness({ rules: FAULT_RULES }), CYCLES, OPERATIONS, SEED);
      console.log(
        `offline sync fault run: cycles ${figures.cycles} (${figures.interrupted} cut a running sync), operations ${figures.operations}, accepted ${figures.accepted}, refused ${figures.refused}, lost ${figures.lost}, twice ${figures.twice}`,
      );
      expect({ lost: figures.lost, twice: figures.twice }).toEqual({ lost: 0, twice: 0 });
    },
  );
});
