import { describe, expect, it } from 'vitest';
import { importBackup } from '../../../main/backup/importBackup';
import { listAudit } from '../../../main/store/repos/auditQuery';
import { appendAudit, type AuditEntry } from '../../../main/store/repos/audit';
import { currentNotices } from '../../../main/store/repos/topPage';
import { value } from '../../support/admin';
import { backupHarness, closedAfterEach, PASSPHRASE, serverWithCompany, writeBackup, type DesktopHarness } from '../../support/backup';
import { dumpTables } from '../../support/db';
import type { Harness } from '../../support/harness';
import { DIALECT } from '../../support/stores';

const track = closedAfterEach();

const server = () => serverWithCompany(track);

const idOf = async (h: Harness, table: 'companies' | 'users' | 'tokens', column: 'code' | 'login_id' | 'serial', key: string) =>
  (await h.store.db.selectFrom(table).select('id').where(column as never, '=', key as never).executeTakeFirstOrThrow()).id;

/** The demo desktop's backup after `craft` changed its store: what a maker of a crafted file can put in it. */
async function craftedBackup(craft: (desktop: DesktopHarness) => Promise<void> = async () => {}) {
  const desktop = track(await backupHarness());
  await craft(desktop);
  return writeBackup(desktop);
}

const importInto = (h: Harness, file: Buffer) => importBackup(h.store.db, h.sealKey, file, PASSPHRASE, h.clock.now(), 'server');

const auditRow = (entry: Partial<AuditEntry>): AuditEntry => ({ at: Date.parse('2026-11-01T00:00:00Z'), actor: null, action: 'user.unlock', result: 'success', ...entry });

