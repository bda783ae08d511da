import type { Rule } from "../rule";
import { valueRows, related, isPlaceholder } from "./rows";

export const valueNoOperator: Rule = {
  id: "value/no-operator",
  severity: "warning",
  category: "value",
  title: { zh: "定量指标缺少计算符号", en: "No operator" },
  docs: {
    description: {
      zh: "定量指标值应以计算符号开头（≥ ＞ ＝ ＜ ≤），表明目标是下限、上限还是确定值。实际表格中常省略，因此只作提示。",
      en: "A quantitative value should start with an operator (≥ ＞ ＝ ＜ ≤) saying whether the target is a floor, a ceiling or exact. Real tables often omit it, so this is a warning.",
    },
    bad: "100%",
    good: "=100%",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      if (isPlaceholder(v) || v.parsed.kind !== "quantitative" || v.parsed.operatorText) continue;
      if (v.parsed.unit === "" && Number(v.parsed.number) > 30000) continue; // a date serial: value/excel-serial says it
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `指标值“${v.text}”没有计算符号，请注明是“≥”“≤”还是“＝”。`,
          en: `The value '${v.text}' has no operator; say whether it is ≥, ≤ or =.`,
        },
      });
    }
  },
};
