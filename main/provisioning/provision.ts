import { hashPassword, type KdfParams } from '../crypto/password';
import { seal, type SealKey } from '../crypto/seal';
import type { TokenParams } from '../otp/totp';
import type { UserType } from '../../shared/contract/models';
import { assignToken } from '../store/repos/assignments';
import type { Db } from '../store/transaction';

/**
 * Writing companies, users and tokens. Used by the demo data set and by tests today; the first-run setup and
 * the seed import (issue: provisioning) will call the same functions.
 */
export async function addCompany(db: Db, company: { code: string; name: string }): Promise<number> {
  const row = await db.insertInto('companies').values(company).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export type NewUser = {
  companyId: number;
  loginId: string;
  name: string;
  type: UserType;
  loginPassword: string;
  authPassword: string;
};

export async function addUser(db: Db, kdf: KdfParams, user: NewUser, now: Date): Promise<number> {
  const [loginHash, authHash] = await Promise.all([hashPassword(user.loginPassword, kdf), hashPassword(user.authPassword, kdf)]);
  const row = await db
    .insertInto('users')
    .values({
      company_id: user.companyId,
      login_id: user.loginId,
      name: user.name,
      user_type: user.type,
      login_password_hash: loginHash,
      auth_password_hash: authHash,
      locked_at: null,
      created_at: now.getTime(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type NewToken = TokenParams & { serial: string; seed: Uint8Array; expiresAt: Date; companyId: number | null };

/** The seed is sealed before it reaches the store (DESIGN-NOTES 6). */
export async function addToken(db: Db, key: SealKey, token: NewToken, now: Date): Promise<number> {
  const row = await db
    .insertInto('tokens')
    .values({
      serial: token.serial,
      company_id: token.companyId,
      seed_sealed: seal(key, token.seed, token.serial),
      algorithm: token.algorithm,
      digits: token.digits,
      period: token.period,
      expires_at: token.expiresAt.getTime(),
      created_at: now.getTime(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const assign = (db: Db, userId: number, tokenId: number, now: Date) => assignToken(db, userId, tokenId, now.getTime());

export const PRODUCT_TOKEN: TokenParams = { algorithm: 'SHA1', digits: 6, period: 60 };
