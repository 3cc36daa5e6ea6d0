import pg from 'pg';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { startTempPostgres } from '../../main/demo/tempPostgres';
import { openPostgresStore } from '../../main/store/postgres/open';

/**
 * The real PostgreSQL of the `postgres` test project (vitest.config.ts): one throw-away server for the run,
 * started by the global setup below and stopped by its teardown; an empty, migrated template database; and a
 * fresh database copied from it for every store a test opens, so tests stay isolated and run in parallel.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { url: string; template: string; socketDir: string };
  }
}

const TEMPLATE = 'otp_template';

/** Vitest global setup: the server and the template, before any test file; the teardown stops the server. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTempPostgres({ prefix: 'otp-test-postgres-' });
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`create database ${TEMPLATE} template template0`);
    await admin.end();
    // Migrated once here; closed so that nothing is connected to it while copies are made.
    await (await openPostgresStore({ connectionString: server.urlOf(TEMPLATE) })).close();
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide('postgres', { url: server.url, template: TEMPLATE, socketDir: server.socketDir });
  // A run that is interrupted (Ctrl-C, a timeout's SIGTERM) never reaches the teardown: stop the server anyway,
  // then let the signal do what it would have done.
  const onSignal = (signal: NodeJS.Signals) => (server.stopNow(), process.kill(process.pid, signal));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal).once('exit', () => server.stopNow());
  return async () => {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await server.stop();
  };
}

let admin: pg.Pool | undefined;
let made = 0;
/** The next test's database, copied while the current test runs: a copy costs more than most tests. */
let prefetched: Promise<string> | undefined;

const adminPool = () =>
  (admin ??= new pg.Pool({ connectionString: inject('postgres').url, max: 2, idleTimeoutMillis: 1_000, allowExitOnIdle: true }));

/** A URL of the test server's database `name`. */
export function databaseUrl(name: string): string {
  const url = new URL(inject('postgres').url);
  url.pathname = `/${name}`;
  return url.toString();
}

async function copyTemplate(): Promise<string> {
  const name = `t_${process.pid}_${++made}`;
  await adminPool().query(`create database ${name} template ${inject('postgres').template} strategy file_copy`);
  return name;
}

/**
 * Dropped without waiting, ending its connections; the server and its folder go at the end of the run anyway.
 * A failed drop only leaves a database behind, so its error is not the test's.
 */
const dropLater = (name: string) => void adminPool().query(`drop database ${name} with (force)`).catch(() => undefined);

/** A new database, migrated (a copy of the template), for one store; `drop` removes it, ending its connections. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = await (prefetched ?? copyTemplate());
  prefetched = copyTemplate();
  prefetched.catch(() => undefined); // its error, if any, reaches the test that takes it
  return { url: databaseUrl(name), drop: async () => dropLater(name) };
}

/** A new database with nothing in it, not even the migrations: for tests of opening and migrating. */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `e_${process.pid}_${++made}`;
  await adminPool().query(`create database ${name} template template0`);
  return { url: databaseUrl(name), drop: async () => dropLater(name) };
}
