import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Opens the temporary file; tests hand one that fails as a full disk does (/dev/full answers ENOSPC). */
export type OpenTemp = (path: string) => Promise<FileHandle>;

const openExclusive: OpenTemp = (path) => open(path, 'wx', 0o600);

/** Written in slices, so a large file lets the event loop run between them. */
const SLICE = 1024 * 1024;

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  for (let at = 0; at < bytes.length; at += SLICE) {
    const slice = bytes.subarray(at, at + SLICE);
    for (let done = 0; done < slice.length; ) done += (await handle.write(slice, done)).bytesWritten;
  }
  await handle.sync();
}

/** The folder's entry for the rename is made durable too; a filesystem that cannot sync a folder is let be. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => null);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

/**
 * Writes `bytes` under `target` whole or not at all: a temporary name in the same folder, fsync, then rename
 * (atomic within one filesystem). A failure, or a kill at any point, leaves nothing under the chosen name; a
 * failure also removes the temporary file.
 */
export async function writeFileAtomic(target: string, bytes: Buffer, openTemp: OpenTemp = openExclusive): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  let handle: FileHandle | undefined;
  try {
    handle = await openTemp(temp);
    await writeAll(handle, bytes);
    await handle.close();
    handle = undefined;
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(target));
}
