import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_APPLY_BATCH } from '../shared/contract/syncChannels';
import { userRowVersion, type OutboxOperation } from '../shared/contract/syncModels';
import { hashPassword, serverKdf, storedKeyOf } from '../main/crypto/password';
import { startTempPostgres } from '../main/demo/tempPostgres';
import { proofKeyOf, proofMacOf } from '../main/offline/offlineKeys';
import { uuidv7 } from '../main/offline/uuidv7';
import { reportParts } from '../main/sync/reportParts';
import { codeAtStep, stepAt } from '../main/otp/totp';
import { createServer } from '../main/server/createServer';
import { makeSelfSigned } from '../main/server/selfSigned';
import { serverCore } from '../main/server/serverCore';
import { defaultRules } from '../main/config/rules';
import { registerDesktop } from '../main/store/repos/desktops';
import { recordIssuedBlock } from '../main/store/repos/offlineBlocks';
import { addCompany, addTokens, PRODUCT_TOKEN } from '../main/store/repos/provision';
import { openPostgresStore } from '../main/store/postgres/open';
import type { Db } from '../main/store/transaction';
import { companyUserRows } from '../main/users/list';
import { report, summarise, type Row } from './lib/measure';
import { httpsClient } from './lib/serverStorm';

/**
 * The server's side of a reconnect (SPEC R-OFF-7): a 1,000-operation outbox replayed through `sync:apply` in
 * batches of MAX_APPLY_BATCH, one request after another as the desktop sends them, over HTTPS to the real Fastify
 * server in this process, on a local PostgreSQL. The outbox mixes revocations, unlocks, changes and a few registrations (each hashes two
 * passwords with the server's Argon2id), every one proved by its own reported offline step.
 */
const OPS = 1_000;

const REGISTRATIONS = 10;
const loginIdOf = (i: number) => `b${String(i).padStart(7, '0')}`;
const sealKey = randomBytes(32);
/** The operator's token seed and authentication hash: the desktop's step-up makes each proof's MAC from them. */
const operatorSeed = randomBytes(20);
let operatorHash = '';

async function populate(db: Db, now: Date): Promise<number> {
  const hash = await hashPassword('Bench#2026', { N: 2 ** 10, r: 8, p: 1 });
  operatorHash = hash;
  const companyId = await addCompany(db, { code: 'B0001', name: '同期試験商事' });
  const expiresAt = new Date(now.getTime() + 365 * 86_400_000);
  const tokens = Array.from({ length: OPS + 1 }, (_, n) => ({ ...PRODUCT_TOKEN, serial: String(310_000_000 + n), seed: n === 0 ? operatorSeed : randomBytes(20), expiresAt, companyId }));
  await addTokens(db, sealKey, tokens, now);
  for (let i = 0; i <= OPS; i += 500) {
    const ids = Array.from({ length: Math.min(500, OPS + 1 - i) }, (_, k) => i + k);
    const locked = (n: number) => (n % 4 === 1 ? now.getTime() : null);
    const users = ids.map((n) => ({ company_id: companyId, login_id: loginIdOf(n), name: `利用者 ${n}`, user_type: n === 0 ? ('master' as const) : ('general' as const), login_password_hash: hash, auth_password_hash: hash, locked_at: locked(n), created_at: now.getTime() }));
    await db.insertInto('users').values(users).execute();
  }
  const users = await db.selectFrom('users').select(['id', 'login_id']).where('company_id', '=', companyId).execute();
  const tokenIds = new Map((await db.selectFrom('tokens').select(['id', 'serial']).execute()).map((t) => [t.serial, t.id]));
  const rows = users.map((u) => ({ user_id: u.id, token_id: tokenIds.get(String(310_000_000 + Number(u.login_id.slice(1))))!, state: 'active' as const, assigned_at: now.getTime() }));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('token_assignments').values(rows.slice(i, i + 500)).execute();
  return companyId;
}

/**
 * The blocks the desktop would have been issued for the operator (sync:issue-block records each as this does):
 * consecutive blocks of the product's length covering the `count` steps from `first`, so every step reported is
 * one of an issued block.
 */
async function recordBlocks(db: Db, desktopId: string, first: number, count: number, now: Date): Promise<void> {
  const user = await db.selectFrom('users').select('id').where('login_id', '=', loginIdOf(0)).executeTakeFirstOrThrow();
  const token = await db.selectFrom('tokens').select('id').where('serial', '=', '310000000').executeTakeFirstOrThrow();
  const length = defaultRules.offline.blockSteps + 2 * defaultRules.otp.driftWindowSteps + 1;
  for (let s = first; s < first + count; s += length) {
    await recordIssuedBlock(db, { desktopId, userId: user.id, tokenId: token.id, firstStep: s, lastStep: Math.min(s + length, first + count) - 1, period: 60 }, now);
  }
}

/** The operation as the desktop queued it: made while its step was the token's, its proof's MAC over all of it. */
type Unsigned = Omit<OutboxOperation, 'proof'> & { proof: { serial: string; step: number } };

function signed(op: Unsigned): OutboxOperation {
  const code = codeAtStep(operatorSeed, op.proof.step, PRODUCT_TOKEN);
  return { ...op, proof: { ...op.proof, mac: proofMacOf(proofKeyOf(code, storedKeyOf(operatorHash)!, op.proof.serial, op.proof.step), op) } };
}

