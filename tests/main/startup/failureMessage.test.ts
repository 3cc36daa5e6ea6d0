import { describe, expect, it } from 'vitest';
import { failureMessage } from '../../../main/startup/failureMessage';
import { StartupError, type StartupReason } from '../../../main/startup/startupError';
import { StoreOpenError } from '../../../main/store/open';

const REASONS: StartupReason[] = ['KEYCHAIN_UNAVAILABLE', 'KEYCHAIN_BASIC_TEXT', 'SEAL_KEY_MISSING', 'SEAL_KEY_UNREADABLE', 'SEAL_KEY_MISMATCH'];
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('finding 6, SPEC R-GEN-1: a failed start explains itself in Japanese, then English', () => {
  it('every start-up reason and every store refusal has its own text in both languages, and the log path', () => {
    const errors = [
      ...REASONS.map((reason) => new StartupError(reason, reason)),
      ...(['foreign', 'damaged', 'migration'] as const).map((reason) => new StoreOpenError(reason, reason)),
      new TypeError('boom'),
    ];
    const messages = errors.map((error) => failureMessage(error, '/data/logs/otp-desktop.log'));
    expect(messages.map((m) => m.reason)).toEqual([...REASONS, 'STORE_FOREIGN', 'STORE_DAMAGED', 'STORE_MIGRATION', 'UNEXPECTED']);
    expect(new Set(messages.map((m) => m.body)).size).toBe(messages.length);
    for (const { title, body } of messages) {
      const [ja, en] = body.split('\n\n');
      expect(ja).toMatch(JAPANESE);
      expect(en).toMatch(/^[\x20-\x7e’]+$/);
      expect(title).toMatch(JAPANESE);
      expect(body).toContain('/data/logs/otp-desktop.log');
    }
  });

  it('the message never repeats the error text (it may name a file path or a value)', () => {
    const { body } = failureMessage(new Error('secret-looking detail'), undefined);
    expect(body).not.toContain('secret-looking detail');
  });
});
