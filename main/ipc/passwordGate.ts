import { contract } from '../../shared/contract';

/**
 * While a user's initial passwords are unchanged (Session.mustChangePasswords), only these channels answer:
 * the session itself, logging out, and changing the passwords. Everything else is PASSWORD_CHANGE_REQUIRED,
 * decided in the dispatch wrapper so no new channel can forget it.
 */
const OPEN_WHILE_CHANGING: ReadonlySet<string> = new Set([
  contract.auth.session.name,
  contract.auth.logout.name,
  contract.account.changeLoginPassword.name,
  contract.account.changeAuthPassword.name,
]);

export const blockedUntilPasswordsChange = (channelName: string, session: { mustChangePasswords: boolean }): boolean =>
  session.mustChangePasswords && !OPEN_WHILE_CHANGING.has(channelName);
