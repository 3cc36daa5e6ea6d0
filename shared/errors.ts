import { z } from 'zod';
import { PASSWORD_RULES } from './input/passwordPolicy';

/** Every refusal the main process can answer with; the renderer maps each to a message. */
export const ERROR_CODES = [
  'VALIDATION',
  'INTERNAL',
  'BAD_CREDENTIALS',
  'LOCKED',
  'REVOKED_COOLING_DOWN',
  'SESSION_INVALID',
  'SESSION_EXPIRED',
  'CHALLENGE_INVALID',
  'FORBIDDEN',
  'BAD_AUTH_PASSWORD',
  'OTP_INVALID',
  'OTP_REUSED',
  /**
   * The code matched a step the token holds as used, but the token's last step is beyond what anyone could have
   * used by now (the top of the drift window): a record no legitimate use explains, so the refusal is not counted
   * towards the lock (issue 19 finding 2).
   */
  'OTP_AHEAD_OF_CLOCK',
  'NO_ACTIVE_TOKEN',
  'TOKEN_EXPIRED',
  'TOKEN_NOT_FOUND',
  'TOKEN_OTHER_COMPANY',
  'TOKEN_DISABLED',
  'ALREADY_HAS_TOKEN',
  'NOT_REVOCABLE',
  'USER_NOT_FOUND',
  'NOT_LOCKED',
  'RESYNC_FAILED',
  'PASSWORD_POLICY',
  'PASSWORD_CHANGE_REQUIRED',
  'PASSWORD_UNCHANGED',
  'SETUP_ALREADY_DONE',
  'SETUP_INVALID',
  'LOGIN_ID_TAKEN',
  /** A company server's setup (setup:create, create-company): another company has this company code. */
  'COMPANY_CODE_TAKEN',
  'MASTER_RULE',
  'IMPORT_REFUSED',
  'PREVIEW_INVALID',
  'NOTHING_TO_IMPORT',
  /** Connected desktops (SPEC R-SRV-2): the server could not be reached or answered nonsense. */
  'SERVER_UNREACHABLE',
  /** The server's certificate is not the one whose SHA-256 fingerprint was pinned. */
  'PIN_MISMATCH',
  /** The pinned certificate is outside its validity period. */
  'CERT_EXPIRED',
  /** A server URL that is not https:. */
  'INSECURE_URL',
  'BACKUP_REFUSED',
  /** A connected desktop asked for a channel the company server does not serve (contract SERVED: backup:*). */
  'DESKTOP_ONLY',
  /** SPEC R-OFF-1: offline, and this user has no usable offline block on this desktop. */
  'OFFLINE_NO_BLOCK',
  /** Offline, a channel that needs the server's one authority (R-OFF-6): token registration, import, setup, R-REV-6... */
  'OFFLINE_UNAVAILABLE',
  /*
   * Refusals of a queued operation at sync (R-OFF-8), shown in 同期できなかった操作 (besides the channel's own codes).
   * The user changed on the server since the base version:
   */
  'OFFLINE_CONFLICT',
  /** The user was revoked or removed meanwhile: a change of them is refused (revocation wins). */
  'OFFLINE_TARGET_GONE',
  /** The operator was revoked, locked or removed meanwhile, or lost their token. */
  'OFFLINE_OPERATOR_INVALID',
  /** The step that proved the operation was also accepted elsewhere (a detected replay), or never reported. */
  'OFFLINE_REPLAY',
  /**
   * The queued operation's proof does not hold against the server's own records (SPEC R-OTP-4, DESIGN-NOTES 11):
   * its MAC is not the one the step's code and the operator's authentication password make over this very
   * operation, or its step lies in no block issued to that desktop for that operator, or is ahead of the clock at
   * the time the operation says it was made, or that time is in the future or before the block was issued.
   */
  'OFFLINE_PROOF_INVALID',
  /**
   * An offline step-up asked from a session that holds no code key for the user's block (an online session cut off
   * from the server, or a block replaced since the offline login): only an offline login's password gives one.
   */
  'OFFLINE_LOGIN_NEEDED',
  /** A step reported from the block of a user revoked, locked or removed since (or without that token): spent, proves nothing (操作履歴). */
  'OFFLINE_BLOCK_VOID',
  /** A step reported from a desktop that no block the server issued to it for that user and token covers (操作履歴). */
  'OFFLINE_NOT_ISSUED',
  /** A step reported as used ahead of the clock at its time, or at a time in the future: not recorded (操作履歴). */
  'OFFLINE_AHEAD_OF_CLOCK',
  /**
   * A block asked for outside the online login it belongs to: later than BLOCK_GRANT_MS after the login, or a second
   * one for the same login (on any desktop). A block is issued only where the password was just typed (R-OFF-1).
   */
  'OFFLINE_BLOCK_NOT_GRANTED',
  /** The request's deadline (main/ipc/deadlines.ts) passed before its work was done: nothing of it was kept. */
  'DEADLINE_PASSED',
  /** A sync channel whose desktop ID and secret prove no registration (or one of another company). */
  'DESKTOP_UNKNOWN',
  /** SPEC R-TRX-1..3: a transfer request with bad fields; `fields` lists every problem at once. */
  'TRANSFER_INVALID',
  /** SPEC R-TRX-9: the operator lacks 依頼権限 or 承認権限 for this kind. */
  'TRANSFER_NO_RIGHT',
  'TRANSFER_NOT_FOUND',
  /** SPEC R-TRX-4/5: the request is no longer 承認待ち (approved, returned, cancelled, expired); `problem`: its state. */
  'TRANSFER_NOT_PENDING',
  /** SPEC R-TRX-4: the requester may not approve or return their own request, even as master. */
  'TRANSFER_OWN_REQUEST',
  /** SPEC R-TRX-4: this user has already approved this request. */
  'TRANSFER_ALREADY_APPROVED',
  /** SPEC R-TRX-4: the content shown to the approver is not the request's current content. */
  'TRANSFER_CHANGED',
  /** SPEC R-TRX-5: the 振込指定日 passed before the last approval (期限切れ). */
  'TRANSFER_EXPIRED',
  /** SPEC R-TRX-4: only the requester may cancel (取消). */
  'TRANSFER_NOT_REQUESTER',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** The request field the refusal is about, so the screen can show it next to that field. */
  field: z.string().optional(),
  /** SESSION_EXPIRED: why the session ended. */
  reason: z.enum(['idle', 'absolute', 'revoked', 'locked', 'logout', 'suspended']).optional(),
  /** REVOKED_COOLING_DOWN: ISO instant when re-registration opens (SPEC R-REV-5). */
  reRegistrationAt: z.string().optional(),
  /** BAD_CREDENTIALS, OTP_INVALID...: failures left before the lock (SPEC R-OTP-3). */
  attemptsLeft: z.number().int().nonnegative().optional(),
  /** NOT_REVOCABLE, USER_NOT_FOUND: the login IDs concerned. */
  loginIds: z.array(z.string()).optional(),
  /** TOKEN_EXPIRED: ISO instant the token expired. */
  expiredAt: z.string().optional(),
  /** PASSWORD_POLICY: the rules of shared/input/passwordPolicy.ts the password breaks. */
  rules: z.array(z.enum(PASSWORD_RULES)).optional(),
  /** IMPORT_REFUSED: the file-level problem code of main/seedFiles (e.g. WRONG_KEY, FILE_TOO_LARGE); BACKUP_REFUSED: shared/contract/backupProblems. */
  problem: z.string().optional(),
  /** TRANSFER_INVALID: every field refused, each with its problem code (main/transfers/checkRequest.ts). */
  fields: z.array(z.object({ field: z.string(), problem: z.string() })).optional(),
});

export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, extra: Omit<AppError, 'code'> = {}): { ok: false; error: AppError } => ({
  ok: false,
  error: { code, ...extra },
});
