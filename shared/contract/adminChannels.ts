import { z } from 'zod';
import { ACCESS } from './access';
import { channel } from './define';
import {
  auditFilterSchema,
  auditRowSchema,
  importFormatSchema,
  importPreviewSchema,
  importProgressSchema,
  manageableTypeSchema,
} from './adminModels';
import { userRowSchema } from './models';
import { companyCodeField, loginIdField, nameField, opaqueIdField, otpField, passwordField, preSharedKeyField } from '../input/fields';

const withSession = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ sessionId: opaqueIdField, ...shape });
const stepUp = { authPassword: passwordField, otp: otpField };
const empty = z.strictObject({});
/** A token file, base64 so it crosses Electron IPC and the test bridge alike; 32 MiB at most once decoded. */
const file = { format: importFormatSchema, fileBase64: z.string().max(45_000_000), preSharedKeyHex: preSharedKeyField.optional() };

/** First run on an empty store (issue: provisioning): a company and its master, then its tokens. */
export const setupChannels = {
  /** canResume: a company exists but holds no token yet (the app stopped mid-setup): its master may resume. */
  status: channel('setup:status', ACCESS.setup.status, empty, z.object({ needsSetup: z.boolean(), canResume: z.boolean() })),
  create: channel(
    'setup:create',
    ACCESS.setup.create,
    z.strictObject({
      companyCode: companyCodeField,
      companyName: nameField,
      masterLoginId: loginIdField,
      masterName: nameField,
      loginPassword: passwordField,
      authPassword: passwordField,
    }),
    /** Lets the new master import the company's tokens before any login is possible. */
    z.object({ setupId: z.string() }),
  ),
  /** The master of a company left without tokens proves both passwords and gets a new setup ID. */
  resume: channel(
    'setup:resume',
    ACCESS.setup.resume,
    z.strictObject({ masterLoginId: loginIdField, loginPassword: passwordField, authPassword: passwordField }),
    z.object({ setupId: z.string() }),
  ),
  previewImport: channel('setup:preview-import', ACCESS.setup.previewImport, z.strictObject({ setupId: opaqueIdField, ...file }), importPreviewSchema),
  commitImport: channel('setup:commit-import', ACCESS.setup.commitImport, z.strictObject({ setupId: opaqueIdField, previewId: opaqueIdField }), z.object({ imported: z.number().int() })),
  finish: channel('setup:finish', ACCESS.setup.finish, z.strictObject({ setupId: opaqueIdField }), empty),
};

/** Token seed import by a master or admin (設定・管理). */
export const importChannels = {
  preview: channel('imports:preview', ACCESS.imports.preview, withSession(file), importPreviewSchema),
  commit: channel('imports:commit', ACCESS.imports.commit, withSession({ previewId: opaqueIdField, ...stepUp }), z.object({ imported: z.number().int() })),
  progress: channel('imports:progress', ACCESS.imports.progress, withSession({ previewId: opaqueIdField }), importProgressSchema),
};

/** 利用者登録 / 利用者情報変更 / 利用者削除, and the admin's change of the master's authentication password (SPEC R-REV-6). */
export const userAdminChannels = {
  register: channel(
    'users:register',
    ACCESS.users.register,
    withSession({ loginId: loginIdField, name: nameField, userType: manageableTypeSchema, initialLoginPassword: passwordField, initialAuthPassword: passwordField, ...stepUp }),
    userRowSchema,
  ),
  update: channel(
    'users:update',
    ACCESS.users.update,
    withSession({ loginId: loginIdField, name: nameField.optional(), userType: manageableTypeSchema.optional(), ...stepUp }),
    userRowSchema,
  ),
  remove: channel('users:remove', ACCESS.users.remove, withSession({ loginId: loginIdField, ...stepUp }), empty),
  changeMasterAuthPassword: channel('users:change-master-auth-password', ACCESS.users.changeMasterAuthPassword, withSession({ newAuthPassword: passwordField, ...stepUp }), empty),
};

/** Every user changes their own passwords; required at the first login with initial passwords. */
export const accountChannels = {
  changeLoginPassword: channel('account:change-login-password', ACCESS.account.changeLoginPassword, withSession({ current: passwordField, next: passwordField }), empty),
  changeAuthPassword: channel('account:change-auth-password', ACCESS.account.changeAuthPassword, withSession({ current: passwordField, next: passwordField }), empty),
  /** SPEC R-REV-6: a master replaces the temporary authentication password an admin set, with the login password and an OTP. */
  replaceAuthPassword: channel(
    'account:replace-auth-password',
    ACCESS.account.replaceAuthPassword,
    withSession({ loginPassword: passwordField, otp: otpField, next: passwordField }),
    empty,
  ),
};

/** 操作履歴 (SPEC R-GEN-2): masters and admins read and export the audit log. */
export const auditChannels = {
  list: channel(
    'audit:list',
    ACCESS.audit.list,
    withSession({ filter: auditFilterSchema, offset: z.number().int().nonnegative().max(10_000_000), limit: z.number().int().positive().max(500) }),
    z.object({ rows: z.array(auditRowSchema), total: z.number().int().nonnegative() }),
  ),
  /** UTF-8 with a BOM, so Excel opens the Japanese correctly. */
  exportCsv: channel('audit:export-csv', ACCESS.audit.exportCsv, withSession({ filter: auditFilterSchema }), z.object({ fileName: z.string(), csvBase64: z.string() })),
};

/**
 * 紛失 report (SPEC R-TOK-6): the token is disabled for everyone sharing it and each holder revoked, with the usual
 * confirmation. The answer names the reported user and everyone else affected; selfRevoked as on BRSK028.
 */
export const lostTokenChannel = channel(
  'tokens:report-lost',
  ACCESS.tokens.reportLost,
  withSession({ loginId: loginIdField, ...stepUp }),
  z.object({ revoked: userRowSchema, alsoAffected: z.array(userRowSchema), selfRevoked: z.boolean() }),
);
