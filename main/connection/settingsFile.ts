import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectionSettingsSchema, type ConnectionSettings } from '../../shared/contract/connection';

export const SETTINGS_FILE = 'connection.json';

/**
 * connection.json in the app's data folder: none yet (first run, or a desktop older than this choice), or a
 * validated mode. A file that does not parse stops the start: guessing a mode could open a store on a desktop
 * meant to hold none (SPEC R-SRV-1), or point it at a server nobody chose.
 */
export function readSettings(dir: string): ConnectionSettings | null {
  const file = join(dir, SETTINGS_FILE);
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`${file} is not JSON: fix or delete it`);
  }
  const parsed = connectionSettingsSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a valid connection setting: fix or delete it`);
  return parsed.data;
}

/** Written whole or not at all: a new file beside the old one, then renamed over it. */
export function writeSettings(dir: string, settings: ConnectionSettings): void {
  const file = join(dir, SETTINGS_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}
