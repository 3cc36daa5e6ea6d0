import { fail, ok, type Result } from '../../../shared/errors';
import { findDesktop, type DesktopRegistration } from '../../store/repos/desktops';
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

export type Holder = { readonly user: UserRecord; readonly token: Pick<TokenRecord, 'id' | 'serial'> };

/**
 * A user whose offline block still stands (SPEC R-OFF-1): of this company, not removed, not locked, holding an
 * active token that is not lost. A revoked user holds no active assignment, so has no standing block either.
 * One query: every sync request asks it.
 */
export async function standingHolder(db: Db, companyId: number, loginId: string): Promise<Holder | undefined> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('token_assignments as a', (join) => join.onRef('a.user_id', '=', 'u.id').on('a.state', '=', 'active'))
    .innerJoin('tokens as t', (join) => join.onRef('t.id', '=', 'a.token_id').on('t.state', '=', 'active'))
    .selectAll('u')
    .select(['t.id as token_id', 't.serial as token_serial'])
    .where('u.login_id', '=', loginId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { token_id, token_serial, ...user } = row;
  if (user.company_id !== companyId || user.deleted_at !== null || user.locked_at !== null) return undefined;
  return { user, token: { id: token_id, serial: token_serial } };
}
