import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Db } from '../../main/store/transaction';

/** How many assignments are revoked, and how many successful token.revoke audit rows exist. */
export async function revocationState(db: Db): Promise<{ revoked: number; audited: number }> {
  const revoked = await db.selectFrom('token_assignments').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'revoked').executeTakeFirstOrThrow();
  const audited = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'token.revoke').where('result', '=', 'success').executeTakeFirstOrThrow();
  return { revoked: Number(revoked.n), audited: Number(audited.n) };
}

/** Waits until a transaction of this PostgreSQL database has written (holds an xid): the revocation is under way. */
export async function revocationWriting(db: Db): Promise<void> {
  for (let i = 0; i < 5_000; i++) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()`.execute(db);
    if (rows[0]!.n > 0) return;
    await sleep(1);
  }
  throw new Error('the revocation never began to write');
}
