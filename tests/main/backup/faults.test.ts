import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEADER_BYTES } from '../../../main/backup/format';
import { writeFileAtomic } from '../../../main/backup/writeAtomic';
import { value } from '../../support/admin';
import { BACKUP_NAME, backupHarness, closedAfterEach, PASSPHRASE, restoreInput, saveInto, writeBackup, type DesktopHarness } from '../../support/backup';
import { dumpTables } from '../../support/db';
import { auditRows, createHarness, loginWithOtp, nextStep, stepUp } from '../../support/harness';

const track = closedAfterEach();

let good: Buffer;
beforeAll(async () => {
  const h = await backupHarness();
  good = await writeBackup(h);
  await h.close();
});

/** A restore onto an empty store that must be refused with `problem` and leave the store exactly as it was. */
async function refusedRestore(file: Buffer, problem: string, passphrase = PASSPHRASE) {
  const target = track(await createHarness({ seed: false }));
  const before = await dumpTables(target.store.db);
  expect(await target.core.api.backup.restore(restoreInput(file, passphrase))).toEqual({ ok: false, error: { code: 'BACKUP_REFUSED', problem } });
  expect(await dumpTables(target.store.db)).toEqual(before);
  expect(await target.core.api.setup.status({})).toEqual({ ok: true, value: { needsSetup: true, canResume: false } });
}

