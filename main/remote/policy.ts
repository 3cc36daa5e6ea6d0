/**
 * Which channels only read, declared in one place: a read that met a transport fault is tried again; a write
 * never is, since the server may have done it before the answer was lost (a revocation, an OTP acceptance).
 */
export const READ_CHANNELS: ReadonlySet<string> = new Set([
  'auth:session',
  'setup:status',
  'top:get',
  'users:list',
  'audit:list',
  'imports:progress',
]);

/** Every request has a deadline; the commits of a large token file run on the server for longer than the rest. */
export const LONG_CHANNELS: ReadonlySet<string> = new Set(['imports:commit', 'setup:commit-import']);

export type Timeouts = { readonly normalMs: number; readonly longMs: number };

export const DEFAULT_TIMEOUTS: Timeouts = { normalMs: 10_000, longMs: 180_000 };

export const timeoutFor = (channelName: string, timeouts: Timeouts): number =>
  LONG_CHANNELS.has(channelName) ? timeouts.longMs : timeouts.normalMs;
