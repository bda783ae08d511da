/**
 * The standard layout of both goal tables (shared/domain rules.md), as a TemplateSheet: title, （N 年）, the name
 * row, the task block (department) or the project and funding blocks (project), the goal, and the indicator block
 * with every 一级/二级 of the taxonomy, merged down over a few empty 三级 rows.
 *
 * Columns, merged form (7): A section labels | B 任务名称, 一级 | C:D 主要内容; C 二级; D:E 三级 | E 总额 |
 * F 财政拨款; F:G 指标值 | G 其他资金. Split form (9): A | B:C 任务名称; B 一级; C 二级 | D:F 主要内容; D 三级;
 * E 指标性质; F 指标方向 | G 总额, 计算符号 | H 财政拨款, 目标值 | I 其他资金, 计量单位.
 */
import { cellAddress, rangeAddress } from "../address";
import type { IndicatorForm } from "../model";
import {
  contentFrom,
  convertValue,
  emptyContent,
  type CarriedValue,
  type IndicatorGroup1,
  type TemplateContent,
} from "./prefill";
import type { TemplateBlock, TemplateCell, TemplateOptions, TemplateSheet, TemplateStyle } from "./types";

export const DEPARTMENT_TITLE = "部门（单位）整体支出绩效目标表";
export const PROJECT_TITLE = "项目支出绩效目标表";

/** Empty 三级 rows under each 二级 of a blank template (and under each 二级 no row was carried to). */
export const EMPTY_ROWS_PER_LEVEL2 = 2;
/** Empty task rows of a blank department template. */
export const EMPTY_TASK_ROWS = 3;

/** The dropdowns' entries. */
export const OPERATORS = ["≥", "＞", "＝", "＜", "≤", "定性"];
export const DIRECTIONS = ["正向", "反向"];
export const NATURES = ["定量", "定性"];

export const STYLES: Record<string, TemplateStyle> = {
  title: { font: { bold: true, size: 16 }, alignment: { horizontal: "center", vertical: "middle" } },
  year: { font: { size: 12 }, alignment: { horizontal: "center", vertical: "middle" } },
  label: {
    font: { bold: true },
    alignment: { wrap: true, horizontal: "center", vertical: "middle" },
    border: true,
    fill: "F2F2F2",
  },
  header: {
    font: { bold: true },
    alignment: { wrap: true, horizontal: "center", vertical: "middle" },
    border: true,
    fill: "DDEBF7",
  },
  text: { alignment: { wrap: true, horizontal: "left", vertical: "middle" }, border: true },
  longText: { alignment: { wrap: true, horizontal: "left", vertical: "top" }, border: true },
  center: { alignment: { wrap: true, horizontal: "center", vertical: "middle" }, border: true },
  amount: { alignment: { horizontal: "right", vertical: "middle" }, border: true, numberFormat: "0.00" },
  total: {
    font: { bold: true },
    alignment: { horizontal: "right", vertical: "middle" },
    border: true,
    numberFormat: "0.00",
  },
};

interface Columns {
  width: number;
  widths: number[];
  task: { name: [number, number]; content: [number, number]; total: number; fiscal: number; other: number };
  ind: {
    l1: number;
    l2: number;
    l3: [number, number];
    value: [number, number];
    nature?: number;
    direction?: number;
    operator?: number;
    unit?: number;
  };
  /** Project rows: label A:B, then a left value, a right label and a right value. */
  half: { leftValue: [number, number]; rightLabel: [number, number]; rightValue: [number, number] };
}

const MERGED: Columns = {
  width: 7,
  widths: [7, 20, 16, 34, 14, 14, 14],
  task: { name: [1, 1], content: [2, 3], total: 4, fiscal: 5, other: 6 },
  ind: { l1: 1, l2: 2, l3: [3, 4], value: [5, 6] },
  half: { leftValue: [2, 3], rightLabel: [4, 4], rightValue: [5, 6] },
};

const SPLIT: Columns = {
  width: 9,
  widths: [7, 18, 16, 32, 10, 10, 12, 12, 12],
  task: { name: [1, 2], content: [3, 5], total: 6, fiscal: 7, other: 8 },
  ind: { l1: 1, l2: 2, l3: [3, 3], nature: 4, direction: 5, operator: 6, value: [7, 7], unit: 8 },
  half: { leftValue: [2, 3], rightLabel: [4, 5], rightValue: [6, 8] },
};

/** The sheet name a template asks for: "2022年绩效目标表", "2022年项目绩效目标表". */
export function templateSheetName(kind: TemplateOptions["kind"], year: number): string {
  return kind === "department" ? `${year}年绩效目标表` : `${year}年项目绩效目标表`;
}

