import { describe, expect, it } from 'vitest';
import { eachHarness } from '../../support/companyWorld';
import { assignments } from '../../support/db';
import { StandInHost } from '../../../main/bank/standInHost';
import { deliverPending } from '../../../main/transfers/sender';
import { auditRows, loginWithOtp, nextStep, stepUp, type Harness } from '../../support/harness';
import { approve, requested, sessionOf, setUpTransfers } from '../../support/transfers';

let h: Harness;
eachHarness((harness) => (h = harness));

describe('what the schema itself refuses', () => {
  it('DESIGN-NOTES 3, SPEC R-GEN-2: the audit log refuses UPDATE and DELETE', async () => {
    await loginWithOtp(h, 'kmb05871');
    const before = await auditRows(h);
    expect(before.length).toBeGreaterThan(0);
    await expect(h.store.db.updateTable('audit_log').set({ result: 'success' }).execute()).rejects.toThrow(/append-only/);
    await expect(h.store.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    expect(await auditRows(h)).toEqual(before);
  });

  it('DESIGN-NOTES 2: a revoked assignment cannot be made active again, nor deleted', async () => {
    const master = await loginWithOtp(h, 'kmb05871');
    nextStep(h);
    expect(await h.core.api.tokens.revoke({ sessionId: master.sessionId, loginIds: ['ippan001'], ...(await stepUp(h)) })).toMatchObject({ ok: true });
    const revoked = (await assignments(h)).find((a) => a.state === 'revoked')!;
    const db = h.store.db;
    await expect(db.updateTable('token_assignments').set({ state: 'active' }).where('id', '=', revoked.id).execute()).rejects.toThrow(/revocation is final/);
    await expect(db.updateTable('token_assignments').set({ reregistration_at: 0 }).where('id', '=', revoked.id).execute()).rejects.toThrow(/final/);
    await expect(db.deleteFrom('token_assignments').where('id', '=', revoked.id).execute()).rejects.toThrow(/history/);
    expect((await assignments(h)).find((a) => a.id === revoked.id)).toEqual(revoked);
  });

  it('SPEC actors: exactly one master per company', async () => {
    await expect(h.store.db.updateTable('users').set({ user_type: 'master' }).where('login_id', '=', 'test12345').execute()).rejects.toThrow(/unique/i);
  });

  it('SPEC R-TOK-5: the store refuses a serial outside 8-12 characters', async () => {
    await expect(h.store.db.updateTable('tokens').set({ serial: '1234567' }).where('serial', '=', '600000001').execute()).rejects.toThrow(/check/i);
  });
});

describe('money moves once, in the store itself (DESIGN-NOTES 12)', () => {
  it('SPEC R-TRX-5, R-TRX-8: an instruction is never edited nor deleted, an answered one never changes; approvals are history', async () => {
    await setUpTransfers(h, 1, { ippan001: ['request'], kmb05871: ['approve'] });
    const [requester, master] = [await sessionOf(h, 'ippan001'), await sessionOf(h, 'kmb05871')];
    const approved = await approve(h, master, await requested(h, requester));
    if (!approved.ok || !approved.value.instructionId) throw new Error(JSON.stringify(approved));
    const db = h.store.db;
    const id = approved.value.instructionId;
    const row = () => db.selectFrom('host_instructions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const written = await row();
    await expect(db.updateTable('host_instructions').set({ content: '{}' }).where('id', '=', id).execute()).rejects.toThrow(/never edited/);
    await expect(db.updateTable('host_instructions').set({ request_id: 'other' }).where('id', '=', id).execute()).rejects.toThrow(/never edited/);
    await expect(db.deleteFrom('host_instructions').where('id', '=', id).execute()).rejects.toThrow(/never edited/);
    expect(await row()).toEqual(written);
    await deliverPending(db, { host: new StandInHost(), answerWithin: (signal) => new Promise((r) => signal.addEventListener('abort', () => r())) }, h.clock.now);
    const answered = await row();
    expect(answered.outcome).toBe('accepted');
    await expect(db.updateTable('host_instructions').set({ receipt_no: 'R999' }).where('id', '=', id).execute()).rejects.toThrow(/never edited/);
    await expect(db.updateTable('host_instructions').set({ attempts: 0 }).where('id', '=', id).execute()).rejects.toThrow(/never edited/);
    expect(await row()).toEqual(answered);
    await expect(db.updateTable('transfer_approvals').set({ digest: 'x' }).execute()).rejects.toThrow(/history/);
    await expect(db.deleteFrom('transfer_approvals').execute()).rejects.toThrow(/history/);
    expect(await db.selectFrom('transfer_approvals').selectAll().execute()).toHaveLength(1);
  });
});
