import type { ParsedToken } from './types';

/** What the store already knows of a serial; the service fetches it for the file's serials before the preview. */
export type ExistingToken = { companyId: number | null; disabled?: boolean };

export type ImportPreview = {
  /** Not in the store: these are what a commit would add. */
  new: ParsedToken[];
  /**
   * Already in the store for this company, or in the store bound to no company yet. Either way the stored seed
   * stays: an import never overwrites a seed, so a re-sent file cannot swap a token's secret.
   */
  duplicates: ParsedToken[];
  /** Already in the store and disabled (reported lost, SPEC R-TOK-6): refused; a reissued token has a new serial. */
  disabled: ParsedToken[];
  /** Bound to another company: refused (SPEC R-TOK-3). */
  otherCompany: ParsedToken[];
  /** New, but expired already (SPEC R-TOK-4: its codes would all be refused). */
  expired: ParsedToken[];
};

/**
 * Sorts parsed tokens for the preview screen. Pure: no store access, `now` handed in (DESIGN-NOTES 5).
 * Each token lands in exactly one list, the first that applies: another company, disabled, already stored, expired,
 * new.
 * Expiry is `expiresAt <= now`, the same instant main/otp/verify.ts starts refusing codes.
 */
export function classify(
  parsed: readonly ParsedToken[],
  existing: ReadonlyMap<string, ExistingToken>,
  companyId: number,
  now: Date,
): ImportPreview {
  const preview: ImportPreview = { new: [], duplicates: [], disabled: [], otherCompany: [], expired: [] };
  for (const token of parsed) {
    const stored = existing.get(token.serial);
    if (stored && stored.companyId !== null && stored.companyId !== companyId) preview.otherCompany.push(token);
    else if (stored?.disabled) preview.disabled.push(token);
    else if (stored) preview.duplicates.push(token);
    else if (token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime()) preview.expired.push(token);
    else preview.new.push(token);
  }
  return preview;
}
