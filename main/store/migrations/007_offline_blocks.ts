import { sql, type Kysely, type Migration } from 'kysely';

/** ACCEPTED_STEP_RETENTION_MS as it was when this was written (a migration never changes with the code). */
const RETENTION_MS = 30 * 24 * 3_600_000;

type IssuedRow = { user_id: number; token_id: number; period: number; at: number; detail: string | null };

/** An audit row's detail, or nothing of it if it is not JSON (the migration must not fail on one row). */
function detailOf(text: string | null): { desktopId?: unknown; firstStep?: unknown; steps?: unknown } {
  try {
    const detail: unknown = JSON.parse(text ?? '{}');
    return typeof detail === 'object' && detail !== null ? detail : {};
  } catch {
    return {};
  }
}

/**
 * The blocks issued before this migration, from their audit rows ('offline.block', detail: desktopId, firstStep,
 * steps) and the token the user held then: without them, the steps a desktop used offline across the upgrade
 * would be refused, and the operations they proved with them. Rows past the retention go at the desktop's next
 * report (pruneOfflineBlocks).
 */
async function backfill(db: Kysely<unknown>): Promise<void> {
  // The store's own latest time, not the machine's clock (DESIGN-NOTES 5): a block lasts hours, so one issued
  // longer ago than the retention (and a day) before the last audit row has no step left to report.
  const { rows: latest } = await sql<{ at: number | null }>`select max(at) as at from audit_log`.execute(db);
  if (latest[0]?.at === null || latest[0]?.at === undefined) return;
  const since = Number(latest[0].at) - RETENTION_MS - 86_400_000;
  const { rows: issued } = await sql<IssuedRow>`
    select u.id as user_id, t.token_id as token_id, k.period as period, a.at as at, a.detail as detail
    from audit_log a
    join users u on u.login_id = a.actor_login_id
    join token_assignments t on t.user_id = u.id and t.assigned_at <= a.at and (t.revoked_at is null or t.revoked_at > a.at)
    join tokens k on k.id = t.token_id
    where a.action = 'offline.block' and a.result = 'success' and a.at > ${since}`.execute(db);
  const desktops = new Set((await sql<{ id: string }>`select id from desktops`.execute(db)).rows.map((d) => d.id));
  const rows = new Map<string, { desktopId: string; userId: number; tokenId: number; first: number; last: number; endsAt: number; at: number }>();
  for (const r of issued) {
    const { desktopId, firstStep, steps } = detailOf(r.detail);
    if (typeof desktopId !== 'string' || !desktops.has(desktopId) || !Number.isSafeInteger(firstStep) || !Number.isSafeInteger(steps)) continue;
    const first = Number(firstStep);
    const last = first + Number(steps) - 1;
    const endsAt = (last + 1) * Number(r.period) * 1000;
    if (last < first) continue;
    const key = `${desktopId}:${r.user_id}:${r.token_id}:${first}`;
    const held = rows.get(key);
    if (held && held.last >= last) continue;
    rows.set(key, { desktopId, userId: Number(r.user_id), tokenId: Number(r.token_id), first, last, endsAt, at: Number(r.at) });
  }
  const values = [...rows.values()];
  // Seven columns a row: well under SQLite's cap on bound parameters.
  for (let i = 0; i < values.length; i += 100) {
    const chunk = values.slice(i, i + 100).map((b) => sql`(${b.desktopId}, ${b.userId}, ${b.tokenId}, ${b.first}, ${b.last}, ${b.endsAt}, ${b.at})`);
    await sql`insert into offline_blocks (desktop_id, user_id, token_id, first_step, last_step, ends_at, issued_at) values ${sql.join(chunk)}`.execute(db);
  }
}

/**
 * The blocks the server issued (SPEC R-OFF-1..4), portable DDL for both stores: per desktop, user and token, the
 * steps a block covers and when its last step ends (`ends_at`, epoch ms). A reported step is recorded only if
 * a block issued to that desktop for that user and token covers it, and failures counted offline join only the
 * count of a user issued a block on that desktop, so a registered desktop cannot spend steps or lock users it
 * was never given. Rows are kept for the retention of accepted steps (ACCEPTED_STEP_RETENTION_MS) after their
 * last step: an older block's steps may still be unreported when a newer block is issued. The blocks issued
 * before it are recorded from their audit rows.
 */
export const offlineBlocks: Migration = {
  async up(db) {
    await db.schema
      .createTable('offline_blocks')
      .addColumn('desktop_id', 'text', (c) => c.notNull().references('desktops.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('token_id', 'integer', (c) => c.notNull().references('tokens.id'))
      .addColumn('first_step', 'bigint', (c) => c.notNull())
      .addColumn('last_step', 'bigint', (c) => c.notNull())
      .addColumn('ends_at', 'bigint', (c) => c.notNull())
      .addColumn('issued_at', 'bigint', (c) => c.notNull())
      // The report's look-up (desktop, user, token) is the key's prefix; a block issued twice from one step is one row.
      .addPrimaryKeyConstraint('offline_blocks_pk', ['desktop_id', 'user_id', 'token_id', 'first_step'])
      .addCheckConstraint('offline_blocks_steps', sql`last_step >= first_step`)
      .execute();
    await db.schema.createIndex('offline_blocks_ends').on('offline_blocks').columns(['desktop_id', 'ends_at']).execute();
    await backfill(db);
  },
};
