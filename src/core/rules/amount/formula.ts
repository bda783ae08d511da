/**
 * The simple formulas totals are written with: =SUM(D7:D17), =SUM(D7:D9,D11), =E7+F7, =+D8+D9, with or without $
 * signs. Anything else (other functions, constants, other sheets, whole columns) is "not understood" and the rules
 * leave it alone.
 */
import { cellAddress, parseCell, type CellPosition } from "../../address";

export interface SimpleFormula {
  /** "sum": one SUM(...); "plus": cells joined by +; "mixed": SUM terms and cells joined by +. */
  style: "sum" | "plus" | "mixed";
  /** Every referenced cell, ranges expanded, in order; a cell referenced twice appears twice. */
  cells: CellPosition[];
}

const CELL = "\\$?[A-Za-z]{1,3}\\$?\\d+";
const REF_RE = new RegExp(`^(${CELL})(?::(${CELL}))?$`);
const CELL_RE = new RegExp(`^${CELL}$`);
/** Ranges larger than this are not "a column of task rows". */
const MAX_CELLS = 5000;

/** Splits on a separator outside parentheses. */
function splitTop(s: string, sep: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "(") depth++;
    else if (ch === ")") {
      depth--;
      if (depth < 0) return undefined;
    } else if (ch === sep && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  out.push(s.slice(start));
  return out;
}

function expandRef(ref: string): CellPosition[] | undefined {
  const m = REF_RE.exec(ref);
  if (!m) return undefined;
  const a = parseCell(m[1]);
  if (!m[2]) return [a];
  const b = parseCell(m[2]);
  const top = Math.min(a.row, b.row);
  const bottom = Math.max(a.row, b.row);
  const left = Math.min(a.col, b.col);
  const right = Math.max(a.col, b.col);
  if ((bottom - top + 1) * (right - left + 1) > MAX_CELLS) return undefined;
  const cells: CellPosition[] = [];
  for (let row = top; row <= bottom; row++) for (let col = left; col <= right; col++) cells.push({ row, col });
  return cells;
}

/** Parses a simple total formula; undefined when it is anything else. */
export function parseSimpleFormula(formula: string | null | undefined): SimpleFormula | undefined {
  if (!formula) return undefined;
  let body = formula.trim();
  if (!body.startsWith("=")) return undefined;
  body = body.slice(1).replace(/\s+/g, "");
  if (body.startsWith("+")) body = body.slice(1);
  if (body === "") return undefined;
  const terms = splitTop(body, "+");
  if (!terms) return undefined;
  const cells: CellPosition[] = [];
  let sums = 0;
  let plain = 0;
  for (const term of terms) {
    const sum = /^SUM\((.*)\)$/i.exec(term);
    if (sum) {
      const args = splitTop(sum[1], ",");
      if (!args || args.length === 0) return undefined;
      for (const arg of args) {
        const expanded = expandRef(arg);
        if (!expanded) return undefined;
        cells.push(...expanded);
      }
      sums++;
    } else if (CELL_RE.test(term)) {
      cells.push(parseCell(term));
      plain++;
    } else {
      return undefined;
    }
  }
  const style = sums === 1 && plain === 0 ? "sum" : sums === 0 ? "plus" : "mixed";
  return { style, cells };
}

/** Groups cells into runs along one column (or one row): D7,D8,D9,D11 → ["D7:D9", "D11"]. */
export function runs(cells: CellPosition[]): string[] {
  if (cells.length === 0) return [];
  const sameCol = cells.every((c) => c.col === cells[0].col);
  const sameRow = cells.every((c) => c.row === cells[0].row);
  if (!sameCol && !sameRow) return cells.map((c) => cellAddress(c.row, c.col));
  const along = (c: CellPosition) => (sameCol ? c.row : c.col);
  const sorted = [...cells].sort((a, b) => along(a) - along(b));
  const out: string[] = [];
  let start = sorted[0];
  let prev = sorted[0];
  const flush = () => {
    const a = cellAddress(start.row, start.col);
    out.push(start === prev ? a : `${a}:${cellAddress(prev.row, prev.col)}`);
  };
  for (const c of sorted.slice(1)) {
    if (along(c) === along(prev) + 1) {
      prev = c;
      continue;
    }
    flush();
    start = c;
    prev = c;
  }
  flush();
  return out;
}

/** =SUM(D7:D17) (or =SUM(D7:D9,D11) when the cells are not contiguous). */
export function sumFormula(cells: CellPosition[]): string {
  return `=SUM(${runs(cells).join(",")})`;
}

/** =E7+F7. */
export function plusFormula(cells: CellPosition[]): string {
  return "=" + cells.map((c) => cellAddress(c.row, c.col)).join("+");
}

/** True when the cells are one unbroken run along a column or a row. */
export function contiguous(cells: CellPosition[]): boolean {
  return runs(cells).length === 1;
}
