import { fail, ok, type Result } from '../../../shared/errors';
import { findDesktop, type DesktopRegistration } from '../../store/repos/desktops';
import { activeTokenOf } from '../../store/repos/assignments';
import { findUserByLoginId } from '../../store/repos/users';
import type { TokenRecord, UserRecord } from '../../store/schema';
import type { Db } from '../../store/transaction';

export type DesktopProof = { readonly desktopId: string; readonly desktopSecret: string };

/**
 * What every `public` sync channel does first: the desktop's ID and secret prove its registration, else
 * DESKTOP_UNKNOWN (unknown, wrong secret, or revoked: which one is not said). From then on the service touches
 * only that desktop's company (SPEC R-SRV-3).
 */
export async function provenDesktop(db: Db, proof: DesktopProof): Promise<Result<DesktopRegistration>> {
  const desktop = await findDesktop(db, proof.desktopId, proof.desktopSecret);
  return desktop ? ok(desktop) : fail('DESKTOP_UNKNOWN');
}

export type Holder = { readonly user: UserRecord; readonly token: TokenRecord };

/**
 * A user whose offline block still stands (SPEC R-OFF-1): of this company, not removed, not locked, holding an
 * active token that is not lost. A revoked user holds no active assignment, so has no standing block either.
 */
export async function standingHolder(db: Db, companyId: number, loginId: string): Promise<Holder | undefined> {
  const user = await findUserByLoginId(db, loginId);
  if (!user || user.company_id !== companyId || user.deleted_at !== null || user.locked_at !== null) return undefined;
  const active = await activeTokenOf(db, user.id);
  if (!active || active.token.state !== 'active') return undefined;
  return { user, token: active.token };
}
