import { failedRules, type PasswordContext } from '../../../shared/input/passwordPolicy';
import type { Check } from './useSubmission';

const unmet: Check = (t) => t.passwordRules.unmetSubmit;
const mismatch: Check = (t) => t.passwordRules.mismatch;

/** A new password and its second entry, checked before any call: the rules first, then the match. */
export function newPasswordChecks(password: string, confirm: string, context: PasswordContext): { password?: Check; confirm?: Check } {
  if (password === '') return {};
  if (failedRules(password, context).length > 0) return { password: unmet };
  return confirm !== '' && confirm !== password ? { confirm: mismatch } : {};
}

type Pair = { login: string; auth: string };

/** A user's two new passwords (and their second entries) at once: each is checked against the other too. */
export function newPasswordPair(loginId: string, next: Pair, confirm: Pair) {
  const contexts: Record<keyof Pair, PasswordContext> = {
    login: { loginId, otherPassword: next.auth || undefined },
    auth: { loginId, otherPassword: next.login || undefined },
  };
  return {
    contexts,
    login: newPasswordChecks(next.login, confirm.login, contexts.login),
    auth: newPasswordChecks(next.auth, confirm.auth, contexts.auth),
  };
}
