import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import { applyFuses, wantedFuses } from '../../../scripts/fuses.mjs';

/** A stand-in binary with Electron's fuse sentinel and a wire of 9 fuses, all in Electron's shipped state. */
function fakeElectron(dir: string): string {
  const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');
  const shipped = Buffer.from('101001000', 'ascii');
  const file = join(dir, 'electron');
  writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 7), sentinel, Buffer.from([1, 9]), shipped, Buffer.alloc(512, 7)]));
  return file;
}

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('fuses at packaging (Electron security checklist 19)', () => {
  it('flips RunAsNode, NODE_OPTIONS and inspect off, asar integrity on, and reads them back', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fuses-'));
    const binary = fakeElectron(dir);
    await applyFuses(binary);
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(Object.keys(wantedFuses())).toHaveLength(7);
  });

  it('refuses a binary without fuses rather than ship it unflipped', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fuses-'));
    const file = join(dir, 'not-electron');
    writeFileSync(file, Buffer.alloc(1024, 1));
    await expect(applyFuses(file)).rejects.toThrow(/sentinel/);
    expect(readFileSync(file)).toEqual(Buffer.alloc(1024, 1));
  });
});
