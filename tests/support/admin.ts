import { randomBytes } from 'node:crypto';
import type { Result } from '../../shared/errors';
import { base32 } from './secrets';
import { loginWithOtp, type Harness } from './harness';

/** The value of an ok result, or the test fails with the refusal. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

export type CsvToken = { serial: string; seed?: Buffer; expiry?: string; interval?: string; secret?: string };

/** Microsoft Entra's hardware OATH CSV plus the expiry column, seeds in Base32 as Entra writes them. */
export function entraCsv(tokens: readonly CsvToken[]): Buffer {
  const rows = tokens.map((t) =>
    ['', t.serial, t.secret ?? base32(t.seed ?? randomBytes(20)), t.interval ?? '60', 'Contoso', 'HT-60', t.expiry ?? '2031-03-31'].join(','),
  );
  return Buffer.from(['upn,serial number,secret key,time interval,manufacturer,model,expiry date', ...rows].join('\r\n'), 'utf8');
}

/** `count` serials from `first` upwards, each 9 digits. */
export const serials = (first: number, count: number): string[] => Array.from({ length: count }, (_, i) => String(first + i));

export const asFile = (format: 'csv' | 'pskc', bytes: Buffer) => ({ format, fileBase64: bytes.toString('base64') });

/** ippan001 (一般), with its own token 523405697: codes never collide with the shared token's. */
export const GENERAL = { loginId: 'ippan001', serial: '523405697' } as const;

export async function generalSession(h: Harness): Promise<string> {
  return (await loginWithOtp(h, GENERAL.loginId, GENERAL.serial)).sessionId;
}
