/**
 * A per-unit or monthly cost multiplied out: `≤2000元/人` times the number of people a count indicator states
 * (`≥500人`), or `≤1.5万元/月` times the months of 项目期 (`12个月`), above the table's whole budget. Conservative:
 * only when the units match exactly (元/人 with 人, not 人次), the budget is known, and, when several counts share
 * the unit, even the smallest of them gives more than the budget.
 */
import { Decimal, formatAmount, tableDecimals } from "../../amount";
import type { CellRef, GoalTable } from "../../model";
import { parseValue } from "../../value/grammar";
import type { Rule } from "../rule";
import { budgetOf, isCost, valueText } from "./cost-over-budget";

const YUAN: Record<string, number> = { 元: 1, 万元: 10_000, 亿元: 100_000_000 };

/** "万元/人" → {yuan: 10000, per: "人"}; undefined for anything else (no money before the slash, two slashes). */
function rateUnit(unit: string): { money: string; per: string } | undefined {
  const m = /^(元|万元|亿元)\/([^/\d]+)$/.exec(unit.normalize("NFKC").replace(/\s+/g, ""));
  return m ? { money: m[1], per: m[2] } : undefined;
}

/** The months of 项目期 as written: "12个月", "6月"; a project over years counts 12 months in the year's table. */
function periodMonths(table: GoalTable): { months: number; cell: CellRef } | undefined {
  const cell = table.project?.period?.value;
  if (!cell) return undefined;
  const t = cell.text.normalize("NFKC").replace(/\s+/g, "");
  const m = /^(\d+)个?月$/.exec(t);
  if (m) return { months: Math.min(Number(m[1]), 12), cell };
  const y = /^(\d+)年$/.exec(t);
  if (y && Number(y[1]) >= 1) return { months: 12, cell };
  return undefined;
}

interface Count {
  value: Decimal;
  cell: CellRef;
  /** What the count is, for the message: the indicator's name or 项目期. */
  name: string;
}

/** The quantities stated in the table in the unit `per`: non-cost indicators, or 项目期 for 月. */
function countsIn(table: GoalTable, per: string): Count[] {
  if (per === "月") {
    const p = periodMonths(table);
    return p ? [{ value: new Decimal(p.months), cell: p.cell, name: "项目期" }] : [];
  }
  const out: Count[] = [];
  for (const row of table.indicators?.rows ?? []) {
    if (!row.name || !row.value || isCost(row)) continue;
    const parsed = parseValue(valueText(row));
    if (parsed.kind !== "quantitative" || !parsed.number || parsed.unit !== per) continue;
    if (parsed.operator === "≤" || parsed.operator === "<") continue; // an upper bound is no count
    const value = new Decimal(parsed.number);
    if (value.gt(0)) out.push({ value, cell: row.value, name: row.name.text.replace(/\s+/g, "") });
  }
  return out;
}

export const unitCostTotal: Rule = {
  id: "amount/unit-cost-total",
  severity: "info",
  category: "amount",
  title: { zh: "单位成本乘以数量超过预算", en: "Unit cost times quantity exceeds the budget" },
  docs: {
    description: {
      zh: "成本指标按人、按月等单位给出（如“≤2000元/人”“≤1.5万元/月”），而表中另有同一单位的数量（数量指标“≥500人”，或项目期“12个月”；跨年项目按 12 个月计）时，两者相乘若超过本表预算总额，提示核对单价、数量或单位。只在单位完全一致、预算已知时提示；同一单位有多个数量时，取最小的一个，仍超过预算才提示。",
      en: "A cost indicator per unit or per month (`≤2000元/人`, `≤1.5万元/月`) times the quantity the table states in the same unit (a count indicator `≥500人`, or 项目期 `12个月`, a project over several years counting 12 months) above the table's whole budget: check the rate, the quantity or the unit. Only when the units match exactly and the budget is known; with several counts in the unit, only when even the smallest gives more than the budget.",
    },
    bad: "人均培训成本 ≤2000元/人 | 培训人数 ≥500人 (budget 90 万元: 2000 × 500 = 100 万元)",
    good: "人均培训成本 ≤1500元/人 | 培训人数 ≥500人 (75 万元)",
  },
  check(table, report) {
    const budget = budgetOf(table);
    if (!budget || !budget.value.gt(0)) return;
    const decimals = tableDecimals(table);
    const tableYuan = YUAN[table.unit];
    for (const row of table.indicators?.rows ?? []) {
      if (!row.name || !row.value || !isCost(row)) continue;
      const text = valueText(row);
      const parsed = parseValue(text);
      if (parsed.kind !== "quantitative" || !parsed.number || parsed.unit === undefined) continue;
      const rate = rateUnit(parsed.unit);
      if (!rate) continue;
      const counts = countsIn(table, rate.per);
      if (counts.length === 0) continue;
      const count = counts.reduce((a, b) => (b.value.lt(a.value) ? b : a));
      const product = new Decimal(parsed.number).times(count.value).times(YUAN[rate.money]).dividedBy(tableYuan);
      if (!product.gt(budget.value)) continue;
      const name = row.name.text.replace(/\s+/g, "");
      const shown = `${formatAmount(product, decimals)} ${table.unit}`;
      const budgetShown = `${formatAmount(budget.value, decimals)} ${table.unit}`;
      const where = budget.cells.map((c) => c.address).join("、");
      report({
        cell: row.value.address,
        related: [count.cell.address, ...budget.cells.map((c) => c.address)],
        message: {
          zh: `成本指标“${name}”${text}（${row.value.address}）×“${count.name}”${count.value.toString()}${rate.per}（${count.cell.address}）= ${shown}，超过本表预算 ${budgetShown}（${where}），请核对单价、数量或单位。`,
          en: `The cost indicator "${name}" ${text} (${row.value.address}) times "${count.name}" ${count.value.toString()} ${rate.per} (${count.cell.address}) comes to ${shown}, more than the table's budget of ${budgetShown} (${budget.cells.map((c) => c.address).join(", ")}); check the rate, the quantity or the unit.`,
        },
      });
    }
  },
};
