import { describe, expect, it } from 'vitest';
import { value } from '../../support/admin';
import { auditRows, loginWithOtp, nextStep, stepUp, type Harness } from '../../support/harness';
import { assignments, userRecord } from '../../support/db';
import { MAX_APPLY_BATCH, MAX_APPLY_REGISTRATIONS } from '../../../shared/contract/syncChannels';
import { countKdfRuns } from '../../support/kdfCount';
import { apply, eachDeskWorld, issueBlockTo, queued, registerDesk, rowsOfKey, SHARED, spentOffline, stepFrom, versions, type Desk, type Outcome, type SyncCall } from '../../support/sync';

let h: Harness;
let call: SyncCall;
let desk: Desk;
let master: string;

eachDeskWorld((world) => ({ h, call, desk, master } = world));

/** A queued operation of kmb05871 on `desk`, proved by a step reported from it. */
async function offlineOp(channel: 'tokens:revoke' | 'users:unlock' | 'users:register' | 'users:update' | 'users:remove', request: Record<string, unknown>, offset: number, baseVersions: Record<string, string> = {}) {
  const proof = await spentOffline(h, call, desk, 'kmb05871', stepFrom(h, offset));
  return queued(h, { channel, request, proof, baseVersions });
}

/** An online change by the admin test12345 meanwhile, past the steps reported from offline (R-OFF-3). */
async function onlineAdmin() {
  h.clock.advance(10 * 60_000);
  const session = (await loginWithOtp(h, 'test12345')).sessionId;
  nextStep(h);
  return { sessionId: session, ...(await stepUp(h)) };
}


describe('sync:apply: queued operations applied at most once (SPEC R-OFF-7)', () => {
  it('SPEC R-OFF-7: a queued revocation applies, audited with the offline time, the key and the desktop; at = the time applied', async () => {
    nextStep(h);
    const general = (await loginWithOtp(h, 'ippan001', '523405697')).sessionId;
    const op = await offlineOp('tokens:revoke', { loginIds: ['ippan001'] }, 3);
    h.clock.advance(3_600_000);
    const outcome = await apply(call, desk, op);
    expect(outcome).toEqual({ accepted: true, appliedAt: h.clock.now().toISOString() });
    const rows = await rowsOfKey(h, op.key);
    expect(rows).toMatchObject([{ action: 'token.revoke', actor_login_id: 'kmb05871', target_login_id: 'ippan001', result: 'success', at: h.clock.now().getTime() }]);
    expect(rows[0]!.detail).toMatchObject({ offline: true, key: op.key, desktopId: desk.desktopId, queuedAt: new Date(op.queuedAt).toISOString() });
    const user = (await userRecord(h, 'ippan001'))!;
    expect((await assignments(h)).filter((a) => a.user_id === user.id).map((a) => a.state)).toEqual(['revoked']);
    // As online (R-REV-4): the revoked user's session ends.
    expect(await h.core.api.auth.session({ sessionId: general })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'revoked' } });
  });

  it('SPEC R-OFF-7: the same key sent twice is applied once: the stored outcome is answered again, one set of audit rows', async () => {
    const op = await offlineOp('tokens:revoke', { loginIds: ['ippan001', 'kigen001'] }, 3);
    const first = await apply(call, desk, op);
    h.clock.advance(60_000);
    const again = await apply(call, desk, op);
    expect(first.accepted).toBe(true);
    expect(again).toEqual(first);
    expect((await rowsOfKey(h, op.key)).map((r) => r.target_login_id)).toEqual(['ippan001', 'kigen001']);
    expect(await h.store.db.selectFrom('offline_operations').select(['key', 'outcome']).execute()).toEqual([{ key: op.key, outcome: 'accepted' }]);
  });

  it('SPEC R-OFF-7: concurrent applies of one key: exactly one applies, every answer is its outcome', async () => {
    const op = await offlineOp('tokens:revoke', { loginIds: ['ippan001'] }, 3);
    const answers = await Promise.all(Array.from({ length: 6 }, () => apply(call, desk, op)));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]!.accepted).toBe(true);
    expect(await rowsOfKey(h, op.key)).toHaveLength(1);
  });

  it('SPEC R-OFF-7: a refusal is kept with its reason and audited once; its retry answers it again', async () => {
    const op = await offlineOp('users:remove', { loginId: 'kmb05871' }, 3);
    const refused = await apply(call, desk, op);
    expect(refused).toEqual({ accepted: false, reason: 'FORBIDDEN' });
    expect(await apply(call, desk, op)).toEqual(refused);
    expect(await rowsOfKey(h, op.key)).toMatchObject([{ action: 'user.remove', result: 'failure', reason: 'FORBIDDEN', target_login_id: 'kmb05871' }]);
  });
});

