import type { Rule } from "../rule";
import { valueRows, related, problem, isPlaceholder } from "./rows";

export const valueLookalikeDigit: Rule = {
  id: "value/lookalike-digit",
  severity: "error",
  category: "value",
  title: { zh: "数字中误用了字母（O/l）", en: "Letters used as digits (O/l)" },
  docs: {
    description: {
      zh: "数字中混入了形似数字的字母（字母 O 当作 0，字母 l/I 当作 1），表格看起来正确，系统却读不出数字。",
      en: "Letters that look like digits (O for 0, l or I for 1) inside a number: the table looks right but no system can read the number.",
    },
    bad: "1OO%",
    good: "100%",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      const p = problem(v, "lookalike-digit");
      if (!p || isPlaceholder(v)) continue;
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `指标值“${v.text}”的数字中误用了字母（O/l），应为“${p.fixed}”。`,
          en: `The value '${v.text}' uses letters as digits; it should read '${p.fixed}'.`,
        },
        fix:
          table.indicators?.form === "merged"
            ? [{ sheet: table.sheet, cell: v.cell.address, value: p.fixed }]
            : undefined,
      });
    }
  },
};
