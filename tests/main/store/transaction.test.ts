import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../shared/errors';
import { transact, type Db } from '../../../main/store/transaction';
import { eachHarness } from '../../support/companyWorld';
import type { Harness } from '../../support/harness';

let h: Harness;
eachHarness((harness) => (h = harness), { seed: false });

const addCompany = (tx: Db, code: string) => tx.insertInto('companies').values({ code, name: code }).execute();
const codes = async () => (await h.store.db.selectFrom('companies').select('code').orderBy('code').execute()).map((c) => c.code);

describe('transact (SPEC R-GEN-3: nothing is half-written)', () => {
  it('commits when the work answers ok', async () => {
    expect(await transact(h.store.db, async (tx) => (await addCompany(tx, 'A'), ok(1)))).toEqual({ ok: true, value: 1 });
    expect(await codes()).toEqual(['A']);
  });

  it('rolls back when the work answers a refusal', async () => {
    expect(await transact(h.store.db, async (tx) => (await addCompany(tx, 'A'), await addCompany(tx, 'B'), fail('VALIDATION')))).toEqual({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await codes()).toEqual([]);
  });

  it('rolls back and rethrows when the work throws', async () => {
    const run = transact(h.store.db, async (tx) => {
      await addCompany(tx, 'A');
      throw new Error('boom');
    });
    await expect(run).rejects.toThrow('boom');
    expect(await codes()).toEqual([]);
  });
});
