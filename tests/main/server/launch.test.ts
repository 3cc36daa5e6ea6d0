import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importBackupCommand } from '../../../main/server/commands';
import { serverConfigSchema, type ServerConfig } from '../../../main/server/config';
import { launch } from '../../../main/server/launch';
import { makeSelfSigned } from '../../../main/server/selfSigned';
import { backupHarness, PASSPHRASE, writeBackup } from '../../support/backup';
import { dumpTables } from '../../support/db';
import { createHarness, PASSWORDS, type Harness } from '../../support/harness';
import { call, send } from '../../support/https';
import { DIALECT } from '../../support/stores';

/**
 * The company server as `npm run server` starts it (launch.ts), on the real PostgreSQL of the postgres project:
 * its store opened from the configured URL, its seal key read from a 0600 file.
 */
const skip = DIALECT !== 'postgres';
if (skip) console.log('skipped on SQLite: the company server runs on PostgreSQL (the postgres project runs this file)');
let dir: string;
let h: Harness;
const logged: string[] = [];
const logTo = { write: (line: string) => void logged.push(line) };

beforeEach(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'server-launch-'));
  h = await createHarness(); // the demo companies, their seeds sealed under h.sealKey
});
afterEach(async () => {
  if (skip) return;
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The configuration file's content for this store, with the seal key `key` in a 0600 file. */
function configWith(key: Buffer): ServerConfig {
  const keyFile = join(dir, `seal-${randomBytes(4).toString('hex')}.key`);
  writeFileSync(keyFile, key.toString('hex'), { mode: 0o600 });
  const tls = makeSelfSigned(mkdtempSync(join(dir, 'tls-')));
  const config = serverConfigSchema.parse({
    postgres: { url: h.location, poolSize: 2 },
    tls: { certFile: tls.certFile, keyFile: tls.keyFile },
    listen: { host: '127.0.0.1' },
    sealKey: { file: keyFile },
    logLevel: 'warn',
  });
  return { ...config, listen: { host: '127.0.0.1', port: 0 } };
}

describe.skipIf(skip)('the server proves its seal key on the stored seeds (issue 13, as the desktop does)', () => {
  it('issue 13: a seal key of the right form that does not open the stored seeds stops the start with a clear message', async () => {
    const before = await dumpTables(h.store.db);
    const started = launch(configWith(randomBytes(32)), { logTo });
    await expect(started).rejects.toThrow(/seal key does not open the seeds already stored/);
    expect(await dumpTables(h.store.db)).toEqual(before);
  });

  it('SPEC R-SRV-1: with the key that sealed them it starts, /readyz is ok and a password + OTP login is accepted', async () => {
    const config = configWith(h.sealKey);
    const running = await launch(config, { logTo });
    try {
      const ca = readFileSync(config.tls.certFile, 'utf8');
      expect(await send(running.url, ca, 'GET', '/readyz')).toMatchObject({ status: 200, body: { status: 'ok' } });
      const step = await call(running.url, ca, 'auth:login', { loginId: 'kmb05871', password: PASSWORDS.login });
      const { challengeId } = (step.body as { value: { challengeId: string } }).value;
      h.clock.set(new Date()); // the server runs on the system clock: the token's code of now
      const done = await call(running.url, ca, 'auth:verify-otp', { challengeId, otp: await h.codeOf('523405696') });
      expect(done.body).toMatchObject({ ok: true, value: { loginId: 'kmb05871' } });
    } finally {
      await running.app.close();
    }
  });

  it('issue 13: import-backup with a wrong seal key refuses before sealing anything; the right key gets as far as the backup itself', async () => {
    const desktop = await backupHarness();
    try {
      const file = await writeBackup(desktop);
      const before = await dumpTables(h.store.db);
      await expect(importBackupCommand(configWith(randomBytes(32)), file, PASSPHRASE)).rejects.toThrow(/seal key does not open the seeds already stored/);
      expect(await dumpTables(h.store.db)).toEqual(before);
      // The same backup's company is the demo company this store already holds: refused by the import, not the key.
      await expect(importBackupCommand(configWith(h.sealKey), file, PASSPHRASE)).rejects.toThrow(/BACKUP_REFUSED COMPANY_EXISTS/);
    } finally {
      await desktop.close();
    }
  });
});
