import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh temporary folder per test under a permissive umask (022, as on many desktops), so a test of file
 * modes proves the code sets them rather than the environment. Returns a getter for the folder.
 */
export function permissiveTempDir(prefix: string): () => string {
  let dir = '';
  let umask = 0;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}
