import { afterEach, describe, expect, it } from 'vitest';
import { serverChannels, type Access, type Channel } from '../../../shared/contract';
import { createDispatch } from '../../../main/ipc/dispatch';
import { handlerTable, servedContract, type HandlerTable } from '../../../main/ipc/handlerTable';
import { auditRows, createHarness, loginWithOtp, nextStep, type Harness } from '../../support/harness';
import { requestTemplates } from '../../support/templates';

/**
 * The access of every channel, written out here on purpose: a change to who may call a channel is a security
 * decision, so it must change this table too, not only the contract.
 */
const DECLARED: Record<string, Access> = {
  'auth:login': 'public',
  'auth:verify-otp': 'public',
  'auth:session': 'session',
  'auth:logout': 'session',
  'tokens:register': 'public',
  'tokens:revoke': 'manager',
  'tokens:resync': 'manager',
  'tokens:report-lost': 'manager',
  'users:list': 'manager',
  'users:unlock': 'manager',
  'users:register': 'manager',
  'users:update': 'manager',
  'users:remove': 'manager',
  'users:change-master-auth-password': 'admin',
  'top:get': 'session',
  'top:mark-notice-read': 'session',
  'setup:status': 'public',
  'setup:create': 'public',
  'setup:resume': 'public',
  'setup:preview-import': 'public',
  'setup:commit-import': 'public',
  'setup:finish': 'public',
  'imports:preview': 'manager',
  'imports:commit': 'manager',
  'imports:progress': 'manager',
  'account:change-login-password': 'session',
  'account:change-auth-password': 'session',
  'audit:list': 'manager',
  'audit:export-csv': 'manager',
  'backup:create': 'master',
  'account:replace-auth-password': 'master',
  'backup:restore': 'public',
  // Desktop ↔ server (SPEC R-OFF-1..8): the public ones prove the desktop's registration in their service instead.
  'sync:register-desktop': 'session',
  'sync:issue-block': 'session',
  'sync:report-steps': 'public',
  'sync:apply': 'public',
  'sync:replica': 'public',
};

type Role = 'general' | 'admin' | 'master' | 'otherCompany' | 'noSession';

/** Each role's demo user and token; "no session" sends a well-formed session ID that was never issued. */
const ROLES: Record<Role, { loginId: string | null; serial: string }> = {
  general: { loginId: 'ippan001', serial: '523405697' },
  admin: { loginId: 'test12345', serial: '523405696' },
  master: { loginId: 'kmb05871', serial: '523405696' },
  /** The master of the demo's second company: every target of the templates is in the first. */
  otherCompany: { loginId: 'tasha001', serial: '700000001' },
  noSession: { loginId: null, serial: '523405696' },
};

/** The answer the dispatch owes each role on each level: null = the service runs. Independent of `mayUse`. */
const ANSWER: Record<Access, Record<Role, null | 'FORBIDDEN' | 'SESSION_INVALID'>> = {
  public: { general: null, admin: null, master: null, otherCompany: null, noSession: null },
  session: { general: null, admin: null, master: null, otherCompany: null, noSession: 'SESSION_INVALID' },
  manager: { general: 'FORBIDDEN', admin: null, master: null, otherCompany: null, noSession: 'SESSION_INVALID' },
  admin: { general: 'FORBIDDEN', admin: null, master: 'FORBIDDEN', otherCompany: 'FORBIDDEN', noSession: 'SESSION_INVALID' },
  master: { general: 'FORBIDDEN', admin: 'FORBIDDEN', master: null, otherCompany: null, noSession: 'SESSION_INVALID' },
};

/** Calls that change what later calls of the same session see: last, logging out very last. */
const LAST = ['account:change-login-password', 'account:change-auth-password', 'auth:logout'];
const order = (names: string[]) => [...names.filter((n) => !LAST.includes(n)), ...LAST];

let h: Harness;

/** The real dispatch over the real handlers, each wrapped to record that its service was reached. */
function recordingDispatch(reached: string[]) {
  type Handler = (input: unknown, ctx: unknown) => unknown;
  const real = handlerTable(h.core.deps) as unknown as Record<string, Record<string, Handler>>;
  const table = Object.fromEntries(
    Object.entries(servedContract).map(([group, channels]) => [
      group,
      Object.fromEntries(
        Object.entries(channels as Record<string, Channel>).map(([method, { name }]) => {
          const handler = real[group]![method]!;
          return [method, (input: unknown, ctx: unknown) => (reached.push(name), handler(input, ctx))];
        }),
      ),
    ]),
  ) as unknown as HandlerTable;
  return createDispatch(table, h.core.deps, h.clock.now, (_name, error) => h.bugs.push(error));
}

async function requestFor(name: string, role: Role, sessionId: string) {
  nextStep(h);
  const otp = await h.codeOf(ROLES[role].serial);
  const resync = [await h.codeOf('523405697'), await h.codeOf('523405697', 1)] as const;
  const ids = { sessionId, otpChallenge: 'C'.repeat(43), registration: 'R'.repeat(43), otp, resync, target: 'kigen001' };
  return requestTemplates(ids)[name];
}

describe('access declared per channel (SPEC R-REV-1, R-REV-6)', () => {
  it('the contract declares exactly the access this table states, for every channel', () => {
    expect(Object.fromEntries(serverChannels().map((c) => [c.name, c.access]))).toEqual(DECLARED);
  });
});

describe('access enforced by the one dispatch, every refusal audited (SPEC R-REV-1, R-REV-6, R-GEN-2)', () => {
  afterEach(async () => h.close());

  it.each(Object.keys(ROLES) as Role[])(
    'SPEC R-REV-1, R-GEN-2: %s on every channel → the declared answer; each refusal before the service, with one audit row',
    async (role) => {
      h = await createHarness();
      const { loginId } = ROLES[role];
      const sessionId = loginId ? (await loginWithOtp(h, loginId, ROLES[role].serial)).sessionId : 'N'.repeat(43);
      const reached: string[] = [];
      const dispatch = recordingDispatch(reached);
      const answers: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const name of order(serverChannels().map((c) => c.name))) {
        const want = ANSWER[DECLARED[name]!][role];
        const request = await requestFor(name, role, sessionId);
        const auditBefore = (await auditRows(h)).length;
        const result = await dispatch(name, request);
        const added = (await auditRows(h)).slice(auditBefore);
        const refusals = added.filter((r) => r.detail?.includes('"channel"'));
        const wasReached = reached.at(-1) === name && reached.splice(0).length === 1;
        expected[name] = want ?? 'service';
        if (want === null) {
          answers[name] = wasReached && refusals.length === 0 ? 'service' : `not reached: ${JSON.stringify(result)}`;
          continue;
        }
        const row = added.length === 1 ? added[0]! : undefined;
        const audited =
          row?.actor_login_id === loginId && row.result === 'failure' && row.reason === want && JSON.parse(row.detail!).channel === name;
        answers[name] = !wasReached && audited && !result.ok ? result.error.code : `${JSON.stringify(result)}, audit ${JSON.stringify(added)}`;
      }
      expect(answers).toEqual(expected);
    },
  );
});
