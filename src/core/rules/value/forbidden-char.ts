import type { Rule } from "../rule";
import { valueRows, related, isPlaceholder } from "./rows";

export const valueForbiddenChar: Rule = {
  id: "value/forbidden-char",
  severity: "error",
  blocking: true, // the platform rejects a value containing * _ -
  category: "value",
  title: { zh: "指标值含平台不接受的字符", en: "Character the platform rejects" },
  docs: {
    description: {
      zh: "预算管理一体化系统拒绝含“*”“_”“-”的指标值。日期请写作“2021年12月31日前”，区间请拆成两个指标。",
      en: "The ministry's platform rejects values containing '*', '_' or '-'. Write dates as 2021年12月31日前 and split ranges into two indicators.",
    },
    bad: "2021-12-31",
    good: "2021年12月31日前",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      if (isPlaceholder(v)) continue;
      const chars = v.parsed.problems
        .filter((p) => p.code === "forbidden-char")
        .map((p) => (p as { char: string }).char);
      if (chars.length === 0) continue;
      const list = chars.map((c) => `“${c}”`).join("");
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `指标值“${v.text}”含平台不接受的字符${list}。`,
          en: `The value '${v.text}' contains ${chars.map((c) => `'${c}'`).join(", ")}, which the platform rejects.`,
        },
      });
    }
  },
};
