import type { Access } from './define';
import type { UserType } from './models';

/** The user types each access level admits (see `Access`); `public` needs no session, so it admits everyone. */
const ADMITS: { readonly [A in Access]: readonly UserType[] } = {
  public: ['master', 'admin', 'general'],
  session: ['master', 'admin', 'general'],
  manager: ['master', 'admin'],
  admin: ['admin'],
};

/** Whether a logged-in user of this type may call a channel of this access level. Pure, for main and renderer. */
export const mayUse = (access: Access, userType: UserType): boolean => ADMITS[access].includes(userType);
