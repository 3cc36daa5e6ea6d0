import type { z } from 'zod';

/**
 * `public` channels run without a session (login and the steps that finish it); every other channel
 * carries a `sessionId` that the main process resolves before the service runs.
 */
export type Access = 'public' | 'session';

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
