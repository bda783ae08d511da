/**
 * The indicator block: the header row (一级指标 | 二级指标 | 三级指标 | 指标值, or the split form with 指标性质 /
 * 指标方向 / 计算符号 / 目标值 / 计量单位), then one row per 三级 indicator. 一级/二级 labels may be merged down,
 * repeated on every row, or written once with blanks below.
 */
import type { CellRef, IndicatorBlock, IndicatorColumns, IndicatorRow } from "../model";
import type { Region } from "./index";
import { LABEL } from "./labels";
import type { Sheet } from "./sheet";

const COLUMN_LABELS: [keyof IndicatorColumns, keyof typeof LABEL][] = [
  ["level1", "level1"],
  ["level2", "level2"],
  ["level3", "level3"],
  ["longTermValue", "longTermValue"],
  ["value", "value"],
  ["nature", "nature"],
  ["direction", "direction"],
  ["operator", "operator"],
  ["unit", "unit"],
  ["remark", "remark"],
];

export function readIndicators(sheet: Sheet, region: Region): IndicatorBlock | undefined {
  // The header: a row with 一级指标 and 二级指标 (and a 三级 column).
  const l1 = region.labels.find(
    (l) =>
      LABEL.level1(l.norm) &&
      region.labels.some((m) => m.row === l.row && LABEL.level2(m.norm)) &&
      region.labels.some((m) => m.row === l.row && LABEL.level3(m.norm))
  );
  if (!l1) return undefined;
  const headerRow = l1.row;
  const cols: Partial<IndicatorColumns> = {};
  let headerBottom = headerRow;
  for (const l of region.labels) {
    if (l.row < headerRow || l.row > headerRow + 1) continue;
    // The second header row only counts under a header cell merged across (指标值 over 中长期 | 年度).
    if (l.row === headerRow + 1 && !sheet.covered(headerRow, l.col) && !sheet.merge(headerRow, l.col)) continue;
    for (const [key, name] of COLUMN_LABELS) {
      if (!LABEL[name](l.norm)) continue;
      if (l.row === headerRow + 1) headerBottom = headerRow + 1;
      // A sub-header replaces the merged header cell above it ("指标值" over "年度指标值").
      if (cols[key] === undefined || l.row === headerRow + 1) cols[key] = l.col;
      break;
    }
  }
  if (cols.level2 === undefined || cols.level3 === undefined) return undefined;
  // Header cells merged down (一级指标 over two header rows) push the first data row down.
  for (const c of Object.values(cols)) headerBottom = Math.max(headerBottom, sheet.extent(headerRow, c).bottom);
  // 指标值 over two sub-columns: the annual value is the right one unless a sub-header says otherwise.
  if (cols.value !== undefined && cols.longTermValue === cols.value) delete cols.longTermValue;
  const columns = cols as IndicatorColumns;
  const form = columns.operator !== undefined || columns.unit !== undefined ? "split" : "merged";

  const rows: IndicatorRow[] = [];
  const footerRow = region.labels.find((l) => l.row > headerBottom && LABEL.footer(l.norm))?.row ?? Infinity;
  const last = Math.min(region.bottom, footerRow - 1);
  const own = (row: number, c: number | undefined) =>
    c !== undefined && !sheet.covered(row, c) && sheet.text(row, c) !== "";
  let level1: CellRef | undefined;
  let level2: CellRef | undefined;
  for (let row = headerBottom + 1; row <= last; row++) {
    // A header repeated further down (after a page break) is not an indicator row.
    if (LABEL.level1(sheet.norm(row, columns.level1)) || LABEL.level3(sheet.norm(row, columns.level3))) continue;
    const l1 = labelAt(sheet, row, columns.level1);
    const l2 = labelAt(sheet, row, columns.level2);
    if (l1) {
      if (l1 !== level1) level2 = undefined;
      level1 = l1;
    }
    if (l2) level2 = l2;
    const hasOwn =
      own(row, columns.level3) ||
      own(row, columns.value) ||
      own(row, columns.operator) ||
      own(row, columns.unit) ||
      (l1 !== undefined && l1.row === row) ||
      (l2 !== undefined && l2.row === row);
    if (!hasOwn) continue;
    const r: IndicatorRow = { row };
    if (level1) r.level1 = level1;
    if (level2) r.level2 = level2;
    if (own(row, columns.level3)) r.name = sheet.ref(row, columns.level3);
    for (const key of ROW_CELLS) {
      const col = columns[key];
      if (col !== undefined) r[key] = sheet.ref(row, col);
    }
    rows.push(r);
  }
  return { header: sheet.ref(l1.row, l1.col), form, columns, rows };
}

/** The cells of a row besides its names, by the column that holds them. */
const ROW_CELLS = ["value", "longTermValue", "nature", "direction", "operator", "unit", "remark"] as const;

/** The 一级/二级 label shown on this row, if the row starts it or carries it in a merge. */
function labelAt(sheet: Sheet, row: number, col: number): CellRef | undefined {
  const m = sheet.master(row, col);
  const ref = sheet.ref(m.row, m.col);
  return ref.text !== "" ? ref : undefined;
}
