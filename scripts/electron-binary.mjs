// Where Electron's binary is, without triggering the `electron` package's download (which fails on machines
// without access to its host), or undefined when there is none.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const DEFAULT_NAME = { win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' }[process.platform] ?? 'electron';

export function electronBinaryPath() {
  const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(pkg, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, name ?? DEFAULT_NAME) : name && join(pkg, 'dist', name);
  return candidate && existsSync(candidate) ? candidate : undefined;
}
