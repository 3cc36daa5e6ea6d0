import type { Notice } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { useTopPage } from '../../stores/topPage';

type Props = { notice: Notice; date: string; ends: string };

/** One notice: its title opens the text below it (a disclosure) and marks it read. */
export function NoticeRow({ notice, date, ends }: Props) {
  const t = useT();
  const open = useTopPage((s) => s.openNoticeId === notice.id);
  const toggleNotice = useTopPage((s) => s.toggleNotice);
  const bodyId = `notice-body-${notice.id}`;
  return (
    <>
      <tr className={notice.read ? undefined : 'notice-unread'}>
        <td>{date}</td>
        <td>
          <button type="button" className="link-button" aria-expanded={open} aria-controls={bodyId} onClick={() => void toggleNotice(notice.id)}>
            {notice.title}
          </button>
          {!notice.read && <span className="badge badge-unread">{t.top.unread}</span>}
        </td>
        <td>{ends}</td>
      </tr>
      <tr id={bodyId} className="notice-body" hidden={!open}>
        <td colSpan={3}>{notice.body}</td>
      </tr>
    </>
  );
}
