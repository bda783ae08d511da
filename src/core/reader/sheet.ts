/**
 * Random access to a snapshot by absolute (0-based) sheet row and column, with merges resolved.
 */
import { cellAddress, parseCell, parseRange, type RangePosition } from "../address";
import type { CellRef } from "../model";
import type { CellValue, SheetSnapshot } from "../snapshot";
import { foldLabel, valueText } from "../text";

export class Sheet {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** Merge areas keyed by every covered cell ("r,c"). */
  private mergeByCell = new Map<number, RangePosition>();
  private normCache = new Map<number, string>();
  /** One CellRef per cell, so that the same cell is the same object (and cheap to hand out again). */
  private refCache = new Map<number, CellRef>();
  private readonly width: number;

  constructor(private snapshot: SheetSnapshot) {
    this.name = snapshot.name;
    const o = parseCell(snapshot.origin || "A1");
    this.top = o.row;
    this.left = o.col;
    this.bottom = o.row + snapshot.values.length - 1;
    this.width = snapshot.values.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
    this.right = o.col + this.width - 1;
    for (const m of snapshot.merges ?? []) {
      let r: RangePosition;
      try {
        r = parseRange(m);
      } catch {
        continue;
      }
      // Only the part inside the used range matters; a huge merge must not cost a key per cell outside it.
      const t = Math.max(r.top, this.top);
      const b = Math.min(r.bottom, this.bottom);
      const l = Math.max(r.left, this.left);
      const rr = Math.min(r.right, this.right);
      for (let row = t; row <= b; row++)
        for (let col = l; col <= rr; col++) this.mergeByCell.set(this.key(row, col), r);
    }
  }

  get isEmpty(): boolean {
    return this.width === 0 || this.snapshot.values.length === 0;
  }

  private key(row: number, col: number): number {
    return (row - this.top) * (this.width + 1) + (col - this.left);
  }

  inside(row: number, col: number): boolean {
    return row >= this.top && row <= this.bottom && col >= this.left && col <= this.right;
  }

  value(row: number, col: number): CellValue {
    if (!this.inside(row, col)) return null;
    return this.snapshot.values[row - this.top]?.[col - this.left] ?? null;
  }

  text(row: number, col: number): string {
    return valueText(this.value(row, col));
  }

  /** Normalised label text of the cell (see normLabel). */
  norm(row: number, col: number): string {
    if (!this.inside(row, col)) return "";
    const k = this.key(row, col);
    let n = this.normCache.get(k);
    if (n === undefined) {
      const v = this.value(row, col);
      n = typeof v === "string" ? foldLabel(v) : "";
      this.normCache.set(k, n);
    }
    return n;
  }

  merge(row: number, col: number): RangePosition | undefined {
    return this.inside(row, col) ? this.mergeByCell.get(this.key(row, col)) : undefined;
  }

  /** The cell that holds the value shown at (row, col): the merge's top-left cell, or the cell itself. */
  master(row: number, col: number): { row: number; col: number } {
    const m = this.merge(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** True when (row, col) lies in a merge but is not its top-left cell. */
  covered(row: number, col: number): boolean {
    const m = this.merge(row, col);
    return !!m && (m.top !== row || m.left !== col);
  }

  /** The last row and column the cell spans (its merge's bottom-right, or itself). */
  extent(row: number, col: number): { bottom: number; right: number } {
    const m = this.merge(row, col);
    return m ? { bottom: m.bottom, right: m.right } : { bottom: row, right: col };
  }

  ref(row: number, col: number): CellRef {
    const inside = this.inside(row, col);
    const k = inside ? this.key(row, col) : -1;
    const cached = inside ? this.refCache.get(k) : undefined;
    if (cached) return cached;
    const made = this.makeRef(row, col);
    if (inside) this.refCache.set(k, made);
    return made;
  }

  private makeRef(row: number, col: number): CellRef {
    const formula = this.inside(row, col)
      ? (this.snapshot.formulas?.[row - this.top]?.[col - this.left] ?? null)
      : null;
    const format = this.inside(row, col)
      ? (this.snapshot.numberFormats?.[row - this.top]?.[col - this.left] ?? "General")
      : "General";
    const value = this.value(row, col);
    return {
      address: cellAddress(row, col),
      row,
      col,
      value,
      formula: typeof formula === "string" && formula.startsWith("=") ? formula : null,
      format,
      text: valueText(value),
    };
  }

  /** The cell shown at (row, col), resolved to its merge's master. */
  shown(row: number, col: number): CellRef {
    const m = this.master(row, col);
    return this.ref(m.row, m.col);
  }

  /** Rows of the used range, top to bottom, and for each the non-empty string cells (for label scans). */
  *labelCells(top = this.top, bottom = this.bottom): Generator<{ row: number; col: number; norm: string }> {
    for (let row = Math.max(top, this.top); row <= Math.min(bottom, this.bottom); row++) {
      const values = this.snapshot.values[row - this.top];
      if (!values) continue;
      for (let i = 0; i < values.length; i++) {
        if (typeof values[i] !== "string") continue;
        const norm = this.norm(row, this.left + i);
        if (norm) yield { row, col: this.left + i, norm };
      }
    }
  }

  /** True when the row has any non-empty cell between the columns (inclusive). */
  rowHasContent(row: number, left = this.left, right = this.right): boolean {
    for (let c = Math.max(left, this.left); c <= Math.min(right, this.right); c++)
      if (this.text(row, c) !== "") return true;
    return false;
  }
}
