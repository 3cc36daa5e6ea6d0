import { createHmac, randomBytes } from 'node:crypto';
import { verifySync } from '@otplib/totp';
import { NobleCryptoPlugin } from 'otplib';
import { NodeCryptoPlugin } from '@otplib/plugin-crypto-node';
import * as OTPAuth from 'otpauth';
import speakeasy from 'speakeasy';
import { checkCode } from '../main/otp/verify';
import { codeAtStep } from '../main/otp/totp';
import { opsPerSecond, report, type Row } from './lib/measure';
import { storeVerifier } from './lib/otpStore';

/**
 * Codes verified per second, single core, each verification checking the same ±1 step window and the code
 * matching the last step tried, so every contender computes three HMACs.
 */
const PERIOD = 60;
const seed = randomBytes(20);
const now = new Date('2026-11-24T01:00:30Z');
const step = Math.floor(now.getTime() / 1000 / PERIOD);
const params = { algorithm: 'SHA1', digits: 6, period: PERIOD } as const;
const code = codeAtStep(seed, step + 1, params);
const epoch = now.getTime() / 1000;

function rawHotp(counter: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', seed).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const secretBase32 = new OTPAuth.Secret({ buffer: seed.buffer.slice(seed.byteOffset, seed.byteOffset + 20) as ArrayBuffer }).base32;
const otpauth = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secretBase32), period: PERIOD, digits: 6, algorithm: 'SHA1' });
const token = { ...params, lastStep: step - 5, drift: 0, expiresAt: now.getTime() + 1e10 };
const otplibWith = (crypto: NobleCryptoPlugin | NodeCryptoPlugin) => () =>
  verifySync({ secret: seed, token: code, epoch, epochTolerance: PERIOD, period: PERIOD, digits: 6, crypto });

const contenders: [string, () => unknown][] = [
  ['(a) node:crypto HMAC-SHA1 + RFC 4226 truncation (physical limit)', () => [-1, 0, 1].some((d) => rawHotp(step + d) === code)],
  ['(b) otplib 13 TOTP verifySync, default crypto (noble)', otplibWith(new NobleCryptoPlugin())],
  ['(c) otplib 13 TOTP verifySync, @otplib/plugin-crypto-node', otplibWith(new NodeCryptoPlugin())],
  ['(d) otpauth TOTP.validate', () => otpauth.validate({ token: code, timestamp: now.getTime(), window: 1 })],
  ['(d) speakeasy totp.verify', () => speakeasy.totp.verify({ secret: secretBase32, encoding: 'base32', token: code, step: PERIOD, window: 1, time: epoch })],
  ['(e) project verification (drift window + one-time-use), store excluded', () => checkCode(seed, code, token, now, 1)],
];

async function main() {
  for (const [, op] of contenders) if (!op()) throw new Error('a contender refused the valid code');
  const rows: Row[] = [];
  for (const [figure, op] of contenders) rows.push({ section: 'OTP verification', figure, unit: 'codes/s', ...(await opsPerSecond(op, 2000)) });
  const withStore = await storeVerifier();
  const figure = '(f) project verification with the SQLite store (seed unsealed, one commit each)';
  rows.push({ section: 'OTP verification', figure, unit: 'codes/s', ...(await withStore.measure()) });
  await withStore.close();
  const raw = rows[0]!.median;
  for (const row of rows) Object.assign(row, { ratio: row.median / raw, ratioOf: '(a)' });
  const own = rows.find((r) => r.figure.startsWith('(e)'))!;
  Object.assign(own, { goal: '≥ 0.5 × (a)', met: own.ratio! >= 0.5 });
  report(rows);
}

void main();
