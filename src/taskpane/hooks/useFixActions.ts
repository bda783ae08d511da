/**
 * 修正 / 全部修正 and 撤销: writes the edits (the host returns what they replaced, kept in the fix history), or puts
 * back what a fix replaced (the host leaves cells changed since and reports them); then re-checks.
 */
import * as React from "react";
import type { FixEdit } from "../../core/finding";
import type { ExcelHost, FixRecord, UndoResult } from "../../excel/host";
import type { Busy, CheckerState } from "../useChecker";
import type { FixHistory } from "./useFixHistory";
import type { Mode } from "./useSheetCheck";

export function useFixActions(
  host: ExcelHost | undefined,
  exclusive: (busy: Busy, task: () => Promise<void>) => Promise<void>,
  setBusy: (busy: Busy | undefined) => void,
  update: (patch: Partial<CheckerState>) => void,
  history: FixHistory,
  recheck: (mode: Mode) => Promise<void>
) {
  const applyFixes = React.useCallback(
    (edits: readonly FixEdit[], cells: readonly string[]) =>
      exclusive("fixing", async () => {
        if (!host || edits.length === 0) return;
        update({ error: undefined, notice: undefined });
        let record: FixRecord;
        try {
          record = await host.applyFixes(edits);
        } catch (error) {
          update({ error: { stage: "fix", error } });
          return;
        }
        const entry = history.add(cells, record);
        update({ notice: { kind: "fixed", cells: [...cells], entry } });
        setBusy("checking");
        await recheck("after-fix");
      }),
    [exclusive, host, history, recheck, setBusy, update]
  );

  const undo = React.useCallback(
    (id: number) =>
      exclusive("undoing", async () => {
        const entry = history.entries.find((e) => e.id === id);
        if (!host || !entry) return;
        update({ error: undefined, notice: undefined });
        let result: UndoResult;
        try {
          result = await host.undoFix(entry.record);
        } catch (error) {
          update({ error: { stage: "undo", error } });
          return;
        }
        history.remove(id);
        update({ notice: { kind: "undone", restored: result.restored, changedSince: result.changedSince } });
        setBusy("checking");
        await recheck("after-fix");
      }),
    [exclusive, host, history, recheck, setBusy, update]
  );

  return { applyFixes, undo };
}
