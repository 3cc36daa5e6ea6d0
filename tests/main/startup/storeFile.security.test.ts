import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../main/demo/demoData';
import { openAppStore, STORE_FILE } from '../../../main/startup/storeFile';
import { StoreOpenError } from '../../../main/store/open';
import { TEST_KDF } from '../../support/harness';

let dir: string;
let umask: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shell-store-'));
  umask = process.umask(0o022);
});
afterEach(() => {
  process.umask(umask);
  rmSync(dir, { recursive: true, force: true });
});

const mode = (file: string) => statSync(file).mode & 0o777;

describe('finding 6: the store and its WAL are private (0600)', () => {
  it('a new store, its -wal and -shm are 0600 under a 022 umask, and it tells whether it holds sealed seeds', async () => {
    const { store, sample } = await openAppStore(dir);
    expect(sample).toBeUndefined();
    await seedDemo({ db: store.db, kdf: TEST_KDF, sealKey: randomBytes(32), now: new Date('2026-11-24T01:00:00Z') });
    const file = join(dir, STORE_FILE);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) {
      expect(existsSync(path), path).toBe(true);
      expect(mode(path), path).toBe(0o600);
    }
    await store.close();
    const again = await openAppStore(dir);
    expect(again.sample?.serial).toMatch(/^\d+$/);
    await again.store.close();
  });

  it('a store file left readable by others is narrowed to 0600 at open', async () => {
    const file = join(dir, STORE_FILE);
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const { store } = await openAppStore(dir);
    expect(mode(file)).toBe(0o600);
    await store.close();
  });

  it('a damaged store is refused, as the start-up dialog reports it', async () => {
    writeFileSync(join(dir, STORE_FILE), Buffer.concat([Buffer.from('SQLite format 3\0'), randomBytes(4096)]));
    await expect(openAppStore(dir)).rejects.toBeInstanceOf(StoreOpenError);
  });
});
