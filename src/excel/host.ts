/**
 * What the task pane needs from Excel, as one interface. The real implementation (createExcelHost, in
 * office-host.ts) runs each operation in one Excel.run batch; tests and the browser stand-in pass their own.
 * The pane never calls Office.js directly.
 */
import type { Finding, FixEdit } from "../core/finding";
import type { SheetSnapshot } from "../core/snapshot";
import type { Features } from "./requirements";

export interface HighlightResult {
  /** Cells marked. */
  marked: number;
  /** Set when the sheet could not be marked (protected sheet, old Excel): the findings are still listed. */
  skipped?: "protected" | "unsupported";
}

export interface ExcelHost {
  /** What this Excel can do (requirement sets checked at start). */
  readonly features: Features;
  /** Reads the active sheet (values, formulas, formats, merges) in one batch. */
  readActiveSheet(): Promise<SheetSnapshot>;
  /**
   * Marks the findings' cells on their sheet, in one batch, replacing the add-in's earlier marks on that sheet.
   * The user's own formats, values, formulas and comments are never touched.
   */
  highlight(sheet: string, findings: readonly Finding[]): Promise<HighlightResult>;
  /** Removes the add-in's marks from the sheet (all of them, also those left from an earlier session). */
  clearHighlights(sheet: string): Promise<void>;
  /** Activates the sheet and selects the cell. */
  select(sheet: string, address: string): Promise<void>;
  /** Writes the fixes' values or formulas, in one batch. Text is written as text (a leading "=" stays text). */
  applyFixes(edits: readonly FixEdit[]): Promise<void>;
  /**
   * Calls `listener` when cells of the sheet change (debounced by the caller). Returns a function that
   * unsubscribes. Undefined when the host cannot watch changes.
   */
  onSheetChanged?(sheet: string, listener: () => void): Promise<() => Promise<void>>;
}
