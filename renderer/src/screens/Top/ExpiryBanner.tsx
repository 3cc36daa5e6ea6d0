import { formatDateTime } from '../../format/jst';
import { useT } from '../../i18n';
import { useLanguage } from '../../stores/language';
import { useNavigation } from '../../stores/navigation';

type Props = { serial: string; expiresAt: string };

/** SPEC R-TOK-4: the user's token expires within the warning period (the main process decides which). */
export function ExpiryBanner({ serial, expiresAt }: Props) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const openLostToken = useNavigation((s) => s.openLostToken);
  return (
    <div className="banner banner-warning" role="note">
      <p>{t.top.expiry(serial, formatDateTime(expiresAt, lang))}</p>
      <button type="button" className="link-button" onClick={openLostToken}>
        {t.app.lostToken}
      </button>
    </div>
  );
}
