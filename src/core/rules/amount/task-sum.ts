import { formatAmount, isNumeric, parseAmount, tableDecimals } from "../../amount";
import type { Rule } from "../rule";
import { expectedSum, refProblem, totalFix, totalTargets } from "./common";

export const taskSum: Rule = {
  id: "amount/task-sum",
  severity: "error",
  blocking: true, // the platform recomputes each task's total
  category: "amount",
  title: { zh: "任务总额不等于财政拨款与其他资金之和", en: "Task total is not fiscal + other funds" },
  docs: {
    description: {
      zh: "年度主要任务的每一行，总额须等于财政拨款加其他资金。财政部预算平台会自行重算任务总额，不相等即为错误。按精确的十进制比较，不容许几分钱的差额。",
      en: "On every task row, 总额 (total) must equal 财政拨款 (fiscal appropriation) plus 其他资金 (other funds). The ministry's platform recomputes the total itself, so a mismatch is an error. Compared in exact decimal arithmetic, with no cents tolerance.",
    },
    bad: "总额 120.60 | 财政拨款 100.25 | 其他资金 20.25",
    good: "总额 120.50 | 财政拨款 100.25 | 其他资金 20.25",
  },
  check(table, report) {
    const decimals = tableDecimals(table);
    const fmt = (d: Parameters<typeof formatAmount>[0]) => formatAmount(d, decimals);
    for (const t of totalTargets(table)) {
      if (t.kind !== "task-total") continue;
      const own = parseAmount(t.cell);
      if (own.kind !== "number") continue; // text, errors and empties: amount/not-a-number
      const parts = t.inputs.map(parseAmount);
      const expected = expectedSum(parts, false);
      if (!expected) continue;
      // SUM ignores numbers typed as text, so the cached result is off until those are fixed (amount/not-a-number).
      if (t.cell.formula !== null && parts.some((p) => p.kind === "text-number")) continue;
      // A formula with wrong references is reported, with its corrected formula, by amount/formula-range.
      if (refProblem(t)) continue;
      if (own.value.eq(expected)) continue;
      const [fiscal, other] = t.inputs;
      // A negative part in brackets: 40.00 + (-5.10).
      const [fv, ov] = parts.map((p) =>
        isNumeric(p) ? (p.value.isNegative() ? `(${fmt(p.value)})` : fmt(p.value)) : ""
      );
      const diff = fmt(own.value.minus(expected).abs());
      report({
        cell: t.cell.address,
        related: [fiscal.address, other.address],
        message: {
          zh: `总额 ${t.cell.address} 应为 财政拨款 ${fiscal.address} + 其他资金 ${other.address} = ${fv} + ${ov} = ${fmt(expected)}，实为 ${fmt(own.value)}（相差 ${diff}）。`,
          en: `Total (总额) ${t.cell.address} should be 财政拨款 ${fiscal.address} + 其他资金 ${other.address} = ${fv} + ${ov} = ${fmt(expected)}, but is ${fmt(own.value)} (off by ${diff}).`,
        },
        fix: totalFix(table, t, expected, parts),
      });
    }
  },
};
