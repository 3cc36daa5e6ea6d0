import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { rendererChannels } from '../../shared/contract/api';
import { fail } from '../../shared/errors';
import type { Dispatch } from '../ipc/dispatch';
import type { RefusedSender } from '../log/events';

type Sender = Pick<IpcMainInvokeEvent, 'senderFrame'>;
export type OnRefused = (channelName: string, sender: RefusedSender) => void;

/** Checklist 17: only the app's own top-level frame may call; sub-frames and foreign origins are refused. */
export function isTrustedSender(event: Sender, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/**
 * Scheme and host only: a path or query may carry data. Built by hand since WHATWG URL gives `null` as the
 * origin of a non-special scheme such as app://.
 */
export function refusedSender(event: Sender): RefusedSender {
  const frame = event.senderFrame;
  if (frame === null) return { origin: 'none', frame: 'gone' };
  let origin = 'invalid';
  if (URL.canParse(frame.url)) {
    const url = new URL(frame.url);
    origin = url.host ? `${url.protocol}//${url.host}` : url.protocol;
  }
  return { origin, frame: frame.parent === null ? 'top' : 'sub' };
}

/**
 * One ipcMain.handle per contract channel, each checking its sender before the handler layer runs. A refusal
 * is reported without the payload, as VS Code's validatedIpcMain does.
 */
export function registerIpc(ipc: Pick<IpcMain, 'handle'>, dispatch: Dispatch, isAppUrl: (url: string) => boolean, onRefused: OnRefused): void {
  for (const channel of rendererChannels()) {
    ipc.handle(channel.name, (event, raw: unknown) => {
      if (isTrustedSender(event, isAppUrl)) return dispatch(channel.name, raw);
      onRefused(channel.name, refusedSender(event));
      return fail('FORBIDDEN');
    });
  }
}
