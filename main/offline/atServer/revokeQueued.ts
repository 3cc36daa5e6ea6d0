import { ok, type Result } from '../../../shared/errors';
import type { Deps } from '../../context/deps';
import { endSessionsOf, revokeWithin } from '../../revocation/revoke';
import { activeTokenOf, latestRevocationOf } from '../../store/repos/assignments';
import { appendAudit, type AuditEntry, type AuditTag } from '../../store/repos/audit';
import { findUserByLoginId, findUsersByLoginIds } from '../../store/repos/users';
import type { AssignmentRecord, UserRecord } from '../../store/schema';
import type { Db } from '../../store/transaction';

/**
 * The revocation that stands for a user whose token was revoked (no active assignment, a revocation on record):
 * revocation already won. Undefined for a user holding a token or never revoked.
 */
export async function standingRevocation(tx: Db, userId: number): Promise<AssignmentRecord | undefined> {
  return (await activeTokenOf(tx, userId)) ? undefined : latestRevocationOf(tx, userId);
}

/** A user of the company removed since: their token assignment ended with the removal. */
async function removedAlready(tx: Db, companyId: number, loginId: string): Promise<boolean> {
  const user = await findUserByLoginId(tx, loginId);
  return user !== undefined && user.company_id === companyId && user.deleted_at !== null;
}

export type Applied = { readonly after: () => Promise<void> };

/**
 * A queued revocation (SPEC R-OFF-8: revocation wins): it applies whatever changed since it was queued, so no
 * base version is compared. Targets revoked or removed meanwhile are already where the revocation would put
 * them: they are left as they are, each with its audit row saying so. The rest are revoked all or nothing, as
 * online (R-REV-3, main/revocation/revoke.ts): a login ID that never was a user there refuses the whole.
 */
export async function revokeQueued(tx: Db, deps: Deps, operator: UserRecord, loginIds: readonly string[], now: Date, tag: AuditTag): Promise<Result<Applied>> {
  const present = await findUsersByLoginIds(tx, operator.company_id, loginIds);
  const already: AuditEntry[] = [];
  const remaining: string[] = [];
  for (const loginId of loginIds) {
    const user = present.find((u) => u.login_id === loginId);
    const state = user ? ((await standingRevocation(tx, user.id)) ? 'revoked' : null) : (await removedAlready(tx, operator.company_id, loginId)) ? 'removed' : null;
    if (state === null) remaining.push(loginId);
    else already.push({ at: now.getTime(), actor: operator.login_id, action: 'token.revoke', target: loginId, result: 'success', detail: { ...tag, already: state } });
  }
  let targets: UserRecord[] = [];
  if (remaining.length > 0) {
    const revoked = await revokeWithin(tx, deps, operator, remaining, now, tag);
    if (!revoked.ok) return revoked;
    targets = revoked.value.targets;
  }
  await appendAudit(tx, already);
  return ok({ after: () => endSessionsOf(deps, targets, now) });
}
