// `npm run demo`: the app on a demo store (.demo-data/), created with the guide's sample company on first
// start. The demo flag is an environment variable that a packaged build ignores.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { electronBinaryPath } from './electron-binary.mjs';

const dir = resolve(process.env.OTP_DESKTOP_DEMO_DIR ?? '.demo-data');

// Electron 45 fetches its binary on first use; try that once, then explain if it cannot be had.
if (!electronBinaryPath()) spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: 'inherit' });
if (!electronBinaryPath()) {
  console.error(
    "\nElectron's binary is not installed on this machine and its download failed.\n" +
      'Install it (`npx install-electron` where its download host is reachable) or point ELECTRON_OVERRIDE_DIST_PATH at an\n' +
      'unpacked Electron 45 folder. The demo data can still be created with `npm run demo:seed`, and the\n' +
      'screens tried in the browser tests (`npm test`).',
  );
  process.exit(1);
}

const seeded = spawnSync('npx', ['tsx', 'main/cli/demo-seed.ts', '--data-dir', dir], { stdio: 'inherit' });
if (seeded.status !== 0) process.exit(seeded.status ?? 1);
const app = spawnSync('npx', ['electron-vite', 'dev'], { stdio: 'inherit', env: { ...process.env, OTP_DESKTOP_DEMO_DIR: dir } });
process.exit(app.status ?? 1);
