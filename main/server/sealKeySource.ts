import { readFileSync, statSync } from 'node:fs';
import { opensSample } from '../startup/sealKey';
import { sealedSample } from '../startup/storeFile';
import type { Db } from '../store/transaction';
import { ConfigError, type ServerConfig } from './config';

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

/**
 * The seed seal key of a company server: 64 hex digits from a file that only its owner may read or write
 * (mode 0600 or 0400; anything wider is refused, as ssh refuses a readable private key) or from the
 * environment. Production should keep it in a KMS or HSM instead (README).
 */
export function readSealKey(source: ServerConfig['sealKey'], env: NodeJS.ProcessEnv = process.env): Buffer {
  let text: string | undefined;
  if ('file' in source) {
    const mode = statSync(source.file).mode & 0o777;
    if ((mode & 0o077) !== 0) throw new ConfigError(`${source.file}: mode ${mode.toString(8)} lets others read the seal key; chmod 600 it`);
    text = readFileSync(source.file, 'utf8').trim();
  } else {
    text = env[source.env]?.trim();
    if (text === undefined) throw new ConfigError(`the environment has no ${source.env}`);
  }
  if (!HEX_KEY.test(text)) throw new ConfigError('the seal key must be 64 hex digits (32 bytes)');
  return Buffer.from(text, 'hex');
}

/**
 * A key of the right form may still be the wrong one (another server's, an old file): then every OTP check would
 * fail as INTERNAL and new seeds would be sealed under it. As the desktop's start does (main/startup/sealKey.ts),
 * the key must open one stored seed before the server serves or a command seals anything; a store without a
 * token takes any key.
 */
export async function assertOpensStoredSeeds(db: Db, key: Buffer): Promise<void> {
  const sample = await sealedSample(db);
  if (sample && !opensSample(key, sample)) {
    throw new ConfigError('the seal key does not open the seeds already stored (a wrong key file or variable?): nothing was started or changed');
  }
}
