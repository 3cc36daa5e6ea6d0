import { randomBytes } from 'node:crypto';
import { ok } from '../../shared/errors';
import type { KdfParams } from '../crypto/password';
import type { SealKey } from '../crypto/seal';
import { addCompany, addToken, addUser, assign, PRODUCT_TOKEN } from '../store/repos/provision';
import type { Db } from '../store/transaction';
import { transact } from '../store/transaction';

/** Documented in the README; demo data only, never created by a production start. */
export const DEMO_PASSWORDS = { login: 'Login#2026', auth: 'Auth#2026' } as const;

export const DEMO_SERIALS = {
  shared: '523405696',
  nearExpiry: '523405697',
  expired: '523405698',
  unassigned: '600000001',
  otherCompany: '700000001',
} as const;

const DAY = 86_400_000;
const jst = (isoLocal: string) => new Date(`${isoLocal}+09:00`);

type Seeder = { db: Db; kdf: KdfParams; sealKey: SealKey; now: Date };

async function tokens(s: Seeder, companyId: number, otherCompanyId: number) {
  const add = (serial: string, expiresAt: Date, company: number | null) =>
    addToken(s.db, s.sealKey, { ...PRODUCT_TOKEN, serial, seed: randomBytes(20), expiresAt, companyId: company }, s.now);
  return {
    shared: await add(DEMO_SERIALS.shared, jst('2031-03-31T23:59:00'), companyId),
    nearExpiry: await add(DEMO_SERIALS.nearExpiry, new Date(s.now.getTime() + 30 * DAY), companyId),
    expired: await add(DEMO_SERIALS.expired, jst('2026-03-31T23:59:00'), companyId),
    unassigned: await add(DEMO_SERIALS.unassigned, jst('2031-03-31T23:59:00'), null),
    other: await add(DEMO_SERIALS.otherCompany, jst('2031-03-31T23:59:00'), otherCompanyId),
  };
}

async function users(s: Seeder, companyId: number, otherCompanyId: number) {
  const add = (companyIdOf: number, loginId: string, name: string, type: 'master' | 'admin' | 'general') =>
    addUser(s.db, s.kdf, { companyId: companyIdOf, loginId, name, type, loginPassword: DEMO_PASSWORDS.login, authPassword: DEMO_PASSWORDS.auth }, s.now);
  return {
    master: await add(companyId, 'kmb05871', '熊瀬 太郎', 'master'),
    admin: await add(companyId, 'test12345', 'aaaaa', 'admin'),
    general: await add(companyId, 'ippan001', '一般 花子', 'general'),
    expiredUser: await add(companyId, 'kigen001', '期限 切子', 'general'),
    newcomer: await add(companyId, 'shinki01', '新規 次郎', 'general'),
    otherMaster: await add(otherCompanyId, 'tasha001', '他社 三郎', 'master'),
  };
}

async function topPageData(s: Seeder, companyId: number, masterId: number) {
  await s.db
    .insertInto('notices')
    .values([
      { company_id: null, published_at: jst('2021-06-01T09:00:00').getTime(), ends_at: jst('2031-09-09T23:59:00').getTime(), title: 'ご利用開始のご案内', body: 'ビジネスバンキングWebのご利用を開始いただき、ありがとうございます。' },
      { company_id: companyId, published_at: s.now.getTime() - DAY, ends_at: s.now.getTime() + 30 * DAY, title: 'ハードトークン有効期限のお知らせ', body: '有効期限が近いハードトークンは、期限前に切替のお手続きをお願いします。' },
    ])
    .execute();
  await s.db
    .insertInto('pending_approvals')
    .values([
      { company_id: companyId, approver_user_id: masterId, kind: '総合振込', summary: '11月分 仕入先支払', created_at: s.now.getTime() },
      { company_id: companyId, approver_user_id: masterId, kind: '給与振込', summary: '11月分 給与', created_at: s.now.getTime() },
    ])
    .execute();
}

/**
 * The guide's sample company: kmb05871 熊瀬 太郎 (master) and test12345 aaaaa (admin) sharing token 523405696,
 * a general user whose token expires within the warning period, one whose token has expired, one with no
 * token yet, and a token of another company. All in one transaction.
 */
export async function seedDemo(s: Seeder): Promise<void> {
  await transact(s.db, async (db) => {
    const seeder = { ...s, db };
    const companyId = await addCompany(db, { code: 'C0001', name: '熊本商事株式会社' });
    const otherId = await addCompany(db, { code: 'C0002', name: '他社商事株式会社' });
    const t = await tokens(seeder, companyId, otherId);
    const u = await users(seeder, companyId, otherId);
    await assign(db, u.master, t.shared, s.now);
    await assign(db, u.admin, t.shared, s.now);
    await assign(db, u.general, t.nearExpiry, s.now);
    await assign(db, u.expiredUser, t.expired, s.now);
    await assign(db, u.otherMaster, t.other, s.now);
    await topPageData(seeder, companyId, u.master);
    return ok(null);
  });
}
