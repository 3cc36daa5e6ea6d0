import { mustChangePasswords } from '../../account/passwords';
import type { RulesConfig } from '../../config/rules';
import type { SealKey } from '../../crypto/seal';
import { withSeed } from '../../otp/consume';
import { codeAtStep } from '../../otp/totp';
import { activeTokenOf } from '../../store/repos/assignments';
import type { DesktopRegistration } from '../../store/repos/desktops';
import { findUserById } from '../../store/repos/users';
import type { Db } from '../../store/transaction';
import { issueBlock, type OfflineBlock } from '../block';

/**
 * The server's side of SPEC R-OFF-1/2: after a successful online login on a registered desktop, the block
 * for that user and desktop. None for a user of another company, a locked or removed one, one still on the
 * initial passwords, or one without an active token. The codes are made while the seed is open and the seed is wiped before any hashing.
 */
export async function issueForDesktop(db: Db, key: SealKey, rules: RulesConfig, desktop: DesktopRegistration, userId: number, now: Date): Promise<OfflineBlock | null> {
  const user = await findUserById(db, userId);
  if (!user || user.company_id !== desktop.companyId || user.deleted_at !== null || user.locked_at !== null) return null;
  // Initial passwords are known to the admin who set them: no offline login until the user has chosen their own.
  if (mustChangePasswords(user)) return null;
  const active = await activeTokenOf(db, user.id);
  if (!active || active.token.state !== 'active' || active.token.expires_at <= now.getTime()) return null;
  const t = active.token;
  const token = { serial: t.serial, params: { algorithm: t.algorithm, digits: t.digits, period: t.period }, drift: t.drift, lastStep: t.last_step };
  const company = await db.selectFrom('companies').select('name').where('id', '=', user.company_id).executeTakeFirstOrThrow();
  const blockUser = {
    companyId: user.company_id,
    companyName: company.name,
    userId: user.id,
    loginId: user.login_id,
    name: user.name,
    userType: user.user_type,
  };
  const codesAt = (steps: readonly number[]) => withSeed(key, t, (seed) => steps.map((step) => codeAtStep(seed, step, token.params)));
  const hashes = { login: user.login_password_hash, auth: user.auth_password_hash };
  return issueBlock({ desktopId: desktop.id, user: blockUser, hashes, token, codesAt, now, rules });
}
