import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportOfflineSteps, type Desktop } from '../../../main/offline/reportSteps';
import { stepAt } from '../../../main/otp/totp';
import { value } from '../../support/admin';
import { auditRows, createHarness, loginWithOtp, PASSWORDS, type Harness } from '../../support/harness';
import { tokenRow } from '../../support/db';
import { ACCEPTED_STEP_RETENTION_MS } from '../../../main/store/repos/acceptedSteps';

const SHARED = '523405696';
let h: Harness;
let desk1: Desktop;
let desk2: Desktop;

async function register(id: string): Promise<Desktop> {
  const company = await h.store.db.selectFrom('companies').select('id').orderBy('id').executeTakeFirstOrThrow();
  await h.store.db.insertInto('desktops').values({ id, company_id: company.id, secret_hash: 'a'.repeat(64), registered_at: h.clock.now().getTime(), revoked_at: null }).execute();
  return { id, companyId: company.id };
}

const nowStep = () => stepAt(h.clock.now(), 60);
const used = (step: number, loginId = 'kmb05871') => ({ serial: SHARED, step, loginId, at: h.clock.now().getTime() });

async function onlineOtp(loginId: string) {
  const challenge = value(await h.core.api.auth.login({ loginId, password: PASSWORDS.login }));
  if (challenge.kind !== 'needsOtp') throw new Error('no OTP step');
  return h.core.api.auth.verifyOtp({ challengeId: challenge.challengeId, otp: await h.codeOf(SHARED) });
}

beforeEach(async () => {
  h = await createHarness();
  desk1 = await register('desk-1');
  desk2 = await register('desk-2');
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
    expect(JSON.parse(rows[0]?.detail ?? '{}')).toMatchObject({ serial: SHARED, step: nowStep(), desktopId: 'desk-2' });
  });

  it('SPEC R-OFF-3: the same step from two offline desktops: the first to sync records it, the second is a replay', async () => {
    const step = nowStep() + 1;
    expect(value(await reportOfflineSteps(h.store.db, desk1, [used(step)], h.clock.now())).reports[0]?.outcome).toBe('recorded');
    expect(value(await reportOfflineSteps(h.store.db, desk2, [used(step)], h.clock.now())).reports[0]?.outcome).toBe('replay');
  });

  it('SPEC R-OFF-7: a sync retried after a cut answers "already" and writes no second record or audit row', async () => {
    const steps = [used(nowStep() - 3), used(nowStep() - 1)];
    value(await reportOfflineSteps(h.store.db, desk1, steps, h.clock.now()));
    const again = value(await reportOfflineSteps(h.store.db, desk1, steps, h.clock.now()));
    expect(again.reports.map((r) => r.outcome)).toEqual(['already', 'already']);
    expect((await auditRows(h)).filter((r) => r.action === 'offline.step')).toHaveLength(2);
    const kept = await h.store.db.selectFrom('accepted_steps').select('step').where('source', '=', 'offline').execute();
    expect(kept.map((r) => r.step).sort()).toEqual([nowStep() - 3, nowStep() - 1].sort());
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
    const token = await tokenRow(h, SHARED);
    const steps = async () => (await h.store.db.selectFrom('accepted_steps').select('step').where('token_id', '=', token!.id).execute()).map((r) => Number(r.step));
    const [first] = await steps();
    h.clock.advance(ACCEPTED_STEP_RETENTION_MS - 60_000);
    value(await reportOfflineSteps(h.store.db, desk1, [used(nowStep())], h.clock.now()));
    expect(await steps()).toContain(first);
    h.clock.advance(120_000);
    await loginWithOtp(h, 'kmb05871');
    expect(await steps()).toContain(first);
    value(await reportOfflineSteps(h.store.db, desk1, [used(nowStep() + 1)], h.clock.now()));
    expect(await steps()).not.toContain(first);
    expect((await steps()).length).toBe(3);
  });
});
