import type { Rule } from "../rule";
import { valueRows, related, problem, isPlaceholder } from "./rows";

export const valueFullwidth: Rule = {
  id: "value/fullwidth",
  severity: "warning",
  category: "value",
  title: { zh: "全角数字或符号", en: "Full-width digits" },
  docs: {
    description: {
      zh: "指标值中的数字、百分号或小数点是全角字符（１００％），部分系统无法识别为数字，应改为半角（100%）。",
      en: "Digits, the percent sign or the decimal point are full-width (１００％); some systems do not read them as a number. Use half-width (100%).",
    },
    bad: "≥９５％",
    good: "≥95%",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      if (!problem(v, "fullwidth") || isPlaceholder(v)) continue;
      const fixed = v.cell.text.replace(/[０-９％．]/g, (c) => c.normalize("NFKC"));
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `指标值“${v.text}”含全角数字或符号，应为“${fixed}”。`,
          en: `The value '${v.text}' has full-width digits; it should read '${fixed}'.`,
        },
        fix: [{ sheet: table.sheet, cell: v.cell.address, value: fixed }],
      });
    }
  },
};
