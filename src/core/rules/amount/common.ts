/**
 * What the amount rules share: the totals of a table (each task's 总额, the 合计 row, a project's 年度资金总额)
 * with the cells they must add up, the check of a total's formula references, and the fix policy.
 */
import { cellAddress, type CellPosition } from "../../address";
import {
  amountCells,
  amountNumber,
  isNumeric,
  sumAmounts,
  type AmountCell,
  type AmountColumn,
  type AmountParse,
  type Decimal,
} from "../../amount";
import type { FixEdit, Message } from "../../finding";
import type { CellRef, GoalTable } from "../../model";
import { contiguous, parseSimpleFormula, plusFormula, sumFormula, type SimpleFormula } from "./formula";

export const COLUMN_NAME: Record<AmountColumn, string> = {
  total: "总额",
  fiscal: "财政拨款",
  other: "其他资金",
  carryover: "上年结转资金",
};

export const COLUMN_EN: Record<AmountColumn, string> = {
  total: "total",
  fiscal: "fiscal appropriation",
  other: "other funds",
  carryover: "carry-over",
};

export type TotalKind = "task-total" | "grand-total" | "project-total";

/** A total cell and the cells it must add up. */
export interface TotalTarget {
  kind: TotalKind;
  cell: CellRef;
  /** For a grand total: its column. */
  column: AmountColumn;
  inputs: CellRef[];
  /** The 合计 row's or the task's row (department tables). */
  row?: number;
  /** Why a referenced cell that is not an input does not belong; undefined when the reference is harmless. */
  extraReason(p: CellPosition): Message | undefined;
}

/** The totals of a table, top to bottom: task 总额 cells, the 合计 cells, a project's 年度资金总额. */
export function totalTargets(table: GoalTable): TotalTarget[] {
  const out: TotalTarget[] = [];
  const tasks = table.tasks;
  if (table.kind === "department" && tasks) {
    for (const r of tasks.rows) {
      if (!r.total || !r.fiscal || !r.other) continue;
      const self = r.total;
      out.push({
        kind: "task-total",
        cell: self,
        column: "total",
        inputs: [r.fiscal, r.other],
        row: r.row,
        extraReason: (p) =>
          p.row === self.row && p.col === self.col
            ? { zh: "总额本身，循环引用", en: "the total itself: a circular reference" }
            : p.row !== self.row
              ? { zh: "不在本行", en: "not on this row" }
              : { zh: "不是本行的财政拨款或其他资金", en: "not this row's fiscal or other funds" },
      });
    }
    const total = tasks.totalRow;
    // Without tasks there is nothing a 合计 should add up (structure/missing-tasks reports that).
    if (total && tasks.rows.length > 0) {
      const taskRows = new Set(tasks.rows.map((r) => r.row));
      const first = Math.min(...tasks.rows.map((r) => r.row));
      const last = Math.max(...tasks.rows.map((r) => r.row));
      for (const c of ["total", "fiscal", "other"] as const) {
        const cell = total[c];
        if (!cell) continue;
        const inputs = tasks.rows.map((r) => r[c]).filter((x): x is CellRef => x !== undefined);
        out.push({
          kind: "grand-total",
          cell,
          column: c,
          inputs,
          row: total.row,
          extraReason: (p) => {
            if (p.row === total.row)
              return p.col === cell.col
                ? { zh: "合计行本身，循环引用", en: "the 合计 row itself: a circular reference" }
                : { zh: "合计行", en: "the 合计 row" };
            if (p.col !== cell.col) return { zh: "不在本列", en: "not in this column" };
            // A blank row between tasks: the reader skipped it as empty; summing it does no harm.
            if (p.row > first && p.row < last && !taskRows.has(p.row)) return undefined;
            if (p.row < Math.min(first, total.row) && p.row >= tasks.header.row)
              return { zh: "表头", en: "the header" };
            return { zh: "不是任务行", en: "not a task row" };
          },
        });
      }
    }
  }
  const f = table.funding;
  if (table.kind === "project" && f?.total?.value && f.fiscal?.value && f.other?.value) {
    const inputs = [f.fiscal.value, f.other.value, ...(f.carryover?.value ? [f.carryover.value] : [])];
    const self = f.total.value;
    out.push({
      kind: "project-total",
      cell: self,
      column: "total",
      inputs,
      extraReason: (p) =>
        p.row === self.row && p.col === self.col
          ? { zh: "年度资金总额本身，循环引用", en: "the annual total itself: a circular reference" }
          : { zh: "不是资金来源", en: "not a source of funds" },
    });
  }
  return out;
}

