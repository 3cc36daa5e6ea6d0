import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ok } from '../shared/errors';
import { startTempPostgres } from '../main/demo/tempPostgres';
import { openStore } from '../main/store/open';
import { openPostgresStore } from '../main/store/postgres/open';
import { addToken, PRODUCT_TOKEN } from '../main/store/repos/provision';
import { acceptStep } from '../main/store/repos/tokens';
import type { Store } from '../main/store/store';
import { transact } from '../main/store/transaction';
import { report, sampleMs, type Row } from './lib/measure';

/**
 * The conditional write of DESIGN-NOTES 1 (`UPDATE tokens SET last_step … WHERE last_step < :step`), each one
 * committed, on SQLite (WAL, synchronous=FULL) and on a local PostgreSQL 15 with fsync on (a fair durable
 * commit on both), alone and inside `transact` (BEGIN IMMEDIATE; SERIALIZABLE on PostgreSQL).
 */
const BATCH = 100;

async function rates(store: Store): Promise<{ alone: { median: number; p95: number }; inTransact: { median: number; p95: number } }> {
  const start = new Date('2026-11-24T01:00:30Z');
  const tokenId = await addToken(store.db, randomBytes(32), { ...PRODUCT_TOKEN, serial: '900000001', seed: randomBytes(20), expiresAt: new Date('2031-01-01'), companyId: null }, start);
  let step = 0;
  const write = async () => {
    if (!(await acceptStep(store.db, tokenId, ++step, 0, start))) throw new Error('the conditional write refused a fresh step');
  };
  const inTransact = async () => {
    const result = await transact(store.db, async (tx) => ok(await acceptStep(tx, tokenId, ++step, 0, start)));
    if (!result.ok || !result.value) throw new Error('the conditional write refused a fresh step');
  };
  const perSecond = async (op: () => Promise<void>) => {
    const ms = await sampleMs(async () => {
      for (let i = 0; i < BATCH; i++) await op();
    }, 20);
    return { median: (BATCH * 1000) / ms.median, p95: (BATCH * 1000) / ms.p95 };
  };
  return { alone: await perSecond(write), inTransact: await perSecond(inTransact) };
}

async function sqliteRates() {
  const dir = mkdtempSync(join(tmpdir(), 'otp-bench-'));
  const store = await openStore(join(dir, 'bench.sqlite'));
  try {
    return await rates(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRates() {
  const server = await startTempPostgres({ prefix: 'otp-bench-postgres-', fast: false });
  try {
    const store = await openPostgresStore({ connectionString: server.url });
    try {
      return await rates(store);
    } finally {
      await store.close();
    }
  } finally {
    await server.stop();
  }
}

async function main() {
  const sqlite = await sqliteRates();
  const postgres = await postgresRates();
  const section = 'store';
  const unit = 'writes/s';
  const rows: Row[] = [
    { section, figure: 'conditional write, one commit each, SQLite', unit, ...sqlite.alone },
    { section, figure: 'conditional write, one commit each, PostgreSQL 15', unit, ...postgres.alone, ratio: postgres.alone.median / sqlite.alone.median, ratioOf: 'SQLite' },
    { section, figure: 'conditional write in transact, SQLite (BEGIN IMMEDIATE)', unit, ...sqlite.inTransact },
    {
      section,
      figure: 'conditional write in transact, PostgreSQL 15 (SERIALIZABLE)',
      unit,
      ...postgres.inTransact,
      ratio: postgres.inTransact.median / sqlite.inTransact.median,
      ratioOf: 'SQLite',
    },
  ];
  report(rows);
}

void main();
