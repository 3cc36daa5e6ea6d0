import { describe, expect, it } from 'vitest';
import type { OfflineBlock, Replica } from '../../../shared/contract/syncModels';
import { MAX_BLOCK_STEPS, MAX_SYNC_HOLDERS } from '../../../shared/contract/syncChannels';
import { budgetOf } from '../../../main/context/budget';
import { handlerTable } from '../../../main/ipc/handlerTable';
import { BLOCK_GRANT_MS } from '../../../main/offline/atServer/registration';
import { reportOfflineSteps as reportWith } from '../../../main/offline/atServer/reportSteps';
import { value } from '../../support/admin';
import { dumpTables, tokenRow, userRecord } from '../../support/db';
import { auditRows, loginWithOtp, nextStep, type Harness } from '../../support/harness';
import { FORGED_DESKTOP } from '../../support/templates';
import { apply, eachDeskWorld, issueBlockTo, queued, registerDesk, report, SHARED, stepFrom, type Desk, type SyncCall } from '../../support/sync';

let h: Harness;
let call: SyncCall;
let desk: Desk;
let master: string;

eachDeskWorld((world) => ({ h, call, desk, master } = world));

const used = (step: number, loginId = 'kmb05871') => ({ serial: SHARED, step, loginId, at: h.clock.now().getTime() });

