import { formatAmount, isNumeric, parseAmount, tableDecimals, type Decimal } from "../../amount";
import type { Rule } from "../rule";
import { COLUMN_NAME, expectedSum, refProblem, totalFix, totalTargets } from "./common";

export const projectSum: Rule = {
  id: "amount/project-sum",
  severity: "error",
  blocking: true, // the platform recomputes the project's total
  category: "amount",
  title: { zh: "年度资金总额不等于各项资金之和", en: "Annual total is not the sum of its funds" },
  docs: {
    description: {
      zh: "项目支出表的年度资金总额须等于财政拨款加其他资金（有上年结转资金一栏时再加上年结转资金）。空白的资金来源按 0 计。按精确的十进制比较。",
      en: "In a project table, 年度资金总额 (annual total) must equal 财政拨款 plus 其他资金 (plus 上年结转资金 where the table has it). A blank source counts as 0. Compared in exact decimal arithmetic.",
    },
    bad: "年度资金总额 0 | 财政拨款 90 | 其他资金 0",
    good: "年度资金总额 90 | 财政拨款 90 | 其他资金 0",
  },
  check(table, report) {
    const decimals = tableDecimals(table);
    const fmt = (d: Decimal) => formatAmount(d, decimals);
    const funding = table.funding;
    for (const t of totalTargets(table)) {
      if (t.kind !== "project-total" || !funding) continue;
      const own = parseAmount(t.cell);
      if (own.kind !== "number") continue; // empty: structure/missing-funding; text: amount/not-a-number
      const parts = t.inputs.map(parseAmount);
      if (parts.every((p) => p.kind === "empty")) continue;
      const expected = expectedSum(parts, true);
      if (!expected) continue;
      if (t.cell.formula !== null && parts.some((p) => p.kind === "text-number")) continue;
      if (refProblem(t)) continue; // amount/formula-range
      if (own.value.eq(expected)) continue;
      const keys = (["fiscal", "other", "carryover"] as const).filter((k) => funding[k]?.value);
      const names = keys.map((k, i) => `${COLUMN_NAME[k]} ${t.inputs[i].address}`).join(" + ");
      const values = parts
        .map((p) => (isNumeric(p) ? (p.value.isNegative() ? `(${fmt(p.value)})` : fmt(p.value)) : "0"))
        .join(" + ");
      const diff = fmt(own.value.minus(expected).abs());
      report({
        cell: t.cell.address,
        related: t.inputs.map((c) => c.address),
        message: {
          zh: `年度资金总额 ${t.cell.address} 应为 ${names} = ${values} = ${fmt(expected)}，实为 ${fmt(own.value)}（相差 ${diff}）。`,
          en: `The annual total (年度资金总额) ${t.cell.address} should be ${names} = ${values} = ${fmt(expected)}, but is ${fmt(own.value)} (off by ${diff}).`,
        },
        fix: totalFix(table, t, expected, parts),
      });
    }
  },
};
