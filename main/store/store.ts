import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** An open store of either dialect (open.ts: SQLite, postgres/open.ts: PostgreSQL); the services see only this. */
export type Store = {
  readonly db: Kysely<Database>;
  close(): Promise<void>;
};

export class StoreOpenError extends Error {
  constructor(
    readonly reason: 'foreign' | 'damaged' | 'migration' | 'unreachable',
    message: string,
  ) {
    super(message);
  }
}
