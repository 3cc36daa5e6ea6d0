import { setImmediate } from 'node:timers/promises';

/**
 * The store is synchronous, so a long transaction would freeze the window. Long loops inside a transaction
 * let the event loop run every `every` items; other requests meanwhile wait for the connection, so the
 * transaction stays whole (bench: longest event-loop stall while revoking 1,000 users).
 */
export async function breatheEvery(index: number, every = 100): Promise<void> {
  if (index > 0 && index % every === 0) await setImmediate();
}
