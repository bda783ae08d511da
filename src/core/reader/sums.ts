/**
 * Totals anywhere on the table: every cell labelled 合计 / 小计 / 总计 (with spaces, brackets, 其中: or a 收入/支出
 * prefix) and the numeric cells it adds up, found from the sheet's cells, whatever block they stand in: a 收入构成
 * / 支出构成 block, a multi-year cost breakdown (one column per year and a 合计 column), a 年度预算申请 block.
 *
 * A 合计 row: the label, then numbers to its right (one total per column). Its parts are the rows above it or below
 * it, up to the block's header (a row with text where the totals have numbers), a blank row or another 合计 row.
 * A 合计 column: the label on top, numbers below it (one total per row); its parts are the columns beside it, up
 * to a column with text in it, a blank column or another 合计 column. The two are the same search with rows and
 * columns swapped (a View).
 *
 * Which side: a total whose block could be above or below (left or right) takes the side that another total does
 * not need (two blocks one under the other: 收入 合计 then 支出 rows then 支出 合计), else the side whose sums hold;
 * when neither holds the block is ambiguous and no line is made (say nothing rather than guess).
 * Nested 小计 inside a 合计 block stop the 合计's run: the 合计 is then left alone (no line), each 小计 is checked.
 *
 * Cost: one pass over the region's label cells (already made by the reader), then a few rows or columns around each
 * 合计 label; no scan of the whole sheet per total.
 */
import { addsUpFast, isNumeric, parseAmount } from "../amount";
import type { AmountUnit, CellRef, IndicatorBlock, InstalmentPlan, SumLine } from "../model";
import type { Region } from "./index";
import type { Sheet } from "./sheet";

/** 合计, 小计, 总计, 合 计, （合计）, 【合计】, 其中:小计, 收入合计, 支出合计, 金额合计, 合计金额, 合计(万元). */
const TOTAL_RE =
  /^[[【(]?(?:其中:?)?(收入|支出|本年|年度|本级|部门|项目|金额|资金)?(?:预算)?(?:合计|小计|总计)(?:金额|数)?[\]】)]?(?:\((?:万元|元|%)\))?$/;

/** The prefix of a total label ("收入合计" → "收入"), "" for a plain 合计; undefined when it is no total label. */
export function totalLabel(norm: string): string | undefined {
  const m = TOTAL_RE.exec(norm);
  return m ? (m[1] ?? "") : undefined;
}

/** Headers of share columns: 占比, 比例, 比重, 构成比, 百分比, anything in %. */
const SHARE_RE = /占比|比例|比重|构成比|百分比|%/;
/** A percentage typed as text: "74.8%", "100 %". */
const PERCENT_TEXT_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)%$/;

type Kind = "empty" | "number" | "text";

/** What a cell holds for the block search: a number (also typed as text, or a percentage), text, or nothing. */
function kindOf(c: CellRef): Kind {
  const v = c.value;
  if (v === null || v === undefined) return "empty";
  if (typeof v === "number") return Number.isFinite(v) ? "number" : "text";
  if (typeof v !== "string") return "text";
  if (c.text === "") return "empty";
  if (isPercentText(c.text)) return "number";
  return isNumeric(parseAmount(c)) ? "number" : "text";
}

export function isPercentText(text: string): boolean {
  return PERCENT_TEXT_RE.test(text.normalize("NFKC").replace(/\s+/g, ""));
}

