import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChannels } from '../../../shared/contract/api';
import { dumpTables } from '../../support/db';
import { createHarness, loginWithOtp, nextStep, passwordStep, type Harness } from '../../support/harness';

let h: Harness;
let templates: Record<string, Record<string, unknown>>;
beforeAll(async () => {
  h = await createHarness();
  const sessionId = (await loginWithOtp(h, 'kmb05871')).sessionId;
  nextStep(h);
  const challengeId = await passwordStep(h, 'test12345');
  const otp = await h.codeOf('523405696');
  const step = { authPassword: 'Auth#2026', otp };
  const [setupId, previewId] = ['S'.repeat(43), 'P'.repeat(43)];
  const csv = Buffer.from('serial number,secret key,time interval,expiry date\r\n').toString('base64');
  // Each template is a valid request that would change state (consume a code, end a session...) if it got through.
  templates = {
    'auth:login': { loginId: 'kmb05871', password: 'Login#2026' },
    'auth:verify-otp': { challengeId, otp },
    'auth:session': { sessionId },
    'auth:logout': { sessionId },
    'tokens:register': { challengeId, serial: '600000001', otp },
    'tokens:revoke': { sessionId, loginIds: ['ippan001'], authPassword: 'Auth#2026', otp },
    'tokens:resync': { sessionId, serial: '523405697', firstOtp: otp, secondOtp: otp, authPassword: 'Auth#2026' },
    'users:list': { sessionId, sort: 'loginId-asc' },
    'users:unlock': { sessionId, loginId: 'ippan001', authPassword: 'Auth#2026', otp },
    'top:get': { sessionId },
    'top:mark-notice-read': { sessionId, noticeId: 1 },
    'tokens:report-lost': { sessionId, loginId: 'ippan001', ...step },
    'users:register': { sessionId, loginId: 'shinjin01', name: '新人 一郎', userType: 'general', initialLoginPassword: 'Init#Login1', initialAuthPassword: 'Init#Auth1', ...step },
    'users:update': { sessionId, loginId: 'ippan001', name: '一般 花代', userType: 'admin', ...step },
    'users:remove': { sessionId, loginId: 'ippan001', ...step },
    'users:change-master-auth-password': { sessionId, newAuthPassword: 'Auth#2099', ...step },
    'setup:status': {},
    'setup:create': { companyCode: 'C0003', companyName: '新会社', masterLoginId: 'shinsha01', masterName: '新社 太郎', loginPassword: 'Login#2099', authPassword: 'Auth#2099' },
    'setup:preview-import': { setupId, format: 'csv', fileBase64: csv },
    'setup:commit-import': { setupId, previewId },
    'setup:finish': { setupId },
    'imports:preview': { sessionId, format: 'pskc', fileBase64: csv, preSharedKeyHex: '00'.repeat(16) },
    'imports:commit': { sessionId, previewId, ...step },
    'imports:progress': { sessionId, previewId },
    'account:change-login-password': { sessionId, current: 'Login#2026', next: 'Login#2099' },
    'account:change-auth-password': { sessionId, current: 'Auth#2026', next: 'Auth#2099' },
    'audit:list': { sessionId, filter: { loginId: 'kmb05871' }, offset: 0, limit: 50 },
    'audit:export-csv': { sessionId, filter: {} },
  };
});
afterAll(async () => h.close());

const LONG = 'x'.repeat(10_000);
const wrongType = (v: unknown): unknown[] =>
  typeof v === 'string' ? [123, true, null, [v], { v }] : typeof v === 'number' ? ['1', 1.5, -1, 0, null] : ['ippan001', [123], [], null];

/** Every malformed variant of one valid request, labelled. */
function variants(template: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'kmb05871'],
    ['a number', 42],
    ['an array', [template]],
    ['an empty object', {}],
    ['an extra key', { ...template, admin: true }],
    ['a __proto__ key', JSON.parse(`{"__proto__":{"admin":true}${Object.keys(template).length > 0 ? ',' : ''}${JSON.stringify(template).slice(1)}`)],
    ['a constructor key', { ...template, constructor: { prototype: {} } }],
  ];
  for (const [key, value] of Object.entries(template)) {
    const { [key]: _dropped, ...without } = template;
    out.push([`${key} missing`, without]);
    for (const bad of wrongType(value)) out.push([`${key} = ${JSON.stringify(bad)}`, { ...template, [key]: bad }]);
    out.push([`${key} of 10,000 characters`, { ...template, [key]: Array.isArray(value) ? [LONG] : LONG }]);
  }
  return out;
}

describe('the dispatch wrapper refuses malformed requests (DESIGN-NOTES 7, SPEC R-GEN-3)', () => {
  it('every channel of the contract has a template here, and each template is valid', () => {
    expect(Object.keys(templates).sort()).toEqual(allChannels().map((c) => c.name).sort());
    for (const channel of allChannels()) expect(channel.request.safeParse(templates[channel.name]).success).toBe(true);
  });

  it.each(allChannels().map((c) => [c.name]))('%s: every malformed request → VALIDATION, no state change', async (name) => {
    const before = await dumpTables(h.store.db);
    const channel = allChannels().find((c) => c.name === name)!;
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
