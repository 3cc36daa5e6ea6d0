import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { seal, unseal, type SealKey } from '../crypto/seal';
import { emptyLedger, ledgerSchema, type Ledger } from './ledger';

/**
 * The ledger at rest, sealed like the blocks (its integrity matters: a ledger with a step taken out would let
 * that code be used again) and replaced atomically: written beside, flushed, then renamed over the old one,
 * so a crash leaves the old ledger or the new one, never half of one.
 */
const associated = (desktopId: string) => `offline-ledger:v1:${desktopId}`;

export function readLedger(path: string, key: SealKey, desktopId: string): Ledger {
  if (!existsSync(path)) return emptyLedger();
  const text = unseal(key, readFileSync(path), associated(desktopId)).toString('utf8');
  return ledgerSchema.parse(JSON.parse(text));
}

export function writeLedger(path: string, key: SealKey, desktopId: string, ledger: Ledger): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, seal(key, Buffer.from(JSON.stringify(ledger), 'utf8'), associated(desktopId)));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
