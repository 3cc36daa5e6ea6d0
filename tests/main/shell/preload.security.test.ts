import { describe, expect, it, vi } from 'vitest';
import { rendererChannels } from '../../../shared/contract/api';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, value: {} }));

// The real `electron` module cannot load in Node; the preload is checked against a stand-in of the two APIs it may use.
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke, send: vi.fn(), on: vi.fn() },
}));

describe('preload (Electron security checklist 20: no Electron API reaches the page)', () => {
  it('exposes one object, `api`, of invoke-only functions, one per contract channel', async () => {
    await import('../../../main/shell/preload');
    expect(Object.keys(exposed)).toEqual(['api']);
    const api = exposed.api as Record<string, Record<string, unknown>>;
    const functions = Object.values(api).flatMap((group) => Object.values(group));
    expect(functions).toHaveLength(rendererChannels().length);
    for (const fn of functions) expect(typeof fn).toBe('function');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|send|invoke|electron/i);
  });

  it('each function invokes exactly its own channel', async () => {
    const api = exposed.api as { auth: { login: (r: unknown) => Promise<unknown> } };
    await api.auth.login({ loginId: 'kmb05871', password: 'x' });
    expect(invoke).toHaveBeenCalledWith('auth:login', { loginId: 'kmb05871', password: 'x' });
  });
});
