/**
 * Reads WPS's active sheet into a SheetSnapshot (src/core/snapshot.ts) with few synchronous calls:
 *
 * - Value2 and Formula of the used range in bands of rows (at most CHUNK_CELLS cells a read, so one call never
 *   carries a huge array across WPS's JS bridge);
 * - number formats: the whole used range first (one call when the sheet has one format), else per column, and a
 *   column whose cells differ (NumberFormat reads null, as VBA's Null) is halved until each part has one format;
 * - merged areas: none when UsedRange.MergeCells is false (one call); else per column, halving the rows where
 *   MergeCells is mixed (null), and walking the rows where it is true with one MergeArea call per merged area.
 *   Areas already found (from an earlier column) are skipped without a call.
 */
import { cellAddress, columnName, parseRange, type RangePosition } from "../core/address";
import { emptySnapshot, type CellValue, type SheetSnapshot } from "../core/snapshot";
import { addressOf, toCellValue, toFormula, toGrid, XL, type WpsObject } from "./api";

/** The most cells one Value2 or Formula read carries. */
export const CHUNK_CELLS = 20_000;

function a1(r: RangePosition): string {
  const tl = cellAddress(r.top, r.left);
  const br = cellAddress(r.bottom, r.right);
  return tl === br ? tl : `${tl}:${br}`;
}

export function readWpsSheet(sheet: WpsObject): SheetSnapshot {
  const name = String(sheet.Name);
  const sheetState = { protected: sheet.ProtectContents === true, visible: sheet.Visible === XL.sheetVisible };
  const used = sheet.UsedRange;
  const area = parseRange(addressOf(used));
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;

  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const band = Math.max(1, Math.floor(CHUNK_CELLS / cols));
  for (let top = area.top; top <= area.bottom; top += band) {
    const part = { top, left: area.left, bottom: Math.min(area.bottom, top + band - 1), right: area.right };
    const n = part.bottom - part.top + 1;
    const range = rows === n ? used : sheet.Range(a1(part));
    const v = toGrid(range.Value2, n, cols);
    const f = toGrid(range.Formula, n, cols);
    for (let r = 0; r < n; r++) {
      values.push(v[r].map((x) => toCellValue(x)));
      formulas.push(f[r].map((x, c) => toFormula(x, v[r][c])));
    }
  }
  if (rows === 1 && cols === 1 && values[0][0] === null && formulas[0][0] === null) {
    return { ...emptySnapshot(name), ...sheetState };
  }

  return {
    name,
    origin: cellAddress(area.top, area.left),
    values,
    formulas,
    numberFormats: readNumberFormats(sheet, used, area),
    merges: readMerges(sheet, used, area),
    ...sheetState,
  };
}

function readNumberFormats(sheet: WpsObject, used: WpsObject, area: RangePosition): string[][] {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  const all = used.NumberFormat;
  const grid = Array.from({ length: rows }, () =>
    new Array<string>(cols).fill(typeof all === "string" ? all : "General")
  );
  if (typeof all === "string") return grid;
  const fill = (top: number, bottom: number, col: number): void => {
    const f = sheet.Range(a1({ top, bottom, left: col, right: col })).NumberFormat;
    if (typeof f === "string" || top === bottom) {
      for (let r = top; r <= bottom; r++) grid[r - area.top][col - area.left] = typeof f === "string" ? f : "General";
      return;
    }
    const mid = Math.floor((top + bottom) / 2);
    fill(top, mid, col);
    fill(mid + 1, bottom, col);
  };
  for (let c = area.left; c <= area.right; c++) fill(area.top, area.bottom, c);
  return grid;
}

function readMerges(sheet: WpsObject, used: WpsObject, area: RangePosition): string[] {
  if (used.MergeCells === false) return [];
  const found: RangePosition[] = [];
  const byCell = new Map<string, RangePosition>();
  const known = (row: number, col: number) => byCell.get(`${row},${col}`);
  const remember = (r: RangePosition) => {
    found.push(r);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) byCell.set(`${row},${col}`, r);
  };
  /** Rows top..bottom of column col, all in merged areas: one MergeArea call per area not yet known. */
  const walk = (top: number, bottom: number, col: number): void => {
    for (let row = top; row <= bottom;) {
      let hit = known(row, col);
      if (!hit) {
        hit = parseRange(addressOf(sheet.Range(cellAddress(row, col)).MergeArea));
        remember(hit);
      }
      row = hit.bottom + 1;
    }
  };
  const probe = (top: number, bottom: number, col: number): void => {
    // Skip rows whose cell is already in a known area.
    while (top <= bottom && known(top, col)) top = known(top, col)!.bottom + 1;
    while (bottom >= top && known(bottom, col)) bottom = known(bottom, col)!.top - 1;
    if (top > bottom) return;
    const m = sheet.Range(a1({ top, bottom, left: col, right: col })).MergeCells;
    if (m === false) return;
    if (m === true) return walk(top, bottom, col);
    if (top === bottom) return walk(top, bottom, col);
    const mid = Math.floor((top + bottom) / 2);
    probe(top, mid, col);
    probe(mid + 1, bottom, col);
  };
  for (let c = area.left; c <= area.right; c++) probe(area.top, area.bottom, c);
  return found
    .filter((r) => r.top !== r.bottom || r.left !== r.right)
    .map((r) => `${columnName(r.left)}${r.top + 1}:${columnName(r.right)}${r.bottom + 1}`);
}
