import { formatDateTime } from '../../format/jst';
import { useT } from '../../i18n';
import { useLanguage } from '../../stores/language';
import { useNavigation } from '../../stores/navigation';

/** SPEC R-REV-6: who set this master's temporary authentication password and when, with the way to replace it. */
export function AuthResetBanner({ by, at }: { by: string; at: string }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const go = useNavigation((s) => s.go);
  return (
    <div className="banner banner-warning" role="note">
      <p>{t.replaceAuth.intro(by, formatDateTime(at, lang))}</p>
      <button type="button" className="button" onClick={() => go('replaceAuthPassword')}>
        {t.replaceAuth.title}
      </button>
    </div>
  );
}
