import { breatheEvery } from '../breathe';
import type { Db } from '../transaction';
import type { TokenRecord } from '../schema';

export function findTokenBySerial(db: Db, serial: string): Promise<TokenRecord | undefined> {
  return db.selectFrom('tokens').selectAll().where('serial', '=', serial).executeTakeFirst();
}

/**
 * DESIGN-NOTES 1: accepting a code is this one conditional write. Zero rows changed means the step was
 * already used (by any user sharing the token) or the token is no longer active: refuse.
 */
export async function acceptStep(db: Db, tokenId: number, step: number, drift: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('tokens')
    .set({ last_step: step, drift })
    .where('id', '=', tokenId)
    .where('last_step', '<', step)
    .where('state', '=', 'active')
    .executeTakeFirst();
  if (r.numUpdatedRows !== 1n) return false;
  // Kept so that a step later reported from an offline desktop is recognised as used (SPEC R-OFF-3).
  const at = now.getTime();
  await db.insertInto('accepted_steps').values({ token_id: tokenId, step, source: 'online', desktop_id: null, login_id: null, used_at: at, recorded_at: at }).execute();
  return true;
}

/** SPEC R-TOK-3: binds an unbound token; a token bound to another company stays refused. */
export async function bindToCompany(db: Db, tokenId: number, companyId: number): Promise<boolean> {
  const r = await db
    .updateTable('tokens')
    .set({ company_id: companyId })
    .where('id', '=', tokenId)
    .where((eb) => eb.or([eb('company_id', 'is', null), eb('company_id', '=', companyId)]))
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

type StoredSerial = Pick<TokenRecord, 'serial' | 'company_id' | 'state'>;

/** The stored serials among `serials`, with their company and state; in chunks, since SQLite caps bound parameters. */
export async function findTokensBySerials(db: Db, serials: readonly string[]): Promise<StoredSerial[]> {
  const found: StoredSerial[] = [];
  for (let i = 0; i < serials.length; i += 500) {
    await breatheEvery(i, 500); // a 30,000-token import preview asks 60 times: the window answers meanwhile
    const chunk = serials.slice(i, i + 500);
    found.push(...(await db.selectFrom('tokens').select(['serial', 'company_id', 'state']).where('serial', 'in', chunk).execute()));
  }
  return found;
}

/** The company's tokens among `serials` (at most MAX_SYNC_HOLDERS of them: a sync report's), in one query. */
export function companyTokensBySerials(db: Db, companyId: number, serials: readonly string[]): Promise<TokenRecord[]> {
  if (serials.length === 0) return Promise.resolve([]);
  return db.selectFrom('tokens').selectAll().where('company_id', '=', companyId).where('serial', 'in', [...serials]).execute();
}

/** SPEC R-TOK-6: a lost token is unusable for everyone, for good; acceptStep refuses it from this write on. */
export async function disableToken(db: Db, tokenId: number, reason: 'lost', now: number): Promise<void> {
  await db
    .updateTable('tokens')
    .set({ state: 'disabled', disabled_reason: reason, disabled_at: now })
    .where('id', '=', tokenId)
    .where('state', '=', 'active')
    .execute();
}
