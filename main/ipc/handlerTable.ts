import type { z } from 'zod';
import { ok, type Result } from '../../shared/errors';
import type { Channel, Contract } from '../../shared/contract';
import { login } from '../auth/login';
import { logout } from '../auth/logout';
import { describeSession } from '../auth/openSession';
import { verifyLoginOtp } from '../auth/verifyOtp';
import { revokeTokens } from '../revocation/revoke';
import type { Deps } from '../services/deps';
import type { Session } from '../session/sessions';
import { registerToken } from '../tokens/register';
import { resyncToken } from '../tokens/resync';
import { readNotice, topPage } from '../top/topPage';
import { listUsers } from '../users/list';
import { unlock } from '../users/unlock';

type Context<A> = A extends 'session' ? { now: Date; session: Session } : { now: Date };

type HandlerFor<C> =
  C extends Channel<infer Req, infer Res, infer A> ? (input: z.output<Req>, ctx: Context<A>) => Promise<Result<z.input<Res>>> : never;

/** One service call per channel; typed against the contract, so a channel without a handler does not compile. */
export type HandlerTable = { [G in keyof Contract]: { [M in keyof Contract[G]]: HandlerFor<Contract[G][M]> } };

export const handlerTable = (deps: Deps): HandlerTable => ({
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
  },
  users: {
    list: (input, { session }) => listUsers(deps, session, input),
    unlock: (input, { session, now }) => unlock(deps, session, input, now),
  },
  top: {
    get: (_input, { session, now }) => topPage(deps, session, now),
    markNoticeRead: (input, { session, now }) => readNotice(deps, session, input, now),
  },
});
