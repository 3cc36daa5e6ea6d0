import type { LoginStep, SessionInfo } from '../../shared/contract/models';
import type { OfflineBlock } from '../../shared/contract/syncModels';
import { fail, ok, type Result } from '../../shared/errors';
import type { RulesConfig } from '../config/rules';
import { Semaphore } from '../crypto/semaphore';
import { checkOfflineCode, checkOfflinePassword, type Checked } from '../offline/offlineCheck';
import { revokedHere } from '../offline/outbox';
import { MemorySessionStore, type EndReason, type Session } from '../session/sessions';
import type { OfflineFiles } from './files';
import { topOf } from './replicaEdits';

/** The offline step-up's proof (R-OFF-7): the step the block accepted, checked by the server as a reported step. */
export type Proof = { readonly serial: string; readonly step: number };

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
    const challenge = await this.sessions.issueChallenge(block.value.userId, 'needsOtp', this.clock());
    this.ownChallenges.add(challenge.id);
    return ok({ kind: 'needsOtp', challengeId: challenge.id, name: block.value.name });
  }

  async verifyOtp(challengeId: string, otp: string): Promise<Result<SessionInfo>> {
    const challenge = await this.sessions.challenge(challengeId, 'needsOtp', this.clock());
    if (!challenge.ok) return challenge;
    const loginId = [...(this.files?.blocks.values() ?? [])].find((b) => b.userId === challenge.value.userId)?.loginId;
    const block = this.blockOf(loginId ?? '');
    if (!block.ok) return block;
    const files = this.files!;
    // One session per challenge (SPEC R-OTP-2): checks run one at a time, and one that finds its challenge spent by
    // a submission racing it with another valid code checks nothing, so uses no step.
    const step = await this.exclusive(async () => {
      if (!(await this.sessions.challenge(challengeId, 'needsOtp', this.clock())).ok) return fail('CHALLENGE_INVALID');
      const checked = await this.checked(files, () => checkOfflineCode(block.value, otp, files.ledger, this.rules, this.clock()));
      if (checked.ok || checked.error.code === 'LOCKED') this.sessions.takeChallenge(challengeId);
      return checked;
    });
    if (!step.ok) return step;
    const b = block.value;
    const session = await this.sessions.open({ userId: b.userId, companyId: b.companyId, loginId: b.loginId, userType: b.userType, mustChangePasswords: false }, this.clock());
    this.ownSessions.add(session.id);
    return ok(this.infoOf(session, b));
  }

  /** R-OFF-4/7: the authentication password against the block, then an OTP like the login's (a new step). */
  async stepUp(block: OfflineBlock, authPassword: string, otp: string): Promise<Result<Proof>> {
    const files = this.files!;
    return this.exclusive(async () => {
      const password = await this.checked(files, () => checkOfflinePassword(block, 'auth', authPassword, files.ledger, this.rules, this.clock(), revokedHere(files.outbox)));
      if (!password.ok) return password;
      const step = await this.checked(files, () => checkOfflineCode(block, otp, files.ledger, this.rules, this.clock()));
      return step.ok ? ok({ serial: block.tokenSerial, step: step.value.step }) : step;
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
    if (!session.ok) return session;
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
