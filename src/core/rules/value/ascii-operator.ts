import type { Rule } from "../rule";
import { valueRows, related, isPlaceholder } from "./rows";

export const valueAsciiOperator: Rule = {
  id: "value/ascii-operator",
  severity: "info",
  category: "value",
  title: { zh: "计算符号可规范为“≥”“≤”", en: "Operator can be normalised" },
  docs: {
    description: {
      zh: "“>=”“<=”或全角“＞＝”等写法可读，但规范写法是平台字典中的“≥ ＞ ＝ ＜ ≤”。修正只替换符号，不改数值。",
      en: "'>=', '<=' or full-width forms are readable, but the platform's dictionary writes ≥ ＞ ＝ ＜ ≤. The fix replaces the operator only.",
    },
    bad: ">=85%",
    good: "≥85%",
  },
  check(table, report) {
    if (table.indicators?.form !== "merged") return;
    for (const v of valueRows(table)) {
      const p = v.parsed;
      if (isPlaceholder(v) || !p.operator || !p.operatorText || p.problems.some((x) => x.code === "two-operators"))
        continue;
      const typed = v.cell.text.match(/^\s*[<>=≥≤≧≦＜＞＝]+/)?.[0].trim() ?? "";
      if (typed === p.operator || typed === "") continue;
      if (!/^(>=|<=|=>|=<|≧|≦|＞＝|＜＝|==)$/.test(typed)) continue;
      const fixed = v.cell.text.trim().replace(typed, p.operator);
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `计算符号“${typed}”可规范为“${p.operator}”：“${fixed}”。`,
          en: `The operator '${typed}' can be written '${p.operator}': '${fixed}'.`,
        },
        fix: [{ sheet: table.sheet, cell: v.cell.address, value: fixed }],
      });
    }
  },
};
