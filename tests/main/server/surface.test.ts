import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVED } from '../../../shared/contract';
import { rendererChannels, servedOnServer, serverChannels } from '../../../shared/contract/api';
import { backupHarness, PASSPHRASE, restoreInput, writeBackup } from '../../support/backup';
import { dumpTables } from '../../support/db';
import { createHarness } from '../../support/harness';
import { DIALECT } from '../../support/stores';
import { startServer, type ServerHarness } from '../../support/server';

/** What every transport refusal of an unknown path answers: a code, nothing of the request. */
const NOT_FOUND = { error: { status: 404, code: 'FST_ERR_NOT_FOUND' } };

let s: ServerHarness;
beforeAll(async () => {
  // An empty server whose setup is closed (the finding's scenario), on the run's store.
  s = await startServer({ harness: await createHarness({ seed: false }), setupPolicy: 'closed' });
});
afterAll(async () => {
  await s.close();
  await s.h.close();
});

describe(`issue 19 finding 4: the server serves only what the contract says it serves, on ${DIALECT}`, () => {
  it('SPEC R-SRV-3, DESIGN-NOTES 11: every channel of the whole contract is routed when SERVED says so, else 404 with its code only', async () => {
    const all = new Map([...rendererChannels(), ...serverChannels()].map((c) => [c.name, c]));
    const served = new Set(servedOnServer().map((c) => c.name));
    const desktopOnly = Object.entries(SERVED).flatMap(([group, methods]) =>
      Object.entries(methods).filter(([, where]) => where === 'desktop').map(([method]) => `${group}.${method}`),
    );
    expect(desktopOnly).toEqual(expect.arrayContaining(['backup.create', 'backup.restore']));
    for (const name of all.keys()) {
      const answer = await s.send('POST', `/api/v1/${name}`, {});
      if (served.has(name)) expect({ name, status: answer.status }).toEqual({ name, status: 200 });
      else expect({ name, status: answer.status, body: answer.body }).toEqual({ name, status: 404, body: NOT_FOUND });
    }
    // Served: the contract's channels but the desktop-only ones, and the sync channels; never connection:*.
    expect([...all.keys()].filter((n) => !served.has(n)).sort()).toEqual(
      [...all.keys()].filter((n) => n.startsWith('backup:') || n.startsWith('connection:') || n.startsWith('offline:')).sort(),
    );
  });

  it('SPEC R-SRV-3: an anonymous client cannot restore a backup on an empty server whose setup is closed: 404, nothing written', async () => {
    const desktop = await backupHarness();
    try {
      const file = await writeBackup(desktop);
      const before = await dumpTables(s.h.store.db);
      const answer = await s.send('POST', '/api/v1/backup:restore', restoreInput(file, PASSPHRASE));
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 404, body: NOT_FOUND });
      expect(await dumpTables(s.h.store.db)).toEqual(before);
      expect(await s.h.store.db.selectFrom('companies').select('id').execute()).toEqual([]);
    } finally {
      await desktop.close();
    }
  });
});

describe('issue 19 finding 7: transport refusals say nothing of the request, TLS takes AEAD suites only', () => {
  it('the 404 body is its code only: the requested path is not echoed', async () => {
    const marker = 'zz-echo-marker-4711';
    for (const [method, path] of [['POST', `/api/v1/users:${marker}`], ['GET', `/${marker}?q=${marker}`], ['POST', `/${marker}`]] as const) {
      const answer = await s.send(method, path, method === 'POST' ? {} : undefined, method === 'GET' ? { contentType: null } : {});
      expect({ path, status: answer.status, body: answer.body }).toEqual({ path, status: 404, body: NOT_FOUND });
      expect(answer.text).not.toContain(marker);
    }
  });

  /** One handshake with the server, offering only `ciphers` (TLS 1.2) or TLS 1.3's defaults: its cipher, or the refusal. */
  const handshake = (options: { ciphers?: string; maxVersion?: 'TLSv1.2' | 'TLSv1.3' }) =>
    new Promise<{ ok: true; cipher: string; protocol: string | null } | { ok: false; code: string }>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: s.port, ca: s.ca, servername: 'localhost', ...options }, () => {
        resolve({ ok: true, cipher: socket.getCipher().name, protocol: socket.getProtocol() });
        socket.end();
      });
      socket.on('error', (e: NodeJS.ErrnoException) => resolve({ ok: false, code: e.code ?? e.message }));
    });

  it('TLS 1.2 with a CBC suite (SHA-1 or SHA-256 MAC) is refused at the handshake; ECDHE with AES-GCM or ChaCha20-Poly1305 and TLS 1.3 are accepted', async () => {
    for (const ciphers of ['ECDHE-ECDSA-AES128-SHA', 'ECDHE-ECDSA-AES256-SHA', 'ECDHE-ECDSA-AES128-SHA256']) {
      expect({ ciphers, answer: await handshake({ ciphers, maxVersion: 'TLSv1.2' }) }).toMatchObject({ ciphers, answer: { ok: false } });
    }
    for (const ciphers of ['ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-CHACHA20-POLY1305']) {
      expect(await handshake({ ciphers, maxVersion: 'TLSv1.2' })).toEqual({ ok: true, cipher: ciphers, protocol: 'TLSv1.2' });
    }
    expect(await handshake({})).toMatchObject({ ok: true, protocol: 'TLSv1.3' });
  });
});
