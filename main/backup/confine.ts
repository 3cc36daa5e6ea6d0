import type { BackupProblem } from '../../shared/contract/backupProblems';
import type { Snapshot } from './load';

/**
 * What a company server imports of a backup: rows of the backup's own companies only (issue 19 finding 5,
 * SPEC R-SRV-3). Pure: the server's login IDs that an audit row names come in as `serverLoginIds`.
 * - A notice with no company (bank-wide on the PC it came from) becomes each backup company's own: its users
 *   still see it, read or unread as before, and no other company of the server ever does.
 * - A token with no company takes its holders' company; one nobody holds is dropped: imports bind tokens to a
 *   company, so such a token was never one of the company's, and on a server any company's user could claim it.
 *   Holders in two companies cannot happen (SPEC R-TOK-3): the file is refused.
 * - An audit row shows in the 操作履歴 of its actor's company, or, without one, of its target's: an actor outside
 *   the backup, a row with no actor whose target is not the backup's user, or a target that is a user of this
 *   server, would put it into (or name it to) another company. Such a file is refused whole.
 */
export type Confined = { ok: true; snapshot: Snapshot } | { ok: false; problem: BackupProblem };

/** The login IDs audit rows name beside their backup actor that are not the backup's: the server checks them. */
export function foreignTargets(s: Snapshot): string[] {
  const own = new Set(s.users.map((u) => u.login_id));
  const named = s.audit_log.filter((r) => r.actor_login_id !== null && r.target_login_id !== null && !own.has(r.target_login_id));
  return [...new Set(named.map((r) => r.target_login_id!))];
}

function auditIsOwn(s: Snapshot, serverLoginIds: ReadonlySet<string>): boolean {
  const own = new Set(s.users.map((u) => u.login_id));
  return s.audit_log.every(({ actor_login_id: actor, target_login_id: target }) => {
    if (actor !== null && !own.has(actor)) return false;
    if (target === null || own.has(target)) return true;
    // A backup user's row is shown by its actor: what it names is the user's own typing, unless it is someone here.
    return actor !== null && !serverLoginIds.has(target);
  });
}

/** Company-less tokens: bound to the one company of their holders, dropped without any; null if holders span two. */
function ownTokens(s: Snapshot): Snapshot['tokens'] | null {
  const companyOfUser = new Map(s.users.map((u) => [u.id, u.company_id]));
  const kept: Snapshot['tokens'] = [];
  for (const token of s.tokens) {
    if (token.company_id !== null) {
      kept.push(token);
      continue;
    }
    const companies = new Set(s.token_assignments.filter((a) => a.token_id === token.id).map((a) => companyOfUser.get(a.user_id)));
    if (companies.size > 1) return null;
    const [company] = companies;
    if (company !== undefined) kept.push({ ...token, company_id: company });
  }
  return kept;
}

/** Each company-less notice copied once per backup company, its reads following their reader's company. */
function ownNotices(s: Snapshot): Pick<Snapshot, 'notices' | 'notice_reads'> {
  const companyOfUser = new Map(s.users.map((u) => [u.id, u.company_id]));
  let next = Math.max(0, ...s.notices.map((n) => n.id)) + 1;
  const copyOf = new Map<string, number>();
  const notices = s.notices.flatMap((n) => {
    if (n.company_id !== null) return [n];
    return s.companies.map((c) => {
      const id = next++;
      copyOf.set(`${n.id}:${c.id}`, id);
      return { ...n, id, company_id: c.id };
    });
  });
  const notice_reads = s.notice_reads.map((r) => ({ ...r, notice_id: copyOf.get(`${r.notice_id}:${companyOfUser.get(r.user_id)}`) ?? r.notice_id }));
  return { notices, notice_reads };
}

export function confine(s: Snapshot, serverLoginIds: ReadonlySet<string>): Confined {
  if (!auditIsOwn(s, serverLoginIds)) return { ok: false, problem: 'FOREIGN_AUDIT' };
  const tokens = ownTokens(s);
  if (tokens === null) return { ok: false, problem: 'TOKEN_TWO_COMPANIES' };
  return { ok: true, snapshot: { ...s, tokens, ...ownNotices(s) } };
}