/** True when the cell shows a percentage: "74.8%" as text, or a number with a % format. */
export function isPercentCell(c: CellRef): boolean {
  if (typeof c.value === "number") return /%/.test(c.format.replace(/"[^"]*"|\\./g, ""));
  return typeof c.value === "string" && isPercentText(c.text);
}

/**
 * The sheet seen along one axis: i runs along the parts (rows of a 合计 row's block), k across them (the columns
 * holding one total each). For a 合计 column, i is the column and k the row.
 */
interface View {
  axis: SumLine["axis"];
  ref(i: number, k: number): CellRef;
  shown(i: number, k: number): CellRef;
  covered(i: number, k: number): boolean;
  /** The cell's label text, normalised (cached by the sheet). */
  norm(i: number, k: number): string;
  /** The last i and k the cell spans (its merge). */
  end(i: number, k: number): { i: number; k: number };
  minI: number;
  maxI: number;
  minK: number;
  maxK: number;
}

function rowView(sheet: Sheet, region: Region): View {
  return {
    axis: "column",
    ref: (i, k) => sheet.ref(i, k),
    shown: (i, k) => sheet.shown(i, k),
    covered: (i, k) => sheet.covered(i, k),
    norm: (i, k) => sheet.norm(i, k),
    end: (i, k) => {
      const e = sheet.extent(i, k);
      return { i: e.bottom, k: e.right };
    },
    minI: region.top,
    maxI: region.bottom,
    minK: sheet.left,
    maxK: sheet.right,
  };
}

function columnView(sheet: Sheet, region: Region): View {
  return {
    axis: "row",
    ref: (i, k) => sheet.ref(k, i),
    shown: (i, k) => sheet.shown(k, i),
    covered: (i, k) => sheet.covered(k, i),
    norm: (i, k) => sheet.norm(k, i),
    end: (i, k) => {
      const e = sheet.extent(k, i);
      return { i: e.right, k: e.bottom };
    },
    minI: sheet.left,
    maxI: sheet.right,
    minK: region.top,
    maxK: region.bottom,
  };
}

/** At most this many parts in one run, and this many blank cells in a row among the totals. */
const MAX_RUN = 500;
const MAX_GAP = 3;

interface Candidate {
  lines: number[];
}

interface Entry {
  view: View;
  label: CellRef;
  prefix: string;
  /** The label's position in the view. */
  i0: number;
  iEnd: number;
  k0: number;
  kEnd: number;
  /** Positions (k) of the totals. */
  ks: number[];
  /** The totals are all blank (a 合计 row left empty): only a block on one side only is taken. */
  blank: boolean;
  before?: Candidate;
  after?: Candidate;
}

/** Finds every total on the region and the cells it adds up. */
export function readSumLines(sheet: Sheet, region: Region): SumLine[] {
  const labels = region.labels.filter((l) => totalLabel(l.norm) !== undefined && !sheet.covered(l.row, l.col));
  if (labels.length === 0) return [];
  const entries: Entry[] = [];
  for (const view of [rowView(sheet, region), columnView(sheet, region)]) {
    for (const l of labels) {
      const [i0, k0] = view.axis === "column" ? [l.row, l.col] : [l.col, l.row];
      const e = view.end(i0, k0);
      const ks = totalPositions(view, i0, e.i, e.k);
      if (ks.length === 0) continue;
      // A 合计 row left blank: its block must be on one side only (nothing to tell the sides apart by).
      const blank = ks.every((k) => view.ref(i0, k).text === "");
      const entry: Entry = {
        view,
        label: sheet.ref(l.row, l.col),
        prefix: totalLabel(l.norm) ?? "",
        i0,
        iEnd: e.i,
        k0,
        kEnd: e.k,
        ks,
        blank,
      };
      const before = run(view, entry, -1);
      const after = run(view, entry, 1);
      if (before.length) entry.before = { lines: before };
      if (after.length) entry.after = { lines: after };
      if (entry.before || entry.after) entries.push(entry);
    }
  }
  resolveClaims(entries);
  const out: SumLine[] = [];
  for (const e of entries) {
    const side = chooseSide(e);
    if (side) out.push(...makeLines(e, side));
  }
  return out.sort((a, b) => a.total.row - b.total.row || a.total.col - b.total.col);
}

/**
 * The k positions beside the label that hold the totals: numbers, and blanks where the line next to the label holds
 * a number (a total left blank). Stops at text or after a few blanks.
 */
function totalPositions(view: View, i0: number, iEnd: number, kEnd: number): number[] {
  const ks: number[] = [];
  let gap = 0;
  for (let k = kEnd + 1; k <= view.maxK; k++) {
    if (view.covered(i0, k)) continue;
    const kind = kindOf(view.ref(i0, k));
    if (kind === "text") break;
    if (kind === "empty") {
      if (view.axis === "column" && nextToNumber(view, i0, iEnd, k)) ks.push(k);
      else if (++gap > MAX_GAP) break;
      continue;
    }
    gap = 0;
    ks.push(k);
  }
  return ks;
}

function nextToNumber(view: View, i0: number, iEnd: number, k: number): boolean {
  return [i0 - 1, iEnd + 1].some(
    (i) => i >= view.minI && i <= view.maxI && !view.covered(i, k) && kindOf(view.ref(i, k)) === "number"
  );
}

/** The label area of a line: the positions before the totals (row labels, or a 合计 column's header rows). */
function labelArea(view: View, e: Entry): [number, number] {
  return view.axis === "column" ? [view.minK, e.kEnd] : [Math.max(view.minK, e.k0 - 2), e.kEnd];
}

type LineKind = "part" | "total" | "header" | "blank";

function lineKind(view: View, e: Entry, i: number): LineKind {
  const [from, to] = labelArea(view, e);
  let content = false;
  for (let k = from; k <= to; k++) {
    if (view.covered(i, k)) continue;
    const c = view.ref(i, k);
    if (c.text === "") continue;
    content = true;
    if (typeof c.value === "string" && totalLabel(view.norm(i, k)) !== undefined) return "total";
  }
  for (const k of e.ks) {
    const s = view.shown(i, k);
    const kind = kindOf(s);
    if (kind === "text") return "header";
    if (kind === "number" && !view.covered(i, k)) content = true;
  }
  if (!content) {
    // Cells between the label area and the last total (a 主要内容 column) count as content too.
    const last = e.ks[e.ks.length - 1];
    for (let k = to + 1; k <= last && !content; k++)
      if (!view.covered(i, k) && view.ref(i, k).text !== "") content = true;
  }
  return content ? "part" : "blank";
}

/** The lines (i) of the block on one side of the total, nearest first. */
function run(view: View, e: Entry, dir: -1 | 1): number[] {
  const lines: number[] = [];
  for (let i = dir < 0 ? e.i0 - 1 : e.iEnd + 1; i >= view.minI && i <= view.maxI; i += dir) {
    if (lines.length >= MAX_RUN) return [];
    if (lineKind(view, e, i) !== "part") break;
    lines.push(i);
  }
  return lines;
}

/** Two blocks one after the other: a side that another total needs as its only side is not this total's. */
function resolveClaims(entries: Entry[]): void {
  const sole = entries.filter((e) => !e.before !== !e.after);
  for (const e of entries) {
    if (!e.before || !e.after) continue;
    for (const side of ["before", "after"] as const) {
      const cand = e[side];
      if (!cand) continue;
      const taken = sole.some(
        (o) =>
          o !== e &&
          o.view === e.view &&
          o.ks.some((k) => e.ks.includes(k)) &&
          (o.before ?? o.after)!.lines.some((i) => cand.lines.includes(i))
      );
      if (taken && e.before && e.after) delete e[side];
    }
  }
}

/** True when every total of the entry equals the exact sum of the run's cells (blanks as 0). */
function holds(view: View, e: Entry, cand: Candidate): boolean {
  for (const k of e.ks) {
    const cell = view.ref(e.i0, k);
    // A percentage: shares are checked with their own tolerance.
    if (isPercentCell(cell)) continue;
    const parts = cand.lines.filter((i) => !view.covered(i, k)).map((i) => view.ref(i, k));
    const fast = addsUpFast(cell, parts);
    if (fast !== undefined) {
      if (!fast) return false;
      continue;
    }
    const total = parseAmount(cell);
    if (!isNumeric(total)) continue;
    let sum = total.value.minus(total.value);
    for (const c of parts) {
      const p = parseAmount(c);
      if (isNumeric(p)) sum = sum.plus(p.value);
      else if (p.kind !== "empty") return false;
    }
    if (!sum.eq(total.value)) return false;
  }
  return true;
}

function chooseSide(e: Entry): Candidate | undefined {
  if (e.before && !e.after) return e.before;
  if (e.after && !e.before) return e.after;
  if (!e.before || !e.after || e.blank) return undefined;
  const b = holds(e.view, e, e.before);
  const a = holds(e.view, e, e.after);
  if (b) return e.before;
  if (a) return e.after;
  return undefined;
}

function makeLines(e: Entry, cand: Candidate): SumLine[] {
  const view = e.view;
  const lines = [...cand.lines].sort((x, y) => x - y);
  const names = lines.map((i) => lineName(view, e, i));
  const group = e.prefix || groupOf(view, e);
  const out: SumLine[] = [];
  for (const k of e.ks) {
    const parts: CellRef[] = [];
    const partNames: string[] = [];
    const sub = subRows(view, lines, names, k);
    lines.forEach((i, n) => {
      if (view.covered(i, k) || sub.has(n)) return;
      parts.push(view.ref(i, k));
      partNames.push(names[n]);
    });
    if (parts.every((p) => p.text === "")) continue; // nothing filled in: nothing to add up
    const total = view.ref(e.i0, k);
    const header = headerOf(view, Math.min(lines[0], e.i0), k);
    const share = SHARE_RE.test(header) || isPercentCell(total) || parts.some(isPercentCell);
    out.push({ label: e.label, axis: view.axis, total, parts, names: partNames, header, share, group });
  }
  return out;
}

/**
 * "其中" rows: the breakdown of the row above them (财政拨款 100; 其中:中央 60, 省级 40), not parts of the total.
 * A 其中 row starts a group that runs on while its rows add up towards the row above it, and ends at the row where
 * they reach it; when they never do, only the 其中 row itself is set aside. Indexes into `lines`.
 */
function subRows(view: View, lines: number[], names: string[], k: number): Set<number> {
  const out = new Set<number>();
  for (let n = 0; n < lines.length; n++) {
    if (!/^其中/.test(names[n].replace(/\s+/g, "")) || out.has(n)) continue;
    let p = n - 1;
    while (p >= 0 && out.has(p)) p--;
    out.add(n);
    if (p < 0) continue;
    const parent = view.ref(lines[p], k);
    const cells: CellRef[] = [];
    for (let m = n; m < lines.length; m++) {
      cells.push(view.ref(lines[m], k));
      if (addsUpFast(parent, cells) === true) {
        for (let j = n; j <= m; j++) out.add(j);
        break;
      }
    }
  }
  return out;
}

/** The name of a part line: its text in the label's own position, else the nearest text before the totals. */
function lineName(view: View, e: Entry, i: number): string {
  const own = view.shown(i, e.k0);
  if (kindOf(own) === "text") return own.text;
  const [from, to] = labelArea(view, e);
  for (let k = to; k >= from; k--) {
    const c = view.shown(i, k);
    if (kindOf(c) === "text") return c.text;
  }
  return "";
}

/** The header of position k: the nearest text before the block (the column's header, or a row's label). */
function headerOf(view: View, first: number, k: number): string {
  for (let i = first - 1; i >= Math.max(view.minI, first - 15); i--) {
    const c = view.shown(i, k);
    if (kindOf(c) === "text") return c.text;
  }
  return "";
}

/** The group label beside the 合计 label (收入构成 merged down beside the block), one or two cells away. */
function groupOf(view: View, e: Entry): string {
  for (let k = e.k0 - 1; k >= Math.max(view.minK, e.k0 - 2); k--) {
    const c = view.shown(e.i0, k);
    if (kindOf(c) === "text") return c.text;
  }
  return "";
}

/**
 * Implementation and payment plans: 项目实施进度计划, 资金支付计划, 分季度用款计划 … with one amount or percentage per
 * stage. Two layouts are read, beside the block's label (merged down its rows) or just below it:
 * - stage headers in one row (第一季度 … 第四季度, 1月 … 12月, 第一期 …), a row of numbers under them (the row's
 *   own label, such as 支付金额(万元) or 支付比例(%), says what they are);
 * - a header row with a money or percentage column (计划支付金额, 投入资金, 比例), one stage per row below it.
 * Whether the numbers are amounts or percentages must be plain (a % format or text, a header or label saying 金额,
 * 万元, 比例 or %); otherwise the block is left alone. A block with a 合计 row is block-sum's, and left alone here.
 */
const PLAN_RE =
  /(实施|执行|建设|支付|用款|拨付|使用|支出)(进度|计划)|进度(计划|安排)|分(期|季度|月)(支付|用款|拨付|实施|安排)/;
const PERIOD_RE =
  /^(第?[一二三四1-4]季度|(1[0-2]|[1-9])月份?|第[一二三四五六七八九十\d]+(期|阶段|批次?|次)|[上下]半年)(\(.*\))?$/;
const MONEY_HEAD_RE = /金额|资金|支付|投入|拨付|预算|用款|万元|\(元\)/;
const SHARE_HEAD_RE = /比例|占比|百分比|%/;
const NOT_AMOUNT_HEAD_RE = /时间|日期|内容|名称|阶段|事项|任务|措施|进度安排$/;
const YEAR_RE = /^((?:19|20)\d\d)年?(度)?$/;
/** How far below a one-row label a plan may reach. */
const PLAN_ROWS = 6;

function unitOf(texts: string[]): AmountUnit | undefined {
  for (const t of texts) {
    if (/\(万元\)|万元/.test(t)) return "万元";
    if (/\(元\)|单位:元/.test(t)) return "元";
  }
  return undefined;
}

/** amount / share / undefined (unclear) from the cells and the words around them. */
function planKind(parts: CellRef[], specific: string[], general: string): InstalmentPlan["kind"] | undefined {
  const numbers = parts.filter((c) => c.text !== "");
  if (numbers.length > 0 && numbers.every(isPercentCell)) return "share";
  if (numbers.some(isPercentCell)) return undefined;
  // The column header or the row's label says it; else the block's label.
  for (const words of [specific, [general]]) {
    const share = words.some((w) => SHARE_HEAD_RE.test(w));
    // 支付比例(%): a share; 支付金额 / 投入资金(万元): money.
    const money = words.some((w) => (share ? /金额|万元|\(元\)/ : MONEY_HEAD_RE).test(w));
    if (share && !money) return "share";
    if (money && !share) return "amount";
    if (money && share) return undefined;
  }
  return undefined;
}

function yearsIn(sheet: Sheet, top: number, bottom: number, left: number, right: number): number[] {
  const years = new Set<number>();
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++) {
      const v = sheet.value(r, c);
      const t = typeof v === "number" ? String(v) : sheet.norm(r, c);
      const m = YEAR_RE.exec(t) ?? /((?:19|20)\d\d)年/.exec(t);
      if (m) years.add(Number(m[1]));
    }
  return [...years].sort();
}

