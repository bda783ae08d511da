/**
 * What each 修正 / 全部修正 replaced, newest first, for 撤销: kept while the pane is open (a re-check keeps it; a
 * closed pane forgets it, the workbook holds no history).
 */
import * as React from "react";
import type { FixRecord } from "../../excel/host";

export interface FixEntry {
  id: number;
  /** The cells named in the pane ("F20"), once each. */
  cells: string[];
  record: FixRecord;
}

export interface FixHistory {
  entries: readonly FixEntry[];
  /** Adds an entry; returns its id. */
  add(cells: readonly string[], record: FixRecord): number;
  remove(id: number): void;
}

export function useFixHistory(): FixHistory {
  const [entries, setEntries] = React.useState<readonly FixEntry[]>([]);
  const next = React.useRef(1);
  const add = React.useCallback((cells: readonly string[], record: FixRecord) => {
    const id = next.current++;
    setEntries((list) => [{ id, cells: [...cells], record }, ...list]);
    return id;
  }, []);
  const remove = React.useCallback((id: number) => setEntries((list) => list.filter((e) => e.id !== id)), []);
  return { entries, add, remove };
}