describe(`issue 19 finding 5: import-backup writes only into the new company (SPEC R-SRV-3), on ${DIALECT}`, () => {
  it('SPEC R-SRV-3, R-TOP-3: a company-less notice becomes each imported company\'s own, its read state kept; the server\'s company never sees it', async () => {
    const file = await craftedBackup(async (d) => {
      const welcome = await d.store.db.selectFrom('notices').select('id').where('company_id', 'is', null).executeTakeFirstOrThrow();
      await d.store.db.insertInto('notices').values({ company_id: null, published_at: 0, ends_at: Date.parse('2031-01-01'), title: '全社向け', body: 'x' }).execute();
      await d.store.db.insertInto('notice_reads').values({ notice_id: welcome.id, user_id: await idOf(d, 'users', 'login_id', 'kmb05871'), read_at: 1 }).execute();
    });
    const h = await server();
    const now = h.clock.now().getTime();
    const [s0001, srvMaster] = [await idOf(h, 'companies', 'code', 'S0001'), await idOf(h, 'users', 'login_id', 'srv00001')];
    const before = await currentNotices(h.store.db, s0001, srvMaster, now);
    value(await importInto(h, file));
    expect(await currentNotices(h.store.db, s0001, srvMaster, now)).toEqual(before);
    expect(await h.store.db.selectFrom('notices').select('id').where('company_id', 'is', null).execute()).toEqual([]);
    const seen = async (code: string, loginId: string) =>
      (await currentNotices(h.store.db, await idOf(h, 'companies', 'code', code), await idOf(h, 'users', 'login_id', loginId), now)).map((n) => [n.title, Number(n.read)]);
    expect(await seen('C0001', 'kmb05871')).toEqual(expect.arrayContaining([['ご利用開始のご案内', 1], ['全社向け', 0]]));
    expect(await seen('C0002', 'tasha001')).toEqual(expect.arrayContaining([['ご利用開始のご案内', 0], ['全社向け', 0]]));
  });

  it.each([
    ['an actor who is another company\'s user', auditRow({ actor: 'srv00001', target: 'srv00001' })],
    ['no actor, another company\'s user as target', auditRow({ actor: null, action: 'user.lock', target: 'srv00001' })],
    ['no actor, a target who is nobody of the backup', auditRow({ actor: null, action: 'user.lock', target: 'zzz00001' })],
    ['a backup user aiming at another company\'s user', auditRow({ actor: 'kmb05871', target: 'srv00001' })],
  ])('SPEC R-SRV-3, R-GEN-2: an audit row with %s refuses the whole file: FOREIGN_AUDIT, nothing written', async (_label, row) => {
    const file = await craftedBackup((d) => appendAudit(d.store.db, [row]));
    const h = await server();
    const before = await dumpTables(h.store.db);
    expect(await importInto(h, file)).toEqual({ ok: false, error: { code: 'BACKUP_REFUSED', problem: 'FOREIGN_AUDIT' } });
    expect(await dumpTables(h.store.db)).toEqual(before);
  });

  it('SPEC R-GEN-2: a backup user\'s row naming a login ID nobody holds here is the new company\'s own and is kept', async () => {
    const file = await craftedBackup((d) => appendAudit(d.store.db, [auditRow({ actor: 'ippan001', target: 'typo0001', result: 'failure', reason: 'FORBIDDEN' })]));
    const h = await server();
    value(await importInto(h, file));
    const c0001 = await idOf(h, 'companies', 'code', 'C0001');
    const rows = await listAudit(h.store.db, { companyId: c0001, loginId: 'typo0001' }, 0, 10);
    expect(rows).toMatchObject([{ actor_login_id: 'ippan001', target_login_id: 'typo0001' }]);
    expect(await listAudit(h.store.db, { companyId: await idOf(h, 'companies', 'code', 'S0001'), loginId: 'typo0001' }, 0, 10)).toEqual([]);
  });

  it('SPEC R-TOK-3: no orphan token: a held company-less token takes its holders\' company, an unheld one is dropped', async () => {
    const file = await craftedBackup((d) => d.store.db.updateTable('tokens').set({ company_id: null }).where('serial', '=', '523405696').execute().then(() => undefined));
    const h = await server();
    const summary = value(await importInto(h, file));
    expect(await h.store.db.selectFrom('tokens').select('serial').where('company_id', 'is', null).execute()).toEqual([]);
    // The demo's unassigned 600000001 had no company and no holder: it is not the company's, so it is not imported.
    expect(await h.store.db.selectFrom('tokens').select('id').where('serial', '=', '600000001').execute()).toEqual([]);
    const shared = await h.store.db.selectFrom('tokens').select('company_id').where('serial', '=', '523405696').executeTakeFirstOrThrow();
    expect(shared.company_id).toBe(await idOf(h, 'companies', 'code', 'C0001'));
    expect(summary.tokens).toBe(4);
  });

  it('SPEC R-TOK-3: a company-less token held in two companies refuses the file: TOKEN_TWO_COMPANIES, nothing written', async () => {
    const file = await craftedBackup(async (d) => {
      const other = await idOf(d, 'tokens', 'serial', '700000001');
      await d.store.db.updateTable('tokens').set({ company_id: null }).where('id', '=', other).execute();
      const shinki = await idOf(d, 'users', 'login_id', 'shinki01');
      await d.store.db.insertInto('token_assignments').values({ user_id: shinki, token_id: other, state: 'active', assigned_at: 1, revoked_at: null, revoked_by: null, reregistration_at: null }).execute();
    });
    const h = await server();
    const before = await dumpTables(h.store.db);
    expect(await importInto(h, file)).toEqual({ ok: false, error: { code: 'BACKUP_REFUSED', problem: 'TOKEN_TWO_COMPANIES' } });
    expect(await dumpTables(h.store.db)).toEqual(before);
  });

  it('SPEC R-GEN-2: the import\'s own backup.restore row is in each imported company\'s 操作履歴, and not in the server company\'s', async () => {
    const h = await server();
    value(await importInto(h, await craftedBackup()));
    const restoreRows = async (code: string) =>
      (await listAudit(h.store.db, { companyId: await idOf(h, 'companies', 'code', code), action: 'backup.restore' }, 0, 10)).map((r) => r.target_login_id);
    expect(await restoreRows('C0001')).toEqual(['kmb05871']);
    expect(await restoreRows('C0002')).toEqual(['tasha001']);
    expect(await restoreRows('S0001')).toEqual([]);
  });
});
