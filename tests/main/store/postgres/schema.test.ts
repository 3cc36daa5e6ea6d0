import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { eachHarness } from '../../../support/companyWorld';
import { auditRows, loginWithOtp, type Harness } from '../../../support/harness';

/** What PostgreSQL refuses beyond SQLite's list (../schema.test.ts runs on both): TRUNCATE, which SQLite lacks. */
let h: Harness;
eachHarness((harness) => (h = harness));

describe('what the PostgreSQL schema itself refuses', () => {
  it('DESIGN-NOTES 2, 3: TRUNCATE of the audit log or of the assignments is refused, nothing removed', async () => {
    await loginWithOtp(h, 'kmb05871');
    const audit = await auditRows(h);
    await expect(sql`truncate audit_log`.execute(h.store.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate token_assignments cascade`.execute(h.store.db)).rejects.toThrow(/history/);
    expect(await auditRows(h)).toEqual(audit);
    expect((await h.store.db.selectFrom('token_assignments').select('id').execute()).length).toBeGreaterThan(0);
  });
});
