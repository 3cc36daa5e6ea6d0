import type { TopPage } from '../../../../shared/contract';
import { formatDate } from '../../format/jst';
import { useT } from '../../i18n';
import { useLanguage } from '../../stores/language';
import { useTopPage } from '../../stores/topPage';
import { NoticeRow } from './NoticeRow';

/** How many notices show before すべてのお知らせを表示, as in the guide. */
const LATEST = 1;

/** SPEC R-TOP-3: お知らせ with the unread count; date, title and end-of-posting date; opening one reads it. */
export function Notices({ page }: { page: TopPage }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const showAll = useTopPage((s) => s.showAllNotices);
  const toggleShowAll = useTopPage((s) => s.toggleShowAll);
  const shown = showAll ? page.notices : page.notices.slice(0, LATEST);
  return (
    <section className="panel notices" aria-labelledby="notices-heading">
      <div className="panel-title">
        <h2 id="notices-heading">{t.top.notices(page.unreadCount)}</h2>
        {page.notices.length > LATEST && (
          <button type="button" className="link-button" aria-expanded={showAll} onClick={toggleShowAll}>
            {showAll ? t.top.showLatest : t.top.showAll}
          </button>
        )}
      </div>
      {page.notices.length === 0 ? (
        <p>{t.top.noNotices}</p>
      ) : (
        <>
          <p>
            {showAll ? t.top.shownAll(shown.length) : t.top.shown(shown.length)}
            <br />
            {t.top.howToRead}
          </p>
          <table className="plain-table notice-table">
            <thead>
              <tr>
                <th scope="col">{t.top.noticeDate}</th>
                <th scope="col">{t.top.noticeTitle}</th>
                <th scope="col">{t.top.noticeEnds}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((n) => (
                <NoticeRow key={n.id} notice={n} date={formatDate(n.publishedAt, lang)} ends={formatDate(n.endsAt, lang)} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
