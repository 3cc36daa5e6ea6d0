import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportOfflineSteps as reportWith, type Desktop } from '../../../main/offline/atServer/reportSteps';
import { budgetOf } from '../../../main/context/budget';
import type { ReportedStep } from '../../../main/store/repos/acceptedSteps';
import type { Db } from '../../../main/store/transaction';
import { stepAt } from '../../../main/otp/totp';
import { value } from '../../support/admin';
import { sql } from 'kysely';
import { auditRows, createHarness, loginWithOtp, nextStep, PASSWORDS, type Harness } from '../../support/harness';
import { tokenRow, userRecord } from '../../support/db';
import { ACCEPTED_STEP_RETENTION_MS } from '../../../main/store/repos/acceptedSteps';
import { openAt } from '../../support/stores';
import { coreCall, issueBlockTo, registerDesk, type Desk, type SyncCall } from '../../support/sync';

const SHARED = '523405696';
let h: Harness;
let call: SyncCall;
let master: string;
let desk1: Desktop;
let desk2: Desktop;
let desks: Desk[];

/** A desktop registered through sync:register-desktop, as reportOfflineSteps sees it once proven. */
async function register(): Promise<[Desk, Desktop]> {
  const desk = await registerDesk(call, master);
  return [desk, { id: desk.desktopId, companyId: (await userRecord(h, 'kmb05871'))!.company_id }];
}

/** The service as the channel calls it, with the rules of the harness and a deadline far away. */
const reportOfflineSteps = (db: Db, desk: Desktop, steps: readonly ReportedStep[], now: Date) => reportWith(db, h.core.deps.rules, desk, steps, now, budgetOf(60_000));
const nowStep = () => stepAt(h.clock.now(), 60);
const used = (step: number, loginId = 'kmb05871', serial = SHARED) => ({ serial, step, loginId, at: h.clock.now().getTime() });
const offlineSteps = () => h.store.db.selectFrom('accepted_steps').selectAll().where('source', '=', 'offline').execute();
const blockRows = (d: Desktop) => h.store.db.selectFrom('offline_blocks').selectAll().where('desktop_id', '=', d.id).execute();

async function onlineOtp(loginId: string) {
  const challenge = value(await h.core.api.auth.login({ loginId, password: PASSWORDS.login }));
  if (challenge.kind !== 'needsOtp') throw new Error('no OTP step');
  return h.core.api.auth.verifyOtp({ challengeId: challenge.challengeId, otp: await h.codeOf(SHARED) });
}

/**
 * Two desktops, each issued the blocks of kmb05871 and test12345 (who share the token) through sync:issue-block
 * after their online logins; the clock then one step on, so the current step is unused and in every block.
 */
beforeEach(async () => {
  h = await createHarness();
  call = coreCall(h);
  master = (await loginWithOtp(h, 'kmb05871')).sessionId;
  const [d1, one] = await register();
  const [d2, two] = await register();
  [desk1, desk2, desks] = [one, two, [d1, d2]];
  await issueBlockTo(h, call, 'kmb05871', SHARED, ...desks);
  await issueBlockTo(h, call, 'test12345', SHARED, ...desks);
  nextStep(h);
});
afterEach(() => h.close());

