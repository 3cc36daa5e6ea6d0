import { create } from 'zustand';
import type { ConnectionStatus } from '../../../shared/contract/connection';
import type { AppError, ErrorCode } from '../../../shared/errors';
import { call } from '../api';
import { useSession } from './session';

export type ServerInput = { url: string; fingerprint: string };

/** Refusals that say the server, not the request, is the problem: the app shows サーバーに接続できません. */
export const SERVER_FAULTS: ReadonlySet<ErrorCode> = new Set(['SERVER_UNREACHABLE', 'PIN_MISMATCH', 'CERT_EXPIRED', 'INSECURE_URL']);

type ConnectionState = {
  status: ConnectionStatus | null;
  /** Why the server could not be reached at start (the unreachable screen says it). */
  fault: AppError | null;
  /** Saved; the main process restarts the app in the new mode. */
  restarting: boolean;
  load: () => Promise<ConnectionStatus | null>;
  test: (input: ServerInput) => Promise<AppError | null>;
  save: (input: { mode: 'standalone' } | ({ mode: 'connected' } & ServerInput)) => Promise<AppError | null>;
};

/** The session of a master or admin changing the settings later; none on the first run. */
const sessionId = () => {
  const id = useSession.getState().info?.sessionId;
  return id ? { sessionId: id } : {};
};

/** The first-run choice and 接続設定: answered by the main process itself, which tests the server with the pin. */
export const useConnection = create<ConnectionState>((set) => ({
  status: null,
  fault: null,
  restarting: false,
  async load() {
    const result = await call((api) => api.connection.status({}));
    const status = result.ok ? result.value : null;
    set({ status });
    return status;
  },
  async test(input) {
    const result = await call((api) => api.connection.test({ ...sessionId(), ...input }));
    return result.ok ? null : result.error;
  },
  async save(input) {
    const result = await call((api) => api.connection.save({ ...sessionId(), ...input }));
    if (!result.ok) return result.error;
    if (result.value.restart) set({ restarting: true });
    else set({ status: { mode: input.mode } });
    return null;
  },
}));
