import { ACCESS, mayUse } from '../../shared/contract/access';
import type { Access, UserType } from '../../shared/contract';
import type { View } from './stores/navigation';

/**
 * The access of the channel each session screen exists to call (the contract's declaration, without its zod
 * schemas). A screen is shown to exactly the users the contract lets call it, so the menus and the main process's
 * dispatch cannot disagree (SPEC R-REV-1, R-REV-6).
 */
const SCREEN_ACCESS: Partial<Record<View, Access>> = {
  passwordChange: ACCESS.account.changeLoginPassword,
  replaceAuthPassword: ACCESS.account.replaceAuthPassword,
  userMenu: ACCESS.users.list,
  revoke: ACCESS.tokens.revoke,
  tokenImport: ACCESS.imports.commit,
  userRegister: ACCESS.users.register,
  userUpdate: ACCESS.users.update,
  userRemove: ACCESS.users.remove,
  userUnlock: ACCESS.users.unlock,
  audit: ACCESS.audit.list,
  lostReport: ACCESS.tokens.reportLost,
  masterAuthPassword: ACCESS.users.changeMasterAuthPassword,
  backup: ACCESS.backup.create,
  tokenResync: ACCESS.tokens.resync,
  offlineFailed: ACCESS.offline.failed,
  // 接続設定 is the desktop's own (main/connection), outside the core's contract: masters and admins.
  connection: 'manager',
};

/** Whether a logged-in user of this type may open the screen; screens that call no channel are open to all. */
export function mayOpen(view: View, userType: UserType): boolean {
  const access = SCREEN_ACCESS[view];
  return access === undefined || mayUse(access, userType);
}