describe('offline steps reported at sync (main/offline/reportSteps)', () => {
  it('SPEC R-OFF-3: a code used offline on desktop 1 is refused online once desktop 1 has synced', async () => {
    const answer = value(await reportOfflineSteps(h.store.db, desk1, [used(nowStep())], h.clock.now()));
    expect(answer.reports.map((r) => r.outcome)).toEqual(['recorded']);
    expect(answer.floors[SHARED]).toBe(nowStep());
    expect(await onlineOtp('test12345')).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
    expect((await tokenRow(h, SHARED))?.last_step).toBe(nowStep());
  });

  it('SPEC R-OFF-3: a step used online and then reported from offline is a detected replay, audited for admins', async () => {
    await loginWithOtp(h, 'kmb05871');
    const answer = value(await reportOfflineSteps(h.store.db, desk2, [used(nowStep(), 'test12345')], h.clock.now()));
    expect(answer.reports.map((r) => r.outcome)).toEqual(['replay']);
    const rows = (await auditRows(h)).filter((r) => r.action === 'offline.step');
    expect(rows).toMatchObject([{ result: 'failure', reason: 'OFFLINE_REPLAY', actor_login_id: 'test12345' }]);
    expect(JSON.parse(rows[0]?.detail ?? '{}')).toMatchObject({ serial: SHARED, step: nowStep(), desktopId: desk2.id });
  });

  it('SPEC R-OFF-3: the same step from two offline desktops: the first to sync records it, the second is a replay', async () => {
    const step = nowStep() + 1;
    expect(value(await reportOfflineSteps(h.store.db, desk1, [used(step)], h.clock.now())).reports[0]?.outcome).toBe('recorded');
    expect(value(await reportOfflineSteps(h.store.db, desk2, [used(step)], h.clock.now())).reports[0]?.outcome).toBe('replay');
  });

  it('SPEC R-OFF-7: a sync retried after a cut answers "already" and writes no second record or audit row', async () => {
    const steps = [used(nowStep() + 1), used(nowStep())];
    value(await reportOfflineSteps(h.store.db, desk1, steps, h.clock.now()));
    const again = value(await reportOfflineSteps(h.store.db, desk1, steps, h.clock.now()));
    expect(again.reports.map((r) => r.outcome)).toEqual(['already', 'already']);
    expect((await auditRows(h)).filter((r) => r.action === 'offline.step')).toHaveLength(2);
    const kept = await h.store.db.selectFrom('accepted_steps').select('step').where('source', '=', 'offline').execute();
    expect(kept.map((r) => r.step).sort()).toEqual([nowStep(), nowStep() + 1]);
  });

  it('SPEC R-OFF-1: a step from the block of a user locked meanwhile is spent but refused (blockVoid), and audited', async () => {
    await h.store.db.updateTable('users').set({ locked_at: h.clock.now().getTime() }).where('login_id', '=', 'test12345').execute();
    const answer = value(await reportOfflineSteps(h.store.db, desk1, [used(nowStep(), 'test12345')], h.clock.now()));
    expect(answer.reports.map((r) => r.outcome)).toEqual(['blockVoid']);
    expect((await tokenRow(h, SHARED))?.last_step).toBe(nowStep());
    const again = value(await reportOfflineSteps(h.store.db, desk1, [used(nowStep(), 'test12345')], h.clock.now()));
    expect(again.reports.map((r) => r.outcome)).toEqual(['blockVoid']);
    expect((await auditRows(h)).filter((r) => r.action === 'offline.step')).toMatchObject([{ result: 'failure', reason: 'OFFLINE_BLOCK_VOID' }]);
  });

  it('SPEC R-SRV-3: a serial of another company is not recorded', async () => {
    const other = { serial: '700000001', step: nowStep(), loginId: 'kmb05871', at: h.clock.now().getTime() };
    const answer = value(await reportOfflineSteps(h.store.db, desk1, [other], h.clock.now()));
    expect(answer.reports.map((r) => r.outcome)).toEqual(['unknownToken']);
    expect(await h.store.db.selectFrom('accepted_steps').selectAll().where('source', '=', 'offline').execute()).toEqual([]);
  });

  it('SPEC R-OFF-3: accepted steps are kept for the retention period, then pruned by the next report of the token', async () => {
    await loginWithOtp(h, 'kmb05871');
    const first = nowStep();
    const token = await tokenRow(h, SHARED);
    const steps = async () => (await h.store.db.selectFrom('accepted_steps').select('step').where('token_id', '=', token!.id).execute()).map((r) => Number(r.step)).sort((a, b) => a - b);
    h.clock.advance(ACCEPTED_STEP_RETENTION_MS - 60_000);
    // A month on, a fresh online login and its block (one step on: the first step's retention exactly).
    await issueBlockTo(h, call, 'kmb05871', SHARED, desks[0]!);
    const renewed = nowStep();
    value(await reportOfflineSteps(h.store.db, desk1, [used(renewed + 1)], h.clock.now()));
    expect(await steps()).toContain(first);
    h.clock.advance(120_000);
    await loginWithOtp(h, 'kmb05871');
    expect(await steps()).toContain(first);
    value(await reportOfflineSteps(h.store.db, desk1, [used(nowStep() + 1)], h.clock.now()));
    expect(await steps()).toEqual([renewed, renewed + 1, renewed + 2, renewed + 3]);
  });
});