describe('sync:apply: a batch (SPEC R-OFF-7)', () => {
  it('SPEC R-OFF-7: a batch is applied in its order, one outcome each; a refused one holds back none, and the retried batch changes nothing', async () => {
    const ops = [
      await offlineOp('users:update', { loginId: 'shinki01', name: '一番目' }, 3, await versions(call, master, 'shinki01')),
      await offlineOp('users:remove', { loginId: 'kmb05871' }, 4),
      // Its base version is not the row after the first: the order is the outbox's.
      await offlineOp('users:update', { loginId: 'shinki01', name: '三番目' }, 5, { shinki01: '' }),
    ];
    const answer = value(await call('sync:apply', { ...desk, operations: ops })) as { outcomes: Outcome[] };
    expect(answer.outcomes).toEqual([
      { accepted: true, appliedAt: h.clock.now().toISOString() },
      { accepted: false, reason: 'FORBIDDEN' },
      { accepted: false, reason: 'OFFLINE_CONFLICT' },
    ]);
    expect((await userRecord(h, 'shinki01'))!.name).toBe('一番目');
    const before = await h.store.db.selectFrom('audit_log').select('id').execute();
    h.clock.advance(60_000);
    expect(value(await call('sync:apply', { ...desk, operations: ops }))).toEqual(answer);
    expect(await h.store.db.selectFrom('audit_log').select('id').execute()).toEqual(before);
    const stored = new Map((await h.store.db.selectFrom('offline_operations').select(['key', 'outcome']).execute()).map((r) => [r.key, r.outcome]));
    expect(ops.map((op) => stored.get(op.key))).toEqual(['accepted', 'refused', 'refused']);
  });

  it('SPEC R-OFF-7: a key named twice in one batch is applied once and answered twice alike', async () => {
    const op = await offlineOp('tokens:revoke', { loginIds: ['ippan001'] }, 3);
    const { outcomes } = value(await call('sync:apply', { ...desk, operations: [op, op] })) as { outcomes: Outcome[] };
    expect(outcomes[0]).toMatchObject({ accepted: true });
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(await rowsOfKey(h, op.key)).toHaveLength(1);
  });

  it('SPEC R-OFF-7: a batch past its bound, or empty, is refused whole and changes nothing', async () => {
    const op = await offlineOp('users:update', { loginId: 'shinki01', name: '多すぎ' }, 3, await versions(call, master, 'shinki01'));
    const tooMany = Array.from({ length: MAX_APPLY_BATCH + 1 }, () => op);
    for (const operations of [tooMany, []]) expect(await call('sync:apply', { ...desk, operations })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await rowsOfKey(h, op.key)).toEqual([]);
  });
});

