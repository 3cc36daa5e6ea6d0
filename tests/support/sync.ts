import type { OfflineBlock, OutboxOperation } from '../../shared/contract/syncModels';
import { userRowVersion } from '../../shared/contract/syncModels';
import type { UserRow } from '../../shared/contract/models';
import type { Result } from '../../shared/errors';
import { settingOf, storedKeyFor } from '../../main/crypto/password';
import { proofKeyOf, proofMacOf } from '../../main/offline/offlineKeys';
import { uuidv7 } from '../../main/offline/uuidv7';
import { stepAt } from '../../main/otp/totp';
import { findUserByLoginId } from '../../main/store/repos/users';
import { value } from './admin';
import { afterEach, beforeEach } from 'vitest';
import { createHarness, loginWithOtp, nextStep, PASSWORDS, type Harness } from './harness';

/** A sync call: the core's dispatch, or the server over HTTPS (its body unwrapped). */
export type SyncCall = (channelName: string, request: unknown) => Promise<Result<unknown>>;

export type Desk = { readonly desktopId: string; readonly desktopSecret: string };

export const SHARED = '523405696';

export const coreCall = (h: Harness): SyncCall => (name, request) => h.core.dispatch(name, request);

export async function registerDesk(call: SyncCall, sessionId: string): Promise<Desk> {
  return value(await call('sync:register-desktop', { sessionId })) as Desk;
}

/** The session's user's block on `desk`, through the real channel (sync:issue-block), as a desktop fetches it at an online login. */
export async function issueBlock(call: SyncCall, desk: Desk, sessionId: string): Promise<OfflineBlock> {
  const { block } = value(await call('sync:issue-block', { sessionId, ...desk })) as { block: OfflineBlock | null };
  if (!block) throw new Error(`no block issued on ${desk.desktopId}`);
  return block;
}

/**
 * `loginId` logs in online on the core on each desk at the next step (so the token has a fresh code) and is issued
 * its block there: one block per online login (BLOCK_GRANT_MS), and only steps of a block issued to a desktop are
 * recorded when it reports them (SPEC R-OFF-3). Answers the last login's session.
 */
export async function issueBlockTo(h: Harness, call: SyncCall, loginId: string, serial: string, ...desks: Desk[]): Promise<string> {
  let last = '';
  for (const desk of desks) {
    nextStep(h);
    last = (await loginWithOtp(h, loginId, serial)).sessionId;
    await issueBlock(call, desk, last);
  }
  return last;
}

/** A step of the token `offset` steps from the clock's, as a desktop would have accepted it offline. */
export const stepFrom = (h: Harness, offset: number) => stepAt(h.clock.now(), 60) + offset;

type StepsAnswer = { reports: { outcome: string }[]; floors: Record<string, number>; void: string[] };

export async function report(call: SyncCall, desk: Desk, body: Partial<{ used: unknown[]; failures: Record<string, number>; serials: string[]; holders: string[] }>): Promise<Result<StepsAnswer>> {
  return (await call('sync:report-steps', { ...desk, used: [], failures: {}, serials: [], holders: [], ...body })) as Result<StepsAnswer>;
}

/**
 * Reports `step` as used offline by `loginId` on `desk`; the proof of an offline step-up made with it. A step
 * ahead of the clock's drift window is used at its own time: the clock moves there first (a step reported as
 * used ahead of the clock is refused, issue 19 finding 2).
 */
export async function spentOffline(h: Harness, call: SyncCall, desk: Desk, loginId: string, step: number, serial = SHARED) {
  if (step > stepFrom(h, 1)) h.clock.set(new Date(step * 60_000));
  const answer = value(await report(call, desk, { used: [{ serial, step, loginId, at: h.clock.now().getTime() }] }));
  if (answer.reports[0]?.outcome !== 'recorded') throw new Error(`step ${step} not recorded: ${JSON.stringify(answer)}`);
  return { serial, step };
}

