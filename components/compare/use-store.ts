import { useSyncExternalStore } from "react";

type Store<T> = { subscribe: (listener: () => void) => () => void; getState: () => T };

const noSubscription = () => () => undefined;

/** The state of a framework-free store (outbox, session), or `fallback` before it exists. */
export function useStore<T>(store: Store<T> | null, fallback: T): T {
  return useSyncExternalStore(
    store?.subscribe ?? noSubscription,
    () => (store ? store.getState() : fallback),
    () => fallback,
  );
}
