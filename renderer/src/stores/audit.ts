import { create } from 'zustand';
import type { z } from 'zod';
import type { AuditRow, auditFilterSchema } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { base64ToBlob, saveBlob } from '../format/base64';
import { useSession } from './session';
import { withSession } from './sessionCall';

/** As the contract takes it: login ID, action, and ISO instants (the screen turns JST dates into them). */
export type AuditFilter = z.input<typeof auditFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;

type AuditState = {
  filter: AuditFilter;
  offset: number;
  rows: AuditRow[];
  total: number;
  loaded: boolean;
  error: AppError | null;
  /** The file the last CSV出力 saved. */
  exported: string | null;
  search: (filter: AuditFilter) => Promise<AppError | null>;
  page: (offset: number) => Promise<void>;
  exportCsv: () => Promise<AppError | null>;
};

const initial = { filter: {}, offset: 0, rows: [], total: 0, loaded: false, error: null, exported: null };

/** 操作履歴 (SPEC R-GEN-2): the company's audit log, newest first, filtered and paged by the main process. */
export const useAudit = create<AuditState>((set, get) => {
  async function fetch(filter: AuditFilter, offset: number): Promise<AppError | null> {
    const result = await withSession((api, sessionId) => api.audit.list({ sessionId, filter, offset, limit: AUDIT_PAGE_SIZE }));
    if (!result.ok) {
      set({ error: result.error, loaded: true });
      return result.error;
    }
    set({ filter, offset, rows: result.value.rows, total: result.value.total, loaded: true, error: null });
    return null;
  }
  return {
    ...initial,
    search: (filter) => {
      set({ exported: null });
      return fetch(filter, 0);
    },
    page: async (offset) => {
      await fetch(get().filter, offset);
    },
    async exportCsv() {
      const filter = get().filter;
      const result = await withSession((api, sessionId) => api.audit.exportCsv({ sessionId, filter }));
      if (!result.ok) return result.error;
      saveBlob(base64ToBlob(result.value.csvBase64, 'text/csv;charset=utf-8'), result.value.fileName);
      set({ exported: result.value.fileName });
      return null;
    },
  };
});

useSession.subscribe((s, prev) => {
  if (s.info !== prev.info) useAudit.setState(initial);
});
