import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBackup } from '../../../main/backup/importBackup';
import { value } from '../../support/admin';
import { backupHarness, closedAfterEach, PASSPHRASE, serverWithCompany, writeBackup } from '../../support/backup';
import { dumpTables } from '../../support/db';
import { nextStep, PASSWORDS, type Harness } from '../../support/harness';
import { DIALECT } from '../../support/stores';

const track = closedAfterEach();


const companyRows = async (h: Harness, code: string) => {
  const company = await h.store.db.selectFrom('companies').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  return { company, users: await h.store.db.selectFrom('users').selectAll().where('company_id', '=', company.id).orderBy('id').execute() };
};

describe(`server import of a standalone backup (issue 15), on ${DIALECT}`, () => {
  const where = DIALECT === 'postgres' ? 'the real PostgreSQL' : 'SQLite (the postgres project runs it on PostgreSQL)';
  it(`SPEC R-SRV-3, R-OTP-2: server import of a standalone backup into a new company on ${where}: the server's company untouched, the desktop's master logs in with its token`, async () => {
    const desktop = track(await backupHarness());
    const file = await writeBackup(desktop);
    const server = await serverWithCompany(track);
    const before = await companyRows(server, 'S0001');
    server.clock.set(desktop.clock.now());
    const imported = value(await importBackup(server.store.db, server.sealKey, file, PASSPHRASE, server.clock.now(), 'server'));
    expect(imported.companies).toEqual(expect.arrayContaining(['C0001']));
    expect(await companyRows(server, 'S0001')).toEqual(before);
    nextStep(server);
    const step = value(await server.core.api.auth.login({ loginId: 'kmb05871', password: PASSWORDS.login }));
    if (step.kind !== 'needsOtp') throw new Error(step.kind);
    const session = value(await server.core.api.auth.verifyOtp({ challengeId: step.challengeId, otp: await server.codeOf('523405696') }));
    expect(session.userType).toBe('master');
  });

  it('SPEC R-TOK-3: the same backup imported twice is refused the second time, and nothing changes', async () => {
    const desktop = track(await backupHarness());
    const file = await writeBackup(desktop);
    const server = await serverWithCompany(track);
    value(await importBackup(server.store.db, server.sealKey, file, PASSPHRASE, server.clock.now(), 'server'));
    const before = await dumpTables(server.store.db);
    expect(await importBackup(server.store.db, server.sealKey, file, PASSPHRASE, server.clock.now(), 'server')).toEqual({ ok: false, error: { code: 'BACKUP_REFUSED', problem: 'COMPANY_EXISTS' } });
    expect(await dumpTables(server.store.db)).toEqual(before);
  });

  // The command speaks to PostgreSQL only: it is the company server's.
  it.runIf(DIALECT === 'postgres')('the server command import-backup asks the passphrase on standard input, never on the command line', async () => {
    const desktop = track(await backupHarness());
    const path = join(desktop.folder, 'copy.otpbackup');
    writeFileSync(path, await writeBackup(desktop));
    const server = await serverWithCompany(track);
    // The server's own configuration file: its PostgreSQL, and its seal key (here from the environment).
    const config = join(desktop.folder, 'server.json');
    const tls = { certFile: 'unused-cert.pem', keyFile: 'unused-key.pem' };
    writeFileSync(config, JSON.stringify({ postgres: { url: server.location }, tls, listen: {}, sealKey: { env: 'OTP_SEAL_KEY' } }));
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/server/cli.ts', 'import-backup', '--config', config, path], {
      env: { ...process.env, OTP_SEAL_KEY: server.sealKey.toString('hex') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.stdin.end(`${PASSPHRASE}\n`);
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect({ code, out }).toMatchObject({ code: 0, out: expect.stringContaining('imported company C0001') });
    expect(child.spawnargs.join(' ')).not.toContain(PASSPHRASE);
    expect((await companyRows(server, 'C0001')).users.length).toBeGreaterThan(0);
  });
});
if (DIALECT !== 'postgres') console.log('server import-backup command: runs in the postgres project only (the command speaks to PostgreSQL)');