describe('the desktop proves its registration (SPEC R-OFF-1, R-SRV-3)', () => {
  it('SPEC R-OFF-1: an unknown desktop, a wrong secret or a revoked registration → DESKTOP_UNKNOWN on every public sync channel, nothing changed', async () => {
    await h.store.db.insertInto('desktops').values({ id: FORGED_DESKTOP.id.replace(/0$/, '1'), company_id: (await userRecord(h, 'kmb05871'))!.company_id, secret_hash: 'a'.repeat(64), registered_at: 0, revoked_at: 1 }).execute();
    const wrong: Desk[] = [
      { desktopId: FORGED_DESKTOP.id, desktopSecret: desk.desktopSecret },
      { desktopId: desk.desktopId, desktopSecret: FORGED_DESKTOP.secret },
      { desktopId: FORGED_DESKTOP.id.replace(/0$/, '1'), desktopSecret: FORGED_DESKTOP.secret },
    ];
    const before = await dumpTables(h.store.db);
    for (const d of wrong) {
      const op = await queued(h, { channel: 'tokens:revoke', request: { loginIds: ['ippan001'] }, proof: { serial: SHARED, step: 1 } });
      const answers = [
        await report(call, d, { used: [used(stepFrom(h, 2))], failures: { ippan001: 5 } }),
        await call('sync:apply', { ...d, operations: [op] }),
        await call('sync:replica', { ...d, holders: ['kmb05871'] }),
        await call('sync:issue-block', { sessionId: master, ...d }),
      ];
      expect(answers).toEqual(answers.map(() => ({ ok: false, error: { code: 'DESKTOP_UNKNOWN' } })));
    }
    expect(await dumpTables(h.store.db)).toEqual(before);
  });

  it('sync:register-desktop registers the desktop for the session\'s company, audited; the server keeps only the secret\'s hash', async () => {
    const row = await h.store.db.selectFrom('desktops').selectAll().where('id', '=', desk.desktopId).executeTakeFirstOrThrow();
    expect(row.company_id).toBe((await userRecord(h, 'kmb05871'))!.company_id);
    expect(JSON.stringify(row)).not.toContain(desk.desktopSecret);
    expect((await auditRows(h)).filter((r) => r.action === 'desktop.register')).toMatchObject([{ actor_login_id: 'kmb05871', result: 'success' }]);
  });

  it('SPEC R-OFF-1, R-SRV-3: sync:issue-block gives the session\'s user\'s block; none for a desktop of another company', async () => {
    nextStep(h);
    const fresh = (await loginWithOtp(h, 'kmb05871')).sessionId;
    const { block } = value(await call('sync:issue-block', { sessionId: fresh, ...desk })) as { block: OfflineBlock };
    expect(block).toMatchObject({ loginId: 'kmb05871', desktopId: desk.desktopId, tokenSerial: SHARED });
    nextStep(h);
    const other = (await loginWithOtp(h, 'tasha001', '700000001')).sessionId;
    expect(await call('sync:issue-block', { sessionId: other, ...desk })).toEqual({ ok: false, error: { code: 'DESKTOP_UNKNOWN' } });
  });

  it('SPEC R-OFF-1, R-OTP-3 (issue 19 review): one block per online login, fetched right after it; a kept-alive session gets none', async () => {
    // The world's master session was issued its block on `desk` at login: a second, on another desktop, is refused.
    const [other] = [await registerDesk(call, master)];
    expect(await call('sync:issue-block', { sessionId: master, ...other })).toEqual({ ok: false, error: { code: 'OFFLINE_BLOCK_NOT_GRANTED' } });
    // A new login, kept alive past BLOCK_GRANT_MS by its requests, is no proof the password was just typed there.
    nextStep(h);
    const kept = (await loginWithOtp(h, 'test12345')).sessionId;
    h.clock.advance(BLOCK_GRANT_MS + 1_000);
    value(await h.core.api.top.get({ sessionId: kept }));
    expect(await call('sync:issue-block', { sessionId: kept, ...other })).toEqual({ ok: false, error: { code: 'OFFLINE_BLOCK_NOT_GRANTED' } });
    const issued = await h.store.db.selectFrom('offline_blocks').select('desktop_id').where('desktop_id', '=', other.desktopId).execute();
    expect(issued).toEqual([]);
  });

  it('SPEC R-OFF-4, R-OTP-3 (issue 19 review): failures reported for a block that ended over an hour ago lock nobody; one report counts at most the limit', async () => {
    await issueBlockTo(h, call, 'ippan001', '523405697', desk);
    const row = await h.store.db.selectFrom('offline_blocks').selectAll().where('desktop_id', '=', desk.desktopId).orderBy('issued_at', 'desc').executeTakeFirstOrThrow();
    h.clock.set(new Date(Number(row.ends_at) + 2 * 3_600_000));
    value(await report(call, desk, { failures: { kmb05871: 5, ippan001: 5 }, holders: [] }));
    expect((await userRecord(h, 'kmb05871'))!.locked_at).toBeNull();
    expect((await userRecord(h, 'ippan001'))!.locked_at).toBeNull();
    expect((await userRecord(h, 'kmb05871'))!.failed_attempts).toBe(0);
  });

  it('SPEC R-OFF-1: sync:issue-block answers no block for a user whose token is lost', async () => {
    nextStep(h);
    const general = (await loginWithOtp(h, 'ippan001', '523405697')).sessionId;
    await h.store.db.updateTable('tokens').set({ state: 'disabled', disabled_reason: 'lost' }).where('serial', '=', '523405697').execute();
    expect(value(await call('sync:issue-block', { sessionId: general, ...desk }))).toEqual({ block: null });
  });
});

