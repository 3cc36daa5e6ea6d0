import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedOnServer } from '../../../shared/contract/api';
import { dumpTables } from '../../support/db';
import { PASSWORDS } from '../../support/harness';
import { variants } from '../../support/malformed';
import { startServer, type ServerHarness } from '../../support/server';
import { requestTemplates } from '../../support/templates';

/**
 * The dispatch's malformed suite (tests/main/ipc/malformed.test.ts) over HTTPS, with the same templates and
 * variants: each is refused as a transport fault (400: no body, a prototype key) or as VALIDATION, nothing changed.
 */
let s: ServerHarness;
let templates: Record<string, Record<string, unknown>>;
beforeAll(async () => {
  s = await startServer();
  const login = async (loginId: string) =>
    ((await s.call('auth:login', { loginId, password: PASSWORDS.login })).body as { value: { challengeId: string } }).value.challengeId;
  const first = await s.call('auth:verify-otp', { challengeId: await login('kmb05871'), otp: await s.h.codeOf('523405696') });
  const sessionId = (first.body as { value: { sessionId: string } }).value.sessionId;
  s.h.clock.advance(60_000);
  const challengeId = await login('test12345');
  const otp = await s.h.codeOf('523405696');
  templates = requestTemplates({ sessionId, otpChallenge: challengeId, registration: challengeId, otp, resync: [otp, otp], target: 'ippan001' });
});
afterAll(async () => s.close());

describe('the server refuses malformed requests like the dispatch does (DESIGN-NOTES 7, SPEC R-GEN-3)', () => {
  it.each(servedOnServer().map((c) => [c.name]))('%s: every malformed request over HTTPS → 400 or VALIDATION, no state change', async (name) => {
    const before = await dumpTables(s.h.store.db);
    const channel = servedOnServer().find((c) => c.name === name)!;
    const malformed = variants(templates[name]!).filter(([, request]) => !channel.request.safeParse(request).success);
    expect(malformed.length).toBeGreaterThan(5);
    for (const [label, request] of malformed) {
      const answer = await s.call(name, request);
      if (answer.status === 400) continue;
      expect({ label, status: answer.status, body: answer.body }).toMatchObject({ label, status: 200, body: { ok: false, error: { code: 'VALIDATION' } } });
    }
    expect(await dumpTables(s.h.store.db)).toEqual(before);
  });

  it('after all of that, the templates still work over HTTPS: nothing was consumed or ended', async () => {
    expect((await s.call('auth:session', templates['auth:session'])).body).toMatchObject({ ok: true });
    expect((await s.call('auth:verify-otp', templates['auth:verify-otp'])).body).toMatchObject({ ok: true, value: { loginId: 'test12345' } });
  });
});
