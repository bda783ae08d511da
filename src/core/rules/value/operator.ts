import type { Rule } from "../rule";
import { valueRows, related, problem, isPlaceholder } from "./rows";

export const valueOperator: Rule = {
  id: "value/operator",
  severity: "error",
  category: "value",
  title: { zh: "计算符号有误", en: "Malformed operator" },
  docs: {
    description: {
      zh: "指标值只能有一个计算符号（≥ ＞ ＝ ＜ ≤），且符号后必须跟数字。“≥=100%”“≥90%≤100%”“≥提升”都无法被平台识别。",
      en: "A value has one operator (≥ ＞ ＝ ＜ ≤) followed by a number. '≥=100%', '≥90%≤100%' and '≥提升' cannot be read by the platform.",
    },
    bad: "≥=100%",
    good: "=100%",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      if (isPlaceholder(v)) continue;
      const two = problem(v, "two-operators");
      const noNumber = problem(v, "operator-without-number");
      if (!two && !noNumber) continue;
      report({
        cell: v.cell.address,
        related: related(v),
        message: two
          ? {
              zh: `指标值“${v.text}”有多个计算符号（${two.text}），只能保留一个。`,
              en: `The value '${v.text}' has more than one operator (${two.text}); keep one.`,
            }
          : {
              zh: `指标值“${v.text}”有计算符号却没有数字；定性指标请去掉符号，定量指标请填写数字。`,
              en: `The value '${v.text}' has an operator but no number: drop the operator for a qualitative target, or add the number.`,
            },
      });
    }
  },
};
