import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditFilter } from '../../../main/audit/query';
import { appendAudit, type AuditEntry } from '../../../main/store/repos/audit';
import { value } from '../../support/admin';
import { jst } from '../../support/clock';
import { eachCompanyWorld } from '../../support/companyWorld';
import { auditRows, loginWithOtp, type Harness } from '../../support/harness';

let h: Harness;
let master: string;
eachCompanyWorld('kmb05871', (w) => ({ h, sessionId: master } = w), { nextStep: false });

/** Rows in January, apart from the logins the harness writes today. */
const JANUARY: AuditEntry[] = [
  { at: jst('2026-01-10T09:00:00').getTime(), actor: 'kmb05871', action: 'token.revoke', target: 'ippan001', result: 'success' },
  { at: jst('2026-01-11T09:00:00').getTime(), actor: 'test12345', action: 'user.unlock', target: 'kigen001', result: 'success' },
  { at: jst('2026-01-12T09:00:00').getTime(), actor: 'ippan001', action: 'login.password', target: 'ippan001', result: 'failure', reason: 'BAD_CREDENTIALS' },
  { at: jst('2026-01-12T10:00:00').getTime(), actor: 'tasha001', action: 'token.revoke', target: 'tasha001', result: 'success' },
  { at: jst('2026-01-13T09:00:00').getTime(), actor: 'nobody99', action: 'login.password', target: 'nobody99', result: 'failure', reason: 'BAD_CREDENTIALS' },
];
const january = (over: AuditFilter = {}): AuditFilter => ({ from: jst('2026-01-01T00:00:00').toISOString(), to: jst('2026-01-31T23:59:59').toISOString(), ...over });
const list = async (filter: AuditFilter, offset = 0, limit = 50) => value(await h.core.api.audit.list({ sessionId: master, filter, offset, limit }));
const actions = (rows: { actor: string | null; action: string; target: string | null }[]) => rows.map((r) => `${r.actor} ${r.action} ${r.target}`);

describe('操作履歴 (SPEC R-GEN-2)', () => {
  beforeEach(async () => appendAudit(h.store.db, JANUARY));

  it("SPEC R-GEN-2: the company's rows only, newest first, with who, what, on whom, when, result and why", async () => {
    const { rows, total } = await list(january());
    expect(total).toBe(3);
    expect(actions(rows)).toEqual(['ippan001 login.password ippan001', 'test12345 user.unlock kigen001', 'kmb05871 token.revoke ippan001']);
    expect(rows[0]).toEqual({ id: expect.any(Number), at: '2026-01-12T00:00:00.000Z', actor: 'ippan001', action: 'login.password', target: 'ippan001', result: 'failure', reason: 'BAD_CREDENTIALS' });
  });

  it('filters: a login ID as actor or target, an exact action, an inclusive date range; paging keeps the total', async () => {
    expect(actions((await list(january({ loginId: 'ippan001' }))).rows)).toEqual(['ippan001 login.password ippan001', 'kmb05871 token.revoke ippan001']);
    expect(actions((await list(january({ action: 'user.unlock' }))).rows)).toEqual(['test12345 user.unlock kigen001']);
    // An action outside the contract's vocabulary is refused, not matched against nothing.
    const unknown = { sessionId: master, filter: { action: 'user' }, offset: 0, limit: 50 };
    expect(await h.core.dispatch('audit:list', unknown)).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'filter.action' } });
    const day = await list({ from: jst('2026-01-11T09:00:00').toISOString(), to: jst('2026-01-12T09:00:00').toISOString() });
    expect(actions(day.rows)).toEqual(['ippan001 login.password ippan001', 'test12345 user.unlock kigen001']);
    const page = await list(january(), 1, 1);
    expect([page.total, actions(page.rows)]).toEqual([3, ['test12345 user.unlock kigen001']]);
  });

  it("another company's master sees only their own company's rows", async () => {
    const other = (await loginWithOtp(h, 'tasha001', '700000001')).sessionId;
    const { rows } = value(await h.core.api.audit.list({ sessionId: other, filter: january(), offset: 0, limit: 50 }));
    expect(actions(rows)).toEqual(['tasha001 token.revoke tasha001']);
  });
});

describe('操作履歴 CSV export (SPEC R-GEN-2)', () => {
  const exportCsv = async (filter: AuditFilter) => value(await h.core.api.audit.exportCsv({ sessionId: master, filter }));

  it('UTF-8 with a BOM, Japanese header and results intact, times in JST, a JST file name; the export is audited', async () => {
    await appendAudit(h.store.db, JANUARY);
    const { fileName, csvBase64 } = await exportCsv(january());
    const bytes = Buffer.from(csvBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      '日時,操作者,操作,対象,結果,理由\r\n' +
        '2026/01/12 09:00:00,ippan001,login.password,ippan001,失敗,BAD_CREDENTIALS\r\n' +
        '2026/01/11 09:00:00,test12345,user.unlock,kigen001,成功,\r\n' +
        '2026/01/10 09:00:00,kmb05871,token.revoke,ippan001,成功,\r\n',
    );
    expect(fileName).toBe('audit-20261124-1000.csv');
    expect((await auditRows(h)).at(-1)).toMatchObject({ actor_login_id: 'kmb05871', action: 'audit.export', result: 'success', detail: '{"rows":3}' });
  });

  it('a cell that a spreadsheet would run as a formula is made inert; commas and quotes are quoted (RFC 4180)', async () => {
    const at = jst('2026-02-01T12:34:56').getTime();
    await appendAudit(h.store.db, [{ at, actor: '=HYPERLINK("http://evil","x")', action: 'login.password', target: 'kmb05871', result: 'failure', reason: '-1+1' }]);
    const { csvBase64 } = await exportCsv({ from: new Date(at).toISOString(), to: new Date(at).toISOString() });
    const lines = Buffer.from(csvBase64, 'base64').subarray(3).toString('utf8').split('\r\n');
    expect(lines[1]).toBe(`2026/02/01 12:34:56,"'=HYPERLINK(""http://evil"",""x"")",login.password,kmb05871,失敗,'-1+1`);
  });
});
