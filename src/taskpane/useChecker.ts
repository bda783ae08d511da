/**
 * The pane's state and its conversations with Excel, as one hook: check (read → checkSheet → highlight), select a
 * cell, apply fixes and re-check, clear the marks, and re-check automatically when the sheet changes.
 *
 * Everything Excel-side goes through the ExcelHost, so the hook runs as well against the fake host in the tests.
 *
 * Guards against loops on the add-in's own writes (the host is meant to suppress the change events of its
 * highlights and fixes; this does not rely on it):
 * - change events that arrive while a check, fix or clear runs are ignored;
 * - an automatic re-check that reads the very same cells as the last check stops there, writing nothing;
 * - an automatic re-check of another sheet than the one watched (the user moved on) leaves the list alone.
 */
import * as React from "react";
import { checkSheet, type SheetCheck } from "../core/check";
import type { Finding, FixEdit } from "../core/finding";
import type { SheetSnapshot } from "../core/snapshot";
import type { ExcelHost, HighlightResult } from "../excel/host";

export type Busy = "checking" | "fixing" | "clearing";

/** What the pane was doing when an error came: the pane says so in the error's title. */
export type ErrorStage = "start" | "read" | "check" | "highlight" | "select" | "fix" | "clear" | "watch";

export interface PaneError {
  stage: ErrorStage;
  /** As thrown; the pane turns it into text in its language (describeError). */
  error: unknown;
  /** The cell, for select errors. */
  cell?: string;
}

export type Notice = { kind: "fixed"; cells: string[] } | { kind: "cleared" };

export interface CheckerState {
  /** What runs now, if anything. */
  busy?: Busy;
  /** The last check's result; kept while a re-check runs and after errors. */
  result?: SheetCheck;
  /** The snapshot the result came from. */
  snapshot?: SheetSnapshot;
  /** What the last highlight did; undefined when the sheet was not marked (marks cleared, or an error). */
  highlight?: HighlightResult;
  error?: PaneError;
  notice?: Notice;
  /** True after 清除标记, until the next 检查: re-checks then leave the sheet unmarked. */
  marksCleared: boolean;
}

export interface Checker {
  state: CheckerState;
  /** Whether the host can watch the sheet (onSheetChanged and the ExcelApi set it needs). */
  canWatch: boolean;
  autoRecheck: boolean;
  setAutoRecheck(on: boolean): void;
  check(): Promise<void>;
  select(finding: Finding): Promise<void>;
  /** Writes the edits in one batch, then re-checks. `cells` name the cells in the "已修正" notice. */
  applyFixes(edits: readonly FixEdit[], cells: readonly string[]): Promise<void>;
  clearMarks(): Promise<void>;
  dismissError(): void;
  dismissNotice(): void;
}

export interface CheckerOptions {
  /** Quiet time after the last change before an automatic re-check. */
  debounceMs?: number;
}

export const DEFAULT_DEBOUNCE_MS = 500;

/** Whether two snapshots hold the same cells (values, formulas, formats, merges, protection). */
export function sameSnapshot(a: SheetSnapshot, b: SheetSnapshot): boolean {
  const key = (s: SheetSnapshot) =>
    JSON.stringify([s.name, s.origin, s.values, s.formulas, s.numberFormats, s.merges, s.protected ?? false]);
  return key(a) === key(b);
}

type Mode = "manual" | "auto" | "after-fix";

