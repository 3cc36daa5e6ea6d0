/**
 * Which channels only read, declared in one place: a read that met a transport fault is tried again; a write
 * never is, since the server may have done it before the answer was lost (a revocation, an OTP acceptance).
 * How long each call may take is the channel's deadline, the server's too (../ipc/deadlines.ts).
 */
export const READ_CHANNELS: ReadonlySet<string> = new Set([
  'auth:session',
  'setup:status',
  'top:get',
  'users:list',
  'audit:list',
  'imports:progress',
]);
