import { MAX_BLOCK_STEPS, MAX_SYNC_HOLDERS } from '../../shared/contract/syncChannels';
import type { ReportedStep } from '../../shared/contract/syncModels';

/** One `sync:report-steps` request's content (without the credentials). */
export type ReportPart = { used: ReportedStep[]; failures: Record<string, number>; serials: string[]; holders: string[] };

type Group = { loginId: string; holder: boolean; serials: Set<string>; used: ReportedStep[]; failures?: number };

/** Per login ID: its blocks' serials, its unreported steps and failures; the holders first, in their order. */
function groupsOf(blocks: readonly { loginId: string; tokenSerial: string }[], used: readonly ReportedStep[], failures: Readonly<Record<string, number>>): Group[] {
  const groups = new Map<string, Group>();
  const of = (loginId: string, holder = false) => {
    const g = groups.get(loginId) ?? { loginId, holder, serials: new Set<string>(), used: [] };
    groups.set(loginId, g);
    return g;
  };
  for (const b of blocks) of(b.loginId, true).serials.add(b.tokenSerial);
  for (const u of used) of(u.loginId).used.push(u);
  for (const [loginId, n] of Object.entries(failures)) of(loginId).failures = n;
  return [...groups.values()];
}

/** A group cut so that each piece brings at most MAX_BLOCK_STEPS steps of at most MAX_SYNC_HOLDERS serials. */
function piecesOf(g: Group): Group[] {
  const pieces: Group[] = [];
  let piece: Group = { ...g, serials: new Set(g.serials), used: [] };
  for (const u of g.used) {
    const serials = new Set([...piece.serials, u.serial]);
    if (piece.used.length >= MAX_BLOCK_STEPS || serials.size > MAX_SYNC_HOLDERS) {
      pieces.push(piece);
      piece = { ...g, serials: new Set(), used: [], failures: undefined };
    }
    piece.serials.add(u.serial);
    piece.used.push(u);
  }
  return [...pieces, piece];
}

/**
 * What a sync reports, in requests within the contract's bound (issue 19 finding 6): each names at most
 * MAX_SYNC_HOLDERS login IDs and serials, and at most MAX_BLOCK_STEPS steps per login ID. A desktop with a few
 * holders sends one request, as before; more holders, or a holder's steps beyond one block, take more.
 */
export function reportParts(blocks: readonly { loginId: string; tokenSerial: string }[], sent: { used: readonly ReportedStep[]; failures: Readonly<Record<string, number>> }): ReportPart[] {
  const parts: ReportPart[] = [];
  let part: ReportPart = { used: [], failures: {}, serials: [], holders: [] };
  const fits = (p: ReportPart, g: Group) => {
    const names = new Set([...p.holders, ...Object.keys(p.failures), ...p.used.map((u) => u.loginId)]);
    if (names.size === 0) return true;
    names.add(g.loginId);
    const serials = new Set([...p.serials, ...g.serials]);
    return names.size <= MAX_SYNC_HOLDERS && serials.size <= MAX_SYNC_HOLDERS && p.used.length + g.used.length <= names.size * MAX_BLOCK_STEPS;
  };
  for (const g of groupsOf(blocks, sent.used, sent.failures).flatMap(piecesOf)) {
    if (!fits(part, g)) {
      parts.push(part);
      part = { used: [], failures: {}, serials: [], holders: [] };
    }
    if (g.holder && !part.holders.includes(g.loginId)) part.holders.push(g.loginId);
    if (g.failures !== undefined) part.failures[g.loginId] = g.failures;
    part.serials = [...new Set([...part.serials, ...g.serials])];
    part.used.push(...g.used);
  }
  return [...parts, part];
}
