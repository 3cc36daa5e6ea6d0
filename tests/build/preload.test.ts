import { existsSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/contract/api';

/**
 * Issue 12 item 9: the built preload (out/preload/preload.cjs) run as a sandboxed preload is: CommonJS in its
 * own context whose `require` knows only `electron`, here a recording stand-in. It must expose exactly `api`,
 * with one invoke-only function per contract channel.
 */
const PRELOAD = 'out/preload/preload.cjs';

function runPreload() {
  const exposed: [string, unknown][] = [];
  const invoked: unknown[][] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.push([key, value]) },
    ipcRenderer: { invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, value: {} }) },
  };
  const required: string[] = [];
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const module = { exports: {} };
  runInNewContext(readFileSync(PRELOAD, 'utf8'), { require: sandboxRequire, module, exports: module.exports }, { filename: PRELOAD });
  return { exposed, invoked, required };
}

const shape = (api: unknown) =>
  Object.fromEntries(Object.entries(api as Record<string, Record<string, unknown>>).map(([group, methods]) => [group, Object.keys(methods).sort()]));

describe('boot of the built preload bundle', () => {
  it('is one CommonJS file that requires nothing but electron', () => {
    expect(existsSync(PRELOAD), 'run `npx electron-vite build` first').toBe(true);
    expect(runPreload().required).toEqual(['electron']);
  });

  it('exposes exactly `api`, once, with the methods of the contract and nothing else', () => {
    const { exposed } = runPreload();
    expect(exposed.map(([key]) => key)).toEqual(['api']);
    const expected = Object.fromEntries(Object.entries(channelNames()).map(([group, methods]) => [group, Object.keys(methods).sort()]));
    expect(shape(exposed[0]![1])).toEqual(expected);
    for (const methods of Object.values(exposed[0]![1] as Record<string, Record<string, unknown>>)) {
      for (const fn of Object.values(methods)) expect(typeof fn).toBe('function');
    }
  });

  it('each method invokes its own channel with the request', async () => {
    const { exposed, invoked } = runPreload();
    const api = exposed[0]![1] as Record<string, Record<string, (request: unknown) => Promise<unknown>>>;
    const names = channelNames() as Record<string, Record<string, string>>;
    for (const [group, methods] of Object.entries(names)) {
      for (const [method, channel] of Object.entries(methods)) {
        await api[group]![method]!({ probe: channel });
        expect(invoked.at(-1)).toEqual([channel, { probe: channel }]);
      }
    }
  });
});