describe('sync:report-steps (SPEC R-OFF-3, R-OFF-4)', () => {
  it('SPEC R-OFF-4: failures counted offline join the server\'s count and lock at the same limit, audited; the lock voids the block', async () => {
    const general = await issueBlockTo(h, call, 'ippan001', '523405697', desk);
    for (let i = 0; i < 2; i++) await h.core.api.auth.login({ loginId: 'ippan001', password: 'wrong-password' });
    expect((await userRecord(h, 'ippan001'))!.failed_attempts).toBe(2);
    const answer = value(await report(call, desk, { failures: { ippan001: 3 }, holders: ['ippan001', 'kmb05871'] }));
    expect((await userRecord(h, 'ippan001'))!.locked_at).not.toBeNull();
    expect(answer.void).toEqual(['ippan001']);
    const rows = (await auditRows(h)).filter((r) => r.target_login_id === 'ippan001' && ['offline.failures', 'user.lock'].includes(r.action));
    expect(rows).toMatchObject([{ action: 'offline.failures', result: 'failure' }, { action: 'user.lock', reason: 'FAILURE_LIMIT' }]);
    expect(await h.core.api.auth.session({ sessionId: general })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'locked' } });
  });

  it('SPEC R-OFF-4: failures below the limit are counted without a lock; a login ID of another company is ignored', async () => {
    await issueBlockTo(h, call, 'ippan001', '523405697', desk);
    value(await report(call, desk, { failures: { ippan001: 2, tasha001: 50 } }));
    expect((await userRecord(h, 'ippan001'))).toMatchObject({ failed_attempts: 2, locked_at: null });
    expect((await userRecord(h, 'tasha001'))).toMatchObject({ failed_attempts: 0, locked_at: null });
  });

  it('SPEC R-OFF-4: failures of a user never issued a block on that desktop change nothing, the master included', async () => {
    const bare = await registerDesk(call, master);
    value(await report(call, desk, { failures: { test12345: 5 } }));
    value(await report(call, bare, { failures: { kmb05871: 5, ippan001: 5 } }));
    for (const loginId of ['test12345', 'kmb05871', 'ippan001']) expect(await userRecord(h, loginId)).toMatchObject({ failed_attempts: 0, locked_at: null });
    expect((await auditRows(h)).filter((r) => ['offline.failures', 'user.lock'].includes(r.action))).toEqual([]);
    expect(value(await h.core.api.auth.session({ sessionId: master }))).toMatchObject({ loginId: 'kmb05871' });
  });

  it('SPEC R-OFF-3: a step outside every block issued to this desktop is not recorded, lifts nothing, is answered notIssued and audited', async () => {
    const other = await registerDesk(call, master);
    await issueBlockTo(h, call, 'ippan001', '523405697', other);
    const before = (await tokenRow(h, '523405697'))!.last_step;
    const outside = [
      used(stepFrom(h, 10_000_000)),
      used(stepFrom(h, 3), 'test12345'),
      { serial: '523405697', step: stepFrom(h, 3), loginId: 'ippan001', at: h.clock.now().getTime() },
    ];
    const answer = value(await report(call, desk, { used: [...outside, used(stepFrom(h, 1))] }));
    expect(answer.reports.map((r) => r.outcome)).toEqual(['notIssued', 'notIssued', 'notIssued', 'recorded']);
    expect(await tokenRow(h, '523405697')).toMatchObject({ last_step: before });
    expect(answer.floors[SHARED]).toBe(stepFrom(h, 1));
    const kept = await h.store.db.selectFrom('accepted_steps').select(['step', 'login_id']).where('source', '=', 'offline').execute();
    expect(kept).toEqual([{ step: stepFrom(h, 1), login_id: 'kmb05871' }]);
    const rows = (await auditRows(h)).filter((r) => r.action === 'offline.step' && r.result === 'failure');
    expect(rows.map((r) => [r.reason, r.actor_login_id, JSON.parse(r.detail!).step])).toEqual(outside.map((u) => ['OFFLINE_NOT_ISSUED', u.loginId, u.step]));
    // What the step proved is refused at sync:apply: it is on record nowhere (R-OFF-7).
    const op = await queued(h, { channel: 'tokens:revoke', request: { loginIds: ['ippan001'] }, proof: { serial: SHARED, step: stepFrom(h, 10_000_000) } });
    expect(await apply(call, desk, op)).toEqual({ accepted: false, reason: 'OFFLINE_REPLAY' });
    // The token stays usable online: the huge step lifted nothing.
    h.clock.advance(3 * 60_000);
    expect((await loginWithOtp(h, 'test12345')).sessionId).toEqual(expect.any(String));
  });

  it('SPEC R-OFF-3, R-OFF-7: a step named twice in one report is recorded once; the retried report answers "already"', async () => {
    nextStep(h);
    const steps = [used(stepFrom(h, 0)), used(stepFrom(h, 1)), used(stepFrom(h, 0))];
    expect(value(await report(call, desk, { used: steps })).reports.map((r) => r.outcome)).toEqual(['recorded', 'recorded', 'already']);
    expect(value(await report(call, desk, { used: steps })).reports.map((r) => r.outcome)).toEqual(['already', 'already', 'already']);
    expect((await auditRows(h)).filter((r) => r.action === 'offline.step')).toHaveLength(2);
  });

  it('SPEC R-OFF-3: floors for the company\'s serials (the highest step seen anywhere), never another company\'s', async () => {
    const step = stepFrom(h, 1);
    const answer = value(await report(call, desk, { used: [used(step)], serials: [SHARED, '523405697', '700000001', '999999999'] }));
    expect(answer.reports.map((r) => r.outcome)).toEqual(['recorded']);
    expect(Object.keys(answer.floors).sort()).toEqual([SHARED, '523405697']);
    expect(answer.floors[SHARED]).toBe(step);
  });

  it('SPEC R-OFF-1: void names the holders revoked, locked, removed, with a lost token or of another company', async () => {
    await issueBlockTo(h, call, 'test12345', SHARED, desk);
    await h.store.db.updateTable('users').set({ deleted_at: 1 }).where('login_id', '=', 'kigen001').execute();
    await h.store.db.updateTable('tokens').set({ state: 'disabled', disabled_reason: 'lost' }).where('serial', '=', '523405697').execute();
    const answer = value(await report(call, desk, { holders: ['kmb05871', 'test12345', 'ippan001', 'kigen001', 'shinki01', 'tasha001'] }));
    expect(answer.void.sort()).toEqual(['ippan001', 'kigen001', 'shinki01', 'tasha001']);
  });
});

