/**
 * A template as the sheet snapshot Excel would give once it has calculated: values with each formula's result, so
 * the reader and the rules can check a template without Excel. The template's formulas are sums of cells
 * (`=E7+F7`, `=SUM(E7:E9)`); empty cells count 0.
 */
import { parseCell, parseRange, rangeAddress } from "../address";
import type { CellValue, SheetSnapshot } from "../snapshot";
import type { TemplateSheet } from "./types";

export function templateToSnapshot(t: TemplateSheet, sheetName = t.name): SheetSnapshot {
  const area = parseRange(t.range);
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
  const numberFormats: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill("General"));
  const byAddress = new Map(t.cells.map((c) => [c.address, c]));
  for (const c of t.cells) {
    const p = parseCell(c.address);
    const r = p.row - area.top;
    const k = p.col - area.left;
    if (r < 0 || r >= rows || k < 0 || k >= cols) continue;
    numberFormats[r][k] = t.styles[c.style]?.numberFormat ?? "General";
    if (c.formula) formulas[r][k] = c.formula;
    else if (c.value !== undefined) values[r][k] = c.value;
  }
  const evaluating = new Set<string>();
  const valueOf = (address: string): number => {
    const cell = byAddress.get(address);
    if (!cell) return 0;
    if (cell.formula) {
      if (evaluating.has(address)) throw new Error(`circular reference at ${address}`);
      evaluating.add(address);
      try {
        return evaluate(cell.formula, valueOf);
      } finally {
        evaluating.delete(address);
      }
    }
    return typeof cell.value === "number" ? cell.value : 0;
  };
  for (const c of t.cells) {
    if (!c.formula) continue;
    const p = parseCell(c.address);
    values[p.row - area.top][p.col - area.left] = valueOf(c.address);
  }
  return {
    name: sheetName,
    origin: rangeAddress({ top: area.top, left: area.left, bottom: area.top, right: area.left }),
    values,
    formulas,
    numberFormats,
    merges: [...t.merges],
    protected: false,
    visible: true,
  };
}

/**
 * Evaluates a sum formula: terms joined by "+", each a cell, a number or SUM(range). Anything else throws: the
 * template writes no other formula. The result is rounded to cents, as amounts are.
 */
export function evaluate(formula: string, valueOf: (address: string) => number): number {
  const body = formula.replace(/^=/, "").replace(/\s+/g, "");
  let sum = 0;
  for (const term of body.split("+")) {
    const fn = /^SUM\(([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)\)$/i.exec(term);
    if (fn) {
      const r = parseRange(fn[1]);
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++)
          sum += valueOf(rangeAddress({ top: row, left: col, bottom: row, right: col }));
    } else if (/^[A-Z]+[0-9]+$/i.test(term)) {
      sum += valueOf(term.toUpperCase());
    } else if (/^[0-9]+(\.[0-9]+)?$/.test(term)) {
      sum += Number(term);
    } else {
      throw new Error(`unsupported formula: ${formula}`);
    }
  }
  return Math.round(sum * 100) / 100;
}
