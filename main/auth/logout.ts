import { ok } from '../../shared/errors';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { auditSuccess } from '../attempts/failures';

export async function logout(deps: Deps, session: Session, now: Date) {
  await deps.sessions.end(session.id, 'logout', now);
  await auditSuccess(deps, session.loginId, 'session.logout', now);
  return ok({});
}
