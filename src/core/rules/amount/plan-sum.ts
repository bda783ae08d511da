/**
 * An implementation or payment plan (实施进度计划, 资金支付计划) whose instalments add up to more than the year's
 * budget, or whose percentages do not add up to 100 %. Running totals (累计, or figures that only grow and end
 * within the budget or at most 100 %) are not instalments and are left alone, as is a plan over several years.
 */
import { Decimal, formatAmount, isNumeric, parseAmount, sumAmounts, tableDecimals } from "../../amount";
import type { CellRef, GoalTable, InstalmentPlan } from "../../model";
import { isPercentCell } from "../../reader/sums";
import type { Rule } from "../rule";
import { budgetOf } from "./cost-over-budget";

const YUAN: Record<string, number> = { 元: 1, 万元: 10_000 };

/** The cell as a number: a percentage cell in percent (0.25 with a % format → 25); undefined when not a number. */
function numberOf(c: CellRef, percent: boolean): Decimal | undefined {
  if (c.text === "") return new Decimal(0);
  if (percent && isPercentCell(c)) {
    if (typeof c.value === "number") return new Decimal(c.value.toPrecision(15)).times(100);
    return new Decimal(c.text.normalize("NFKC").replace(/[\s%]/g, ""));
  }
  const p = parseAmount(c);
  return isNumeric(p) ? p.value : undefined;
}

/**
 * Figures that only grow and end within the cap: running totals, not instalments. Two or three stages that grow are
 * instalments unless the last is the whole (50 then 60 of 90 are two payments; 20, 45, 70 of 90 a running total).
 */
function runningTotal(values: Decimal[], cap: Decimal): boolean {
  const filled = values.filter((v) => !v.isZero());
  const last = filled[filled.length - 1];
  if (filled.length < 2 || !filled.every((v, i) => i === 0 || v.gt(filled[i - 1])) || last.gt(cap)) return false;
  return last.eq(cap) || (filled.length >= 3 && !last.lt(cap.dividedBy(2)));
}

function multiYear(table: GoalTable, plan: InstalmentPlan): boolean {
  if (plan.years.length > 1) return true;
  return plan.years.length === 1 && table.year !== undefined && plan.years[0] !== table.year.value;
}

export const planSum: Rule = {
  id: "amount/plan-sum",
  severity: "error",
  category: "amount",
  title: { zh: "实施进度计划各期之和不符", en: "Plan instalments do not add up" },
  docs: {
    description: {
      zh: "实施进度计划、资金支付计划按期（季度、月份、阶段）列出的金额，之和不能超过本年预算总额；按期列出的比例之和应为 100%。计划中写明“累计”、各期数字逐期递增（累计数）或计划跨越多个年度时不检查。按精确的十进制比较。",
      en: "The amounts an implementation or payment plan (实施进度计划, 资金支付计划) lists per stage (quarter, month, phase) cannot add up to more than the year's budget; percentages per stage must add up to 100 %. Plans marked 累计, figures that only grow (running totals) and plans over several years are not checked. Exact decimal arithmetic.",
    },
    bad: "资金支付计划 | 第一季度 45 | 第二季度 45 | 第三季度 45 | 第四季度 45 (budget 90 万元)",
    good: "资金支付计划 | 第一季度 20 | 第二季度 25 | 第三季度 25 | 第四季度 20 (budget 90 万元)",
  },
  check(table, report) {
    const decimals = tableDecimals(table);
    for (const plan of table.plans ?? []) {
      if (plan.cumulative) continue;
      const values = plan.parts.map((c) => numberOf(c, plan.kind === "share"));
      if (values.some((v) => v === undefined)) continue; // amount/not-a-number's, or unclear
      const nums = values as Decimal[];
      if (nums.every((v) => v.isZero())) continue;
      const sum = sumAmounts(nums);
      const block = plan.label.text.replace(/\s+/g, "");
      const cells = plan.parts.map((c, i) => `${plan.names[i] || "第" + (i + 1) + "期"} ${c.address}`).join(" + ");
      const related = plan.parts.map((c) => c.address);
      if (plan.kind === "share") {
        const hundred = new Decimal(100);
        if (sum.eq(hundred) || runningTotal(nums, hundred)) continue;
        const shown = nums.map((v) => `${v.toString()}%`).join(" + ");
        report({
          cell: plan.parts[0].address,
          related: related.slice(1),
          message: {
            zh: `“${block}”各期比例 ${cells} = ${shown} = ${sum.toString()}%，合计应为 100%。`,
            en: `The stages of "${block}" ${cells} = ${shown} = ${sum.toString()} %; they should add up to 100 %.`,
          },
        });
        continue;
      }
      if (multiYear(table, plan)) continue;
      const budget = budgetOf(table);
      if (!budget || !budget.value.gt(0)) continue;
      const planUnit = plan.unit ?? table.unit;
      const inTable = sum.times(YUAN[planUnit]).dividedBy(YUAN[table.unit]);
      const cap = budget.value.times(YUAN[table.unit]).dividedBy(YUAN[planUnit]);
      if (!inTable.gt(budget.value) || runningTotal(nums, cap)) continue;
      const fmt = (d: Decimal) => formatAmount(d, decimals);
      const shown = nums.map(fmt).join(" + ");
      const where = budget.cells.map((c) => c.address).join("、");
      const unitNote = planUnit === table.unit ? "" : `（即 ${fmt(inTable)} ${table.unit}）`;
      report({
        cell: plan.parts[0].address,
        related: [...related.slice(1), ...budget.cells.map((c) => c.address)],
        message: {
          zh: `“${block}”各期金额 ${cells} = ${shown} = ${fmt(sum)} ${planUnit}${unitNote}，超过本年预算 ${fmt(budget.value)} ${table.unit}（${where}）；各期之和应不超过 ${fmt(budget.value)} ${table.unit}，请核对各期金额。`,
          en: `The instalments of "${block}" ${cells} = ${shown} = ${fmt(sum)} ${planUnit}, more than the year's budget of ${fmt(budget.value)} ${table.unit} (${budget.cells.map((c) => c.address).join(", ")}); they should add up to at most ${fmt(budget.value)} ${table.unit}.`,
        },
      });
    }
  },
};
