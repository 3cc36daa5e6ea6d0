import { ok, type Result } from '../../shared/errors';
import type { ImportPreview } from '../../shared/contract/adminModels';
import type { ExistingToken } from '../seedFiles/preview';
import type { Deps } from '../context/deps';
import { findTokensBySerials } from '../store/repos/tokens';
import type { ImportFile } from './readFile';

/** The store's answer to one of the parse worker's lookups (a batch of serials: one statement). */
async function stored(deps: Deps, serials: string[]): Promise<[string, ExistingToken][]> {
  const rows = await findTokensBySerials(deps.db, serials);
  return rows.map((s) => [s.serial, { companyId: s.company_id, disabled: s.state === 'disabled' }]);
}

/**
 * The preview before an import commits (setup or 設定・管理): counts, problems by line or element, and a preview ID.
 * The file is parsed and sorted against the store (SPEC R-TOK-3, R-TOK-4) in the parse worker (main/imports/sortTokens.ts).
 */
export async function previewImport(
  deps: Deps,
  owner: string,
  companyId: number,
  file: ImportFile,
  now: Date,
): Promise<Result<ImportPreview>> {
  const options = { maxEntries: deps.rules.imports.maxEntries, stepSeconds: deps.rules.otp.timeStepSeconds, companyId, now: now.getTime() };
  const sorted = await deps.parseImport(file, options, (serials) => stored(deps, serials));
  if (!sorted.ok) return sorted;
  return ok({ previewId: deps.previews.put(owner, companyId, sorted.value.tokens, now), ...sorted.value.preview });
}
