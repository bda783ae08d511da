/**
 * A compact way to write a published table as a sheet snapshot: rows of cells from an anchor cell rightwards, and
 * merges by A1 range. Built on the test builder's SheetGrid, so the snapshot's used range is the bounding box of
 * what was placed, as Excel reports it.
 */
import { parseCell, parseRange } from "../../src/core/address";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { SheetGrid } from "../builder/grid";

/** A cell to place: a value, a value with a number format, or `undefined` to leave the cell untouched (empty). */
export type Cell = CellValue | undefined | { v: CellValue; fmt: string };

/** A number shown through a number format (e.g. 44561 shown as "44,561" by "#,##0"). */
export function fmt(v: number, format: string): Cell {
  return { v, fmt: format };
}

export class PublishedSheet {
  private grid: SheetGrid;

  constructor(name: string) {
    this.grid = new SheetGrid(name);
  }

  /** Writes `cells` from `anchor` rightwards; `undefined` skips a cell (it stays empty). */
  row(anchor: string, ...cells: Cell[]): this {
    const p = parseCell(anchor);
    cells.forEach((c, i) => this.put(p.row, p.col + i, c));
    return this;
  }

  /** Merges a range (e.g. "A5:A9") and writes `value` in its top-left cell. */
  merged(range: string, value: Cell): this {
    const r = parseRange(range);
    this.grid.merge(r.top, r.left, r.bottom, r.right);
    this.put(r.top, r.left, value);
    return this;
  }

  /** Merges several ranges without writing anything (the master cell is written by row()). */
  merges(...ranges: string[]): this {
    for (const range of ranges) {
      const r = parseRange(range);
      this.grid.merge(r.top, r.left, r.bottom, r.right);
    }
    return this;
  }

  snapshot(): SheetSnapshot {
    return this.grid.toSnapshot();
  }

  private put(row: number, col: number, c: Cell): void {
    if (c === undefined) return;
    if (c !== null && typeof c === "object" && "fmt" in c) this.grid.set(row, col, c.v, { format: c.fmt });
    else this.grid.set(row, col, c);
  }
}
