import { targetsOf, type OperationOutcome, type OutboxOperation } from '../../../shared/contract/syncModels';
import { fail, ok, type AppError, type Result } from '../../../shared/errors';
import type { Deps } from '../../context/deps';
import { appendAudit, type AuditTag } from '../../store/repos/audit';
import type { DesktopRegistration } from '../../store/repos/desktops';
import { claimOperation, findOperation, findOperations, type StoredOperation } from '../../store/repos/offlineOperations';
import { nameableIn } from '../../store/repos/users';
import { transact } from '../../store/transaction';
import { operatorOf, proofRefusal, versionRefusal } from './checks';
import { provenDesktop, type DesktopProof } from './desktop';
import { ACTIONS, planFor, type Plan, type Work } from './plans';
import type { Applied } from './revokeQueued';

/** A stored outcome, answered again to a retry; a key is its desktop's own: another's is refused, never told. */
function answerOf(desktop: DesktopRegistration, stored: StoredOperation): OperationOutcome {
  if (stored.desktop_id !== desktop.id) return { accepted: false, reason: 'VALIDATION' };
  if (stored.outcome === 'accepted') return { accepted: true, appliedAt: new Date(stored.applied_at).toISOString() };
  const loginIds = stored.login_ids === null ? undefined : (JSON.parse(stored.login_ids) as string[]);
  return { accepted: false, reason: stored.reason ?? 'INTERNAL', ...(loginIds ? { loginIds } : {}) };
}

/** What every audit row of a queued operation carries: the key, the desktop and the offline time (R-OFF-7). */
const tagOf = (desktop: DesktopRegistration, op: OutboxOperation): AuditTag => ({ offline: true, key: op.key, desktopId: desktop.id, queuedAt: new Date(op.queuedAt).toISOString() });

type Attempt = { kind: 'applied'; applied: Applied } | { kind: 'stored' } | { kind: 'refused'; error: AppError };

/**
 * The operator and the proof (R-OFF-8, R-OFF-3), read-only and outside any write transaction, before anything
 * costly is prepared (issue 19 finding 6): the same checks as the transaction's, which runs them again since
 * either may change in between.
 */
async function precheck(deps: Deps, desktop: DesktopRegistration, op: OutboxOperation, plan: Plan, now: Date): Promise<AppError | null> {
  const operator = await operatorOf(deps.db, desktop, op, plan.access);
  if (!operator.ok) return operator.error;
  const replay = await proofRefusal(deps.db, deps, desktop, operator.value, op, now);
  return replay ? { code: replay } : null;
}

/** The plan's work; a costly one (a registration's hashes) only after the precheck. A cheap one is checked in its transaction alone. */
async function workOf(deps: Deps, desktop: DesktopRegistration, op: OutboxOperation, plan: Plan, now: Date): Promise<Result<Work>> {
  if ('work' in plan) return ok(plan.work);
  const early = await precheck(deps, desktop, op, plan, now);
  return early ? { ok: false, error: early } : plan.prepare();
}

/** Planned (pure), its work made ready, then applied; each step may refuse. */
async function tryApply(deps: Deps, desktop: DesktopRegistration, op: OutboxOperation, now: Date): Promise<Attempt> {
  const plan = planFor(deps, desktop.companyId, op, now);
  if (!plan.ok) return { kind: 'refused', error: plan.error };
  const work = await workOf(deps, desktop, op, plan.value, now);
  return work.ok ? attempt(deps, desktop, op, plan.value, work.value, now) : { kind: 'refused', error: work.error };
}

/**
 * The checks of R-OFF-8 in order, then the operation's own work, with the key's row and every audit row in the
 * one transaction (DESIGN-NOTES 3). The key is claimed before any other write: a concurrent apply of it that
 * commits first aborts this one (PostgreSQL SERIALIZABLE: 40001, run again) or holds the write lock until it
 * commits (SQLite), and then the claim finds the key stored and nothing is done.
 */
async function attempt(deps: Deps, desktop: DesktopRegistration, op: OutboxOperation, plan: Plan, work: Work, now: Date): Promise<Attempt> {
  const tag = tagOf(desktop, op);
  // Set by the transaction's last run only: a run PostgreSQL aborted and ran again leaves nothing behind.
  const done: { applied?: Applied } = {};
  const result = await transact(deps.db, async (tx) => {
    delete done.applied;
    const operator = await operatorOf(tx, desktop, op, plan.access);
    if (!operator.ok) return operator;
    const replay = await proofRefusal(tx, deps, desktop, operator.value, op, now);
    if (replay) return fail(replay);
    const row = claimRow(desktop, op, now, { outcome: 'accepted', proof_token_id: operator.value.token.id, proof_step: op.proof.step });
    if (!(await claimOperation(tx, row))) return fail('VALIDATION');
    for (const loginId of plan.versioned) {
      const conflict = await versionRefusal(tx, deps, desktop.companyId, loginId, op, now);
      if (conflict) return fail(conflict);
    }
    const worked = await work(tx, operator.value.user, tag);
    if (worked.ok) done.applied = worked.value;
    return worked;
  });
  if (result.ok) return { kind: 'applied', applied: done.applied! };
  return (await findOperation(deps.db, op.key)) ? { kind: 'stored' } : { kind: 'refused', error: result.error };
}

