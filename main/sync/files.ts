import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { replicaSchema, type OfflineBlock, type Replica } from '../../shared/contract/syncModels';
import type { SealKey } from '../crypto/seal';
import { emptyLedger, ledgerFile, type Ledger } from '../offline/ledger';
import { emptyOutbox, outboxFile, refusedEntries, waiting, withOutcome, type Outbox } from '../offline/outbox';
import { openBlock, sealBlock } from '../offline/sealedBlock';
import { readSealed, writeAtomic, writeSealed, type SealedFile } from '../offline/sealedFile';

/** This desktop's registration with its server (R-OFF-1): what every sync channel proves itself with. */
export type Registration = { readonly desktopId: string; readonly desktopSecret: string };
const registrationSchema = z.object({ desktopId: z.uuid(), desktopSecret: z.string().min(1) });

const replicaFileSchema = z.object({ replica: replicaSchema.nullable() });

const FOLDER = 'offline';
const BLOCKS = 'blocks';

/** One file per login ID; hex, so any login ID makes a plain file name. */
const blockName = (loginId: string) => `${Buffer.from(loginId, 'utf8').toString('hex')}.block`;

/**
 * A connected desktop's offline state at rest (SPEC R-OFF-1..8), under <data>/offline/: the registration, one
 * sealed block per login ID, the ledger, the outbox and the replica, each sealed with the keychain key and
 * replaced atomically (main/offline/sealedFile.ts). Held in memory once opened; every change is written before
 * it is used. A ledger, outbox, replica or registration that does not open throws at `OfflineFiles.open`: the
 * caller then refuses offline work rather than start empty (an empty ledger would let a used code in again).
 * The ledger and the outbox are written at registration, so once registered a missing one throws too (a
 * removed ledger would forget the codes used here, a removed outbox the revocations waiting). A block that
 * does not open (copied from another desktop) is no block.
 */
export class OfflineFiles {
  registration: Registration | null;
  ledger: Ledger = emptyLedger();
  outbox: Outbox = emptyOutbox();
  replica: Replica | null = null;
  readonly blocks = new Map<string, OfflineBlock>();

  private constructor(
    private readonly dir: string,
    private readonly key: SealKey,
  ) {
    mkdirSync(join(dir, BLOCKS), { recursive: true, mode: 0o700 });
    const file = this.registrationFile();
    this.registration = existsSync(file.path) ? readSealed(file) : null;
    if (this.registration) this.load(this.registration.desktopId);
  }

  static open(dataDir: string, key: SealKey): OfflineFiles {
    return new OfflineFiles(join(dataDir, FOLDER), key);
  }

  private registrationFile(): SealedFile<Registration | null> {
    return { path: join(this.dir, 'registration'), key: this.key, label: 'offline-registration:v1', schema: registrationSchema, empty: () => null };
  }

  private files(desktopId: string) {
    const replica: SealedFile<{ replica: Replica | null }> = {
      path: join(this.dir, 'replica'),
      key: this.key,
      label: `offline-replica:v1:${desktopId}`,
      schema: replicaFileSchema,
      empty: () => ({ replica: null }),
    };
    return { ledger: ledgerFile(join(this.dir, 'ledger'), this.key, desktopId), outbox: outboxFile(join(this.dir, 'outbox'), this.key, desktopId), replica };
  }

  private load(desktopId: string): void {
    const f = this.files(desktopId);
    this.ledger = readSealed(f.ledger, true);
    this.outbox = readSealed(f.outbox, true);
    this.replica = readSealed(f.replica).replica;
    for (const name of readdirSync(join(this.dir, BLOCKS)).filter((n) => n.endsWith('.block'))) {
      const block = openBlock(this.key, desktopId, readFileSync(join(this.dir, BLOCKS, name)));
      if (block && blockName(block.loginId) === name) this.blocks.set(block.loginId, block);
    }
  }

  private desktopId(): string {
    if (!this.registration) throw new Error('offline state written before the desktop was registered');
    return this.registration.desktopId;
  }

  /**
   * A new registration starts with an empty ledger and an outbox holding only the refused operations of a
   * forgotten one, both written before it so a crash leaves none of it.
   */
  setRegistration(registration: Registration): void {
    const f = this.files(registration.desktopId);
    const outbox = { entries: refusedEntries(this.outbox) };
    writeSealed(f.ledger, emptyLedger());
    writeSealed(f.outbox, outbox);
    // The replica is sealed to the old registration: it would not open under the new one.
    rmSync(f.replica.path, { force: true });
    writeSealed(this.registrationFile(), registration);
    this.registration = registration;
    this.ledger = emptyLedger();
    this.outbox = outbox;
    this.replica = null;
  }

  /**
   * The server no longer knows this registration: it and every block go, and each waiting operation is kept as
   * refused with DESKTOP_UNKNOWN, to redo or discard; the next online login registers anew (setRegistration).
   */
  forgetRegistration(now: Date): void {
    const desktopId = this.desktopId();
    const outbox = waiting(this.outbox).reduce((o, e) => withOutcome(o, e.key, { accepted: false, reason: 'DESKTOP_UNKNOWN' }, now), this.outbox);
    writeSealed(this.files(desktopId).outbox, outbox);
    this.outbox = outbox;
    for (const loginId of [...this.blocks.keys()]) this.dropBlock(loginId);
    rmSync(this.registrationFile().path, { force: true });
    this.registration = null;
  }

  setLedger(ledger: Ledger): void {
    writeSealed(this.files(this.desktopId()).ledger, ledger);
    this.ledger = ledger;
  }

  setOutbox(outbox: Outbox): void {
    writeSealed(this.files(this.desktopId()).outbox, outbox);
    this.outbox = outbox;
  }

  setReplica(replica: Replica): void {
    writeSealed(this.files(this.desktopId()).replica, { replica });
    this.replica = replica;
  }

  /** Replaces the user's older block (R-OFF-1: the newest login's block is the one that counts). */
  setBlock(block: OfflineBlock): void {
    writeAtomic(join(this.dir, BLOCKS, blockName(block.loginId)), sealBlock(this.key, block));
    this.blocks.set(block.loginId, block);
  }

  dropBlock(loginId: string): void {
    rmSync(join(this.dir, BLOCKS, blockName(loginId)), { force: true });
    this.blocks.delete(loginId);
  }
}
