/**
 * A sparse sheet under construction: cells and merges placed by (row, col), turned into a SheetSnapshot whose
 * used range is the bounding box of what was placed, as Excel would report it.
 */
import { cellAddress, parseRange, rangeAddress } from "../../src/core/address";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";

export interface PlacedCell {
  value: CellValue;
  formula?: string;
  format?: string;
}

export class SheetGrid {
  private cells = new Map<string, PlacedCell & { row: number; col: number }>();
  private mergeList: { top: number; left: number; bottom: number; right: number }[] = [];

  constructor(
    public name: string,
    private rowOffset = 0,
    private colOffset = 0
  ) {}

  /** Absolute address of a layout position (layout positions are relative to the origin). */
  address(row: number, col: number): string {
    return cellAddress(row + this.rowOffset, col + this.colOffset);
  }

  set(row: number, col: number, value: CellValue, opts: { formula?: string; format?: string } = {}): string {
    const r = row + this.rowOffset;
    const c = col + this.colOffset;
    this.cells.set(`${r},${c}`, { row: r, col: c, value, formula: opts.formula, format: opts.format });
    return cellAddress(r, c);
  }

  /** Merges a block (layout positions, inclusive). A 1×1 block is not a merge and is ignored. */
  merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return;
    this.mergeList.push({
      top: top + this.rowOffset,
      left: left + this.colOffset,
      bottom: bottom + this.rowOffset,
      right: right + this.colOffset,
    });
  }

  /** Writes a value and merges it over a block; returns the master cell's address. */
  setMerged(top: number, left: number, bottom: number, right: number, value: CellValue, opts = {}): string {
    this.merge(top, left, bottom, right);
    return this.set(top, left, value, opts);
  }

  toSnapshot(): SheetSnapshot {
    const all = [...this.cells.values()];
    const boxes = [...all.map((c) => ({ top: c.row, left: c.col, bottom: c.row, right: c.col })), ...this.mergeList];
    if (boxes.length === 0)
      return { name: this.name, origin: "A1", values: [], formulas: [], numberFormats: [], merges: [] };
    const top = Math.min(...boxes.map((b) => b.top));
    const left = Math.min(...boxes.map((b) => b.left));
    const bottom = Math.max(...boxes.map((b) => b.bottom));
    const right = Math.max(...boxes.map((b) => b.right));
    const h = bottom - top + 1;
    const w = right - left + 1;
    const values: CellValue[][] = Array.from({ length: h }, () => Array<CellValue>(w).fill(null));
    const formulas: (string | null)[][] = Array.from({ length: h }, () => Array<string | null>(w).fill(null));
    const numberFormats: string[][] = Array.from({ length: h }, () => Array<string>(w).fill("General"));
    for (const c of all) {
      values[c.row - top][c.col - left] = c.value;
      formulas[c.row - top][c.col - left] = c.formula ?? null;
      if (c.format) numberFormats[c.row - top][c.col - left] = c.format;
    }
    return {
      name: this.name,
      origin: cellAddress(top, left),
      values,
      formulas,
      numberFormats,
      merges: this.mergeList.map((m) => rangeAddress(m)),
    };
  }
}

/** Absolute cell → value lookup on a snapshot, for tests that poke at one cell. */
export function snapshotCell(s: SheetSnapshot, address: string): CellValue {
  const o = parseRange(s.origin);
  const p = parseRange(address);
  return s.values[p.top - o.top]?.[p.left - o.left] ?? null;
}
