import { useErrorText } from '../i18n';
import { useIsOffline } from './ReplicaBanner';

/**
 * SPEC R-OFF-6: token registration, seed import, R-REV-6, setup and one's own password changes need the server.
 * While it cannot be reached, their screens say so before the user fills them in; a submit is refused with the
 * same message, at the form.
 */
export function OfflineRefusalNote() {
  const describe = useErrorText();
  return useIsOffline() ? <p className="banner banner-warning">{describe({ code: 'OFFLINE_UNAVAILABLE' })}</p> : null;
}
