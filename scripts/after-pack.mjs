// electron-builder afterPack hook: the packaged Electron binary gets its fuses before signing.
import { join } from 'node:path';
import { applyFuses } from './fuses.mjs';

export default async function afterPack(context) {
  const { electronPlatformName: platform, appOutDir, packager } = context;
  const name = packager.appInfo.productFilename;
  const binary = {
    darwin: join(appOutDir, `${name}.app`),
    mas: join(appOutDir, `${name}.app`),
    win32: join(appOutDir, `${name}.exe`),
  }[platform] ?? join(appOutDir, packager.executableName);
  // On Apple silicon an ad-hoc signature must be redone after the binary changes.
  await applyFuses(binary, undefined, platform === 'darwin' && context.arch === 3);
  console.log(`fuses set and verified on ${binary}`);
}
