import { create } from 'zustand';
import type { TopPage } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { useSession } from './session';
import { withSession } from './sessionCall';

type TopPageState = {
  page: TopPage | null;
  error: AppError | null;
  openNoticeId: number | null;
  showAllNotices: boolean;
  load: () => Promise<void>;
  /** SPEC R-TOP-3: opening a notice shows its text and marks it read. */
  toggleNotice: (id: number) => Promise<void>;
  toggleShowAll: () => void;
};

const initial = { page: null, error: null, openNoticeId: null, showAllNotices: false };

export const useTopPage = create<TopPageState>((set, get) => ({
  ...initial,
  async load() {
    const result = await withSession((api, sessionId) => api.top.get({ sessionId }));
    set(result.ok ? { page: result.value, error: null } : { error: result.error });
  },
  async toggleNotice(id) {
    const { page, openNoticeId } = get();
    if (openNoticeId === id) return set({ openNoticeId: null });
    set({ openNoticeId: id });
    const notice = page?.notices.find((n) => n.id === id);
    if (!notice || notice.read) return;
    const result = await withSession((api, sessionId) => api.top.markNoticeRead({ sessionId, noticeId: id }));
    const current = get().page;
    if (!result.ok || !current) return set({ error: result.ok ? null : result.error });
    set({
      page: {
        ...current,
        unreadCount: result.value.unreadCount,
        notices: current.notices.map((n) => (n.id === id ? { ...n, read: true } : n)),
      },
    });
  },
  toggleShowAll: () => set({ showAllNotices: !get().showAllNotices }),
}));

// One user's top page never shows to the next one: the data goes when the session does.
useSession.subscribe((s, prev) => {
  if (s.info !== prev.info) useTopPage.setState(initial);
});
