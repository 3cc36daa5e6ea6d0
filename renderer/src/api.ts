import type { Api } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the preload (main/shell/preload.ts) or, in the browser tests, by the test bridge. */
    readonly api: Api;
  }
}

export const api = (): Api => window.api;
