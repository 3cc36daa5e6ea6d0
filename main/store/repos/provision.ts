import { hashPassword, type KdfParams } from '../../crypto/password';
import { seal, type SealKey } from '../../crypto/seal';
import type { TokenParams } from '../schema';
import type { UserType } from '../../../shared/contract/models';
import { assignToken } from './assignments';
import type { Db } from '../transaction';

/** Writing companies, users and tokens: the first-run setup, user registration, the seed import and the demo data. */
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
  /** Passwords set by someone else (an admin registering the user): the user must change both at first login. */
  initial?: boolean;
};

/** A user ready to insert: the passwords already hashed, so a transaction need not wait for scrypt. */
export type HashedUser = Omit<NewUser, 'loginPassword' | 'authPassword'> & { loginHash: string; authHash: string };

export async function hashUser(kdf: KdfParams, user: NewUser): Promise<HashedUser> {
  const { loginPassword, authPassword, ...rest } = user;
  const [loginHash, authHash] = await Promise.all([hashPassword(loginPassword, kdf), hashPassword(authPassword, kdf)]);
  return { ...rest, loginHash, authHash };
}

export async function insertUser(db: Db, user: HashedUser, now: Date): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      company_id: user.companyId,
      login_id: user.loginId,
      name: user.name,
      user_type: user.type,
      login_password_hash: user.loginHash,
      auth_password_hash: user.authHash,
      locked_at: null,
      created_at: now.getTime(),
      login_password_initial: user.initial ? 1 : 0,
      auth_password_initial: user.initial ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addUser(db: Db, kdf: KdfParams, user: NewUser, now: Date): Promise<number> {
  return insertUser(db, await hashUser(kdf, user), now);
}

export type NewToken = TokenParams & { serial: string; seed: Uint8Array; expiresAt: Date; companyId: number | null };

/** The seed is sealed before it reaches the store (DESIGN-NOTES 6). */
const tokenRow = (key: SealKey, token: NewToken, now: Date) => ({
  serial: token.serial,
  company_id: token.companyId,
  seed_sealed: seal(key, token.seed, token.serial),
  algorithm: token.algorithm,
  digits: token.digits,
  period: token.period,
  expires_at: token.expiresAt.getTime(),
  created_at: now.getTime(),
});

export async function addToken(db: Db, key: SealKey, token: NewToken, now: Date): Promise<number> {
  const row = await db.insertInto('tokens').values(tokenRow(key, token, now)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** One statement for a batch of tokens (the import's 10,000 in batches of 100: 800 bound parameters each). */
export async function addTokens(db: Db, key: SealKey, tokens: readonly NewToken[], now: Date): Promise<void> {
  if (tokens.length > 0) await db.insertInto('tokens').values(tokens.map((t) => tokenRow(key, t, now))).execute();
}

export const assign = (db: Db, userId: number, tokenId: number, now: Date) => assignToken(db, userId, tokenId, now.getTime());

export const PRODUCT_TOKEN: TokenParams = { algorithm: 'SHA1', digits: 6, period: 60 };
