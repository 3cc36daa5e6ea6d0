import type { z } from 'zod';
import type { Result } from '../errors';
import type { Channel } from './define';
import { SERVED, type Served } from './access';
import { contract, type Contract } from './channels';
import { desktopContract } from './connection';
import { syncContract } from './syncChannels';

/** What the renderer calls: the shared contract and the desktop's own channels (answered by its main process only). */
const appContract = { ...contract, ...desktopContract };
type AppContract = typeof appContract;

type Call<C> = C extends Channel<infer Req, infer Res>
  ? (request: z.input<Req>) => Promise<Result<z.output<Res>>>
  : never;

/**
 * A channel's request as its service receives it, parsed (widths normalised): services and stores type their
 * input with it instead of restating the schema (`RequestOf<'tokens', 'revoke'>`).
 */
export type RequestOf<G extends keyof Contract, M extends keyof Contract[G]> =
  Contract[G][M] extends Channel<infer Req> ? z.output<Req> : never;

/** The same request as a caller sends it (before parsing): the renderer's forms and stores. */
export type CallRequestOf<G extends keyof Contract, M extends keyof Contract[G]> =
  Contract[G][M] extends Channel<infer Req> ? z.input<Req> : never;

/** The renderer's API, derived from the contract: `api.auth.login(...)`, never a channel name. */
export type Api = { readonly [G in keyof AppContract]: { readonly [M in keyof AppContract[G]]: Call<AppContract[G][M]> } };

export type Invoke = (channelName: string, request: unknown) => Promise<unknown>;

/** Every channel's name by intent (`names.auth.login === 'auth:login'`): plain data, so it can cross into a page. */
export type ChannelNames = { readonly [G in keyof AppContract]: { readonly [M in keyof AppContract[G]]: string } };

export function channelNames(): ChannelNames {
  const groups = Object.entries(appContract).map(([group, channels]) => [
    group,
    Object.fromEntries(Object.entries(channels).map(([method, ch]) => [method, (ch as Channel).name])),
  ]);
  return Object.fromEntries(groups) as ChannelNames;
}

/** Builds the intent-level API over any transport: Electron's ipcRenderer.invoke, or a test bridge. */
export function buildApi(invoke: Invoke): Api {
  const groups = Object.entries(channelNames()).map(([group, methods]) => [
    group,
    Object.fromEntries(
      Object.entries(methods).map(([method, name]) => [method, (request: unknown) => invoke(name as string, request)]),
    ),
  ]);
  return Object.fromEntries(groups) as Api;
}

/** Every channel of the contract, flat, for the main side's handler table. */
export function allChannels(): Channel[] {
  return Object.values(contract).flatMap((group) => Object.values(group) as Channel[]);
}

/** Every channel a company server serves: the contract's and the desktop ↔ server sync channels (never the renderer's). */
export function serverChannels(): Channel[] {
  return [...allChannels(), ...Object.values(syncContract.sync)];
}

const servedAs = (group: string, method: string): Served => (SERVED as Record<string, Record<string, Served>>)[group]![method]!;

/** What a company server registers a route for (SERVED): serverChannels() without the desktop-only ones. */
export function servedOnServer(): Channel[] {
  const groups = Object.entries({ ...contract, ...syncContract });
  return groups.flatMap(([group, channels]) =>
    Object.entries(channels as Record<string, Channel>).filter(([method]) => servedAs(group, method) !== 'desktop').map(([, c]) => c),
  );
}

/** Every channel the renderer may call (the contract's and the desktop's own), for the shell's IPC registration. */
export function rendererChannels(): Channel[] {
  return Object.values(appContract).flatMap((group) => Object.values(group) as Channel[]);
}
