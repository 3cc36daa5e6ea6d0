import { z } from 'zod';

export const USER_TYPES = ['master', 'admin', 'general'] as const;
export const userTypeSchema = z.enum(USER_TYPES);
export type UserType = z.infer<typeof userTypeSchema>;

/** SPEC R-REV-2: サービス利用中 / 失効中 / 未登録 / ロック. */
export const OTP_STATES = ['active', 'revoked', 'none', 'locked'] as const;
export const otpStateSchema = z.enum(OTP_STATES);
export type OtpState = z.infer<typeof otpStateSchema>;

const isoInstant = z.iso.datetime();

/** SPEC R-REV-6: an admin set this master's temporary authentication password: who, and when. */
export const authPasswordResetSchema = z.object({ by: z.string(), at: isoInstant }).nullable();

export const sessionInfoSchema = z.object({
  sessionId: z.string(),
  loginId: z.string(),
  name: z.string(),
  userType: userTypeSchema,
  companyName: z.string(),
  idleTimeoutMs: z.number().int().positive(),
  expiresAt: isoInstant,
  /** A user created with initial passwords must change both before anything else (issue: provisioning). */
  mustChangePasswords: z.boolean(),
  authPasswordReset: authPasswordResetSchema,
  /**
   * A session opened offline on a connected desktop (SPEC R-OFF-2): served by its main process from the offline
   * block and replica for its whole life, its writes queued (R-OFF-6); the screens say so (R-OFF-5).
   */
  offline: z.literal(true).optional(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const loginStepSchema = z.object({
  kind: z.enum(['needsOtp', 'needsTokenRegistration']),
  challengeId: z.string(),
  name: z.string(),
});
export type LoginStep = z.infer<typeof loginStepSchema>;

export const userRowSchema = z.object({
  loginId: z.string(),
  name: z.string(),
  userType: userTypeSchema,
  serial: z.string().nullable(),
  otpState: otpStateSchema,
  tokenExpiresAt: isoInstant.nullable(),
  /** SPEC R-TOK-4: the expiry warning, computed by the main process from its configured warning period. */
  tokenExpiry: z.enum(['ok', 'soon', 'expired']).nullable(),
  reRegistrationAt: isoInstant.nullable(),
  /** 失効中 because the token was reported lost (SPEC R-TOK-6): it can never be registered again. */
  revokedReason: z.literal('lost').optional(),
});
export type UserRow = z.infer<typeof userRowSchema>;

export const USER_SORTS = [
  'loginId-asc',
  'loginId-desc',
  'name-asc',
  'name-desc',
  'userType-asc',
  'userType-desc',
  'otpState-asc',
  'tokenExpiresAt-asc',
] as const;
export const userSortSchema = z.enum(USER_SORTS);
export type UserSort = z.infer<typeof userSortSchema>;

export const loginRecordSchema = z.object({ at: isoInstant, result: z.enum(['success', 'failure']) });

export const noticeSchema = z.object({
  id: z.number().int(),
  publishedAt: isoInstant,
  endsAt: isoInstant,
  title: z.string(),
  body: z.string(),
  read: z.boolean(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const topPageSchema = z.object({
  loginHistory: z.array(loginRecordSchema),
  notices: z.array(noticeSchema),
  unreadCount: z.number().int().nonnegative(),
  pendingApprovalCount: z.number().int().nonnegative(),
  authPasswordReset: authPasswordResetSchema,
  token: z
    .object({
      serial: z.string(),
      expiresAt: isoInstant,
      /** SPEC R-TOK-4: true inside the warning period before expiry. */
      expiresSoon: z.boolean(),
    })
    .nullable(),
});
export type TopPage = z.infer<typeof topPageSchema>;
