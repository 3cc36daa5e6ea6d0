import type { Api } from '../../shared/contract';
import type { Result } from '../../shared/errors';

declare global {
  interface Window {
    /** Exposed by the preload (main/shell/preload.ts) or, in the browser tests, by the test bridge. */
    readonly api: Api;
  }
}

/**
 * Every call goes through here: a transport failure (a rejected invoke) becomes the same INTERNAL refusal
 * the main process answers for its own bugs, so screens handle one shape of error only.
 */
export async function call<T>(request: (api: Api) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await request(window.api);
  } catch {
    return { ok: false, error: { code: 'INTERNAL' } };
  }
}
