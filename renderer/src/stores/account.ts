import type { AppError } from '../../../shared/errors';
import { withSession } from './sessionCall';

export type PasswordKind = 'login' | 'auth';

/**
 * A change of one's own password. The refusal's field (current / next) is renamed after the password it is
 * about, so one screen can hold both changes and still put each message at its own field.
 */
export async function changePassword(kind: PasswordKind, current: string, next: string): Promise<AppError | null> {
  const result = await withSession((api, sessionId) =>
    kind === 'login' ? api.account.changeLoginPassword({ sessionId, current, next }) : api.account.changeAuthPassword({ sessionId, current, next }),
  );
  if (result.ok) return null;
  const field = result.error.field?.split('.')[0];
  if (field === 'current' || field === 'next') return { ...result.error, field: `${field}${kind === 'login' ? 'Login' : 'Auth'}` };
  return result.error;
}
