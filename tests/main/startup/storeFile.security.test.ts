import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../main/demo/demoData';
import { openAppStore, STORE_FILE } from '../../../main/startup/storeFile';
import { StoreOpenError } from '../../../main/store/open';
import { TEST_KDF } from '../../support/harness';
import { permissiveTempDir } from '../../support/permissive';

const tempDir = permissiveTempDir('shell-store-');

const mode = (file: string) => statSync(file).mode & 0o777;

describe('finding 6 (DESIGN-NOTES 6): the store and its WAL are private (0600)', () => {
  it('a new store, its -wal and -shm are 0600 under a 022 umask, and it tells whether it holds sealed seeds', async () => {
    const { store, sample } = await openAppStore(tempDir());
    expect(sample).toBeUndefined();
    await seedDemo({ db: store.db, kdf: TEST_KDF, sealKey: randomBytes(32), now: new Date('2026-11-24T01:00:00Z') });
    const file = join(tempDir(), STORE_FILE);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) {
      expect(existsSync(path), path).toBe(true);
      expect(mode(path), path).toBe(0o600);
    }
    await store.close();
    const again = await openAppStore(tempDir());
    expect(again.sample?.serial).toMatch(/^\d+$/);
    await again.store.close();
  });

  it('a store file left readable by others is narrowed to 0600 at open', async () => {
    const file = join(tempDir(), STORE_FILE);
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const { store } = await openAppStore(tempDir());
    expect(mode(file)).toBe(0o600);
    await store.close();
  });

  it('a damaged store is refused, as the start-up dialog reports it', async () => {
    writeFileSync(join(tempDir(), STORE_FILE), Buffer.concat([Buffer.from('SQLite format 3\0'), randomBytes(4096)]));
    await expect(openAppStore(tempDir())).rejects.toBeInstanceOf(StoreOpenError);
  });
});
