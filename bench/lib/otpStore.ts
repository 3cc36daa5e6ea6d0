import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consumeOtp } from '../../main/otp/consume';
import { codeAtStep } from '../../main/otp/totp';
import { defaultRules } from '../../main/config/rules';
import { addToken, PRODUCT_TOKEN } from '../../main/store/repos/provision';
import { findTokenBySerial } from '../../main/store/repos/tokens';
import { openStore } from '../../main/store/open';
import { transact } from '../../main/store/transaction';
import { sampleMs } from './measure';

/** (f): the same verification through the store: load the token, unseal the seed, the conditional write, commit. */
export async function storeVerifier() {
  const dir = mkdtempSync(join(tmpdir(), 'otp-bench-'));
  const store = await openStore(join(dir, 'bench.sqlite'));
  const key = randomBytes(32);
  const seed = randomBytes(20);
  const start = new Date('2026-11-24T01:00:30Z');
  await addToken(store.db, key, { ...PRODUCT_TOKEN, serial: '900000001', seed, expiresAt: new Date('2031-01-01'), companyId: null }, start);
  let n = 0;
  /** Each verification is one step later, so every code is fresh and the write wins. */
  const verifyNext = async () => {
    const now = new Date(start.getTime() + n++ * 60_000);
    const code = codeAtStep(seed, Math.floor(now.getTime() / 60_000), PRODUCT_TOKEN);
    const result = await transact(store.db, async (tx) =>
      consumeOtp(tx, key, defaultRules, (await findTokenBySerial(tx, '900000001'))!, code, now),
    );
    if (!result.ok) throw new Error(`store verification refused: ${result.error.code}`);
  };
  const batch = 50;
  return {
    async measure() {
      const ms = await sampleMs(async () => {
        for (let i = 0; i < batch; i++) await verifyNext();
      }, 20);
      return { median: (batch * 1000) / ms.median, p95: (batch * 1000) / ms.p95 };
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
