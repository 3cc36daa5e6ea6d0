import { buildApi } from '../../../shared/contract/api';
import { createHarness, type Harness } from '../../support/harness';

/**
 * The renderer's window.api over the real services, as the preload gives it: every request crosses as a
 * structured clone to the one dispatch wrapper of a harness (real store, real services, hand-moved clock).
 */
export async function bridgedHarness(): Promise<Harness & { calls: string[] }> {
  const harness = await createHarness();
  const calls: string[] = [];
  const api = buildApi(async (channel, request) => {
    calls.push(channel);
    return structuredClone(await harness.core.dispatch(channel, structuredClone(request)));
  });
  Object.defineProperty(window, 'api', { value: api, configurable: true });
  return Object.assign(harness, { calls });
}
