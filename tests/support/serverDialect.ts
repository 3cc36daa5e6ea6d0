import { DIALECT } from './stores';

/**
 * Several server processes share their sessions through the store; a company server runs on PostgreSQL only
 * (SQLite's single writer and busy_timeout 0 are the desktop's). Tests of that run in the postgres project and
 * say so in the sqlite one.
 */
export const serverStoreOnly = (): boolean => {
  if (DIALECT === 'postgres') return false;
  console.log('skipped on SQLite: several company-server processes share one store only on PostgreSQL (the postgres project runs this file)');
  return true;
};
