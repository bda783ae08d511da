import { amountCells, formatAmount, isNumeric, parseAmount, tableDecimals } from "../../amount";
import type { Rule } from "../rule";
import { amountName } from "./common";

export const negative: Rule = {
  id: "amount/negative",
  severity: "error",
  category: "amount",
  title: { zh: "金额为负数", en: "Negative amount" },
  docs: {
    description: {
      zh: "预算金额（任务的总额、财政拨款、其他资金，合计，项目的资金情况）不能为负数。",
      en: "Budget amounts (task 总额/财政拨款/其他资金, the 合计 row, a project's funding) cannot be negative.",
    },
    bad: "其他资金 -5.00",
    good: "其他资金 5.00",
  },
  check(table, report) {
    const decimals = tableDecimals(table);
    for (const a of amountCells(table)) {
      const p = parseAmount(a.cell);
      if (!isNumeric(p) || !p.value.isNegative() || p.value.isZero()) continue;
      const { zh: zhName, en: enName } = amountName(a);
      report({
        cell: a.cell.address,
        message: {
          zh: `${zhName} ${a.cell.address} 为负数 ${formatAmount(p.value, decimals)}：预算金额不能为负。`,
          en: `The ${enName} (${zhName}) ${a.cell.address} is negative (${formatAmount(p.value, decimals)}); a budget amount cannot be negative.`,
        },
      });
    }
  },
};
