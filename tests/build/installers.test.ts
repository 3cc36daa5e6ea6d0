import { readFileSync } from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

describe('installers (electron-builder.yml)', () => {
  it("passes electron-builder's own schema, and a misspelt option would not", async () => {
    const config = await getConfig(process.cwd(), null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const misspelt = { ...config, nsis: { ...config.nsis, perMachin: true } };
    await expect(validateConfiguration(misspelt as never, new DebugLogger(false))).rejects.toThrow(/configuration/);
  });

  it('targets Windows NSIS with a per-machine choice, macOS dmg hardened, Linux AppImage and deb', async () => {
    const config = await getConfig(process.cwd(), null, null);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.mac).toMatchObject({ target: ['dmg'], hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist' });
    expect(readFileSync('build/entitlements.mac.plist', 'utf8')).toContain('com.apple.security.cs.allow-jit');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config).toMatchObject({ asar: true, npmRebuild: true, afterPack: 'scripts/after-pack.mjs' });
    const icon = readFileSync('build/icon.png');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
  });
});

describe('GitHub Actions workflow', () => {
  const source = readFileSync('.github/workflows/ci.yml', 'utf8');

  it('is valid for GitHub Actions (action-validator)', () => {
    expect(validateWorkflow(source).errors).toEqual([]);
    expect(validateWorkflow(source.replace('runs-on:', 'runs_on:')).errors.length).toBeGreaterThan(0);
  });

  it('tests, runs the real-Electron test under xvfb and builds installers on the three platforms', () => {
    for (const os of ['ubuntu-latest', 'windows-latest', 'macos-latest']) expect(source).toContain(os);
    expect(source).toContain('xvfb-run -a npm run test:electron');
    expect(source).toContain('npm run dist');
    expect(source).toMatch(/Code signing skipped/);
  });
});
