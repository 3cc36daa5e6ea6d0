import type { z } from 'zod';
import { fail, ok, type Result } from '../../shared/errors';
import type { importProgressSchema } from '../../shared/contract/adminModels';
import { wipePacked, type PackedTokens } from '../seedFiles/packed';
import { newId } from '../session/ids';

/** How long a preview waits for its commit; its plaintext seeds are wiped when it ends, committed or not. */
export const PREVIEW_TTL_MS = 10 * 60_000;

export type ImportProgress = z.infer<typeof importProgressSchema>;

type Preview = {
  readonly owner: string;
  readonly companyId: number;
  /** The tokens the commit will write, their seeds still plaintext: held here only, never in a response. */
  readonly tokens: PackedTokens;
  readonly expiresAt: number;
  /** The real-time backstop: wipes the seeds after the TTL even if nobody uses the store again. */
  readonly timer: ReturnType<typeof setTimeout>;
  busy: boolean;
};
type Tracked = { readonly owner: string; progress: ImportProgress; expiresAt: number };

const invalid = () => fail('PREVIEW_INVALID');

/** A preview made in a session belongs to that session: another session, even of the same user, cannot commit it. */
export const sessionOwner = (sessionId: string) => `session:${sessionId}`;

/**
 * Import previews in memory (DESIGN-NOTES 4, 6), each bound to the company and to the session or setup that made
 * it (`owner`), with the progress of its commit, which stays readable for a while after the seeds are gone.
 */
export class PreviewStore {
  private readonly previews = new Map<string, Preview>();
  private readonly tracked = new Map<string, Tracked>();

  /** One preview per owner: choosing another file discards (and wipes) the one before. */
  put(owner: string, companyId: number, tokens: PackedTokens, now: Date): string {
    const t = now.getTime();
    this.sweep(t);
    for (const [id, p] of this.previews) if (p.owner === owner && !p.busy) this.discard(id);
    const id = newId();
    const timer = setTimeout(() => {
      if (this.previews.get(id)?.busy === false) this.discard(id);
    }, PREVIEW_TTL_MS);
    timer.unref();
    this.previews.set(id, { owner, companyId, tokens, expiresAt: t + PREVIEW_TTL_MS, timer, busy: false });
    this.tracked.set(id, { owner, progress: { state: 'idle', done: 0, total: tokens.count }, expiresAt: t + PREVIEW_TTL_MS });
    return id;
  }

  /** Takes a preview for its commit; a second commit of it meanwhile is refused. */
  claim(id: string, owner: string, companyId: number, now: Date): Result<PackedTokens> {
    this.sweep(now.getTime());
    const p = this.previews.get(id);
    if (!p || p.owner !== owner || p.companyId !== companyId || p.busy) return invalid();
    p.busy = true;
    return ok(p.tokens);
  }

  /** The commit was refused before it wrote anything (a wrong OTP): the preview can be committed again. */
  release(id: string): void {
    const p = this.previews.get(id);
    if (p) p.busy = false;
  }

  advance(id: string, done: number): void {
    const tracked = this.tracked.get(id);
    if (tracked) tracked.progress = { ...tracked.progress, state: 'running', done };
  }

  /** The commit ended: the seeds are wiped either way; the outcome stays readable for the progress bar. */
  settle(id: string, state: 'done' | 'failed', now: Date): void {
    this.discard(id);
    const tracked = this.tracked.get(id);
    if (!tracked) return;
    tracked.progress = { ...tracked.progress, state, done: state === 'done' ? tracked.progress.total : tracked.progress.done };
    tracked.expiresAt = now.getTime() + PREVIEW_TTL_MS;
  }

  progressOf(id: string, owner: string, now: Date): Result<ImportProgress> {
    this.sweep(now.getTime());
    const tracked = this.tracked.get(id);
    return tracked && tracked.owner === owner ? ok(tracked.progress) : invalid();
  }

  /** What a finished setup or an ended session (logout, idle, lock screen, window closed) leaves behind. */
  dropOwner(owner: string): void {
    for (const [id, p] of this.previews) if (p.owner === owner && !p.busy) this.discard(id);
    for (const [id, t] of this.tracked) if (t.owner === owner && !this.previews.has(id)) this.tracked.delete(id);
  }

  private discard(id: string): void {
    const p = this.previews.get(id);
    if (!p) return;
    clearTimeout(p.timer);
    wipePacked(p.tokens);
    this.previews.delete(id);
  }

  /** Expiry is checked whenever the store is used: the clock is a parameter (DESIGN-NOTES 5), not a timer. */
  private sweep(t: number): void {
    for (const [id, p] of this.previews) if (t >= p.expiresAt && !p.busy) this.discard(id);
    for (const [id, tr] of this.tracked) if (t >= tr.expiresAt && !this.previews.has(id)) this.tracked.delete(id);
  }
}
