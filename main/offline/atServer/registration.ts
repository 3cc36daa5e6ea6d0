import type { OfflineBlock } from '../../../shared/contract/syncModels';
import { fail, ok, type Result } from '../../../shared/errors';
import type { Deps } from '../../context/deps';
import type { Session } from '../../session/sessions';
import { appendSuccess } from '../../store/repos/audit';
import { registerDesktop } from '../../store/repos/desktops';
import { blockIssuedSince, claimStanding, recordIssuedBlock } from '../../store/repos/offlineBlocks';
import { findTokenBySerial } from '../../store/repos/tokens';
import { transact, type Db } from '../../store/transaction';
import { lastStepOf } from '../block';
import { issueForDesktop } from './issueForDesktop';
import { provenDesktop, type DesktopProof } from './desktop';

/** `sync:register-desktop`: a desktop of the session's company; its secret is answered once, only its hash kept. */
export function registerDesktopFor(deps: Deps, session: Session, now: Date): Promise<Result<{ desktopId: string; desktopSecret: string }>> {
  return transact(deps.db, async (tx) => {
    const desktop = await registerDesktop(tx, session.companyId, now);
    await appendSuccess(tx, now, session.loginId, 'desktop.register', session.loginId, { desktopId: desktop.id });
    return ok({ desktopId: desktop.id, desktopSecret: desktop.secret });
  });
}

/**
 * How long after its online login a session may fetch its block. The desktop asks at once (main/sync/engine.ts,
 * after registering at the first login); later, a session is no proof that the password was just typed there.
 */
export const BLOCK_GRANT_MS = 120_000;

/**
 * One block per online login, fetched right after it (issue 19 review): a stolen or kept-alive bearer gets none, so
 * it cannot turn a session into offline guesses of the passwords against a block's check values (R-OTP-3).
 */
async function notGranted(db: Db, session: Session, now: Date): Promise<boolean> {
  return now.getTime() - session.createdAt > BLOCK_GRANT_MS || (await blockIssuedSince(db, session.userId, session.createdAt));
}

/**
 * `sync:issue-block` (SPEC R-OFF-1/2): right after an online login (BLOCK_GRANT_MS, once per login), the session's user's block for this desktop, which
 * must be of the session's company (else DESKTOP_UNKNOWN, as a wrong secret); null without an active token.
 * Audited: password settings and check values leave the server in it. Recorded with its audit row (offline_blocks, DESIGN-NOTES
 * 3): only the steps of a block issued to this desktop for its user and token are recorded when reported.
 */
export async function issueBlockFor(deps: Deps, session: Session, input: DesktopProof, now: Date): Promise<Result<{ block: OfflineBlock | null }>> {
  const desktop = await provenDesktop(deps.db, input);
  if (!desktop.ok) return desktop;
  if (desktop.value.companyId !== session.companyId) return fail('DESKTOP_UNKNOWN');
  if (await notGranted(deps.db, session, now)) return fail('OFFLINE_BLOCK_NOT_GRANTED');
  const block = await issueForDesktop(deps.db, deps.sealKey, deps.rules, desktop.value, session.userId, now);
  if (!block) return ok({ block: null });
  return recordBlock(deps, session, desktop.value.id, block, now);
}

/**
 * The block recorded with its audit row, in one transaction that checks again what may have changed while it was
 * hashed: one block per login (two desktops asking at once get one), and the user still unlocked, not removed and
 * holding that token (claimStanding), else no block at all.
 */
export function recordBlock(deps: Deps, session: Session, desktopId: string, block: OfflineBlock, now: Date): Promise<Result<{ block: OfflineBlock | null }>> {
  return transact(deps.db, async (tx): Promise<Result<{ block: OfflineBlock | null }>> => {
    if (await blockIssuedSince(tx, session.userId, session.createdAt)) return fail('OFFLINE_BLOCK_NOT_GRANTED');
    const token = await findTokenBySerial(tx, block.tokenSerial);
    if (!token || !(await claimStanding(tx, block.userId, token.id))) return ok({ block: null });
    await recordIssuedBlock(tx, { desktopId, userId: block.userId, tokenId: token.id, firstStep: block.firstStep, lastStep: lastStepOf(block), period: block.period }, now);
    await appendSuccess(tx, now, session.loginId, 'offline.block', session.loginId, { desktopId, firstStep: block.firstStep, steps: block.hashes.length });
    return ok({ block });
  });
}
