import type { z } from 'zod';
import { ok, type Result } from '../../shared/errors';
import { contract, syncContract, type Channel, type Contract, type SyncContract } from '../../shared/contract';
import { changeOwnPassword } from '../account/changePassword';
import { replaceAuthPassword } from '../account/replaceAuthPassword';
import { exportAuditLog, listAuditLog } from '../audit/auditLog';
import { login } from '../auth/login';
import { createBackup } from '../backup/createBackup';
import { restoreBackup } from '../backup/restore';
import { logout } from '../auth/logout';
import { describeSession } from '../auth/openSession';
import { verifyLoginOtp } from '../auth/verifyOtp';
import { commitTokens, importProgress, previewTokens } from '../imports/imports';
import { revokeTokens } from '../revocation/revoke';
import { applyQueued } from '../offline/atServer/apply';
import { issueBlockFor, registerDesktopFor } from '../offline/atServer/registration';
import { replicaFor } from '../offline/atServer/replica';
import { reportSync } from '../offline/atServer/report';
import { budgetOf } from '../context/budget';
import type { Deps } from '../context/deps';
import { DEFAULT_DEADLINES, deadlineOf, type Deadlines } from './deadlines';
import type { Session } from '../session/sessions';
import { resumeSetup } from '../setup/resume';
import { createCompany, setupStatus } from '../setup/setup';
import { finishSetup, setupCommit, setupPreview } from '../setup/setupImport';
import { registerToken } from '../tokens/register';
import { reportLost } from '../tokens/reportLost';
import { resyncToken } from '../tokens/resync';
import { readNotice, topPage } from '../top/topPage';
import { listUsers } from '../users/list';
import { changeMasterAuthPassword } from '../users/masterAuthPassword';
import { registerUser } from '../users/register';
import { removeUser } from '../users/remove';
import { unlock } from '../users/unlock';
import { updateUserDetails } from '../users/update';

/** Every access level but `public` runs with the caller's resolved session (main/ipc/admit.ts). */
type Context<A> = A extends 'public' ? { now: Date } : { now: Date; session: Session };

type HandlerFor<C> =
  C extends Channel<infer Req, infer Res, infer A> ? (input: z.output<Req>, ctx: Context<A>) => Promise<Result<z.input<Res>>> : never;

/**
 * Every channel the core answers: the contract's, and the desktop ↔ server sync channels (SPEC R-OFF-1..8), which
 * only a company server serves over HTTPS (main/server/routes.ts); the shell never registers them for the renderer.
 */
export const servedContract = { ...contract, ...syncContract };
export type ServedContract = Contract & SyncContract;

/** One service call per channel; typed against the contract, so a channel without a handler does not compile. */
export type HandlerTable = { [G in keyof ServedContract]: { [M in keyof ServedContract[G]]: HandlerFor<ServedContract[G][M]> } };

/** `deadlines`: the ones the shells hold (./deadlines.ts); a long sync report stops at its channel's. */
export const handlerTable = (deps: Deps, deadlines: Deadlines = DEFAULT_DEADLINES): HandlerTable => ({
  auth: {
    login: (input, { now }) => login(deps, input, now),
    verifyOtp: (input, { now }) => verifyLoginOtp(deps, input, now),
    session: async (_input, { session }) => ok(await describeSession(deps, session)),
    logout: (_input, { session, now }) => logout(deps, session, now),
  },
  tokens: {
    register: (input, { now }) => registerToken(deps, input, now),
    revoke: (input, { session, now }) => revokeTokens(deps, session, input, now),
    resync: (input, { session, now }) => resyncToken(deps, session, input, now),
    reportLost: (input, { session, now }) => reportLost(deps, session, input, now),
  },
  users: {
    list: (input, { session, now }) => listUsers(deps, session, input, now),
    unlock: (input, { session, now }) => unlock(deps, session, input, now),
    register: (input, { session, now }) => registerUser(deps, session, input, now),
    update: (input, { session, now }) => updateUserDetails(deps, session, input, now),
    remove: (input, { session, now }) => removeUser(deps, session, input, now),
    changeMasterAuthPassword: (input, { session, now }) => changeMasterAuthPassword(deps, session, input, now),
  },
  top: {
    get: (_input, { session, now }) => topPage(deps, session, now),
    markNoticeRead: (input, { session, now }) => readNotice(deps, session, input, now),
  },
  setup: {
    status: () => setupStatus(deps),
    create: (input, { now }) => createCompany(deps, input, now),
    resume: (input, { now }) => resumeSetup(deps, input, now),
    previewImport: (input, { now }) => setupPreview(deps, input, now),
    commitImport: (input, { now }) => setupCommit(deps, input, now),
    finish: (input, { now }) => finishSetup(deps, input, now),
  },
  imports: {
    preview: (input, { session, now }) => previewTokens(deps, session, input, now),
    commit: (input, { session, now }) => commitTokens(deps, session, input, now),
    progress: (input, { session, now }) => importProgress(deps, session, input, now),
  },
  account: {
    changeLoginPassword: (input, { session, now }) => changeOwnPassword(deps, session, 'login', input, now),
    changeAuthPassword: (input, { session, now }) => changeOwnPassword(deps, session, 'auth', input, now),
    replaceAuthPassword: (input, { session, now }) => replaceAuthPassword(deps, session, input, now),
  },
  audit: {
    list: (input, { session }) => listAuditLog(deps, session, input),
    exportCsv: (input, { session, now }) => exportAuditLog(deps, session, input, now),
  },
  backup: {
    create: (input, { session, now }) => createBackup(deps, session, input, now),
    restore: (input, { now }) => restoreBackup(deps, input, now),
  },
  sync: {
    registerDesktop: (_input, { session, now }) => registerDesktopFor(deps, session, now),
    issueBlock: (input, { session, now }) => issueBlockFor(deps, session, input, now),
    reportSteps: (input, { now }) => reportSync(deps, input, now, budgetOf(deadlineOf('sync:report-steps', deadlines))),
    apply: (input, { now }) => applyQueued(deps, input, now),
    replica: (input, { now }) => replicaFor(deps, input, now),
  },
});
