import { randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRules } from '../main/config/rules';
import { hashPassword, serverKdf } from '../main/crypto/password';
import { startTempPostgres } from '../main/demo/tempPostgres';
import { issueForDesktop } from '../main/offline/atServer/issueForDesktop';
import { fingerprintOf } from '../main/remote/pin';
import { createRemote } from '../main/remote/remoteDispatch';
import { createServer } from '../main/server/createServer';
import { makeSelfSigned } from '../main/server/selfSigned';
import { serverCore } from '../main/server/serverCore';
import { openPostgresStore } from '../main/store/postgres/open';
import { registerDesktop } from '../main/store/repos/desktops';
import { addCompany, addToken, assign, PRODUCT_TOKEN } from '../main/store/repos/provision';
import type { Db } from '../main/store/transaction';
import { OfflineFiles } from '../main/sync/files';
import { OfflineDesk } from '../main/sync/offlineDesk';
import { runSync } from '../main/sync/syncRun';
import { report, summarise, timeMs, type Row } from './lib/measure';

/**
 * The sync at reconnect (SPEC R-OFF-5, R-OFF-7), desktop side: a fresh desktop holding its master's block syncs
 * with a real server on a local PostgreSQL over pinned HTTPS, and receives the replica of a 10,000-user company
 * (report of steps, empty outbox, replica written sealed). Each sample is a new desktop folder.
 */
const USERS = 10_000;
const SAMPLES = 5;

async function populate(db: Db, sealKey: Buffer, now: Date): Promise<{ companyId: number; masterId: number }> {
  const hash = await hashPassword('Bench#2026', serverKdf);
  const companyId = await addCompany(db, { code: 'S0001', name: '同期試験商事' });
  for (let i = 0; i < USERS; i += 1_000) {
    const users = Array.from({ length: Math.min(1_000, USERS - i) }, (_, k) => i + k).map((n) => ({
      company_id: companyId,
      login_id: `s${String(n).padStart(7, '0')}`,
      name: `利用者 ${n}`,
      user_type: n === 0 ? ('master' as const) : ('general' as const),
      login_password_hash: hash,
      auth_password_hash: hash,
      locked_at: null,
      created_at: now.getTime(),
    }));
    await db.insertInto('users').values(users).execute();
  }
  const master = await db.selectFrom('users').select('id').where('login_id', '=', 's0000000').executeTakeFirstOrThrow();
  const token = await addToken(db, sealKey, { ...PRODUCT_TOKEN, serial: '800000001', seed: randomBytes(20), expiresAt: new Date(now.getTime() + 365 * 86_400_000), companyId }, now);
  await assign(db, master.id, token, now);
  return { companyId, masterId: master.id };
}

async function main(): Promise<void> {
  const postgres = await startTempPostgres({ prefix: 'otp-bench-sync-pg-' });
  const store = await openPostgresStore({ connectionString: postgres.url });
  const sealKey = randomBytes(32);
  const now = new Date();
  const tlsDir = mkdtempSync(join(tmpdir(), 'otp-bench-sync-tls-'));
  const { companyId, masterId } = await populate(store.db, sealKey, now);
  const core = serverCore({ store, sealKey, setupPolicy: 'closed', logBug: () => {} });
  const tls = makeSelfSigned(tlsDir);
  const app = await createServer({ core, tls, rateLimit: { max: 1_000_000, timeWindowMs: 60_000 } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `https://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const remote = createRemote({ url, fingerprint: fingerprintOf(new X509Certificate(tls.cert).raw) });
  const times: number[] = [];
  let users = 0;
  try {
    for (let i = 0; i < SAMPLES + 1; i++) {
      const registered = await registerDesktop(store.db, companyId, now);
      const block = (await issueForDesktop(store.db, sealKey, defaultRules, registered, masterId, now))!;
      const dir = mkdtempSync(join(tmpdir(), 'otp-bench-sync-desktop-'));
      const files = OfflineFiles.open(dir, randomBytes(32));
      const registration = { desktopId: registered.id, desktopSecret: registered.secret };
      files.setRegistration(registration);
      files.setBlock(block);
      const desk = new OfflineDesk(files, defaultRules, () => new Date());
      const ms = await timeMs(async () => {
        if ((await runSync({ remote: remote.dispatch, desk, files, registration, progress: () => {} })) !== 'done') throw new Error('sync cut');
      });
      users = files.replica?.users?.length ?? 0;
      if (i > 0) times.push(ms);
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await remote.close();
    await app.close();
    await store.close();
    await postgres.stop();
    rmSync(tlsDir, { recursive: true, force: true });
  }
  const figure = summarise(times);
  const rows: Row[] = [
    { section: 'sync', figure: `sync of a ${users.toLocaleString('en')}-user company to a fresh desktop (replica, sealed)`, unit: 'ms', ...figure, goal: '< 2 s', met: figure.p95 < 2_000 },
  ];
  report(rows);
}

void main();
