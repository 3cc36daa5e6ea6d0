import type { LoginStep, SessionInfo } from '../../shared/contract/models';
import type { OfflineBlock } from '../../shared/contract/syncModels';
import { fail, ok, type Result } from '../../shared/errors';
import type { RulesConfig } from '../config/rules';
import { Semaphore } from '../crypto/semaphore';
import { checkOfflineCode, checkOfflinePassword, codeKeyFor, type Checked } from '../offline/offlineCheck';
import { proofKeyOf } from '../offline/offlineKeys';
import { revokedHere } from '../offline/outbox';
import { MemorySessionStore, type EndReason, type Session } from '../session/sessions';
import type { OfflineFiles } from './files';
import { topOf } from './replicaEdits';

/**
 * The offline step-up's outcome (R-OTP-4, R-OFF-7): the step the block accepted and the key the operation's MAC is
 * made with (offlineKeys.proofKeyOf, from that code and the authentication password), which the caller wipes.
 */
export type Proof = { readonly serial: string; readonly step: number; readonly proofKey: Buffer };

/** A login's code key (offlineCheck.codeKeyFor), for the block whose salt it was made with. */
type CodeKey = { readonly salt: string; readonly key: Buffer };

/**
 * A connected desktop's offline authority (SPEC R-OFF-1..4): logins and step-ups against the blocks, each step
 * and failure written to the ledger before the answer (R-OFF-3), and the sessions opened offline, kept in this
 * process's memory with the desktop's own timeouts (DESIGN-NOTES 4). `files` null: the offline state could not
 * be opened (no keychain, a file that does not open), and nothing is served offline.
 */
export class OfflineDesk {
  readonly sessions: MemorySessionStore;
  /** Every session and challenge this process opened offline: they are answered here for their whole life. */
  private readonly ownSessions = new Set<string>();
  private readonly ownChallenges = new Set<string>();
  /** One ledger change at a time: a check reads the ledger, hashes, then writes what it read plus its step. */
  private readonly ledgerLock = new Semaphore(1);
  /**
   * Per challenge, then per session opened offline, the code key its login password gave: in this process's
   * memory only, never on disk, so a copy of the desktop's folder tests no code (R-OFF-2).
   */
  private readonly codeKeys = new Map<string, CodeKey>();

  constructor(
    readonly files: OfflineFiles | null,
    readonly rules: RulesConfig,
    readonly clock: () => Date,
  ) {
    this.sessions = new MemorySessionStore(rules.session);
  }

  ownsSession = (id: string): boolean => this.ownSessions.has(id);
  ownsChallenge = (id: string): boolean => this.ownChallenges.has(id);

  /** Serialises ledger changes (the sync's too): every check starts from the ledger as written. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.ledgerLock.run(work);
  }

  private available(): Result<OfflineFiles> {
    return this.files?.registration ? ok(this.files) : fail('OFFLINE_UNAVAILABLE');
  }

  /** The user's block, unless none is held or their revocation waits in the outbox (R-OFF-6). */
  blockOf(loginId: string): Result<OfflineBlock> {
    const files = this.available();
    if (!files.ok) return files;
    const block = files.value.blocks.get(loginId);
    return block && !revokedHere(files.value.outbox).has(loginId) ? ok(block) : fail('OFFLINE_NO_BLOCK');
  }

  private async checked<T>(files: OfflineFiles, check: () => Promise<Checked<T>>): Promise<Result<T>> {
    const { result, ledger } = await check();
    if (ledger !== files.ledger) files.setLedger(ledger);
    return result;
  }

  async login(loginId: string, password: string): Promise<Result<LoginStep>> {
    const block = this.blockOf(loginId);
    if (!block.ok) return block;
    const files = this.files!;
    const checked = await this.exclusive(() =>
      this.checked(files, () => checkOfflinePassword(block.value, 'login', password, files.ledger, this.rules, this.clock(), revokedHere(files.outbox))),
    );
    if (!checked.ok) return checked;
    await this.forgetDeadChallengeKeys();
    const challenge = await this.sessions.issueChallenge(block.value.userId, 'needsOtp', this.clock());
    this.ownChallenges.add(challenge.id);
    this.codeKeys.set(challenge.id, { salt: block.value.kdf.salt, key: codeKeyFor(block.value, checked.value) });
    checked.value.fill(0);
    return ok({ kind: 'needsOtp', challengeId: challenge.id, name: block.value.name });
  }

