import { amountCells, formatAmount, isNumeric, parseAmount, tableDecimals } from "../../amount";
import type { Rule } from "../rule";
import { amountName } from "./common";

export const precision: Rule = {
  id: "amount/precision",
  severity: "warning",
  category: "amount",
  // A consequence is not a second fault: the 合计 over this cell is off because of it.
  supersedes: ["amount/total-mismatch", "amount/task-sum"],
  title: { zh: "金额小数位数过多", en: "Amount has too many decimal places" },
  docs: {
    description: {
      zh: "金额的小数位数多于本表通常使用的位数（本表金额中最常见的小数位数，至少 2 位：万元金额实际都保留两位小数，有的地方要求六位，表内一贯使用六位时不提示）。以万元计的金额保留4位小数即精确到元（如153.5184万元），不提示。多出的位数往往被单元格格式隐藏，却仍计入合计。",
      en: "An amount with more decimal places than the table uses (the most common count among its amounts, at least 2: 万元 amounts carry two decimals in practice; one local guide asks for six, and a table that consistently uses six is fine). In 万元, 4 decimals are whole 元 (153.5184 万元) and are never flagged. Extra places are often hidden by the number format but still count in the sums.",
    },
    bad: "120.50501 in a table of two-decimal amounts",
    good: "120.51",
  },
  check(table, report) {
    const decimals = tableDecimals(table);
    // In 万元, 4 decimals are whole 元 (153.5184 万元 = 1535184 元): exact to the 元, never a fault.
    const allowed = table.unit === "万元" ? Math.max(decimals, 4) : decimals;
    for (const a of amountCells(table)) {
      const p = parseAmount(a.cell);
      if (!isNumeric(p) || p.decimals <= allowed) continue;
      const { zh: zhName, en: enName } = amountName(a);
      const shown = p.kind === "text-number" ? p.text : formatAmount(p.value, 0);
      report({
        cell: a.cell.address,
        message: {
          zh: `${zhName} ${a.cell.address} 为 ${shown}，有 ${p.decimals} 位小数，而本表金额保留 ${decimals} 位（${table.unit}）。`,
          en: `The ${enName} (${zhName}) ${a.cell.address} is ${shown}, with ${p.decimals} decimal places; the table's amounts use ${decimals} (${table.unit}).`,
        },
      });
    }
  },
};
