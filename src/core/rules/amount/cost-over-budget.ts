import {
  Decimal,
  decimalOfNumber,
  formatAmount,
  isNumeric,
  parseAmount,
  sumAmounts,
  tableDecimals,
  type NumericParse,
} from "../../amount";
import type { CellRef, GoalTable, IndicatorRow } from "../../model";
import { findLevel1, findLevel2 } from "../../taxonomy";
import { parseValue } from "../../value/grammar";
import type { Rule } from "../rule";

/** Yuan per unit. Rates such as 元/亩 or 万元/人 are not amounts of the whole budget. */
const YUAN: Record<string, number> = { 元: 1, 万元: 10_000, 亿元: 100_000_000 };

/**
 * The table's whole budget and the cell(s) it comes from. When the stated total and the sum of its parts disagree
 * (amount/total-mismatch, amount/project-sum report that), the larger counts: a cost above both is surely wrong,
 * and a total of 0 beside real parts does not make every cost "over budget".
 */
export function budgetOf(table: GoalTable): { value: Decimal; cells: CellRef[] } | undefined {
  const numbers = (cells: (CellRef | undefined)[]) => {
    const parts = cells.filter((c): c is CellRef => c !== undefined).map(parseAmount);
    return parts.length > 0 && parts.every(isNumeric)
      ? sumAmounts(parts.map((p) => (p as NumericParse).value))
      : undefined;
  };
  let stated: { value: Decimal; cells: CellRef[] } | undefined;
  let parts: { value: Decimal; cells: CellRef[] } | undefined;
  if (table.kind === "project") {
    const f = table.funding;
    const cell = f?.total?.value;
    const p = parseAmount(cell);
    if (cell && isNumeric(p)) stated = { value: p.value, cells: [cell] };
    const sources = [f?.fiscal?.value, f?.other?.value, f?.carryover?.value].filter(
      (c): c is CellRef => c !== undefined && c.text !== ""
    );
    const sum = numbers(sources);
    if (sum) parts = { value: sum, cells: sources };
  } else {
    const tasks = table.tasks;
    if (!tasks) return undefined;
    const grand = tasks.totalRow?.total;
    const g = parseAmount(grand);
    if (grand && isNumeric(g)) stated = { value: g.value, cells: [grand] };
    const cells = tasks.rows.map((r) => r.total).filter((c): c is CellRef => c !== undefined);
    const sum = numbers(cells);
    if (sum) parts = { value: sum, cells };
  }
  if (stated && parts) return parts.value.gt(stated.value) ? parts : stated;
  return stated ?? parts;
}

export function isCost(row: IndicatorRow): boolean {
  const l2 = row.level2?.text;
  const l1 = row.level1?.text;
  return (
    (l2 !== undefined && findLevel2(l2)?.valueKind === "money") || (l1 !== undefined && findLevel1(l1)?.key === "cost")
  );
}

/** The value as typed; in the split form the 目标值 and 计量单位 columns together. */
export function valueText(row: IndicatorRow): string | undefined {
  const v = row.value;
  if (!v || v.text === "") return undefined;
  const number = typeof v.value === "number" ? decimalOfNumber(v.value).toString() : v.text;
  const unit = row.unit?.text ?? "";
  return unit && !number.endsWith(unit) ? number + unit : number;
}

export const costOverBudget: Rule = {
  id: "amount/cost-over-budget",
  severity: "error",
  category: "amount",
  title: { zh: "成本指标超过预算总额", en: "Cost target exceeds the whole budget" },
  docs: {
    description: {
      zh: "成本指标的指标值若是金额（万元、元、亿元），换算到本表的金额单位后，不能超过本表的预算总额（部门表为合计总额，没有合计时为各任务总额之和；项目表为年度资金总额）。常见原因是单位写错（元写成万元）。按单位的费率（如 元/亩）不检查。",
      en: "A cost indicator whose value is an amount (万元, 元, 亿元) cannot exceed, in the table's unit, the table's whole budget (the 合计 总额, or the sum of the task totals without a 合计; a project's 年度资金总额). The usual cause is a wrong unit (元 written as 万元). Rates such as 元/亩 are not checked.",
    },
    bad: "成本指标 | 设备购置成本 | ≤2600万元 (budget 1899.19 万元)",
    good: "成本指标 | 设备购置成本 | ≤26万元",
  },
  check(table, report) {
    const rows = table.indicators?.rows ?? [];
    const budget = budgetOf(table);
    if (!budget || !budget.value.gt(0)) return;
    const decimals = tableDecimals(table);
    const tableYuan = YUAN[table.unit];
    for (const row of rows) {
      if (!row.name || !row.value || !isCost(row)) continue;
      const text = valueText(row);
      const parsed = parseValue(text);
      if (parsed.kind !== "quantitative" || !parsed.number || parsed.unit === undefined) continue;
      const unitYuan = YUAN[parsed.unit];
      if (unitYuan === undefined) continue;
      const amount = new Decimal(parsed.number).times(unitYuan).dividedBy(tableYuan);
      if (!amount.gt(budget.value)) continue;
      const converted = parsed.unit === table.unit ? "" : `（即 ${formatAmount(amount, decimals)} ${table.unit}）`;
      const convertedEn = parsed.unit === table.unit ? "" : ` (${formatAmount(amount, decimals)} ${table.unit})`;
      const where =
        budget.cells.length === 1 ? budget.cells[0].address : `${budget.cells.map((c) => c.address).join("、")} 之和`;
      const whereEn =
        budget.cells.length === 1
          ? budget.cells[0].address
          : `the sum of ${budget.cells.map((c) => c.address).join(", ")}`;
      const name = row.name.text.replace(/\s+/g, "");
      report({
        cell: row.value.address,
        related: budget.cells.map((c) => c.address),
        message: {
          zh: `成本指标“${name}”的指标值 ${text}${converted} 超过了本表预算总额 ${formatAmount(budget.value, decimals)} ${table.unit}（${where}），成本不可能超过全部预算；请检查单位是否写错。`,
          en: `The cost indicator "${name}" has the value ${text}${convertedEn}, more than the table's whole budget of ${formatAmount(budget.value, decimals)} ${table.unit} (${whereEn}); check the unit.`,
        },
      });
    }
  },
};
