/**
 * The indicator values of a table, parsed once per table: every rule in this folder works from these.
 */
import type { CellRef, GoalTable, IndicatorRow } from "../../model";
import { findLevel1, findLevel2, type Level2Def } from "../../taxonomy";
import { normLabel } from "../../text";
import { parseValue, type ParsedValue, type ValueProblem } from "../../value/grammar";

export interface ValueRow {
  row: IndicatorRow;
  /** The cell a finding about the value points at: 指标值, or 目标值 in the split form. */
  cell: CellRef;
  /** The value as one text: the cell's text, or 计算符号 + 目标值 + 计量单位 in the split form. */
  text: string;
  parsed: ParsedValue;
  /** The 二级 category, when the 二级 name is known. */
  level2?: Level2Def;
  /** The 三级 name, normalised. */
  name: string;
  /** True for 成本 rows (二级 成本 or 一级 成本指标). */
  isCost: boolean;
  /** Split form: the 计量单位 cell holds a number (an Excel date serial shown as "44,561"), left out of `text`. */
  unitIsNumber?: boolean;
}

const cache = new WeakMap<GoalTable, ValueRow[]>();

const QUALITATIVE_OPERATOR = /^定性$/;

export function valueRows(table: GoalTable): ValueRow[] {
  let rows = cache.get(table);
  if (rows) return rows;
  rows = [];
  const block = table.indicators;
  for (const row of block?.rows ?? []) {
    if (!row.name || !row.value) continue;
    let text = row.value.text;
    let unitIsNumber = false;
    if (block!.form === "split") {
      const op = row.operator?.text ?? "";
      let unit = row.unit?.text ?? "";
      if (/^[0-9][0-9,.]*$/.test(unit)) {
        unitIsNumber = true;
        unit = "";
      }
      text = QUALITATIVE_OPERATOR.test(normLabel(op)) ? row.value.text : `${op}${row.value.text}${unit}`;
    }
    const level2 = row.level2 ? findLevel2(row.level2Name ?? row.level2.text) : undefined;
    const level1 = row.level1 ? findLevel1(row.level1Name ?? row.level1.text) : undefined;
    const isCost = level2?.valueKind === "money" || level1?.key === "cost";
    rows.push({
      row,
      cell: row.value,
      text,
      parsed: parseValue(text),
      level2,
      name: normLabel(row.name.text),
      isCost,
      ...(unitIsNumber ? { unitIsNumber } : {}),
    });
  }
  cache.set(table, rows);
  return rows;
}

export function problem<C extends ValueProblem["code"]>(
  v: ValueRow,
  code: C
): Extract<ValueProblem, { code: C }> | undefined {
  return v.parsed.problems.find((p) => p.code === code) as Extract<ValueProblem, { code: C }> | undefined;
}

/** A placeholder hides every other fault of the value: it has to be filled in first. */
export function isPlaceholder(v: ValueRow): boolean {
  return !!problem(v, "placeholder");
}

/** Names that are rates or levels whatever their 二级: 合格率, 完成率, 满意度… */
export function isRateName(name: string): boolean {
  return /(合格|达标|完成|及时|覆盖|到位|知晓|执行|利用|使用|参与|通过|受益|验收|准确|规范|合规|完好|出勤|入学|就业|达成)率|满意度|满意率|合规性/.test(
    name
  );
}

/** The cells beside the value a finding about it involves: the 三级 name, and in the split form the operator and
 * unit cells (so a finding on the 目标值 covers what the split-form rule would say about its unit). */
export function related(v: ValueRow): string[] {
  const out = v.row.name ? [v.row.name.address] : [];
  if (v.row.operator && v.row.operator.address !== v.cell.address) out.push(v.row.operator.address);
  if (v.row.unit && v.row.unit.address !== v.cell.address) out.push(v.row.unit.address);
  return out;
}

/** An Excel date serial (2000…2099) in a 时效 row or a row named as a date: 44561 is 2021-12-31. */
export function serialOf(v: ValueRow): number | undefined {
  const p = v.parsed;
  if (isPlaceholder(v) || p.kind !== "quantitative" || p.unit !== "" || !p.number) return undefined;
  const n = Number(p.number);
  if (!Number.isInteger(n) || n < 36526 || n > 73415) return undefined;
  const looksDate =
    v.level2?.valueKind === "time" ||
    v.unitIsNumber ||
    /时间|日期|时限|期限|完成于|截止/.test(v.name) ||
    /yy|d/i.test(v.cell.format);
  return looksDate ? n : undefined;
}
