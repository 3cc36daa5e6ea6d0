import { decodeBase32 } from './base32';
import { parseCsvExpiry } from './dates';
import { SerialClaims, checkSeedLength, reject, serialOf } from './entries';
import type { ParsedToken } from './types';

/** The columns of Microsoft Entra's hardware OATH token CSV, plus our `expiry date`. */
export const REQUIRED_COLUMNS = ['serial number', 'secret key', 'time interval'] as const;
/** upn is accepted and ignored: users register their tokens themselves (BLGI020), the file assigns nobody. */
export const OPTIONAL_COLUMNS = ['upn', 'manufacturer', 'model', 'expiry date'] as const;
export type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export type Row = { line: number; fields: string[] };
export type Columns = Map<Column, number>;

const cap = (s: string) => s.slice(0, 200);

/** Entra accepts 30 and 60 second tokens only; so does this format. */
function periodOf(text: string): 30 | 60 {
  if (text === '30' || text === '60') return Number(text) as 30 | 60;
  return reject('BAD_PERIOD', text === '' ? 'missing' : cap(text));
}

/**
 * One data row → a token. Entra's format has no algorithm or digits column: its tokens are TOTP HMAC-SHA1 with
 * 6 digits, which is what this product's tokens are too.
 */
export function tokenOfRow(row: Row, columns: Columns, headerLength: number, claims: SerialClaims): ParsedToken {
  if (row.fields.length !== headerLength) reject('MALFORMED_ENTRY', `${row.fields.length} fields, header has ${headerLength}`);
  const field = (name: Column) => {
    const index = columns.get(name);
    return index === undefined ? '' : (row.fields[index] ?? '');
  };
  const where = `line ${row.line}`;
  const serial = serialOf(field('serial number'));
  claims.claim(serial, where);
  const seed = checkSeedLength(decodeBase32(field('secret key')));
  const period = periodOf(field('time interval'));
  const expiresAt = parseCsvExpiry(field('expiry date'));
  const [manufacturer, model] = [cap(field('manufacturer')), cap(field('model'))];
  return {
    serial,
    seed,
    algorithm: 'SHA1',
    digits: 6,
    period,
    expiresAt,
    ...(manufacturer === '' ? {} : { manufacturer }),
    ...(model === '' ? {} : { model }),
    where,
  };
}
