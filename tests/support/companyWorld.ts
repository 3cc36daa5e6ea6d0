import { afterEach, beforeEach } from 'vitest';
import { createHarness, loginWithOtp, nextStep, type Harness, type HarnessOptions } from './harness';

/**
 * A fresh harness for each test of the file (the demo company, its users and tokens, unless `seed: false`),
 * handed to `take`, closed after the test: the close fails the test on any bug a handler logged.
 */
export function eachHarness(take: (h: Harness) => void, options?: HarnessOptions): void {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(options);
    take(h);
  });
  afterEach(() => h.close());
}

export type CompanyWorld = {
  readonly h: Harness;
  /** The operator's session, opened with password and the shared token's code. */
  readonly sessionId: string;
};

/**
 * The demo company with one operator logged in (kmb05871 the master, test12345 an admin), for each test of the
 * file. The clock then moves to the next step, so that a step-up has a fresh code, unless `nextStep` is false.
 */
export function eachCompanyWorld(loginId: string, take: (w: CompanyWorld) => void, o: { nextStep?: boolean } = {}): void {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    const { sessionId } = await loginWithOtp(h, loginId);
    if (o.nextStep !== false) nextStep(h);
    take({ h, sessionId });
  });
  afterEach(() => h.close());
}
