/**
 * The indicator block: the header row (一级指标 | 二级指标 | 三级指标 | 指标值, or the split form with 指标性质 /
 * 指标方向 / 计算符号 / 目标值 / 计量单位, with any of 分值/权重, 指标解释, 评(扣)分标准, 指标值说明, 备注), then one
 * row per 三级 indicator. 一级/二级 labels may be merged down, repeated on every row, or written once with blanks
 * below; they may carry a score note (产出指标(50分)).
 */
import type { CellRef, IndicatorBlock, IndicatorColumns, IndicatorRow, ScoreNote } from "../model";
import type { Region } from "./index";
import { LABEL, scoreNoteIn } from "./labels";
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
  ["score", "score"],
  ["explanation", "explanation"],
  ["scoring", "scoring"],
  ["valueNote", "valueNote"],
];

/** A header label for the long-term half of a side-by-side block: "二级指标(长期)". */
const LONG_SUFFIX = /\((长期|中长期|中期)\)$/;

type Label = Region["labels"][number];

/** The header rows of indicator blocks: a row with 一级指标, 二级指标 and a 三级 column. */
export function indicatorHeaders(region: Region): Label[] {
  const out: Label[] = [];
  for (const l of region.labels) {
    if (!LABEL.level1(l.norm)) continue;
    if (out.length > 0 && out[out.length - 1].row === l.row) continue;
    const sameRow = region.labels.filter((m) => m.row === l.row);
    if (sameRow.some((m) => LABEL.level2(m.norm)) && sameRow.some((m) => LABEL.level3(m.norm))) out.push(l);
  }
  return out;
}

/** Whether a header row belongs to the long-term or the annual indicators, by the labels just above or beside it. */
function headerTerm(sheet: Sheet, region: Region, h: Label): "long" | "annual" | undefined {
  let term: "long" | "annual" | undefined;
  for (const l of region.labels) {
    if (l.row > h.row) break;
    const beside = l.col < h.col && l.row <= h.row && sheet.extent(l.row, l.col).bottom >= h.row;
    if (!(l.row >= h.row - 2 && l.row < h.row) && !beside) continue;
    if (!/指标|目标/.test(l.norm)) continue;
    if (/长期|中期/.test(l.norm)) term = "long";
    else if (/年度|当年/.test(l.norm)) term = "annual";
  }
  return term;
}

const OPERATOR_CELL = /^(≥|≤|>|<|=|>=|<=|≧|≦|＞|＜|＝|≠|大于|小于|等于|不低于|不高于|不少于|不超过|不大于|不小于)$/;
const DIRECTION_CELL = /^(正向|反向|中性)(指标)?$/;

/** What most filled cells of a column hold: comparison signs, directions, or other text. */
function columnHolds(sheet: Sheet, col: number, from: number, to: number): "operator" | "direction" | "other" {
  let ops = 0;
  let dirs = 0;
  let filled = 0;
  for (let row = from; row <= to && filled < 40; row++) {
    if (sheet.covered(row, col)) continue;
    const t = sheet.norm(row, col);
    if (!t) continue;
    filled++;
    if (OPERATOR_CELL.test(t)) ops++;
    else if (DIRECTION_CELL.test(t)) dirs++;
  }
  if (filled === 0) return "other";
  if (ops * 2 > filled) return "operator";
  if (dirs * 2 > filled) return "direction";
  return "other";
}

/**
 * The indicator block of the region. Long-term and annual blocks one under the other (each with its header): the
 * annual one, or with `which` = "long" the long-term one (undefined when there is no such block apart).
 */
