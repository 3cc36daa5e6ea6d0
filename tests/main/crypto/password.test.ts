import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, paramsOf, paramsPrefix, unmatchableHash, verifyPassword } from '../../../main/crypto/password';
import { TEST_KDF } from '../../support/harness';

describe('password hashing (scrypt, PHC-like string)', () => {
  it('verifies the right password and refuses others, compared exactly', async () => {
    const stored = await hashPassword('Login#2026', TEST_KDF);
    expect(await verifyPassword('Login#2026', stored)).toBe(true);
    for (const wrong of ['login#2026', 'Login#2026 ', ' Login#2026', 'Login#202', '', 'Ｌｏｇｉｎ＃２０２６']) {
      expect(await verifyPassword(wrong, stored)).toBe(false);
    }
  });

  it('uses a fresh salt each time: equal passwords give different hashes that both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('same', TEST_KDF), hashPassword('same', TEST_KDF)]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(await verifyPassword('same', a)).toBe(true);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('the stored string carries its parameters and no plaintext', async () => {
    const stored = await hashPassword('Auth#2026', TEST_KDF);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('Auth#2026');
  });

  it('a password hashed with other parameters still verifies (the cost can rise)', async () => {
    const stronger = await hashPassword('pw', { N: 2 ** 11, r: 8, p: 1 });
    expect(await verifyPassword('pw', stronger)).toBe(true);
  });

  it('NFC normalisation: a decomposed and a composed accent are the same password', async () => {
    const stored = await hashPassword('caf\u00e9', TEST_KDF);
    expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
  });

  it.each([['', 'empty'], ['bcrypt$1$2$3$4$5', 'another scheme'], ['scrypt$1024$8$1$c2FsdA==', 'truncated']])(
    'a malformed stored value %j (%s) refuses, never verifies',
    async (stored) => {
      expect(await verifyPassword('anything', stored)).toBe(false);
    },
  );
});

/** Cheap Argon2id for tests; the server's is m=19 MiB, t=2, p=1 (serverKdf). */
const TEST_ARGON2 = { algorithm: 'argon2id', memoryKiB: 1024, t: 1, p: 1 } as const;

describe('password hashing at server scale (Argon2id beside scrypt)', () => {
  it('an Argon2id hash verifies the right password only, and carries its parameters in PHC form', async () => {
    const stored = await hashPassword('Login#2026', TEST_ARGON2);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(await verifyPassword('Login#2026', stored)).toBe(true);
    expect(await verifyPassword('login#2026', stored)).toBe(false);
    expect(await verifyPassword('cafe\u0301', await hashPassword('caf\u00e9', TEST_ARGON2))).toBe(true);
  });

  it('old scrypt hashes keep verifying under Argon2id parameters, and are the ones to rehash', async () => {
    const old = await hashPassword('pw', TEST_KDF);
    const fresh = await hashPassword('pw', TEST_ARGON2);
    expect(await verifyPassword('pw', old)).toBe(true);
    expect([needsRehash(old, TEST_ARGON2), needsRehash(fresh, TEST_ARGON2)]).toEqual([true, false]);
    expect(needsRehash(fresh, { ...TEST_ARGON2, t: 2 })).toBe(true);
    expect([needsRehash(old, TEST_KDF), needsRehash(old, { N: 2 ** 11, r: 8, p: 1 })]).toEqual([false, true]);
  });

  it('a stored hash says its parameters (the decoy of the login copies them); a foreign string says none', async () => {
    for (const params of [TEST_KDF, TEST_ARGON2]) {
      const stored = await hashPassword('pw', params);
      expect(paramsOf(stored)).toEqual(params);
      expect(stored.startsWith(paramsPrefix(params))).toBe(true);
      expect(paramsOf(unmatchableHash(params))).toEqual(params);
    }
    for (const foreign of ['', 'plain', 'scrypt$x$8$1$a$b', '$argon2i$v=19$m=1024,t=1,p=1$a$b', '$argon2id$v=19$m=1024$a$b']) expect(paramsOf(foreign)).toBeNull();
  });

  it('a damaged Argon2id string refuses, never throws', async () => {
    expect(await verifyPassword('pw', '$argon2id$v=19$m=1024,t=1,p=1$broken')).toBe(false);
  });
});