const flipped = (at: number) => {
  const copy = Buffer.from(good);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

/** A header rewritten with another version and its digest made to match, as a later app would write it. */
function withVersion(version: number): Buffer {
  const copy = Buffer.from(good);
  copy.writeUInt16BE(version, 8);
  createHash('sha256').update(copy.subarray(0, 88)).digest().copy(copy, 88);
  return copy;
}

describe('restore refuses a bad file and writes nothing (issue 15)', () => {
  it('SPEC R-GEN-3: a wrong passphrase', () => refusedRestore(good, 'WRONG_PASSPHRASE', 'wrong horse battery'));
  it('SPEC R-GEN-3: a file cut short, inside the payload and inside the header', async () => {
    await refusedRestore(good.subarray(0, good.length - 1), 'TRUNCATED');
    await refusedRestore(good.subarray(0, Math.floor(good.length / 2)), 'TRUNCATED');
    await refusedRestore(good.subarray(0, 40), 'TRUNCATED');
  });
  it('SPEC R-GEN-3: a changed byte anywhere: payload, tag, header, and a byte added at the end', async () => {
    await refusedRestore(flipped(HEADER_BYTES + 10), 'DAMAGED');
    await refusedRestore(flipped(good.length - 1), 'DAMAGED');
    await refusedRestore(flipped(25), 'DAMAGED');
    await refusedRestore(Buffer.concat([good, Buffer.from([0])]), 'DAMAGED');
  });
  it('SPEC R-GEN-3: a header forged with a matching digest fails the key check, which covers salt, KDF and nonce', async () => {
    const copy = flipped(40);
    createHash('sha256').update(copy.subarray(0, 88)).digest().copy(copy, 88);
    await refusedRestore(copy, 'WRONG_PASSPHRASE');
  });
  it('SPEC R-GEN-3: a file from a newer format version', () => refusedRestore(withVersion(2), 'NEWER_VERSION'));
  it('SPEC R-GEN-3: a file of another product: a text file, an SQLite store of this app, an empty file', async () => {
    await refusedRestore(Buffer.from('upn,serial number,secret key\r\n', 'utf8'), 'NOT_A_BACKUP');
    const desktop = track(await backupHarness());
    await refusedRestore(readFileSync(desktop.location), 'NOT_A_BACKUP');
    await refusedRestore(Buffer.alloc(0), 'NOT_A_BACKUP');
  });
  it('SPEC R-GEN-3: a backup of a store migrated by a later app (a schema this app does not know)', async () => {
    const h = track(await backupHarness());
    // What a later app's migration leaves behind: its name in schema_migrations.
    await sql`insert into schema_migrations (name, applied_at) values ('999_later', 0)`.execute(h.store.db);
    await refusedRestore(await writeBackup(h), 'NEWER_VERSION');
  });
  it('restoring onto a store that already holds a company is refused: no merge, no overwrite', async () => {
    const target = track(await createHarness());
    const before = await dumpTables(target.store.db);
    expect(await target.core.api.backup.restore(restoreInput(good))).toEqual({ ok: false, error: { code: 'BACKUP_REFUSED', problem: 'STORE_NOT_EMPTY' } });
    expect(await dumpTables(target.store.db)).toEqual(before);
  });
});

describe('backup refusals and write faults (issue 15)', () => {
  const folder = (h: DesktopHarness) => readdirSync(h.folder);

  it('SPEC R-GEN-3: a disk full while writing (ENOSPC from /dev/full): a clear refusal, no file under the name, no temporary file left', async () => {
    // The temporary name is made as usual; its writes go to /dev/full, which answers every write with ENOSPC.
    const fullDisk = async (temp: string) => {
      await writeFile(temp, '', { flag: 'wx' });
      return open('/dev/full', 'w');
    };
    const h = track(await backupHarness({ backupFiles: (dir) => ({ ...saveInto(dir), write: (target, bytes) => writeFileAtomic(target, bytes, fullDisk) }) }));
    const { sessionId } = await loginWithOtp(h, 'kmb05871');
    nextStep(h);
    const usersBefore = await h.store.db.selectFrom('users').selectAll().execute();
    const result = await h.core.api.backup.create({ sessionId, passphrase: PASSPHRASE, ...(await stepUp(h)) });
    expect(result).toEqual({ ok: false, error: { code: 'BACKUP_REFUSED', problem: 'DISK_FULL' } });
    expect(folder(h)).toEqual([]);
    expect(await h.store.db.selectFrom('users').selectAll().execute()).toEqual(usersBefore);
    const rows = (await auditRows(h)).slice(-2).map((r) => [r.action, r.result, r.detail]);
    expect(rows).toEqual([
      ['backup.start', 'success', JSON.stringify({ fileName: BACKUP_NAME })],
      ['backup.create', 'failure', JSON.stringify({ fileName: BACKUP_NAME, problem: 'DISK_FULL' })],
    ]);
  });

  it('a cancelled save dialog changes nothing and consumes no OTP', async () => {
    const h = track(await backupHarness({ backupFiles: () => ({ chooseTarget: () => Promise.resolve(null) }) }));
    const { sessionId } = await loginWithOtp(h, 'kmb05871');
    nextStep(h);
    const before = await dumpTables(h.store.db);
    const credentials = await stepUp(h);
    expect(await h.core.api.backup.create({ sessionId, passphrase: PASSPHRASE, ...credentials })).toEqual({ ok: false, error: { code: 'BACKUP_REFUSED', problem: 'CANCELLED' } });
    expect(await dumpTables(h.store.db)).toEqual(before);
  });

  it('SPEC R-OTP-4: a wrong authentication password writes no file and is audited', async () => {
    const h = track(await backupHarness());
    const { sessionId } = await loginWithOtp(h, 'kmb05871');
    nextStep(h);
    const result = await h.core.api.backup.create({ sessionId, passphrase: PASSPHRASE, authPassword: 'Wrong#2026', otp: await h.codeOf('523405696') });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_AUTH_PASSWORD', field: 'authPassword' } });
    expect(existsSync(join(h.folder, BACKUP_NAME))).toBe(false);
    expect((await auditRows(h)).at(-1)).toMatchObject({ action: 'stepup.password', result: 'failure' });
  });

  it('the passphrase rule of shared/input: eleven characters are refused at the passphrase', async () => {
    const h = track(await backupHarness());
    const { sessionId } = await loginWithOtp(h, 'kmb05871');
    nextStep(h);
    const result = await h.core.api.backup.create({ sessionId, passphrase: 'elevenchars', ...(await stepUp(h)) });
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'passphrase' } });
    expect(existsSync(join(h.folder, BACKUP_NAME))).toBe(false);
  });

  it('an admin and a general user are refused: the backup is the master\'s alone', async () => {
    const h = track(await backupHarness());
    const admin = await loginWithOtp(h, 'test12345');
    nextStep(h);
    expect(await h.core.api.backup.create({ sessionId: admin.sessionId, passphrase: PASSPHRASE, ...(await stepUp(h)) })).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    const general = await loginWithOtp(h, 'ippan001', '523405697');
    expect(await h.core.api.backup.create({ sessionId: general.sessionId, passphrase: PASSPHRASE, ...(await stepUp(h)) })).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(existsSync(join(h.folder, BACKUP_NAME))).toBe(false);
  });

  it('a backup file already under the chosen name is replaced whole, never appended to', async () => {
    const h = track(await backupHarness());
    const first = await writeBackup(h);
    nextStep(h);
    const second = await writeBackup(h);
    expect(second.equals(first)).toBe(false);
    const target = track(await createHarness({ seed: false }));
    value(await target.core.api.backup.restore(restoreInput(second)));
  });
});

describe('a crafted header cannot make the restore costly (issue 15)', () => {
  it('SPEC R-GEN-3: scrypt asked for 2^20 × r 16 (2 GiB) is refused as damaged before any key is derived', async () => {
    const copy = Buffer.from(good);
    copy.writeUInt8(20, 11);
    copy.writeUInt32BE(16, 12);
    createHash('sha256').update(copy.subarray(0, 88)).digest().copy(copy, 88);
    await refusedRestore(copy, 'DAMAGED');
  });
});
