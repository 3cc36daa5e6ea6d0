import { randomBytes } from 'node:crypto';
import { defaultRules, type RulesConfig } from '../../main/config/rules';
import type { BackupFiles } from '../../main/context/deps';
import type { KdfParams } from '../../main/crypto/password';
import { DEMO_PASSWORDS, seedDemo } from '../../main/demo/demoData';
import { withSeed } from '../../main/otp/consume';
import { codeAtStep, stepAt } from '../../main/otp/totp';
import { createCore, type Core, type CoreOptions } from '../../main/core/createCore';
import { findTokenBySerial } from '../../main/store/repos/tokens';
import type { Store } from '../../main/store/open';
import type { Dialect } from '../../main/store/dialect';
import { TestClock, jst } from './clock';
import { openTestStore, type TestStore } from './stores';

/** Cheap scrypt for tests only; the product default is N=2^17. */
export const TEST_KDF: KdfParams = { N: 2 ** 10, r: 8, p: 1 };

export type Harness = {
  core: Core;
  store: Store;
  clock: TestClock;
  /** The store's SQLite file or PostgreSQL URL, for tests that open a second connection to it (stores.ts openAt). */
  location: string;
  sealKey: Buffer;
  /** Errors the handlers logged as bugs; a test that provokes one on purpose takes it out with `splice`. */
  bugs: unknown[];
  /** What the hardware token shows at the clock's time, shifted by `stepOffset` steps. */
  codeOf(serial: string, stepOffset?: number): Promise<string>;
  close(): Promise<void>;
};

export const PASSWORDS = DEMO_PASSWORDS;

export type HarnessOptions = {
  rules?: RulesConfig;
  start?: Date;
  seed?: boolean;
  /** The core over the store (default: the desktop's); a company server's core shares sessions through it. */
  makeCore?: (options: CoreOptions) => Core;
  /** SQLite whatever the run's dialect: a standalone desktop's store, e.g. the source of a backup (issue 15). */
  dialect?: Dialect;
  /** Stands in for the shell's save dialog (issue 15). */
  backupFiles?: BackupFiles;
};

/** A real store of the run's dialect (stores.ts), the real services, the demo company, and a hand-moved clock. */
export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  return harnessOn(await openTestStore(options.dialect), options);
}

/** The same over a given store (a browser test's own PostgreSQL). */
export async function harnessOn({ store, location, dispose }: TestStore, options: HarnessOptions = {}): Promise<Harness> {
  const sealKey = randomBytes(32);
  const clock = new TestClock(options.start ?? jst('2026-11-24T10:00:30'));
  const bugs: unknown[] = [];
  const makeCore = options.makeCore ?? createCore;
  const core = makeCore({
    store,
    sealKey,
    rules: options.rules ?? defaultRules,
    kdf: TEST_KDF,
    clock: clock.now,
    logBug: (_c, e) => bugs.push(e),
    ...(options.backupFiles ? { backupFiles: options.backupFiles } : {}),
  });
  if (options.seed !== false) await seedDemo({ db: store.db, kdf: TEST_KDF, sealKey, now: clock.now() });
  return {
    core,
    store,
    clock,
    location,
    sealKey,
    bugs,
    async codeOf(serial, stepOffset = 0) {
      const token = await findTokenBySerial(store.db, serial);
      if (!token) throw new Error(`no token ${serial}`);
      const step = stepAt(clock.now(), token.period) + stepOffset;
      return withSeed(sealKey, token, (seed) => codeAtStep(seed, step, token));
    },
    async close() {
      await dispose();
      if (bugs.length > 0) throw new Error(`handlers logged bugs: ${bugs.map(String).join('; ')}`);
    },
  };
}

/** Password, then the shared token's current code: a logged-in session for a demo user. */
export async function loginWithOtp(h: Harness, loginId: string, serial = '523405696') {
  const step = await h.core.api.auth.login({ loginId, password: PASSWORDS.login });
  if (!step.ok || step.value.kind !== 'needsOtp') throw new Error(`login of ${loginId} failed: ${JSON.stringify(step)}`);
  const session = await h.core.api.auth.verifyOtp({ challengeId: step.value.challengeId, otp: await h.codeOf(serial) });
  if (!session.ok) throw new Error(`OTP of ${loginId} failed: ${JSON.stringify(session)}`);
  return session.value;
}

/** The password step only: the challenge ID of the next step (OTP or token registration). */
export async function passwordStep(h: Harness, loginId: string, kind: 'needsOtp' | 'needsTokenRegistration' = 'needsOtp') {
  const step = await h.core.api.auth.login({ loginId, password: PASSWORDS.login });
  if (!step.ok || step.value.kind !== kind) throw new Error(`login of ${loginId} did not reach ${kind}: ${JSON.stringify(step)}`);
  return step.value.challengeId;
}

/** The step-up credentials of a demo operator: authentication password and the token's current code. */
export async function stepUp(h: Harness, serial = '523405696') {
  return { authPassword: PASSWORDS.auth, otp: await h.codeOf(serial) };
}

/** Moves the clock to the next time step, so a fresh code exists for the shared token. */
export function nextStep(h: Harness): void {
  h.clock.advance(60_000);
}

export async function auditRows(h: Harness) {
  return h.store.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
}
