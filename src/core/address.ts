/**
 * A1 addresses. Rows and columns are 0-based numbers inside the core; addresses are what users see.
 */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (0, 0) → "A1". */
export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export interface CellPosition {
  row: number;
  col: number;
}

export interface RangePosition {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B3" or "$B$3" → {row: 2, col: 1}. Throws on anything else. A hand-written scanner: merges are parsed by the
 * thousand on long tables. */
export function parseCell(address: string): CellPosition {
  const s = address.trim();
  let i = 0;
  if (s.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  const letters = i;
  for (; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32; // lower case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  const nLetters = i - letters;
  if (s.charCodeAt(i) === 36) i++;
  let row = 0;
  const digits = i;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
  }
  if (nLetters < 1 || nLetters > 3 || i === digits || i !== s.length || row < 1)
    throw new Error(`not a cell address: ${address}`);
  return { row: row - 1, col: col - 1 };
}

/** Drops a sheet prefix: "'Sheet 1'!A1:B2" → "A1:B2". */
export function stripSheet(address: string): string {
  const i = address.lastIndexOf("!");
  return i >= 0 ? address.slice(i + 1) : address;
}

/** "A1:C4", "A1" or "Sheet1!A1:C4" → a range. */
export function parseRange(address: string): RangePosition {
  const [a, b] = stripSheet(address).split(":");
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rangeAddress(r: RangePosition): string {
  const a = cellAddress(r.top, r.left);
  const b = cellAddress(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

export function rangeContains(r: RangePosition, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}
