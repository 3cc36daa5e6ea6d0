import { fail, ok, type Result } from '../../shared/errors';
import { addTokens } from '../store/repos/provision';
import type { Deps } from '../context/deps';
import { appendSuccess } from '../store/repos/audit';
import { findTokensBySerials } from '../store/repos/tokens';
import { breatheEvery } from '../store/breathe';
import type { Db } from '../store/transaction';
import { serialsOf, tokensOf, type PackedTokens } from '../seedFiles/packed';
import { LOOKUP_BATCH } from './sortTokens';

export type Imported = { imported: number };
/** Where a preview came from and may be committed: its owner (session or setup) and the company. */
export type PreviewClaim = { readonly previewId: string; readonly owner: string; readonly companyId: number };
/** Runs the write in one transaction, after whatever proves the operator (step-up, or the setup grant). */
export type Confirmed = (write: (tx: Db, actor: string) => Promise<Result<Imported>>) => Promise<Result<Imported>>;

const BATCH = 100;

/** Whether any of the tokens reached the store since the preview; asked in batches, the event loop breathing between. */
async function anyStored(tx: Db, tokens: PackedTokens): Promise<boolean> {
  for (let i = 0; i < tokens.count; i += LOOKUP_BATCH) {
    await breatheEvery(i, LOOKUP_BATCH);
    if ((await findTokensBySerials(tx, serialsOf(tokens, i, i + LOOKUP_BATCH))).length > 0) return true;
  }
  return false;
}

/**
 * Every token sealed and bound to the company, inside the caller's transaction: all or nothing. A serial that
 * reached the store since the preview refuses the whole import (the preview no longer says what would happen).
 * The event loop breathes between batches, so progress requests are answered during a 30,000-token import.
 */
async function write(tx: Db, deps: Deps, claim: PreviewClaim, tokens: PackedTokens, actor: string, now: Date): Promise<Result<Imported>> {
  deps.previews.advance(claim.previewId, 0);
  if (await anyStored(tx, tokens)) return fail('PREVIEW_INVALID');
  for (let i = 0; i < tokens.count; i += BATCH) {
    await breatheEvery(i, BATCH);
    await addTokens(tx, deps.sealKey, tokensOf(tokens, i, i + BATCH).map((t) => ({ ...t, companyId: claim.companyId })), now);
    deps.previews.advance(claim.previewId, Math.min(i + BATCH, tokens.count));
  }
  await appendSuccess(tx, now, actor, 'token.import', null, { imported: tokens.count });
  return ok({ imported: tokens.count });
}

/**
 * Commits a preview once `confirmed` lets the write run. Once the write ran, committed or not, the preview's
 * seeds are wiped and its progress shows the outcome.
 */
export async function commitPreview(deps: Deps, claim: PreviewClaim, now: Date, confirmed: Confirmed): Promise<Result<Imported>> {
  const claimed = deps.previews.claim(claim.previewId, claim.owner, claim.companyId, now);
  if (!claimed.ok) return claimed;
  if (claimed.value.count === 0) {
    deps.previews.release(claim.previewId);
    return fail('NOTHING_TO_IMPORT');
  }
  // null until the write starts: a refusal before it (a wrong OTP) leaves the preview for another try.
  const outcome: { state: 'done' | 'failed' | null } = { state: null };
  try {
    const result = await confirmed((tx, actor) => {
      outcome.state = 'failed';
      return write(tx, deps, claim, claimed.value, actor, now);
    });
    if (result.ok) outcome.state = 'done';
    return result;
  } finally {
    if (outcome.state === null) deps.previews.release(claim.previewId);
    else deps.previews.settle(claim.previewId, outcome.state, now);
  }
}
