import type { AppError } from '../../shared/errors';
import type { Contract, SyncContract } from '../../shared/contract';
import { typedLoginIdHmac, type AuditKey } from '../crypto/keyedHash';
import { appendAudit, type AuditAction, type AuditEntry } from '../store/repos/audit';
import type { Db } from '../store/transaction';

type SessionMethods<G> = { readonly [M in keyof G as G[M] extends { readonly access: 'public' } ? never : M]: AuditAction };

/**
 * What a refused call of each session channel is recorded as (SPEC R-GEN-2: "what"): the action its service
 * writes when it runs, or a read's own name. Typed against the contract, so a new session channel without
 * its action does not compile.
 */
type Served = Contract & SyncContract;

export const REFUSAL_ACTIONS: { readonly [G in keyof Served]: SessionMethods<Served[G]> } = {
  auth: { session: 'session.check', logout: 'session.logout' },
  tokens: { revoke: 'token.revoke', resync: 'token.resync', reportLost: 'token.lost' },
  users: {
    list: 'user.list',
    unlock: 'user.unlock',
    register: 'user.register',
    update: 'user.update',
    remove: 'user.remove',
    changeMasterAuthPassword: 'user.masterAuthPassword',
  },
  top: { get: 'top.view', markNoticeRead: 'notice.read' },
  setup: {},
  imports: { preview: 'token.importPreview', commit: 'token.import', progress: 'token.importProgress' },
  account: { changeLoginPassword: 'account.loginPassword', changeAuthPassword: 'account.authPassword', replaceAuthPassword: 'account.authPassword' },
  audit: { list: 'audit.list', exportCsv: 'audit.export' },
  backup: { create: 'backup.create' },
  sync: { registerDesktop: 'desktop.register', issueBlock: 'offline.block' },
};

/**
 * "On whom": the one user (or token serial) the request names, else the actor. A request aimed at many users
 * still writes one row, with their count, so a refused call can never multiply into thousands of rows.
 */
function targetOf(request: unknown, actor: string): Pick<AuditEntry, 'target' | 'detail'> {
  const r = request as { loginId?: unknown; loginIds?: unknown; serial?: unknown };
  if (typeof r.loginId === 'string') return { target: r.loginId };
  if (Array.isArray(r.loginIds)) return r.loginIds.length === 1 ? { target: String(r.loginIds[0]) } : { target: null, detail: { targets: r.loginIds.length } };
  if (typeof r.serial === 'string') return { target: r.serial };
  return { target: actor };
}

/**
 * A request with no live session is tied to no company (SPEC R-SRV-3): it names nobody, so no company's 操作履歴
 * shows it, whatever user or token of whichever company a forged session aims it at. The one login ID it names is
 * kept only as its HMAC (issue 11 finding 4), so repeated attempts on one user can still be counted and correlated.
 */
function unprovenTargetOf(request: unknown, key: AuditKey): Pick<AuditEntry, 'target' | 'detail' | 'typedLoginIdHmac'> {
  const r = request as { loginId?: unknown; loginIds?: unknown };
  const named = typeof r.loginId === 'string' ? r.loginId : Array.isArray(r.loginIds) && r.loginIds.length === 1 ? String(r.loginIds[0]) : undefined;
  const many = Array.isArray(r.loginIds) && r.loginIds.length > 1 ? { detail: { targets: r.loginIds.length } } : {};
  return { target: null, ...many, ...(named === undefined ? {} : { typedLoginIdHmac: typedLoginIdHmac(key, named) }) };
}

export type Refusal = {
  readonly channelName: string;
  readonly action: AuditAction;
  readonly error: AppError;
  /** The session's user; null when the request carried no live session. */
  readonly actor: string | null;
  readonly request: unknown;
};

/** One audit row per refusal of the dispatch (who, what, on whom, when, result), reads included. */
export async function auditRefusal(db: Db, key: AuditKey, refusal: Refusal, now: Date): Promise<void> {
  const named: Pick<AuditEntry, 'target' | 'detail' | 'typedLoginIdHmac'> =
    refusal.actor === null ? unprovenTargetOf(refusal.request, key) : targetOf(refusal.request, refusal.actor);
  const { target, detail, typedLoginIdHmac } = named;
  await appendAudit(db, [
    {
      at: now.getTime(),
      actor: refusal.actor,
      action: refusal.action,
      target,
      result: 'failure',
      reason: refusal.error.code,
      detail: { channel: refusal.channelName, ...detail },
      typedLoginIdHmac,
    },
  ]);
}
