/** Thrown by a budget's check once its request's deadline passed; the transaction around the work rolls back. */
export class DeadlinePassed extends Error {
  constructor() {
    super('the request deadline passed');
  }
}

/**
 * A request's deadline as the service sees it (issue 19 finding 6): in real time, since the server drops the
 * connection in real time (main/server/deadlines.ts) whatever the injected clock says. Checked between batches
 * of work, so a request whose answer nobody waits for any more stops and keeps nothing.
 */
export type Budget = { readonly check: () => void };

export function budgetOf(ms: number): Budget {
  const end = performance.now() + ms;
  return {
    check: () => {
      if (performance.now() >= end) throw new DeadlinePassed();
    },
  };
}
