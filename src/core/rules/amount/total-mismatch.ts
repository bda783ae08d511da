import { formatAmount, isNumeric, parseAmount, tableDecimals, type Decimal } from "../../amount";
import type { Rule } from "../rule";
import { COLUMN_EN, COLUMN_NAME, expectedSum, refProblem, totalFix, totalTargets } from "./common";
import { runs } from "./formula";

export const totalMismatch: Rule = {
  id: "amount/total-mismatch",
  severity: "error",
  blocking: true, // the platform recomputes the totals itself
  category: "amount",
  title: { zh: "合计与各任务之和不符", en: "合计 does not match the tasks" },
  docs: {
    description: {
      zh: "合计行的总额、财政拨款、其他资金须分别等于各任务该栏之和。按精确的十进制比较：合计差几分钱也是错误。",
      en: "Each column of the 合计 row (总额, 财政拨款, 其他资金) must equal the sum of that column over the tasks. Compared in exact decimal arithmetic: a 合计 off by a few cents is an error.",
    },
    bad: "合计 1899.29 (tasks add up to 1899.19)",
    good: "合计 1899.19 (tasks add up to 1899.19)",
  },
  check(table, report) {
    const decimals = tableDecimals(table);
    const fmt = (d: Decimal) => formatAmount(d, decimals);
    for (const t of totalTargets(table)) {
      if (t.kind !== "grand-total" || t.inputs.length === 0) continue;
      const own = parseAmount(t.cell);
      if (own.kind !== "number" && own.kind !== "empty") continue; // amount/not-a-number
      const parts = t.inputs.map(parseAmount);
      // Only when every task cell of the column is a number: amount/not-a-number reports the others.
      const expected = expectedSum(parts, false);
      if (!expected) continue;
      if (t.cell.formula !== null && parts.some((p) => p.kind === "text-number")) continue;
      if (refProblem(t)) continue; // amount/formula-range
      const col = COLUMN_NAME[t.column];
      const range = runs(t.inputs).join("、");
      const rangeEn = runs(t.inputs).join(", ");
      const fix = totalFix(table, t, expected, parts);
      if (own.kind === "empty") {
        // A blank 合计 where the tasks add up to 0 (an unused 其他资金 column) reads as 0.
        if (expected.isZero()) continue;
        report({
          cell: t.cell.address,
          related: t.inputs.map((c) => c.address),
          message: {
            zh: `合计“${col}”${t.cell.address} 为空，应为 ${fmt(expected)}（${range} 之和）。`,
            en: `The 合计 ${COLUMN_EN[t.column]} (${col}) ${t.cell.address} is empty; it should be ${fmt(expected)}, the sum of ${rangeEn}.`,
          },
          fix,
        });
        continue;
      }
      if (own.value.eq(expected)) continue;
      const diff = own.value.minus(expected);
      // "A row that repeats the grand total": a task cell equal to the 合计, counted once too often.
      const repeat =
        t.inputs.length > 1
          ? t.inputs.find((c, i) => {
              const p = parts[i];
              return isNumeric(p) && p.value.eq(own.value) && diff.negated().eq(p.value);
            })
          : undefined;
      report({
        cell: t.cell.address,
        related: t.inputs.map((c) => c.address),
        message: {
          zh:
            `合计“${col}”应为 ${fmt(expected)}，实为 ${fmt(own.value)}（相差 ${fmt(diff.abs())}）：${t.cell.address} 应等于任务 ${range} 之和。` +
            (repeat ? `任务行 ${repeat.address} 与合计相同，可能是把合计重复填成了一行任务。` : ""),
          en:
            `The 合计 ${COLUMN_EN[t.column]} (${col}) should be ${fmt(expected)}, but is ${fmt(own.value)} (off by ${fmt(diff.abs())}): ` +
            `${t.cell.address} should equal the sum of the tasks ${rangeEn}.` +
            (repeat
              ? ` Task cell ${repeat.address} equals the 合计: it may repeat the grand total as a task row.`
              : ""),
        },
        // Whether the 合计 or the repeating row is wrong is for the user to say.
        fix: repeat ? undefined : fix,
      });
    }
  },
};