describe('sync:apply: conflicts (SPEC R-OFF-8: revocation wins)', () => {
  it('SPEC R-OFF-8: revocation wins: the target changed online after queueing, the queued revocation still applies', async () => {
    const base = await versions(call, master, 'ippan001');
    const op = await offlineOp('tokens:revoke', { loginIds: ['ippan001'] }, 3, base);
    value(await h.core.api.users.update({ ...(await onlineAdmin()), loginId: 'ippan001', name: '変更 後子' }));
    expect(await apply(call, desk, op)).toMatchObject({ accepted: true });
    expect((await versions(call, master, 'ippan001')).ippan001).toContain('"revoked"');
  });

  it('SPEC R-OFF-8: a target revoked online meanwhile is left as it is (audited "already"), the rest revoked all or nothing', async () => {
    const op = await offlineOp('tokens:revoke', { loginIds: ['ippan001', 'kigen001'] }, 3);
    value(await h.core.api.tokens.revoke({ ...(await onlineAdmin()), loginIds: ['ippan001'] }));
    expect(await apply(call, desk, op)).toMatchObject({ accepted: true });
    const rows = await rowsOfKey(h, op.key);
    expect(rows.map((r) => [r.target_login_id, r.result, r.detail.already ?? null])).toEqual([['kigen001', 'success', null], ['ippan001', 'success', 'revoked']]);
  });

  it('SPEC R-OFF-8, R-REV-3: a queued revocation naming a user who never existed refuses the whole selection', async () => {
    const op = await offlineOp('tokens:revoke', { loginIds: ['ippan001', 'nobody99'] }, 3);
    expect(await apply(call, desk, op)).toEqual({ accepted: false, reason: 'USER_NOT_FOUND', loginIds: ['nobody99'] });
    expect((await versions(call, master, 'ippan001')).ippan001).toContain('"active"');
  });

  it('SPEC R-OFF-8: a change of a user removed online meanwhile → OFFLINE_TARGET_GONE', async () => {
    const base = await versions(call, master, 'ippan001');
    const op = await offlineOp('users:update', { loginId: 'ippan001', name: '新 名前' }, 3, base);
    value(await h.core.api.users.remove({ ...(await onlineAdmin()), loginId: 'ippan001' }));
    expect(await apply(call, desk, op)).toEqual({ accepted: false, reason: 'OFFLINE_TARGET_GONE' });
    expect(await rowsOfKey(h, op.key)).toMatchObject([{ action: 'user.update', result: 'failure', reason: 'OFFLINE_TARGET_GONE', target_login_id: 'ippan001' }]);
  });

  it('SPEC R-OFF-8: an unlock of a user revoked online meanwhile → OFFLINE_TARGET_GONE; the user stays locked', async () => {
    await h.store.db.updateTable('users').set({ locked_at: h.clock.now().getTime(), failed_attempts: 5 }).where('login_id', '=', 'ippan001').execute();
    const op = await offlineOp('users:unlock', { loginId: 'ippan001' }, 3, await versions(call, master, 'ippan001'));
    value(await h.core.api.tokens.revoke({ ...(await onlineAdmin()), loginIds: ['ippan001'] }));
    expect(await apply(call, desk, op)).toEqual({ accepted: false, reason: 'OFFLINE_TARGET_GONE' });
    expect((await userRecord(h, 'ippan001'))!.locked_at).not.toBeNull();
  });

  it('SPEC R-OFF-8: a change made against an older row (changed online meanwhile) → OFFLINE_CONFLICT, nothing changed', async () => {
    const base = await versions(call, master, 'ippan001');
    const op = await offlineOp('users:update', { loginId: 'ippan001', userType: 'admin' }, 3, base);
    value(await h.core.api.users.update({ ...(await onlineAdmin()), loginId: 'ippan001', name: '別の 名前' }));
    expect(await apply(call, desk, op)).toEqual({ accepted: false, reason: 'OFFLINE_CONFLICT' });
    expect((await userRecord(h, 'ippan001'))!.user_type).toBe('general');
  });

  it('SPEC R-OFF-8: a change against the current row applies; the user\'s live session takes the new type (as online)', async () => {
    nextStep(h);
    const general = (await loginWithOtp(h, 'ippan001', '523405697')).sessionId;
    const op = await offlineOp('users:update', { loginId: 'ippan001', userType: 'admin' }, 3, await versions(call, master, 'ippan001'));
    expect(await apply(call, desk, op)).toMatchObject({ accepted: true });
    expect(value(await h.core.api.auth.session({ sessionId: general }))).toMatchObject({ userType: 'admin' });
    expect(await rowsOfKey(h, op.key)).toMatchObject([{ action: 'user.update', result: 'success', target_login_id: 'ippan001' }]);
  });

  it('SPEC R-OFF-8: a queued registration whose login ID was taken online meanwhile → LOGIN_ID_TAKEN', async () => {
    const user = { loginId: 'shinjin01', name: '新人 一郎', userType: 'general', initialLoginPassword: 'Init#Login1', initialAuthPassword: 'Init#Auth1' };
    const op = await offlineOp('users:register', user, 3);
    value(await h.core.api.users.register({ ...(await onlineAdmin()), ...user, userType: 'general' }));
    expect(await apply(call, desk, op)).toEqual({ accepted: false, reason: 'LOGIN_ID_TAKEN' });
    const fresh = await offlineOp('users:register', { ...user, loginId: 'shinjin02' }, 4);
    expect(await apply(call, desk, fresh)).toMatchObject({ accepted: true });
    expect((await userRecord(h, 'shinjin02'))?.company_id).toBe((await userRecord(h, 'kmb05871'))!.company_id);
  });

  it('SPEC R-OFF-8: a refusal of the service itself is the reason (MASTER_RULE)', async () => {
    const op = await offlineOp('users:update', { loginId: 'kmb05871', userType: 'admin' }, 3, await versions(call, master, 'kmb05871'));
    expect(await apply(call, desk, op)).toEqual({ accepted: false, reason: 'MASTER_RULE' });
  });
});