export function readIndicators(
  sheet: Sheet,
  region: Region,
  which: "annual" | "long" = "annual"
): IndicatorBlock | undefined {
  const headers = indicatorHeaders(region);
  if (headers.length === 0) return undefined;
  let chosen = 0;
  const terms = headers.length > 1 ? headers.map((h) => headerTerm(sheet, region, h)) : [];
  const split = headers.length > 1 && terms.some((t) => t === "long");
  if (which === "long" && !split) return undefined;
  if (split) {
    const i = terms.findIndex((t) => t === which);
    if (i >= 0) chosen = i;
    else if (which === "long") return undefined;
  }
  const l1 = headers[chosen];
  const nextBlock = split ? headers.find((h, i) => i > chosen && terms[i] !== terms[chosen])?.row : undefined;
  const headerRow = l1.row;
  const cols: Partial<IndicatorColumns> = {};
  const longCols = new Set<keyof IndicatorColumns>();
  let headerBottom = headerRow;
  for (const l of region.labels) {
    if (l.row < headerRow || l.row > headerRow + 1) continue;
    // The second header row only counts under a header cell merged across (指标值 over 中长期 | 年度).
    if (l.row === headerRow + 1 && !sheet.covered(headerRow, l.col) && !sheet.merge(headerRow, l.col)) continue;
    for (const [key, name] of COLUMN_LABELS) {
      if (!LABEL[name](l.norm)) continue;
      if (l.row === headerRow + 1) headerBottom = headerRow + 1;
      const long = key !== "longTermValue" && LONG_SUFFIX.test(l.norm);
      if (long) {
        // 二级指标(长期) beside 二级指标(年度): the annual one is the block's column.
        if (cols[key] === undefined) {
          cols[key] = l.col;
          longCols.add(key);
        }
        break;
      }
      // A sub-header replaces the merged header cell above it ("指标值" over "年度指标值").
      if (cols[key] === undefined || l.row === headerRow + 1 || longCols.has(key)) {
        cols[key] = l.col;
        longCols.delete(key);
      }
      break;
    }
  }
  if (cols.level2 === undefined || cols.level3 === undefined) return undefined;
  // Header cells merged down (一级指标 over two header rows) push the first data row down.
  for (const c of Object.values(cols)) headerBottom = Math.max(headerBottom, sheet.extent(headerRow, c).bottom);
  // 指标值 over two sub-columns: the annual value is the right one unless a sub-header says otherwise.
  if (cols.value !== undefined && cols.longTermValue === cols.value) delete cols.longTermValue;

  const footerRow = region.labels.find((l) => l.row > headerBottom && LABEL.footer(l.norm))?.row ?? Infinity;
  const last = Math.min(region.bottom, footerRow - 1, (nextBlock ?? Infinity) - 1);
  classifyByContent(sheet, cols, headerBottom + 1, last);
  // 指标方向 merged over two columns, 正向/反向 under the first and the sign under the second: the sign's column.
  if (cols.operator === undefined) {
    for (const key of ["direction", "nature", "value"] as const) {
      const col = cols[key];
      const m = col === undefined ? undefined : sheet.merge(headerRow, col);
      if (!m || m.right === m.left) continue;
      for (let c = m.left + 1; c <= m.right && cols.operator === undefined; c++)
        if (columnHolds(sheet, c, headerBottom + 1, last) === "operator") cols.operator = c;
    }
  }
  const columns = cols as IndicatorColumns;
  const form = columns.operator !== undefined || columns.unit !== undefined ? "split" : "merged";

  const rows: IndicatorRow[] = [];
  let budgetExecution: IndicatorBlock["budgetExecution"];
  const own = (row: number, c: number | undefined) =>
    c !== undefined && !sheet.covered(row, c) && sheet.text(row, c) !== "";
  const blank: NonNullable<IndicatorBlock["blankRows"]> = [];
  // Nothing of its own in any column right of the 一级, and the 三级 and value cells not part of a merge from above
  // (a tall name or value merged over two rows is not a blank row).
  const blankRow = (row: number) => {
    for (const c of [columns.level3, columns.value]) if (c !== undefined && sheet.covered(row, c)) return false;
    for (let c = columns.level1 + 1; c <= sheet.right; c++) if (own(row, c)) return false;
    return true;
  };
  let level1: CellRef | undefined;
  let level2: CellRef | undefined;
  // A label stands over many rows: its name and note are worked out once.
  const names = new Map<CellRef, { name: string; score?: ScoreNote }>();
  const nameOf = (c: CellRef) => {
    let n = names.get(c);
    if (!n) names.set(c, (n = named(sheet, c)));
    return n;
  };
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
    if (!hasOwn) {
      // A blank row inside a merged 一级 label: kept apart; it counts when indicator rows of that 一级 follow it.
      if (level1 && sheet.covered(row, columns.level1) && blankRow(row)) {
        if (sheet.covered(row, columns.level2) && level2)
          blank.push({ row, level1, cell: sheet.ref(row, columns.level3), level2 });
        else blank.push({ row, level1, cell: sheet.ref(row, columns.level2) });
      }
      continue;
    }
    const r: IndicatorRow = { row };
    if (level1) {
      r.level1 = level1;
      const n = nameOf(level1);
      r.level1Name = n.name;
      if (n.score) r.level1Score = n.score;
      // 预算执行 (10分) in the 2021+ template stands beside the indicators, not among them.
      if (n.name.startsWith("预算执行")) {
        budgetExecution ??= n.score ? { label: level1, score: n.score } : { label: level1 };
        continue;
      }
    }
    if (level2) {
      r.level2 = level2;
      const n = nameOf(level2);
      r.level2Name = n.name;
      if (n.score) r.level2Score = n.score;
    }
    if (own(row, columns.level3)) r.name = sheet.ref(row, columns.level3);
    for (const key of ROW_CELLS) {
      const col = columns[key];
      if (col !== undefined) r[key] = sheet.ref(row, col);
    }
    rows.push(r);
  }
  const block: IndicatorBlock = { header: sheet.ref(l1.row, l1.col), form, columns, rows };
  const stated = statedScore(sheet, region, l1);
  if (stated) block.statedScore = stated;
  if (budgetExecution) block.budgetExecution = budgetExecution;
  const blankRows = blank.filter((b) => rows.some((r) => r.row > b.row && r.level1 === b.level1));
  if (blankRows.length > 0) block.blankRows = blankRows;
  return block;
}

