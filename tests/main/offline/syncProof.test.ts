import { describe, expect, it } from 'vitest';
import type { OutboxOperation } from '../../../shared/contract/syncModels';
import { userRecord } from '../../support/db';
import { nextStep, type Harness } from '../../support/harness';
import { apply, eachDeskWorld, issueBlockTo, queued, registerDesk, SHARED, spentOffline, stepFrom, versions, type Desk, type SyncCall } from '../../support/sync';

let h: Harness;
let call: SyncCall;
let desk: Desk;
let master: string;

eachDeskWorld((world) => ({ h, call, desk, master } = world));

/** kmb05871's queued rename of ippan001, with a valid proof for `proof`'s step. */
const rename = async (proof: { serial: string; step: number }, extra: Partial<OutboxOperation> = {}) =>
  queued(h, { channel: 'users:update', request: { loginId: 'ippan001', name: '改名 一郎' }, proof, baseVersions: await versions(call, master, 'ippan001'), ...extra });

/** Every field the server acts on, changed by one character or one unit. */
const TAMPERS: Record<string, (op: OutboxOperation) => OutboxOperation> = {
  request: (op) => ({ ...op, request: { ...op.request, name: '改名 二郎' } }),
  'request field added': (op) => ({ ...op, request: { ...op.request, userType: 'admin' } }),
  // Another channel needs its own request shape: the rename relabelled as a removal of the same user.
  channel: (op) => ({ ...op, channel: 'users:remove', request: { loginId: op.request.loginId } }),
  queuedAt: (op) => ({ ...op, queuedAt: op.queuedAt + 1 }),
  baseVersions: (op) => ({ ...op, baseVersions: { ippan001: `${op.baseVersions.ippan001!.slice(0, -1)} ` } }),
  'proof step': (op) => ({ ...op, proof: { ...op.proof, step: op.proof.step + 1 } }),
};

describe('sync:apply: the proof is the server\'s own check, bound to the operation (SPEC R-OTP-4, R-OFF-6, R-OFF-7, DESIGN-NOTES 11)', () => {
  it('SPEC R-OTP-4, R-OFF-7: one byte changed in a queued operation (request, channel, queuedAt, base versions, step) voids its proof', async () => {
    const proof = await spentOffline(h, call, desk, 'kmb05871', stepFrom(h, 2));
    // The next step reported too, so that a tampered step is one on record: only the MAC refuses it.
    await spentOffline(h, call, desk, 'kmb05871', proof.step + 1);
    for (const [field, tamper] of Object.entries(TAMPERS)) {
      const outcome = await apply(call, desk, tamper(await rename(proof)));
      expect({ field, outcome }).toEqual({ field, outcome: { accepted: false, reason: 'OFFLINE_PROOF_INVALID' } });
    }
    expect((await userRecord(h, 'ippan001'))!.name).not.toBe('改名 一郎');
    // The same operation untouched, proved by the same step (a refusal spends nothing): applied.
    expect(await apply(call, desk, await rename(proof))).toMatchObject({ accepted: true });
    expect((await userRecord(h, 'ippan001'))!.name).toBe('改名 一郎');
  });

  it('SPEC R-OTP-4, R-OFF-6: a step ahead of the clock at the time the operation says it was made, or a time in the future, is refused', async () => {
    h.clock.advance(10 * 60_000);
    const proof = await spentOffline(h, call, desk, 'kmb05871', stepFrom(h, 0));
    const now = h.clock.now().getTime();
    // Valid MACs over these very times: only the server's clock check refuses them.
    expect(await apply(call, desk, await rename(proof, { queuedAt: now - 5 * 60_000 }))).toEqual({ accepted: false, reason: 'OFFLINE_PROOF_INVALID' });
    expect(await apply(call, desk, await rename(proof, { queuedAt: now + 10 * 60_000 }))).toEqual({ accepted: false, reason: 'OFFLINE_PROOF_INVALID' });
    expect(await apply(call, desk, await rename(proof, { queuedAt: now }))).toMatchObject({ accepted: true });
  });

  it('SPEC R-OFF-3, R-OFF-6: a step of another desktop\'s block, or one already proving an operation, is refused whatever its MAC', async () => {
    const other = await registerDesk(call, master);
    await issueBlockTo(h, call, 'kmb05871', SHARED, other);
    const theirs = await spentOffline(h, call, other, 'kmb05871', stepFrom(h, 2));
    expect(await apply(call, desk, await rename(theirs))).toEqual({ accepted: false, reason: 'OFFLINE_REPLAY' });
    nextStep(h);
    const ours = await spentOffline(h, call, desk, 'kmb05871', stepFrom(h, 2));
    expect(await apply(call, desk, await rename(ours))).toMatchObject({ accepted: true });
    const again = await queued(h, { channel: 'users:unlock', request: { loginId: 'ippan001' }, proof: ours, baseVersions: await versions(call, master, 'ippan001') });
    expect(await apply(call, desk, again)).toEqual({ accepted: false, reason: 'OFFLINE_REPLAY' });
  });
});
