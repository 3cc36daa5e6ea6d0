import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChannels, servedOnServer } from '../../../shared/contract/api';
import { PASSWORDS } from '../../support/harness';
import { startServer, type ServerHarness } from '../../support/server';
import { requestTemplates } from '../../support/templates';

/**
 * SPEC R-SRV-3 over HTTPS: the demo store holds two companies, 熊本商事 (kmb05871, master) and 他社商事 (tasha001,
 * its master, token 700000001). Company A's master aims every channel at company B; nothing of B may be read or
 * changed. Each call gets a fresh code, so the step-up passes and the company check itself is what refuses.
 */
const B_MARKS = ['tasha001', '700000001', '他社'];
/** Run last: they change the operator's own passwords and end the session. */
const LAST = ['account:change-login-password', 'account:change-auth-password', 'auth:logout'];

let s: ServerHarness;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s.close());

async function companyB() {
  const db = s.h.store.db;
  const b = await db.selectFrom('companies').select('id').where('code', '=', 'C0002').executeTakeFirstOrThrow();
  const users = await db.selectFrom('users').selectAll().where('company_id', '=', b.id).orderBy('id').execute();
  const tokens = await db.selectFrom('tokens').selectAll().where('company_id', '=', b.id).orderBy('id').execute();
  const ids = users.map((u) => u.id);
  const assignments = await db.selectFrom('token_assignments').selectAll().where('user_id', 'in', ids).orderBy('id').execute();
  const sessions = await db.selectFrom('sessions').select(['user_id', 'ended_reason']).where('user_id', 'in', ids).execute();
  return { users, tokens, assignments, sessions };
}

async function step(): Promise<string> {
  s.h.clock.advance(60_000);
  return s.h.codeOf('523405696');
}

async function sessionOf(loginId: string): Promise<string> {
  const login = await s.call('auth:login', { loginId, password: PASSWORDS.login });
  const challengeId = (login.body as { value: { challengeId: string } }).value.challengeId;
  const serial = loginId === 'tasha001' ? '700000001' : '523405696';
  const done = await s.call('auth:verify-otp', { challengeId, otp: await s.h.codeOf(serial) });
  return (done.body as { value: { sessionId: string } }).value.sessionId;
}

describe('SPEC R-SRV-3: a session of one company never reads or changes another company, on any channel', () => {
  it('company A\'s master aims every channel at company B: refusals or A-only answers, company B unchanged', async () => {
    const bSession = await sessionOf('tasha001');
    const before = await companyB();
    const sessionId = await sessionOf('kmb05871');
    const served = new Set(servedOnServer().map((c) => c.name));
    const names = allChannels().map((c) => c.name).filter((n) => served.has(n)).sort((a, b) => Number(LAST.includes(a)) - Number(LAST.includes(b)));
    const answers: Record<string, unknown> = {};
    for (const name of names) {
      const otp = await step();
      // B's own session stays in use meanwhile (its idle timeout is shorter than this walk).
      expect((await s.call('auth:session', { sessionId: bSession })).body).toMatchObject({ ok: true });
      const login = await s.call('auth:login', { loginId: 'test12345', password: PASSWORDS.login });
      const otpChallenge = (login.body as { value: { challengeId: string } }).value.challengeId;
      const templates = requestTemplates({ sessionId, otpChallenge, registration: otpChallenge, otp, resync: [otp, otp], target: 'tasha001' });
      const request = { ...templates[name]!, ...(name === 'tokens:resync' || name === 'tokens:register' ? { serial: '700000001' } : {}) };
      const answer = await s.call(name, request);
      expect(answer.status, name).toBe(200);
      answers[name] = answer.body;
      // A refusal may name the login ID the request gave (USER_NOT_FOUND); nothing else of B may appear.
      const echoed = JSON.stringify(request);
      // 操作履歴 lists A's own attempts at B's users, which name them: the audit rows are checked below instead.
      if (name.startsWith('audit:')) continue;
      for (const mark of B_MARKS.filter((m) => !echoed.includes(m))) expect(JSON.stringify(answer.body), `${name} reveals ${mark}`).not.toContain(mark);
    }
    const aimed = ['tokens:revoke', 'tokens:resync', 'tokens:report-lost', 'users:unlock', 'users:update', 'users:remove', 'tokens:register'];
    for (const name of aimed) expect(answers[name], name).toMatchObject({ ok: false });
    expect(answers['users:list']).toMatchObject({ ok: true });
    const actors = (list: unknown) => (list as { value: { rows: { actor: string | null }[] } }).value.rows.map((r) => r.actor);
    expect(actors(answers['audit:list'])).not.toContain('tasha001');
    // B's 操作履歴 shows nothing of A, not even A's attempts at B's users.
    const bAudit = await s.call('audit:list', { sessionId: bSession, filter: {}, offset: 0, limit: 500 });
    expect(bAudit.body).toMatchObject({ ok: true });
    expect(actors(bAudit.body).every((a) => a === 'tasha001' || a === null)).toBe(true);
    expect(JSON.stringify(bAudit.body)).not.toContain('kmb05871');
    expect(await companyB()).toEqual(before);
    // Company B's own session still works: nothing of A's ended it.
    expect(await s.call('auth:session', { sessionId: bSession })).toMatchObject({ status: 200, body: { ok: true, value: { loginId: 'tasha001' } } });
  });
});