describe('sync:replica (SPEC R-OFF-5)', () => {
  it('SPEC R-OFF-5: the top page of each standing holder and, with a manager among them, the company\'s BRSK027 rows', async () => {
    await issueBlockTo(h, call, 'ippan001', '523405697', desk);
    const replica = value(await call('sync:replica', { ...desk, holders: ['kmb05871', 'ippan001', 'tasha001'] })) as Replica;
    expect(replica.syncedAt).toBe(h.clock.now().toISOString());
    expect(Object.keys(replica.top).sort()).toEqual(['ippan001', 'kmb05871']);
    expect(replica.top.kmb05871).toEqual(value(await h.core.api.top.get({ sessionId: master })));
    const { users } = value(await h.core.api.users.list({ sessionId: master, sort: 'loginId-asc' }));
    expect(replica.users).toEqual(users);
  });

  it('SPEC R-OFF-5, R-REV-1: a desktop held only by general users gets no user list', async () => {
    const replica = value(await call('sync:replica', { ...desk, holders: ['ippan001'] })) as Replica;
    expect(replica.users).toBeNull();
    await h.store.db.updateTable('users').set({ locked_at: 1 }).where('login_id', '=', 'kmb05871').execute();
    expect((value(await call('sync:replica', { ...desk, holders: ['kmb05871'] })) as Replica)).toMatchObject({ users: null, top: {} });
  });
});

describe('a desktop answers only for its own holders (issue 19 finding 3, SPEC R-REV-1)', () => {
  it('SPEC R-REV-1: a general user\'s own desktop naming the master gets no user list and no master top page; the void answer names the master', async () => {
    nextStep(h);
    const general = (await loginWithOtp(h, 'ippan001', '523405697')).sessionId;
    const own = await registerDesk(call, general);
    value(await call('sync:issue-block', { sessionId: general, ...own }));
    const replica = value(await call('sync:replica', { ...own, holders: ['kmb05871', 'test12345', 'ippan001'] })) as Replica;
    expect(replica.users).toBeNull();
    expect(Object.keys(replica.top)).toEqual(['ippan001']);
    const answer = value(await report(call, own, { holders: ['kmb05871', 'ippan001'] }));
    expect(answer.void).toEqual(['kmb05871']);
    // The master's own desktop (its block issued there) still gets both.
    expect(value(await call('sync:replica', { ...desk, holders: ['kmb05871'] }))).toMatchObject({ users: expect.any(Array), top: { kmb05871: expect.any(Object) } });
  });

  it('SPEC R-OFF-1: a holder whose block on this desktop has ended is void and gets no replica', async () => {
    h.clock.advance(9 * 3_600_000);
    expect(value(await call('sync:replica', { ...desk, holders: ['kmb05871'] }))).toMatchObject({ users: null, top: {} });
    expect(value(await report(call, desk, { holders: ['kmb05871'] })).void).toEqual(['kmb05871']);
  });
});

