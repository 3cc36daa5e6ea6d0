import type { Kysely, Selectable } from 'kysely';
import { fail, ok, type Result } from '../../shared/errors';
import type { BackupProblem } from '../../shared/contract/backupProblems';
import { seal, unseal, type SealKey } from '../crypto/seal';
import { breatheEvery } from '../store/breathe';
import type { Database } from '../store/schema';
import type { Db } from '../store/transaction';

/** What a backup held, read whole from its snapshot (main/backup/readBackup.ts) before anything is written. */
export type Snapshot = { [T in keyof Database]: Selectable<Database[T]>[] };

export type LoadSummary = { companies: string[]; users: number; tokens: number; auditRows: number };

const TABLES = ['companies', 'users', 'tokens', 'token_assignments', 'audit_log', 'login_history', 'notices', 'notice_reads', 'pending_approvals'] as const;

export async function readSnapshot(source: Kysely<Database>): Promise<Snapshot> {
  const entries = await Promise.all(TABLES.map(async (t) => [t, await source.selectFrom(t).selectAll().orderBy(t === 'notice_reads' ? 'notice_id' : 'id').execute()]));
  return Object.fromEntries(entries) as Snapshot;
}

/** Every seed moved from the backup's seed key to this store's seal key, in memory, before the transaction. */
export function resealed(snapshot: Snapshot, from: Buffer, to: SealKey): Snapshot {
  const tokens = snapshot.tokens.map((t) => {
    const seed = unseal(from, t.seed_sealed, t.serial);
    try {
      return { ...t, seed_sealed: seal(to, seed, t.serial) };
    } finally {
      seed.fill(0);
    }
  });
  return { ...snapshot, tokens };
}

const refused = (problem: BackupProblem) => fail('BACKUP_REFUSED', { problem });

/** A target that holds other companies (a company server) must not share a code, a login ID or a serial with the backup. */
async function clash(tx: Db, s: Snapshot): Promise<BackupProblem | null> {
  const any = async (table: 'companies' | 'users' | 'tokens', column: 'code' | 'login_id' | 'serial', values: string[]) => {
    for (let i = 0; i < values.length; i += 500) {
      const found = await tx.selectFrom(table).select('id').where(column as never, 'in', values.slice(i, i + 500) as never).limit(1).executeTakeFirst();
      if (found) return true;
    }
    return false;
  };
  if (await any('companies', 'code', s.companies.map((c) => c.code))) return 'COMPANY_EXISTS';
  if (await any('users', 'login_id', s.users.map((u) => u.login_id))) return 'LOGIN_ID_TAKEN';
  if (await any('tokens', 'serial', s.tokens.map((t) => t.serial))) return 'SERIAL_TAKEN';
  return null;
}

async function insertChunks<T extends keyof Database, R>(tx: Db, table: T, rows: readonly object[], returning?: (rows: object[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += 100) {
    await breatheEvery(i, 100);
    const chunk = rows.slice(i, i + 100);
    if (returning) out.push(...(await returning(chunk)));
    else await tx.insertInto(table).values(chunk as never).execute();
  }
  return out;
}

const mapOf = (pairs: readonly [number, number][]) => {
  const map = new Map(pairs);
  return (old: number) => {
    const id = map.get(old);
    if (id === undefined) throw new Error(`backup refers to a missing row ${old}`);
    return id;
  };
};
const orNull = <T>(f: (v: number) => T) => (v: number | null) => (v === null ? null : f(v));
const withoutId = <R extends { id: number }>({ id: _id, ...rest }: R) => rest;

/**
 * Loads a snapshot into any store through Kysely alone (SQLite here, PostgreSQL on a company server): new IDs,
 * every reference mapped to them by a unique key (company code, login ID, serial). Runs inside the caller's
 * transaction, so the target holds the whole backup or none of it.
 */
export async function loadSnapshot(tx: Db, s: Snapshot): Promise<Result<LoadSummary>> {
  const problem = await clash(tx, s);
  if (problem) return refused(problem);
  const companyPairs: [number, number][] = [];
  for (const c of s.companies) {
    const { id } = await tx.insertInto('companies').values(withoutId(c)).returning('id').executeTakeFirstOrThrow();
    companyPairs.push([c.id, id]);
  }
  const company = mapOf(companyPairs);
  const byLogin = new Map(s.users.map((u) => [u.login_id, u.id]));
  const users = await insertChunks(tx, 'users', s.users.map((u) => ({ ...withoutId(u), company_id: company(u.company_id) })), (rows) =>
    tx.insertInto('users').values(rows as never).returning(['id', 'login_id']).execute(),
  );
  const user = mapOf(users.map((u) => [byLogin.get(u.login_id)!, u.id]));
  const bySerial = new Map(s.tokens.map((t) => [t.serial, t.id]));
  const tokens = await insertChunks(tx, 'tokens', s.tokens.map((t) => ({ ...withoutId(t), company_id: orNull(company)(t.company_id) })), (rows) =>
    tx.insertInto('tokens').values(rows as never).returning(['id', 'serial']).execute(),
  );
  const token = mapOf(tokens.map((t) => [bySerial.get(t.serial)!, t.id]));
  await insertChunks(tx, 'token_assignments', s.token_assignments.map((a) => ({ ...withoutId(a), user_id: user(a.user_id), token_id: token(a.token_id), revoked_by: orNull(user)(a.revoked_by) })));
  await insertChunks(tx, 'audit_log', s.audit_log.map(withoutId));
  await insertChunks(tx, 'login_history', s.login_history.map((h) => ({ ...withoutId(h), user_id: user(h.user_id) })));
  const noticePairs: [number, number][] = [];
  for (const n of s.notices) {
    const { id } = await tx.insertInto('notices').values({ ...withoutId(n), company_id: orNull(company)(n.company_id) }).returning('id').executeTakeFirstOrThrow();
    noticePairs.push([n.id, id]);
  }
  const notice = mapOf(noticePairs);
  await insertChunks(tx, 'notice_reads', s.notice_reads.map((r) => ({ ...r, notice_id: notice(r.notice_id), user_id: user(r.user_id) })));
  await insertChunks(tx, 'pending_approvals', s.pending_approvals.map((p) => ({ ...withoutId(p), company_id: company(p.company_id), approver_user_id: user(p.approver_user_id) })));
  return ok({ companies: s.companies.map((c) => c.code), users: s.users.length, tokens: s.tokens.length, auditRows: s.audit_log.length });
}
