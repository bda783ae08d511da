import type { Rule } from "../rule";
import { valueRows, related, problem } from "./rows";

export const valuePlaceholder: Rule = {
  id: "value/placeholder",
  severity: "error",
  category: "value",
  title: { zh: "指标值是未填写的占位符", en: "Placeholder left in a value" },
  docs: {
    description: {
      zh: "模板中的占位符（如“≥**%”“……”“指标2:”“XX”）未替换为实际目标值。平台拒绝含“*”的指标值。",
      en: "A template placeholder (≥**%, ……, 指标2:, XX) was left instead of a real target. The platform rejects values containing '*'.",
    },
    bad: "≥**%",
    good: "≥95%",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      const p = problem(v, "placeholder");
      if (!p) continue;
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `指标值“${v.text}”含模板占位符“${p.text}”，请填写实际目标值。`,
          en: `The value '${v.text}' still holds the template placeholder '${p.text}'; fill in the real target.`,
        },
      });
    }
  },
};
