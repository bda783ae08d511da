import type { Rule } from "../rule";
import { valueRows, related, problem, isPlaceholder } from "./rows";

export const valueNegative: Rule = {
  id: "value/negative",
  severity: "error",
  category: "value",
  title: { zh: "指标值为负数", en: "Negative value" },
  docs: {
    description: {
      zh: "数量、比率、成本等指标值不能为负数；要表示“减少”，请用“≤”加上限值，或用定性表述“下降”。",
      en: "Counts, rates and costs cannot be negative; to express a decrease use '≤' with a ceiling, or a qualitative '下降'.",
    },
    bad: "-3人",
    good: "≤3人",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      if (!problem(v, "negative") || isPlaceholder(v)) continue;
      report({
        cell: v.cell.address,
        related: related(v),
        message: { zh: `指标值“${v.text}”为负数。`, en: `The value '${v.text}' is negative.` },
      });
    }
  },
};
