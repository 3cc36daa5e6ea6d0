/**
 * Every action the main process writes to the audit log (SPEC R-GEN-2: "what"), one vocabulary for both sides:
 * main's rows are typed against it and the renderer's 操作履歴 labels are a `Record<AuditAction, string>`, so a new
 * action without a label does not compile. Zod-free, so the renderer reads it without bundling zod.
 */
export const AUDIT_ACTIONS = [
  'login.password',
  'login.otp',
  'session.logout',
  'token.register',
  'token.revoke',
  'token.lost',
  'offline.step',
  'offline.failures',
  'offline.block',
  'desktop.register',
  'token.resync',
  'token.import',
  'user.register',
  'user.update',
  'user.remove',
  'user.lock',
  'user.unlock',
  'user.masterAuthPassword',
  'account.loginPassword',
  'account.authPassword',
  'stepup.password',
  'stepup.otp',
  'setup.create',
  'setup.resume',
  'audit.export',
  'backup.start',
  'backup.create',
  'backup.restore',
  // SPEC R-TRX-3..8 (main/transfers): each with the amount and the payee in its detail.
  'transfer.create',
  'transfer.approve',
  'transfer.return',
  'transfer.cancel',
  'transfer.expire',
  'transfer.execute',
  'transfer.send',
  'transfer.answer',
  // Reads: recorded when the dispatch refuses them (main/ipc/refusals.ts).
  'session.check',
  'top.view',
  'notice.read',
  'user.list',
  'token.importPreview',
  'token.importProgress',
  'audit.list',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
