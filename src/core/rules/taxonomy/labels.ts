import type { CellRef, GoalTable, IndicatorRow } from "../../model";
import { normLabel } from "../../text";
import { parentOf, resolveLevel1, resolveLevel2, type Level1Def } from "../../taxonomy";

/**
 * The distinct label cells of one column of the indicator block, in sheet order, with the rows they label. A label
 * merged down (or written once with blanks below) is one cell for many rows; a label repeated on every row is one
 * cell per row.
 */
export function labelCells(table: GoalTable, level: "level1" | "level2"): { cell: CellRef; rows: IndicatorRow[] }[] {
  const out = new Map<string, { cell: CellRef; rows: IndicatorRow[] }>();
  for (const row of table.indicators?.rows ?? []) {
    const cell = row[level];
    if (!cell || cell.text === "") continue;
    const entry = out.get(cell.address) ?? { cell, rows: [] };
    entry.rows.push(row);
    out.set(cell.address, entry);
  }
  return [...out.values()];
}

/** The 一级 a row stands under: its 一级 label, or, without one, the 一级 its 二级 belongs to. */
export function rowLevel1(row: IndicatorRow): Level1Def | undefined {
  if (row.level1 && row.level1.text !== "") return resolveLevel1(row.level1.text);
  const l2 = row.level2 ? resolveLevel2(row.level2.text) : undefined;
  return l2 ? parentOf(l2.key) : undefined;
}

/** A label as one line of text, for messages: "服务对象\n满意度指" → "服务对象满意度指". */
export function shown(cell: CellRef): string {
  return normLabel(cell.text);
}