/** Operation n of the outbox: 1 in 4 a revocation, 1 in 4 an unlock (of a locked user), the rest changes; a few registrations. */
function operationOf(n: number, step: number, versions: Map<string, string>, now: Date): OutboxOperation {
  return signed(unsignedOf(n, step, versions, now));
}

function unsignedOf(n: number, step: number, versions: Map<string, string>, now: Date): Unsigned {
  const target = loginIdOf(n + 1);
  const base = { key: uuidv7(now), operator: loginIdOf(0), proof: { serial: '310000000', step }, queuedAt: step * 60_000 + 1_000 };
  if (n < REGISTRATIONS) {
    const request = { loginId: `n${String(n).padStart(7, '0')}`, name: `新人 ${n}`, userType: 'general', initialLoginPassword: 'Init#Login1', initialAuthPassword: 'Init#Auth1' };
    return { ...base, channel: 'users:register', request, baseVersions: {} };
  }
  const baseVersions = { [target]: versions.get(target)! };
  if ((n + 1) % 4 === 0) return { ...base, channel: 'tokens:revoke', request: { loginIds: [target] }, baseVersions };
  if ((n + 1) % 4 === 1) return { ...base, channel: 'users:unlock', request: { loginId: target }, baseVersions };
  return { ...base, channel: 'users:update', request: { loginId: target, name: `変更 ${n}` }, baseVersions };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'otp-bench-offline-server-'));
  const postgres = await startTempPostgres({ prefix: 'otp-bench-offline-pg-' });
  const store = await openPostgresStore({ connectionString: postgres.url });
  const now = new Date();
  const core = serverCore({ store, sealKey, setupPolicy: 'closed', kdf: serverKdf, logBug: (name, e) => console.error(name, e) });
  const tls = makeSelfSigned(dir);
  const app = await createServer({ core, tls, rateLimit: { max: 10_000_000, timeWindowMs: 60_000 } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const client = httpsClient(`https://127.0.0.1:${(app.server.address() as { port: number }).port}`, tls.cert, 1);
  try {
    const companyId = await populate(store.db, now);
    const desktop = await registerDesktop(store.db, companyId, now);
    const proof = { desktopId: desktop.id, desktopSecret: desktop.secret };
    const versions = new Map((await companyUserRows(store.db, core.deps, companyId, 'loginId-asc', now)).map((r) => [r.loginId, userRowVersion(r)]));
    // Steps of the last OPS minutes, each operation made in its own step's minute, the blocks issued before.
    const first = stepAt(now, 60) - OPS;
    await recordBlocks(store.db, desktop.id, first, OPS, new Date((first - 1) * 60_000));
    const used = Array.from({ length: OPS }, (_, n) => ({ serial: '310000000', step: first + n, loginId: loginIdOf(0), at: now.getTime() }));
    // As the desktop sends them: in the parts the contract's bound allows (MAX_BLOCK_STEPS per login ID).
    const parts = reportParts([{ loginId: loginIdOf(0), tokenSerial: '310000000' }], { used, failures: {} });
    const t0 = performance.now();
    for (const part of parts) {
      const reported = await client.post('sync:report-steps', { ...proof, ...part });
      if (!reported.body.ok) throw new Error(`report refused: ${JSON.stringify(reported.body)}`);
      const unrecorded = (reported.body.value as { reports: { outcome: string }[] }).reports.filter((r) => r.outcome !== 'recorded');
      if (unrecorded.length > 0) throw new Error(`${unrecorded.length} reported steps not recorded: ${JSON.stringify(unrecorded[0])}`);
    }
    const reportMs = performance.now() - t0;
    const outbox = Array.from({ length: OPS }, (_, n) => operationOf(n, first + n, versions, now));
    const replay = async () => {
      const times: number[] = [];
      let accepted = 0;
      for (let i = 0; i < outbox.length; i += MAX_APPLY_BATCH) {
        const s = performance.now();
        const answer = await client.post('sync:apply', { ...proof, operations: outbox.slice(i, i + MAX_APPLY_BATCH) });
        times.push(performance.now() - s);
        const outcomes = (answer.body.value?.outcomes ?? []) as { accepted: boolean }[];
        accepted += outcomes.filter((o) => o.accepted).length;
      }
      return { times, accepted, seconds: times.reduce((a, b) => a + b, 0) / 1000 };
    };
    const applied = await replay();
    if (applied.accepted !== OPS) throw new Error(`${OPS - applied.accepted} operations refused`);
    const retried = await replay();
    const one = summarise(applied.times);
    const rows: Row[] = [
      { section: 'offline server', figure: `report ${OPS} offline steps (sync:report-steps, ${parts.length} requests within the bound, HTTPS, PostgreSQL)`, unit: 'ms', median: reportMs, p95: reportMs },
      { section: 'offline server', figure: `replay of a ${OPS}-operation outbox through sync:apply (HTTPS, PostgreSQL, ${REGISTRATIONS} registrations)`, unit: 's', median: applied.seconds, p95: applied.seconds, goal: '< 5 s', met: applied.seconds < 5 },
      { section: 'offline server', figure: `  one sync:apply of ${MAX_APPLY_BATCH} (median, p95)`, unit: 'ms', median: one.median, p95: one.p95 },
      { section: 'offline server', figure: `  the same ${OPS} keys again (stored outcomes answered, nothing applied)`, unit: 's', median: retried.seconds, p95: retried.seconds },
    ];
    report(rows);
  } finally {
    client.close();
    await app.close();
    await store.close();
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
