import type { OfflineBlock } from '../../../shared/contract/syncModels';
import { fail, ok, type Result } from '../../../shared/errors';
import type { Deps } from '../../context/deps';
import type { Session } from '../../session/sessions';
import { appendSuccess } from '../../store/repos/audit';
import { registerDesktop } from '../../store/repos/desktops';
import { transact } from '../../store/transaction';
import { issueForDesktop } from '../issueForDesktop';
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
 * `sync:issue-block` (SPEC R-OFF-1/2): after an online login, the session's user's block for this desktop, which
 * must be of the session's company (else DESKTOP_UNKNOWN, as a wrong secret); null without an active token.
 * Audited: password verifiers leave the server in it.
 */
export async function issueBlockFor(deps: Deps, session: Session, input: DesktopProof, now: Date): Promise<Result<{ block: OfflineBlock | null }>> {
  const desktop = await provenDesktop(deps.db, input);
  if (!desktop.ok) return desktop;
  if (desktop.value.companyId !== session.companyId) return fail('DESKTOP_UNKNOWN');
  const block = await issueForDesktop(deps.db, deps.sealKey, deps.rules, desktop.value, session.userId, now);
  if (!block) return ok({ block: null });
  return transact(deps.db, async (tx) => {
    await appendSuccess(tx, now, session.loginId, 'offline.block', session.loginId, { desktopId: desktop.value.id, firstStep: block.firstStep, steps: block.hashes.length });
    return ok({ block });
  });
}
