import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { allChannels } from '../../shared/contract/api';
import { fail } from '../../shared/errors';
import type { Dispatch } from '../ipc/dispatch';

/**
 * One ipcMain.handle per contract channel. A message from anything but the app's own top frame (a sub-frame,
 * a foreign origin) is refused before it reaches the handler layer.
 */
export function registerIpc(dispatch: Dispatch, isOwnOrigin: (url: string) => boolean): void {
  for (const channel of allChannels()) {
    ipcMain.handle(channel.name, (event: IpcMainInvokeEvent, raw: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isOwnOrigin(frame.url)) return fail('FORBIDDEN');
      return dispatch(channel.name, raw);
    });
  }
}
