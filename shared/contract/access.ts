import type { Access } from './define';
import type { UserType } from './models';

/**
 * Who may call each channel (levels: see `Access`), by the channel's place in the contract: `channels.ts` and
 * `adminChannels.ts` take every channel's access from here, so it is written once. Kept apart from the schemas so
 * the renderer reads it without bundling zod (about 90 kB).
 */
export const ACCESS = {
  auth: { login: 'public', verifyOtp: 'public', session: 'session', logout: 'session' },
  tokens: { register: 'public', revoke: 'manager', resync: 'manager', reportLost: 'manager' },
  users: {
    list: 'manager',
    unlock: 'manager',
    register: 'manager',
    update: 'manager',
    remove: 'manager',
    changeMasterAuthPassword: 'admin',
  },
  top: { get: 'session', markNoticeRead: 'session' },
  setup: { status: 'public', create: 'public', resume: 'public', previewImport: 'public', commitImport: 'public', finish: 'public' },
  imports: { preview: 'manager', commit: 'manager', progress: 'manager' },
  account: { changeLoginPassword: 'session', changeAuthPassword: 'session', replaceAuthPassword: 'master' },
  audit: { list: 'manager', exportCsv: 'manager' },
  backup: { create: 'master', restore: 'public' },
  /** Desktop ↔ server only (shared/contract/syncChannels.ts): `public` ones prove the desktop's registration instead. */
  sync: { registerDesktop: 'session', issueBlock: 'session', reportSteps: 'public', apply: 'public', replica: 'public' },
  /** Answered by a connected desktop's main process (shared/contract/connection.ts); checked there. */
  offline: { failed: 'manager', discard: 'manager', redo: 'manager' },
} as const satisfies Record<string, Record<string, Access>>;

/** The user types each access level admits; `public` needs no session, so it admits everyone. */
const ADMITS: { readonly [A in Access]: readonly UserType[] } = {
  public: ['master', 'admin', 'general'],
  session: ['master', 'admin', 'general'],
  manager: ['master', 'admin'],
  admin: ['admin'],
  master: ['master'],
};

/** Whether a logged-in user of this type may call a channel of this access level. Pure, for main and renderer. */
export const mayUse = (access: Access, userType: UserType): boolean => ADMITS[access].includes(userType);
