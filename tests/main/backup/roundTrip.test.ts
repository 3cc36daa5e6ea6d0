import { afterEach, describe, expect, it } from 'vitest';
import { unseal } from '../../../main/crypto/seal';
import { value } from '../../support/admin';
import { backupHarness, restoreInput, writeBackup } from '../../support/backup';
import { dumpTables } from '../../support/db';
import { createHarness, loginWithOtp, nextStep, PASSWORDS, type Harness } from '../../support/harness';

let open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.map((h) => h.close()));
  open = [];
});
/** The backed-up desktop: SQLite, with a save folder. */
const desktop = async (options: Parameters<typeof backupHarness>[0] = {}) => {
  const h = await backupHarness(options);
  open.push(h);
  return h;
};
/** The restoring store: the run's dialect, so the postgres project loads the same file into PostgreSQL. */
const fresh = async (options: Parameters<typeof createHarness>[0] = {}) => {
  const h = await createHarness({ seed: false, ...options });
  open.push(h);
  return h;
};

const byId = (rows: unknown[]) =>
  [...rows].sort((a, b) => {
    const key = (r: unknown) => JSON.stringify(Object.entries(r as object).sort(([x], [y]) => (x === 'id' ? -1 : y === 'id' ? 1 : x < y ? -1 : 1)));
    const [ia, ib] = [(a as { id?: number }).id, (b as { id?: number }).id];
    return ia !== undefined && ib !== undefined ? ia - ib : key(a) < key(b) ? -1 : 1;
  });

/**
 * Every table but the seeds, which differ by their seal key and are compared opened; rows in ID order, so a
 * SQLite source and a PostgreSQL target compare alike. `only` keeps the tables the source has.
 */
async function contents(h: Harness, only?: Record<string, unknown[]>) {
  const dump = await dumpTables(h.store.db);
  // PostgreSQL's one-round-trip dump (JSON) answers bytea as '\\x…' hex text.
  const bytes = (v: Buffer | string) => (typeof v === 'string' ? Buffer.from(v.replace(/^\\x/, ''), 'hex') : v);
  const tokens = (dump.tokens as { seed_sealed: Buffer | string; serial: string }[]).map(({ seed_sealed, ...t }) => ({
    ...t,
    seed: unseal(h.sealKey, bytes(seed_sealed), t.serial).toString('hex'),
  }));
  const all: Record<string, unknown[]> = { ...dump, tokens };
  return Object.fromEntries(Object.entries(all).filter(([name]) => !only || name in only).map(([name, rows]) => [name, byId(rows)]));
}

describe('backup → restore on a fresh store (issue 15)', () => {
  it('SPEC R-GEN-2, R-OTP-2: every table round-trips, seeds re-sealed under the new seal key; the restore row comes last', async () => {
    const source = await desktop();
    // A drifted token and a revoked assignment, so that drift and history are not defaults.
    await source.store.db.updateTable('tokens').set({ drift: -1 }).where('serial', '=', '523405697').execute();
    const file = await writeBackup(source);
    const before = await contents(source);
    const target = await fresh();
    expect(target.sealKey.equals(source.sealKey)).toBe(false);
    const restored = value(await target.core.api.backup.restore(restoreInput(file)));
    expect(restored.users).toBe(before.users!.length);
    const after = await contents(target, before);
    // The source wrote backup.create after the file was closed: the file cannot hold its own outcome.
    const sourceAudit = before.audit_log as { action: string }[];
    expect(sourceAudit.at(-1)!.action).toBe('backup.create');
    expect(sourceAudit.at(-2)!.action).toBe('backup.start');
    const { audit_log: restoredAudit, schema_migrations: _m1, ...restoredRest } = after;
    const { audit_log: _a, schema_migrations: _m2, ...sourceRest } = before;
    // A backup carries no offline records (SPEC R-OFF-3): the restored store has no desktop registration, so no
    // block of the old one stands, and tokens.last_step carries the replay floor.
    const { accepted_steps: usedSteps, desktops: _d, offline_operations: _o, ...carried } = sourceRest;
    expect(usedSteps!.length).toBeGreaterThan(0);
    expect(restoredRest).toEqual({ ...carried, accepted_steps: [], desktops: [], offline_operations: [] });
    expect(restoredAudit!.slice(0, -1)).toEqual(sourceAudit.slice(0, -1));
    expect(restoredAudit!.at(-1)).toMatchObject({ action: 'backup.restore', actor_login_id: null, result: 'success' });
    // The sealed bytes themselves changed: this PC's key, not the old one.
    const sealed = await target.store.db.selectFrom('tokens').select(['serial', 'seed_sealed']).execute();
    expect(() => unseal(source.sealKey, sealed[0]!.seed_sealed, sealed[0]!.serial)).toThrow();
  });

  it('SPEC R-OTP-2: the code used for the backup is refused after the restore; the next code logs the master in', async () => {
    const source = await desktop();
    const file = await writeBackup(source);
    const usedCode = await source.codeOf('523405696');
    const target = await fresh({ start: source.clock.now() });
    value(await target.core.api.backup.restore(restoreInput(file)));
    const login = async () => {
      const step = value(await target.core.api.auth.login({ loginId: 'kmb05871', password: PASSWORDS.login }));
      if (step.kind !== 'needsOtp') throw new Error(step.kind);
      return step.challengeId;
    };
    const replay = await target.core.api.auth.verifyOtp({ challengeId: await login(), otp: usedCode });
    expect(replay).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
    nextStep(target);
    const session = value(await target.core.api.auth.verifyOtp({ challengeId: await login(), otp: await target.codeOf('523405696') }));
    expect(session.userType).toBe('master');
    // A user of another token logs in too: every user's token came across.
    const general = value(await target.core.api.auth.login({ loginId: 'ippan001', password: PASSWORDS.login }));
    expect(general.kind).toBe('needsOtp');
  });

  it('DESIGN-NOTES 4: no session crosses: a session open on the backed-up PC is unknown after the restore', async () => {
    const source = await desktop();
    const file = await writeBackup(source);
    nextStep(source);
    const { sessionId } = await loginWithOtp(source, 'test12345');
    const target = await fresh();
    value(await target.core.api.backup.restore(restoreInput(file)));
    expect(await source.core.api.auth.session({ sessionId })).toMatchObject({ ok: true });
    expect(await target.core.api.auth.session({ sessionId })).toMatchObject({ ok: false, error: { code: 'SESSION_INVALID' } });
  });
});
