import type { Rule } from "../rule";
import { isHeadCountUnit } from "../../value/grammar";
import { valueRows, related, isPlaceholder } from "./rows";

export const valueFractionalCount: Rule = {
  id: "value/fractional-count",
  severity: "error",
  category: "value",
  title: { zh: "人数不是整数", en: "Fractional head count" },
  docs: {
    description: {
      zh: "以人、人次、名、户计的指标值必须是整数；需要小数时请换用“万人次”等单位。",
      en: "A count of people or households (人, 人次, 名, 户) must be a whole number; use a unit such as 万人次 for fractions.",
    },
    bad: "≥2.5人",
    good: "≥3人",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      const p = v.parsed;
      if (isPlaceholder(v) || p.kind !== "quantitative" || !isHeadCountUnit(p.unit ?? "") || !p.number?.includes("."))
        continue;
      if (/^\d+\.0+$/.test(p.number)) continue;
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `指标值“${v.text}”的${p.unit}数不是整数。`,
          en: `The value '${v.text}' counts ${p.unit} with a fraction.`,
        },
      });
    }
  },
};
