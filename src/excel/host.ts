/**
 * What the task pane needs from Excel, as one interface. The real implementation (createExcelHost, in
 * office-host.ts) runs each operation in one Excel.run batch; tests and the browser stand-in pass their own.
 * The pane never calls Office.js directly.
 */
import type { Finding, FixEdit } from "../core/finding";
import type { IndicatorForm, TableKind } from "../core/model";
import type { SheetSnapshot } from "../core/snapshot";
import type { AcceptanceStore, FixRecord, UndoResult } from "../host/types";
import type { Features } from "./requirements";
import type { SkippedFeature } from "./template";

export type { Acceptance, AcceptanceStore, CellState, FixRecord, UndoResult } from "../host/types";

export interface HighlightResult {
  /** Cells marked. */
  marked: number;
  /** Set when the sheet could not be marked (protected sheet, old Excel): the findings are still listed. */
  skipped?: "protected" | "unsupported";
}

/** What to insert as a new year's template. Absent fields default from the active sheet's table (see insertTemplate). */
export interface TemplateRequest {
  kind?: TableKind;
  /** The budget year of the new table. */
  year?: number;
  form?: IndicatorForm;
  /** Carry over the names, tasks, goal and indicators of the goal table on the active sheet. */
  prefill: boolean;
  /** With prefill: keep last year's indicator values too (otherwise they are left empty). */
  keepValues: boolean;
}

export interface TemplateInsertResult {
  /** The new sheet's name ("2022年绩效目标表", or "2022年绩效目标表 (2)" when that name was taken). */
  sheetName: string;
  /** What this Excel could not add to the sheet ("dataValidation": ExcelApi 1.8; "pageLayout": 1.9). */
  skipped: SkippedFeature["feature"][];
  /** What was inserted, after the defaults were applied. */
  kind: TableKind;
  year: number;
  form: IndicatorForm;
  /** The sheet whose goal table was carried over; undefined for a blank template. */
  prefilledFrom?: string;
  /** Prefill was asked for but the active sheet holds no goal table: a blank template was inserted instead. */
  noTableToPrefill?: boolean;
}

export interface ExcelHost extends AcceptanceStore {
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
  /**
   * Writes the fixes' values or formulas, in one batch. Text is written as text (a leading "=" stays text). Returns
   * what each written cell held before and holds after (value, formula, number format), read in the same batch.
   */
  applyFixes(edits: readonly FixEdit[]): Promise<FixRecord>;
  /**
   * Puts the cells of a fix back as they were before it (value, formula and number format), except the cells
   * changed since (no longer equal to the record's `after`): those are left as they are and reported.
   */
  undoFix(record: FixRecord): Promise<UndoResult>;
  /**
   * Calls `listener` when cells of the sheet change (debounced by the caller). Returns a function that
   * unsubscribes. Undefined when the host cannot watch changes.
   */
  onSheetChanged?(sheet: string, listener: () => void): Promise<() => Promise<void>>;
  /**
   * Inserts a new year's template as a new, active sheet, in one batch: with `prefill`, the goal table on the
   * active sheet is read and carried over, and gives the defaults (its year + 1, its kind, its indicator form); a
   * sheet without a table gives a blank template (and `noTableToPrefill`). Without a table the defaults are next
   * calendar year, department, merged. No existing sheet is overwritten or renamed.
   */
  insertTemplate(request: TemplateRequest): Promise<TemplateInsertResult>;
}
