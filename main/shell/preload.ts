import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/contract/api';

/**
 * The renderer's only door to the main process: one invoke-only function per contract channel, grouped by
 * intent (`api.auth.login`). No raw ipcRenderer and no "send any channel" escape hatch are exposed.
 */
contextBridge.exposeInMainWorld(
  'api',
  buildApi((channelName, request) => ipcRenderer.invoke(channelName, request)),
);
