import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepAt } from '../../main/otp/totp';
import { Child } from '../support/children/child';
import { RACE_RULES, type RaceIn, type RaceOut } from '../support/children/protocol';
import { tokenRow } from '../support/db';
import { auditRows, createHarness, nextStep, type Harness } from '../support/harness';
import { scaled } from '../support/scale';

/**
 * SPEC R-OTP-2, DESIGN-NOTES 1 across processes: kmb05871 and test12345 share token 523405696 and log in from
 * two desktops (two Node processes, each with its own connection to one store file). Every round both submit
 * the token's current code at the same wall-clock millisecond; exactly one may be accepted.
 */
const ROUNDS = scaled(50, 500);
const SHARED = '523405696';

let h: Harness;
let desktops: Child<RaceIn, RaceOut>[];
beforeAll(async () => {
  h = await createHarness({ rules: RACE_RULES });
  desktops = ['kmb05871', 'test12345'].map((loginId) => new Child<RaceIn, RaceOut>('raceContender.ts', [h.location, h.sealKey.toString('hex'), loginId]));
  await Promise.all(desktops.map((d) => d.next('up')));
}, 60_000);
afterAll(async () => {
  for (const d of desktops ?? []) if (d.process.connected) d.send({ type: 'exit' });
  await Promise.all((desktops ?? []).map((d) => Promise.race([d.exited, new Promise((r) => setTimeout(r, 5_000))]).then(() => d.kill())));
  await h?.close();
});

describe('replay race between two processes on one database file (SPEC R-OTP-2)', () => {
  it(`SPEC R-OTP-2: two users sharing a token submit the same valid code at once from two processes → exactly one accepted, ${ROUNDS} rounds`, async () => {
    const auditBefore = (await auditRows(h)).length;
    const outcomes: string[][] = [];
    let overlapping = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const d of desktops) d.send({ type: 'login', now: h.clock.now().getTime() });
      expect((await Promise.all(desktops.map((d) => d.next('ready')))).map((r) => r.ok)).toEqual([true, true]);
      const code = await h.codeOf(SHARED);
      const at = Date.now() + 15;
      for (const d of desktops) d.send({ type: 'go', code, at });
      const results = await Promise.all(desktops.map((d) => d.next('result')));
      expect(results.flatMap((r) => r.bugs)).toEqual([]);
      outcomes.push(results.map((r) => r.outcome));
      const [a, b] = results as [RaceOut & { type: 'result' }, RaceOut & { type: 'result' }];
      if (a.startedAt < b.endedAt && b.startedAt < a.endedAt) overlapping++;
      expect({ round, outcomes: results.map((r) => r.outcome).sort() }).toEqual({ round, outcomes: ['OTP_REUSED', 'ok'] });
      expect((await tokenRow(h, SHARED)).last_step).toBe(stepAt(h.clock.now(), 60));
      nextStep(h);
    }
    const wins = ['kmb05871', 'test12345'].map((_, i) => outcomes.filter((o) => o[i] === 'ok').length);
    console.log(`replay race: ${ROUNDS} rounds across 2 processes, exactly one accepted in each; verifications overlapped in time in ${overlapping}; wins kmb05871 ${wins[0]}, test12345 ${wins[1]}`);

    // Every attempt audited (SPEC R-OTP-3): per round one password step each, one accepted code, one replay.
    const rows = (await auditRows(h)).slice(auditBefore);
    const count = (action: string, result: string, reason: string | null) =>
      rows.filter((r) => r.action === action && r.result === result && r.reason === reason).length;
    expect(rows).toHaveLength(4 * ROUNDS);
    expect(count('login.password', 'success', null)).toBe(2 * ROUNDS);
    expect(count('login.otp', 'success', null)).toBe(ROUNDS);
    expect(count('login.otp', 'failure', 'OTP_REUSED')).toBe(ROUNDS);
  }, scaled(120_000, 900_000));
});