  async verifyOtp(challengeId: string, otp: string): Promise<Result<SessionInfo>> {
    const challenge = await this.sessions.challenge(challengeId, 'needsOtp', this.clock());
    if (!challenge.ok) return challenge;
    const loginId = [...(this.files?.blocks.values() ?? [])].find((b) => b.userId === challenge.value.userId)?.loginId;
    const block = this.blockOf(loginId ?? '');
    if (!block.ok) return block;
    const files = this.files!;
    const codeKey = this.codeKeyOf(challengeId, block.value);
    if (!codeKey) return fail('CHALLENGE_INVALID');
    // One session per challenge (SPEC R-OTP-2): checks run one at a time, and one that finds its challenge spent by
    // a submission racing it with another valid code checks nothing, so uses no step.
    const step = await this.exclusive(async () => {
      if (!(await this.sessions.challenge(challengeId, 'needsOtp', this.clock())).ok) return fail('CHALLENGE_INVALID');
      const checked = await this.checked(files, () => checkOfflineCode(block.value, codeKey, otp, files.ledger, this.rules, this.clock()));
      if (checked.ok || checked.error.code === 'LOCKED') this.sessions.takeChallenge(challengeId);
      return checked;
    });
    if (!step.ok) return step;
    const b = block.value;
    const session = await this.sessions.open({ userId: b.userId, companyId: b.companyId, loginId: b.loginId, userType: b.userType, mustChangePasswords: false }, this.clock());
    this.ownSessions.add(session.id);
    this.codeKeys.set(session.id, this.codeKeys.get(challengeId)!);
    this.codeKeys.delete(challengeId);
    return ok(this.infoOf(session, b));
  }

  /** A challenge that expired or was spent keeps no code key in memory (a session's own goes with it, resolve). */
  private async forgetDeadChallengeKeys(): Promise<void> {
    for (const id of this.ownChallenges) {
      if (this.codeKeys.has(id) && !(await this.sessions.challenge(id, 'needsOtp', this.clock())).ok) this.codeKeys.delete(id);
    }
  }

  /** The code key of a challenge or session, if made for this very block (a block replaced since has another salt). */
  private codeKeyOf(id: string, block: OfflineBlock): Buffer | undefined {
    const held = this.codeKeys.get(id);
    return held && held.salt === block.kdf.salt ? held.key : undefined;
  }

  /**
   * R-OTP-4, R-OFF-4/7: the authentication password against the block, then an OTP like the login's (a new step)
   * under the session's code key; answers the proof key made from both. Neither the password's key nor the code is kept.
   */
  async stepUp(sessionId: string, block: OfflineBlock, authPassword: string, otp: string): Promise<Result<Proof>> {
    const files = this.files!;
    const codeKey = this.codeKeyOf(sessionId, block);
    if (!codeKey) return fail('OFFLINE_LOGIN_NEEDED');
    return this.exclusive(async () => {
      const password = await this.checked(files, () => checkOfflinePassword(block, 'auth', authPassword, files.ledger, this.rules, this.clock(), revokedHere(files.outbox)));
      if (!password.ok) return password;
      const step = await this.checked(files, () => checkOfflineCode(block, codeKey, otp, files.ledger, this.rules, this.clock()));
      const proofKey = step.ok ? proofKeyOf(otp, password.value, block.tokenSerial, step.value.step) : undefined;
      password.value.fill(0);
      return step.ok ? ok({ serial: block.tokenSerial, step: step.value.step, proofKey: proofKey! }) : step;
    });
  }

  infoOf(session: Session, block: OfflineBlock): SessionInfo {
    return {
      sessionId: session.id,
      loginId: block.loginId,
      name: block.name,
      userType: block.userType,
      companyName: block.companyName,
      idleTimeoutMs: this.rules.session.idleTimeoutMs,
      expiresAt: new Date(this.sessions.expiresAt(session)).toISOString(),
      mustChangePasswords: false,
      authPasswordReset: topOf(this.files?.replica ?? null, block.loginId).authPasswordReset,
      offline: true,
    };
  }

  /** The session and its holder's block; a holder revoked here or dropped at a sync has none any more. */
  async resolve(sessionId: string): Promise<Result<{ session: Session; block: OfflineBlock }>> {
    const session = await this.sessions.resolve(sessionId, this.clock());
    if (!session.ok) {
      this.codeKeys.delete(sessionId);
      return session;
    }
    const block = this.files?.blocks.get(session.value.loginId);
    if (!block) {
      await this.sessions.end(sessionId, 'revoked', this.clock());
      return fail('SESSION_EXPIRED', { reason: 'revoked' });
    }
    return ok({ session: session.value, block });
  }

  /** Ends the offline sessions of these users (revoked here, or their block dropped at a sync). */
  async endSessionsOf(loginIds: readonly string[], reason: EndReason): Promise<void> {
    for (const loginId of loginIds) {
      const userId = this.files?.blocks.get(loginId)?.userId;
      if (userId !== undefined) await this.sessions.endAllOf(userId, reason, this.clock());
    }
  }
}
