import { fail, ok, type Result } from '../../shared/errors';
import { newId } from '../session/ids';
import { idHash } from '../session/idHash';
import type { Db } from '../store/transaction';
import { SETUP_TTL_MS, type SetupGrant, type SetupStore } from './setups';

/** Setup grants in the store, so the import of a company set up through one server instance may reach another. */
export class StoredSetupStore implements SetupStore {
  constructor(private readonly db: Db) {}

  async issue(grant: Omit<SetupGrant, 'id' | 'expiresAt'>, now: Date): Promise<SetupGrant> {
    const t = now.getTime();
    await this.db.deleteFrom('setup_grants').where('expires_at', '<=', t).execute();
    const issued = { ...grant, id: newId(), expiresAt: t + SETUP_TTL_MS };
    await this.db
      .insertInto('setup_grants')
      .values({ id_hash: idHash(issued.id), company_id: grant.companyId, master_login_id: grant.masterLoginId, expires_at: issued.expiresAt })
      .execute();
    return issued;
  }

  async resolve(id: string, now: Date): Promise<Result<SetupGrant>> {
    const row = await this.db.selectFrom('setup_grants').selectAll().where('id_hash', '=', idHash(id)).executeTakeFirst();
    if (!row || now.getTime() >= row.expires_at) return fail('SETUP_INVALID');
    return ok({ id, companyId: row.company_id, masterLoginId: row.master_login_id, expiresAt: row.expires_at });
  }

  async end(id: string): Promise<void> {
    await this.db.deleteFrom('setup_grants').where('id_hash', '=', idHash(id)).execute();
  }
}