export function readPlans(sheet: Sheet, region: Region, indicators?: IndicatorBlock): InstalmentPlan[] {
  const out: InstalmentPlan[] = [];
  const inIndicators = (row: number) =>
    indicators !== undefined &&
    row >= indicators.header.row &&
    row <= Math.max(indicators.header.row, ...indicators.rows.map((r) => r.row));
  for (const l of region.labels) {
    if (l.norm.length > 24 || !PLAN_RE.test(l.norm) || /率$|完成|按计划|按时/.test(l.norm)) continue;
    if (inIndicators(l.row) || sheet.covered(l.row, l.col)) continue;
    const ext = sheet.extent(l.row, l.col);
    // Beside a label merged down its rows, or below a one-row label.
    const area =
      ext.bottom > l.row
        ? { top: l.row, bottom: ext.bottom, left: ext.right + 1, right: sheet.right }
        : { top: l.row + 1, bottom: Math.min(l.row + PLAN_ROWS, region.bottom), left: sheet.left, right: sheet.right };
    if (area.left > area.right || area.top > area.bottom) continue;
    const label = sheet.ref(l.row, l.col);
    const plan = horizontalPlan(sheet, area) ?? verticalPlan(sheet, area);
    if (!plan) continue;
    const kind = planKind(plan.parts, plan.words, l.norm);
    if (!kind) continue;
    let cumulative = false;
    for (let r = area.top; r <= plan.bottom && !cumulative; r++)
      for (let c = area.left; c <= area.right && !cumulative; c++) cumulative = sheet.norm(r, c).includes("累计");
    const unit = unitOf([l.norm, ...plan.words]);
    out.push({
      label,
      kind,
      ...(unit ? { unit } : {}),
      parts: plan.parts,
      names: plan.names,
      cumulative: cumulative || l.norm.includes("累计"),
      years: yearsIn(sheet, area.top, plan.bottom, area.left, area.right),
    });
  }
  return out;
}