describe('only steps of the blocks issued to the desktop are recorded (SPEC R-OFF-3, R-OFF-4)', () => {
  it('SPEC R-OFF-3: a step beyond every block issued to the desktop (a huge step) is not recorded, lifts nothing, answered notIssued, audited', async () => {
    const before = (await tokenRow(h, SHARED))!.last_step;
    const huge = nowStep() + 10_000_000;
    const answer = value(await reportOfflineSteps(h.store.db, desk1, [used(huge), used(nowStep())], h.clock.now()));
    expect(answer.reports.map((r) => r.outcome)).toEqual(['notIssued', 'recorded']);
    expect((await offlineSteps()).map((r) => Number(r.step))).toEqual([nowStep()]);
    expect((await tokenRow(h, SHARED))?.last_step).toBe(nowStep());
    expect(before).toBeLessThan(nowStep());
    const rows = (await auditRows(h)).filter((r) => r.action === 'offline.step');
    expect(rows).toMatchObject([
      { result: 'failure', reason: 'OFFLINE_NOT_ISSUED', actor_login_id: 'kmb05871', target_login_id: 'kmb05871' },
      { result: 'success', reason: null },
    ]);
    expect(JSON.parse(rows[0]!.detail!)).toMatchObject({ serial: SHARED, step: huge, desktopId: desk1.id });
    // The token stays usable online at the next step: nothing was lifted to the huge step.
    nextStep(h);
    expect(await onlineOtp('test12345')).toMatchObject({ ok: true });
  });

  it('SPEC R-OFF-3: a step of a user never issued a block on that desktop, or of another desktop\'s block, is not recorded (notIssued)', async () => {
    const [bare, desk3] = await register();
    await issueBlockTo(h, call, 'kmb05871', SHARED, bare);
    await issueBlockTo(h, call, 'ippan001', '523405697', desks[1]!);
    const lastOf = async (serial: string) => (await tokenRow(h, serial))!.last_step;
    const before = { shared: await lastOf(SHARED), general: await lastOf('523405697') };
    const step = nowStep() + 1;
    const fromDesk3 = value(await reportOfflineSteps(h.store.db, desk3, [used(step, 'test12345'), used(step, 'tasha001')], h.clock.now()));
    expect(fromDesk3.reports.map((r) => r.outcome)).toEqual(['notIssued', 'notIssued']);
    const fromDesk1 = value(await reportOfflineSteps(h.store.db, desk1, [used(step, 'ippan001', '523405697')], h.clock.now()));
    expect(fromDesk1.reports.map((r) => r.outcome)).toEqual(['notIssued']);
    expect(await offlineSteps()).toEqual([]);
    expect({ shared: await lastOf(SHARED), general: await lastOf('523405697') }).toEqual(before);
    const rows = (await auditRows(h)).filter((r) => r.action === 'offline.step');
    // Another company's user is not named in this company's audit log (SPEC R-SRV-3).
    expect(rows.map((r) => [r.reason, r.actor_login_id, JSON.parse(r.detail!).desktopId])).toEqual([
      ['OFFLINE_NOT_ISSUED', 'test12345', desk3.id],
      ['OFFLINE_NOT_ISSUED', null, desk3.id],
      ['OFFLINE_NOT_ISSUED', 'ippan001', desk1.id],
    ]);
    // The normal path: the same steps from the desktops their blocks were issued to are recorded.
    expect(value(await reportOfflineSteps(h.store.db, desk3, [used(step)], h.clock.now())).reports[0]?.outcome).toBe('recorded');
    expect(value(await reportOfflineSteps(h.store.db, desk2, [used(step, 'ippan001', '523405697')], h.clock.now())).reports[0]?.outcome).toBe('recorded');
  });

  it('SPEC R-OFF-3: a block is on record for the retention after its last step, then pruned by its desktop\'s next report', async () => {
    const masterId = (await userRecord(h, 'kmb05871'))!.id;
    const row = (await blockRows(desk1)).find((r) => r.user_id === masterId)!;
    const timeOf = (step: number) => new Date(step * 60_000);
    // Two hours inside the retention: a step at the block's start (unused online) is still recorded.
    const early = Number(row.first_step) + 3;
    h.clock.set(new Date(timeOf(early).getTime() + ACCEPTED_STEP_RETENTION_MS - 2 * 3_600_000));
    expect(value(await reportOfflineSteps(h.store.db, desk1, [used(early)], h.clock.now())).reports[0]?.outcome).toBe('recorded');
    // The block's record is kept until its last step is older than the retention, but a step older than the
    // retention (less the drift margin) is refused already: what was accepted in its time may be pruned.
    h.clock.set(new Date(Number(row.ends_at) + ACCEPTED_STEP_RETENTION_MS - 30 * 60_000));
    expect(value(await reportOfflineSteps(h.store.db, desk1, [used(Number(row.last_step))], h.clock.now())).reports[0]?.outcome).toBe('notIssued');
    expect(await blockRows(desk1)).toHaveLength(2);
    // Each block was issued at its own login, a step or two apart: past the retention of the last one's end.
    const lastEnd = Math.max(...(await blockRows(desk1)).map((r) => Number(r.ends_at)));
    h.clock.set(new Date(lastEnd + ACCEPTED_STEP_RETENTION_MS + 60_000));
    value(await reportOfflineSteps(h.store.db, desk1, [], h.clock.now()));
    expect(await blockRows(desk1)).toEqual([]);
    // Another desktop's blocks wait for that desktop's report.
    expect(await blockRows(desk2)).toHaveLength(2);
  });
});

