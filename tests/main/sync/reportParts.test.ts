import { describe, expect, it } from 'vitest';
import { MAX_BLOCK_STEPS, MAX_SYNC_HOLDERS, syncContract } from '../../../shared/contract/syncChannels';
import { reportParts } from '../../../main/sync/reportParts';

const DESK = { desktopId: '0190b5a0-0000-7000-8000-000000000000', desktopSecret: 'x'.repeat(43) };
const schema = syncContract.sync.reportSteps.request;

/** `holders` blocks, each on its own token, with `steps` unreported steps each, and a failure each. */
function world(holders: number, steps: number) {
  const loginIds = Array.from({ length: holders }, (_, i) => `user${String(i).padStart(4, '0')}`);
  const blocks = loginIds.map((loginId, i) => ({ loginId, tokenSerial: String(523405000 + i) }));
  const used = blocks.flatMap((b) => Array.from({ length: steps }, (_, k) => ({ serial: b.tokenSerial, step: 1_000 + k, loginId: b.loginId, at: 0 })));
  return { blocks, sent: { used, failures: Object.fromEntries(loginIds.map((id) => [id, 1])) } };
}

describe('the report split within the contract\'s bound (issue 19 finding 6, SPEC R-OFF-7)', () => {
  it('SPEC R-OFF-7: a few holders go in one request, as before', () => {
    const { blocks, sent } = world(3, 10);
    const parts = reportParts(blocks, sent);
    expect(parts).toHaveLength(1);
    expect(schema.safeParse({ ...DESK, ...parts[0] }).success).toBe(true);
  });

  it('SPEC R-OFF-7: many holders, and a holder with more steps than one block, take several requests, each valid; every step, holder and failure sent once', () => {
    const { blocks, sent } = world(2 * MAX_SYNC_HOLDERS + 3, MAX_BLOCK_STEPS + 5);
    const parts = reportParts(blocks, sent);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(schema.safeParse({ ...DESK, ...part }).success).toBe(true);
    const key = (u: { serial: string; step: number }) => `${u.serial}:${u.step}`;
    expect(parts.flatMap((p) => p.used.map(key)).sort()).toEqual(sent.used.map(key).sort());
    expect(new Set(parts.flatMap((p) => p.holders))).toEqual(new Set(blocks.map((b) => b.loginId)));
    expect(Object.assign({}, ...parts.map((p) => p.failures))).toEqual(sent.failures);
    expect(parts.flatMap((p) => Object.keys(p.failures))).toHaveLength(blocks.length);
  });

  it('SPEC R-OFF-7: nothing to report is still one request (its answer brings the floors and the void holders)', () => {
    expect(reportParts([], { used: [], failures: {} })).toEqual([{ used: [], failures: {}, serials: [], holders: [] }]);
  });
});
