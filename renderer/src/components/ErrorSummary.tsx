import type { MouseEvent } from 'react';
import { useT } from '../i18n';
import { focusField } from './focus';
import type { Problem } from './useSubmission';

/**
 * GOV.UK's error summary: at the top of a submitted form, every field's problem as a link to that field. The
 * live region is always in the page, so that the list appearing in it is announced; it is assertive rather
 * than role="alert", leaving that role to the one message about the whole form (Alert).
 */
export function ErrorSummary({ problems }: { problems: readonly Problem[] }) {
  const t = useT();
  const go = (id: string) => (event: MouseEvent) => {
    event.preventDefault();
    focusField(id);
  };
  return (
    <div aria-live="assertive" className={problems.length > 0 ? 'error-summary' : undefined}>
      {problems.length > 0 && (
        <>
          <h2 className="error-summary-title">{t.app.problem}</h2>
          <ul className="error-summary-list">
            {problems.map((p) => (
              <li key={p.id}>
                <a href={`#${p.id}`} onClick={go(p.id)}>
                  {p.message}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
