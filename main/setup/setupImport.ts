import { ok, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import type { ImportPreview } from '../../shared/contract/adminModels';
import { refuse } from '../attempts/failures';
import { commitPreview, type Imported } from '../imports/commit';
import { previewImport } from '../imports/preview';
import type { Deps } from '../context/deps';
import type { SetupGrant } from '../context/setups';
import { transact } from '../store/transaction';

/** The first import of a company belongs to its setup: the setup ID is the proof, there is no token for a step-up yet. */
const ownerOf = (grant: SetupGrant) => `setup:${grant.id}`;

export async function setupPreview(deps: Deps, input: RequestOf<'setup', 'previewImport'>, now: Date): Promise<Result<ImportPreview>> {
  const grant = await deps.setups.resolve(input.setupId, now);
  if (!grant.ok) return grant;
  return previewImport(deps, ownerOf(grant.value), grant.value.companyId, input, now);
}

/** The same atomic import as 設定・管理, audited as the new master's. */
export async function setupCommit(deps: Deps, input: RequestOf<'setup', 'commitImport'>, now: Date): Promise<Result<Imported>> {
  const grant = await deps.setups.resolve(input.setupId, now);
  if (!grant.ok) return grant;
  const { companyId, masterLoginId } = grant.value;
  const claim = { previewId: input.previewId, owner: ownerOf(grant.value), companyId };
  const result = await commitPreview(deps, claim, now, (write) => transact(deps.db, (tx) => write(tx, masterLoginId)));
  return result.ok ? result : refuse(deps, masterLoginId, 'token.import', result.error, now);
}

/** Ends the setup: its ID and any preview it left are gone; from now on the normal login applies. */
export async function finishSetup(deps: Deps, input: RequestOf<'setup', 'finish'>, now: Date): Promise<Result<Record<string, never>>> {
  const grant = await deps.setups.resolve(input.setupId, now);
  if (!grant.ok) return grant;
  deps.previews.dropOwner(ownerOf(grant.value));
  await deps.setups.end(grant.value.id);
  return ok({});
}
