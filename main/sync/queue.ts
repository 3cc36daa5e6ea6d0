import { allChannels, mayUse, type UserRow, type UserType } from '../../shared/contract';
import { targetsOf, userRowVersion, type OfflineBlock, type QueueableChannel, type Replica } from '../../shared/contract/syncModels';
import { fail, ok, type Result } from '../../shared/errors';
import { enqueue } from '../offline/outbox';
import type { OfflineDesk } from './offlineDesk';
import { applyEdit, newRow, usedLoginId, type Edit } from './replicaEdits';

/** Access as the contract declares it for each channel (shared/contract/access.ts). */
const ACCESS_OF = new Map(allChannels().map((c) => [c.name, c.access]));
const accessOf = (channel: QueueableChannel) => ACCESS_OF.get(channel) ?? 'master';

type Planned = { readonly edit: Edit; readonly answer: object };

/** The users an operation names, as the replica shows them: USER_NOT_FOUND for one it does not know. */
function rowsOf(users: readonly UserRow[], loginIds: readonly string[]): Result<UserRow[]> {
  const rows = loginIds.map((id) => users.find((u) => u.loginId === id));
  const missing = loginIds.filter((_, i) => !rows[i]);
  return missing.length ? fail('USER_NOT_FOUND', { loginIds: missing }) : ok(rows as UserRow[]);
}

/**
 * What the operation does here and what its channel answers (the channel's own response shape), checked against
 * the replica before any code is spent (issue 19 finding 8), with the code and field the online service answers:
 * an unknown user, a login ID the replica knows as used (a user's, or a removed one's), an unlock of a user the
 * replica shows not locked. Online these come after the step-up, whose code the refusal leaves unused; here the
 * step-up would spend a step of the ledger for good, and the replica already shows the admin what refuses it.
 */
function plan(channel: QueueableChannel, request: Record<string, unknown>, replica: Replica & { users: UserRow[] }, operator: string): Result<Planned> {
  const { users } = replica;
  const loginIds = targetsOf(request);
  if (channel === 'users:register') {
    if (usedLoginId(replica, String(request.loginId))) return fail('LOGIN_ID_TAKEN', { field: 'loginId' });
    const row = newRow(String(request.loginId), String(request.name), request.userType as UserType);
    return ok({ edit: { channel, row }, answer: row });
  }
  const rows = rowsOf(users, loginIds);
  if (!rows.ok) return rows;
  const [row] = rows.value;
  switch (channel) {
    case 'tokens:revoke':
      return ok({
        edit: { channel, loginIds },
        answer: { revoked: rows.value.map((r) => ({ ...r, otpState: 'revoked' })), selfRevoked: loginIds.includes(operator) },
      });
    case 'users:update': {
      const change = { name: request.name as string | undefined, userType: request.userType as UserType | undefined };
      const edit: Edit = { channel, loginId: row!.loginId, ...change };
      return ok({ edit, answer: applyEdit({ syncedAt: '', users: [row!], top: {} }, edit).users![0]! });
    }
    case 'users:unlock':
      if (row!.otpState !== 'locked') return fail('NOT_LOCKED', { loginIds: [row!.loginId] });
      return ok({ edit: { channel, loginId: row!.loginId }, answer: {} });
    case 'users:remove':
      return ok({ edit: { channel, loginId: row!.loginId }, answer: {} });
  }
}

/** Per login ID changed, the row version the replica shows now (R-OFF-8); a user registered here has none. */
const baseVersionsOf = (users: readonly UserRow[], loginIds: readonly string[]) =>
  Object.fromEntries(users.filter((u) => loginIds.includes(u.loginId)).map((u) => [u.loginId, userRowVersion(u)]));

export type QueueInput = {
  readonly channel: QueueableChannel;
  /** The channel's request as parsed, with its step-up fields. */
  readonly request: Record<string, unknown> & { sessionId: string; authPassword: string; otp: string };
  /** The operator's block: their type decides access (shared/contract/access.ts), their passwords the step-up. */
  readonly block: OfflineBlock;
};

/**
 * A queueable write made offline (SPEC R-OFF-6/7): access from the block's user type, checked against the
 * replica, then the offline step-up (a new step), then queued with a UUIDv7 key, the operator, the proof and
 * the base versions, and applied to the replica at once; a queued revocation also ends the revoked users'
 * offline sessions here. Answers the channel's own response, as the replica shows it.
 */
export async function queueOffline(desk: OfflineDesk, input: QueueInput): Promise<Result<{ answer: object; key: string }>> {
  const { channel, request, block } = input;
  if (!mayUse(accessOf(channel), block.userType)) return fail('FORBIDDEN');
  const files = desk.files!;
  const replica: Replica | null = files.replica;
  if (!replica?.users) return fail('OFFLINE_UNAVAILABLE');
  const planned = plan(channel, request, { ...replica, users: replica.users }, block.loginId);
  if (!planned.ok) return planned;
  const proof = await desk.stepUp(request.sessionId, block, request.authPassword, request.otp);
  if (!proof.ok) return proof;
  const { serial, step, proofKey } = proof.value;
  const operation = { channel, operator: block.loginId, proof: { serial, step }, baseVersions: baseVersionsOf(replica.users, targetsOf(request)), request };
  const { outbox, key } = enqueue(files.outbox, operation, desk.clock(), proofKey);
  proofKey.fill(0);
  files.setOutbox(outbox);
  // The replica as it is now: a sync may have replaced it during the step-up.
  files.setReplica(applyEdit(files.replica ?? replica, planned.value.edit));
  if (channel === 'tokens:revoke') await desk.endSessionsOf(targetsOf(request), 'revoked');
  return ok({ answer: planned.value.answer, key });
}
