import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seal } from '../../../main/crypto/seal';
import { failureMessage } from '../../../main/startup/failureMessage';
import { loadSealKey, SEAL_KEY_FILE, type Keychain } from '../../../main/startup/sealKey';
import type { StartupReason } from '../../../main/startup/startupError';

/**
 * Issue 11 finding 6. Electron's safeStorage cannot run here, so the keychain is a small AES stand-in with the
 * same contract: what one keychain encrypts only it decrypts, and it may report its Linux backend.
 */
function keychain(options: { available?: boolean; backend?: string } = {}): Keychain {
  const key = randomBytes(32);
  const iv = Buffer.alloc(16);
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (text) => {
      const c = createCipheriv('aes-256-cbc', key, iv);
      return Buffer.concat([c.update(text, 'utf8'), c.final()]);
    },
    decryptString: (data) => {
      const d = createDecipheriv('aes-256-cbc', key, iv);
      return Buffer.concat([d.update(data), d.final()]).toString('utf8');
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'shell-sealkey-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const keyFile = () => join(dir, SEAL_KEY_FILE);
const sampleUnder = (key: Buffer) => ({ serial: '523405696', seed_sealed: seal(key, randomBytes(20), '523405696') });

function refusal(run: () => unknown): StartupReason | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { reason?: StartupReason }).reason;
  }
}

describe('finding 6 (DESIGN-NOTES 6): the seal key is never replaced under sealed seeds', () => {
  it('a store without tokens gets a new key, 0600, and the same key on the next start', () => {
    const chain = keychain();
    const first = loadSealKey(dir, chain, 'linux', undefined);
    expect(first).toHaveLength(32);
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(loadSealKey(dir, chain, 'linux', sampleUnder(first)).equals(first)).toBe(true);
  });

  it('a missing key while the store holds tokens stops the start and creates no key', () => {
    expect(refusal(() => loadSealKey(dir, keychain(), 'linux', sampleUnder(randomBytes(32))))).toBe('SEAL_KEY_MISSING');
    expect(existsSync(keyFile())).toBe(false);
  });

  it('an unreadable key stops the start and is left as it was, tokens or not', () => {
    writeFileSync(keyFile(), 'not a keychain blob');
    for (const sample of [undefined, sampleUnder(randomBytes(32))]) {
      expect(refusal(() => loadSealKey(dir, keychain(), 'linux', sample))).toBe('SEAL_KEY_UNREADABLE');
    }
    expect(readFileSync(keyFile(), 'utf8')).toBe('not a keychain blob');
  });

  it("a key made by another user's keychain cannot be read either", () => {
    loadSealKey(dir, keychain(), 'linux', undefined);
    expect(refusal(() => loadSealKey(dir, keychain(), 'linux', undefined))).toBe('SEAL_KEY_UNREADABLE');
  });

  it('a readable key that does not open the stored seeds (a key file from elsewhere) stops the start', () => {
    const chain = keychain();
    loadSealKey(dir, chain, 'linux', undefined);
    expect(refusal(() => loadSealKey(dir, chain, 'linux', sampleUnder(randomBytes(32))))).toBe('SEAL_KEY_MISMATCH');
  });
});

describe('finding 6 (DESIGN-NOTES 6): only a real keychain protects the key', () => {
  it('no keychain at all stops the start before any key is written', () => {
    expect(refusal(() => loadSealKey(dir, keychain({ available: false }), 'win32', undefined))).toBe('KEYCHAIN_UNAVAILABLE');
    expect(existsSync(keyFile())).toBe(false);
  });

  it("Linux's basic_text fallback is refused with a message that names gnome-libsecret and KWallet", () => {
    let thrown: unknown;
    try {
      loadSealKey(dir, keychain({ backend: 'basic_text' }), 'linux', undefined);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as { reason: string }).reason).toBe('KEYCHAIN_BASIC_TEXT');
    expect(existsSync(keyFile())).toBe(false);
    const { body } = failureMessage(thrown, undefined);
    expect(body).toMatch(/gnome-libsecret/);
    expect(body).toMatch(/KWallet/);
    for (const backend of ['gnome_libsecret', 'kwallet5', 'kwallet6']) {
      rmSync(keyFile(), { force: true });
      expect(loadSealKey(dir, keychain({ backend }), 'linux', undefined)).toHaveLength(32);
    }
  });
});
