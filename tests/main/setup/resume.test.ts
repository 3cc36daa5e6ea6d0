import { describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/createCore';
import { asFile, entraCsv, value } from '../../support/admin';
import { eachHarness } from '../../support/companyWorld';
import { auditRows, TEST_KDF, type Harness } from '../../support/harness';

let h: Harness;
eachHarness((harness) => (h = harness), { seed: false });

const MASTER = { masterLoginId: 'shacho01', loginPassword: 'Login#2026a', authPassword: 'Auth#2026b' };

/** The app started again on the same store: sessions and setup IDs, held in memory only, are gone. */
const restarted = () => createCore({ store: h.store, sealKey: h.sealKey, kdf: TEST_KDF, clock: h.clock.now }).api;

describe('a setup stopped before its token import can be resumed by its master (issue: provisioning)', () => {
  it('after a restart the old setup ID is gone, and the master resumes with both passwords', async () => {
    const { setupId } = value(await h.core.api.setup.create({ companyCode: 'C0100', companyName: '新設商事株式会社', masterName: '新社 一郎', ...MASTER }));
    const api = restarted();
    expect(await api.setup.status({})).toEqual({ ok: true, value: { needsSetup: false, canResume: true } });
    expect(await api.setup.finish({ setupId })).toEqual({ ok: false, error: { code: 'SETUP_INVALID' } });

    expect(await api.setup.resume({ ...MASTER, authPassword: 'Wrong#2026' })).toEqual({
      ok: false,
      error: { code: 'BAD_CREDENTIALS', field: 'loginPassword', attemptsLeft: 4 },
    });
    expect(await api.setup.resume({ ...MASTER, masterLoginId: 'nobody01' })).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', field: 'loginPassword' } });

    const resumed = value(await api.setup.resume(MASTER));
    const preview = value(await api.setup.previewImport({ setupId: resumed.setupId, ...asFile('csv', entraCsv([{ serial: '800000001' }])) }));
    expect(await api.setup.commitImport({ setupId: resumed.setupId, previewId: preview.previewId })).toEqual({ ok: true, value: { imported: 1 } });

    expect(await api.setup.status({})).toEqual({ ok: true, value: { needsSetup: false, canResume: false } });
    expect(await api.setup.resume(MASTER)).toEqual({ ok: false, error: { code: 'SETUP_ALREADY_DONE' } });
    const resumes = (await auditRows(h)).filter((r) => r.action === 'setup.resume').map((r) => [r.actor_login_id, r.target_login_id, r.result, r.reason]);
    // Unauthenticated tries have no actor; the unknown ID is kept only as an HMAC (issue 11 finding 4).
    expect(resumes).toEqual([
      [null, 'shacho01', 'failure', 'BAD_CREDENTIALS'],
      [null, null, 'failure', 'BAD_CREDENTIALS'],
      ['shacho01', 'shacho01', 'success', null],
      [null, 'shacho01', 'failure', 'SETUP_ALREADY_DONE'],
    ]);
  });

  it('SPEC R-OTP-3: wrong passwords at resume lock the master like any other attempt', async () => {
    value(await h.core.api.setup.create({ companyCode: 'C0100', companyName: '新設商事株式会社', masterName: '新社 一郎', ...MASTER }));
    for (let i = 0; i < 4; i++) await h.core.api.setup.resume({ ...MASTER, loginPassword: 'Wrong#2026' });
    expect(await h.core.api.setup.resume({ ...MASTER, loginPassword: 'Wrong#2026' })).toEqual({ ok: false, error: { code: 'LOCKED' } });
    expect(await h.core.api.setup.resume(MASTER)).toEqual({ ok: false, error: { code: 'LOCKED' } });
  });
});