/** Builds the template. Pure; throws only on a year outside 1990–2100. */
export function makeTemplate(options: TemplateOptions): TemplateSheet {
  const { kind, year, form } = options;
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new RangeError(`not a budget year: ${year}`);
  const content = options.prefill ? contentFrom(options.prefill, kind, options.keepValues === true) : emptyContent();
  const cols = form === "split" ? SPLIT : MERGED;
  const g = new Grid(cols.width);
  const blocks: TemplateBlock[] = [];
  const block = (name: TemplateBlock["name"], top: number) => {
    if (g.rows > top)
      blocks.push({ name, range: rangeAddress({ top, left: 0, bottom: g.rows - 1, right: cols.width - 1 }) });
  };
  const last = cols.width - 1;

  // Title and year: no border.
  g.put(0, 0, 0, last, kind === "department" ? DEPARTMENT_TITLE : PROJECT_TITLE, "title", { plain: true });
  g.put(1, 0, 1, last, `（${year} 年）`, "year", { plain: true });
  g.height(0, 32);
  g.height(1, 22);
  block("heading", 0);

  let indicatorSection: string;
  if (kind === "department") {
    let top = g.rows;
    g.put(top, 0, top, 1, "部门（单位）名称", "label");
    g.minHeight(top, 24);
    g.put(top, 2, top, last, content.name, "text");
    block("name", top);
    top = g.rows;
    layTasks(g, cols, content);
    block("tasks", top);
    top = g.rows;
    const r = g.rows;
    g.put(r, 0, r, 1, "年度总体目标", "label");
    g.put(r, 2, r, last, content.goals.overall, "longText");
    g.minHeight(r, 80);
    block("goal", top);
    indicatorSection = "年度绩效指标";
  } else {
    let top = g.rows;
    layProject(g, cols, content);
    block("project", top);
    top = g.rows;
    layFunding(g, cols);
    block("funding", top);
    top = g.rows;
    const r = g.rows;
    g.put(r, 0, r + 1, 1, "总体目标", "label");
    g.put(r, 2, r, cols.half.leftValue[1], "中期目标", "header");
    g.put(r, cols.half.leftValue[1] + 1, r, last, "年度目标", "header");
    g.put(r + 1, 2, r + 1, cols.half.leftValue[1], content.goals.midTerm, "longText");
    g.put(r + 1, cols.half.leftValue[1] + 1, r + 1, last, content.goals.annual, "longText");
    g.minHeight(r + 1, 80);
    block("goal", top);
    indicatorSection = "绩效指标";
  }
  const top = g.rows;
  const ind = layIndicators(g, cols, content.indicators, form, indicatorSection);
  block("indicators", top);

  const range = rangeAddress({ top: 0, left: 0, bottom: g.rows - 1, right: last });
  return {
    name: templateSheetName(kind, year),
    kind,
    year,
    form,
    range,
    cells: g.cells(),
    merges: g.merges.map(rangeAddress),
    columnWidths: [...cols.widths],
    rowHeights: g.heights(cols.widths),
    styles: structuredClone(STYLES),
    dataValidations: ind.validations,
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: `${ind.headerRow + 1}:${ind.headerRow + 1}`,
    },
    blocks,
  };
}

function layTasks(g: Grid, cols: Columns, content: TemplateContent): void {
  const t = cols.task;
  const h = g.rows;
  g.put(h, t.name[0], h + 1, t.name[1], "任务名称", "header");
  g.put(h, t.content[0], h + 1, t.content[1], "主要内容", "header");
  g.put(h, t.total, h, t.other, "预算金额（万元）", "header");
  g.put(h + 1, t.total, h + 1, t.total, "总额", "header");
  g.put(h + 1, t.fiscal, h + 1, t.fiscal, "财政拨款", "header");
  g.put(h + 1, t.other, h + 1, t.other, "其他资金", "header");
  const totalRow = h + 2;
  const tasks =
    content.tasks.length > 0
      ? content.tasks
      : Array.from({ length: EMPTY_TASK_ROWS }, () => ({ name: "", content: "" }));
  const first = totalRow + 1;
  const lastTask = first + tasks.length - 1;
  g.put(totalRow, t.name[0], totalRow, t.content[1], "合计", "label");
  for (const col of [t.total, t.fiscal, t.other]) {
    const sum = `=SUM(${cellAddress(first, col)}:${cellAddress(lastTask, col)})`;
    g.put(totalRow, col, totalRow, col, undefined, "total", { formula: sum });
  }
  tasks.forEach((task, i) => {
    const r = first + i;
    g.put(r, t.name[0], r, t.name[1], task.name, "text");
    g.put(r, t.content[0], r, t.content[1], task.content, "longText");
    g.put(r, t.total, r, t.total, undefined, "amount", {
      formula: `=${cellAddress(r, t.fiscal)}+${cellAddress(r, t.other)}`,
    });
    g.put(r, t.fiscal, r, t.fiscal, undefined, "amount");
    g.put(r, t.other, r, t.other, undefined, "amount");
    g.minHeight(r, 36);
  });
  g.put(h, 0, lastTask, 0, "年度主要任务", "label");
}

