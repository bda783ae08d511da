import type { CellRef, GoalTable, IndicatorRow } from "../../model";
import { normLabel } from "../../text";
import {
  certainName,
  isTruncatedLabel,
  parentOf,
  resolveLevel1,
  resolveLevel2,
  suggestName,
  type Level1Def,
} from "../../taxonomy";
import type { Message } from "../../finding";
import type { Report } from "../rule";

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

/**
 * The 一级 a row stands under: its 一级 label, or, without one or when it cannot be read, the 一级 its 二级 belongs
 * to. An unreadable 一级 is unknown-level1's finding; the rules that depend on the 一级 (missing-output,
 * missing-benefit) go by the 二级 then, so the one fault does not also show up as a missing 产出指标.
 */
export function rowLevel1(row: IndicatorRow): Level1Def | undefined {
  const l1 = row.level1 && row.level1.text !== "" ? resolveLevel1(row.level1.text) : undefined;
  if (l1) return l1;
  const l2 = row.level2 ? resolveLevel2(row.level2.text) : undefined;
  return l2 ? parentOf(l2.key) : undefined;
}

/** A label as one line of text, for messages: "服务对象\n满意度指" → "服务对象满意度指". */
export function shown(cell: CellRef): string {
  return normLabel(cell.text);
}

/**
 * What to report for a 一级/二级 label outside the taxonomy: a certain correction (with its fix), else a "did you
 * mean", else `otherwise` (the level's own hint).
 */
export function unknownLabelReport(table: GoalTable, cell: CellRef, level: 1 | 2, otherwise: Message): Report {
  const name = shown(cell);
  const certain = certainName(cell.text, level);
  const suggestion = certain ?? suggestName(cell.text, level);
  const hint = suggestion ? { zh: `是否应为“${suggestion}”？`, en: `Did you mean ${suggestion}?` } : otherwise;
  const what = certain
    ? isTruncatedLabel(cell.text)
      ? { zh: `名称不完整，应为“${certain}”。`, en: `is cut short; it should read ${certain}.` }
      : { zh: `不在指标体系中，应为“${certain}”。`, en: `is not in the indicator taxonomy; it should read ${certain}.` }
    : { zh: `不在指标体系中。${hint.zh}`, en: `is not in the indicator taxonomy. ${hint.en}` };
  const levelName = level === 1 ? "一级" : "二级";
  return {
    cell: cell.address,
    message: { zh: `${levelName}指标“${name}”${what.zh}`, en: `The ${levelName} indicator "${name}" ${what.en}` },
    ...(certain ? { fix: [{ sheet: table.sheet, cell: cell.address, value: certain }] } : {}),
  };
}
