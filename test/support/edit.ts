/** Small edits on a built snapshot, to make faulty variants of a good table. */
import { parseCell } from "../../src/core/address";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";

function clone(s: SheetSnapshot): SheetSnapshot {
  return {
    ...s,
    values: s.values.map((r) => [...r]),
    formulas: s.formulas.map((r) => [...r]),
    numberFormats: s.numberFormats.map((r) => [...r]),
    merges: [...s.merges],
  };
}

/** A copy of the sheet with cells set to new values (and their formulas dropped). */
export function withCells(s: SheetSnapshot, cells: Record<string, CellValue>): SheetSnapshot {
  const out = clone(s);
  const o = parseCell(out.origin);
  for (const [address, value] of Object.entries(cells)) {
    const p = parseCell(address);
    const r = p.row - o.row;
    const c = p.col - o.col;
    if (r < 0 || c < 0 || r >= out.values.length) throw new Error(`${address} is outside the snapshot`);
    out.values[r][c] = value;
    out.formulas[r][c] = null;
  }
  return out;
}

/** A copy of the sheet without the given sheet rows (1-based, as Excel numbers them); merges are dropped. */
export function withoutRows(s: SheetSnapshot, rows: number[]): SheetSnapshot {
  const o = parseCell(s.origin);
  const drop = new Set(rows.map((r) => r - 1 - o.row));
  const keep = (_: unknown, i: number) => !drop.has(i);
  return {
    ...clone(s),
    values: s.values.filter(keep),
    formulas: s.formulas.filter(keep),
    numberFormats: s.numberFormats.filter(keep),
    merges: [],
  };
}

/** The table sheet of a built workbook (the last sheet). */
export function tableSheet(wb: { sheets: SheetSnapshot[] }): SheetSnapshot {
  return wb.sheets[wb.sheets.length - 1];
}

/** A copy of the sheet with cells set to formulas, each with its cached value (as Excel would have computed it). */
export function withFormulas(
  s: SheetSnapshot,
  cells: Record<string, [formula: string, value: CellValue]>
): SheetSnapshot {
  const out = withCells(s, Object.fromEntries(Object.entries(cells).map(([a, [, v]]) => [a, v])));
  const o = parseCell(out.origin);
  for (const [address, [formula]] of Object.entries(cells)) {
    const p = parseCell(address);
    out.formulas[p.row - o.row][p.col - o.col] = formula;
  }
  return out;
}
