import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeOtp } from '../../../main/otp/consume';
import type { TokenParams } from '../../../main/store/schema';
import { codeAtStep, stepAt } from '../../../main/otp/totp';
import { checkCode } from '../../../main/otp/verify';
import { addToken } from '../../../main/store/repos/provision';
import { findTokenBySerial } from '../../../main/store/repos/tokens';
import { transact } from '../../../main/store/transaction';
import { createHarness, type Harness } from '../../support/harness';

/** RFC 6238 Appendix B: the seeds are the ASCII digits repeated to the hash's block size. */
const SEEDS = {
  SHA1: Buffer.from('12345678901234567890', 'ascii'),
  SHA256: Buffer.from('12345678901234567890123456789012', 'ascii'),
  SHA512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii'),
} as const;

const VECTORS: [number, string, string, string][] = [
  // time (s), SHA1, SHA256, SHA512
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
const cases = VECTORS.flatMap(([time, ...codes]) => ALGORITHMS.map((algorithm, i) => [algorithm, time, codes[i]!] as const));
const params = (algorithm: TokenParams['algorithm']): TokenParams => ({ algorithm, digits: 8, period: 30 });
const FAR_FUTURE = Date.UTC(3000, 0, 1);

describe('RFC 6238 Appendix B (SPEC R-OTP-1: TOTP per RFC 6238)', () => {
  it.each(cases)('%s at T=%i shows %s', (algorithm, time, code) => {
    expect(codeAtStep(SEEDS[algorithm], stepAt(new Date(time * 1000), 30), params(algorithm))).toBe(code);
  });

  it.each(cases)('checkCode accepts the %s vector at T=%i (%s) and refuses a neighbour', (algorithm, time, code) => {
    const state = { ...params(algorithm), lastStep: -1, drift: 0, expiresAt: FAR_FUTURE };
    const at = new Date(time * 1000);
    expect(checkCode(SEEDS[algorithm], code, state, at, 0)).toEqual({ ok: true, value: { step: Math.floor(time / 30), drift: 0 } });
    const wrong = String((Number(code) + 1) % 1e8).padStart(8, '0');
    expect(checkCode(SEEDS[algorithm], wrong, state, at, 0)).toMatchObject({ ok: false, error: { code: 'OTP_INVALID' } });
  });
});

describe('RFC 6238 vectors through a stored, sealed token and consumeOtp', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ seed: false });
    for (const [i, algorithm] of ALGORITHMS.entries()) {
      const token = { ...params(algorithm), serial: `9000000${i}`, seed: SEEDS[algorithm], expiresAt: new Date(FAR_FUTURE), companyId: null };
      await addToken(h.store.db, h.sealKey, token, new Date(0));
    }
  });
  afterAll(async () => h.close());

  it.each(ALGORITHMS.map((a, i) => [a, i] as const))('%s: every vector is accepted once, in time order', async (_algorithm, i) => {
    for (const [time, ...codes] of VECTORS) {
      const code = codes[i]!;
      const at = new Date(time * 1000);
      const result = await transact(h.store.db, async (tx) => {
        const token = (await findTokenBySerial(tx, `9000000${i}`))!;
        return consumeOtp(tx, h.sealKey, h.core.deps.rules, token, code, at);
      });
      expect(result).toEqual({ ok: true, value: { step: Math.floor(time / 30), drift: 0 } });
      const again = await transact(h.store.db, async (tx) =>
        consumeOtp(tx, h.sealKey, h.core.deps.rules, (await findTokenBySerial(tx, `9000000${i}`))!, code, at),
      );
      expect(again).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
    }
  });

  it('a sealed seed does not open under another key', async () => {
    const token = (await findTokenBySerial(h.store.db, '90000000'))!;
    const other = randomBytes(32);
    await expect(transact(h.store.db, (tx) => consumeOtp(tx, other, h.core.deps.rules, token, '94287082', new Date(59_000)))).rejects.toThrow();
  });
});
