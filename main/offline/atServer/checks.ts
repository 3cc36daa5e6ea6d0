import { mayUse, type Access } from '../../../shared/contract';
import { userRowVersion, type OutboxOperation } from '../../../shared/contract/syncModels';
import { fail, ok, type ErrorCode, type Result } from '../../../shared/errors';
import type { Deps } from '../../context/deps';
import type { DesktopRegistration } from '../../store/repos/desktops';
import { findUserByLoginId, findUsersByLoginIds } from '../../store/repos/users';
import type { Db } from '../../store/transaction';
import { companyUserRows } from '../../users/list';
import { standingHolder, type Holder } from './desktop';
import { proofInvalid } from './proof';
import { standingRevocation } from './revokeQueued';

/**
 * The operator now (SPEC R-OFF-8): of the desktop's company, not removed, not locked, still allowed the channel,
 * holding the token of the proof and that token not lost. Else OFFLINE_OPERATOR_INVALID.
 */
export async function operatorOf(tx: Db, desktop: DesktopRegistration, op: OutboxOperation, access: Access): Promise<Result<Holder>> {
  const holder = await standingHolder(tx, desktop.companyId, op.operator);
  if (!holder || holder.token.serial !== op.proof.serial || !mayUse(access, holder.user.user_type)) return fail('OFFLINE_OPERATOR_INVALID');
  return ok(holder);
}

/**
 * The offline step-up (R-OFF-3, R-OFF-7, R-OTP-4): the proof's step must be on record as reported from this
 * desktop by this operator, and have proved no other applied operation. A step accepted elsewhere first (online,
 * another desktop) or never reported is OFFLINE_REPLAY. Then the proof itself must hold against the server's
 * records (proof.ts): else OFFLINE_PROOF_INVALID.
 */
export async function proofRefusal(tx: Db, deps: Deps, desktop: DesktopRegistration, holder: Holder, op: OutboxOperation, now: Date): Promise<ErrorCode | null> {
  const step = op.proof.step;
  // One round trip: the step's record, and whether an applied operation already used it.
  const held = await tx
    .selectFrom('accepted_steps as s')
    .select(['s.source', 's.desktop_id', 's.login_id'])
    .select((eb) => eb.exists(eb.selectFrom('offline_operations as o').select('o.key').whereRef('o.proof_token_id', '=', 's.token_id').whereRef('o.proof_step', '=', 's.step').where('o.outcome', '=', 'accepted')).as('spent'))
    .where('s.token_id', '=', holder.token.id)
    .where('s.step', '=', step)
    .executeTakeFirst();
  const ours = held?.source === 'offline' && held.desktop_id === desktop.id && held.login_id === holder.user.login_id;
  if (!ours || held.spent) return 'OFFLINE_REPLAY';
  return proofInvalid(tx, deps, desktop, holder, op, now);
}

/**
 * R-OFF-8 for a change of an existing user: removed, or revoked since it was queued → OFFLINE_TARGET_GONE
 * (revocation wins); otherwise any BRSK027 column that differs from the base version (userRowVersion on the
 * row as users:list builds it) → OFFLINE_CONFLICT. "Since": the row changed and is revoked now, or the
 * revocation is later than the offline time (a locked user's row shows ロック either way). A login ID that
 * never was a user there is left to the service (USER_NOT_FOUND).
 */
export async function versionRefusal(tx: Db, deps: Deps, companyId: number, loginId: string, op: Pick<OutboxOperation, 'baseVersions' | 'queuedAt'>, now: Date): Promise<ErrorCode | null> {
  const [row] = await companyUserRows(tx, deps, companyId, 'loginId-asc', now, [loginId]);
  if (!row) {
    const removed = await findUserByLoginId(tx, loginId);
    return removed && removed.company_id === companyId ? 'OFFLINE_TARGET_GONE' : null;
  }
  const base = op.baseVersions[loginId];
  const same = base !== undefined && userRowVersion(row) === base;
  // Only a row showing 失効中 or ロック can hide a revocation: 利用中 and 未登録 rows have none to look up.
  if (row.otpState === 'active' || row.otpState === 'none') return same ? null : 'OFFLINE_CONFLICT';
  const [user] = await findUsersByLoginIds(tx, companyId, [loginId]);
  const revocation = await standingRevocation(tx, user!.id);
  if (revocation && (!same || (revocation.revoked_at ?? 0) > op.queuedAt)) return 'OFFLINE_TARGET_GONE';
  return same ? null : 'OFFLINE_CONFLICT';
}
