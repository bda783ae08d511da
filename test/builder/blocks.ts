/**
 * A department table around a free block of cells (收入构成 / 支出构成, a multi-year breakdown, 年度履职目标): title,
 * name, the block, then a small indicator block so that the reader finds a table. For the rules over sum lines.
 */
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { SheetGrid } from "./grid";

/** A cell of a block: a value, or a value with its formula and number format. */
export type BlockCell = CellValue | { v: CellValue; f?: string; fmt?: string };

export interface BlockSpec {
  /** The block's rows, from row 4 (A4) down. */
  rows: BlockCell[][];
  /** Merges in sheet A1 ranges. */
  merges?: string[];
  /** Indicator rows after the block: [一级, 二级, 三级, 指标值, …extra columns]. */
  indicators?: CellValue[][];
  /** A label on its own row just above the indicator header: "绩效指标（权重分值90分，…）". */
  indicatorLabel?: string;
  /** Headers of the indicator block (default 一级指标 | 二级指标 | 三级指标 | 指标值). */
  indicatorHeader?: string[];
}

export const BLOCK_TOP = 3;

const DEFAULT_INDICATORS: CellValue[][] = [
  ["产出指标", "数量指标", "接待来访人次", "≥100人次"],
  ["效益指标", "社会效益指标", "政务服务水平", "有效提升"],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
];

export function blockSheet(spec: BlockSpec): SheetSnapshot {
  const g = new SheetGrid("Sheet1");
  g.set(0, 0, "部门（单位）整体支出绩效目标表");
  g.set(1, 0, "（2021年度）");
  g.set(2, 0, "部门（单位）名称");
  g.set(2, 1, "某某市人民政府办公室");
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null || cell === undefined) return;
      if (typeof cell === "object" && "v" in cell)
        g.set(BLOCK_TOP + r, c, cell.v, { formula: cell.f, format: cell.fmt });
      else g.set(BLOCK_TOP + r, c, cell);
    })
  );
  let r = BLOCK_TOP + spec.rows.length + 1;
  g.set(r, 0, "年度总体目标");
  g.set(r, 1, "保障机关正常运转，提升政务服务水平。");
  if (spec.indicatorLabel) g.set(++r, 0, spec.indicatorLabel);
  r += 1;
  (spec.indicatorHeader ?? ["一级指标", "二级指标", "三级指标", "指标值"]).forEach((h, c) => g.set(r, c, h));
  for (const row of spec.indicators ?? DEFAULT_INDICATORS) {
    r += 1;
    row.forEach((v, c) => v !== null && g.set(r, c, v));
  }
  const snap = g.toSnapshot();
  snap.merges.push(...(spec.merges ?? []));
  return snap;
}
