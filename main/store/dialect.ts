import { PostgresAdapter, type Kysely } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/**
 * Which database a query builder speaks, for the store layer only (transactions, migrations): the services
 * never ask (DESIGN-NOTES 8). A transaction's or a connection's builder shares its store's adapter.
 */
export function dialectOf<T>(db: Kysely<T>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
