import type { TopPage } from '../../../../shared/contract';
import { formatDateTime } from '../../format/jst';
import { useT } from '../../i18n';
import { useLanguage } from '../../stores/language';

/** SPEC R-TOP-2: the user's recent logins, newest first, failures included. */
export function LoginHistory({ records }: { records: TopPage['loginHistory'] }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">{t.top.history}</h2>
      {records.length === 0 ? (
        <p>{t.top.noHistory}</p>
      ) : (
        <table className="plain-table">
          <thead>
            <tr>
              <th scope="col">{t.top.historyAt}</th>
              <th scope="col">{t.top.historyResult}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r, i) => (
              <tr key={`${r.at}-${i}`} className={r.result === 'failure' ? 'history-failure' : undefined}>
                <td>{formatDateTime(r.at, lang)}</td>
                <td>{t.top.results[r.result]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