interface Area {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
interface FoundPlan {
  parts: CellRef[];
  names: string[];
  /** Header and row-label texts that say what the numbers are. */
  words: string[];
  bottom: number;
}

/** Master cells of a row in the area, left to right. */
function rowCells(sheet: Sheet, row: number, area: Area): { col: number; norm: string }[] {
  const out: { col: number; norm: string }[] = [];
  for (let c = area.left; c <= area.right; c++) {
    if (sheet.covered(row, c)) continue;
    out.push({ col: c, norm: sheet.norm(row, c) });
  }
  return out;
}

/** Stage headers in a row, a row of numbers under them. */
function horizontalPlan(sheet: Sheet, area: Area): FoundPlan | undefined {
  for (let h = area.top; h < area.bottom; h++) {
    const periods = rowCells(sheet, h, area).filter((c) => PERIOD_RE.test(c.norm));
    if (periods.length < 2) continue;
    for (let v = h + 1; v <= area.bottom; v++) {
      const parts = periods.map((p) => sheet.ref(v, p.col));
      const kinds = parts.map(kindOf);
      if (kinds.some((k) => k === "text")) continue;
      if (kinds.filter((k) => k === "number").length < 2) continue;
      // The row's own label: the text cells left of the first stage.
      const words = [sheet.norm(h, area.left)];
      for (let c = area.left; c < periods[0].col; c++) if (sheet.norm(v, c)) words.push(sheet.norm(v, c));
      if (words.some((w) => totalLabel(w) !== undefined)) return undefined;
      return { parts, names: periods.map((p) => p.norm), words: words.filter((w) => w !== ""), bottom: v };
    }
  }
  return undefined;
}

/** A header row with a money or percentage column, one stage per row below it. */
function verticalPlan(sheet: Sheet, area: Area): FoundPlan | undefined {
  const head = area.top;
  const cells = rowCells(sheet, head, area);
  const col = cells.find(
    (c) => (MONEY_HEAD_RE.test(c.norm) || SHARE_HEAD_RE.test(c.norm)) && !NOT_AMOUNT_HEAD_RE.test(c.norm)
  );
  if (!col) return undefined;
  const nameCol = cells.find((c) => c.norm !== "" && c.col !== col.col)?.col ?? area.left;
  const parts: CellRef[] = [];
  const names: string[] = [];
  let bottom = head;
  for (let r = head + 1; r <= area.bottom; r++) {
    if (!sheet.rowHasContent(r, area.left, area.right)) break;
    const name = sheet.norm(r, nameCol);
    if (totalLabel(name) !== undefined) return undefined; // a 合计 row: block-sum's
    const cell = sheet.ref(r, col.col);
    const k = kindOf(cell);
    if (k === "text") return undefined;
    parts.push(cell);
    names.push(name);
    bottom = r;
  }
  if (parts.filter((c) => kindOf(c) === "number").length < 2) return undefined;
  return { parts, names, words: [col.norm], bottom };
}
