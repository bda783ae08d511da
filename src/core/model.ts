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

/**
 * Where a project's money comes from, beyond 财政拨款/其他资金: 上级资金, 中央资金/中央补助, 省级, 市级, 县级, 区级,
 * 本级, 地方资金, 自有资金. Numbered labels (`1.中央资金`) and 其中: prefixes name the same sources.
 */
export type FundingSourceKind =
  "superior" | "central" | "provincial" | "municipal" | "county" | "district" | "own-level" | "local" | "self";

/** One funding source row of 资金情况: its label and value cell (value absent when nothing stands there). */
export interface FundingSource extends LabelledField {
  kind: FundingSourceKind;
}

/**
 * 资金情况 of a project table. A value cell left blank stays a blank value (the cell where the amount belongs, text
 * ""), never the next row's text or label.
 */
export interface FundingBlock {
  label?: CellRef;
  /** 年度资金总额 (also 当年年度预算, 年度预算资金总额, 项目预算金额, 资金总额, 预算数 in a list). */
  total?: LabelledField;
  /** The whole project's budget over all its years when the table gives it apart: 项目总预算, 项目资金总额. */
  projectTotal?: LabelledField;
  /** 财政拨款 (当年财政拨款, 财政资金, 本年财政拨款). */
  fiscal?: LabelledField;
  /** 其他资金 (其它资金, 其他). */
  other?: LabelledField;
  /** 上年结转(资金). */
  carryover?: LabelledField;
  /** Further sources (上级/中央/省级/市级/县级/区级/本级/地方/自有资金), in sheet order. */
  sources?: FundingSource[];
}

/**
 * 年度履职目标 of a department table (部门整体): one row per duty, with its own amount. Columns as published:
 * 部门职能 | 年度目标任务 | 支出项目名称 | 预算金额. Any of them may be missing.
 */
export interface DutiesBlock {
  /** The 年度履职目标 label cell. */
  label: CellRef;
  /** The header row's first cell (部门职能 or the leftmost header found). */
  header: CellRef;
  columns: { duty?: number; task?: number; item?: number; amount?: number };
  rows: DutyRow[];
  /** A 合计/小计 row of the block, when it has one. */
  totalRow?: DutyRow & { label: CellRef };
}

export interface DutyRow {
  row: number;
  duty?: CellRef;
  task?: CellRef;
  item?: CellRef;
  amount?: CellRef;
}

/** One line of 收入构成 / 支出构成 / 年度预算申请: a label, its amount and (when given) its share 占比. */
export interface MoneyLine {
  kind: "fiscal" | "other" | "basic" | "project" | "total" | "source";
  label: CellRef;
  /** The amount (当年金额); the empty cell where it belongs when left blank. */
  amount?: CellRef;
  /** 占比 (a percentage), when the block has that column. */
  share?: CellRef;
}

/**
 * 部门总体资金情况 of a department table: 收入构成 (财政拨款 / 其他资金 / 合计) and 支出构成 (基本支出 / 项目支出 /
 * 合计), each line with its amount and 占比.
 */
export interface CompositionBlock {
  /** The 部门总体资金情况 (or 总体资金情况) label cell. */
  label: CellRef;
  income: MoneyLine[];
  expense: MoneyLine[];
}

/**
 * 年度预算申请 / 年度预算安排 of a department table: 资金总额 = 基本支出 + 项目支出 (kind "total", "basic",
 * "project"), and where the form splits by source, 财政拨款 / 其他资金 lines too.
 */
export interface BudgetBlock {
  /** The 年度预算申请 / 年度预算安排 label cell. */
  label: CellRef;
  lines: MoneyLine[];
}

/** The money blocks a table can carry; "none" for a table with no amounts at all (a platform export). */
export type MoneyBlockKind = "tasks" | "funding" | "duties" | "composition" | "budget";

/** The money blocks the table has, in a fixed order. Empty: the table carries no amounts (say nothing about money). */
export function moneyBlocks(t: GoalTable): MoneyBlockKind[] {
  const out: MoneyBlockKind[] = [];
  if (t.tasks) out.push("tasks");
  if (t.funding && (t.funding.total || t.funding.fiscal || t.funding.other || t.funding.label)) out.push("funding");
  if (t.duties) out.push("duties");
  if (t.composition) out.push("composition");
  if (t.budget) out.push("budget");
  return out;
}

/**
 * A score note in a label or header: `产出指标(50分)` → {max: 50}, `成本指标(0-20)分` → {min: 0, max: 20},
 * `年度绩效目标(90分)` → {max: 90}. The label's name is its text without the note.
 */
export interface ScoreNote {
  /** Lower end of a band (`0-20`); undefined for a single score. */
  min?: number;
  max: number;
  /** The note as written, e.g. "(50分)". */
  text: string;
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
  /** 分值 / 权重 / 指标权重: the row's score or weight. */
  score?: number;
  /** 指标解释. */
  explanation?: number;
  /** 评(扣)分标准. */
  scoring?: number;
  /** 指标值说明. */
  valueNote?: number;
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
  score?: CellRef;
  explanation?: CellRef;
  scoring?: CellRef;
  valueNote?: CellRef;
  /** The 一级 label's name without its score note (`产出指标(50分)` → 产出指标); set when level1 is set. */
  level1Name?: string;
  /** The 二级 label's name without its score note; set when level2 is set. */
  level2Name?: string;
  /** The score note on the 一级 label, if any. */
  level1Score?: ScoreNote;
  /** The score note on the 二级 label, if any. */
  level2Score?: ScoreNote;
}

