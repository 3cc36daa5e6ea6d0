import { useT } from '../i18n';
import { useLanguage, type Lang } from '../stores/language';

const LANGS: readonly { lang: Lang; label: string }[] = [
  { lang: 'ja', label: '日本語' },
  { lang: 'en', label: 'English' },
];

/** 日本語 / English, each label in its own language so either reader finds theirs. */
export function LanguageSwitch() {
  const t = useT();
  const { lang, setLang } = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t.app.language}>
      {LANGS.map((option) => (
        <button
          key={option.lang}
          type="button"
          lang={option.lang}
          aria-pressed={lang === option.lang}
          onClick={() => setLang(option.lang)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
