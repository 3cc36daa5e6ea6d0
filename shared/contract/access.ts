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

/**
 * Where each channel is answered, beside its access (issue 19 finding 4, DESIGN-NOTES 11): `both` by a desktop's main
 * process and a company server, `desktop` never by a server (a backup is one PC's file, its restore an empty PC's
 * first run: on a server an anonymous caller would restore a company of its own), `server` never for a renderer.
 * The server registers a route for what it serves and nothing else (main/server/routes.ts).
 */
export type Served = 'both' | 'desktop' | 'server';
type ServedOf<G> = { readonly [K in keyof G]: { readonly [M in keyof G[K]]: Served } };

export const SERVED = {
  auth: { login: 'both', verifyOtp: 'both', session: 'both', logout: 'both' },
  tokens: { register: 'both', revoke: 'both', resync: 'both', reportLost: 'both' },
  users: { list: 'both', unlock: 'both', register: 'both', update: 'both', remove: 'both', changeMasterAuthPassword: 'both' },
  top: { get: 'both', markNoticeRead: 'both' },
  setup: { status: 'both', create: 'both', resume: 'both', previewImport: 'both', commitImport: 'both', finish: 'both' },
  imports: { preview: 'both', commit: 'both', progress: 'both' },
  account: { changeLoginPassword: 'both', changeAuthPassword: 'both', replaceAuthPassword: 'both' },
  audit: { list: 'both', exportCsv: 'both' },
  backup: { create: 'desktop', restore: 'desktop' },
  sync: { registerDesktop: 'server', issueBlock: 'server', reportSteps: 'server', apply: 'server', replica: 'server' },
  offline: { failed: 'desktop', discard: 'desktop', redo: 'desktop' },
} as const satisfies ServedOf<typeof ACCESS>;

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
