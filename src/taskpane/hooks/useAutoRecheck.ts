/**
 * Watches the checked sheet and calls `recheck` after the user's edits, debounced. Change events while something
 * runs (`isBusy`) are ignored: they are the add-in's own writes, or come before a read that will see them anyway.
 */
import * as React from "react";
import type { ExcelHost } from "../../excel/host";

export interface AutoRecheck {
  /** Cancels a pending re-check (a user action runs instead). */
  cancel(): void;
}

export function useAutoRecheck(
  host: ExcelHost | undefined,
  sheet: string | undefined,
  enabled: boolean,
  debounceMs: number,
  isBusy: () => boolean,
  recheck: () => Promise<void>,
  onError: (error: unknown) => void
): AutoRecheck {
  const timerRef = React.useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Through refs, so the listener always calls the current ones.
  const recheckRef = React.useRef(recheck);
  recheckRef.current = recheck;
  const busyRef = React.useRef(isBusy);
  busyRef.current = isBusy;
  const errorRef = React.useRef(onError);
  errorRef.current = onError;

  const cancel = React.useCallback(() => {
    if (timerRef.current !== undefined) clearTimeout(timerRef.current);
    timerRef.current = undefined;
  }, []);

  React.useEffect(() => cancel, [cancel]);

  React.useEffect(() => {
    if (!host?.onSheetChanged || !enabled || sheet === undefined) return undefined;
    let cancelled = false;
    let unsubscribe: (() => Promise<void>) | undefined;
    const stop = (u: () => Promise<void>) => u().catch(() => undefined);
    const onChange = () => {
      if (cancelled || busyRef.current()) return;
      cancel();
      timerRef.current = setTimeout(() => {
        timerRef.current = undefined;
        if (!cancelled && !busyRef.current()) void recheckRef.current();
      }, debounceMs);
    };
    host.onSheetChanged(sheet, onChange).then(
      (u) => {
        if (cancelled) void stop(u);
        else unsubscribe = u;
      },
      (error) => {
        if (!cancelled) errorRef.current(error);
      }
    );
    return () => {
      cancelled = true;
      cancel();
      if (unsubscribe) void stop(unsubscribe);
    };
  }, [host, enabled, sheet, debounceMs, cancel]);

  return { cancel };
}
