/**
 * The acceptances (接受) stored in the workbook: read once, the first time a check needs them, then kept here and
 * written back whole on each accept or restore. Reading them is a round trip or two, so a re-check does not repeat
 * it (only this pane writes them).
 */
import * as React from "react";
import type { Acceptance } from "../../core/acceptance";
import type { ExcelHost } from "../../excel/host";

export interface Acceptances {
  /** The current list ([] until loaded). */
  list: readonly Acceptance[];
  /** The list, read from the workbook the first time. A failed read gives [] and rejects once (the pane says so). */
  load(): Promise<readonly Acceptance[]>;
  /** Writes `next` to the workbook, then keeps it. */
  save(next: readonly Acceptance[]): Promise<void>;
}

export function useAcceptances(host: ExcelHost | undefined): Acceptances {
  const [list, setList] = React.useState<readonly Acceptance[]>([]);
  const ref = React.useRef<readonly Acceptance[] | undefined>(undefined);

  const load = React.useCallback(async () => {
    if (ref.current) return ref.current;
    if (!host) return [];
    try {
      ref.current = await host.readAcceptances();
    } catch (error) {
      ref.current = [];
      throw error;
    } finally {
      setList(ref.current ?? []);
    }
    return ref.current;
  }, [host]);

  const save = React.useCallback(
    async (next: readonly Acceptance[]) => {
      if (!host) return;
      await host.writeAcceptances(next);
      ref.current = next;
      setList(next);
    },
    [host]
  );

  return { list, load, save };
}
