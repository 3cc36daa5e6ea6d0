import type { UserRow } from '../../shared/contract/models';
import type { Deps } from '../context/deps';
import { listCompanyUsers } from '../store/repos/users';
import type { Db } from '../store/transaction';
import { toUserRow } from '../views/userRow';

/** One user's row of the BRSK027 list, as the screen that changed the user shows it afterwards. */
export async function rowOf(db: Db, deps: Deps, companyId: number, loginId: string, now: Date): Promise<UserRow> {
  const [row] = await listCompanyUsers(db, companyId, 'loginId-asc', [loginId]);
  if (!row) throw new Error('the user just written is not in the list');
  return toUserRow(row, now, deps.rules.tokenExpiryWarningDays);
}
