import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword, type KdfParams } from '../../main/crypto/password';
import { withSeed } from '../../main/otp/consume';
import { codeAtStep, stepAt } from '../../main/otp/totp';
import { addCompany, addToken, PRODUCT_TOKEN } from '../../main/store/repos/provision';
import { createCore } from '../../main/core/createCore';
import { findTokenBySerial } from '../../main/store/repos/tokens';
import { openStore } from '../../main/store/open';

export const PASSWORD = 'Bench#2026';
/** Handlers are measured with a cheap KDF; the product KDF is measured on its own. */
export const CHEAP_KDF: KdfParams = { N: 2 ** 10, r: 8, p: 1 };
const loginId = (i: number) => `u${String(i).padStart(7, '0')}`;

/**
 * A company of `users` users (user 0 is the master), each holding a token shared by ten, and `spare` users
 * without a token with as many free tokens, written directly in one transaction.
 */
export async function benchCompany(users: number, spare = 0, kdf: KdfParams = CHEAP_KDF) {
  const dir = mkdtempSync(join(tmpdir(), 'otp-bench-'));
  const store = await openStore(join(dir, 'bench.sqlite'));
  const sealKey = randomBytes(32);
  let now = new Date('2026-11-24T01:00:30Z');
  const hash = await hashPassword(PASSWORD, kdf);
  await store.db.transaction().execute(async (tx) => {
    const companyId = await addCompany(tx, { code: 'B0001', name: 'ベンチ商事' });
    const expiresAt = new Date('2031-03-31T14:59:00Z');
    for (let i = 0; i < users + spare; i += 500) {
      const rows = [];
      for (let k = i; k < Math.min(i + 500, users + spare); k++) {
        rows.push({ company_id: companyId, login_id: loginId(k), name: `利用者 ${k}`, user_type: k === 0 ? ('master' as const) : ('general' as const), login_password_hash: hash, auth_password_hash: hash, locked_at: null, created_at: 0 });
      }
      await tx.insertInto('users').values(rows).execute();
    }
    for (let t = 0; t < Math.ceil(users / 10); t++) {
      const tokenId = await addToken(tx, sealKey, { ...PRODUCT_TOKEN, serial: String(100000000 + t), seed: randomBytes(20), expiresAt, companyId }, now);
      const holders = await tx.selectFrom('users').select('id').where('id', '>', t * 10).where('id', '<=', Math.min(t * 10 + 10, users)).execute();
      if (holders.length) await tx.insertInto('token_assignments').values(holders.map((h) => ({ user_id: h.id, token_id: tokenId, state: 'active' as const, assigned_at: 0 }))).execute();
    }
    for (let s = 0; s < spare; s++) await addToken(tx, sealKey, { ...PRODUCT_TOKEN, serial: String(200000000 + s), seed: randomBytes(20), expiresAt, companyId }, now);
  });
  const core = createCore({ store, sealKey, kdf, clock: () => now, logBug: (c, e) => console.error(c, e) });
  const codeOf = async (serial: string) => {
    const token = (await findTokenBySerial(store.db, serial))!;
    return withSeed(sealKey, token, (seed) => codeAtStep(seed, stepAt(now, 60), PRODUCT_TOKEN));
  };
  return {
    core,
    loginId,
    codeOf,
    /** Moves to the next time step so the shared tokens show fresh codes. */
    tick: () => (now = new Date(now.getTime() + 60_000)),
    async masterSession() {
      const step = await core.api.auth.login({ loginId: loginId(0), password: PASSWORD });
      if (!step.ok) throw new Error('bench login failed');
      const session = await core.api.auth.verifyOtp({ challengeId: step.value.challengeId, otp: await codeOf('100000000') });
      if (!session.ok) throw new Error(`bench OTP failed: ${session.error.code}`);
      return session.value.sessionId;
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
