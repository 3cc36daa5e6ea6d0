import type { Logger } from 'pino';

/**
 * What the support log records, one method per event, so no caller can hand it a request: handler bugs,
 * store errors, start-up failures and IPC senders refused. Shared by the Electron shell and a server shell.
 */
export type AppLog = {
  /** A handler threw (DESIGN-NOTES 7); the dispatch's BugLog. Store failures are told apart by their SQLite code. */
  bug(channelName: string, error: unknown): void;
  startFailed(reason: string, error: unknown): void;
  /** A call from a frame that is not the app's own top-level page: where it came from, never what it sent. */
  ipcRefused(channelName: string, sender: RefusedSender): void;
  storeError(operation: string, error: unknown): void;
};

/** The sender's origin (scheme and host, no path or query) and which frame it was. */
export type RefusedSender = { readonly origin: string; readonly frame: 'top' | 'sub' | 'gone' };

const sqliteCode = (error: unknown): string | undefined => {
  const name = (error as { code?: unknown } | null)?.code;
  return typeof name === 'string' && name.startsWith('SQLITE_') ? name : undefined;
};

export function appLog(logger: Logger): AppLog {
  return {
    bug(channelName, error) {
      const code = sqliteCode(error);
      if (code) logger.error({ event: 'store-error', channel: channelName, code, error }, 'store error in a handler');
      else logger.error({ event: 'handler-bug', channel: channelName, error }, 'handler bug');
    },
    startFailed(reason, error) {
      logger.fatal({ event: 'start-failed', reason, error }, 'start-up failed');
    },
    ipcRefused(channelName, sender) {
      logger.warn({ event: 'ipc-refused', channel: channelName, origin: sender.origin, frame: sender.frame }, 'IPC sender refused');
    },
    storeError(operation, error) {
      logger.error({ event: 'store-error', operation, code: sqliteCode(error), error }, 'store error');
    },
  };
}
