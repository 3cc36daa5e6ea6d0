import { mayUse, type Access } from '../../shared/contract';
import type { AppError, ErrorCode } from '../../shared/errors';
import type { Session, SessionStore } from '../session/sessions';
import { blockedUntilPasswordsChange } from './passwordGate';

/** Admitted with the caller's session (none on a public channel), or refused with the user it resolved to. */
export type Admission =
  | { readonly ok: true; readonly session: Session | undefined }
  | { readonly ok: false; readonly error: AppError; readonly actor: string | null };

/** Why a live session may not call a channel of this access level, if it may not. */
function refusalFor(channelName: string, access: Access, session: Session): ErrorCode | null {
  if (blockedUntilPasswordsChange(channelName, session)) return 'PASSWORD_CHANGE_REQUIRED';
  return mayUse(access, session.userType) ? null : 'FORBIDDEN';
}

/**
 * The access the contract declares for a channel, checked before its service runs: a live session for every
 * level but `public`, the password-change gate, then the user's type (`mayUse`). Services keep only the rules
 * that need data (same company, not the master, not oneself).
 */
export async function admit(channelName: string, access: Access, request: unknown, sessions: SessionStore, now: Date, touch = true): Promise<Admission> {
  if (access === 'public') return { ok: true, session: undefined };
  const resolved = await sessions.resolve((request as { sessionId: string }).sessionId, now, touch);
  if (!resolved.ok) return { ok: false, error: resolved.error, actor: null };
  const code = refusalFor(channelName, access, resolved.value);
  return code ? { ok: false, error: { code }, actor: resolved.value.loginId } : { ok: true, session: resolved.value };
}
