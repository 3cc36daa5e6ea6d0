import type { Session, WebContents } from 'electron';
import { allowPermission } from './policy';

type Contents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Checklist 11-14: the window never navigates away, never opens another window, never attaches a <webview>.
 * Typed against Electron but importing nothing from it, so tests drive it with an EventEmitter.
 */
export function hardenContents(contents: Contents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Checklist 5: every permission request and check is refused. */
export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
}
