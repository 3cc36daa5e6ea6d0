export { appLog, type AppLog, type RefusedSender } from './events';
export { createLogger, type Destination } from './logger';
export { DEFAULT_ROTATION, RotatingFile, type RotationOptions } from './rotatingFile';
export { openSupportLog, type SupportLog } from './supportLog';
