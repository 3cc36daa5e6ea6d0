import { z } from 'zod';
import { ACCESS } from './access';
import { channel } from './define';
import {
  loginStepSchema,
  sessionInfoSchema,
  topPageSchema,
  userRowSchema,
  userSortSchema,
} from './models';
import { loginIdField, opaqueIdField, otpField, passwordField, serialField } from '../input/fields';
import { accountChannels, auditChannels, importChannels, lostTokenChannel, setupChannels, userAdminChannels } from './adminChannels';
import { backupChannels } from './backupChannels';

const withSession = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject({ sessionId: opaqueIdField, ...shape });

const empty = z.strictObject({});

/**
 * The whole IPC contract, grouped by intent. Channel names, request and response schemas live only here;
 * the preload API, the renderer's API type and the main-process handler table are all derived from it.
 */
export const contract = {
  auth: {
    /** BLGI001, SPEC R-LOG-1, R-LOG-2, R-LOG-4. */
    login: channel(
      'auth:login',
      ACCESS.auth.login,
      z.strictObject({ loginId: loginIdField, password: passwordField }),
      loginStepSchema,
    ),
    /** BLGI001 OTP step, SPEC R-OTP-1..3. */
    verifyOtp: channel(
      'auth:verify-otp',
      ACCESS.auth.verifyOtp,
      z.strictObject({ challengeId: opaqueIdField, otp: otpField }),
      sessionInfoSchema,
    ),
    session: channel('auth:session', ACCESS.auth.session, withSession({}), sessionInfoSchema),
    logout: channel('auth:logout', ACCESS.auth.logout, withSession({}), empty),
  },
  tokens: {
    /** BLGI020, SPEC R-LOG-3, R-TOK-1..5. */
    register: channel(
      'tokens:register',
      ACCESS.tokens.register,
      z.strictObject({ challengeId: opaqueIdField, serial: serialField, otp: otpField }),
      sessionInfoSchema,
    ),
    /** BRSK027 → BRSK028, SPEC R-REV-1..5. */
    revoke: channel(
      'tokens:revoke',
      ACCESS.tokens.revoke,
      withSession({
        loginIds: z.array(loginIdField).min(1).max(10_000),
        authPassword: passwordField,
        otp: otpField,
      }),
      z.object({ revoked: z.array(userRowSchema), selfRevoked: z.boolean() }),
    ),
    /** Admin resynchronisation of a drifted token with two consecutive codes (SPEC R-OTP-1). */
    resync: channel(
      'tokens:resync',
      ACCESS.tokens.resync,
      withSession({ serial: serialField, firstOtp: otpField, secondOtp: otpField, authPassword: passwordField }),
      z.object({ driftSteps: z.number().int() }),
    ),
    reportLost: lostTokenChannel,
  },
  users: {
    /** BRSK027 list, SPEC R-REV-2. */
    list: channel('users:list', ACCESS.users.list, withSession({ sort: userSortSchema }), z.object({ users: z.array(userRowSchema) })),
    /** SPEC R-OTP-3: unlocking is an admin or master action, with step-up (R-OTP-4). */
    unlock: channel(
      'users:unlock',
      ACCESS.users.unlock,
      withSession({ loginId: loginIdField, authPassword: passwordField, otp: otpField }),
      empty,
    ),
    ...userAdminChannels,
  },
  top: {
    /** BTOP001, SPEC R-TOP-2..4, R-TOK-4. */
    get: channel('top:get', ACCESS.top.get, withSession({}), topPageSchema),
    markNoticeRead: channel(
      'top:mark-notice-read',
      ACCESS.top.markNoticeRead,
      withSession({ noticeId: z.number().int().positive() }),
      z.object({ unreadCount: z.number().int().nonnegative() }),
    ),
  },
  setup: setupChannels,
  imports: importChannels,
  account: accountChannels,
  audit: auditChannels,
  backup: backupChannels,
} as const;

export type Contract = typeof contract;
