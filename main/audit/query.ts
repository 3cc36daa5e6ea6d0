import type { z } from 'zod';
import type { auditFilterSchema, AuditRow } from '../../shared/contract/adminModels';
import type { Session } from '../session/sessions';
import type { AuditQuery } from '../store/repos/auditQuery';
import type { AuditTable } from '../store/schema';

export type AuditFilter = z.infer<typeof auditFilterSchema>;

const millis = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

/** The operator's company, always: a filter narrows it and never widens it. */
export const queryOf = (session: Session, filter: AuditFilter): AuditQuery => ({
  companyId: session.companyId,
  loginId: filter.loginId,
  action: filter.action,
  from: millis(filter.from),
  to: millis(filter.to),
});

type Listed = Pick<AuditTable, 'at' | 'actor_login_id' | 'action' | 'target_login_id' | 'result' | 'reason'> & { id: number };

export const toAuditRow = (r: Listed): AuditRow => ({
  id: r.id,
  at: new Date(r.at).toISOString(),
  actor: r.actor_login_id,
  action: r.action,
  target: r.target_login_id,
  result: r.result,
  reason: r.reason,
});
