import { pino, type Logger } from 'pino';
import { scrub, scrubText } from './scrub';

export type Destination = { write(line: string): void };

/**
 * One pino logger for both shells: structured JSON lines, and the logger Fastify takes as its own
 * (`loggerInstance`), so the desktop's support log and a server's log read the same. Every field object and
 * every message string is scrubbed before it is written (./scrub.ts).
 */
export function createLogger(destination: Destination, level: pino.LevelWithSilent = 'info'): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrub(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
