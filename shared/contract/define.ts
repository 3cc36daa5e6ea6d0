import type { z } from 'zod';

/**
 * Who may call a channel: declared once per channel (`ACCESS` in access.ts, which every `channel(...)` of the
 * contract takes its access from), enforced by the one dispatch wrapper (main/ipc/dispatch.ts) before any
 * service runs; the renderer derives what it shows from the same declaration (`mayUse`).
 * - `public`: no session (login and the steps that finish it, first-run setup).
 * - `session`: any logged-in user, whatever their type.
 * - `manager`: master and admin users (SPEC R-REV-1, R-OTP-3: they manage the company's users and tokens).
 * - `admin`: admin users only (SPEC R-REV-6: the admin sets the master's authentication password).
 * - `master`: the master only (issue 15: a backup holds every seed of the company and opens with its passphrase alone).
 * Every level but `public` carries a `sessionId` that the main process resolves first.
 */
export const ACCESS_LEVELS = ['public', 'session', 'manager', 'admin', 'master'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

/** The levels that need a session. */
export type SessionAccess = Exclude<Access, 'public'>;

export type Channel<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType, A extends Access = Access> = {
  readonly name: string;
  readonly access: A;
  readonly request: Req;
  readonly response: Res;
};

export function channel<Req extends z.ZodType, Res extends z.ZodType, A extends Access>(
  name: string,
  access: A,
  request: Req,
  response: Res,
): Channel<Req, Res, A> {
  return { name, access, request, response };
}