function layProject(g: Grid, cols: Columns, content: TemplateContent): void {
  const last = cols.width - 1;
  const p = content.project;
  const full = (label: string, value: string) => {
    const r = g.rows;
    g.minHeight(r, 22);
    g.put(r, 0, r, 1, label, "label");
    g.put(r, 2, r, last, value, "text");
  };
  const pair = (l1: string, v1: string, l2: string, v2: string) => {
    const r = g.rows;
    g.minHeight(r, 22);
    const h = cols.half;
    g.put(r, 0, r, 1, l1, "label");
    g.put(r, h.leftValue[0], r, h.leftValue[1], v1, "text");
    g.put(r, h.rightLabel[0], r, h.rightLabel[1], l2, "label");
    g.put(r, h.rightValue[0], r, h.rightValue[1], v2, "text");
  };
  full("项目名称", content.name);
  pair("主管部门", p.department, "实施单位", p.implementer);
  pair("项目属性", p.attribute, "项目期", p.period);
  full("项目负责人及电话", p.manager);
}

function layFunding(g: Grid, cols: Columns): void {
  const last = cols.width - 1;
  const r = g.rows;
  const labels = ["年度资金总额", "其中：财政拨款", "其他资金", "上年结转资金"];
  const valueCol = cols.half.leftValue[1] + 1;
  g.put(r, 0, r + labels.length - 1, 1, "资金情况（万元）", "label");
  labels.forEach((label, i) => {
    g.put(r + i, 2, r + i, cols.half.leftValue[1], label, "label");
    g.minHeight(r + i, 20);
  });
  const parts = [1, 2, 3].map((i) => cellAddress(r + i, valueCol)).join("+");
  g.put(r, valueCol, r, last, undefined, "total", { formula: `=${parts}` });
  for (let i = 1; i < labels.length; i++) g.put(r + i, valueCol, r + i, last, undefined, "amount");
}

function layIndicators(
  g: Grid,
  cols: Columns,
  groups: IndicatorGroup1[],
  form: IndicatorForm,
  sectionLabel: string
): { headerRow: number; validations: TemplateSheet["dataValidations"] } {
  const c = cols.ind;
  const h = g.rows;
  g.put(h, c.l1, h, c.l1, "一级指标", "header");
  g.put(h, c.l2, h, c.l2, "二级指标", "header");
  g.put(h, c.l3[0], h, c.l3[1], "三级指标", "header");
  if (form === "merged") {
    g.put(h, c.value[0], h, c.value[1], "指标值", "header");
  } else {
    g.put(h, c.nature!, h, c.nature!, "指标性质", "header");
    g.put(h, c.direction!, h, c.direction!, "指标方向", "header");
    g.put(h, c.operator!, h, c.operator!, "计算符号", "header");
    g.put(h, c.value[0], h, c.value[1], "目标值", "header");
    g.put(h, c.unit!, h, c.unit!, "计量单位", "header");
  }
  let r = h + 1;
  const first = r;
  for (const g1 of groups) {
    const top1 = r;
    for (const g2 of g1.level2) {
      const top2 = r;
      const rows = [...g2.rows];
      // Carried rows, padded with empty ones to at least EMPTY_ROWS_PER_LEVEL2.
      while (rows.length < EMPTY_ROWS_PER_LEVEL2) rows.push({ name: "" });
      for (const row of rows) {
        g.minHeight(r, 20);
        g.put(r, c.l3[0], r, c.l3[1], row.name, "text");
        layValue(g, cols, form, r, row.value);
        r++;
      }
      g.put(top2, c.l2, r - 1, c.l2, g2.name, "center");
    }
    if (r === top1) continue;
    g.put(top1, c.l1, r - 1, c.l1, g1.name, "center");
  }
  const lastRow = Math.max(r - 1, h);
  g.put(h, 0, lastRow, 0, sectionLabel, "label");

  const column = (col: number) => rangeAddress({ top: first, left: col, bottom: lastRow, right: col });
  const l1Names = fitList(groups.map((x) => x.name).filter((n) => n !== ""));
  const l2Names = fitList([...new Set(groups.flatMap((x) => x.level2.map((y) => y.name)).filter((n) => n !== ""))]);
  const validations = [
    { range: column(c.l1), list: l1Names },
    { range: column(c.l2), list: l2Names },
  ];
  if (form === "split") {
    validations.push(
      { range: column(c.nature!), list: NATURES },
      { range: column(c.direction!), list: DIRECTIONS },
      { range: column(c.operator!), list: OPERATORS }
    );
  }
  return { headerRow: h, validations };
}

