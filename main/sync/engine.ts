import type { OfflineStatus } from '../../shared/contract/connection';
import type { SessionInfo } from '../../shared/contract/models';
import { offlineBlockSchema } from '../../shared/contract/syncModels';
import type { Remote } from '../remote/remoteDispatch';
import { unreported, withoutFailures } from '../offline/ledger';
import { refusedEntries, waiting } from '../offline/outbox';
import type { Registration } from './files';
import type { OfflineDesk } from './offlineDesk';
import { runSync } from './syncRun';

export type EngineOptions = {
  readonly remote: Remote;
  readonly desk: OfflineDesk;
  /** How often the server is asked whether it is there (tests shorten it). */
  readonly probeIntervalMs?: number;
};

const DEFAULT_PROBE_INTERVAL_MS = 5_000;

/**
 * The link of a connected desktop to its server (SPEC R-OFF-1, R-OFF-7): probed every few seconds, and marked
 * offline at once by any transport fault a forwarded call meets. Reaching the server again starts the sync, one
 * at a time; after a sync that leaves nothing waiting the link is online. Online logins fetch the user's block.
 */
export class SyncEngine {
  private link: OfflineStatus['link'] = 'online';
  private progress: OfflineStatus['sync'] = null;
  private running: Promise<void> | null = null;
  private probing: Promise<void> | null = null;
  private again = false;
  private registering: Promise<Registration | null> | null = null;
  private readonly background = new Set<Promise<unknown>>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly o: EngineOptions) {
    this.timer = setInterval(() => void this.probeNow(), o.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS);
    this.timer.unref();
    this.track(this.probeNow());
  }

  private get files() {
    return this.o.desk.files;
  }

  /**
   * While offline, and during the sync at reconnect (the link turns online only once it has left nothing
   * waiting), new logins are served offline. A sync started online (a replica refresh) changes nothing.
   */
  servesLoginsOffline(): boolean {
    return this.link === 'offline';
  }

  markOffline(): void {
    this.link = 'offline';
  }

  status(): OfflineStatus {
    const outbox = this.files?.outbox;
    return {
      link: this.link,
      waiting: outbox ? waiting(outbox).length : 0,
      failed: outbox ? refusedEntries(outbox).length : 0,
      syncedAt: this.files?.replica?.syncedAt ?? null,
      sync: this.progress,
    };
  }

  /** Asks the server now; reaching it after being offline, or with anything to send, syncs. */
  probeNow(): Promise<void> {
    this.probing ??= this.probe().finally(() => (this.probing = null));
    return this.probing;
  }

  private async probe(): Promise<void> {
    const ready = await this.o.remote.ready();
    if (!ready.ok) return this.markOffline();
    if (this.link === 'offline' || this.pending()) await this.sync();
  }

  private pending(): boolean {
    const f = this.files;
    return Boolean(f?.registration) && (waiting(f!.outbox).length > 0 || unreported(f!.ledger).used.length > 0);
  }

  /** Starts a sync, or asks the running one to go round once more (an operation queued meanwhile). */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    // A file that cannot be written stops this sync; what was answered before it is on disk already.
    this.running = this.syncLoop()
      .catch(() => this.markOffline())
      .finally(() => {
        this.running = null;
        this.progress = null;
      });
    return this.running;
  }

  private async syncLoop(): Promise<void> {
    const files = this.files;
    const registration = files?.registration;
    if (!files || !registration) {
      this.link = 'online';
      return;
    }
    do {
      this.again = false;
      const end = await runSync({ remote: this.o.remote.dispatch, desk: this.o.desk, files, registration, progress: (done, total) => (this.progress = { done, total }) });
      if (end === 'cut') return this.markOffline();
      // The server is there: logins go to it; what waits is sent again at the next probe.
      if (end === 'refused') break;
    } while (this.again || waiting(files.outbox).length > 0);
    this.link = 'online';
  }

  /** An operation queued by an offline session: sent at once when the server is there (R-OFF-7). */
  queued(): void {
    if (this.link === 'online') this.track(this.sync());
  }

  /**
   * After each successful online login (R-OFF-1): this desktop's registration at the first, then the user's
   * block, replacing their older one, and a sync for the replica. In the background: a login never fails for it.
   */
  onlineLogin(info: SessionInfo): void {
    if (this.files) this.track(this.fetchBlock(info));
  }

  private async fetchBlock(info: SessionInfo): Promise<void> {
    const files = this.files!;
    const registration = await this.registered(info.sessionId);
    if (!registration) return;
    const answer = await this.o.remote.dispatch('sync:issue-block', { sessionId: info.sessionId, ...registration });
    if (!answer.ok) return;
    const parsed = offlineBlockSchema.nullable().safeParse((answer.value as { block: unknown }).block);
    if (!parsed.success) return;
    if (parsed.data && parsed.data.desktopId === registration.desktopId && parsed.data.loginId === info.loginId) {
      files.setBlock(parsed.data);
      await this.o.desk.exclusive(async () => files.setLedger(withoutFailures(files.ledger, info.loginId)));
    }
    else if (parsed.data === null) files.dropBlock(info.loginId);
    await this.sync();
  }

  private registered(sessionId: string): Promise<Registration | null> {
    const files = this.files!;
    if (files.registration) return Promise.resolve(files.registration);
    this.registering ??= this.o.remote.dispatch('sync:register-desktop', { sessionId }).then((answer) => {
      this.registering = null;
      if (!answer.ok) return null;
      files.setRegistration(answer.value as Registration);
      return files.registration;
    });
    return this.registering;
  }

  private track(work: Promise<unknown>): void {
    const p = work.catch(() => {}).finally(() => this.background.delete(p));
    this.background.add(p);
  }

  /** Resolves once no probe, block fetch or sync is under way (tests wait on it, never on time). */
  async idle(): Promise<void> {
    while (this.background.size || this.running || this.probing) await Promise.all([...this.background, this.running, this.probing]);
  }

  close(): void {
    clearInterval(this.timer);
  }
}
