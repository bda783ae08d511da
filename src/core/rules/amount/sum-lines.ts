/**
 * What the rules over the reader's sum lines (table.sumLines: every 合计 / 小计 / 总计 with the cells it adds up)
 * share: which lines are the 年度主要任务 block's own (its rules report those), the exact sum of a line, and how a
 * line's amounts are shown.
 *
 * Blank parts. A blank cell in a block whose total is filled in counts as 0: forms leave an unused source blank
 * (其他资金 under 财政拨款 in a 收入构成 block), and Excel's SUM reads it as 0. A line whose parts are all blank is
 * not a line (the reader drops it): nothing was filled in, so there is nothing to add up.
 */
import { addsUpFast, isNumeric, parseAmount, sumAmounts, type AmountParse, type Decimal } from "../../amount";
import type { CellRef, GoalTable, SumLine } from "../../model";
import { runs } from "./formula";
import { totalTargets } from "./common";

export interface LineSum {
  line: SumLine;
  total: AmountParse;
  parts: AmountParse[];
  /** The exact sum of the parts (blanks as 0); undefined when a part is not an amount (text, error). */
  expected?: Decimal;
  /** True when the total is a number that differs from expected. */
  fails: boolean;
}

/** A LineSum that parses its cells only when asked (most lines add up, and a long block has many). */
class LazyLineSum implements LineSum {
  private parsed?: { total: AmountParse; parts: AmountParse[]; expected?: Decimal };
  readonly fails: boolean;
  constructor(readonly line: SumLine) {
    const fast = addsUpFast(line.total, line.parts);
    this.fails = fast !== undefined ? !fast : this.slowFails();
  }
  private get p() {
    if (!this.parsed) {
      const parts = this.line.parts.map(parseAmount);
      this.parsed = { total: parseAmount(this.line.total), parts, expected: sumOf(parts) };
    }
    return this.parsed;
  }
  private slowFails(): boolean {
    const { total, expected } = this.p;
    return isNumeric(total) && expected !== undefined && !total.value.eq(expected);
  }
  get total() {
    return this.p.total;
  }
  get parts() {
    return this.p.parts;
  }
  get expected() {
    return this.p.expected;
  }
}

const CACHE = new WeakMap<GoalTable, LineSum[]>();

/** The table's sum lines that no other rule covers (the 年度主要任务 block's totals and a project's 年度资金总额). */
export function lineSums(table: GoalTable): LineSum[] {
  const cached = CACHE.get(table);
  if (cached) return cached;
  const lines = [...(table.sumLines ?? [])];
  const seen = new Set(lines.map((l) => `${l.total.address}|${l.parts.map((c) => c.address).join(",")}`));
  const byTotal = new Set(lines.map((l) => l.total.address));
  for (const l of blockLines(table)) {
    // The same total met by the generic search: keep one (the generic line names its parts as the sheet does).
    if (byTotal.has(l.total.address) || seen.has(`${l.total.address}|${l.parts.map((c) => c.address).join(",")}`))
      continue;
    lines.push(l);
  }
  let out: LineSum[] = [];
  if (lines.length > 0) {
    const owned = new Set(totalTargets(table).map((t) => t.cell.address));
    for (const c of ownedCells(table)) owned.add(c);
    out = lines.filter((l) => !owned.has(l.total.address)).map((line) => new LazyLineSum(line));
  }
  CACHE.set(table, out);
  return out;
}

const flat = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/\((万元|元)\)$/, "");

/**
 * Sums the reader's money blocks imply where no 合计 label says so: 年度预算申请/安排 资金总额 = 基本支出 + 项目支出
 * (and = 财政拨款 + 其他资金 when the block splits by source), 收入构成 / 支出构成 合计 = their lines (with 占比),
 * and 年度履职目标 合计 = its rows.
 */
function blockLines(table: GoalTable): SumLine[] {
  const out: SumLine[] = [];
  const line = (
    label: CellRef,
    total: CellRef | undefined,
    parts: { cell?: CellRef; name: string }[],
    group: string,
    share = false
  ) => {
    const filled = parts.filter((p): p is { cell: CellRef; name: string } => !!p.cell);
    if (!total || total.text === "" || filled.length < 2 || filled.every((p) => p.cell.text === "")) return;
    out.push({
      label,
      axis: "column",
      total,
      parts: filled.map((p) => p.cell),
      names: filled.map((p) => p.name),
      header: share ? "占比" : "",
      share,
      group,
    });
  };
  const b = table.budget;
  if (b) {
    const total = b.lines.find((l) => l.kind === "total");
    if (total) {
      const of = (kinds: string[]) =>
        b.lines.filter((l) => kinds.includes(l.kind)).map((l) => ({ cell: l.amount, name: flat(l.label.text) }));
      const group = flat(b.label.text);
      line(total.label, total.amount, of(["basic", "project"]), group);
      line(total.label, total.amount, of(["fiscal", "other"]), group);
    }
  }
  const c = table.composition;
  if (c) {
    for (const [lines, group] of [
      [c.income, "收入构成"],
      [c.expense, "支出构成"],
    ] as const) {
      const total = lines.find((l) => l.kind === "total");
      if (!total) continue;
      const parts = lines.filter((l) => l.kind !== "total");
      line(
        total.label,
        total.amount,
        parts.map((l) => ({ cell: l.amount, name: flat(l.label.text) })),
        group
      );
      line(
        total.label,
        total.share,
        parts.map((l) => ({ cell: l.share, name: flat(l.label.text) })),
        group,
        true
      );
    }
  }
  const d = table.duties;
  if (d?.totalRow) {
    const name = (r: (typeof d.rows)[number]) => flat(r.item?.text || r.task?.text || r.duty?.text || "");
    line(
      d.totalRow.label,
      d.totalRow.amount,
      d.rows.map((r) => ({ cell: r.amount, name: name(r) })),
      flat(d.label.text)
    );
  }
  return out;
}

