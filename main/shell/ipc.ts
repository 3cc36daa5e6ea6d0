import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { rendererChannels } from '../../shared/contract/api';
import { fail } from '../../shared/errors';
import type { Dispatch } from '../ipc/dispatch';

type Sender = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** Checklist 17: only the app's own top-level frame may call; sub-frames and foreign origins are refused. */
export function isTrustedSender(event: Sender, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** One ipcMain.handle per contract channel, each checking its sender before the handler layer runs. */
export function registerIpc(ipc: Pick<IpcMain, 'handle'>, dispatch: Dispatch, isAppUrl: (url: string) => boolean): void {
  for (const channel of rendererChannels()) {
    ipc.handle(channel.name, (event, raw: unknown) =>
      isTrustedSender(event, isAppUrl) ? dispatch(channel.name, raw) : fail('FORBIDDEN'),
    );
  }
}
