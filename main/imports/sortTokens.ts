import type { ImportPreview } from '../../shared/contract/adminModels';
import { classify, type ExistingToken } from '../seedFiles/preview';
import type { PackableToken } from '../seedFiles/packed';
import type { SerialLookup, SortOptions } from '../seedFiles/importParser';
import type { ParseResult, ParsedToken } from '../seedFiles/types';

/** The preview lists this many problems and serials at most; the counts are always complete. */
const LISTED = 200;
/** Serials per store lookup: one statement of 500 bound parameters, a millisecond or two of the main thread. */
export const LOOKUP_BATCH = 500;

/** A problem as the preview shows it: the parsers' codes, plus this file's refusals of parsed tokens. */
type Listed = ImportPreview['problems'][number];

/**
 * Tokens the product could never use: no expiry (the store needs one, SPEC R-TOK-4), codes of other than 6 digits
 * (SPEC R-OTP-1: the OTP field takes six) or another time step than the configured one (a PSKC file without
 * TimeInterval means 30 s): never imported unnoticed, so refused and flagged. Reported beside the file's own problems.
 */
function unusable(token: ParsedToken, stepSeconds: number): Listed | null {
  if (token.expiresAt === null) return { where: token.where, reason: 'MISSING_EXPIRY' };
  if (token.digits !== 6) return { where: token.where, reason: 'BAD_DIGITS', detail: `${token.digits} digits` };
  if (token.period !== stepSeconds) return { where: token.where, reason: 'NON_STANDARD_STEP', detail: `${token.period} s` };
  return null;
}

const shown = (flagged: boolean) => (t: ParsedToken) => ({ serial: t.serial, periodSeconds: t.period, digits: t.digits, flagged });

const refusal = (reason: string) => (t: ParsedToken): Listed => ({ where: t.where, reason, detail: `serial ${t.serial}` });

/** File order for the list: 'line 12' and 'KeyPackage 3 (serial …)' sort by their number. */
const position = (p: Listed) => Number(/\d+/.exec(p.where)?.[0] ?? 0);

/** Only tokens with an expiry get here (`unusable` refused the others). */
const importable = (t: ParsedToken): PackableToken => ({
  serial: t.serial,
  seed: t.seed,
  algorithm: t.algorithm,
  digits: t.digits,
  period: t.period,
  expiresAt: t.expiresAt!,
});

export type Sorted = { tokens: PackableToken[]; preview: Omit<ImportPreview, 'previewId'> };

/** What the store holds of the usable serials, asked in batches. */
async function storedOf(usable: readonly ParsedToken[], lookup: SerialLookup): Promise<Map<string, ExistingToken>> {
  const existing = new Map<string, ExistingToken>();
  for (let i = 0; i < usable.length; i += LOOKUP_BATCH) {
    for (const [serial, known] of await lookup(usable.slice(i, i + LOOKUP_BATCH).map((t) => t.serial))) existing.set(serial, known);
  }
  return existing;
}

/**
 * Sorts a parsed file against the store (SPEC R-TOK-3, R-TOK-4); seeds of tokens that will not be imported are
 * wiped. Runs in the parse worker: only `lookup` reaches the main thread.
 */
export async function sortParsed(parsed: ParseResult, options: SortOptions, lookup: SerialLookup): Promise<Sorted> {
  const [usable, broken]: [ParsedToken[], { token: ParsedToken; problem: Listed }[]] = [[], []];
  for (const token of parsed.tokens) {
    const problem = unusable(token, options.stepSeconds);
    if (problem) broken.push({ token, problem });
    else usable.push(token);
  }
  const sorted = classify(usable, await storedOf(usable, lookup), options.companyId, new Date(options.now));
  for (const t of [...broken.map((b) => b.token), ...sorted.duplicates, ...sorted.disabled, ...sorted.otherCompany, ...sorted.expired]) t.seed.fill(0);
  const problems: Listed[] = [
    ...parsed.problems,
    ...broken.map((b) => b.problem),
    ...sorted.otherCompany.map(refusal('OTHER_COMPANY')),
    ...sorted.duplicates.map(refusal('DUPLICATE')),
    ...sorted.disabled.map(refusal('TOKEN_DISABLED')),
    ...sorted.expired.map(refusal('EXPIRED')),
  ].sort((a, b) => position(a) - position(b));
  return {
    tokens: sorted.new.map(importable),
    preview: {
      total: parsed.tokens.length + parsed.problems.length,
      newCount: sorted.new.length,
      // A disabled serial is stored already too; its own problem row says why it can never come back.
      duplicateCount: sorted.duplicates.length + sorted.disabled.length,
      otherCompanyCount: sorted.otherCompany.length,
      expiredCount: sorted.expired.length,
      malformedCount: parsed.problems.length + broken.length,
      problems: problems.slice(0, LISTED),
      sampleTokens: [...sorted.new.map(shown(false)), ...broken.filter((b) => b.problem.reason === 'NON_STANDARD_STEP').map((b) => shown(true)(b.token))]
        .slice(0, LISTED),
    },
  };
}
