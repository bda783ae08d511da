/**
 * What every spreadsheet host (Excel through Office.js, WPS) gives the pane for accepting findings and undoing
 * fixes: host-neutral types, so each host implements the same methods (ExcelHost in src/excel/host.ts).
 */
import type { Acceptance } from "../core/acceptance";
import type { FixEdit } from "../core/finding";

export type { Acceptance } from "../core/acceptance";

/** One cell as a fix found it or left it: exactly what 撤销 restores. */
export interface CellState {
  sheet: string;
  /** A1 address, without "$". */
  cell: string;
  /** The cell's value as the host reads it (Range.values): number, text, boolean, or null when empty. */
  value: string | number | boolean | null;
  /** The formula ("=SUM(D7:D9)"), or null for a constant or empty cell. */
  formula: string | null;
  /** The number format code ("General", "0.00", "@"). */
  numberFormat: string;
}

/**
 * What one 修正 or 全部修正 did: the edits, and each written cell's state before and after the write, read in the
 * same batch as the write (before[i] and after[i] are the same cell).
 */
export interface FixRecord {
  edits: FixEdit[];
  before: CellState[];
  after: CellState[];
}

export interface UndoResult {
  /** Cells put back, sheet-qualified ("Sheet1!B7", see qualified()). */
  restored: string[];
  /** Cells changed since the fix (no longer equal to `after`), sheet-qualified: left as they are. */
  changedSince: string[];
}

/** What a host stores and writes for acceptances and fixes (ExcelHost and the WPS host both have these). */
export interface AcceptanceStore {
  /** The acceptances stored in the workbook (the custom XML part, src/core/acceptance.ts); [] when none. */
  readAcceptances(): Promise<Acceptance[]>;
  /** Replaces the stored acceptances with `list` (an empty list removes the part). */
  writeAcceptances(list: readonly Acceptance[]): Promise<void>;
}

/** "Sheet1!B7": how UndoResult names a cell. Quotes a sheet name as Excel does when it needs them. */
export function qualified(sheet: string, cell: string): string {
  const quoted = /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${cell}`;
}

/**
 * Whether a cell as read now still holds what the fix left (value, formula and number format): the test 撤销 makes
 * before it restores a cell. A number format the host reports differently but equivalently is not a change we can
 * see, so formats are compared as text.
 */
export function sameCellState(now: CellState, after: CellState): boolean {
  if ((now.formula ?? null) !== (after.formula ?? null)) return false;
  if (now.numberFormat !== after.numberFormat) return false;
  if (now.formula) return true; // a formula's value is recalculated: the formula is the content
  return normalValue(now.value) === normalValue(after.value);
}

function normalValue(v: CellState["value"]): string {
  if (v === null || v === "") return "";
  return typeof v + ":" + String(v);
}
