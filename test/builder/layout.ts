/**
 * Lays a table spec out on a sheet, in one of the layouts real tables use, and records where each field went.
 * Tests read the sheet back with the reader and compare its model (text and addresses) with this record.
 */
import type { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { parseCell } from "../../src/core/address";
import { SheetGrid } from "./grid";
import type { AmountSpec, DepartmentSpec, IndicatorSpec, ProjectSpec, TableSpec } from "./spec";

export interface Layout {
  /** Top-left cell of the table. */
  origin: string;
  /** A leading column with the section labels (年度主要任务, 年度绩效指标) merged down; else a section row. */
  labelColumn: boolean;
  /** Where the 合计 row stands. */
  totalPosition: "above" | "below";
  /** Labels with spaces or line breaks between characters: "合  计", "年度\n总体\n目标". */
  spacedLabels: boolean;
  /** Full-width （） or half-width () brackets in labels and the year line. */
  brackets: "full" | "half";
  /** Blank rows between sections. */
  blankRows: number;
  /** The unit of amounts; 元 multiplies the spec's 万元 by 10,000. */
  unit: "万元" | "元";
  /** 合计 (SUM) and 总额 (财政拨款 + 其他资金) as formulas with cached values. */
  formulas: boolean;
  /** Amounts typed as text ("356.99"). */
  amountsAsText: boolean;
  /** 一级/二级 labels merged down, repeated on every row, or only on the first row with blanks below. */
  levelLabels: "merged" | "repeated" | "first";
  /** 二级 names broken over two lines or written without the 指标 suffix. */
  brokenLevel2: boolean;
  /** The value in one 指标值 column, or split into 指标性质/指标方向/计算符号/目标值/计量单位. */
  indicatorForm: "merged" | "split";
  /** A 备注 column after the value. */
  remarkColumn: boolean;
  /** A 填表说明 sheet before the table sheet. */
  explanatorySheet: boolean;
  /** Project tables: 资金情况 as label/value rows or as a header row above a value row. */
  fundingLayout: "vertical" | "horizontal";
  /** The year on its own line under the title, or inside the title ("2021年度…"). */
  yearInTitle: boolean;
}

export const DEFAULT_LAYOUT: Layout = {
  origin: "A1",
  labelColumn: true,
  totalPosition: "above",
  spacedLabels: false,
  brackets: "full",
  blankRows: 0,
  unit: "万元",
  formulas: false,
  amountsAsText: false,
  levelLabels: "merged",
  brokenLevel2: false,
  indicatorForm: "merged",
  remarkColumn: false,
  explanatorySheet: false,
  fundingLayout: "vertical",
  yearInTitle: false,
};

/** The layout of the shipped sample, as its PDF shows it: label column, 合计 above the tasks. */
export const SAMPLE_LAYOUT: Layout = { ...DEFAULT_LAYOUT };

/** Where the builder put each field (absolute A1 addresses on the table sheet). */
export interface Placed {
  sheet: string;
  range: string;
  title: string;
  year: string;
  nameLabel: string;
  name: string;
  tasks: { name: string; content: string; total: string; fiscal: string; other: string }[];
  totalRow?: { label: string; total: string; fiscal: string; other: string };
  goals: { kind: "annual" | "mid-term" | "overall"; label: string; value: string }[];
  project?: { department: string; implementer: string; attribute?: string; period?: string; manager?: string };
  funding?: { total: string; fiscal: string; other: string; carryover?: string };
  indicators: {
    level1: string;
    level2: string;
    name?: string;
    value?: string;
    nature?: string;
    direction?: string;
    operator?: string;
    unit?: string;
    remark?: string;
  }[];
}

export interface Built {
  workbook: WorkbookSnapshot;
  placed: Placed;
}

const SPACED: Record<string, string> = {
  合计: "合  计",
  年度总体目标: "年度\n总体\n目标",
  年度绩效指标: "年度\n绩 效 指 标",
  绩效指标: "绩 效 指 标",
  年度主要任务: "年度\n主要\n任务",
  任务名称: "任务 名称",
  一级指标: "一级\n指标",
  二级指标: "二级 指标",
  三级指标: "三 级 指 标",
  指标值: "指 标 值",
  年度目标: "年度 目标",
  资金情况: "资金\n情况",
};

export function layoutWorkbook(spec: TableSpec, layout: Partial<Layout> = {}, sheetName?: string): WorkbookSnapshot {
  return buildTable(spec, layout, sheetName).workbook;
}

export function buildTable(spec: TableSpec, partial: Partial<Layout> = {}, sheetName?: string): Built {
  const layout: Layout = { ...DEFAULT_LAYOUT, ...partial };
  const o = parseCell(layout.origin);
  const name =
    sheetName ?? (spec.kind === "department" ? `${spec.year}年部门整体绩效目标` : `${spec.year}年项目绩效目标`);
  const g = new SheetGrid(name, o.row, o.col);
  const placed = spec.kind === "department" ? layDepartment(g, spec, layout) : layProject(g, spec, layout);
  const snapshot = g.toSnapshot();
  placed.sheet = name;
  placed.range = `${snapshot.origin}:${lastCell(snapshot)}`;
  const sheets = layout.explanatorySheet ? [explanatorySheet(), snapshot] : [snapshot];
  return { workbook: { sheets }, placed };
}

function lastCell(s: { origin: string; values: unknown[][] }): string {
  const o = parseCell(s.origin);
  const g = new SheetGrid("x");
  return g.address(o.row + s.values.length - 1, o.col + (s.values[0]?.length ?? 1) - 1);
}

function explanatorySheet() {
  const g = new SheetGrid("填表说明");
  const lines = [
    "填表说明",
    "1. 本表由各部门（单位）填报，反映部门整体支出的年度绩效目标。",
    "2. 年度主要任务按部门职能填列，预算金额以万元为单位，保留两位小数。",
    "3. 一级指标包括产出指标、效益指标、满意度指标；二级指标按指标体系填列。",
    "4. 指标值应填写具体数值及计量单位，如“≥2次”“=100%”。",
  ];
  lines.forEach((t, i) => g.set(i, 0, t));
  return g.toSnapshot();
}

function label(text: string, layout: Layout): string {
  let t = layout.spacedLabels && SPACED[text] ? SPACED[text] : text;
  if (layout.brackets === "half") t = t.replace(/（/g, "(").replace(/）/g, ")");
  return t;
}

function bracket(text: string, layout: Layout): string {
  return layout.brackets === "half" ? text.replace(/（/g, "(").replace(/）/g, ")") : text;
}

/** Exact cents of a spec amount, or null when it is not a number. */
function cents(a: AmountSpec): number | null {
  if (a === null || a === "") return null;
  const n = typeof a === "number" ? a : Number(a);
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}

function scaled(a: AmountSpec, layout: Layout): CellValue {
  if (a === null) return null;
  if (typeof a === "string") return a;
  const v = layout.unit === "元" ? Number((a * 10000).toFixed(2)) : a;
  return layout.amountsAsText ? v.toFixed(2) : v;
}

function scaledCents(c: number, layout: Layout): number {
  return layout.unit === "元" ? c * 100 : c / 100;
}

/** Lays out the year line (or puts the year in the title) and returns the title and year cells. */
function layHeading(g: SheetGrid, title: string, year: number, width: number, layout: Layout) {
  if (layout.yearInTitle) {
    const cell = g.setMerged(0, 0, 0, width - 1, `${year}年度${title}`);
    return { title: cell, year: cell, next: 1 };
  }
  const t = g.setMerged(0, 0, 0, width - 1, title);
  const y = g.setMerged(1, 0, 1, width - 1, bracket(`（${year} 年）`, layout));
  return { title: t, year: y, next: 2 };
}

function layDepartment(g: SheetGrid, spec: DepartmentSpec, layout: Layout): Placed {
  const L = layout.labelColumn ? 1 : 0;
  const ind = indicatorColumns(L, layout);
  const width = Math.max(L + 5, ind.width);
  const head = layHeading(g, spec.title, spec.year, width, layout);
  let r = head.next;

  // 部门（单位）名称
  const nameLabel = g.setMerged(r, 0, r, L, label("部门（单位）名称", layout));
  const nameCell = g.setMerged(r, L + 1, r, width - 1, spec.name);
  r += 1 + layout.blankRows;

  // 年度主要任务
  const sectionTop = r;
  if (!layout.labelColumn) {
    g.setMerged(r, 0, r, width - 1, label("年度主要任务", layout));
    r++;
  }
  const hr = r;
  g.setMerged(hr, L, hr + 1, L, label("任务名称", layout));
  g.setMerged(hr, L + 1, hr + 1, L + 1, label("主要内容", layout));
  g.setMerged(hr, L + 2, hr, L + 4, label(`预算金额（${layout.unit}）`, layout));
  g.set(hr + 1, L + 2, "总额");
  g.set(hr + 1, L + 3, "财政拨款");
  g.set(hr + 1, L + 4, "其他资金");
  r = hr + 2;

  const n = spec.tasks.length;
  const totalRowIdx = layout.totalPosition === "above" ? r : r + n;
  const firstTask = layout.totalPosition === "above" ? r + 1 : r;
  const tasks: Placed["tasks"] = [];
  const fmt = layout.amountsAsText ? "@" : "0.00";
  spec.tasks.forEach((t, i) => {
    const row = firstTask + i;
    const fiscal = g.set(row, L + 3, scaled(t.fiscal, layout), { format: fmt });
    const other = g.set(row, L + 4, scaled(t.other, layout), { format: fmt });
    const fc = cents(t.fiscal);
    const oc = cents(t.other);
    const total =
      layout.formulas && !layout.amountsAsText && fc !== null && oc !== null
        ? g.set(row, L + 2, scaledCents(fc + oc, layout), { formula: `=${fiscal}+${other}`, format: fmt })
        : g.set(row, L + 2, scaled(t.total, layout), { format: fmt });
    tasks.push({ name: g.set(row, L, t.name), content: g.set(row, L + 1, t.content), total, fiscal, other });
  });

  const sums = (["total", "fiscal", "other"] as const).map((k) => {
    if (spec.total) return scaled(spec.total[k], layout);
    const c = spec.tasks.reduce((s, t) => s + (cents(t[k]) ?? 0), 0);
    const v = scaledCents(c, layout);
    return layout.amountsAsText ? v.toFixed(2) : v;
  });
  const totalLabel = g.setMerged(totalRowIdx, L, totalRowIdx, L + 1, label("合计", layout));
  const totalCells = (["total", "fiscal", "other"] as const).map((_, k) => {
    const col = L + 2 + k;
    const useFormula = layout.formulas && !layout.amountsAsText && !spec.total && n > 0;
    const formula = useFormula ? `=SUM(${g.address(firstTask, col)}:${g.address(firstTask + n - 1, col)})` : undefined;
    return g.set(totalRowIdx, col, sums[k], { formula, format: fmt });
  });
  const lastRow = firstTask + n - 1 > totalRowIdx ? firstTask + n - 1 : totalRowIdx;
  if (layout.labelColumn) g.setMerged(sectionTop, 0, lastRow, 0, label("年度主要任务", layout));
  r = lastRow + 1 + layout.blankRows;

  // 年度总体目标
  const goalLabel = g.setMerged(r, 0, r, L, label("年度总体目标", layout));
  const goalCell = g.setMerged(r, L + 1, r, width - 1, spec.goal);
  r += 1 + layout.blankRows;

  const indicators = layIndicators(g, spec.indicators, r, L, width, ind, layout, "年度绩效指标");
  return {
    sheet: "",
    range: "",
    title: head.title,
    year: head.year,
    nameLabel,
    name: nameCell,
    tasks,
    totalRow: { label: totalLabel, total: totalCells[0], fiscal: totalCells[1], other: totalCells[2] },
    goals: [{ kind: "overall", label: goalLabel, value: goalCell }],
    indicators,
  };
}

function layProject(g: SheetGrid, spec: ProjectSpec, layout: Layout): Placed {
  const L = layout.labelColumn ? 1 : 0;
  const ind = indicatorColumns(L, layout);
  const width = Math.max(6, ind.width);
  const head = layHeading(g, spec.title, spec.year, width, layout);
  let r = head.next;

  const nameLabel = g.set(r, 0, label("项目名称", layout));
  const nameCell = g.setMerged(r, 1, r, width - 1, spec.name);
  r++;
  g.set(r, 0, label("主管部门", layout));
  const department = g.setMerged(r, 1, r, 2, spec.department);
  g.set(r, 3, label("实施单位", layout));
  const implementer = g.setMerged(r, 4, r, width - 1, spec.implementer);
  r++;
  const project: NonNullable<Placed["project"]> = { department, implementer };
  if (spec.attribute !== undefined || spec.period !== undefined) {
    g.set(r, 0, label("项目属性", layout));
    project.attribute = g.setMerged(r, 1, r, 2, spec.attribute ?? null);
    g.set(r, 3, label("项目期", layout));
    project.period = g.setMerged(r, 4, r, width - 1, spec.period ?? null);
    r++;
  }
  if (spec.manager !== undefined) {
    g.set(r, 0, label("项目负责人及电话", layout));
    project.manager = g.setMerged(r, 1, r, width - 1, spec.manager);
    r++;
  }
  r += layout.blankRows;

  // 资金情况
  const f = spec.funding;
  const keys = (["total", "fiscal", "other", "carryover"] as const).filter(
    (k) => k !== "carryover" || f.carryover !== undefined
  );
  const labels = { total: "年度资金总额", fiscal: "其中：财政拨款", other: "其他资金", carryover: "上年结转资金" };
  const fmt = layout.amountsAsText ? "@" : "0.00";
  const funding: Record<string, string> = {};
  const partsCents = keys.filter((k) => k !== "total").map((k) => cents(f[k] ?? null));
  const canFormula = layout.formulas && !layout.amountsAsText && partsCents.every((c) => c !== null);
  const fundingLabel = label(`资金情况（${layout.unit}）`, layout);
  /** A funding cell's value, and for the total with formulas on, the sum of its parts' cells. */
  const fundingCell = (k: (typeof keys)[number], addr: (k: string) => string) => {
    if (k !== "total" || !canFormula) return { formula: undefined, value: scaled(f[k] ?? null, layout) };
    const parts = keys.filter((x) => x !== "total").map(addr);
    return {
      formula: "=" + parts.join("+"),
      value: scaledCents(
        partsCents.reduce((s: number, c) => s + (c ?? 0), 0),
        layout
      ),
    };
  };
  if (layout.fundingLayout === "vertical") {
    g.setMerged(r, 0, r + keys.length - 1, 0, fundingLabel);
    keys.forEach((k, i) => g.setMerged(r + i, 1, r + i, 2, bracket(labels[k], layout)));
    const addr = (k: string) => g.address(r + keys.indexOf(k as never), 3);
    keys.forEach((k, i) => {
      const { formula, value } = fundingCell(k, addr);
      funding[k] = g.setMerged(r + i, 3, r + i, width - 1, value, { formula, format: fmt });
    });
    r += keys.length;
  } else {
    g.setMerged(r, 0, r + 1, 0, fundingLabel);
    keys.forEach((k, i) => g.set(r, 1 + i, bracket(labels[k].replace("其中：", ""), layout)));
    const addr = (k: string) => g.address(r + 1, 1 + keys.indexOf(k as never));
    keys.forEach((k, i) => {
      const { formula, value } = fundingCell(k, addr);
      funding[k] = g.set(r + 1, 1 + i, value, { formula, format: fmt });
    });
    r += 2;
  }
  r += layout.blankRows;

  // 总体目标
  const goals: Placed["goals"] = [];
  if (spec.goals.midTerm !== undefined) {
    g.setMerged(r, 0, r + 1, 0, label("总体目标", layout));
    const ml = g.setMerged(r, 1, r, 2, label("中期目标", layout));
    const al = g.setMerged(r, 3, r, width - 1, label("年度目标", layout));
    const mv = g.setMerged(r + 1, 1, r + 1, 2, spec.goals.midTerm);
    const av = g.setMerged(r + 1, 3, r + 1, width - 1, spec.goals.annual);
    goals.push({ kind: "mid-term", label: ml, value: mv }, { kind: "annual", label: al, value: av });
    r += 2;
  } else {
    const al = g.set(r, 0, label("年度目标", layout));
    const av = g.setMerged(r, 1, r, width - 1, spec.goals.annual);
    goals.push({ kind: "annual", label: al, value: av });
    r++;
  }
  r += layout.blankRows;

  const indicators = layIndicators(g, spec.indicators, r, L, width, ind, layout, "绩效指标");
  return {
    sheet: "",
    range: "",
    title: head.title,
    year: head.year,
    nameLabel,
    name: nameCell,
    tasks: [],
    goals,
    project,
    funding: funding as Placed["funding"],
    indicators,
  };
}

interface IndicatorCols {
  l1: number;
  l2: number;
  l3: number;
  l3end: number;
  value?: number;
  nature?: number;
  direction?: number;
  operator?: number;
  target?: number;
  unit?: number;
  remark?: number;
  width: number;
}

function indicatorColumns(L: number, layout: Layout): IndicatorCols {
  if (layout.indicatorForm === "split") {
    const c = {
      l1: L,
      l2: L + 1,
      l3: L + 2,
      l3end: L + 2,
      nature: L + 3,
      direction: L + 4,
      operator: L + 5,
      target: L + 6,
      unit: L + 7,
    };
    return layout.remarkColumn ? { ...c, remark: L + 8, width: L + 9 } : { ...c, width: L + 8 };
  }
  const c = { l1: L, l2: L + 1, l3: L + 2, l3end: L + 3, value: L + 4 };
  return layout.remarkColumn ? { ...c, remark: L + 5, width: L + 6 } : { ...c, width: L + 5 };
}

/** The split-form columns of a value: "≥2次" → 定量, 正向, ≥, 2, 次. */
export function splitValue(value: string): {
  nature: string;
  direction: string;
  operator: string;
  target: string;
  unit: string;
} {
  const m = /^\s*(>=|<=|≥|≤|＞|＜|＝|>|<|=)?\s*([0-9]+(?:\.[0-9]+)?)\s*(.*)$/.exec(value);
  if (!m) return { nature: "定性", direction: "", operator: "定性", target: value, unit: "" };
  const op = m[1] ?? "=";
  const positive = !/[≤＜<]/.test(op);
  return { nature: "定量", direction: positive ? "正向" : "反向", operator: op, target: m[2], unit: m[3].trim() };
}

function brokenName(name: string, index: number): string {
  if (index % 2 === 1 && name.endsWith("指标")) return name.slice(0, -2);
  const mid = Math.ceil(name.length / 2);
  return `${name.slice(0, mid)}\n${name.slice(mid)}`;
}

function layIndicators(
  g: SheetGrid,
  rows: IndicatorSpec[],
  start: number,
  L: number,
  width: number,
  c: IndicatorCols,
  layout: Layout,
  sectionLabel: string
): Placed["indicators"] {
  let r = start;
  const sectionTop = r;
  if (!layout.labelColumn) {
    g.setMerged(r, 0, r, width - 1, label(sectionLabel, layout));
    r++;
  }
  g.set(r, c.l1, label("一级指标", layout));
  g.set(r, c.l2, label("二级指标", layout));
  g.setMerged(r, c.l3, r, c.l3end, label("三级指标", layout));
  if (c.value !== undefined) g.set(r, c.value, label("指标值", layout));
  if (c.nature !== undefined) {
    g.set(r, c.nature, "指标性质");
    g.set(r, c.direction!, "指标方向");
    g.set(r, c.operator!, "计算符号");
    g.set(r, c.target!, "目标值");
    g.set(r, c.unit!, "计量单位");
  }
  if (c.remark !== undefined) g.set(r, c.remark, "备注");
  r++;
  const first = r;
  const out: Placed["indicators"] = [];
  const level2Seen = new Map<string, number>();
  let l1Start = first;
  let l2Start = first;
  let l1Cell = "";
  let l2Cell = "";
  rows.forEach((spec, i) => {
    const row = first + i;
    const prev = rows[i - 1];
    const newL1 = !prev || prev.level1 !== spec.level1;
    const newL2 = newL1 || prev.level2 !== spec.level2;
    if (!level2Seen.has(spec.level2)) level2Seen.set(spec.level2, level2Seen.size);
    const l2Text = layout.brokenLevel2 ? brokenName(spec.level2, level2Seen.get(spec.level2)!) : spec.level2;
    if (newL1) {
      if (layout.levelLabels === "merged" && i > 0) g.merge(l1Start, c.l1, row - 1, c.l1);
      l1Start = row;
      l1Cell = g.set(row, c.l1, spec.level1);
    } else if (layout.levelLabels === "repeated") {
      l1Cell = g.set(row, c.l1, spec.level1);
    }
    if (newL2) {
      if (layout.levelLabels === "merged" && i > 0) g.merge(l2Start, c.l2, row - 1, c.l2);
      l2Start = row;
      l2Cell = g.set(row, c.l2, l2Text);
    } else if (layout.levelLabels === "repeated") {
      l2Cell = g.set(row, c.l2, l2Text);
    }
    const placed: Placed["indicators"][number] = { level1: l1Cell, level2: l2Cell };
    if (spec.name !== undefined) {
      placed.name = g.setMerged(row, c.l3, row, c.l3end, spec.name);
    } else {
      g.merge(row, c.l3, row, c.l3end);
    }
    if (spec.value !== undefined) {
      if (c.value !== undefined) {
        placed.value = g.set(row, c.value, spec.value);
      } else {
        const s = splitValue(spec.value);
        placed.nature = g.set(row, c.nature!, s.nature);
        if (s.direction) placed.direction = g.set(row, c.direction!, s.direction);
        placed.operator = g.set(row, c.operator!, s.operator);
        placed.value = g.set(row, c.target!, /^[0-9.]+$/.test(s.target) ? Number(s.target) : s.target);
        if (s.unit) placed.unit = g.set(row, c.unit!, s.unit);
      }
    }
    if (spec.remark !== undefined && c.remark !== undefined) placed.remark = g.set(row, c.remark, spec.remark);
    out.push(placed);
  });
  const last = first + rows.length - 1;
  if (layout.levelLabels === "merged" && rows.length > 0) {
    g.merge(l1Start, c.l1, last, c.l1);
    g.merge(l2Start, c.l2, last, c.l2);
  }
  if (layout.labelColumn) g.setMerged(sectionTop, 0, Math.max(last, sectionTop), 0, label(sectionLabel, layout));
  return out;
}