export function useChecker(host: ExcelHost | undefined, options: CheckerOptions = {}): Checker {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const canWatch = Boolean(host?.onSheetChanged) && host?.features.onChanged !== false;

  const [state, setState] = React.useState<CheckerState>({ marksCleared: false });
  const [autoRecheck, setAutoRecheck] = React.useState(canWatch);

  const mounted = React.useRef(true);
  const busyRef = React.useRef<Busy | undefined>(undefined);
  /** Whether re-checks mark the sheet: true after 检查, false after 清除标记. */
  const markingRef = React.useRef(true);
  const snapshotRef = React.useRef<SheetSnapshot | undefined>(undefined);
  const sheetRef = React.useRef<string | undefined>(undefined);
  const timerRef = React.useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (timerRef.current !== undefined) clearTimeout(timerRef.current);
    };
  }, []);

  const update = React.useCallback((patch: Partial<CheckerState>) => {
    if (mounted.current) setState((s) => ({ ...s, ...patch }));
  }, []);

  const setBusy = React.useCallback(
    (busy: Busy | undefined) => {
      busyRef.current = busy;
      update({ busy });
    },
    [update]
  );

  /** Runs `task` unless something else runs; the pane shows `busy` meanwhile. */
  const exclusive = React.useCallback(
    async (busy: Busy, task: () => Promise<void>) => {
      if (!host || busyRef.current) return;
      if (timerRef.current !== undefined) {
        clearTimeout(timerRef.current);
        timerRef.current = undefined;
      }
      setBusy(busy);
      try {
        await task();
      } finally {
        setBusy(undefined);
      }
    },
    [host, setBusy]
  );

  /** Reads, checks and (unless the marks were cleared) marks the active sheet. */
  const recheck = React.useCallback(
    async (mode: Mode) => {
      if (!host) return;
      let snapshot: SheetSnapshot;
      try {
        snapshot = await host.readActiveSheet();
      } catch (error) {
        update({ error: { stage: "read", error } });
        return;
      }
      if (mode === "auto") {
        if (snapshot.name !== sheetRef.current) return;
        if (snapshotRef.current && sameSnapshot(snapshotRef.current, snapshot)) return;
      }
      let result: SheetCheck;
      try {
        result = checkSheet(snapshot);
      } catch (error) {
        update({ error: { stage: "check", error } });
        return;
      }
      if (mode === "manual") markingRef.current = true;
      let highlight: HighlightResult | undefined;
      let error: PaneError | undefined;
      if (markingRef.current) {
        try {
          highlight = await host.highlight(result.sheet, result.findings);
        } catch (e) {
          error = { stage: "highlight", error: e };
        }
      }
      snapshotRef.current = snapshot;
      sheetRef.current = result.sheet;
      update({ result, snapshot, highlight, error, marksCleared: !markingRef.current });
    },
    [host, update]
  );

  const check = React.useCallback(
    () =>
      exclusive("checking", async () => {
        update({ error: undefined, notice: undefined });
        await recheck("manual");
      }),
    [exclusive, recheck, update]
  );

  const applyFixes = React.useCallback(
    (edits: readonly FixEdit[], cells: readonly string[]) =>
      exclusive("fixing", async () => {
        if (!host || edits.length === 0) return;
        update({ error: undefined, notice: undefined });
        try {
          await host.applyFixes(edits);
        } catch (error) {
          update({ error: { stage: "fix", error } });
          return;
        }
        update({ notice: { kind: "fixed", cells: [...cells] } });
        setBusy("checking");
        await recheck("after-fix");
      }),
    [exclusive, host, recheck, setBusy, update]
  );

  const clearMarks = React.useCallback(
    () =>
      exclusive("clearing", async () => {
        const sheet = sheetRef.current;
        if (!host || !sheet) return;
        update({ error: undefined, notice: undefined });
        try {
          await host.clearHighlights(sheet);
        } catch (error) {
          update({ error: { stage: "clear", error } });
          return;
        }
        markingRef.current = false;
        update({ marksCleared: true, highlight: undefined, notice: { kind: "cleared" } });
      }),
    [exclusive, host, update]
  );

  const select = React.useCallback(
    async (finding: Finding) => {
      if (!host) return;
      try {
        await host.select(finding.sheet, finding.cell);
      } catch (error) {
        update({ error: { stage: "select", error, cell: finding.cell } });
      }
    },
    [host, update]
  );

  // The automatic re-check, through a ref so the change listener always calls the current one.
  const autoRef = React.useRef<() => Promise<void>>(async () => {});
  autoRef.current = () => exclusive("checking", () => recheck("auto"));

  const watched = state.result?.sheet;
  React.useEffect(() => {
    if (!host?.onSheetChanged || !canWatch || !autoRecheck || watched === undefined) return undefined;
    let cancelled = false;
    let unsubscribe: (() => Promise<void>) | undefined;
    const stop = (u: () => Promise<void>) => u().catch(() => undefined);
    const onChange = () => {
      if (cancelled || busyRef.current) return;
      if (timerRef.current !== undefined) clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => {
        timerRef.current = undefined;
        if (!cancelled && !busyRef.current) void autoRef.current();
      }, debounceMs);
    };
    host.onSheetChanged(watched, onChange).then(
      (u) => {
        if (cancelled) void stop(u);
        else unsubscribe = u;
      },
      (error) => {
        if (!cancelled) update({ error: { stage: "watch", error } });
      }
    );
    return () => {
      cancelled = true;
      if (timerRef.current !== undefined) {
        clearTimeout(timerRef.current);
        timerRef.current = undefined;
      }
      if (unsubscribe) void stop(unsubscribe);
    };
  }, [host, canWatch, autoRecheck, watched, debounceMs, update]);

  return {
    state,
    canWatch,
    autoRecheck: canWatch && autoRecheck,
    setAutoRecheck,
    check,
    select,
    applyFixes,
    clearMarks,
    dismissError: React.useCallback(() => update({ error: undefined }), [update]),
    dismissNotice: React.useCallback(() => update({ notice: undefined }), [update]),
  };
}
