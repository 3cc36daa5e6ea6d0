import { contract, type Access, type Channel, type RequestOf } from '../../../shared/contract';
import type { OutboxOperation, QueueableChannel } from '../../../shared/contract/syncModels';
import { fail, ok, type AppError, type Result } from '../../../shared/errors';
import type { Deps } from '../../context/deps';
import type { AuditAction, AuditTag } from '../../store/repos/audit';
import { findUserByLoginId } from '../../store/repos/users';
import type { UserRecord } from '../../store/schema';
import type { Db } from '../../store/transaction';
import { hashRegistration, registerWithin, registrationRefusal } from '../../users/register';
import { removalRefusal, removeWithin } from '../../users/remove';
import { unlockWithin } from '../../users/unlock';
import { followUpdate, updateRefusal, updateWithin } from '../../users/update';
import { revokeQueued, type Applied } from './revokeQueued';

export type Work = (tx: Db, operator: UserRecord, tag: AuditTag) => Promise<Result<Applied>>;

/**
 * A queued operation made ready to apply: its own rules before the step-up already passed, its work after it.
 * A registration's work needs two password hashes first: its `prepare` runs them only once the operator and the
 * proof passed (issue 19 finding 6), so a bogus one costs no KDF run, shared as it is with every company's logins.
 */
export type Plan = {
  readonly access: Access;
  /** Users whose base version must still be the server's row (R-OFF-8): none for a revocation or a registration. */
  readonly versioned: readonly string[];
} & ({ readonly work: Work } | { readonly prepare: () => Promise<Result<Work>> });

/** The audit action of each queued channel: its rows, accepted or refused, are the online operation's. */
export const ACTIONS: Record<QueueableChannel, AuditAction> = {
  'tokens:revoke': 'token.revoke',
  'users:unlock': 'user.unlock',
  'users:register': 'user.register',
  'users:update': 'user.update',
  'users:remove': 'user.remove',
};

/** The step-up fields are never queued (main/offline/outbox.ts): the proof stands for them, so they come back as placeholders. */
const PLACEHOLDERS = { sessionId: 'A'.repeat(43), authPassword: 'offline-proof', otp: '000000' };

const nothingAfter: Applied = { after: async () => {} };

function parsed<C extends Channel>(channel: C, request: Record<string, unknown>): Result<ReturnType<C['request']['parse']>> {
  const r = channel.request.safeParse({ ...request, ...PLACEHOLDERS });
  return r.success ? ok(r.data as ReturnType<C['request']['parse']>) : fail('VALIDATION', { field: r.error.issues[0]?.path.map(String).join('.') });
}

const refused = (error: AppError): Result<never> => ({ ok: false, error });

/**
 * A registration's hashes, after a read-only look for its login ID (never reused, deleted users' included): a
 * refused one costs no hash either; registerWithin checks again in the transaction.
 */
function prepareRegistration(deps: Deps, companyId: number, input: RequestOf<'users', 'register'>, now: Date): () => Promise<Result<Work>> {
  return async () => {
    if (await findUserByLoginId(deps.db, input.loginId)) return fail('LOGIN_ID_TAKEN', { field: 'loginId' });
    const user = await hashRegistration(deps, companyId, input);
    return ok(async (tx, operator, tag) => then(await registerWithin(tx, operator, user, now, tag), () => nothingAfter));
  };
}

/**
 * Parses a queued request with its channel's own schema and runs the channel's own rules that come before the
 * step-up (password policy, nothing to change, never oneself): pure, nothing read or hashed. The work is the
 * online service's own (no rule written twice), inside the apply's transaction. Sessions follow after the
 * commit, as online.
 */
export function planFor(deps: Deps, companyId: number, op: OutboxOperation, now: Date): Result<Plan> {
  switch (op.channel) {
    case 'tokens:revoke': {
      const input = parsed(contract.tokens.revoke, op.request);
      if (!input.ok) return input;
      const loginIds = [...new Set(input.value.loginIds)];
      return ok({ access: contract.tokens.revoke.access, versioned: [], work: (tx, operator, tag) => revokeQueued(tx, deps, operator, loginIds, now, tag) });
    }
    case 'users:unlock': {
      const input = parsed(contract.users.unlock, op.request);
      if (!input.ok) return input;
      const { loginId } = input.value;
      return ok({ access: contract.users.unlock.access, versioned: [loginId], work: async (tx, operator, tag) => then(await unlockWithin(tx, operator, loginId, now, tag), () => nothingAfter) });
    }
    case 'users:register': {
      const input = parsed(contract.users.register, op.request);
      if (!input.ok) return input;
      const policy = registrationRefusal(input.value);
      if (policy) return refused(policy);
      return ok({ access: contract.users.register.access, versioned: [], prepare: prepareRegistration(deps, companyId, input.value, now) });
    }
    case 'users:update': {
      const input = parsed(contract.users.update, op.request);
      if (!input.ok) return input;
      const refusal = updateRefusal(input.value);
      if (refusal) return refused(refusal);
      const work: Work = async (tx, operator, tag) =>
        then(await updateWithin(tx, operator, input.value, now, tag), (updated) => ({ after: () => followUpdate(deps, input.value, updated) }));
      return ok({ access: contract.users.update.access, versioned: [input.value.loginId], work });
    }
    case 'users:remove': {
      const input = parsed(contract.users.remove, op.request);
      if (!input.ok) return input;
      const { loginId } = input.value;
      const refusal = removalRefusal(op.operator, loginId);
      if (refusal) return refused(refusal);
      const work: Work = async (tx, operator, tag) =>
        then(await removeWithin(tx, deps, operator, loginId, now, tag), (userId) => ({ after: () => deps.sessions.endAllOf(userId, 'revoked', now) }));
      return ok({ access: contract.users.remove.access, versioned: [loginId], work });
    }
  }
}

function then<T>(result: Result<T>, next: (value: T) => Applied): Result<Applied> {
  return result.ok ? ok(next(result.value)) : result;
}
