// Flips Electron's fuses to build/fuses.json and reads them back, failing the packaging on any mismatch
// (Electron security checklist 19). Used by scripts/after-pack.mjs; tested on a stand-in binary.
import { readFileSync } from 'node:fs';
import { flipFuses, FuseState, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';

export const wantedFuses = () => {
  const { $comment: _comment, ...fuses } = JSON.parse(readFileSync(new URL('../build/fuses.json', import.meta.url), 'utf8'));
  return fuses;
};

export async function applyFuses(electronBinary, fuses = wantedFuses(), resetAdHocDarwinSignature = false) {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature };
  for (const [name, on] of Object.entries(fuses)) {
    if (!(name in FuseV1Options)) throw new Error(`unknown fuse ${name}`);
    config[FuseV1Options[name]] = on;
  }
  await flipFuses(electronBinary, config);
  const wire = await getCurrentFuseWire(electronBinary);
  const wrong = Object.entries(fuses).filter(([name, on]) => wire[FuseV1Options[name]] !== (on ? FuseState.ENABLE : FuseState.DISABLE));
  if (wrong.length > 0) throw new Error(`fuses not set after flipping: ${wrong.map(([n]) => n).join(', ')}`);
  return wire;
}