/** Excel takes at most 255 characters in a list's source: names carried from a table come off the end first. */
function fitList(names: string[]): string[] {
  const out = [...names];
  while (out.length > 1 && out.join(",").length > 255) out.pop();
  return out;
}

function layValue(g: Grid, cols: Columns, form: IndicatorForm, r: number, carried: CarriedValue | undefined): void {
  const c = cols.ind;
  const v = carried ? convertValue(carried, form) : undefined;
  if (form === "merged") {
    g.put(r, c.value[0], r, c.value[1], v?.form === "merged" ? v.text : undefined, "center");
    return;
  }
  const s = v?.form === "split" ? v : undefined;
  g.put(r, c.nature!, r, c.nature!, s?.nature, "center");
  g.put(r, c.direction!, r, c.direction!, s?.direction, "center");
  g.put(r, c.operator!, r, c.operator!, s?.operator, "center");
  g.put(r, c.value[0], r, c.value[1], s?.target, "center");
  g.put(r, c.unit!, r, c.unit!, s?.unit, "center");
}

// ---------------------------------------------------------------------------------------------------------------

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The sheet being laid out: cells by position, merges, row heights. Rows grow as cells are put. */
class Grid {
  rows = 0;
  readonly merges: Area[] = [];
  private readonly map = new Map<string, { value?: string | number; formula?: string; style: string }>();
  /** Rows (0-based) whose cells carry no border by default: the title lines. */
  private readonly plainRows = new Set<number>();
  private readonly fixed = new Map<number, number>();
  /** Text put in each area, for the row heights. */
  private readonly texts: { area: Area; text: string }[] = [];

  constructor(readonly width: number) {}

  /**
   * Puts a value (or formula) in the top-left cell of the area, merges the area when it is more than one cell, and
   * styles every cell of it. Empty text leaves the cell empty.
   */
  put(
    top: number,
    left: number,
    bottom: number,
    right: number,
    value: string | number | undefined,
    style: string,
    opts: { formula?: string; plain?: boolean } = {}
  ): void {
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) this.map.set(`${r},${c}`, { style });
      if (opts.plain) this.plainRows.add(r);
    }
    const cell = this.map.get(`${top},${left}`)!;
    if (opts.formula) cell.formula = opts.formula;
    else if (value !== undefined && value !== "") cell.value = value;
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
    if (typeof value === "string" && value !== "") this.texts.push({ area: { top, left, bottom, right }, text: value });
    this.rows = Math.max(this.rows, bottom + 1);
  }

  height(row: number, points: number): void {
    this.fixed.set(row, points);
  }

  minHeight(row: number, points: number): void {
    this.fixed.set(row, Math.max(this.fixed.get(row) ?? 0, points));
  }

  /** Every cell of the table area; cells nothing was put in get a plain bordered style (none on title rows). */
  cells(): TemplateCell[] {
    const out: TemplateCell[] = [];
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.width; c++) {
        const cell = this.map.get(`${r},${c}`) ?? { style: this.plainRows.has(r) ? "year" : "text" };
        const t: TemplateCell = { address: cellAddress(r, c), style: cell.style };
        if (cell.formula) t.formula = cell.formula;
        else if (cell.value !== undefined) t.value = cell.value;
        out.push(t);
      }
    }
    return out;
  }

  /**
   * Row heights (1-based rows → points): the fixed ones, raised to fit wrapped text. A CJK character counts two
   * width units, others one; a line is 15 points; a merge over several rows shares its height among them.
   */
  heights(widths: number[]): Record<number, number> {
    const need = new Map(this.fixed);
    for (const { area, text } of this.texts) {
      let width = 0;
      for (let c = area.left; c <= area.right; c++) width += widths[c] ?? 10;
      const usable = Math.max(2, width - 1.5);
      let lines = 0;
      for (const line of text.split(/\r?\n/)) lines += Math.max(1, Math.ceil(displayWidth(line) / usable));
      const rows = area.bottom - area.top + 1;
      const perRow = Math.ceil((lines * 15 + 6) / rows);
      for (let r = area.top; r <= area.bottom; r++) need.set(r, Math.max(need.get(r) ?? 0, perRow));
    }
    const out: Record<number, number> = {};
    for (const [r, h] of [...need.entries()].sort((a, b) => a[0] - b[0])) if (h > 15) out[r + 1] = Math.min(h, 409);
    return out;
  }
}

/** Width of text in Excel character units: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}