export interface IndicatorBlock {
  /** The 一级指标 header cell. */
  header: CellRef;
  form: IndicatorForm;
  /**
   * Columns by what they hold. `operator` is the column that holds the comparison signs (≥ = ≤) whatever its header
   * says: 计算符号, or 指标性质 / 指标方向 when those columns hold signs; `nature` and `direction` then point at the
   * column that holds 定量/定性 or 正向/反向 (指标方向性 included), if any.
   */
  columns: IndicatorColumns;
  rows: IndicatorRow[];
  /**
   * The total score the table states for its indicators: a note on the block label
   * (`绩效指标(权重分值90分,…)`, `年度绩效目标(90分)`), with the cell it came from.
   */
  statedScore?: ScoreNote & { cell: string };
  /** 预算执行 (10分) in the 2021+ template: the label and its score note. */
  budgetExecution?: { label: CellRef; score?: ScoreNote };
  /**
   * Rows left entirely blank inside a merged 一级 label, with indicator rows of the same 一级 below them (a row
   * inserted or kept for an indicator and never filled). `cell` is the row's 二级 cell (or 三级 cell when the 二级
   * is merged over it), for a finding to point at; `level2` the 二级 label merged over the row, if one is.
   */
  blankRows?: { row: number; level1: CellRef; cell: CellRef; level2?: CellRef }[];
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

/**
 * An implementation or payment plan (项目实施进度计划, 资金支付计划, 分季度用款计划): one amount or percentage per
 * stage, quarter or month (src/core/reader/sums.ts, readPlans). Only blocks whose instalments the reader can tell
 * apart are kept: a header per stage (第一季度 …) above a row of numbers, or a money/percentage column beside stage
 * rows.
 */
export interface InstalmentPlan {
  /** The block's label cell (项目实施进度计划, 资金支付计划 …). */
  label: CellRef;
  /** Amounts (金额) or percentages (比例, %). */
  kind: "amount" | "share";
  /** The unit a header states for the amounts, when one does. */
  unit?: AmountUnit;
  /** The instalment cells, in sheet order (blank ones included: a blank instalment counts as 0). */
  parts: CellRef[];
  /** The name of each instalment: its stage/quarter header or row label, parallel to parts. */
  names: string[];
  /** "累计" is written in the block: the figures are running totals, not instalments. */
  cumulative: boolean;
  /** The distinct years written in the block (2016, "2021年"): a plan over several years is not one year's. */
  years: number[];
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
  /**
   * "form": one table laid out as a form (the usual case). "list": one table of several on a list sheet (many
   * projects one after another, or one row per indicator with the project name repeated); each project is its own
   * GoalTable and `range` covers its rows.
   */
  layout?: "form" | "list";
  /** Department tables. */
  tasks?: TasksBlock;
  /** The 年度主要任务 label, when the table has one but no 任务名称 header under it (a broken task block). */
  taskSection?: CellRef;
  /** 年度履职目标 with its own amounts (department tables). */
  duties?: DutiesBlock;
  /** 部门总体资金情况: 收入构成 / 支出构成 (department tables). */
  composition?: CompositionBlock;
  /** 年度预算申请 / 年度预算安排: 资金总额 = 基本支出 + 项目支出 (department tables). */
  budget?: BudgetBlock;
  /** Project tables. */
  project?: ProjectInfo;
  funding?: FundingBlock;
  goals: GoalText[];
  /**
   * The text that describes the department or project, which goals are sometimes copied from: 部门职能职责概述 /
   * 部门职能概述 (kind "duties"), 项目概况 (kind "project"). Absent when the table has no such field.
   */
  overview?: { kind: "duties" | "project"; label: CellRef; value?: CellRef };
  indicators?: IndicatorBlock;
  /** Every 合计 / 小计 / 总计 on the table with the cells it adds up (absent when the reader found none). */
  sumLines?: SumLine[];
  /**
   * A 长期/中期 indicator block standing apart from the annual one (长期绩效指标 above 年度绩效指标, each with its own
   * header). The rules check `indicators` (the annual block); this one is kept for the reader's record.
   */
  longTermIndicators?: IndicatorBlock;
  /** Implementation / payment plans with one amount or percentage per stage (absent when none was found). */
  plans?: InstalmentPlan[];
}

/** Why a sheet holds no goal table. */
export interface NotATable {
  reason: { zh: string; en: string };
  /**
   * What the sheet is instead, when the reader can tell: a self-evaluation (自评表: 实际完成值 / 得分 columns), an
   * evaluation-indicator list (评价指标体系), an empty sheet, or something else.
   */
  kind?: "self-evaluation" | "evaluation-indicators" | "empty" | "other";
}

export interface SheetReading {
  sheet: string;
  tables: GoalTable[];
  /** Set when tables is empty. */
  notATable?: NotATable;
}
