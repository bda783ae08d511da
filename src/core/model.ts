/**
 * The table model: what the reader finds on a sheet. Every field keeps the cell it came from, so a finding can
 * point at it and the add-in can select it.
 */
import type { CellValue } from "./snapshot";

/** One cell as the reader saw it. */
export interface CellRef {
  /** A1 address on its sheet, e.g. "D7". */
  address: string;
  /** 0-based sheet row and column. */
  row: number;
  col: number;
  value: CellValue;
  /** Formula text or null. */
  formula: string | null;
  /** Number format code. */
  format: string;
  /** The value as trimmed text ("" for an empty cell; an error shows as "#REF!"). */
  text: string;
}

export type TableKind = "department" | "project";

/** The unit the amounts are given in, as the header says. */
export type AmountUnit = "万元" | "元";

export interface YearField {
  value: number;
  /** The cell the year was read from. */
  cell: string;
}

/** A labelled value: the label cell and the cell holding its value (absent when the value cell is empty). */
export interface LabelledField {
  label: CellRef;
  value?: CellRef;
}

/** A row of 年度主要任务 (department) or the 合计 row. Missing cells are undefined. */
export interface TaskRow {
  row: number;
  name?: CellRef;
  content?: CellRef;
  total?: CellRef;
  fiscal?: CellRef;
  other?: CellRef;
}

export interface TotalRow extends TaskRow {
  /** The cell that says 合计. */
  label: CellRef;
}

export interface TasksBlock {
  /** The 任务名称 header cell. */
  header: CellRef;
  /** Column of each amount (0-based), undefined when its header is missing. */
  columns: { name?: number; content?: number; total?: number; fiscal?: number; other?: number };
  rows: TaskRow[];
  totalRow?: TotalRow;
  /** Where the 合计 row stands relative to the tasks. */
  totalPosition?: "above" | "below";
}

/** 资金情况 of a project table. */
export interface FundingBlock {
  label?: CellRef;
  total?: LabelledField;
  fiscal?: LabelledField;
  other?: LabelledField;
  carryover?: LabelledField;
}

export interface ProjectInfo {
  name?: LabelledField;
  department?: LabelledField;
  implementer?: LabelledField;
  attribute?: LabelledField;
  period?: LabelledField;
  manager?: LabelledField;
}

export type GoalKind = "annual" | "mid-term" | "overall";

export interface GoalText {
  kind: GoalKind;
  label: CellRef;
  value?: CellRef;
}

export type IndicatorForm = "merged" | "split";

export interface IndicatorColumns {
  level1: number;
  level2: number;
  level3: number;
  value?: number;
  longTermValue?: number;
  nature?: number;
  direction?: number;
  operator?: number;
  unit?: number;
  remark?: number;
}

/**
 * One row of the indicator block. level1/level2 point at the cell that holds the label for this row: the master
 * cell of a merge, the row's own cell, or the nearest label above when the cells below it are left blank.
 */
export interface IndicatorRow {
  row: number;
  level1?: CellRef;
  level2?: CellRef;
  /** 三级指标 name; undefined on an empty 二级 row. */
  name?: CellRef;
  /** 指标值 (merged form) or 目标值 (split form). */
  value?: CellRef;
  /** A second value column (中长期指标值) when long-term and annual values stand side by side. */
  longTermValue?: CellRef;
  nature?: CellRef;
  direction?: CellRef;
  operator?: CellRef;
  unit?: CellRef;
  remark?: CellRef;
}

export interface IndicatorBlock {
  /** The 一级指标 header cell. */
  header: CellRef;
  form: IndicatorForm;
  columns: IndicatorColumns;
  rows: IndicatorRow[];
}

/**
 * A total found on the sheet by its label (合计 / 小计 / 总计, with spaces, brackets or a 收入/支出 prefix) and the
 * cells it adds up, whatever block it stands in (src/core/reader/sums.ts). The 年度主要任务 block has its own model
 * (tasks) and rules; its totals appear here too, and the rules skip them.
 */
export interface SumLine {
  /** The 合计 / 小计 / 总计 label cell. */
  label: CellRef;
  /** "column": a 合计 row, the total adds up its column; "row": a 合计 column, the total adds up its row. */
  axis: "column" | "row";
  total: CellRef;
  /** The cells the total adds up, in sheet order; blank cells are included (a blank part counts as 0). */
  parts: CellRef[];
  /** The name of each part (its row label, or its column header for axis "row"), parallel to parts. */
  names: string[];
  /** The header of the total's column (axis "column") or the label of its row (axis "row"): 金额, 占比, 2021年. */
  header: string;
  /** A share column (占比, 比例, values in %): its parts add up to 100 % within rounding, not exactly. */
  share: boolean;
  /** The group label beside the block (收入构成, 支出构成) or the label's own prefix (收入合计 → 收入). */
  group: string;
}

export interface GoalTable {
  kind: TableKind;
  sheet: string;
  /** The A1 range the table covers, e.g. "A1:F80". */
  range: string;
  title?: CellRef;
  year?: YearField;
  unit: AmountUnit;
  /** The cell whose header gave the unit, when one did. */
  unitCell?: string;
  /** 部门（单位）名称 (department tables) or 项目名称 (project tables). */
  name?: LabelledField;
  /** Department tables. */
  tasks?: TasksBlock;
  /** Project tables. */
  project?: ProjectInfo;
  funding?: FundingBlock;
  goals: GoalText[];
  indicators?: IndicatorBlock;
  /** Every 合计 / 小计 / 总计 on the table with the cells it adds up (absent when the reader found none). */
  sumLines?: SumLine[];
}

/** Why a sheet holds no goal table. */
export interface NotATable {
  reason: { zh: string; en: string };
}

export interface SheetReading {
  sheet: string;
  tables: GoalTable[];
  /** Set when tables is empty. */
  notATable?: NotATable;
}
