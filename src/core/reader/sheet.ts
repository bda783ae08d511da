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
  /** The merge areas, and for every cell of the used range the index + 1 of the area covering it (0: none). */
  private mergeList: RangePosition[] = [];
  private mergeIndex: Int32Array;
  private normCache: (string | undefined)[] = [];
  /** One CellRef per cell, so that the same cell is the same object (and cheap to hand out again). */
  private refCache: (CellRef | undefined)[] = [];
  private readonly width: number;

  constructor(private snapshot: SheetSnapshot) {
    this.name = snapshot.name;
    const o = parseCell(snapshot.origin || "A1");
    this.top = o.row;
    this.left = o.col;
    this.bottom = o.row + snapshot.values.length - 1;
    this.width = snapshot.values.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
    this.right = o.col + this.width - 1;
    const cells = this.isEmpty ? 0 : snapshot.values.length * (this.width + 1);
    this.mergeIndex = new Int32Array(cells);
    // Filled (not holey) arrays: V8 keeps a large holey array as a slow dictionary.
    this.normCache = Array.from({ length: cells });
    this.refCache = Array.from({ length: cells });

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
      if (t > b || l > rr) continue;
      this.mergeList.push(r);
      const index = this.mergeList.length;
      for (let row = t; row <= b; row++)
        for (let col = l; col <= rr; col++) this.mergeIndex[this.key(row, col)] = index;
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
    let n = this.normCache[k];
    if (n === undefined) {
      const v = this.value(row, col);
      // A leading * or ★ marks a required field ("*年度绩效总目标") or a core indicator: not part of the label.
      n = typeof v === "string" ? foldLabel(v) : "";
      if (n.charCodeAt(0) === 42 || n.charCodeAt(0) === 0x2605) n = n.replace(/^[*★]+/, "");
      this.normCache[k] = n;
    }
    return n;
  }

  merge(row: number, col: number): RangePosition | undefined {
    if (!this.inside(row, col)) return undefined;
    const i = this.mergeIndex[this.key(row, col)];
    return i === 0 ? undefined : this.mergeList[i - 1];
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
    const cached = inside ? this.refCache[k] : undefined;
    if (cached) return cached;
    const made = this.makeRef(row, col);
    if (inside) this.refCache[k] = made;
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
  /**
   * The bounding box of the non-empty cells in rows top..bottom and of the merge areas reaching into them (a merge
   * that starts above is cut at `top`). Reads the raw values: no text is made.
   */
  contentBox(top: number, bottom: number): RangePosition | undefined {
    let box: RangePosition | undefined;
    const add = (t: number, l: number, b: number, r: number) => {
      if (!box) box = { top: t, left: l, bottom: b, right: r };
      else {
        if (t < box.top) box.top = t;
        if (l < box.left) box.left = l;
        if (b > box.bottom) box.bottom = b;
        if (r > box.right) box.right = r;
      }
    };
    for (let row = Math.max(top, this.top); row <= Math.min(bottom, this.bottom); row++) {
      const values = this.snapshot.values[row - this.top];
      if (!values) continue;
      for (let i = 0; i < values.length; i++) if (hasContent(values[i])) add(row, this.left + i, row, this.left + i);
    }
    for (const m of this.mergeList)
      if (m.bottom >= top && m.top <= bottom) add(Math.max(m.top, top), m.left, m.bottom, m.right);
    return box;
  }

  rowHasContent(row: number, left = this.left, right = this.right): boolean {
    for (let c = Math.max(left, this.left); c <= Math.min(right, this.right); c++)
      if (this.text(row, c) !== "") return true;
    return false;
  }
}

/** What valueText would not turn into "": without making the text. */
function hasContent(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === "string") return /\S/.test(v);
  if (typeof v === "number") return Number.isFinite(v);
  return true;
}
