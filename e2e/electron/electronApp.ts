import { spawnSync } from 'node:child_process';
import { electronBinaryPath } from '../../scripts/electron-binary.mjs';

/**
 * Why the real-Electron test cannot run here, or undefined when it can. Two things are needed: Electron's
 * binary (its download host is unreachable on some machines) and better-sqlite3 built for Electron's ABI
 * (`npx electron-builder install-app-deps`; a plain `npm ci` builds it for Node, which the Node tests need).
 */
export function whyElectronCannotRun(): string | undefined {
  const binary = electronBinaryPath();
  if (!binary) {
    return "no Electron binary on this machine (its download host is unreachable): set ELECTRON_OVERRIDE_DIST_PATH or run where it can be downloaded, as .github/workflows/ci.yml does";
  }
  const probe = spawnSync(binary, ['-e', "require('better-sqlite3')"], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (probe.status !== 0) return 'better-sqlite3 is built for Node, not Electron: run `npx electron-builder install-app-deps` first';
  return undefined;
}

export { electronBinaryPath };
