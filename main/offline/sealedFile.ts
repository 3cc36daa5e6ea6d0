import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { z } from 'zod';
import { seal, unseal, type SealKey } from '../crypto/seal';

/**
 * The desktop's offline state at rest (the ledger, the outbox), sealed like the blocks: its integrity matters
 * (a ledger with a step taken out would let that code be used again), so a file that does not open throws
 * rather than reads as empty. Replaced atomically: written beside, flushed, then renamed over the old one, so
 * a crash leaves the old file or the new one, never half of one. `label` (with the desktop ID) is the
 * associated data, so one kind of file cannot be passed off as another.
 */
export type SealedFile<T> = { readonly path: string; readonly key: SealKey; readonly label: string; readonly schema: z.ZodType<T>; readonly empty: () => T };

/** `required`: a missing file throws too (it was written at registration, so missing means removed). */
export function readSealed<T>(f: SealedFile<T>, required = false): T {
  if (!existsSync(f.path)) {
    if (required) throw new Error(`${f.label}: the file is missing`);
    return f.empty();
  }
  return f.schema.parse(JSON.parse(unseal(f.key, readFileSync(f.path), f.label).toString('utf8')));
}

export function writeSealed<T>(f: SealedFile<T>, value: T): void {
  writeAtomic(f.path, seal(f.key, Buffer.from(JSON.stringify(value), 'utf8'), f.label));
}

/** Written beside (owner only), flushed, then renamed over: the old file or the new one, never half of one. */
export function writeAtomic(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.tmp`;
  rmSync(tmp, { force: true });
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