function claimRow(desktop: DesktopRegistration, op: OutboxOperation, now: Date, rest: Pick<StoredOperation, 'outcome'> & Partial<StoredOperation>): StoredOperation {
  return {
    key: op.key,
    company_id: desktop.companyId,
    desktop_id: desktop.id,
    channel: op.channel,
    operator: op.operator,
    reason: null,
    login_ids: null,
    proof_token_id: null,
    proof_step: null,
    queued_at: op.queuedAt,
    applied_at: now.getTime(),
    ...rest,
  };
}

/** A refusal is kept with its reason and audited, one row per user aimed at, in one transaction; false if the key was stored meanwhile. */
async function storeRefusal(deps: Deps, desktop: DesktopRegistration, op: OutboxOperation, error: AppError, now: Date): Promise<boolean> {
  const tag = tagOf(desktop, op);
  const row = claimRow(desktop, op, now, { outcome: 'refused', reason: error.code, login_ids: error.loginIds ? JSON.stringify(error.loginIds) : null });
  const stored = await transact(deps.db, async (tx) => {
    if (!(await claimOperation(tx, row))) return ok(false);
    const actor = await nameableIn(tx, desktop.companyId, op.operator);
    const targets: (string | null)[] = [];
    for (const loginId of targetsOf(op.request)) targets.push(await nameableIn(tx, desktop.companyId, loginId));
    const entry = { at: now.getTime(), actor, action: ACTIONS[op.channel], result: 'failure' as const, reason: error.code, detail: tag };
    await appendAudit(tx, (targets.length > 0 ? targets : [null]).map((target) => ({ ...entry, target })));
    return ok(true);
  });
  return stored.ok && stored.value;
}

/**
 * One queued operation of a batch (SPEC R-OFF-7, R-OFF-8), applied at most once per idempotency key, or refused
 * with its reason; a retried key answers its stored outcome and does nothing again. Every outcome is audited on
 * the server with the offline time, the key and the desktop; `at` is the time applied.
 */
async function applyOne(deps: Deps, desktop: DesktopRegistration, op: OutboxOperation, stored: StoredOperation | undefined, now: Date): Promise<OperationOutcome> {
  if (stored) return answerOf(desktop, stored);
  const tried = await tryApply(deps, desktop, op, now);
  if (tried.kind === 'applied') {
    await tried.applied.after();
    return { accepted: true, appliedAt: now.toISOString() };
  }
  if (tried.kind === 'refused' && (await storeRefusal(deps, desktop, op, tried.error, now))) {
    return { accepted: false, reason: tried.error.code, ...(tried.error.loginIds ? { loginIds: tried.error.loginIds } : {}) };
  }
  return answerOf(desktop, (await findOperation(deps.db, op.key))!);
}

/**
 * `sync:apply`: a batch of the outbox, in its order, each operation in its own transaction (one refused never
 * holds back the next), answered with one outcome per operation. A batch saves the desktop a round trip per
 * operation (R-OFF-7 at reconnect, over a slow link as much as a fast one); the desktop proves itself once.
 */
export async function applyQueued(deps: Deps, input: DesktopProof & { readonly operations: readonly OutboxOperation[] }, now: Date): Promise<Result<{ outcomes: OperationOutcome[] }>> {
  // Both at once: a retried batch is answered from what is stored, without a look-up per key.
  const [desktop, stored] = await Promise.all([provenDesktop(deps.db, input), findOperations(deps.db, input.operations.map((op) => op.key))]);
  if (!desktop.ok) return desktop;
  const outcomes: OperationOutcome[] = [];
  // A key named twice in one batch: the second is answered by what the first stored (it is claimed then).
  const seen = new Set<string>();
  for (const op of input.operations) {
    outcomes.push(await applyOne(deps, desktop.value, op, seen.has(op.key) ? await findOperation(deps.db, op.key) : stored.get(op.key), now));
    seen.add(op.key);
  }
  return ok({ outcomes });
}
