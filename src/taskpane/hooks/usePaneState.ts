/**
 * The pane's state holder: a patchable state object that ignores updates after unmount, and the one-task-at-a-time
 * guard (`exclusive`) every conversation with Excel runs under, with what runs shown as `busy`.
 */
import * as React from "react";

/** A state object updated by patches; patches after unmount are dropped. */
export function usePatchState<S extends object>(initial: S): [S, (patch: Partial<S>) => void, () => boolean] {
  const [state, setState] = React.useState<S>(initial);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const update = React.useCallback((patch: Partial<S>) => {
    if (mounted.current) setState((s) => ({ ...s, ...patch }));
  }, []);
  const isMounted = React.useCallback(() => mounted.current, []);
  return [state, update, isMounted];
}

export interface Exclusive<B extends string> {
  /** What runs now (a ref, for event handlers that must not wait for a render). */
  busyRef: React.MutableRefObject<B | undefined>;
  setBusy(busy: B | undefined): void;
  /** Runs `task` unless something else runs; `busy` is shown meanwhile. `before` runs first (cancel timers). */
  exclusive(busy: B, task: () => Promise<void>): Promise<void>;
}

export function useExclusive<B extends string>(
  enabled: boolean,
  show: (busy: B | undefined) => void,
  before?: () => void
): Exclusive<B> {
  const busyRef = React.useRef<B | undefined>(undefined);
  const beforeRef = React.useRef(before);
  beforeRef.current = before;
  const setBusy = React.useCallback(
    (busy: B | undefined) => {
      busyRef.current = busy;
      show(busy);
    },
    [show]
  );
  const exclusive = React.useCallback(
    async (busy: B, task: () => Promise<void>) => {
      if (!enabled || busyRef.current) return;
      beforeRef.current?.();
      setBusy(busy);
      try {
        await task();
      } finally {
        setBusy(undefined);
      }
    },
    [enabled, setBusy]
  );
  return { busyRef, setBusy, exclusive };
}
