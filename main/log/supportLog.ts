import { join } from 'node:path';
import { appLog, type AppLog } from './events';
import { createLogger } from './logger';
import { DEFAULT_ROTATION, RotatingFile, type RotationOptions } from './rotatingFile';

export type SupportLog = { readonly log: AppLog; readonly file: string; close(): void };

/** The log the support centre asks for: `<data folder>/logs/otp-desktop.log`, rotated by size. */
export function openSupportLog(dataDir: string, rotation: RotationOptions = DEFAULT_ROTATION): SupportLog {
  const file = new RotatingFile(join(dataDir, 'logs'), 'otp-desktop', rotation);
  return { log: appLog(createLogger(file)), file: file.path, close: () => file.close() };
}