describe('sync:apply: the operator and the proof (SPEC R-OFF-8, R-OFF-3)', () => {
  it('SPEC R-OFF-8: an operator locked, revoked or demoted meanwhile → OFFLINE_OPERATOR_INVALID', async () => {
    const op = await offlineOp('tokens:revoke', { loginIds: ['ippan001'] }, 3);
    await h.store.db.updateTable('users').set({ locked_at: h.clock.now().getTime() }).where('login_id', '=', 'kmb05871').execute();
    expect(await apply(call, desk, op)).toEqual({ accepted: false, reason: 'OFFLINE_OPERATOR_INVALID' });
    await h.store.db.updateTable('users').set({ locked_at: null }).where('login_id', '=', 'kmb05871').execute();
    h.clock.advance(5 * 60_000);
    await issueBlockTo(h, call, 'test12345', SHARED, desk);
    const proof = await spentOffline(h, call, desk, 'test12345', stepFrom(h, 4));
    await h.store.db.updateTable('users').set({ user_type: 'general' }).where('login_id', '=', 'test12345').execute();
    const demoted = await queued(h, { channel: 'tokens:revoke', request: { loginIds: ['ippan001'] }, proof, operator: 'test12345' });
    expect(await apply(call, desk, demoted)).toEqual({ accepted: false, reason: 'OFFLINE_OPERATOR_INVALID' });
    expect((await versions(call, master, 'ippan001')).ippan001).toContain('"active"');
  });

  it('SPEC R-OFF-3: a proof whose step was accepted online first (a detected replay) → OFFLINE_REPLAY', async () => {
    nextStep(h);
    await loginWithOtp(h, 'test12345');
    const step = stepFrom(h, 0);
    const replayed = await call('sync:report-steps', { ...desk, used: [{ serial: SHARED, step, loginId: 'kmb05871', at: h.clock.now().getTime() }], failures: {}, serials: [], holders: [] });
    expect(replayed).toMatchObject({ ok: true, value: { reports: [{ outcome: 'replay' }] } });
    const op = await queued(h, { channel: 'tokens:revoke', request: { loginIds: ['ippan001'] }, proof: { serial: SHARED, step } });
    expect(await apply(call, desk, op)).toEqual({ accepted: false, reason: 'OFFLINE_REPLAY' });
  });

  it('SPEC R-OFF-3: a proof never reported, reported by another desktop, or already proving another operation → OFFLINE_REPLAY', async () => {
    const never = await queued(h, { channel: 'users:unlock', request: { loginId: 'ippan001' }, proof: { serial: SHARED, step: stepFrom(h, 9) } });
    expect(await apply(call, desk, never)).toMatchObject({ reason: 'OFFLINE_REPLAY' });
    const other = await registerDesk(call, master);
    await issueBlockTo(h, call, 'kmb05871', SHARED, other);
    const proof = await spentOffline(h, call, other, 'kmb05871', stepFrom(h, 5));
    expect(await apply(call, desk, await queued(h, { channel: 'tokens:revoke', request: { loginIds: ['ippan001'] }, proof }))).toMatchObject({ reason: 'OFFLINE_REPLAY' });
    expect(await apply(call, other, await queued(h, { channel: 'tokens:revoke', request: { loginIds: ['ippan001'] }, proof }))).toMatchObject({ accepted: true });
    expect(await apply(call, other, await queued(h, { channel: 'tokens:revoke', request: { loginIds: ['kigen001'] }, proof }))).toMatchObject({ reason: 'OFFLINE_REPLAY' });
  });
});

describe('sync:apply: one company only (SPEC R-SRV-3)', () => {
  it('SPEC R-SRV-3: a queued revocation aimed at another company\'s user changes nothing there; a key is its desktop\'s own', async () => {
    const op = await offlineOp('tokens:revoke', { loginIds: ['tasha001'] }, 3);
    expect(await apply(call, desk, op)).toEqual({ accepted: false, reason: 'USER_NOT_FOUND', loginIds: ['tasha001'] });
    const other = await registerDesk(call, master);
    expect(await apply(call, other, op)).toEqual({ accepted: false, reason: 'VALIDATION' });
    const tasha = (await userRecord(h, 'tasha001'))!;
    expect((await assignments(h)).filter((a) => a.user_id === tasha.id).map((a) => a.state)).toEqual(['active']);
    expect((await auditRows(h)).filter((r) => r.target_login_id === 'tasha001' && r.result === 'success')).toEqual([]);
  });

  it('SPEC R-SRV-3: another company\'s desktop naming this company\'s users is refused, and its audit rows name none of them', async () => {
    nextStep(h);
    const foreign = await registerDesk(call, (await loginWithOtp(h, 'tasha001', '700000001')).sessionId);
    const reported = await call('sync:report-steps', { ...foreign, used: [{ serial: SHARED, step: stepFrom(h, 7), loginId: 'kmb05871', at: 0 }], failures: { kmb05871: 5 }, serials: [SHARED], holders: ['kmb05871'] });
    expect(reported).toMatchObject({ ok: true, value: { reports: [{ outcome: 'unknownToken' }], floors: {}, void: ['kmb05871'] } });
    const op = await queued(h, { channel: 'tokens:revoke', request: { loginIds: ['ippan001', 'tasha001'] }, proof: { serial: SHARED, step: stepFrom(h, 7) } });
    expect(await apply(call, foreign, op)).toEqual({ accepted: false, reason: 'OFFLINE_OPERATOR_INVALID' });
    const written = (await auditRows(h)).filter((r) => r.detail?.includes(foreign.desktopId) && r.action !== 'desktop.register');
    expect(written.map((r) => [r.action, r.actor_login_id, r.target_login_id])).toEqual([
      ['offline.step', null, null],
      ['token.revoke', null, null],
      ['token.revoke', null, 'tasha001'],
    ]);
    expect((await userRecord(h, 'kmb05871'))).toMatchObject({ failed_attempts: 0, locked_at: null });
  });
});