/** Amount cells of the tasks block (task 总额, 合计 row) and of a project's 资金情况. */
function ownedCells(table: GoalTable): string[] {
  const out: string[] = [];
  const t = table.tasks;
  if (t) {
    for (const r of [...t.rows, ...(t.totalRow ? [t.totalRow] : [])])
      for (const c of [r.total, r.fiscal, r.other]) if (c) out.push(c.address);
  }
  const f = table.funding;
  if (f)
    for (const k of ["total", "fiscal", "other", "carryover"] as const) if (f[k]?.value) out.push(f[k]!.value!.address);
  return out;
}

function sumOf(parts: AmountParse[]): Decimal | undefined {
  const values: Decimal[] = [];
  for (const p of parts) {
    if (isNumeric(p)) values.push(p.value);
    else if (p.kind !== "empty") return undefined;
  }
  return sumAmounts(values);
}

/**
 * The places to show a line's amounts with: 2 when any of them has decimals (an amount with more keeps its own:
 * 968.1918 stays 968.1918, 11 beside 49.8 shows as 11.00), 0 when all are whole (whole 元 stay whole).
 */
export function lineDecimals(s: LineSum): number {
  return [s.total, ...s.parts].some((p) => isNumeric(p) && p.decimals > 0) ? 2 : 0;
}

/** How a line calls its total: the label's own words (合计, 小计, 收入合计), with the group or the row it is on. */
export function lineTitle(line: SumLine): { zh: string; en: string } {
  const word = line.label.text.replace(/\s+/g, "");
  const ctx = line.axis === "column" ? line.group : line.header;
  // A year or a named column ("2022年") says which total; an amount header (当年金额, 预算数) says nothing.
  const where =
    line.axis === "column" && line.header && !/金额|预算|资金|^\(?万?元\)?$/.test(line.header) ? line.header : "";
  const zh = (ctx && !word.startsWith(ctx) ? `“${ctx}”` : "") + word + (where ? `“${where}”` : "");
  const en = (ctx && !word.startsWith(ctx) ? `${ctx} ` : "") + word + (where ? ` (${where})` : "");
  return { zh, en };
}

/** The parts as a reviewer reads them: "基本支出 C7 + 项目支出 C8 = 724.2318 + 243.96", or "C7:C17 之和" when long. */
export function partsText(s: LineSum, fmt: (d: Decimal) => string): { zh: string; en: string } {
  const cells = s.line.parts;
  if (cells.length > 4) {
    const range = runs(cells).join("、");
    return { zh: `${range} 之和`, en: `the sum of ${runs(cells).join(", ")}` };
  }
  const named = cells.map((c, i) => `${s.line.names[i] ? s.line.names[i].replace(/\s+/g, "") + " " : ""}${c.address}`);
  const values = s.parts.map((p) => (isNumeric(p) ? (p.value.isNegative() ? `(${fmt(p.value)})` : fmt(p.value)) : "0"));
  const text = `${named.join(" + ")} = ${values.join(" + ")}`;
  return { zh: text, en: text };
}

/**
 * A part equal to the total while the parts add up to more (a total typed again as a part, as 171.41 under
 * 基本支出 beside 49.8 and 11 with 合计 171.41): the index of that part, or undefined.
 */
export function repeatedPart(s: LineSum): number | undefined {
  if (!s.fails || !isNumeric(s.total) || !s.expected || s.parts.length < 2) return undefined;
  const own = s.total.value;
  if (own.isZero() || !s.expected.gt(own)) return undefined;
  const hits = s.parts.map((p, i) => (isNumeric(p) && p.value.eq(own) ? i : -1)).filter((i) => i >= 0);
  return hits.length === 1 ? hits[0] : undefined;
}

/** The cells of a line, for `related`. */
export function lineCells(line: SumLine): string[] {
  return line.parts.map((c: CellRef) => c.address);
}
