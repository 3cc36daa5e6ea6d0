import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyOutbox, enqueue, isQueueable, outboxFile, revokedHere, waiting, withOutcome, type Queued } from '../../../main/offline/outbox';
import { readSealed, writeSealed } from '../../../main/offline/sealedFile';
import { uuidv7 } from '../../../main/offline/uuidv7';
import { scan } from '../../support/secrets';

const NOW = new Date('2026-12-01T01:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const proof = { serial: '523405696', step: 29_000_000 };
const revoke = (loginIds: string[]): Queued => ({
  channel: 'tokens:revoke',
  operator: 'kmb05871',
  proof,
  baseVersions: {},
  request: { sessionId: 'S'.repeat(43), loginIds, authPassword: 'Auth#2026', otp: '123456' },
});
const KEY = randomBytes(32);
const dir = mkdtempSync(join(tmpdir(), 'offline-outbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the offline outbox (main/offline/outbox)', () => {
  it('SPEC R-OFF-6: revocation, unlock, registration, change and removal queue; the online-only operations do not', () => {
    expect(['tokens:revoke', 'users:unlock', 'users:register', 'users:update', 'users:remove'].every(isQueueable)).toBe(true);
    const onlineOnly = ['tokens:register', 'imports:commit', 'users:change-master-auth-password', 'setup:create', 'account:change-login-password', 'account:change-auth-password', 'tokens:resync'];
    expect(onlineOnly.filter(isQueueable)).toEqual([]);
  });

  it('SPEC R-OFF-7: each operation has a time-ordered UUIDv7 key, in the order made; step-up secrets and the session are not kept', () => {
    const a = enqueue(emptyOutbox(), revoke(['ippan001']), NOW, KEY);
    const b = enqueue(a.outbox, revoke(['kigen001']), later(1), KEY);
    expect(a.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.key < b.key).toBe(true);
    expect(waiting(b.outbox).map((e) => e.key)).toEqual([a.key, b.key]);
    expect(b.outbox.entries[0]).toMatchObject({ operator: 'kmb05871', proof, request: { loginIds: ['ippan001'] } });
    expect(Object.keys(b.outbox.entries[0]?.request ?? {})).toEqual(['loginIds']);
  });

  it('SPEC R-OFF-6: a queued revocation takes effect here at once; a refused one stays listed with its reason and no longer counts', () => {
    const { outbox, key } = enqueue(emptyOutbox(), revoke(['ippan001', 'test12345']), NOW, KEY);
    expect([...revokedHere(outbox)].sort()).toEqual(['ippan001', 'test12345']);
    const refused = withOutcome(outbox, key, { accepted: false, reason: 'OPERATOR_REVOKED' }, later(5));
    expect(refused.entries).toMatchObject([{ key, refused: { reason: 'OPERATOR_REVOKED' } }]);
    expect(waiting(refused)).toEqual([]);
    expect(revokedHere(refused).size).toBe(0);
    expect(withOutcome(outbox, key, { accepted: true }, later(5)).entries).toEqual([]);
  });

  it('SPEC R-OFF-7: the outbox file is sealed (no password, no code in its bytes) and survives a restart', () => {
    const file = outboxFile(join(dir, 'outbox'), randomBytes(32), 'desk-1');
    const { outbox } = enqueue(emptyOutbox(), revoke(['ippan001']), NOW, KEY);
    writeSealed(file, outbox);
    expect(scan({ file: readFileSync(file.path) }, [{ label: 'auth', value: 'Auth#2026' }, { label: 'otp', value: '123456', digits: true }, { label: 'login ID', value: 'ippan001' }])).toEqual([]);
    expect(readSealed(file)).toEqual(outbox);
  });

  it('SPEC R-OFF-7: an entry queued before proofs had a MAC is kept as refused (OFFLINE_PROOF_INVALID), listed, never sent', () => {
    const file = outboxFile(join(dir, 'outbox-v1'), randomBytes(32), 'desk-1');
    const { outbox, key } = enqueue(emptyOutbox(), revoke(['ippan001']), NOW, KEY);
    const old = { entries: outbox.entries.map(({ proof: { mac: _mac, ...proof }, ...e }) => ({ ...e, proof })) };
    writeSealed(file, old as never);
    const reread = readSealed(file);
    expect(reread.entries).toMatchObject([{ key, refused: { reason: 'OFFLINE_PROOF_INVALID' } }]);
    expect(waiting(reread)).toEqual([]);
    expect(revokedHere(reread).size).toBe(0);
  });

  it('UUIDv7 (RFC 9562): the first 48 bits are the milliseconds, then version 7 and variant 10', () => {
    const id = uuidv7(new Date(0x0123_4567_89ab), new Uint8Array(10).fill(0xff));
    expect(id).toBe('01234567-89ab-7fff-bfff-ffffffffffff');
  });
});