describe('the upgrade to migration 007 (SPEC R-OFF-3)', () => {
  it('SPEC R-OFF-3: blocks issued before migration 007 are recorded from their audit rows, so their steps still count', async () => {
    const all = async () => (await h.store.db.selectFrom('offline_blocks').select(['desktop_id', 'user_id', 'token_id', 'first_step', 'last_step', 'ends_at']).orderBy('desktop_id').orderBy('user_id').execute());
    const issued = await all();
    expect(issued).toHaveLength(4);
    // The store as it was before 007 (so before 010, which adds to its table), with the four blocks of beforeEach issued and audited.
    await sql`drop table offline_blocks`.execute(h.store.db);
    await sql`delete from schema_migrations where name in ('007_offline_blocks', '010_voided_blocks')`.execute(h.store.db);
    await (await openAt(h.location)).close();
    expect(await all()).toEqual(issued);
    const answer = value(await reportOfflineSteps(h.store.db, desk2, [used(nowStep(), 'test12345'), used(nowStep() + 10_000, 'test12345')], h.clock.now()));
    expect(answer.reports.map((r) => r.outcome)).toEqual(['recorded', 'notIssued']);
  });
});

describe('a holder cannot lock its co-holders out (issue 19 finding 2, SPEC R-TOK-1, R-OTP-2)', () => {
  const blockOf = async (d: Desktop, loginId: string) => {
    const userId = (await userRecord(h, loginId))!.id;
    return (await blockRows(d)).find((r) => r.user_id === userId)!;
  };

  it('SPEC R-TOK-1, R-OTP-2, R-OTP-3: a holder reporting the last step of its block records nothing, lifts nothing; the master\'s and the co-holder\'s current codes still work, no lock', async () => {
    const before = (await tokenRow(h, SHARED))!.last_step;
    const last = Number((await blockOf(desk1, 'test12345')).last_step);
    const answer = value(await reportOfflineSteps(h.store.db, desk1, [used(last, 'test12345'), { ...used(last - 1, 'test12345'), at: (last - 1) * 60_000 }], h.clock.now()));
    expect(answer.reports.map((r) => r.outcome)).toEqual(['aheadOfClock', 'aheadOfClock']);
    expect(await offlineSteps()).toEqual([]);
    expect((await tokenRow(h, SHARED))!.last_step).toBe(before);
    const rows = (await auditRows(h)).filter((r) => r.action === 'offline.step');
    expect(rows).toMatchObject([{ result: 'failure', reason: 'OFFLINE_AHEAD_OF_CLOCK', actor_login_id: 'test12345' }, { reason: 'OFFLINE_AHEAD_OF_CLOCK' }]);
    expect(await onlineOtp('kmb05871')).toMatchObject({ ok: true });
    nextStep(h);
    expect(await onlineOtp('test12345')).toMatchObject({ ok: true });
    for (const loginId of ['kmb05871', 'test12345']) expect(await userRecord(h, loginId)).toMatchObject({ failed_attempts: 0, locked_at: null });
  });

  it('SPEC R-OTP-1: a step within the drift window is recorded and lifts last_step to it, never beyond stepAt(now) + window', async () => {
    const answer = value(await reportOfflineSteps(h.store.db, desk1, [used(nowStep() + 2), used(nowStep() + 1)], h.clock.now()));
    expect(answer.reports.map((r) => r.outcome)).toEqual(['aheadOfClock', 'recorded']);
    expect((await tokenRow(h, SHARED))!.last_step).toBe(nowStep() + h.core.deps.rules.otp.driftWindowSteps);
    // One step on, the code of the step then current was within reach: the co-holder logs in with the next one.
    nextStep(h);
    nextStep(h);
    expect(await onlineOtp('test12345')).toMatchObject({ ok: true });
  });

  it('SPEC R-OFF-3: a step reported as used before its block was issued is notIssued; one at a time in the future is aheadOfClock', async () => {
    const issuedAt = Number((await blockOf(desk1, 'kmb05871')).issued_at);
    const early = { ...used(nowStep()), at: issuedAt - 10 * 60_000 };
    const future = { ...used(nowStep() + 1), at: h.clock.now().getTime() + 10 * 60_000 };
    const answer = value(await reportOfflineSteps(h.store.db, desk1, [early, future], h.clock.now()));
    expect(answer.reports.map((r) => r.outcome)).toEqual(['notIssued', 'aheadOfClock']);
    expect(await offlineSteps()).toEqual([]);
  });
});
