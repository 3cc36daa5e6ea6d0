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

/** Login IDs per statement: SQLite caps bound parameters. */
const CHUNK = 500;

/**
 * Users whose offline block still stands (SPEC R-OFF-1) among `loginIds` (at most CHUNK): of this company, not
 * removed, not locked, holding an active token that is not lost. A revoked user holds no active assignment, so
 * has no standing block either. One query: every sync request asks it.
 */
export async function standingHolders(db: Db, companyId: number, loginIds: readonly string[]): Promise<Holder[]> {
  if (loginIds.length === 0) return [];
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('token_assignments as a', (join) => join.onRef('a.user_id', '=', 'u.id').on('a.state', '=', 'active'))
    .innerJoin('tokens as t', (join) => join.onRef('t.id', '=', 'a.token_id').on('t.state', '=', 'active'))
    .selectAll('u')
    .select(['t.id as token_id', 't.serial as token_serial'])
    .where('u.login_id', 'in', [...loginIds])
    .where('u.company_id', '=', companyId)
    .where('u.deleted_at', 'is', null)
    .where('u.locked_at', 'is', null)
    .execute();
  return rows.map(({ token_id, token_serial, ...user }) => ({ user, token: { id: token_id, serial: token_serial } }));
}

/** The one standing holder with that login ID (as standingHolders; login IDs are unique), if any. */
export async function standingHolder(db: Db, companyId: number, loginId: string): Promise<Holder | undefined> {
  return (await standingHolders(db, companyId, [loginId]))[0];
}

/** Of `standing`, those whose block for the token they hold was issued to the desktop, not voided, not ended by `now`. */
async function withRunningBlock(db: Db, desktopId: string, standing: readonly Holder[], now: Date): Promise<Holder[]> {
  if (standing.length === 0) return [];
  const blocks = await db
    .selectFrom('offline_blocks')
    .select(['user_id', 'token_id'])
    .where('desktop_id', '=', desktopId)
    .where('user_id', 'in', standing.map((h) => h.user.id))
    .where('ends_at', '>', now.getTime())
    // Voided by a lock, revocation or removal since its issue: no unlock or re-registration brings it back (F1).
    .where('voided_at', 'is', null)
    .execute();
  const issued = new Set(blocks.map((b) => `${b.user_id}:${b.token_id}`));
  return standing.filter((h) => issued.has(`${h.user.id}:${h.token.id}`));
}

/**
 * Issue 19 finding 3 (R-REV-1, DESIGN-NOTES 11): the standing holders among `loginIds` whose block for the token
 * they hold was issued to THIS desktop and still runs (its last step not yet ended). A login ID merely named by
 * the desktop (the master's, on a general user's own PC) is not one of them. Two queries per CHUNK login IDs.
 */
export async function holdersOnDesktop(db: Db, desktop: { readonly id: string; readonly companyId: number }, loginIds: readonly string[], now: Date): Promise<Holder[]> {
  const unique = [...new Set(loginIds)];
  const found: Holder[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    found.push(...(await withRunningBlock(db, desktop.id, await standingHolders(db, desktop.companyId, unique.slice(i, i + CHUNK)), now)));
  }
  return found;
}