/** The BRSK027 row versions the desktop's replica would show now (userRowVersion, as the desktop computes them). */
export async function versions(call: SyncCall, sessionId: string, ...loginIds: string[]): Promise<Record<string, string>> {
  const { users } = value(await call('users:list', { sessionId, sort: 'loginId-asc' })) as { users: UserRow[] };
  return Object.fromEntries(users.filter((u) => loginIds.includes(u.loginId)).map((u) => [u.loginId, userRowVersion(u)]));
}

type Unsigned = Omit<OutboxOperation, 'proof'> & { proof: Pick<OutboxOperation['proof'], 'serial' | 'step'> };

/**
 * The proof's MAC as a desktop makes it at the offline step-up (main/sync/offlineDesk.ts): from the step's code
 * (what the token shows then) and the operator's authentication password, typed as `authPassword`.
 */
export async function macOf(h: Harness, op: Unsigned, typed: { authPassword?: string; code?: string } = {}): Promise<string> {
  const user = await findUserByLoginId(h.store.db, op.operator);
  const authKey = user && (await storedKeyFor(typed.authPassword ?? PASSWORDS.auth, settingOf(user.auth_password_hash) ?? ''));
  if (!authKey) throw new Error(`no authentication password for ${op.operator}`);
  const code = typed.code ?? (await h.codeOf(op.proof.serial, op.proof.step - stepAt(h.clock.now(), 60)));
  return proofMacOf(proofKeyOf(code, authKey, op.proof.serial, op.proof.step), op);
}

/** How far ahead of the clock a test's proof step may be for `queued` to move the clock to it. */
const REACHABLE_MS = 3_600_000;

/**
 * A queued operation with a valid proof for its step, made (queuedAt) while that step was the token's: a step a
 * little ahead of the clock moves the clock there first, as a desktop that made it then and syncs now would see.
 */
export async function queued(h: Harness, op: Pick<OutboxOperation, 'channel' | 'request'> & Partial<Unsigned> & { proof: Unsigned['proof'] }): Promise<OutboxOperation> {
  const stepStart = op.proof.step * 60_000;
  const ahead = stepStart - h.clock.now().getTime();
  if (op.queuedAt === undefined && ahead > 0 && ahead <= REACHABLE_MS) h.clock.advance(ahead);
  const unsigned: Unsigned = { key: uuidv7(h.clock.now()), operator: 'kmb05871', baseVersions: {}, queuedAt: h.clock.now().getTime(), ...op };
  return { ...unsigned, proof: { ...unsigned.proof, mac: await macOf(h, unsigned) } };
}

export type Outcome = { accepted: true; appliedAt: string } | { accepted: false; reason: string; loginIds?: string[] };

export async function apply(call: SyncCall, desk: Desk, operation: OutboxOperation): Promise<Outcome> {
  const { outcomes } = value(await call('sync:apply', { ...desk, operations: [operation] })) as { outcomes: Outcome[] };
  return outcomes[0]!;
}

/** The audit rows an operation's key wrote on the server. */
export async function rowsOfKey(h: Harness, key: string) {
  const rows = await h.store.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  return rows.filter((r) => r.detail?.includes(key)).map((r) => ({ ...r, detail: JSON.parse(r.detail!) as Record<string, unknown> }));
}

export type DeskWorld = { h: Harness; call: SyncCall; desk: Desk; master: string };

/**
 * A company on the core with the master logged in, one desktop registered and the master's block issued to it
 * (what a connected desktop does at its first online login): what the sync channels' tests start from.
 */
async function deskWorld(): Promise<DeskWorld> {
  const h = await createHarness();
  const call = coreCall(h);
  const master = (await loginWithOtp(h, 'kmb05871')).sessionId;
  const desk = await registerDesk(call, master);
  await issueBlock(call, desk, master);
  return { h, call, desk, master };
}

/** A fresh desk world for each test of the file, handed to `take`, closed after the test. */
export function eachDeskWorld(take: (world: DeskWorld) => void): void {
  let world: DeskWorld;
  beforeEach(async () => {
    world = await deskWorld();
    take(world);
  });
  afterEach(() => world.h.close());
}
