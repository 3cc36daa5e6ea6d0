import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from '../transaction';

/**
 * A connected desktop's registration with the server (migration 005). The desktop keeps its 32-byte secret
 * under its OS keychain and sends it with its ID; the server keeps only the secret's SHA-256 (a random
 * 256-bit secret needs no slow hash). Offline blocks are issued to, and sealed for, one registration.
 */
export type DesktopRegistration = { readonly id: string; readonly companyId: number };

const digest = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export async function registerDesktop(db: Db, companyId: number, now: Date): Promise<DesktopRegistration & { secret: string }> {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  await db.insertInto('desktops').values({ id, company_id: companyId, secret_hash: digest(secret), registered_at: now.getTime(), revoked_at: null }).execute();
  return { id, companyId, secret };
}

/** The registration an ID and secret prove, or undefined (unknown, wrong secret, or revoked). */
export async function findDesktop(db: Db, id: string, secret: string): Promise<DesktopRegistration | undefined> {
  const row = await db.selectFrom('desktops').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.revoked_at !== null) return undefined;
  const matches = timingSafeEqual(Buffer.from(row.secret_hash, 'hex'), Buffer.from(digest(secret), 'hex'));
  return matches ? { id: row.id, companyId: row.company_id } : undefined;
}
