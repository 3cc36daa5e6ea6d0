import { afterEach, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../main/config/rules';
import { createHarness, loginWithOtp, nextStep, type Harness } from '../../support/harness';

let h: Harness;
afterEach(async () => h.close());

async function top(sessionId: string) {
  const result = await h.core.api.top.get({ sessionId });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

describe('top page BTOP001 (SPEC R-TOP-2..4, R-TOK-4)', () => {
  it("SPEC R-TOP-2: the login history lists this user's logins, newest first, failures included", async () => {
    h = await createHarness();
    const first = h.clock.now().toISOString();
    await loginWithOtp(h, 'kmb05871');
    h.clock.advance(3_600_000);
    await loginWithOtp(h, 'test12345');
    h.clock.advance(3_600_000);
    const failed = h.clock.now().toISOString();
    await h.core.api.auth.login({ loginId: 'kmb05871', password: 'wrong' });
    h.clock.advance(3_600_000);
    const last = h.clock.now().toISOString();
    const session = await loginWithOtp(h, 'kmb05871');
    expect((await top(session.sessionId)).loginHistory).toEqual([
      { at: last, result: 'success' },
      { at: failed, result: 'failure' },
      { at: first, result: 'success' },
    ]);
  });

  it('SPEC R-TOP-2: the history is cut at the configured length', async () => {
    h = await createHarness({ rules: { ...defaultRules, loginHistoryLength: 2 } });
    for (let i = 0; i < 3; i++) {
      await h.core.api.auth.login({ loginId: 'kmb05871', password: 'wrong' });
      nextStep(h);
    }
    const session = await loginWithOtp(h, 'kmb05871');
    const history = (await top(session.sessionId)).loginHistory;
    expect(history.map((x) => x.result)).toEqual(['success', 'failure']);
    expect(history[0]!.at).toBe(h.clock.now().toISOString());
  });

  it('SPEC R-TOP-3: notices with the unread count; marking one read decrements it, idempotently', async () => {
    h = await createHarness();
    const { sessionId } = await loginWithOtp(h, 'kmb05871');
    const page = await top(sessionId);
    expect(page.notices.map((n) => [n.title, n.read])).toEqual([
      ['ハードトークン有効期限のお知らせ', false],
      ['ご利用開始のご案内', false],
    ]);
    expect(page.unreadCount).toBe(2);
    expect(page.notices[1]).toMatchObject({ publishedAt: '2021-06-01T00:00:00.000Z', endsAt: '2031-09-09T14:59:00.000Z' });
    const id = page.notices[0]!.id;
    expect(await h.core.api.top.markNoticeRead({ sessionId, noticeId: id })).toEqual({ ok: true, value: { unreadCount: 1 } });
    expect(await h.core.api.top.markNoticeRead({ sessionId, noticeId: id })).toEqual({ ok: true, value: { unreadCount: 1 } });
    const after = await top(sessionId);
    expect(after.unreadCount).toBe(1);
    expect(after.notices.find((n) => n.id === id)!.read).toBe(true);
    // Read state is per user.
    nextStep(h);
    expect((await top((await loginWithOtp(h, 'test12345')).sessionId)).unreadCount).toBe(2);
  });

  it('SPEC R-TOP-3: a notice the user cannot see (unknown, other company, ended) → VALIDATION on noticeId', async () => {
    h = await createHarness();
    const { sessionId } = await loginWithOtp(h, 'kmb05871');
    const other = await h.store.db.insertInto('notices').values({
      company_id: 2, published_at: 0, ends_at: Date.UTC(2031, 0, 1), title: '他社', body: '他社',
    }).returning('id').executeTakeFirstOrThrow();
    const ended = await h.store.db.insertInto('notices').values({
      company_id: null, published_at: 0, ends_at: h.clock.now().getTime(), title: '終了', body: '終了',
    }).returning('id').executeTakeFirstOrThrow();
    for (const noticeId of [9999, other.id, ended.id]) {
      expect(await h.core.api.top.markNoticeRead({ sessionId, noticeId })).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'noticeId' } });
    }
    expect(await h.store.db.selectFrom('notice_reads').selectAll().execute()).toEqual([]);
    expect((await top(sessionId)).notices.map((n) => n.title)).not.toContain('他社');
  });

  it('SPEC R-TOP-4: pending approvals: 2 for kmb05871, 0 for test12345', async () => {
    h = await createHarness();
    expect((await top((await loginWithOtp(h, 'kmb05871')).sessionId)).pendingApprovalCount).toBe(2);
    nextStep(h);
    expect((await top((await loginWithOtp(h, 'test12345')).sessionId)).pendingApprovalCount).toBe(0);
  });

  it('SPEC R-TOK-4: expiresSoon is true for ippan001 (token expires in 30 days), false for kmb05871', async () => {
    h = await createHarness();
    const general = await top((await loginWithOtp(h, 'ippan001', '523405697')).sessionId);
    expect(general.token).toEqual({ serial: '523405697', expiresAt: new Date(h.clock.now().getTime() + 30 * 86_400_000).toISOString(), expiresSoon: true });
    const master = await top((await loginWithOtp(h, 'kmb05871')).sessionId);
    expect(master.token).toEqual({ serial: '523405696', expiresAt: '2031-03-31T14:59:00.000Z', expiresSoon: false });
  });

  it('SPEC R-TOK-4 Reading: the warning period is configurable (20 days: no warning at 30 days)', async () => {
    h = await createHarness({ rules: { ...defaultRules, tokenExpiryWarningDays: 20 } });
    const general = await top((await loginWithOtp(h, 'ippan001', '523405697')).sessionId);
    expect(general.token?.expiresSoon).toBe(false);
    h.clock.advance(10 * 86_400_000);
    expect((await top((await loginWithOtp(h, 'ippan001', '523405697')).sessionId)).token?.expiresSoon).toBe(true);
  });
});
