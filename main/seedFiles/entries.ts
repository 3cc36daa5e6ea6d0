import { serialField } from '../../shared/input/fields';
import { SERIAL_DIGITS } from '../../shared/input/limits';
import { fatal, problem, type ImportProblemCode, type ParseResult, type ParsedToken } from './types';

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

/**
 * The first entry that names a serial claims it; later ones are DUPLICATE_IN_FILE, pointing at the first. Which of
 * two seeds for one serial is the real one the file cannot say, so `refuseFirsts` then refuses the first too.
 */
export class SerialClaims {
  private readonly firstSeen = new Map<string, string>();
  private readonly repeated = new Map<string, string>();

  claim(serial: string, where: string): void {
    const first = this.firstSeen.get(serial);
    if (first !== undefined) {
      if (!this.repeated.has(serial)) this.repeated.set(serial, where);
      reject('DUPLICATE_IN_FILE', `first at ${first}`);
    }
    this.firstSeen.set(serial, where);
  }

  /** The first entries of repeated serials leave the tokens for the problems, their seeds wiped (issue 11 finding 9). */
  refuseFirsts(result: ParseResult): ParseResult {
    if (this.repeated.size === 0) return result;
    const tokens: ParsedToken[] = [];
    const problems = [...result.problems];
    for (const token of result.tokens) {
      const again = this.repeated.get(token.serial);
      if (again === undefined) tokens.push(token);
      else {
        token.seed.fill(0);
        problems.push(problem(token.where, 'DUPLICATE_IN_FILE', `again at ${again}`));
      }
    }
    return { tokens, problems };
  }
}

/** Refuses a file with more entries than the configured cap (rules.imports.maxEntries) before reading any entry. */
export const tooMany = (count: number, max: number | undefined): ParseResult | null =>
  max !== undefined && count > max ? fatal('TOO_MANY_ENTRIES', `${count} entries, at most ${max}`) : null;

/** RFC 4226 §4 R6: at least 128 bits. The upper bound only keeps junk out (SHA-512 seeds are 64 bytes). */
export function checkSeedLength(seed: Buffer): Buffer {
  if (seed.length < 16) reject('BAD_SECRET', `${seed.length} bytes, fewer than 16`);
  if (seed.length > 128) reject('BAD_SECRET', `${seed.length} bytes, more than 128`);
  return seed;
}
