import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Replica } from '../../../shared/contract/syncModels';
import { issueForDesktop } from '../../../main/offline/atServer/issueForDesktop';
import { recordBlock } from '../../../main/offline/atServer/registration';
import { countFailure } from '../../../main/store/repos/users';
import { value } from '../../support/admin';
import { userRecord } from '../../support/db';
import { loginWithOtp, nextStep, passwordStep, stepUp, type Harness } from '../../support/harness';
import { openAt } from '../../support/stores';
import { eachDeskWorld, issueBlock, issueBlockTo, report, SHARED, stepFrom, type Desk, type SyncCall } from '../../support/sync';

/**
 * Issue 19 review F1 (SPEC R-OFF-1, R-OFF-3, R-OFF-4, R-REV-1, DESIGN-NOTES 2): the world's `desk` stands for the
 * general user's PC on which the master logged in once and fetched his block. A lock, revocation or removal voids
 * that block for good: no unlock or re-registration brings it back; his next online login there issues a new one.
 */
let h: Harness;
let call: SyncCall;
let desk: Desk;

eachDeskWorld((world) => ({ h, call, desk } = world));

const used = (step: number) => ({ serial: SHARED, step, loginId: 'kmb05871', at: h.clock.now().getTime() });
const replicaOf = async (d: Desk) => value(await call('sync:replica', { ...d, holders: ['kmb05871'] })) as Replica;
const offlineSteps = () => h.store.db.selectFrom('accepted_steps').select('step').where('source', '=', 'offline').execute();

/** The admin (sharing the master's token) logs in and runs `act` with a fresh step-up. */
async function asAdmin(act: (admin: string, credentials: Awaited<ReturnType<typeof stepUp>>) => Promise<unknown>) {
  nextStep(h);
  const admin = (await loginWithOtp(h, 'test12345')).sessionId;
  nextStep(h);
  return act(admin, await stepUp(h));
}

/** The PC reports a lock's worth of the master's failures; the admin then unlocks him. */
async function lockThenUnlock() {
  const locking = value(await report(call, desk, { failures: { kmb05871: 5 }, holders: ['kmb05871'] }));
  expect(locking.void).toEqual(['kmb05871']);
  expect((await userRecord(h, 'kmb05871'))!.locked_at).not.toBeNull();
  await asAdmin(async (admin, c) => value(await h.core.api.users.unlock({ sessionId: admin, loginId: 'kmb05871', ...c })));
  expect(await userRecord(h, 'kmb05871')).toMatchObject({ locked_at: null, failed_attempts: 0 });
}

describe('a voided block stays void (issue 19 review F1)', () => {
  it('SPEC R-OFF-1, R-OFF-3, R-OFF-4, R-REV-1: after lock → unlock the PC\'s failures lock nobody, its step is spent but blockVoid, void names the master, no replica', async () => {
    await lockThenUnlock();
    nextStep(h);
    const step = stepFrom(h, 1);
    const answer = value(await report(call, desk, { used: [used(step)], failures: { kmb05871: 5 }, holders: ['kmb05871'] }));
    expect(await userRecord(h, 'kmb05871')).toMatchObject({ locked_at: null, failed_attempts: 0 });
    expect(answer.reports.map((r) => r.outcome)).toEqual(['blockVoid']);
    expect(answer.void).toEqual(['kmb05871']);
    // Spent all the same (R-OFF-3): the step is on record, so what it proved is refused as a replay elsewhere.
    expect(await offlineSteps()).toEqual([{ step }]);
    expect(await replicaOf(desk)).toMatchObject({ users: null, top: {} });
  });

  it('SPEC R-OFF-1, R-REV-1, DESIGN-NOTES 2: after revoke → re-registration of the same token the old block\'s steps are blockVoid and get no replica', async () => {
    await asAdmin(async (admin, c) => value(await h.core.api.tokens.revoke({ sessionId: admin, loginIds: ['kmb05871'], ...c })));
    const revoked = await h.store.db.selectFrom('token_assignments as a').innerJoin('users as u', 'u.id', 'a.user_id').select('a.reregistration_at').where('u.login_id', '=', 'kmb05871').where('a.state', '=', 'revoked').executeTakeFirstOrThrow();
    h.clock.set(new Date(Number(revoked.reregistration_at) + 60_000));
    const challengeId = await passwordStep(h, 'kmb05871', 'needsTokenRegistration');
    value(await h.core.api.tokens.register({ challengeId, serial: SHARED, otp: await h.codeOf(SHARED) }));
    const answer = value(await report(call, desk, { used: [used(stepFrom(h, 1))], holders: ['kmb05871'] }));
    expect(answer.reports.map((r) => r.outcome)).toEqual(['blockVoid']);
    expect(answer.void).toEqual(['kmb05871']);
    expect(await replicaOf(desk)).toMatchObject({ users: null, top: {} });
  });

  it('SPEC R-OFF-1, R-OFF-3, R-OFF-4: the master\'s next online login on that PC issues a new block that works normally', async () => {
    await lockThenUnlock();
    const before = value(await report(call, desk, { used: [used(stepFrom(h, 1))], holders: ['kmb05871'] }));
    expect(before.reports.map((r) => r.outcome)).toEqual(['blockVoid']);
    // Past the step just reported: it is spent, so the login takes the one after.
    nextStep(h);
    nextStep(h);
    const again = (await loginWithOtp(h, 'kmb05871')).sessionId;
    await issueBlock(call, desk, again);
    const answer = value(await report(call, desk, { used: [used(stepFrom(h, 1))], holders: ['kmb05871'] }));
    expect(answer.reports.map((r) => r.outcome)).toEqual(['recorded']);
    expect(answer.void).toEqual([]);
    expect(await replicaOf(desk)).toMatchObject({ users: expect.any(Array), top: { kmb05871: expect.any(Object) } });
    // The new block's failures count again, up to a new lock.
    value(await report(call, desk, { failures: { kmb05871: 5 } }));
    expect((await userRecord(h, 'kmb05871'))!.locked_at).not.toBeNull();
  });

  it('SPEC R-OFF-1 (migration 010): a block whose user was locked before the upgrade is voided by it; a standing one is not', async () => {
    const general = (await loginWithOtp(h, 'ippan001', '523405697')).sessionId;
    await issueBlock(call, desk, general);
    // The store as it was before 010, the master locked then (no void was recorded in those days).
    await sql`alter table offline_blocks drop column voided_at`.execute(h.store.db);
    await sql`delete from schema_migrations where name = '010_voided_blocks'`.execute(h.store.db);
    await h.store.db.updateTable('users').set({ locked_at: h.clock.now().getTime() }).where('login_id', '=', 'kmb05871').execute();
    await (await openAt(h.location)).close();
    const rows = await h.store.db.selectFrom('offline_blocks as b').innerJoin('users as u', 'u.id', 'b.user_id').select(['u.login_id', 'b.voided_at']).orderBy('u.login_id').execute();
    expect(rows.map((r) => [r.login_id, r.voided_at === null])).toEqual([['ippan001', true], ['kmb05871', false]]);
  });
});

