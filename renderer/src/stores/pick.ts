import type { StoreApi, UseBoundStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';

/**
 * Some fields of a store, in one subscription: `const { users, loaded } = usePick(useRevocation, 'users', 'loaded')`.
 * The component re-renders when one of them changes, as it would with one selector each, and a screen does not
 * spell out a selector per field.
 */
export function usePick<S extends object, K extends keyof S>(store: UseBoundStore<StoreApi<S>>, ...keys: readonly K[]): Pick<S, K> {
  return store(useShallow((state: S) => Object.fromEntries(keys.map((k) => [k, state[k]])) as Pick<S, K>));
}
