import { allChannels } from '../../shared/contract/api';
import { PASSWORDS } from './harness';

/**
 * A valid request for every channel of the contract, for the reliability suite (fuzz.test.ts, sessions.test.ts).
 * Each would change the store (consume a code, revoke, unlock, log out...) if it got through, so a refusal is
 * visible. A new channel needs its request here; the tests check that none is missing.
 */
export type TemplateIds = {
  readonly sessionId: string;
  /** A pending OTP step (needsOtp) and a pending token registration (needsTokenRegistration). */
  readonly otpChallenge: string;
  readonly registration: string;
  /** The operator's current code, and two consecutive codes of token 523405697 for a resync. */
  readonly otp: string;
  readonly resync: readonly [string, string];
  /** The user a revocation or an unlock is aimed at. */
  readonly target: string;
  /** A registered desktop for the sync channels; by default one never registered (DESKTOP_UNKNOWN). */
  readonly desktop?: { readonly id: string; readonly secret: string };
};

/** A desktop ID and secret that no server registered. */
export const FORGED_DESKTOP = { id: '0190a000-0000-7000-8000-000000000000', secret: 'D'.repeat(43) };

export function requestTemplates(ids: TemplateIds): Record<string, Record<string, unknown>> {
  const { sessionId, otp, target } = ids;
  const step = { authPassword: PASSWORDS.auth, otp };
  return {
    'auth:login': { loginId: 'kmb05871', password: PASSWORDS.login },
    'auth:verify-otp': { challengeId: ids.otpChallenge, otp },
    'auth:session': { sessionId },
    'auth:logout': { sessionId },
    'tokens:register': { challengeId: ids.registration, serial: '600000001', otp: '123456' },
    'tokens:revoke': { sessionId, loginIds: [target], ...step },
    'tokens:resync': { sessionId, serial: '523405697', firstOtp: ids.resync[0], secondOtp: ids.resync[1], authPassword: PASSWORDS.auth },
    'users:list': { sessionId, sort: 'loginId-asc' },
    'users:unlock': { sessionId, loginId: target, ...step },
    'top:get': { sessionId },
    'top:mark-notice-read': { sessionId, noticeId: 2 },
    ...provisioningTemplates(ids),
    ...syncTemplates(ids),
  };
}

/** The desktop ↔ server channels (SPEC R-OFF-1..8): a queued revocation of the target, proved by a step never reported. */
function syncTemplates({ sessionId, target, desktop = FORGED_DESKTOP }: TemplateIds): Record<string, Record<string, unknown>> {
  const proof = { desktopId: desktop.id, desktopSecret: desktop.secret };
  const operation = {
    key: '0190a000-0000-7000-8000-000000000001',
    channel: 'tokens:revoke',
    request: { loginIds: [target] },
    operator: 'kmb05871',
    proof: { serial: '523405696', step: 1, mac: 'A'.repeat(43) + '=' },
    baseVersions: {},
    queuedAt: 0,
  };
  return {
    'sync:register-desktop': { sessionId },
    'sync:issue-block': { sessionId, ...proof },
    'sync:report-steps': { ...proof, used: [{ serial: '523405696', step: 1, loginId: 'kmb05871', at: 0 }], failures: { [target]: 1 }, serials: ['523405696'], holders: [target] },
    'sync:apply': { ...proof, operations: [operation] },
    'sync:replica': { ...proof, holders: [target] },
  };
}

/** Setup, import, user management, own passwords, audit log (issue: provisioning); setup and preview IDs never issued. */
function provisioningTemplates({ sessionId, otp, target }: TemplateIds): Record<string, Record<string, unknown>> {
  const step = { authPassword: PASSWORDS.auth, otp };
  const [setupId, previewId] = ['S'.repeat(43), 'P'.repeat(43)];
  const file = { format: 'csv', fileBase64: Buffer.from('serial number,secret key,time interval,expiry date\r\n').toString('base64') };
  return {
    'tokens:report-lost': { sessionId, loginId: target, ...step },
    'users:register': { sessionId, loginId: 'shinjin01', name: '新人 一郎', userType: 'general', initialLoginPassword: 'Init#Login1', initialAuthPassword: 'Init#Auth1', ...step },
    'users:update': { sessionId, loginId: target, name: '変更 後子', userType: 'admin', ...step },
    'users:remove': { sessionId, loginId: target, ...step },
    'users:change-master-auth-password': { sessionId, newAuthPassword: 'Auth#2099x', ...step },
    'setup:status': {},
    'setup:create': { companyCode: 'C0003', companyName: '新会社', masterLoginId: 'shinsha01', masterName: '新社 太郎', loginPassword: 'Login#2099', authPassword: 'Auth#2099' },
    'setup:resume': { masterLoginId: 'kmb05871', loginPassword: PASSWORDS.login, authPassword: PASSWORDS.auth },
    'setup:preview-import': { setupId, ...file },
    'setup:commit-import': { setupId, previewId },
    'setup:finish': { setupId },
    'imports:preview': { sessionId, ...file },
    'imports:commit': { sessionId, previewId, ...step },
    'imports:progress': { sessionId, previewId },
    'account:change-login-password': { sessionId, current: PASSWORDS.login, next: 'Login#2099' },
    'account:change-auth-password': { sessionId, current: PASSWORDS.auth, next: 'Auth#2099' },
    'account:replace-auth-password': { sessionId, loginPassword: PASSWORDS.login, otp, next: 'Auth#2099' },
    'audit:list': { sessionId, filter: { loginId: 'kmb05871' }, offset: 0, limit: 50 },
    'audit:export-csv': { sessionId, filter: {} },
    // Without the shell's save dialog a backup answers CANCELLED; a restore of bytes that are no backup is refused.
    'backup:create': { sessionId, passphrase: 'Backup#Pass2026', ...step },
    'backup:restore': { fileBase64: Buffer.from('not a backup').toString('base64'), passphrase: 'Backup#Pass2026' },
  };
}

/** The channels a general user's session is refused on (SPEC R-REV-1, R-OTP-3, R-REV-6): as the contract declares. */
export const ADMIN_CHANNELS: readonly string[] = allChannels()
  .filter((c) => c.access === 'manager' || c.access === 'admin' || c.access === 'master')
  .map((c) => c.name);
