/**
 * 接受 and 恢复: writes the new list of acceptances to the workbook, then marks the open findings again (an accepted
 * finding loses its mark; a restored one gets it back). A blocking rule's finding is never accepted.
 */
import * as React from "react";
import {
  isBlockingRule,
  makeAcceptance,
  snapshotContent,
  withAcceptance,
  withoutAcceptance,
  type Acceptance,
  type AcceptedFinding,
} from "../../core/acceptance";
import type { Finding } from "../../core/finding";
import type { SheetSnapshot } from "../../core/snapshot";
import type { ExcelHost } from "../../excel/host";
import type { Busy, CheckerState } from "../useChecker";
import type { Acceptances } from "./useAcceptances";

export function useAcceptActions(
  host: ExcelHost | undefined,
  exclusive: (busy: Busy, task: () => Promise<void>) => Promise<void>,
  update: (patch: Partial<CheckerState>) => void,
  acceptances: Acceptances,
  remark: (list: readonly Acceptance[]) => Promise<void>,
  snapshotRef: React.MutableRefObject<SheetSnapshot | undefined>
) {
  const accept = React.useCallback(
    (finding: Finding, reason: string) =>
      exclusive("accepting", async () => {
        const snapshot = snapshotRef.current;
        if (!host || !snapshot || isBlockingRule(finding.rule)) return;
        update({ error: undefined, notice: undefined });
        const next = withAcceptance(
          acceptances.list,
          makeAcceptance(finding, snapshotContent(snapshot, finding.cell), reason)
        );
        try {
          await acceptances.save(next);
        } catch (error) {
          update({ error: { stage: "accept", error } });
          return;
        }
        update({ notice: { kind: "accepted", cell: finding.cell } });
        await remark(next);
      }),
    [exclusive, host, acceptances, remark, snapshotRef, update]
  );

  const restore = React.useCallback(
    (item: AcceptedFinding) =>
      exclusive("accepting", async () => {
        if (!host) return;
        update({ error: undefined, notice: undefined });
        const next = withoutAcceptance(acceptances.list, item.acceptance);
        try {
          await acceptances.save(next);
        } catch (error) {
          update({ error: { stage: "accept", error } });
          return;
        }
        update({ notice: { kind: "restored", cell: item.finding.cell } });
        await remark(next);
      }),
    [exclusive, host, acceptances, remark, update]
  );

  return { accept, restore };
}
