import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../shared/errors';
import { transact, type Db } from '../../../main/store/transaction';
import { eachHarness } from '../../support/companyWorld';
import type { Harness } from '../../support/harness';

/** SQLite's write lock (BEGIN IMMEDIATE) held by another connection to the file; PostgreSQL's side: postgres/transaction.test.ts. */
let h: Harness;
eachHarness((harness) => (h = harness), { seed: false });

const addCompany = (tx: Db, code: string) => tx.insertInto('companies').values({ code, name: code }).execute();
const codes = async () => (await h.store.db.selectFrom('companies').select('code').orderBy('code').execute()).map((c) => c.code);

describe('transact on SQLite (SPEC R-GEN-3)', () => {
  it('waits for another connection\'s write lock without blocking the event loop, then commits', async () => {
    const other = new BetterSqlite3(h.location);
    other.exec('begin immediate');
    other.prepare("insert into companies (code, name) values ('OTHER', 'o')").run();
    // The lock is released only after the event loop has run several times while transact waited for it: a
    // synchronous wait would never let these timers fire, and the transaction would time out.
    let ticks = 0;
    const ticker = setInterval(() => {
      if (++ticks === 4) other.exec('commit');
    }, 5);
    try {
      const result = await transact(h.store.db, async (tx) => (await addCompany(tx, 'MINE'), ok(null)));
      expect(result).toEqual({ ok: true, value: null });
      expect(ticks).toBeGreaterThanOrEqual(4);
      expect(await codes()).toEqual(['MINE', 'OTHER']);
    } finally {
      clearInterval(ticker);
      if (other.inTransaction) other.exec('rollback');
      other.close();
    }
  });
});
