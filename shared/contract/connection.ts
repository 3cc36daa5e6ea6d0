import { z } from 'zod';
import { channel } from './define';
import { opaqueIdField } from '../input/fields';

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

/** `unset` before the first-run choice; url and fingerprint when connected. */
export const connectionStatusSchema = z.object({
  mode: z.enum(['unset', 'standalone', 'connected']),
  url: z.string().optional(),
  fingerprint: z.string().optional(),
});
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
} as const;

export type DesktopContract = typeof desktopContract;
