import { randomBytes } from 'node:crypto';
import { hashPassword, type KdfParams } from '../../main/crypto/password';
import { withSeed } from '../../main/otp/consume';
import { codeAtStep, stepAt } from '../../main/otp/totp';
import { addCompany, addToken, PRODUCT_TOKEN } from '../../main/store/repos/provision';
import { findTokenBySerial } from '../../main/store/repos/tokens';
import type { Db } from '../../main/store/transaction';
import { TEST_KDF } from './harness';

/** Login and authentication password of every generated user. */
export const POP_PASSWORD = 'Pop#2026';

export const popLoginId = (i: number): string => `u${String(i).padStart(7, '0')}`;
export const popSerial = (t: number): string => String(100_000_000 + t);

export type Population = { readonly loginIds: string[]; readonly serials: string[]; readonly sealKey: Buffer };

/**
 * A company of `users` users written directly (bench/lib/company.ts's pattern): user 0 is the master, the rest
 * general; every user holds an active token, each token shared by `share` consecutive users. One precomputed
 * password hash keeps it fast.
 */
export async function buildPopulation(db: Db, users: number, share: number, now: Date, kdf: KdfParams = TEST_KDF): Promise<Population> {
  const sealKey = randomBytes(32);
  const hash = await hashPassword(POP_PASSWORD, kdf);
  const loginIds = Array.from({ length: users }, (_, i) => popLoginId(i));
  const serials: string[] = [];
  await db.transaction().execute(async (tx) => {
    const companyId = await addCompany(tx, { code: 'P0001', name: '負荷試験商事' });
    for (let i = 0; i < users; i += 500) {
      const rows = loginIds.slice(i, i + 500).map((loginId, k) => ({
        company_id: companyId,
        login_id: loginId,
        name: `利用者 ${i + k}`,
        user_type: i + k === 0 ? ('master' as const) : ('general' as const),
        login_password_hash: hash,
        auth_password_hash: hash,
        locked_at: null,
        created_at: now.getTime(),
      }));
      await tx.insertInto('users').values(rows).execute();
    }
    const ids = (await tx.selectFrom('users').select(['id', 'login_id']).orderBy('login_id').execute()).map((u) => u.id);
    const expiresAt = new Date(now.getTime() + 365 * 86_400_000);
    for (let t = 0; t * share < users; t++) {
      serials.push(popSerial(t));
      const tokenId = await addToken(tx, sealKey, { ...PRODUCT_TOKEN, serial: popSerial(t), seed: randomBytes(20), expiresAt, companyId }, now);
      const holders = ids.slice(t * share, (t + 1) * share);
      await tx.insertInto('token_assignments').values(holders.map((user_id) => ({ user_id, token_id: tokenId, state: 'active' as const, assigned_at: now.getTime() }))).execute();
    }
  });
  return { loginIds, serials, sealKey };
}

/** What a token shows at `now`, `offset` steps away. */
export async function tokenCode(db: Db, sealKey: Buffer, serial: string, now: Date, offset = 0): Promise<string> {
  const token = await findTokenBySerial(db, serial);
  if (!token) throw new Error(`no token ${serial}`);
  return withSeed(sealKey, token, (seed) => codeAtStep(seed, stepAt(now, token.period) + offset, token));
}
