/**
 * The pane's state and its conversations with Excel, composed of small hooks with one job each:
 * - usePatchState / useExclusive (hooks/usePaneState.ts): the state, and one task at a time, shown as `busy`;
 * - useSheetCheck: read → check → mark the open findings;
 * - useAutoRecheck: re-check after the user's edits, debounced;
 * - useAcceptances: the acceptances (接受) stored in the workbook;
 * - useFixHistory: what each fix replaced, for 撤销;
 * - useFixActions (修正, 全部修正, 撤销) and useAcceptActions (接受, 恢复): the actions over those.
 * This hook wires them to the pane's actions: check, select, fix, undo, accept, restore, clear marks.
 *
 * Everything Excel-side goes through the ExcelHost, so the hooks run as well against the fake host in the tests.
 * Loops on the add-in's own writes are guarded (the host is meant to suppress their change events; this does not
 * rely on it): change events while something runs are ignored, and an automatic re-check that reads the very same
 * cells as the last check stops there.
 */
import * as React from "react";
import { contentFromSnapshots, splitAccepted, type AcceptedFinding } from "../core/acceptance";
import type { SheetCheck } from "../core/check";
import type { Finding, FixEdit } from "../core/finding";
import type { SheetSnapshot } from "../core/snapshot";
import type { ExcelHost, HighlightResult } from "../excel/host";
import { useAcceptActions } from "./hooks/useAcceptActions";
import { useAcceptances } from "./hooks/useAcceptances";
import { useAutoRecheck } from "./hooks/useAutoRecheck";
import { useFixHistory, type FixEntry } from "./hooks/useFixHistory";
import { useFixActions } from "./hooks/useFixActions";
import { useExclusive, usePatchState } from "./hooks/usePaneState";
import { useSheetCheck } from "./hooks/useSheetCheck";

export { sameSnapshot } from "./hooks/useSheetCheck";
export type { FixEntry } from "./hooks/useFixHistory";

export type Busy = "checking" | "fixing" | "clearing" | "accepting" | "undoing";

/** What the pane was doing when an error came: the pane says so in the error's title. */
export type ErrorStage =
  "start" | "read" | "check" | "highlight" | "select" | "fix" | "clear" | "watch" | "accept" | "acceptances" | "undo";

export interface PaneError {
  stage: ErrorStage;
  /** As thrown; the pane turns it into text in its language (describeError). */
  error: unknown;
  /** The cell, for select errors. */
  cell?: string;
}

export type Notice =
  | { kind: "fixed"; cells: string[]; entry?: number }
  | { kind: "cleared" }
  | { kind: "undone"; restored: string[]; changedSince: string[] }
  | { kind: "accepted"; cell: string }
  | { kind: "restored"; cell: string };

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
  /** The last check's findings not accepted, and those accepted (with their acceptance). */
  open: Finding[];
  accepted: AcceptedFinding[];
  /** The fixes made while the pane is open, newest first (撤销). */
  fixes: readonly FixEntry[];
  /** Whether the host can watch the sheet (onSheetChanged and the ExcelApi set it needs). */
  canWatch: boolean;
  autoRecheck: boolean;
  setAutoRecheck(on: boolean): void;
  check(): Promise<void>;
  select(finding: Finding): Promise<void>;
  /** Writes the edits in one batch, keeps what they replaced, then re-checks. `cells` name the cells in the notice. */
  applyFixes(edits: readonly FixEdit[], cells: readonly string[]): Promise<void>;
  /** Puts back what a fix replaced (cells changed since are left and reported), then re-checks. */
  undo(entry: number): Promise<void>;
  /** Accepts a finding with a reason (stored in the workbook); blocking rules' findings cannot be accepted. */
  accept(finding: Finding, reason: string): Promise<void>;
  /** Withdraws an acceptance: the finding is open again. */
  restore(item: AcceptedFinding): Promise<void>;
  clearMarks(): Promise<void>;
  dismissError(): void;
  dismissNotice(): void;
}

export interface CheckerOptions {
  /** Quiet time after the last change before an automatic re-check. */
  debounceMs?: number;
}

export const DEFAULT_DEBOUNCE_MS = 500;

export function useChecker(host: ExcelHost | undefined, options: CheckerOptions = {}): Checker {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const canWatch = Boolean(host?.onSheetChanged) && host?.features.onChanged !== false;

  const [state, update] = usePatchState<CheckerState>({ marksCleared: false });
  const [autoRecheck, setAutoRecheck] = React.useState(canWatch);
  const acceptances = useAcceptances(host);
  const history = useFixHistory();
  const sheetCheck = useSheetCheck(host, update, acceptances.load);
  const { recheck, remark, sheetRef, snapshotRef, markingRef } = sheetCheck;

  const showBusy = React.useCallback((busy: Busy | undefined) => update({ busy }), [update]);
  const cancelRef = React.useRef<() => void>(() => undefined);
  const { busyRef, setBusy, exclusive } = useExclusive<Busy>(host !== undefined, showBusy, () => cancelRef.current());

  const auto = useAutoRecheck(
    host,
    state.result?.sheet,
    canWatch && autoRecheck,
    debounceMs,
    () => busyRef.current !== undefined,
    () => exclusive("checking", () => recheck("auto")),
    (error) => update({ error: { stage: "watch", error } })
  );
  cancelRef.current = auto.cancel;

  const check = React.useCallback(
    () =>
      exclusive("checking", async () => {
        update({ error: undefined, notice: undefined });
        await recheck("manual");
      }),
    [exclusive, recheck, update]
  );

  const { applyFixes, undo } = useFixActions(host, exclusive, setBusy, update, history, recheck);
  const { accept, restore } = useAcceptActions(host, exclusive, update, acceptances, remark, snapshotRef);

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
    [exclusive, host, markingRef, sheetRef, update]
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

  const { result, snapshot } = state;
  const split = React.useMemo(
    () =>
      result && snapshot
        ? splitAccepted(result.findings, acceptances.list, contentFromSnapshots([snapshot]))
        : { open: result?.findings ?? [], accepted: [] },
    [result, snapshot, acceptances.list]
  );

  return {
    state,
    open: split.open,
    accepted: split.accepted,
    fixes: history.entries,
    canWatch,
    autoRecheck: canWatch && autoRecheck,
    setAutoRecheck,
    check,
    select,
    applyFixes,
    undo,
    accept,
    restore,
    clearMarks,
    dismissError: React.useCallback(() => update({ error: undefined }), [update]),
    dismissNotice: React.useCallback(() => update({ notice: undefined }), [update]),
  };
}
