import { useEffect } from 'react';
import { useT } from '../i18n';
import type { Dictionary } from '../i18n/ja';
import { phraseOf, useLink, type LinkPhrase } from '../stores/link';

export const linkText = (t: Dictionary, phrase: LinkPhrase): string =>
  phrase.kind === 'online' ? t.offline.online : phrase.kind === 'offline' ? t.offline.offline(phrase.waiting) : t.offline.syncing(phrase.done, phrase.total);

/**
 * A connected desktop's link (SPEC R-OFF-5..7), on every screen: オンライン, オフライン（送信待ち N件）or 同期中
 * (done/total). The polite live region is always in the page and holds only the news (useLink's `announced`),
 * so a screen reader hears each change once, not every poll; a standalone desktop shows nothing.
 */
export function LinkIndicator() {
  const t = useT();
  const watch = useLink((s) => s.watch);
  const status = useLink((s) => s.status);
  const announced = useLink((s) => s.announced);
  useEffect(() => watch(), [watch]);
  const phrase = status ? phraseOf(status) : null;
  return (
    <>
      {phrase && (
        <p className={`link-state link-${phrase.kind}`}>
          <span className="visually-hidden">{t.offline.link} </span>
          {linkText(t, phrase)}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announced ? `${t.offline.link} ${linkText(t, announced)}` : ''}
      </p>
    </>
  );
}