describe('sync:report-steps is bounded by what the desktop\'s blocks hold (issue 19 finding 6)', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `user${String(i).padStart(4, '0')}`);

  it('SPEC R-OFF-7: more holders, login IDs or serials than MAX_SYNC_HOLDERS, or more steps than MAX_BLOCK_STEPS per login ID → VALIDATION, nothing written', async () => {
    const before = await dumpTables(h.store.db);
    const steps = (n: number, loginId = 'kmb05871') => Array.from({ length: n }, (_, i) => ({ ...used(stepFrom(h, 1) + i), loginId }));
    const over = [
      { holders: ids(MAX_SYNC_HOLDERS + 1) },
      { failures: Object.fromEntries(ids(MAX_SYNC_HOLDERS + 1).map((id) => [id, 1])) },
      { used: ids(MAX_SYNC_HOLDERS + 1).flatMap((id) => steps(1, id)) },
      { serials: ids(MAX_SYNC_HOLDERS + 1) },
      { used: steps(MAX_BLOCK_STEPS + 1) },
      { used: steps(2 * MAX_BLOCK_STEPS + 1), holders: ['kmb05871', 'test12345'] },
    ];
    for (const body of over) expect(await report(call, desk, body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await dumpTables(h.store.db)).toEqual(before);
    expect(value(await report(call, desk, { used: steps(2 * MAX_BLOCK_STEPS), holders: ['kmb05871', 'test12345'] })).reports).toHaveLength(2 * MAX_BLOCK_STEPS);
  });

  it('SPEC R-OFF-7: the work stops when the channel\'s deadline passes: rolled back, DEADLINE_PASSED, nothing recorded or audited', async () => {
    const hurried = handlerTable(h.core.deps, { normalMs: 0, longMs: 0 });
    const before = await dumpTables(h.store.db);
    const input = { ...desk, used: [used(stepFrom(h, 1))], failures: {}, serials: [], holders: [] };
    expect(await hurried.sync.reportSteps(input, { now: h.clock.now() })).toEqual({ ok: false, error: { code: 'DEADLINE_PASSED' } });
    expect(await dumpTables(h.store.db)).toEqual(before);
  });

  it('SPEC R-OFF-7: the queries of a report do not grow with its login IDs and serials (set-based)', async () => {
    let queries = 0;
    const counting = h.store.db.withPlugin({ transformQuery: (a) => (queries++, a.node), transformResult: async (a) => a.result });
    const run = async (steps: ReturnType<typeof used>[]) => {
      queries = 0;
      value(await reportWith(counting, h.core.deps.rules, { id: desk.desktopId, companyId: (await userRecord(h, "kmb05871"))!.company_id }, steps, h.clock.now(), budgetOf(60_000)));
      return queries;
    };
    const one = await run([used(stepFrom(h, 1))]);
    // The company's users on the company's three tokens: a query per serial or per login ID would show here.
    const users = ['kmb05871', 'test12345', 'ippan001', 'kigen001', 'shinki01'];
    const serials = [SHARED, '523405697', '523405698'];
    const many = await run(users.flatMap((loginId) => serials.map((serial) => ({ ...used(stepFrom(h, 1)), loginId, serial }))));
    expect(many).toBeLessThanOrEqual(one + 1);
  });
});
