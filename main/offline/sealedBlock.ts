import { seal, unseal, type SealKey } from '../crypto/seal';
import { offlineBlockSchema, type OfflineBlock } from './block';

/**
 * A block at rest: AES-256-GCM under this desktop's keychain key, with the desktop's registration ID as
 * associated data, so a file copied to another desktop (other key) or relabelled (other ID) does not open.
 */
const associated = (desktopId: string) => `offline-block:v1:${desktopId}`;

export function sealBlock(key: SealKey, block: OfflineBlock): Buffer {
  return seal(key, Buffer.from(JSON.stringify(block), 'utf8'), associated(block.desktopId));
}

/** Null for anything that is not a block sealed by this desktop for this desktop. */
export function openBlock(key: SealKey, desktopId: string, bytes: Uint8Array): OfflineBlock | null {
  let contents: unknown;
  try {
    contents = JSON.parse(unseal(key, bytes, associated(desktopId)).toString('utf8'));
  } catch {
    return null;
  }
  const parsed = offlineBlockSchema.safeParse(contents);
  return parsed.success && parsed.data.desktopId === desktopId ? parsed.data : null;
}
