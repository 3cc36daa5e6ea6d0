import { fail, type Result } from '../../shared/errors';
import type { ImportPreview } from '../../shared/contract/adminModels';
import { refuse } from '../auth/failures';
import { canManageUsers } from '../auth/roles';
import { withStepUp, type StepUpCredentials } from '../auth/stepUp';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { commitPreview, type Imported } from './commit';
import { previewImport } from './preview';
import { sessionOwner, type ImportProgress } from '../context/previews';
import type { ImportFile } from './readFile';

const ownerOf = (session: Session) => sessionOwner(session.id);

/** 設定・管理 seed import, first step (SPEC R-TOK-3, R-TOK-4): master and admin users only; nothing is written. */
export async function previewTokens(deps: Deps, session: Session, input: ImportFile, now: Date): Promise<Result<ImportPreview>> {
  if (!canManageUsers(session.userType)) return fail('FORBIDDEN');
  return previewImport(deps, ownerOf(session), session.companyId, input, now);
}

/** The commit, with the operator's authentication password and an OTP (SPEC R-OTP-4), in the step-up's transaction. */
export async function commitTokens(
  deps: Deps,
  session: Session,
  input: StepUpCredentials & { previewId: string },
  now: Date,
): Promise<Result<Imported>> {
  const operation = { action: 'token.import' as const, targets: [session.loginId] };
  if (!canManageUsers(session.userType)) return refuse(deps, session.loginId, operation.action, { code: 'FORBIDDEN' }, now);
  const claim = { previewId: input.previewId, owner: ownerOf(session), companyId: session.companyId };
  return commitPreview(deps, claim, now, (write) =>
    withStepUp(deps, session, input, operation, now, (tx, operator) => write(tx, operator.login_id)),
  );
}

export async function importProgress(
  deps: Deps,
  session: Session,
  input: { previewId: string },
  now: Date,
): Promise<Result<ImportProgress>> {
  if (!canManageUsers(session.userType)) return fail('FORBIDDEN');
  return deps.previews.progressOf(input.previewId, ownerOf(session), now);
}
