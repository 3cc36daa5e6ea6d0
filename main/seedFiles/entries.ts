import { serialField } from '../../shared/input/fields';
import { SERIAL_DIGITS } from '../../shared/input/limits';
import { problem, type ImportProblemCode, type ParseResult, type ParsedToken } from './types';

/**
 * A field check's refusal of one entry. Thrown by the small checks and caught once per entry by `collect`, so
 * an entry's code reads top to bottom; it never escapes a parser.
 */
export class Rejection extends Error {
  constructor(
    readonly reason: ImportProblemCode,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

export const reject = (reason: ImportProblemCode, detail?: string): never => {
  throw new Rejection(reason, detail);
};

/** One entry of a file: where it is, and how to turn it into a token (throwing a Rejection if it cannot). */
export type Entry = { where: () => string; read: () => ParsedToken };

/** Reads every entry; one entry's refusal never stops the others. Other errors are bugs and propagate. */
export function collect(entries: Iterable<Entry>): ParseResult {
  const result: ParseResult = { tokens: [], problems: [] };
  for (const entry of entries) {
    try {
      result.tokens.push(entry.read());
    } catch (e) {
      if (!(e instanceof Rejection)) throw e;
      result.problems.push(problem(entry.where(), e.reason, e.detail));
    }
  }
  return result;
}

/** SPEC R-TOK-5 through the same field schema as the registration screen: NFKC, then 8-12 half-width digits. */
export function serialOf(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') return reject('BAD_SERIAL', 'missing');
  const parsed = serialField.safeParse(raw);
  return parsed.success ? parsed.data : reject('BAD_SERIAL', `not ${SERIAL_DIGITS.min}-${SERIAL_DIGITS.max} digits`);
}

/** The first entry that names a serial claims it; later ones are DUPLICATE_IN_FILE, pointing at the first. */
export class SerialClaims {
  private readonly firstSeen = new Map<string, string>();

  claim(serial: string, where: string): void {
    const first = this.firstSeen.get(serial);
    if (first !== undefined) reject('DUPLICATE_IN_FILE', `first at ${first}`);
    this.firstSeen.set(serial, where);
  }
}

/** RFC 4226 §4 R6: at least 128 bits. The upper bound only keeps junk out (SHA-512 seeds are 64 bytes). */
export function checkSeedLength(seed: Buffer): Buffer {
  if (seed.length < 16) reject('BAD_SECRET', `${seed.length} bytes, fewer than 16`);
  if (seed.length > 128) reject('BAD_SECRET', `${seed.length} bytes, more than 128`);
  return seed;
}
