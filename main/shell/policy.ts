/**
 * The shell's security decisions as plain data and pure functions, free of `electron` imports, so that
 * tests/main/shell/window.security.test.ts checks each item of Electron's security checklist in Node.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://bundle`;

/** Checklist 7: scripts, styles and connections only from the app itself; no inline code, no eval. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Checklist 2-4, 6, 8-10, 12: every renderer setting that weakens isolation is pinned off; DevTools only in development. */
export function windowOptions(preloadPath: string, devTools: boolean) {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 768,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools,
    },
  } as const;
}

/** Where the app's own pages come from: the bundle protocol, or the dev server in development only. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  if (devServerUrl) return url.startsWith(devServerUrl.endsWith('/') ? devServerUrl : `${devServerUrl}/`);
  return url.startsWith(`${APP_ORIGIN}/`);
}

/** Checklist 5: the app needs no browser permission at all (camera, notifications, clipboard...). */
export const allowPermission = (_permission: string): boolean => false;
