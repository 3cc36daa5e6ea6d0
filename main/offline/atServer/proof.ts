import type { OutboxOperation } from '../../../shared/contract/syncModels';
import type { ErrorCode } from '../../../shared/errors';
import type { Deps } from '../../context/deps';
import { storedKeyOf } from '../../crypto/password';
import { withSeed } from '../../otp/consume';
import { codeAtStep, stepAt } from '../../otp/totp';
import type { DesktopRegistration } from '../../store/repos/desktops';
import { issuedAtOfStep } from '../../store/repos/offlineBlocks';
import { findTokenBySerial } from '../../store/repos/tokens';
import type { TokenRecord } from '../../store/schema';
import type { Db } from '../../store/transaction';
import { proofKeyOf, proofMacOf, sameBytes } from '../offlineKeys';
import type { Holder } from './desktop';

/**
 * When the operation says it was made (the desktop's clock) must be plausible: not in the future, not before the
 * block holding its step was issued. The drift window's width is allowed either way for the two clocks.
 */
function timeRefusal(deps: Deps, op: OutboxOperation, token: TokenRecord, issuedAt: number, now: Date): boolean {
  const window = deps.rules.otp.driftWindowSteps;
  const slack = window * token.period * 1000;
  if (op.queuedAt > now.getTime() + slack || op.queuedAt < issuedAt - slack) return true;
  // A code the desktop accepted at queuedAt is at most the window ahead of the token's clock then (R-OTP-1).
  return op.proof.step > stepAt(new Date(op.queuedAt), token.period) + token.drift + window;
}

/** The MAC the step's code (made from the seed, wiped after) and the stored authentication hash make over `op`. */
function expectedMac(deps: Deps, op: OutboxOperation, token: TokenRecord, authHash: string): Buffer | null {
  const authKey = storedKeyOf(authHash);
  if (!authKey) return null;
  const code = withSeed(deps.sealKey, token, (seed) => codeAtStep(seed, op.proof.step, token));
  const key = proofKeyOf(code, authKey, op.proof.serial, op.proof.step);
  authKey.fill(0);
  const mac = Buffer.from(proofMacOf(key, op), 'base64');
  key.fill(0);
  return mac;
}

/**
 * DESIGN-NOTES 11 for a queued operation's proof (SPEC R-OTP-4, R-OFF-6/7): the server believes only its own
 * records. The step lies in a block it issued to this desktop for this operator and token, at a plausible time,
 * and the MAC is the one the step's code and the operator's authentication password (as the server stores it)
 * make over this very operation. Whoever holds the block and the desktop's keychain but not both secrets cannot
 * make it, and a change of any byte of the operation voids it. Else OFFLINE_PROOF_INVALID.
 */
export async function proofInvalid(tx: Db, deps: Deps, desktop: DesktopRegistration, holder: Holder, op: OutboxOperation, now: Date): Promise<ErrorCode | null> {
  const token = await findTokenBySerial(tx, op.proof.serial);
  if (!token || token.id !== holder.token.id) return 'OFFLINE_PROOF_INVALID';
  const issuedAt = await issuedAtOfStep(tx, desktop.id, holder.user.id, token.id, op.proof.step, now);
  if (issuedAt === undefined || timeRefusal(deps, op, token, issuedAt, now)) return 'OFFLINE_PROOF_INVALID';
  const expected = expectedMac(deps, op, token, holder.user.auth_password_hash);
  return expected && sameBytes(expected, Buffer.from(op.proof.mac, 'base64')) ? null : 'OFFLINE_PROOF_INVALID';
}
