import type { Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import type { ImportPreview } from '../../shared/contract/adminModels';
import { withStepUp } from '../attempts/stepUp';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { commitPreview, type Imported } from './commit';
import { previewImport } from './preview';
import { sessionOwner, type ImportProgress } from '../context/previews';

const ownerOf = (session: Session) => sessionOwner(session.id);

/** 設定・管理 seed import, first step (SPEC R-TOK-3, R-TOK-4): master and admin users only; nothing is written. */
export async function previewTokens(deps: Deps, session: Session, input: RequestOf<'imports', 'preview'>, now: Date): Promise<Result<ImportPreview>> {
  return previewImport(deps, ownerOf(session), session.companyId, input, now);
}

/** The commit, with the operator's authentication password and an OTP (SPEC R-OTP-4), in the step-up's transaction. */
export async function commitTokens(
  deps: Deps,
  session: Session,
  input: RequestOf<'imports', 'commit'>,
  now: Date,
): Promise<Result<Imported>> {
  const operation = { action: 'token.import' as const, targets: [session.loginId] };
  const claim = { previewId: input.previewId, owner: ownerOf(session), companyId: session.companyId };
  return commitPreview(deps, claim, now, (write) =>
    withStepUp(deps, session, input, operation, now, (tx, operator) => write(tx, operator.login_id)),
  );
}

export async function importProgress(
  deps: Deps,
  session: Session,
  input: RequestOf<'imports', 'progress'>,
  now: Date,
): Promise<Result<ImportProgress>> {
  return deps.previews.progressOf(input.previewId, ownerOf(session), now);
}
