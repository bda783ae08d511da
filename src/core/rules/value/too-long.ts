import type { Rule } from "../rule";
import { valueRows, related } from "./rows";

export const MAX_VALUE_LENGTH = 60;

export const valueTooLong: Rule = {
  id: "value/too-long",
  severity: "error",
  blocking: true, // the platform stores at most 60 characters
  category: "value",
  title: { zh: "指标值超过60个字", en: "Value longer than 60 characters" },
  docs: {
    description: {
      zh: "平台以不超过60个字符的文本保存指标值，超长部分无法导入。说明性文字请写入备注或指标解释。",
      en: "The platform stores a value as text of at most 60 characters; anything longer cannot be imported. Put explanations in the remarks.",
    },
    bad: "(a 61-character description)",
    good: "≥95%",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      const n = [...v.text].length;
      if (n <= MAX_VALUE_LENGTH) continue;
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `指标值有 ${n} 个字，超过平台上限 ${MAX_VALUE_LENGTH} 个字。`,
          en: `The value is ${n} characters long, over the platform's limit of ${MAX_VALUE_LENGTH}.`,
        },
      });
    }
  },
};
