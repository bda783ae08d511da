/**
 * A template sheet as plain data: what to put in which cell, how it looks, what is merged, and how it prints. The
 * .xlsx writer (src/xlsx/template.ts) and the Excel add-in adapter (src/excel/template.ts) both take it; nothing here
 * knows about either.
 */
import type { GoalTable, IndicatorForm, TableKind } from "../model";

/** A cell's look. Every property is optional; an absent one keeps Excel's default. */
export interface TemplateStyle {
  font?: { bold?: boolean; size?: number };
  alignment?: {
    wrap?: boolean;
    horizontal?: "left" | "center" | "right";
    vertical?: "top" | "middle" | "bottom";
  };
  /** A thin border on all four sides. */
  border?: boolean;
  /** Number format code, e.g. "0.00". */
  numberFormat?: string;
  /** Background colour as 6 hex digits ("DDEBF7"). */
  fill?: string;
}

export interface TemplateCell {
  /** A1 address. */
  address: string;
  /**
   * A constant. Text is always text, even when it starts with "=": carried-over text must never become a formula.
   */
  value?: string | number;
  /** A formula with its leading "=" ("=E7+F7"); the template's own formulas only. */
  formula?: string;
  /** Key into TemplateSheet.styles. */
  style: string;
}

export interface TemplateValidation {
  /** A1 range, e.g. "B15:B32". */
  range: string;
  /** The dropdown's entries. */
  list: string[];
}

export interface TemplatePrint {
  orientation: "landscape";
  paperSize: "A4";
  /** One page wide… */
  fitToWidth: 1;
  /** …and as many pages tall as needed (0 = automatic). */
  fitToHeight: 0;
  /** Rows repeated at the top of each printed page, "15:15": the indicator header. */
  printTitleRows: string;
}

/** A named band of rows (title, name, tasks, goal, indicators): adapters may write a table block by block. */
export interface TemplateBlock {
  name: "heading" | "name" | "project" | "tasks" | "funding" | "goal" | "indicators";
  /** A1 range the block covers. */
  range: string;
}

export interface TemplateSheet {
  /** The sheet name the template asks for ("2022年绩效目标表"); an adapter makes it unique in its workbook. */
  name: string;
  kind: TableKind;
  year: number;
  form: IndicatorForm;
  /** The table's range, "A1:G40". */
  range: string;
  /** Every cell of the table area, empty ones included (they carry borders), top to bottom, left to right. */
  cells: TemplateCell[];
  /** Merged areas as A1 ranges. */
  merges: string[];
  /** Width of each column from A, in Excel character units. */
  columnWidths: number[];
  /** Row heights in points, keyed by 1-based row number; rows not listed keep the default height. */
  rowHeights?: Record<number, number>;
  styles: Record<string, TemplateStyle>;
  dataValidations: TemplateValidation[];
  print: TemplatePrint;
  blocks: TemplateBlock[];
}

export interface TemplateOptions {
  kind: TableKind;
  /** The budget year the new table is for (its title says "（year 年）"). */
  year: number;
  form: IndicatorForm;
  /** Last year's table: its names, tasks, goal text and indicators are carried over. */
  prefill?: GoalTable;
  /** Keep the indicator values of the prefill table (default: leave them empty for the new year's targets). */
  keepValues?: boolean;
}
