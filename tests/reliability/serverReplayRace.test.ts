import { describe, expect, it } from 'vitest';
import { RACE_RULES } from '../support/children/protocol';
import { tokenRow } from '../support/db';
import { auditRows, createHarness, PASSWORDS, type Harness } from '../support/harness';
import { scaled } from '../support/scale';
import { serverStoreOnly } from '../support/serverDialect';
import { serversForFile, type ServerCluster, type ServerProcess } from '../support/serverProcesses';

/**
 * SPEC R-OTP-2, DESIGN-NOTES 1 behind a load balancer: two company-server processes, each with its own pool
 * to one store. kmb05871 logs in through the first, test12345 through the second; they share token 523405696
 * and both send its current code at once over HTTPS. Exactly one acceptance per round.
 */
const ROUNDS = scaled(100, 1_000);
const SHARED = '523405696';

const skip = serverStoreOnly();
let h: Harness;
let cluster: ServerCluster;
const open = async () => {
  h = await createHarness({ rules: RACE_RULES });
  return { location: h.location, sealKey: h.sealKey, close: () => h.close() };
};
serversForFile(2, open, (c) => (cluster = c), { skip, timeoutMs: 60_000 });

async function passwordStep(server: ServerProcess, loginId: string): Promise<string> {
  const answer = await server.call('auth:login', { loginId, password: PASSWORDS.login });
  expect(answer.body).toMatchObject({ ok: true, value: { kind: 'needsOtp' } });
  return (answer.body as { value: { challengeId: string } }).value.challengeId;
}

describe.skipIf(skip)('replay race between two server processes on one PostgreSQL (SPEC R-OTP-2)', () => {
  it(`SPEC R-OTP-2: the same code sent to two server instances at once → exactly one accepted, ${ROUNDS} rounds`, async () => {
    const [first, second] = cluster.servers as [ServerProcess, ServerProcess];
    const auditBefore = (await auditRows(h)).length;
    const wins = { kmb05871: 0, test12345: 0 };
    const started = performance.now();
    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all([first.setClock(h.clock.now()), second.setClock(h.clock.now())]);
      const challenges = await Promise.all([passwordStep(first, 'kmb05871'), passwordStep(second, 'test12345')]);
      const code = await h.codeOf(SHARED);
      const answers = await Promise.all([
        first.call('auth:verify-otp', { challengeId: challenges[0], otp: code }),
        second.call('auth:verify-otp', { challengeId: challenges[1], otp: code }),
      ]);
      const accepted = answers.map((a) => (a.body as { ok: boolean }).ok);
      expect(accepted.filter(Boolean), `round ${round}: ${JSON.stringify(answers.map((a) => a.body))}`).toHaveLength(1);
      const loser = answers.find((a) => !(a.body as { ok: boolean }).ok)!.body;
      expect(loser).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
      wins[accepted[0] ? 'kmb05871' : 'test12345']++;
      h.clock.advance(60_000);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`server replay race: ${ROUNDS} rounds, ${ROUNDS} acceptances, ${ROUNDS} replays refused (wins ${wins.kmb05871}/${wins.test12345}) in ${seconds.toFixed(1)} s`);
    // One OTP success and one OTP failure audited per round, beside the two password steps.
    const rows = (await auditRows(h)).slice(auditBefore);
    expect(rows.filter((r) => r.action === 'login.otp' && r.result === 'success')).toHaveLength(ROUNDS);
    expect(rows.filter((r) => r.action === 'login.otp' && r.result === 'failure')).toHaveLength(ROUNDS);
    expect((await tokenRow(h, SHARED)).last_step).toBeGreaterThan(0);
  }, scaled(120_000, 1_200_000));
});
