import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../main/core/createCore';
import { userRecord } from '../../support/db';
import { createHarness, PASSWORDS, type Harness } from '../../support/harness';
import { countKdfRuns } from '../../support/kdfCount';

/** Argon2id runs, counted: the real binding still does every run (nothing is mocked but the count). */
const argon2 = vi.hoisted(() => ({ runs: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...real, verify: (...args: Parameters<typeof real.verify>) => (argon2.runs++, real.verify(...args)) };
});

/**
 * Issue 11 finding 3 on a company server: the same work on every path before the password is proven. Users moved
 * in from a desktop (`import-backup`) keep their desktop's scrypt hashes until their next login, while the server's
 * own hashes and its decoy are Argon2id: an unknown ID answered after one Argon2id run (≈ 15 ms) and an imported
 * ID after one scrypt N=2^17 (≈ 0.5 s) told an attacker which IDs exist. The attack: time a wrong password for an
 * unknown ID, for an imported (scrypt) user and for a rehashed (Argon2id) one; here the KDF runs per scheme.
 */
const ARGON2 = { algorithm: 'argon2id', memoryKiB: 1024, t: 1, p: 1 } as const;
const SAME = { ok: false, error: { code: 'BAD_CREDENTIALS', field: 'password' } };

let h: Harness;
afterEach(async () => h.close());

async function probe(server: Core, loginId: string, password = 'Wrong#2026') {
  argon2.runs = 0;
  const { result, runs } = await countKdfRuns(() => server.api.auth.login({ loginId, password }));
  return { result, scrypt: runs, argon2: argon2.runs };
}

describe('issue 11 finding 3: every unproven login costs one run of each scheme still stored', () => {
  it('SPEC R-LOG-1: unknown ID, an imported scrypt user and a rehashed Argon2id user: one scrypt and one Argon2id each', async () => {
    // The demo users' hashes are the desktop's scrypt (as import-backup leaves them); the server hashes with Argon2id.
    h = await createHarness();
    const server = createCore({ store: h.store, sealKey: h.sealKey, clock: h.clock.now, kdf: ARGON2, logBug: (_c, e) => h.bugs.push(e) });
    expect(await server.api.auth.login({ loginId: 'test12345', password: PASSWORDS.login })).toMatchObject({ ok: true });
    expect((await userRecord(h, 'test12345')).login_password_hash).toMatch(/^\$argon2id\$/);
    expect((await userRecord(h, 'kmb05871')).login_password_hash).toMatch(/^scrypt\$/);
    const answers = [await probe(server, 'nobody99'), await probe(server, 'kmb05871'), await probe(server, 'test12345')];
    expect(answers).toEqual(answers.map(() => ({ result: SAME, scrypt: 1, argon2: 1 })));
    // The right password is proven by the user's own hash alone: no decoy is owed once the answer differs.
    expect(await probe(server, 'kmb05871', PASSWORDS.login)).toMatchObject({ result: { ok: true }, scrypt: 1 });
  });

  it('SPEC R-LOG-1: once no user keeps a scrypt hash, an unknown ID costs the server\'s Argon2id alone', async () => {
    h = await createHarness();
    await h.store.db.updateTable('users').set({ deleted_at: h.clock.now().getTime() }).where('login_id', '!=', 'kmb05871').execute();
    const server = createCore({ store: h.store, sealKey: h.sealKey, clock: h.clock.now, kdf: ARGON2, logBug: (_c, e) => h.bugs.push(e) });
    expect(await server.api.auth.login({ loginId: 'kmb05871', password: PASSWORDS.login })).toMatchObject({ ok: true });
    expect(await probe(server, 'nobody99')).toEqual({ result: SAME, scrypt: 0, argon2: 1 });
    expect(await probe(server, 'kmb05871')).toEqual({ result: SAME, scrypt: 0, argon2: 1 });
  });
});
