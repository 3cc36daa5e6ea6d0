import { useEffect, useRef } from 'react';
import { useT } from '../i18n';

type Props = { title: string; section?: string; screenId?: string };

/**
 * The guide's title bar: section and title on the left, the screen ID (BLGI001...) on the right. The title
 * takes the focus when a screen opens, so a screen reader announces the new screen and Tab starts from it.
 */
export function ScreenHeader({ title, section, screenId }: Props) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="screen-header">
      <h1 ref={heading} tabIndex={-1}>
        {section && <span className="screen-section">{section}</span>}
        {title}
      </h1>
      {screenId && (
        <p className="screen-id">
          <span className="visually-hidden">{t.app.screenId} </span>
          {screenId}
        </p>
      )}
    </div>
  );
}
