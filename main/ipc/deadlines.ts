/**
 * Every request has a deadline, its channel's, and both shells hold the same one (issue 13): a connected
 * desktop stops waiting for an answer after it (main/remote/remoteDispatch.ts), and the company server keeps the
 * request's connection open for as long and no longer (main/server/deadlines.ts). The commits of a large token
 * file run on the server for longer than the rest.
 */
export const LONG_CHANNELS: ReadonlySet<string> = new Set(['imports:commit', 'setup:commit-import']);

export type Deadlines = { readonly normalMs: number; readonly longMs: number };

export const DEFAULT_DEADLINES: Deadlines = { normalMs: 10_000, longMs: 180_000 };

export const deadlineOf = (channelName: string | undefined, deadlines: Deadlines): number =>
  channelName !== undefined && LONG_CHANNELS.has(channelName) ? deadlines.longMs : deadlines.normalMs;