describe('sync:apply: the KDF is spent only on checked operations (issue 19 finding 6)', () => {
  const newcomer = (loginId: string) => ({ loginId, name: '新人 一郎', userType: 'general', initialLoginPassword: 'Init#Login1', initialAuthPassword: 'Init#Auth1' });
  const batch = async (operations: unknown[]) => countKdfRuns(async () => value(await call('sync:apply', { ...desk, operations })) as { outcomes: Outcome[] });

  it('SPEC R-OFF-8, R-OFF-3: queued registrations of a wrong operator or with an unproved step cost no password hash', async () => {
    const unproved = { serial: SHARED, step: stepFrom(h, 9) };
    const bogus = await Promise.all([
      ...[1, 2, 3, 4].map((i) => queued(h, { channel: 'users:register', request: newcomer(`gizou0${i}`), proof: unproved })),
      ...[5, 6, 7].map((i) => queued(h, { channel: 'users:register', request: newcomer(`gizou0${i}`), proof: unproved, operator: 'ippan001' })),
      // No such user: no password to sign with, so the admin's MAC stands for any bytes a bogus desktop sends.
      ...[8, 9].map(async (i) => ({ ...(await queued(h, { channel: 'users:register', request: newcomer(`gizou0${i}`), proof: unproved })), operator: 'nobody99' })),
    ]);
    const { result, runs } = await batch(bogus);
    expect(result.outcomes.map((o) => !o.accepted && o.reason)).toEqual([...Array(4).fill('OFFLINE_REPLAY'), ...Array(5).fill('OFFLINE_OPERATOR_INVALID')]);
    expect(runs).toBe(0);
    // The counter counts: a checked registration costs its two hashes (login and authentication password).
    const valid = await offlineOp('users:register', newcomer('shinjin01'), 3);
    const applied = await batch([valid]);
    expect(applied.result.outcomes).toMatchObject([{ accepted: true }]);
    expect(applied.runs).toBe(2);
  });

  it('SPEC R-OFF-8: a checked registration of a login ID already used costs no hash either, and is refused LOGIN_ID_TAKEN', async () => {
    const { result, runs } = await batch([await offlineOp('users:register', newcomer('ippan001'), 3)]);
    expect(result.outcomes).toEqual([{ accepted: false, reason: 'LOGIN_ID_TAKEN' }]);
    expect(runs).toBe(0);
  });

  // The issue's figure, written out: the test must not follow the constant it checks.
  const CAP = 10;
  it(`SPEC R-OFF-7: a batch of more than ${CAP} registrations is refused whole (VALIDATION), nothing hashed or stored`, async () => {
    const proof = await spentOffline(h, call, desk, 'kmb05871', stepFrom(h, 3));
    const many = await Promise.all(Array.from({ length: CAP + 1 }, (_, i) => queued(h, { channel: 'users:register', request: newcomer(`ooi${String(i).padStart(5, '0')}`), proof })));
    const { result, runs } = await countKdfRuns(() => call('sync:apply', { ...desk, operations: many }));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(runs).toBe(0);
    expect(await h.store.db.selectFrom('offline_operations').select('key').execute()).toEqual([]);
    // At the cap, with other operations besides, the batch is taken.
    const atCap = [...many.slice(1), await offlineOp('tokens:revoke', { loginIds: ['ippan001'] }, 4)];
    expect(await call('sync:apply', { ...desk, operations: atCap })).toMatchObject({ ok: true });
    expect(MAX_APPLY_REGISTRATIONS).toBe(CAP);
  });
});
