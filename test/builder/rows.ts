/**
 * A sheet written row by row, as a published table reads: each row a list of cells placed left to right, a cell
 * spanning columns (`span`) or rows (`down`), tagged with a key so that a test can ask where it went. Cells covered
 * by a merge from above are skipped when the next row is laid out, as they are on paper.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { parseCell } from "../../src/core/address";
import { SheetGrid } from "./grid";

export interface RowCell {
  v: CellValue;
  /** Columns the cell spans (default 1). */
  span?: number;
  /** Rows the cell spans (default 1). */
  down?: number;
  /** A name for the cell's address in the result. */
  key?: string;
  format?: string;
}

export type Cell = CellValue | RowCell;

export interface Laid {
  sheet: SheetSnapshot;
  workbook: WorkbookSnapshot;
  /** Address of each keyed cell. */
  at: Record<string, string>;
}

function isRowCell(c: Cell): c is RowCell {
  return typeof c === "object" && c !== null && "v" in c;
}

/** Lays rows out from `origin`. A `null` cell is an empty cell that still takes its column. */
export function layRows(name: string, rows: Cell[][], origin = "A1"): Laid {
  const o = parseCell(origin);
  const g = new SheetGrid(name, o.row, o.col);
  const covered = new Set<string>();
  const at: Record<string, string> = {};
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (covered.has(`${r},${c}`)) c++;
      const rc: RowCell = isRowCell(cell) ? cell : { v: cell };
      const span = rc.span ?? 1;
      const down = rc.down ?? 1;
      const address = g.setMerged(r, c, r + down - 1, c + span - 1, rc.v, rc.format ? { format: rc.format } : {});
      for (let i = 0; i < down; i++) for (let j = 0; j < span; j++) if (i > 0) covered.add(`${r + i},${c + j}`);
      if (rc.key) at[rc.key] = address;
      c += span;
    }
  });
  const sheet = g.toSnapshot();
  return { sheet, workbook: { sheets: [sheet] }, at };
}

/** A cell with a key (and optional span/down). */
export function k(key: string, v: CellValue, opts: Omit<RowCell, "v" | "key"> = {}): RowCell {
  return { v, key, ...opts };
}

/** A cell spanning columns. */
export function wide(v: CellValue, span: number, key?: string): RowCell {
  return key ? { v, span, key } : { v, span };
}

/** A cell spanning rows. */
export function tall(v: CellValue, down: number, key?: string): RowCell {
  return key ? { v, down, key } : { v, down };
}