export interface RefProblem {
  formula: SimpleFormula;
  /** Inputs the formula leaves out. */
  missing: CellRef[];
  /** Referenced cells that do not belong (a duplicate counts as extra), with the reason. */
  extra: { address: string; why: Message }[];
  /** The corrected formula, in the style of the original. */
  fixed: string;
}

/** The formula's references against the target's inputs: undefined when it is not a simple formula or is right. */
export function refProblem(target: TotalTarget): RefProblem | undefined {
  const formula = parseSimpleFormula(target.cell.formula);
  if (!formula) return undefined;
  const key = (p: CellPosition) => `${p.row},${p.col}`;
  const want = new Map(target.inputs.map((c) => [key(c), c]));
  const seen = new Set<string>();
  const extra: RefProblem["extra"] = [];
  for (const p of formula.cells) {
    const k = key(p);
    if (want.has(k)) {
      if (seen.has(k))
        extra.push({ address: cellAddress(p.row, p.col), why: { zh: "重复引用", en: "referenced twice" } });
      seen.add(k);
      continue;
    }
    const why = target.extraReason(p);
    if (why) extra.push({ address: cellAddress(p.row, p.col), why });
  }
  const missing = target.inputs.filter((c) => !seen.has(key(c)));
  if (missing.length === 0 && extra.length === 0) return undefined;
  const useSum = formula.style === "sum" || (formula.style === "mixed" && target.kind === "grand-total");
  return { formula, missing, extra, fixed: useSum ? sumFormula(target.inputs) : plusFormula(target.inputs) };
}

/** True when any amount cell of the table is a formula. */
export function usesFormulas(table: GoalTable): boolean {
  return amountCells(table).some((a) => a.cell.formula !== null);
}

/** The other totals of the same kind (non-empty), to see whether the table writes them as formulas. */
export function sameKind(table: GoalTable, target: TotalTarget): CellRef[] {
  return totalTargets(table)
    .filter((t) => t.kind === target.kind && t.cell !== target.cell && t.cell.text !== "")
    .map((t) => t.cell);
}

/**
 * The fix of a total that does not add up. Only when every input is a real number (not text, not empty). A formula
 * when the cell already is one, or when the table writes such totals as formulas: task 总额 when the other task
 * totals are formulas, 合计 when the tasks are contiguous and the table uses formulas; else the exact value.
 */
export function totalFix(
  table: GoalTable,
  target: TotalTarget,
  expected: Decimal,
  parts: AmountParse[]
): FixEdit[] | undefined {
  if (!parts.every((p) => p.kind === "number")) return undefined;
  const fix = (edit: { value?: number; formula?: string }): FixEdit[] => [
    { sheet: table.sheet, cell: target.cell.address, ...edit },
  ];
  const isFormula = target.cell.formula !== null;
  switch (target.kind) {
    case "task-total": {
      const others = sameKind(table, target);
      if (isFormula || (others.length > 0 && others.every((c) => c.formula !== null)))
        return fix({ formula: plusFormula(target.inputs) });
      break;
    }
    case "grand-total":
      if (isFormula || (contiguous(target.inputs) && usesFormulas(table)))
        return fix({ formula: sumFormula(target.inputs) });
      break;
    case "project-total":
      if (isFormula) return fix({ formula: plusFormula(target.inputs) });
      break;
  }
  return fix({ value: amountNumber(expected) });
}

/**
 * The sum a total should show, from its inputs: undefined when an input is not a number (text, error, boolean) —
 * not-a-number reports those. Empty inputs count as 0 only when `emptyAsZero`.
 */
export function expectedSum(parts: AmountParse[], emptyAsZero: boolean): Decimal | undefined {
  const values: Decimal[] = [];
  for (const p of parts) {
    if (isNumeric(p)) values.push(p.value);
    else if (p.kind === "empty" && emptyAsZero) continue;
    else return undefined;
  }
  return sumAmounts(values);
}

/** A short name for a task row, for messages: the first 12 characters of its name. */
export function taskLabel(name: CellRef | undefined): string {
  const t = (name?.text ?? "").replace(/\s+/g, "");
  if (t === "") return "";
  const chars = [...t];
  return chars.length > 12 ? chars.slice(0, 12).join("") + "…" : t;
}

/** "合计总额", "财政拨款", "年度资金总额" and their English: how the negative and precision rules name a cell. */
export function amountName(a: AmountCell): Message {
  if (a.role === "funding" && a.column === "total") return { zh: "年度资金总额", en: "annual total" };
  const totalRow = a.role === "total-row";
  return {
    zh: (totalRow ? "合计" : "") + COLUMN_NAME[a.column],
    en: (totalRow ? "合计 " : "") + COLUMN_EN[a.column],
  };
}
