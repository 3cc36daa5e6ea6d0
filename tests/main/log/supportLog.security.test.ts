import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/createCore';
import { openSupportLog, type SupportLog } from '../../../main/log';
import { newId } from '../../../main/session/ids';
import { registerIpc } from '../../../main/shell/ipc';
import { isAppUrl } from '../../../main/shell/policy';
import { failureReason } from '../../../main/startup/failureMessage';
import { loadSealKey } from '../../../main/startup/sealKey';
import { openStore } from '../../../main/store/open';
import { TEST_KDF } from '../../support/harness';
import { base32, scan, type Secret } from '../../support/secrets';

/**
 * Issue 12 item 10 and issue 11 finding 11: a planted secret of every kind goes through every logging path
 * (handler bug, store error, start-up failure, IPC refusal) and the log file's bytes hold none of them.
 */
const seed = randomBytes(20);
const planted = {
  password: 'Pl4nted#Passw0rd',
  otp: '493817',
  sessionId: newId(),
  seedHex: seed.toString('hex'),
  seedBase32: base32(seed),
  unknownLoginId: 'ghostusertypo',
};
const secrets: Secret[] = [
  { label: 'password', value: planted.password },
  { label: 'OTP', value: planted.otp, digits: true },
  { label: 'session ID', value: planted.sessionId },
  { label: 'seed', value: seed },
  { label: 'unknown login ID', value: planted.unknownLoginId },
];
/** Everything a request of the app can carry, all at once. */
const payload = {
  loginId: planted.unknownLoginId,
  password: planted.password,
  otp: planted.otp,
  sessionId: planted.sessionId,
  preSharedKeyHex: planted.seedHex,
};

let dir: string;
let support: SupportLog;
let text: string;

function sqliteError(message: string): Error {
  return Object.assign(new Error(message), { code: 'SQLITE_IOERR', request: payload });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shell-log-'));
  support = openSupportLog(dir);
  const { log } = support;

  // Handler bug through the real dispatch: the store is gone, so the login handler throws on the planted request.
  const store = await openStore(join(dir, 'store.sqlite'));
  const core = createCore({ store, sealKey: randomBytes(32), kdf: TEST_KDF, logBug: log.bug });
  await store.close();
  expect(await core.dispatch('auth:login', { loginId: planted.unknownLoginId, password: planted.password })).toEqual({ ok: false, error: { code: 'INTERNAL' } });
  // A bug whose error carries the secrets itself, in its message and its own fields.
  log.bug('auth:verify-otp', Object.assign(new Error(`code ${planted.otp} for ${planted.sessionId} seed ${planted.seedHex}`), { input: payload, otp: planted.otp }));
  log.bug('tokens:resync', new Error(`seed ${planted.seedBase32} refused`, { cause: { password: planted.password, args: [payload] } }));

  // Store errors: one raised inside a handler, one when the store is closed.
  log.bug('tokens:revoke', sqliteError(`disk I/O error near ${planted.sessionId}`));
  log.storeError('close', sqliteError(`cannot close, otp ${planted.otp}`));

  // Start-up failure: a seal key missing beside sealed seeds, then one with secrets in its message.
  const keychain = { isEncryptionAvailable: () => true, encryptString: () => Buffer.from('x'), decryptString: () => planted.seedHex.slice(2) };
  try {
    loadSealKey(dir, keychain, 'linux', { serial: '523405696', seed_sealed: seed });
  } catch (error) {
    log.startFailed(failureReason(error), error);
  }
  log.startFailed('UNEXPECTED', new Error(`boot with ${planted.seedBase32} and ${planted.sessionId}`));

  // IPC refusals: a foreign page and a sub-frame, their URLs and payloads full of secrets.
  const handlers = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>();
  registerIpc({ handle: (name: string, fn: never) => handlers.set(name, fn) } as never, core.dispatch, (u) => isAppUrl(u), log.ipcRefused);
  const login = handlers.get('auth:login')!;
  const foreign = `https://evil.example/steal?otp=${planted.otp}&sid=${planted.sessionId}#${planted.password}`;
  await login({ senderFrame: { url: foreign, parent: null } }, payload);
  await login({ senderFrame: { url: `app://bundle/${planted.sessionId}`, parent: {} } }, payload);

  support.close();
  text = readFileSync(support.file, 'utf8');
  if (process.env.SHOW_LOG) console.log(text);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('support log: every path, no secret (issue 12 item 10)', () => {
  it('SPEC R-GEN-2 / DESIGN-NOTES 7: the file holds one JSON line per event, each path written', () => {
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.event)).toEqual([
      'handler-bug',
      'handler-bug',
      'handler-bug',
      'store-error',
      'store-error',
      'start-failed',
      'start-failed',
      'ipc-refused',
      'ipc-refused',
    ]);
    expect(lines[0]).toMatchObject({ level: 'error', channel: 'auth:login' });
    expect(lines[3]).toMatchObject({ channel: 'tokens:revoke', code: 'SQLITE_IOERR' });
    expect(lines[5]).toMatchObject({ level: 'fatal', reason: 'SEAL_KEY_MISSING' });
  });

  it('no planted password, OTP, session ID, seed (hex, base32, raw) or unknown login ID reaches the file bytes', () => {
    expect(scan({ log: readFileSync(support.file) }, secrets)).toEqual([]);
  });

  it('finding 11: an IPC refusal names the channel, the origin and the frame, never the URL path or the payload', () => {
    const refusals = text.trim().split('\n').map((line) => JSON.parse(line)).filter((l) => l.event === 'ipc-refused');
    expect(refusals.map(({ channel, origin, frame }) => ({ channel, origin, frame }))).toEqual([
      { channel: 'auth:login', origin: 'https://evil.example', frame: 'top' },
      { channel: 'auth:login', origin: 'app://bundle', frame: 'sub' },
    ]);
    expect(text).not.toContain('steal');
  });
});
