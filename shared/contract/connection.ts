import { z } from 'zod';
import { channel } from './define';
import { opaqueIdField, otpField, passwordField } from '../input/fields';
import { ACCESS } from './access';
import { queueableChannelSchema } from './syncModels';

/**
 * SHA-256 over the server certificate's DER bytes: 64 hex digits, upper case, pairs joined by `:` (what
 * `openssl x509 -noout -fingerprint -sha256` prints). Lower case, no colons and spaces are accepted and normalised.
 */
export const fingerprintField = z
  .string()
  .max(200)
  .transform((s) => s.replace(/[\s:]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-F]{64}$/))
  .transform((hex) => hex.match(/../g)!.join(':'));

/** Checked further in the main process (https: only, no path): http:// must answer INSECURE_URL, not VALIDATION. */
export const serverUrlField = z.string().trim().min(1).max(2048);

/** connection.json in the app's data folder (SPEC R-SRV-1): standalone on the embedded store, or connected. */
export const connectionSettingsSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('standalone') }),
  z.strictObject({ mode: z.literal('connected'), url: serverUrlField, fingerprint: fingerprintField }),
]);
export type ConnectionSettings = z.infer<typeof connectionSettingsSchema>;

/**
 * A connected desktop's link to its server (SPEC R-OFF-5..8): always shown (オンライン / オフライン, and the number
 * of operations waiting), with the sync at reconnect as it progresses and the operations the server refused.
 */
export const offlineStatusSchema = z.object({
  link: z.enum(['online', 'offline']),
  /** Queued operations not yet sent. */
  waiting: z.number().int().nonnegative(),
  /** 同期できなかった操作: refused at sync, kept until redone or discarded. */
  failed: z.number().int().nonnegative(),
  /** The last sync that refreshed the replica, or null before the first. */
  syncedAt: z.iso.datetime().nullable(),
  /** A sync under way: operations sent so far of those waiting when it began. */
  sync: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
});
export type OfflineStatus = z.infer<typeof offlineStatusSchema>;

/** `unset` before the first-run choice; url and fingerprint when connected, and then the link (offlineStatusSchema). */
export const connectionStatusSchema = z.object({
  mode: z.enum(['unset', 'standalone', 'connected']),
  url: z.string().optional(),
  fingerprint: z.string().optional(),
  offline: offlineStatusSchema.optional(),
});

/** One row of 同期できなかった操作 (R-OFF-8): what was queued offline and why the server refused it. */
export const failedOperationSchema = z.object({
  key: z.string(),
  channel: queueableChannelSchema,
  /** The login IDs it was aimed at (the registered one for users:register). */
  targets: z.array(z.string()),
  operator: z.string(),
  queuedAt: z.iso.datetime(),
  refusedAt: z.iso.datetime(),
  /** An error code of shared/errors.ts (OFFLINE_CONFLICT, LOGIN_ID_TAKEN, ...). */
  reason: z.string(),
});
export type FailedOperation = z.infer<typeof failedOperationSchema>;
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

/** A master or admin session, except on the first run (nothing chosen, no company on this desktop). */
const managed = { sessionId: opaqueIdField.optional() };

/**
 * The desktop's own channels: answered by the main process itself, never forwarded to a server. The first-run
 * choice and 接続設定 (SPEC R-SRV-1, R-SRV-2).
 */
export const desktopContract = {
  connection: {
    status: channel('connection:status', 'public', z.strictObject({}), connectionStatusSchema),
    /** Connects to the URL with the pin and asks /readyz: ok, or the refusal it met (INSECURE_URL, PIN_MISMATCH...). */
    test: channel('connection:test', 'public', z.strictObject({ ...managed, url: serverUrlField, fingerprint: fingerprintField }), z.object({})),
    /** Connected settings are saved only after the same test passes; restart: the app restarts itself in the new mode. */
    save: channel(
      'connection:save',
      'public',
      z.strictObject({
        ...managed,
        mode: z.enum(['standalone', 'connected']),
        url: serverUrlField.optional(),
        fingerprint: fingerprintField.optional(),
      }),
      z.object({ restart: z.boolean() }),
    ),
  },
  /** 同期できなかった操作 (SPEC R-OFF-8): a master or admin of this desktop, online or offline. */
  offline: {
    failed: channel('offline:failed', ACCESS.offline.failed, z.strictObject({ sessionId: opaqueIdField }), z.object({ operations: z.array(failedOperationSchema) })),
    discard: channel('offline:discard', ACCESS.offline.discard, z.strictObject({ sessionId: opaqueIdField, key: z.string().max(64) }), z.object({})),
    /** Made again now, with a fresh step-up: applied at once online, queued again (new key, new base versions) offline. */
    redo: channel(
      'offline:redo',
      ACCESS.offline.redo,
      z.strictObject({ sessionId: opaqueIdField, key: z.string().max(64), authPassword: passwordField, otp: otpField }),
      z.object({ queued: z.boolean() }),
    ),
  },
} as const;

export type DesktopContract = typeof desktopContract;
