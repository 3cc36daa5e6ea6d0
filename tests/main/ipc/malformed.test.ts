import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverChannels } from '../../../shared/contract/api';
import { dumpTables } from '../../support/db';
import { createHarness, loginWithOtp, nextStep, passwordStep, type Harness } from '../../support/harness';
import { variants } from '../../support/malformed';
import { requestTemplates } from '../../support/templates';

let h: Harness;
let templates: Record<string, Record<string, unknown>>;
beforeAll(async () => {
  h = await createHarness();
  const sessionId = (await loginWithOtp(h, 'kmb05871')).sessionId;
  nextStep(h);
  const challengeId = await passwordStep(h, 'test12345');
  const otp = await h.codeOf('523405696');
  templates = requestTemplates({ sessionId, otpChallenge: challengeId, registration: challengeId, otp, resync: [otp, otp], target: 'ippan001' });
});
afterAll(async () => h.close());

describe('the dispatch wrapper refuses malformed requests (DESIGN-NOTES 7, SPEC R-GEN-3)', () => {
  it('every channel of the contract has a template here, and each template is valid', () => {
    expect(Object.keys(templates).sort()).toEqual(serverChannels().map((c) => c.name).sort());
    for (const channel of serverChannels()) expect(channel.request.safeParse(templates[channel.name]).success).toBe(true);
  });

  it.each(serverChannels().map((c) => [c.name]))('%s: every malformed request → VALIDATION, no state change', async (name) => {
    const before = await dumpTables(h.store.db);
    const channel = serverChannels().find((c) => c.name === name)!;
    // Variants the contract accepts are not malformed: {} for a channel without fields, an offset of 0, a long file.
    const malformed = variants(templates[name]!).filter(([, request]) => !channel.request.safeParse(request).success);
    expect(malformed.length).toBeGreaterThan(5);
    for (const [label, request] of malformed) {
      const result = await h.core.dispatch(name, request);
      expect({ label, result }).toMatchObject({ label, result: { ok: false, error: { code: 'VALIDATION' } } });
    }
    expect(await dumpTables(h.store.db)).toEqual(before);
  });

  it('the field of the refusal is named so the screen can show it', async () => {
    const result = await h.core.dispatch('tokens:register', { ...templates['tokens:register'], serial: '1234567' });
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'serial' } });
  });

  it.each([['auth:nope'], [''], ['__proto__'], ['constructor'], ['toString'], ['AUTH:LOGIN']])('unknown channel %j → VALIDATION', async (name) => {
    expect(await h.core.dispatch(name, templates['auth:login'])).toEqual({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('after all of that, the templates still work: nothing was consumed or ended', async () => {
    expect(await h.core.dispatch('auth:session', templates['auth:session'])).toMatchObject({ ok: true });
    expect(await h.core.dispatch('auth:verify-otp', templates['auth:verify-otp'])).toMatchObject({ ok: true, value: { loginId: 'test12345' } });
  });
});