/**
 * Real tables put the comparison sign under 指标性质 or 指标方向 as often as under 计算符号, and 正向/反向 under
 * 指标性质: a column is what its cells hold.
 */
function classifyByContent(sheet: Sheet, cols: Partial<IndicatorColumns>, from: number, to: number): void {
  for (const key of ["nature", "direction"] as const) {
    const col = cols[key];
    if (col === undefined) continue;
    const holds = columnHolds(sheet, col, from, to);
    if (holds === "operator" && cols.operator === undefined) {
      cols.operator = col;
      delete cols[key];
    } else if (holds === "direction" && key === "nature" && cols.direction === undefined) {
      cols.direction = col;
      delete cols.nature;
    }
  }
  // 指标方向 moved to operator above, a 指标性质 holding directions: it is the direction column after all.
  if (
    cols.nature !== undefined &&
    cols.direction === undefined &&
    columnHolds(sheet, cols.nature, from, to) === "direction"
  ) {
    cols.direction = cols.nature;
    delete cols.nature;
  }
}

/** The total score stated on the block's label: "绩效指标(权重分值90分,…)", "年度绩效指标(90分)". */
function statedScore(sheet: Sheet, region: Region, header: Label): (ScoreNote & { cell: string }) | undefined {
  for (const l of region.labels) {
    if (l.row > header.row) break;
    if (l.row < header.row - 2 && sheet.extent(l.row, l.col).bottom < header.row) continue;
    if (!/绩效(指标|目标)/.test(l.norm)) continue;
    const note = scoreNoteIn(l.norm);
    if (note) {
      const out: ScoreNote & { cell: string } = {
        max: note.max,
        text: note.text,
        cell: sheet.ref(l.row, l.col).address,
      };
      if (note.min !== undefined) out.min = note.min;
      return out;
    }
  }
  return undefined;
}

/** A 一级/二级 label's name without its score note, and the note. */
function named(sheet: Sheet, cell: CellRef): { name: string; score?: ScoreNote } {
  const norm = sheet.norm(cell.row, cell.col);
  const note = scoreNoteIn(norm);
  if (!note) return { name: norm };
  const score: ScoreNote = { max: note.max, text: note.text };
  if (note.min !== undefined) score.min = note.min;
  return { name: note.name, score };
}

/** The cells of a row besides its names, by the column that holds them. */
const ROW_CELLS = [
  "value",
  "longTermValue",
  "nature",
  "direction",
  "operator",
  "unit",
  "remark",
  "score",
  "explanation",
  "scoring",
  "valueNote",
] as const;

/** The 一级/二级 label shown on this row, if the row starts it or carries it in a merge. */
function labelAt(sheet: Sheet, row: number, col: number): CellRef | undefined {
  const m = sheet.master(row, col);
  const ref = sheet.ref(m.row, m.col);
  return ref.text !== "" ? ref : undefined;
}
