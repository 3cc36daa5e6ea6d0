import { ok, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import type { UserRow } from '../../shared/contract/models';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { listCompanyUsers } from '../store/repos/users';
import { toUserRow } from '../views/userRow';

/** BRSK027 list (SPEC R-REV-1, R-REV-2, R-TOK-4): every user of the operator's company, in the chosen order. */
export async function listUsers(deps: Deps, session: Session, input: RequestOf<'users', 'list'>, now: Date): Promise<Result<{ users: UserRow[] }>> {
  const rows = await listCompanyUsers(deps.db, session.companyId, input.sort);
  return ok({ users: rows.map((r) => toUserRow(r, now, deps.rules.tokenExpiryWarningDays)) });
}
