import type { UserRow } from '../../../shared/contract';
import { useT } from '../i18n';

type TokenExpiry = UserRow['tokenExpiry'];

/**
 * 期限間近 / 期限切れ next to a user's token expiry date, in words (colour only adds to them): the row's
 * `tokenExpiry`, decided by the main process with the configured warning period (SPEC R-TOK-4).
 */
export function ExpiryBadge({ state }: { state: TokenExpiry }) {
  const t = useT();
  if (state !== 'soon' && state !== 'expired') return null;
  return <span className={`badge badge-${state}`}>{t.expiry[state]}</span>;
}
