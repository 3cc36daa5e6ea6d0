import type { Replica } from '../../../shared/contract/syncModels';
import type { TopPage } from '../../../shared/contract/models';
import { ok, type Result } from '../../../shared/errors';
import type { Deps } from '../../context/deps';
import { topPageOf } from '../../top/topPage';
import { removedLoginIdsOf } from '../../store/repos/users';
import { companyUserRows } from '../../users/list';
import { holdersOnDesktop, provenDesktop, type DesktopProof } from './desktop';

/**
 * `sync:replica` (SPEC R-OFF-5): for each named holder whose block issued to THIS desktop still stands, their top
 * page as `top:get` builds it; and the company's BRSK027 list, as `users:list` builds it in its default order, with
 * its removed login IDs, only when one of them is a master or admin (a general user's desktop never holds the list,
 * R-REV-1). A login ID the desktop merely names gets nothing: the server believes its own blocks, not the desktop
 * (issue 19 finding 3).
 */
export async function replicaFor(deps: Deps, input: DesktopProof & { readonly holders: readonly string[] }, now: Date): Promise<Result<Replica>> {
  const desktop = await provenDesktop(deps.db, input);
  if (!desktop.ok) return desktop;
  const { companyId } = desktop.value;
  const standing = await holdersOnDesktop(deps.db, desktop.value, input.holders, now);
  const top: Record<string, TopPage> = {};
  for (const { user } of standing) {
    const page = await topPageOf(deps, { userId: user.id, companyId }, now);
    if (page.ok) top[user.login_id] = page.value;
  }
  const manages = standing.some(({ user }) => user.user_type !== 'general');
  if (!manages) return ok({ syncedAt: now.toISOString(), users: null, top });
  const [users, removedLoginIds] = await Promise.all([companyUserRows(deps.db, deps, companyId, 'loginId-asc', now), removedLoginIdsOf(deps.db, companyId)]);
  return ok({ syncedAt: now.toISOString(), users, removedLoginIds, top });
}
