/**
 * Read → check → mark: reads the active sheet, runs the rules, and marks the open findings (not the accepted ones)
 * unless the marks were cleared. Reports what it found through `update`.
 *
 * Guards of the automatic re-check: a re-check of another sheet than the one checked (the user moved on) leaves the
 * list alone, and one that reads the very same cells as the last check stops there, writing nothing.
 */
import * as React from "react";
import { contentFromSnapshots, splitAccepted, type Acceptance } from "../../core/acceptance";
import { checkSheet, type SheetCheck } from "../../core/check";
import type { SheetSnapshot } from "../../core/snapshot";
import type { ExcelHost } from "../../excel/host";
import type { CheckerState, PaneError } from "../useChecker";

export type Mode = "manual" | "auto" | "after-fix";

/** Whether two snapshots hold the same cells (values, formulas, formats, merges, protection). */
export function sameSnapshot(a: SheetSnapshot, b: SheetSnapshot): boolean {
  const key = (s: SheetSnapshot) =>
    JSON.stringify([s.name, s.origin, s.values, s.formulas, s.numberFormats, s.merges, s.protected ?? false]);
  return key(a) === key(b);
}

export interface SheetCheckApi {
  recheck(mode: Mode): Promise<void>;
  /** Marks the open findings of the last check again (after an accept or restore); no-op when marks are cleared. */
  remark(acceptances: readonly Acceptance[]): Promise<void>;
  /** The last check's sheet and snapshot. */
  sheetRef: React.MutableRefObject<string | undefined>;
  snapshotRef: React.MutableRefObject<SheetSnapshot | undefined>;
  /** Whether checks mark the sheet: true after 检查, false after 清除标记. */
  markingRef: React.MutableRefObject<boolean>;
}

export function useSheetCheck(
  host: ExcelHost | undefined,
  update: (patch: Partial<CheckerState>) => void,
  loadAcceptances: () => Promise<readonly Acceptance[]>
): SheetCheckApi {
  const markingRef = React.useRef(true);
  const snapshotRef = React.useRef<SheetSnapshot | undefined>(undefined);
  const sheetRef = React.useRef<string | undefined>(undefined);
  const resultRef = React.useRef<SheetCheck | undefined>(undefined);

  const mark = React.useCallback(
    async (result: SheetCheck, snapshot: SheetSnapshot, acceptances: readonly Acceptance[]) => {
      if (!host || !markingRef.current) return { highlight: undefined, error: undefined };
      const { open } = splitAccepted(result.findings, acceptances, contentFromSnapshots([snapshot]));
      try {
        return { highlight: await host.highlight(result.sheet, open), error: undefined };
      } catch (e) {
        return { highlight: undefined, error: { stage: "highlight", error: e } as PaneError };
      }
    },
    [host]
  );

  const recheck = React.useCallback(
    async (mode: Mode) => {
      if (!host) return;
      let acceptances: readonly Acceptance[] = [];
      let acceptError: PaneError | undefined;
      try {
        acceptances = await loadAcceptances();
      } catch (error) {
        acceptError = { stage: "acceptances", error };
      }
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
      const { highlight, error } = await mark(result, snapshot, acceptances);
      snapshotRef.current = snapshot;
      sheetRef.current = result.sheet;
      resultRef.current = result;
      update({ result, snapshot, highlight, error: error ?? acceptError, marksCleared: !markingRef.current });
    },
    [host, update, loadAcceptances, mark]
  );

  const remark = React.useCallback(
    async (acceptances: readonly Acceptance[]) => {
      const result = resultRef.current;
      const snapshot = snapshotRef.current;
      if (!result || !snapshot || !markingRef.current) return;
      const { highlight, error } = await mark(result, snapshot, acceptances);
      update(error ? { error, highlight } : { highlight });
    },
    [mark, update]
  );

  return { recheck, remark, sheetRef, snapshotRef, markingRef };
}
