/**
 * Expectations on the real published tables, as data and independent of rule ids (rules get renamed and merged):
 * where the reader must find each field, which cells a finance-bureau reviewer flags, and which cells a reviewer
 * leaves alone. The source of truth is ../shared/domain/real-tables/README.md, table by table.
 */
import type { SheetSnapshot } from "../../src/core/snapshot";

/** A labelled amount: the label cell and the cell holding its amount. */
export interface AmountAt {
  label: string;
  value: string;
  /** The value cell is empty as published: the reader must not take another cell's content as the amount. */
  blank?: boolean;
}

/**
 * A money block, whatever the table calls it (资金情况, 年度预算安排, 年度履职目标, 收入构成, 支出构成, 年度预算申请…).
 * `total` is the block's total (总额 / 合计) when it has one; `parts` the other labelled amounts in it.
 */
export interface MoneyBlockAt {
  /** What the block is called on the sheet (for messages only; not compared). */
  block: string;
  total?: AmountAt;
  parts: AmountAt[];
}

export interface IndicatorRowAt {
  /** 三级 name cell (absent when the row has no 三级 name, e.g. a value written straight after the 二级). */
  name?: string;
  /** The 二级 cell that labels this row. */
  level2?: string;
  /** The value cell (指标值 / 目标值 / 年度指标值). */
  value: string;
}

export interface IndicatorBlockAt {
  /** The 一级指标 header cell. */
  header: string;
  /** Number of indicator rows that hold a 三级 name or a value. */
  rows: number;
  first: IndicatorRowAt;
  last: IndicatorRowAt;
}

export interface TableRead {
  kind: "department" | "project";
  /** The year and its cell; null: the table does not print its year (the reader must not invent one). */
  year: { value: number; cell: string } | null | "unchecked";
  /** 部门（单位）名称 / 项目名称: label cell and value cell. */
  name: { label: string; value: string };
  /** Goal texts: label cell and text cell. */
  goals: { label: string; value: string }[];
  /** Every money block the table has; [] when it has none (then nothing may be said about money). */
  money: MoneyBlockAt[];
  /** Indicator blocks; [] when the published excerpt has none. */
  indicators: IndicatorBlockAt[];
}

/** What the sheet must be read as: its goal tables in order, or "not a goal table" with a reason. */
export type ReadExpectation = { tables: TableRead[] } | { notATable: { because: string; reasonMustContain: string } };

export interface Flag {
  /** The cells a finding may point at (any one counts). Empty for a sheet-level fault (see `notATable`). */
  cells: string[];
  what: string;
  /** README says "advisory": counts for recall when reported at info level or above; others need error/warning. */
  advisory?: boolean;
  /** Sheet-level: found when the reader says "not a goal table" with a reason containing this text. */
  notATable?: string;
}

export interface Leave {
  cells: string[];
  what: string;
}

export interface RealTable {
  /** Short id, the shared file name without .txt. */
  id: string;
  /** The shared file under ../shared/domain/real-tables/. */
  file: string;
  /** Line 1 of the shared file. */
  source: string;
  sheet: SheetSnapshot;
  read: ReadExpectation;
  flag: Flag[];
  leave: Leave[];
  /**
   * Text cells whose content is not verbatim in the shared text, with why (e.g. a PDF page footer taken out of a
   * paragraph). Every other text cell is checked to appear in the shared text as extracted.
   */
  edited?: Record<string, string>;
  /**
   * Subjects a reviewer accepts as absent (e.g. "年度主要任务" on a form that has no task block): no error or
   * warning whose Chinese message mentions one of these words.
   */
  leaveWords?: string[];
  /**
   * The published excerpt is cut off: error/warning findings whose Chinese message contains one of these phrases
   * (e.g. `“效益指标”` for a table cut off before its 效益 rows: quoted, so that a list of valid names in another
   * message does not match) are about the cut, not the table; they are left out of precision and listed apart.
   */
  cutWords?: string[];
}

/** One indicator value of the prose table (ningxia): for value-grammar cases, not a sheet. */
export interface ValueCase {
  value: string;
  /** The indicator it belongs to, as printed: 二级 / 三级 (with the template hint where printed). */
  level2: string;
  name: string;
  hint?: string;
  /** flag: a reviewer raises it (error/warning); leave: accepted (information at most). */
  expectation: "flag" | "leave";
  what: string;
}