describe('a lock landing while a block is hashed (issue 19 review F2)', () => {
  it('SPEC R-OFF-1, R-OTP-3: a block made before the lock and recorded after it is not issued: no row, no block', async () => {
    nextStep(h);
    const login = (await loginWithOtp(h, 'kmb05871')).sessionId;
    const session = value(await h.core.deps.sessions.resolve(login, h.clock.now()));
    const master = (await userRecord(h, 'kmb05871'))!;
    const registration = (await h.store.db.selectFrom('desktops').select(['id', 'company_id']).where('id', '=', desk.desktopId).executeTakeFirstOrThrow());
    const made = (await issueForDesktop(h.store.db, h.sealKey, h.core.deps.rules, { id: registration.id, companyId: registration.company_id }, master.id, h.clock.now()))!;
    expect(made).not.toBeNull();
    // The fifth wrong password lands between the hashing and the record.
    await countFailure(h.store.db, master.id, h.core.deps.rules.maxConsecutiveFailures, h.clock.now().getTime(), 5);
    const before = await h.store.db.selectFrom('offline_blocks').selectAll().where('user_id', '=', master.id).execute();
    expect(value(await recordBlock(h.core.deps, session, desk.desktopId, made, h.clock.now()))).toEqual({ block: null });
    expect(await h.store.db.selectFrom('offline_blocks').selectAll().where('user_id', '=', master.id).execute()).toEqual(before);
  });
});

describe('what else voids a block (issue 19 review, fourth pass)', () => {
  const stepsOf = async (loginId: string) => value(await report(call, desk, { used: [{ serial: SHARED, step: stepFrom(h, 1), loginId, at: h.clock.now().getTime() }], holders: [loginId] }));

  it('SPEC R-OFF-1, R-REV-1: an admin demoted to general loses the block issued as admin; a name change alone keeps it', async () => {
    await issueBlockTo(h, call, 'test12345', SHARED, desk);
    nextStep(h);
    const master = (await loginWithOtp(h, 'kmb05871')).sessionId;
    nextStep(h);
    value(await h.core.api.users.update({ sessionId: master, loginId: 'test12345', name: '試験 太郎', ...(await stepUp(h)) }));
    expect(await h.store.db.selectFrom('offline_blocks').select('voided_at').where('voided_at', 'is not', null).execute()).toEqual([]);
    nextStep(h);
    value(await h.core.api.users.update({ sessionId: master, loginId: 'test12345', userType: 'general', ...(await stepUp(h)) }));
    nextStep(h);
    const answer = await stepsOf('test12345');
    expect(answer.reports.map((r) => r.outcome)).toEqual(['blockVoid']);
    expect(answer.void).toEqual(['test12345']);
  });

  it('SPEC R-OFF-2, R-REV-6: a new authentication password for the master voids his blocks (their keys come from the old hash)', async () => {
    await asAdmin(async (admin, c) => value(await h.core.api.users.changeMasterAuthPassword({ sessionId: admin, newAuthPassword: 'Temp#Auth2026', ...c })));
    nextStep(h);
    const answer = await stepsOf('kmb05871');
    expect(answer.reports.map((r) => r.outcome)).toEqual(['blockVoid']);
    expect(answer.void).toEqual(['kmb05871']);
  });
});
