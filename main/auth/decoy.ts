import { paramsOf, paramsPrefix, unmatchableHash, verifyPassword, type KdfParams } from '../crypto/password';
import type { Deps } from '../context/deps';
import { otherLoginHashPrefixes } from '../store/repos/users';

/** How long the schemes stored are trusted before the store is asked again (an import by another process). */
export const SCHEMES_TTL_MS = 60_000;

type Schemes = { readonly at: number; readonly byPrefix: Map<string, KdfParams> };

/** Per core: its KDF and the store it reads decide the schemes. */
const cached = new WeakMap<Deps, Schemes>();
/** One unmatchable hash per parameter set: making one costs no KDF run, so no first probe costs more. */
const decoys = new Map<string, string>();

function decoyFor(prefix: string, params: KdfParams): string {
  let decoy = decoys.get(prefix);
  if (!decoy) decoys.set(prefix, (decoy = unmatchableHash(params)));
  return decoy;
}

/**
 * Every parameter set a live user's login password hash was made with, and the core's own (every new or rehashed
 * hash is made with it). Read from the store at most once a minute per core; a scheme first met in a user's own
 * hash is added at once (spendUnprovenWork), so an import by another process is covered within the minute.
 */
async function schemes(deps: Deps, now: Date): Promise<Schemes> {
  const t = now.getTime();
  const known = cached.get(deps);
  if (known && t >= known.at && t - known.at < SCHEMES_TTL_MS) return known;
  const own = paramsPrefix(deps.kdf);
  const byPrefix = new Map<string, KdfParams>([[own, deps.kdf]]);
  for (const start of await otherLoginHashPrefixes(deps.db, own)) {
    const params = paramsOf(start);
    if (params) byPrefix.set(paramsPrefix(params), params);
  }
  const fresh = { at: t, byPrefix };
  cached.set(deps, fresh);
  return fresh;
}

/**
 * Before the password is proven, every path costs the same work (issue 11 finding 3): one KDF run of each
 * parameter set still stored. `own` is the hash the caller has just checked and found wrong (its run stands in for
 * its set), or null for an ID that matches no live user. So on a company server still holding desktop scrypt
 * hashes beside its Argon2id, an unknown ID, an imported user and a rehashed one each cost one scrypt and one
 * Argon2id, in the same order of sets; once every imported user has logged in, one Argon2id. The runs are one
 * after another, as the user's own check is before them.
 */
export async function spendUnprovenWork(deps: Deps, password: string, own: string | null, now: Date): Promise<void> {
  const { byPrefix } = await schemes(deps, now);
  const ownParams = own === null ? null : paramsOf(own);
  const ownPrefix = ownParams ? paramsPrefix(ownParams) : null;
  if (ownParams && ownPrefix && !byPrefix.has(ownPrefix)) byPrefix.set(ownPrefix, ownParams);
  for (const [prefix, params] of [...byPrefix].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (prefix !== ownPrefix) await verifyPassword(password, decoyFor(prefix, params));
  }
}
