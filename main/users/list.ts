import { ok, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import type { UserRow, UserSort } from '../../shared/contract/models';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { listCompanyUsers } from '../store/repos/users';
import type { Db } from '../store/transaction';
import { toUserRow } from '../views/userRow';

/** BRSK027 list (SPEC R-REV-1, R-REV-2, R-TOK-4): every user of the operator's company, in the chosen order. */
export async function listUsers(deps: Deps, session: Session, input: RequestOf<'users', 'list'>, now: Date): Promise<Result<{ users: UserRow[] }>> {
  return ok({ users: await companyUserRows(deps.db, deps, session.companyId, input.sort, now) });
}

/** The BRSK027 rows of a company, also for an offline replica (SPEC R-OFF-5) and its row versions (R-OFF-8). */
export async function companyUserRows(db: Db, deps: Deps, companyId: number, sort: UserSort, now: Date, loginIds?: readonly string[]): Promise<UserRow[]> {
  const rows = await listCompanyUsers(db, companyId, sort, loginIds);
  return rows.map((r) => toUserRow(r, now, deps.rules.tokenExpiryWarningDays));
}
